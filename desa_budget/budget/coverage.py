"""A year's coverage decision: applying a plan to the budget, clearing it, restoring it (undo).

The roster says who exists and what each would be registered for; the year's coverage says who
the village actually pays for, and for which programs. Without an applied plan the year pays for
everything on the roster. Applying a plan stores, in one row per year, every desa-paid person on
the roster with the programs the plan pays (empty: left out), the roster's programs and amount
at that moment, the pagu and mode it came from, who applied it and when. From then on the
simulation (and so every page, document and workbook) pays only that.

When the roster changes afterwards, nothing is widened silently: a person added later, or a
program added to someone later, is not paid; a program taken off the roster is no longer paid.
``plan_changes`` lists such differences and the window says the plan must be applied again.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from desa_budget.budget.planner import PlanResult
from desa_budget.budget.scenarios import ScenarioParams, run_scenario, validate_params
from desa_budget.budget.settings import get_budget_year, set_pagu
from desa_budget.contributions.applied import (
    AppliedPlanData,
    PlannedPerson,
    applied_data,
    decision_to_json,
    ordered,
    read_applied,
)
from desa_budget.contributions.results import PlannedTier, Simulation
from desa_budget.contributions.simulation import RosterEntry, load_roster_year, simulate_entries
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.rules import RuleSet
from desa_budget.store import audit
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import AppliedPlan
from desa_budget.store.versioning import check_version

__all__ = [
    "AppliedPlanData",
    "PlanChanges",
    "apply_default_plan",
    "apply_plan",
    "clear_plan",
    "coverage_from_plan",
    "is_applied",
    "plan_changes",
    "read_applied",
    "restore_plan",
]

ENTITAS = "rencana_tahun"


def coverage_from_plan(
    result: PlanResult, entries: Sequence[RosterEntry]
) -> tuple[PlannedPerson, ...]:
    """Who ``result`` covers with which programs: every desa-paid person of ``entries``.

    The one place that reads a plan as persons: the planner's own per-person result (the
    programs it pays each person; none when it leaves them out). ``desa`` is filled in by
    ``apply_plan`` as the budget pays it."""
    planned = {p.person_id: p.programs for p in result.persons}
    return tuple(
        PlannedPerson(e.person_id, e.nama, planned.get(e.person_id, ()), e.programs, 0)
        for e in entries
        if e.dibayar_oleh == "desa"
    )


def _beyond_roster(persons: Sequence[PlannedPerson]) -> list[str]:
    """Persons a plan would pay programs their roster row does not have: "Waluyo (JHT)"."""
    found = []
    for p in persons:
        extra = [x for x in p.programs if x not in p.roster]
        if extra:
            found.append(f"{p.nama} ({', '.join(extra)})")
    return found


def _priced(
    rules: RuleSet, year: int, entries: Sequence[RosterEntry], persons: Sequence[PlannedPerson]
) -> tuple[PlannedPerson, ...]:
    """The persons with the desa-paid amount of their planned programs, as the budget pays it.

    A covered person keeps a roster program that costs nothing this year (JP past the pension
    age): the planner does not price it, and calling it "left out" would only mislead."""
    planned = {p.person_id: p for p in persons}
    mine = [e for e in entries if e.person_id in planned]
    full = {p.person_id: p.by_program for p in simulate_entries(rules, mine, year).persons}
    kept: dict[int, PlannedPerson] = {}
    for person in persons:
        costs = full.get(person.person_id, {})
        free = [
            p for p in person.roster
            if p not in person.programs and p in costs
            and costs[p].desa == 0 and costs[p].potongan == 0
        ]  # fmt: skip
        if person.programs and free:
            person = replace(person, programs=ordered((*person.programs, *free)))
        kept[person.person_id] = person
    narrowed = [
        replace(e, programs=kept[e.person_id].programs, covered=bool(kept[e.person_id].programs))
        for e in mine
    ]
    amounts = {p.person_id: p.desa for p in simulate_entries(rules, narrowed, year).persons}
    return tuple(replace(p, desa=amounts.get(p.person_id, 0)) for p in kept.values())


def _label(year: int) -> str:
    return f"Rencana pertanggungan {year}"


def _summary(data: AppliedPlanData | None) -> dict[str, object]:
    """The audited columns of a decision (None: no plan, the roster)."""
    if data is None:
        return {"pagu": None, "mode": None, "terpakai": None, "ditanggung": None}
    covered = f"{len(data.covered)} dari {len(data.persons)} orang"
    return {"pagu": data.pagu, "mode": data.mode, "terpakai": data.used, "ditanggung": covered}


def _audit(
    session: Session,
    year: int,
    old: AppliedPlanData | None,
    new: AppliedPlanData | None,
    *,
    operator: str,
    keterangan: str,
) -> None:
    before, after = _summary(old), _summary(new)
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=year, label=_label(year),
        changes={k: (before[k], after[k]) for k in after}, keterangan=keterangan,
    )  # fmt: skip


def _write(session: Session, row: AppliedPlan | None, data: AppliedPlanData) -> AppliedPlanData:
    if row is None:
        row = AppliedPlan(tahun=data.tahun)
        session.add(row)
    row.pagu, row.mode, row.terpakai = data.pagu, data.mode, data.used
    row.decision_json = decision_to_json(data.persons, data.tiers)
    row.diterapkan, row.operator = data.diterapkan, data.operator[:100]
    session.flush()
    return replace(data, version=row.version_id)


def apply_plan(
    session: Session,
    rules: RuleSet,
    year: int,
    params: ScenarioParams,
    *,
    operator: str,
    version: int | None = None,
) -> AppliedPlanData:
    """Plan ``params`` on the roster of ``year`` and make it the year's coverage.

    ``version`` is the year's applied plan as the caller read it (ABSENT: none). A scenario
    that changes the worker shares or the BPU discount is refused: the budget pays the roster's
    own choices, so its cost would not be the plan's."""
    params = validate_params(params)
    if params.iuran_pekerja is not None or params.bpu_discount:
        raise UserError(
            _(
                "Rencana ini memakai pilihan iuran pekerja atau diskon BPU yang berbeda dari daftar "
                "peserta, sehingga biayanya tidak sama dengan anggaran. Kembalikan pilihan itu ke "
                "bawaan (atau ubah daftar peserta) sebelum menerapkan rencana."
            )
        )
    row = session.get(AppliedPlan, year)
    check_version(row, version)
    old = applied_data(row) if row is not None else None
    result = run_scenario(session, rules, year, params).plan
    entries = load_roster_year(session, year)
    persons = coverage_from_plan(result, entries)
    beyond = _beyond_roster(persons)
    if beyond:
        raise UserError(
            _(
                "Rencana ini membayar program yang tidak ada di daftar peserta: {siapa}. "
                "Tambahkan program itu di Daftar Peserta, atau kembalikan pilihan program "
                "kategorinya, sebelum menerapkan rencana."
            ).format(siapa=", ".join(beyond[:5]) + (" …" if len(beyond) > 5 else ""))
        )
    data = AppliedPlanData(
        tahun=year, pagu=result.pagu, mode=result.mode, used=result.used,
        persons=_priced(rules, year, entries, persons),
        tiers=tuple(
            PlannedTier(t.tier, t.name, t.covered, t.eligible, t.cost) for t in result.tiers
        ),
        operator=operator, diterapkan=datetime.now().replace(microsecond=0),
    )  # fmt: skip
    saved = _write(session, row, data)
    _audit(
        session, year, old, saved, operator=operator, keterangan="rencana diterapkan ke anggaran"
    )
    return saved


