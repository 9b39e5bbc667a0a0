"""Named scenarios: saved, listed, refused when damaged, and compared on a hand-computed roster."""

from datetime import datetime

import pytest
from budget_helpers import DESA_TOTAL, RENTAN_YEAR, RT_YEAR, YEAR, small_village
from sqlalchemy import select

from desa_budget.budget import scenarios
from desa_budget.errors import UserError
from desa_budget.rules import load_rules
from desa_budget.store.models import AuditEntry, Scenario

RULES = load_rules()
KADES_BASIC = 246_240  # 12 x (9.120 + 11.400)


def test_save_list_load_and_overwrite(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    params = scenarios.ScenarioParams(
        pagu=300_000, mode="fill", tier_order=(4, 1, 7), programs={"rt_rw": ("JKK", "JKM")},
        iuran_pekerja="potong", bpu_discount=True,
    )  # fmt: skip
    with db.session() as s:
        scenarios.save_scenario(s, year=YEAR, name=" Hemat  ", params=params, operator="uji")
    with db.session() as s:
        loaded = scenarios.load_scenario(s, YEAR, "Hemat")
        assert loaded.pagu == 300_000 and loaded.tier_order == (4, 1, 7)
        assert dict(loaded.programs) == {"rt_rw": ("JKK", "JKM")}
        assert loaded.iuran_pekerja == "potong" and loaded.bpu_discount is True
        scenarios.save_scenario(
            s, year=YEAR, name="Hemat", params=scenarios.ScenarioParams(pagu=5), operator="uji"
        )
    with db.session() as s:
        items = scenarios.list_scenarios(s, YEAR)
        assert [(i.nama, i.params.pagu) for i in items] == [("Hemat", 5)]
        assert scenarios.list_scenarios(s, YEAR + 1) == []
        logged = s.scalars(select(AuditEntry).where(AuditEntry.entitas == "skenario")).all()
        assert len(logged) == 2
        scenarios.delete_scenario(s, year=YEAR, name="Hemat", operator="uji")
    with db.session() as s, pytest.raises(UserError, match="tidak ada"):
        scenarios.load_scenario(s, YEAR, "Hemat")


def test_invalid_params_are_refused(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        for bad in (
            scenarios.ScenarioParams(pagu=-1),
            scenarios.ScenarioParams(pagu=1, mode="rakus"),
            scenarios.ScenarioParams(pagu=1, tier_order=(1, 1)),
            scenarios.ScenarioParams(pagu=1, programs={"rt_rw": ("JKX",)}),
            scenarios.ScenarioParams(pagu=1, iuran_pekerja="bos"),
        ):
            with pytest.raises(UserError):
                scenarios.save_scenario(s, year=YEAR, name="x", params=bad, operator="uji")
        with pytest.raises(UserError, match="Nama"):
            scenarios.save_scenario(
                s, year=YEAR, name="  ", params=scenarios.ScenarioParams(pagu=1), operator="uji"
            )


@pytest.mark.parametrize(
    "text",
    ["{bukan json", "[]", '{"mode": "strict"}', '{"pagu": "banyak"}', '{"pagu": 1, "tiers": [0]}',
     '{"pagu": 1, "programs": {"rt_rw": "JKK"}}'],
)  # fmt: skip
def test_damaged_json_is_a_user_error(tmp_path, text):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        s.add(Scenario(tahun=YEAR, nama="Rusak", params_json=text, dibuat=datetime.now()))
    with db.session() as s:
        with pytest.raises(UserError, match="Skenario 'Rusak' rusak"):
            scenarios.load_scenario(s, YEAR, "Rusak")
        with pytest.raises(UserError, match="Rusak"):
            scenarios.list_scenarios(s, YEAR)


def test_compare_side_by_side(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        # A: only JKK+JKM for the kades, 300.000: tier 1 (246.240) fits, the RT (97.200) of
        # tier 4 does not fit in the 53.760 left -> strict stops there.
        scenarios.save_scenario(
            s, year=YEAR, name="A",
            params=scenarios.ScenarioParams(pagu=300_000, programs={"kepala_desa": ("JKK", "JKM")}),
            operator="uji",
        )  # fmt: skip
        # B: worker shares withheld, 10.000.000, fill: JHT costs the desa 3,7 % of 3.800.000 =
        # 140.600 a month, JP 2 % = 76.000; withheld 2 % = 76.000 and 1 % = 38.000.
        scenarios.save_scenario(
            s, year=YEAR, name="B",
            params=scenarios.ScenarioParams(pagu=10_000_000, mode="fill", iuran_pekerja="potong"),
            operator="uji",
        )  # fmt: skip
    with db.session() as s:
        result = scenarios.compare(s, RULES, YEAR, ["A", "B"])
        with pytest.raises(UserError):
            scenarios.compare(s, RULES, YEAR, ["A"])
    a, b = result.columns
    assert a.desa == KADES_BASIC + RT_YEAR + RENTAN_YEAR and a.potongan == 0
    # A switched JHT and JP off for the kades, so tiers 5 and 6 have nobody to cover.
    assert [(t.tier, t.covered, t.eligible) for t in a.plan.tiers if t.eligible] == [
        (1, 1, 1), (4, 0, 1), (7, 0, 1)
    ]  # fmt: skip
    assert a.plan.used == KADES_BASIC and a.plan.left == 300_000 - KADES_BASIC
    kades_b = KADES_BASIC + 12 * (140_600 + 76_000)
    assert b.desa == kades_b + RT_YEAR + RENTAN_YEAR and b.potongan == 12 * (76_000 + 38_000)
    assert all(t.covered == t.eligible for t in b.plan.tiers)
    assert b.plan.used == b.desa and b.plan.left == 10_000_000 - b.desa
    assert DESA_TOTAL == KADES_BASIC + 12 * (216_600 + 114_000) + RT_YEAR + RENTAN_YEAR
    rows = {r.label: r.values for r in result.rows}
    assert rows["Sisa"] == ("53.760", "6.855.760")
    assert rows["4. JKK+JKM Ketua RT/RW"] == ("0/1", "1/1")
    assert rows["Potongan siltap"] == ("0", "1.368.000")
