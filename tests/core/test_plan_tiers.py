"""Tiers are kabupaten-profile data: the national order, the Kendal example (BPD in the JHT and JP
tiers), a village's profile choice, and a bad tier refused with its file and field named.

Hand figures (2025, JKK class I, worker shares paid by the desa unless said):
    Kades Suparno (budget_helpers) 3.800.000: JKK+JKM 246.240, JHT 12 x 216.600 = 2.599.200,
        JP 12 x 114.000 = 1.368.000
    Ketua BPD Darmo 3.000.000 PU, all four programs: JKK+JKM 12 x (7.200 + 9.000) = 194.400,
        JHT 12 x 171.000 (5,7 %) = 2.052.000, JP 12 x 90.000 (3 %) = 1.080.000
"""

import json
from pathlib import Path
from typing import Any

import pytest
from budget_helpers import BORN, DESA_TOTAL, YEAR, small_village
from roster_helpers import make_nik
from sqlalchemy import select

from desa_budget.budget.codes.profiles import get_kabupaten_profile, load_kabupaten_profiles
from desa_budget.budget.findings import year_findings
from desa_budget.budget.plan_defaults import default_plan, village_tiers
from desa_budget.budget.planner import default_tiers
from desa_budget.budget.scenarios import ScenarioParams, load_scenario, run_scenario, save_scenario
from desa_budget.contributions.simulation import simulate
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules
from desa_budget.store.models import VillageProfile
from desa_budget.village import categories

RULES = load_rules()
APPARATUS = ("kepala_desa", "sekretaris_desa", "perangkat_desa")
BPD_YEAR = 194_400 + 2_052_000 + 1_080_000


def test_the_national_profile_carries_the_default_order() -> None:
    tiers = default_tiers(target_pekerja_rentan=30)
    assert [(t.number, t.categories, t.programs, t.pu_only, t.target) for t in tiers] == [
        (1, APPARATUS, ("JKK", "JKM"), False, None),
        (2, ("bpd",), ("JKK", "JKM"), False, None),
        (3, ("staf_desa", "lkd"), ("JKK", "JKM"), False, None),
        (4, ("rt_rw",), ("JKK", "JKM"), False, None),
        (5, APPARATUS, ("JHT",), True, None),
        (6, APPARATUS, ("JP",), True, None),
        (7, ("pekerja_rentan",), ("JKK", "JKM"), False, 30),
        (8, categories.KEYS, ("JKK", "JKM", "JHT", "JP"), False, None),
    ]  # fmt: skip
    assert tiers[6].name == "JKK+JKM Pekerja Rentan (target 30 orang)"
    assert get_kabupaten_profile("nasional").tiers_source


def test_kendal_puts_bpd_in_the_jht_and_jp_tiers() -> None:
    kendal = get_kabupaten_profile("kendal")
    assert kendal.example and "CONTOH" in kendal.source and "[L]" in kendal.source
    assert "domain.md" in kendal.source  # says the Perbup text is not there
    by_number = {t.number: t for t in kendal.tiers}
    assert by_number[2].programs == ("JHT",) and "bpd" in by_number[2].categories
    assert by_number[3].programs == ("JP",) and "bpd" in by_number[3].categories
    assert kendal.mapping == get_kabupaten_profile("nasional").mapping  # ADD for all, inherited
    assert {r.kategori for r in kendal.rules} == {*APPARATUS, "bpd"}
    assert all(r.iuran_pekerja == "potong" and r.confidence == "L" for r in kendal.rules)


def _village_with_bpd(tmp_path: Path):  # type: ignore[no-untyped-def]
    db, ids = small_village(tmp_path)
    with db.session() as s:
        ids["Darmo"] = roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "L", 4), "Darmo", "L", BORN),
            [roster.PostData("bpd", "Ketua BPD")],
            roster.CoverageData(YEAR, "PU", 3_000_000, ("JKK", "JKM", "JHT", "JP")),
            operator="uji",
        )
    return db, ids


