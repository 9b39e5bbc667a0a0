"""Simulasi & Rencana runs one scenario once: the year's simulation and the plan come from the same
roster with the same choices, so the figures on the page agree with each other.

The kades of budget_helpers (3.800.000 PU, all four programs, worker share paid by the desa):
JHT 5,7 % = 216.600 and JP 3 % = 114.000 a month from the desa. With the worker share withheld
("potong" for everyone) the desa pays JHT 3,7 % = 140.600 and JP 2 % = 76.000, and 2 % = 76.000
and 1 % = 38.000 are withheld.
"""

from pathlib import Path

from budget_helpers import DESA_TOTAL, YEAR, small_village

from desa_budget.budget.scenarios import ScenarioParams, run_scenario
from desa_budget.rules import load_rules

RULES = load_rules()


def test_without_an_override_each_person_keeps_their_own_worker_share(tmp_path: Path) -> None:
    db, _ = small_village(tmp_path)
    with db.session() as s:
        column = run_scenario(s, RULES, YEAR, ScenarioParams(pagu=10_000_000))
    assert {p.iuran_pekerja for p in column.simulation.persons} == {"desa"}
    assert (column.desa, column.potongan) == (DESA_TOTAL, 0)
    tiers = {t.tier: t for t in column.plan.tiers}
    assert (tiers[5].cost, tiers[6].cost) == (12 * 216_600, 12 * 114_000)
    assert column.plan.used == column.simulation.desa


def test_an_override_applies_to_the_simulation_and_the_plan_alike(tmp_path: Path) -> None:
    db, _ = small_village(tmp_path)
    with db.session() as s:
        column = run_scenario(
            s, RULES, YEAR, ScenarioParams(pagu=10_000_000, iuran_pekerja="potong")
        )
    assert {p.iuran_pekerja for p in column.simulation.persons} == {"potong"}
    saved = 12 * (216_600 - 140_600 + 114_000 - 76_000)
    assert column.desa == DESA_TOTAL - saved
    assert column.potongan == 12 * (76_000 + 38_000)
    tiers = {t.tier: t for t in column.plan.tiers}
    assert (tiers[5].cost, tiers[6].cost) == (12 * 140_600, 12 * 76_000)
    assert column.plan.used == column.simulation.desa