def apply_default_plan(
    session: Session, rules: RuleSet, year: int, *, pagu: int, mode: str, operator: str
) -> AppliedPlanData:
    """``plan --apply``: the default plan for ``pagu`` made the year's coverage, and ``pagu``
    saved as the year's pagu (the plan and the saved pagu then agree)."""
    if get_budget_year(session, year).pagu != pagu:
        set_pagu(session, year, pagu, operator=operator)
    return apply_plan(session, rules, year, ScenarioParams(pagu=pagu, mode=mode), operator=operator)


def is_applied(session: Session, result: PlanResult) -> bool:
    """Whether the year's budget follows ``result``: a plan of the same pagu and mode is
    applied, covering the same persons with the same cost in every tier."""
    decision = read_applied(session, result.year)
    if decision is None or (decision.pagu, decision.mode) != (result.pagu, result.mode):
        return False
    planned = {p.person_id for p in decision.covered}
    desa_paid = {p.person_id for p in decision.persons}
    covered = {p.person_id for p in result.persons if p.programs and p.person_id in desa_paid}
    tiers = tuple(PlannedTier(t.tier, t.name, t.covered, t.eligible, t.cost) for t in result.tiers)
    return planned == covered and decision.tiers == tiers


def clear_plan(
    session: Session, year: int, *, operator: str, version: int | None = None
) -> AppliedPlanData:
    """Return ``year`` to the whole roster; returns the plan as it was, for ``restore_plan``."""
    row = session.get(AppliedPlan, year)
    if row is None and version is None:
        raise UserError(
            _("Tahun {year} belum punya rencana yang diterapkan: anggaran sudah mengikuti "
              "seluruh daftar peserta.").format(year=year)
        )  # fmt: skip
    if row is None:
        raise ConcurrentEditError()
    check_version(row, version)
    old = applied_data(row)
    session.delete(row)
    session.flush()
    _audit(
        session, year, old, None, operator=operator,
        keterangan="rencana dilepas: anggaran kembali ke daftar peserta",
    )  # fmt: skip
    return old


