"""The default plan (the village's tiers, the year's pagu) that the Beranda, the command line, the
printed ringkasan and Simulasi & Rencana all start from, on the small village of budget_helpers.

Year costs: tier 1 JKK+JKM kades 246.240; tier 4 RT 97.200; tier 5 JHT kades 12 x 216.600 =
2.599.200; tier 6 JP kades 12 x 114.000 = 1.368.000; tier 7 Painem 201.600.
"""

from pathlib import Path

from budget_helpers import DESA_TOTAL, RENTAN_YEAR, YEAR, small_village
from sqlalchemy import select

from desa_budget.budget import settings as budget_settings
from desa_budget.budget.plan_defaults import default_plan, plan_defaults, village_tiers, year_plan
from desa_budget.rules import load_rules
from desa_budget.store.models import VillageProfile
from desa_budget.store.opening import open_database

RULES = load_rules()
KADES_BASIC = 246_240


def test_tiers_take_the_profile_target_else_100(tmp_path: Path) -> None:
    bare = open_database(data_dir=tmp_path / "bare")
    with bare.session() as s:
        tiers = village_tiers(s)
    bare.dispose()
    assert [t.number for t in tiers] == [1, 2, 3, 4, 5, 6, 7, 8]  # 8: programs no tier above took
    assert tiers[6].target == 100 and "(target 100 orang)" in tiers[6].name
    db, _ = small_village(tmp_path)
    with db.session() as s:
        s.scalars(select(VillageProfile)).one().target_pekerja_rentan = 25
    with db.session() as s:
        assert village_tiers(s)[6].name == "JKK+JKM Pekerja Rentan (target 25 orang)"


def test_a_large_pagu_covers_everyone_and_a_zero_target_leaves_rentan_out(tmp_path: Path) -> None:
    db, _ = small_village(tmp_path)
    with db.session() as s:
        result = default_plan(s, RULES, YEAR, pagu=10_000_000, mode="fill")
    assert (result.used, result.left, result.mode) == (DESA_TOTAL, 10_000_000 - DESA_TOTAL, "fill")
    with db.session() as s:
        s.scalars(select(VillageProfile)).one().target_pekerja_rentan = 0
    with db.session() as s:
        result = default_plan(s, RULES, YEAR, pagu=10_000_000)
    assert result.used == DESA_TOTAL - RENTAN_YEAR
    assert (result.tiers[6].eligible, result.tiers[6].covered) == (0, 0)


def test_the_year_plan_uses_the_saved_pagu(tmp_path: Path) -> None:
    db, _ = small_village(tmp_path)
    with db.session() as s:
        assert year_plan(s, RULES, YEAR) is None
        budget_settings.set_budget_year(s, YEAR, total_belanja=None, pagu=300_000, operator="uji")
    with db.session() as s:
        result = year_plan(s, RULES, YEAR)
    # Tier 1 (246.240) fits; the RT's 97.200 does not fit in the 53.760 left: strict stops there.
    assert result is not None and (result.pagu, result.mode) == (300_000, "strict")
    assert result.used == KADES_BASIC and result.left == 53_760
    assert [(t.tier, t.covered, t.eligible) for t in result.tiers if t.eligible] == [
        (1, 1, 1), (4, 0, 1), (5, 0, 1), (6, 0, 1), (7, 0, 1)
    ]  # fmt: skip


def test_simulasi_starts_from_the_saved_pagu_and_the_roster_programs(tmp_path: Path) -> None:
    db, _ = small_village(tmp_path)
    with db.session() as s:
        budget_settings.set_budget_year(s, YEAR, total_belanja=None, pagu=45_000_000, operator="x")
    with db.session() as s:
        defaults = plan_defaults(s, YEAR)
        assert plan_defaults(s, YEAR + 1).pagu is None
    assert defaults.pagu == 45_000_000 and len(defaults.tiers) == 8
    assert dict(defaults.programs) == {
        "kepala_desa": ("JKK", "JKM", "JHT", "JP"),
        "rt_rw": ("JKK", "JKM"),
        "pekerja_rentan": ("JKK", "JKM"),
    }
