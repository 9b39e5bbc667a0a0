"""The affordability planner: which persons a pagu pays for, tier by tier, in priority order (pure).

A tier (budget/tiers.py, read from the kabupaten profile) names categories and programs. For each
person it covers only the programs that are both in the tier and asked for by that person (their
roster row, or a scenario's programs for their category) and that no earlier tier of the plan
took; a person's programs in one tier are one unit, covered or left out whole. Its cost is the
person's year (months in post) for those programs with their own basis, segment, JKK class and
worker-share choice; only desa-paid amounts count against the pagu (withheld worker shares are
not spending). Persons the Pemda pays for and persons without a wage basis are not planned.

Order within a tier (who is covered first when a tier does not fit whole, and who is inside a
target): first the persons with a priority number, lowest first (``priority``: person id ->
number, e.g. from a stored column); then the rest. Among equals, persons already registered at
BPJS come first (terdaftar, then nonaktif, then belum), so nobody already a member is dropped
for a newcomer; then roster order (category rank, name, id: the order of ``entries``).

Modes: ``strict`` covers tiers in order and stops at the first tier that does not fit whole,
covering as many of its persons as fit, in the order, until the next one does not fit; nothing
after that. ``fill`` goes person by person through every tier, covering whoever still fits, so
what is left is smaller than any person's unit left out for lack of money.

JHT and JP are paid only for a person whose JKK and JKM (when asked for) are already paid: the
minimum program set of Perpres 109/2013 comes first.

Per-sumber-dana pagu (optional): each unit is charged to a sumber dana — the person's own
override, else the sumber dana of their category's mapping line (``sumber_of``). Each sumber
dana has its own pagu (one without gets nothing) and the total ``pagu`` still caps the sum.

``cost_full`` is the roster's own full cost (budget/full_cost.py), the number every screen shows;
when a scenario changes programs, worker shares or the BPU discount, ``cost_full_scenario`` is the
same with the scenario's choices. Reasons are Indonesian, one per unit left out.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from desa_budget.budget.full_cost import full_cost, simulated_full_cost
from desa_budget.budget.plan_people import (
    Ledger,
    PersonPlan,
    Unit,
    Wallet,
    asked_programs,
    in_priority_order,
)
from desa_budget.budget.tiers import DEFAULT_TARGET_RENTAN, Tier, order_tiers, with_target
from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import RosterEntry, quote_year
from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.rules import RuleSet

__all__ = [
    "DEFAULT_TARGET_RENTAN",
    "MODES",
    "PersonPlan",
    "PlanResult",
    "Tier",
    "TierResult",
    "default_tiers",
    "order_tiers",
    "plan",
    "with_target",
]

MODES = ("strict", "fill")


def default_tiers(*, target_pekerja_rentan: int = DEFAULT_TARGET_RENTAN) -> tuple[Tier, ...]:
    """The national profile's tiers, pekerja rentan up to ``target_pekerja_rentan``."""
    from desa_budget.budget.codes.profiles import NATIONAL, get_kabupaten_profile

    return with_target(get_kabupaten_profile(NATIONAL).tiers, target_pekerja_rentan)


@dataclass(frozen=True)
class TierResult:
    tier: int
    name: str
    eligible: int  # persons the tier aims to cover (after the target cap)
    covered: int
    cost: int  # desa-paid cost of the persons covered
    cost_full: int  # desa-paid cost of every eligible person
    in_roster: int  # persons with something to pay in this tier, before the target cap
    covered_ids: tuple[int, ...]


@dataclass(frozen=True)
class SumberUse:
    pagu: int
    used: int

    @property
    def left(self) -> int:
        return self.pagu - self.used


@dataclass(frozen=True)
class PlanResult:
    year: int
    pagu: int
    mode: str
    tiers: tuple[TierResult, ...]
    used: int
    cost_full: int  # the roster's own full cost: everything it asks for (budget/full_cost.py)
    by_sumber: Mapping[str, SumberUse]  # empty without a per-sumber pagu
    unpriced: tuple[int, ...]  # person ids left out: programs asked, no wage basis to price them
    assumptions: tuple[str, ...] = ()
    persons: tuple[PersonPlan, ...] = ()  # everyone on the roster of the year, in roster order
    cost_full_scenario: int | None = None  # the same with a scenario's choices; None: no scenario
    cost_not_planned: int = 0  # asked for but in no tier or beyond a tier's target

    @property
    def left(self) -> int:
        return self.pagu - self.used