def restore_plan(
    session: Session, data: AppliedPlanData, *, operator: str, version: int | None = None
) -> AppliedPlanData:
    """Make ``data`` (a plan returned by apply or clear) the year's coverage again, as it was
    decided (not planned anew). ``version`` is the year's row as the caller last left it."""
    row = session.get(AppliedPlan, data.tahun)
    check_version(row, version)
    old = applied_data(row) if row is not None else None
    saved = _write(session, row, data)
    _audit(
        session, data.tahun, old, saved, operator=operator, keterangan="rencana dipulihkan"
    )  # fmt: skip
    return saved


@dataclass(frozen=True)
class PlanChanges:
    """How the roster and the pagu differ from what the applied plan decided (names)."""

    added: tuple[str, ...]  # on the roster, desa-paid, with programs, unknown to the plan
    programs: tuple[str, ...]  # the roster's programs changed since
    removed: tuple[str, ...]  # planned as covered, no longer on the roster (or not desa-paid)
    amounts: tuple[str, ...]  # still covered, but the amount changed (wage, months)
    pagu: int | None  # the year's saved pagu, when it is no longer the plan's

    @property
    def stale(self) -> bool:
        return bool(self.added or self.programs or self.removed or self.amounts) or (
            self.pagu is not None
        )


def plan_changes(
    session: Session,
    decision: AppliedPlanData,
    simulation: Simulation,
    *,
    roster: Sequence[RosterEntry] | None = None,
) -> PlanChanges:
    """What changed since ``decision`` was applied; ``simulation`` is the year's live one and
    ``roster`` the year's roster already read (load_roster_year), else it is read here."""
    planned = decision.by_person()
    if roster is None:
        roster = load_roster_year(session, decision.tahun)
    entries = [e for e in roster if e.dibayar_oleh == "desa"]
    seen = {e.person_id for e in entries}
    amounts = {p.person_id: p.desa for p in simulation.persons}
    added, programs, changed = [], [], []
    for e in entries:
        chosen = planned.get(e.person_id)
        if chosen is None:
            if e.programs:
                added.append(e.nama)
        elif chosen.roster != e.programs:
            programs.append(e.nama)
        elif chosen.programs and amounts.get(e.person_id, 0) != chosen.desa:
            changed.append(e.nama)
    removed = [p.nama for p in decision.covered if p.person_id not in seen]
    pagu = get_budget_year(session, decision.tahun).pagu
    return PlanChanges(
        tuple(added), tuple(programs), tuple(removed), tuple(changed),
        pagu if pagu != decision.pagu else None,
    )  # fmt: skip
