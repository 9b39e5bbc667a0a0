"""Simulasi & Rencana reads the roster once per opening and hands it to the defaults, the coverage
box and the plan (with the roster's own simulation): every figure is exactly what each part
computes reading the roster itself. Demo village (2026), scenarios that change nothing and ones
that change programs, worker shares and the BPU discount; then with a plan applied."""

import pytest
from roster_helpers import new_db

from desa_budget.budget.coverage import apply_default_plan
from desa_budget.budget.findings import coverage_findings
from desa_budget.budget.plan_defaults import plan_defaults
from desa_budget.budget.scenarios import ScenarioParams, run_scenario
from desa_budget.contributions.simulation import load_roster_year, simulate
from desa_budget.demo import create_demo_village
from desa_budget.rules import load_rules
from desa_budget.store.database import Database
from desa_budget.store.models import Person

YEAR = 2026
RULES = load_rules()
SCENARIOS = (
    ScenarioParams(pagu=10_000_000),
    ScenarioParams(pagu=10_000_000, mode="fill", tier_order=(6, 5)),
    ScenarioParams(pagu=30_000_000, iuran_pekerja="potong"),
    ScenarioParams(pagu=20_000_000, programs={"pekerja_rentan": ("JKK", "JKM", "JHT")}),
    ScenarioParams(pagu=5_000_000, bpu_discount=True),
)


@pytest.fixture
def demo_db(tmp_path):  # type: ignore[no-untyped-def]
    db = new_db(tmp_path, profile=False)
    with db.session() as s:
        create_demo_village(s, operator="uji", year=YEAR)
    return db


def _shared_equals_separate(db: Database) -> None:
    with db.session() as s:
        roster = load_roster_year(s, YEAR)
        budget = simulate(s, RULES, YEAR, entries=roster)
        assert budget == simulate(s, RULES, YEAR)
        assert coverage_findings(s, budget, roster=roster) == coverage_findings(s, budget)
        assert plan_defaults(s, YEAR, entries=roster) == plan_defaults(s, YEAR)
        own = budget if budget.coverage is None else None  # as the page hands it on
        for params in SCENARIOS:
            alone = run_scenario(s, RULES, YEAR, params)
            shared = run_scenario(s, RULES, YEAR, params, entries=roster, roster_sim=own)
            assert shared == alone, params
            assert shared.plan.cost_full == alone.plan.cost_full > 0


def test_one_reading_of_the_roster_gives_the_same_figures(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        first = run_scenario(s, RULES, YEAR, SCENARIOS[0])
        changed = run_scenario(s, RULES, YEAR, SCENARIOS[2])
    # the cases differ (the check below compares real figures, not two empty plans)
    assert first.plan.cost_full == 42_883_040
    assert first.plan.cost_full_scenario is None
    assert changed.plan.cost_full_scenario != first.plan.cost_full
    _shared_equals_separate(demo_db)


def test_with_a_plan_applied_the_shared_reading_gives_the_same_figures(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        apply_default_plan(s, RULES, YEAR, pagu=10_000_000, mode="strict", operator="uji")
    with demo_db.session() as s:
        assert simulate(s, RULES, YEAR).coverage is not None
    _shared_equals_separate(demo_db)


def test_the_roster_read_sees_unsaved_edits_of_its_own_session(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        first = load_roster_year(s, YEAR)[0]
        person = s.get(Person, first.person_id)
        assert person is not None
        person.nama = "Zaenal Abidin Baru"  # not flushed yet: the read must flush it as ORM does
        again = {e.person_id: e.nama for e in load_roster_year(s, YEAR)}
    assert again[first.person_id] == "Zaenal Abidin Baru"