def _check_amount(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UserError(
            _("{what} harus bilangan bulat rupiah yang tidak negatif.").format(what=what)
        )


def _check(
    pagu: int,
    mode: str,
    pagu_per_sumber: Mapping[str, int] | None,
    sumber_of: Mapping[str, str] | None,
    priority: Mapping[int, int] | None,
) -> None:
    _check_amount(pagu, _("Pagu"))
    if mode not in MODES:
        raise UserError(_("Mode '{mode}' tidak dikenal; pilih strict atau fill.").format(mode=mode))
    if pagu_per_sumber is not None:
        if sumber_of is None:
            raise UserError(_("Pagu per sumber dana memerlukan sumber dana tiap kategori."))
        for key, amount in pagu_per_sumber.items():
            _check_amount(amount, _("Pagu sumber dana {key}").format(key=key))
    for value in (priority or {}).values():
        if isinstance(value, bool) or not isinstance(value, int):
            raise UserError(_("Nomor prioritas peserta harus bilangan bulat."))


def _units(
    ledger: Ledger, ordered: Sequence[RosterEntry], rules: RuleSet, year: int, tier: Tier,
    *, bpu_discount: bool, sumber_of: Mapping[str, str] | None,
) -> list[Unit]:  # fmt: skip
    """The tier's units in priority order, before the target; takes their programs in ``ledger``.
    ``ordered`` holds only persons the plan can price and who ask for something."""
    units: list[Unit] = []
    categories = frozenset(tier.categories)
    for e in ordered:
        if e.kategori not in categories or not tier.takes(e.kategori, e.segmen):
            continue
        programs = ledger.take(e.person_id, tier.programs)
        if not programs:
            continue
        result = quote_year(rules, e, year, bpu_discount=bpu_discount, programs=programs)
        ledger.note(result.assumptions)
        if result.desa <= 0 and result.potongan <= 0:  # e.g. past the JP age all year
            why = N_("usia pensiun JP sudah tercapai") if programs == ("JP",) else N_("tanpa iuran")
            ledger.leave(e.person_id, programs, why, tier.number)
            continue
        sumber = (e.sumber_dana or sumber_of.get(e.kategori)) if sumber_of is not None else None
        units.append(Unit(e.person_id, programs, result.desa, result.potongan, sumber))
    return units


def plan(
    entries: Sequence[RosterEntry],
    rules: RuleSet,
    year: int,
    *,
    pagu: int,
    tiers: Sequence[Tier] | None = None,
    mode: str = "strict",
    pagu_per_sumber: Mapping[str, int] | None = None,
    sumber_of: Mapping[str, str] | None = None,
    bpu_discount: bool = False,
    programs_by_category: Mapping[str, Sequence[str]] | None = None,
    iuran_pekerja: str | None = None,
    priority: Mapping[int, int] | None = None,
    roster_sim: Simulation | None = None,
    scenario_sim: Simulation | None = None,
) -> PlanResult:
    """Cover tiers in order within ``pagu``; ``entries`` are the roster of the year in roster
    order (as load_roster_year gives them). ``tiers`` default to the national profile's.

    ``programs_by_category``, ``iuran_pekerja`` (desa / potong for everyone) and ``bpu_discount``
    are a scenario's choices; ``priority`` (person id -> number, lowest first) orders persons.
    A caller that has already run ``entries`` through simulate_entries gives the run so that the
    full costs are not computed again: ``roster_sim`` as they are, ``scenario_sim`` with these
    choices (the worker shares applied to the entries)."""
    _check(pagu, mode, pagu_per_sumber, sumber_of, priority)
    tiers = default_tiers() if tiers is None else tiers
    choices = programs_by_category or None
    scenario = choices is not None or iuran_pekerja is not None or bpu_discount
    if roster_sim is None and not scenario:
        roster_sim = scenario_sim  # no choices: the scenario's run is the roster's own
    cost_full = (
        full_cost(rules, entries, year) if roster_sim is None else simulated_full_cost(roster_sim)
    )
    if iuran_pekerja is not None:
        entries = [replace(e, iuran_pekerja=iuran_pekerja) for e in entries]
    ledger = Ledger(entries, {e.person_id: asked_programs(e, choices) for e in entries})
    ordered = [  # in no tier: Pemda-paid, no wage basis, nothing asked (read once, not per tier)
        e
        for e in in_priority_order(entries, priority)
        if ledger.plannable(e.person_id) and ledger.asked[e.person_id]
    ]
    wallet = Wallet(pagu, pagu_per_sumber)
    charge_to = sumber_of if pagu_per_sumber is not None else None
    results: list[TierResult] = []
    stopped_at: int | None = None
    for tier in tiers:
        units = _units(
            ledger, ordered, rules, year, tier, bpu_discount=bpu_discount, sumber_of=charge_to
        )
        in_roster = len(units)
        if tier.target is not None:
            why = N_("melebihi target {n} orang").format(n=tier.target)
            for unit in units[max(tier.target, 0) :]:
                ledger.leave_unit(unit, why, tier.number, planned=False)
            units = units[: max(tier.target, 0)]
        if stopped_at is not None:
            why = N_("mode strict sudah berhenti di tingkat {tier}").format(tier=stopped_at)
            for unit in units:
                ledger.leave_unit(unit, why, tier.number)
            covered: list[Unit] = []
        else:
            covered, stopped = _decide(units, tier=tier, mode=mode, wallet=wallet, ledger=ledger)
            stopped_at = tier.number if stopped else None
        results.append(_result(tier, units, covered, in_roster))
    persons, not_planned = ledger.finish(rules, year, bpu_discount=bpu_discount)
    return PlanResult(
        year=year,
        pagu=pagu,
        mode=mode,
        tiers=tuple(results),
        used=sum(t.cost for t in results),
        cost_full=cost_full,
        by_sumber=_by_sumber(pagu_per_sumber, wallet),
        unpriced=ledger.unpriced,
        assumptions=ledger.assumptions,
        persons=persons,
        cost_full_scenario=(
            _scenario_cost(rules, entries, year, choices, bpu_discount, scenario_sim)
            if scenario
            else None
        ),
        cost_not_planned=not_planned,
    )


def _scenario_cost(
    rules: RuleSet,
    entries: Sequence[RosterEntry],
    year: int,
    choices: Mapping[str, Sequence[str]] | None,
    bpu_discount: bool,
    simulated: Simulation | None,
) -> int:
    """The full cost with a scenario's choices (``entries`` with its worker shares applied)."""
    if simulated is not None:
        return simulated_full_cost(simulated)
    return full_cost(rules, entries, year, bpu_discount=bpu_discount, programs_by_category=choices)


def _decide(
    units: Sequence[Unit], *, tier: Tier, mode: str, wallet: Wallet, ledger: Ledger
) -> tuple[list[Unit], bool]:
    """Pay the tier's units in order; (those covered, whether strict stops here)."""
    ready: list[Unit] = []
    for unit in units:
        if unit.basic or ledger.has_basics(unit.person_id):
            ready.append(unit)
        else:
            ledger.leave_unit(unit, "JKK dan JKM tidak ditanggung", tier.number)
    covered: list[Unit] = []
    for n, unit in enumerate(ready):
        short = wallet.short([unit])
        if short is None:
            wallet.pay(unit)
            ledger.cover(unit)
            covered.append(unit)
        elif mode == "fill":
            ledger.leave_unit(unit, short, tier.number)
        else:  # strict: the tier does not fit whole; nobody after this one
            for rest in ready[n:]:
                ledger.leave_unit(rest, short, tier.number)
            return covered, True
    return covered, False


def _by_sumber(start: Mapping[str, int] | None, wallet: Wallet) -> Mapping[str, SumberUse]:
    out: dict[str, SumberUse] = {}
    if start is not None and wallet.per_sumber is not None:
        for key in sorted(set(start) | set(wallet.per_sumber)):
            pagu = start.get(key, 0)
            out[key] = SumberUse(pagu, pagu - wallet.per_sumber.get(key, 0))
    return MappingProxyType(out)


def _result(
    tier: Tier, units: Sequence[Unit], covered: Sequence[Unit], in_roster: int
) -> TierResult:
    return TierResult(
        tier=tier.number,
        name=tier.name,
        eligible=len(units),
        covered=len(covered),
        cost=sum(u.desa for u in covered),
        cost_full=sum(u.desa for u in units),
        in_roster=in_roster,
        covered_ids=tuple(u.person_id for u in covered),
    )