def _choose(db, name: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        s.scalars(select(VillageProfile)).one().kabupaten_profil = name


def test_a_village_choosing_kendal_changes_the_tiers_without_code(tmp_path: Path) -> None:
    db, ids = _village_with_bpd(tmp_path)
    full = DESA_TOTAL + BPD_YEAR
    # National: the BPD's JHT and JP fall to tier 8, after the pekerja rentan. 5.200.000 pays
    # JKK+JKM of the kades (246.240) and the BPD (194.400), the RT (97.200), the kades' JHT
    # (2.599.200) and JP (1.368.000), Painem (201.600): 4.706.640, 493.360 left; the BPD's
    # JHT+JP (2.052.000 + 1.080.000) in tier 8 do not fit.
    with db.session() as s:
        national = default_plan(s, RULES, YEAR, pagu=5_200_000)
    assert national.cost_full == full == simulate_under(db).desa
    by_tier = {t.tier: t for t in national.tiers}
    assert by_tier[5].covered_ids == (ids["Suparno"],)  # the BPD is not in the JHT tier
    assert (national.used, national.left) == (4_706_640, 493_360)
    darmo = next(p for p in national.persons if p.nama == "Darmo")
    assert (darmo.programs, darmo.reason) == (("JKK", "JKM"), "tidak cukup pagu, tingkat 8")
    _choose(db, "kendal")
    with db.session() as s:
        assert [t.number for t in village_tiers(s)] == [1, 2, 3, 4, 5, 6, 7]
        kendal = default_plan(s, RULES, YEAR, pagu=5_200_000)
    # Kendal: tier 1 JKK+JKM kades and BPD 440.640; tier 2 JHT both 2.599.200 + 2.052.000 =
    # 4.651.200; 5.091.840 used, 108.160 left; tier 3 JP (1.368.000 first) does not fit.
    by_tier = {t.tier: t for t in kendal.tiers}
    assert by_tier[2].covered_ids == (ids["Suparno"], ids["Darmo"])
    assert (kendal.used, kendal.left) == (5_091_840, 108_160)
    assert kendal.cost_full == full
    darmo = next(p for p in kendal.persons if p.nama == "Darmo")
    assert (darmo.programs, darmo.left_out) == (("JKK", "JKM", "JHT"), ("JP",))
    assert darmo.reason == "tidak cukup pagu, tingkat 3"


def simulate_under(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return simulate(s, RULES, YEAR)


def test_kendal_warns_when_a_required_program_or_withholding_is_missing(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    with db.session() as s:
        roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "L", 5), "Darmo", "L", BORN),
            [roster.PostData("bpd", "Ketua BPD")],
            roster.CoverageData(YEAR, "PU", 3_000_000, ("JKK", "JKM")),
            operator="uji",
        )
    _choose(db, "kendal")
    with db.session() as s:
        found = [f.message for f in year_findings(s, simulate(s, RULES, YEAR))]
    assert (
        "Profil Contoh: Kabupaten Kendal mewajibkan JKK, JKM, JHT, JP untuk BPD; Darmo belum "
        "ikut JHT, JP." in found
    )
    # The kades has JHT and JP with the worker share paid by the desa.
    assert (
        "Profil Contoh: Kabupaten Kendal meminta iuran pekerja JHT dan JP Suparno dipotong dari "
        "siltap, bukan dibayar desa." in found
    )
    _choose(db, "nasional")
    with db.session() as s:
        found = [f.message for f in year_findings(s, simulate(s, RULES, YEAR))]
    assert not [m for m in found if "Kendal" in m]


