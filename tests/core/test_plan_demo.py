"""The demo village of ``app.py init --demo`` (2026) with a pagu of Rp10.000.000: the case of
issue 13, where strict and fill used to leave Rp625.660 although more people would fit.

Strict pays tiers 1-4 whole (1.469.340 + 761.400 + 388.800 + 1.735.200 = 4.354.740) and the JHT
of the first four apparatus in the order (5.019.600): 9.374.340, 625.660 left; the fifth
person's JHT does not fit and strict stops. Fill goes on person by person: the retiring Kaur
Keuangan's JHT (6 months x 3,7 % x 2.400.000 = 6 x 88.800 = 532.800, worker share withheld)
fits in tier 5, leaving 92.860, less than any unit left out for lack of money (the cheapest: the
JKK+JKM of a pekerja rentan who joins in March, 10 x 16.800 = 168.000; a whole year is 201.600).
Her year: 6 x (12.960 + 88.800) = 610.560.
"""

import pytest
from roster_helpers import new_db

from desa_budget.budget.plan_defaults import default_plan
from desa_budget.contributions.simulation import load_roster_year, person_year, simulate
from desa_budget.demo import create_demo_village
from desa_budget.rules import load_rules

YEAR = 2026
RULES = load_rules()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    db = new_db(tmp_path_factory.mktemp("demo"), profile=False)
    with db.session() as s:
        create_demo_village(s, operator="uji", year=YEAR)
    return db


def test_the_full_cost_is_the_roster_total(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        result = default_plan(s, RULES, YEAR, pagu=10_000_000)
        assert result.cost_full == simulate(s, RULES, YEAR).desa == 42_883_040
    assert sum(t.cost_full for t in result.tiers) == result.cost_full
    assert result.cost_full_scenario is None


def test_strict_is_as_before(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        result = default_plan(s, RULES, YEAR, pagu=10_000_000, mode="strict")
    assert (result.used, result.left) == (9_374_340, 625_660)
    assert [(t.tier, t.covered) for t in result.tiers if t.covered] == [
        (1, 11), (2, 9), (3, 3), (4, 11), (5, 4)
    ]  # fmt: skip


def test_fill_leaves_less_than_the_cheapest_person_left_out(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        result = default_plan(s, RULES, YEAR, pagu=10_000_000, mode="fill")
        entries = {e.person_id: e for e in load_roster_year(s, YEAR)}
    assert (result.used, result.left) == (9_907_140, 92_860)
    assert sum(p.desa for p in result.persons) == result.used
    retiring = next(p for p in result.persons if p.months == (1, 2, 3, 4, 5, 6))
    assert retiring.kategori == "perangkat_desa" and retiring.desa == 6 * (12_960 + 88_800)
    assert retiring.programs == ("JKK", "JKM", "JHT")
    # Price every unit left out for lack of money (JKK+JKM together, JHT, JP: one tier each).
    left_out = [
        person_year(RULES, entries[p.person_id], YEAR, programs=group)[0].desa
        for p in result.persons
        if "tidak cukup pagu" in p.reason
        for group in (("JKK", "JKM"), ("JHT",), ("JP",))
        if set(group) <= set(p.left_out)
    ]
    # every pekerja rentan (and the JHT of 9 of them), 5 JHT and 8 JP of the apparatus
    assert len(left_out) == 100 + 9 + 5 + 8
    assert min(left_out) == 168_000  # a pekerja rentan's JKK+JKM, March to December
    assert result.left < min(left_out)