def _folder(tmp_path: Path, data: dict[str, Any]) -> Path:
    folder = tmp_path / "kabupaten"
    folder.mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[2] / "resources/codes/kabupaten/nasional.json"
    (folder / "nasional.json").write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "kab_rusak.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_a_bad_tier_is_refused_naming_the_file_and_the_field(tmp_path: Path) -> None:
    tiers = [
        {"number": 1, "name": "JKK+JKM Lurah", "categories": ["lurah"], "programs": ["JKK"]},
        {"number": 1, "name": "Dua kali", "categories": ["bpd"], "programs": ["JKK"]},
        {"number": 0, "name": " ", "categories": [], "programs": ["JKN"], "segmen": "ASN",
         "target": -1, "warna": "merah"},
    ]  # fmt: skip
    with pytest.raises(UserError) as err:
        load_kabupaten_profiles(_folder(tmp_path, {"name": "kab_rusak", "tiers": tiers}))
    assert err.value.message == "Profil kabupaten kab_rusak.json tidak sah."
    assert err.value.details == [
        "kab_rusak.json tiers ke-1: 'categories' memuat yang tidak dikenal: lurah.",
        "kab_rusak.json tiers ke-2: nomor 1 dipakai dua kali.",
        "kab_rusak.json tiers ke-3: isian 'warna' tidak dikenal.",
        "kab_rusak.json tiers ke-3: 'number' harus bilangan bulat mulai 1.",
        "kab_rusak.json tiers ke-3: 'name' wajib diisi.",
        "kab_rusak.json tiers ke-3: 'categories' harus berupa daftar yang tidak kosong.",
        "kab_rusak.json tiers ke-3: 'programs' memuat yang tidak dikenal: JKN.",
        "kab_rusak.json tiers ke-3: 'segmen' harus PU atau BPU, bukan 'ASN'.",
        "kab_rusak.json tiers ke-3: 'target' harus bilangan bulat tidak negatif atau "
        "'profil_desa'.",
    ]
    with pytest.raises(UserError) as err:
        load_kabupaten_profiles(_folder(tmp_path / "kosong", {"name": "kab_rusak", "tiers": []}))
    assert err.value.details == [
        "kab_rusak.json: 'tiers' harus berupa daftar tingkat yang tidak kosong."
    ]


def test_a_scenario_order_goes_first_and_the_profile_keeps_the_rest(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    # Tier 7 first (Painem, 201.600 of 300.000), a number no profile has (99) passed over, then
    # the profile's order: the kades' JKK+JKM (246.240) does not fit in 98.400, strict stops.
    params = ScenarioParams(pagu=300_000, tier_order=(7, 99))
    with db.session() as s:
        save_scenario(s, year=YEAR, name="Rentan dulu", params=params, operator="uji")
        column = run_scenario(s, RULES, YEAR, load_scenario(s, YEAR, "Rentan dulu"))
    assert [t.tier for t in column.plan.tiers] == [7, 1, 2, 3, 4, 5, 6, 8]
    assert (column.plan.used, column.plan.left) == (201_600, 98_400)
    assert column.plan.tiers[0].covered_ids == (ids["Painem"],)
    # A scenario kept from before tier 8 existed still reaches it.
    with db.session() as s:
        old = run_scenario(s, RULES, YEAR, ScenarioParams(pagu=0, tier_order=(1, 2, 3, 4, 5, 6, 7)))
    assert [t.tier for t in old.plan.tiers] == [1, 2, 3, 4, 5, 6, 7, 8]


def test_every_shipped_tier_name_is_in_the_translation_catalog() -> None:
    """English mode shows a tier's name translated only when its text is in the catalog."""
    from desa_budget.budget.tiers import SHIPPED_NAMES

    folder = Path(__file__).resolve().parents[2] / "resources" / "codes" / "kabupaten"
    names = {
        tier["name"]
        for path in folder.glob("*.json")
        for tier in json.loads(path.read_text(encoding="utf-8")).get("tiers", [])
    }
    assert names, "the shipped profiles define tiers"
    assert names <= set(SHIPPED_NAMES)


def test_a_tier_name_shows_in_english_with_its_target() -> None:
    from desa_budget.i18n import _, use_language

    profile = get_kabupaten_profile("nasional")
    rentan = next(t for t in profile.tiers if t.village_target)
    try:
        use_language("en")
        shown = _(rentan.name)
    finally:
        use_language("id")
    assert "100" in shown and "orang" not in shown
