"""The affordability planner: which coverage tiers a pagu pays for, in priority order (pure).

A tier is a set of categories and programs (e.g. JKK+JKM for kepala desa and perangkat). A person's
cost in a tier is their year (months in post) for just that tier's programs, with their own basis,
segment, JKK class and worker-share choice; only desa-paid amounts count against the pagu (withheld
worker shares are not spending). Persons paid by the Pemda (APBD) are not planned.

Modes: ``strict`` fills tiers in order and stops at the first tier that does not fit whole, covering
as many of its people as fit, taken in roster order until the next one no longer fits; ``fill`` does
the same, then goes on covering later tiers that still fit whole.

Per-sumber-dana pagu (optional): each person's cost is charged to a sumber dana — the person's own
override, else the sumber dana of their category's mapping line (``sumber_of``). Each sumber dana
has its own pagu (a sumber dana without one gets nothing) and the total ``pagu`` still caps the sum.
A tier fits whole when every sumber dana it draws on can pay its share and the total can too.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from desa_budget.contributions.simulation import RosterEntry, person_year
from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.rules import RuleSet

MODES = ("strict", "fill")
DEFAULT_TARGET_RENTAN = 100
APPARATUS = ("kepala_desa", "sekretaris_desa", "perangkat_desa")


@dataclass(frozen=True)
class Tier:
    """One coverage tier: who (categories), which programs, and an optional cap on persons."""

    number: int
    name: str
    categories: tuple[str, ...]
    programs: tuple[str, ...]
    target: int | None = None  # at most this many persons (in roster order); None = everyone
    pu_only: bool = False  # JHT/JP for the apparatus: only persons in the PU segment


def default_tiers(*, target_pekerja_rentan: int = DEFAULT_TARGET_RENTAN) -> tuple[Tier, ...]:
    """The default priority order of issue 4; pekerja rentan up to the village's target.

    Tier names are marked text: printed in the Ringkasan as they are, shown with ``_()``."""
    basic = ("JKK", "JKM")
    return (
        Tier(1, N_("JKK+JKM Kepala Desa, Sekretaris Desa dan Perangkat Desa"), APPARATUS, basic),
        Tier(2, N_("JKK+JKM Anggota BPD"), ("bpd",), basic),
        Tier(3, N_("JKK+JKM Staf Desa dan LKD"), ("staf_desa", "lkd"), basic),
        Tier(4, N_("JKK+JKM Ketua RT/RW"), ("rt_rw",), basic),
        Tier(5, N_("JHT Kepala Desa dan Perangkat Desa"), APPARATUS, ("JHT",), pu_only=True),
        Tier(6, N_("JP Kepala Desa dan Perangkat Desa"), APPARATUS, ("JP",), pu_only=True),
        Tier(
            7,
            N_("JKK+JKM Pekerja Rentan (target {n} orang)").format(n=target_pekerja_rentan),
            ("pekerja_rentan",),
            basic,
            target=target_pekerja_rentan,
        ),
    )


DEFAULT_TIERS: tuple[Tier, ...] = default_tiers()


def order_tiers(tiers: Sequence[Tier], numbers: Sequence[int]) -> tuple[Tier, ...]:
    """``tiers`` reordered (or narrowed) to the tier numbers given; a UserError for a bad list."""
    by_number = {t.number: t for t in tiers}
    unknown = [n for n in numbers if n not in by_number]
    if unknown:
        raise UserError(
            _("Tingkat prioritas tidak dikenal: {numbers}.").format(
                numbers=", ".join(map(str, unknown))
            )
        )
    if len(set(numbers)) != len(numbers):
        raise UserError(_("Urutan tingkat prioritas memuat nomor yang sama dua kali."))
    return tuple(by_number[n] for n in numbers)


@dataclass(frozen=True)
class PersonCost:
    person_id: int
    nama: str
    sumber_dana: str | None  # where the cost is charged (None when no per-sumber pagu)
    desa: int


@dataclass(frozen=True)
class TierResult:
    tier: int
    name: str
    eligible: int  # persons the tier aims to cover (after the target cap)
    covered: int
    cost: int  # desa-paid cost of the persons covered
    cost_full: int  # desa-paid cost of every eligible person
    in_roster: int  # persons of the tier's categories in the roster, before the target cap
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
    cost_full: int  # cost of covering every eligible person of every tier
    by_sumber: Mapping[str, SumberUse]  # empty without a per-sumber pagu
    unpriced: tuple[int, ...]  # person ids left out: no wage basis/income to price them
    assumptions: tuple[str, ...] = ()

    @property
    def left(self) -> int:
        return self.pagu - self.used


class _Wallet:
    """The money left: a total and, when given, one amount per sumber dana."""

    def __init__(self, pagu: int, per_sumber: Mapping[str, int] | None) -> None:
        self.total = pagu
        self.per_sumber = dict(per_sumber) if per_sumber is not None else None

    def fits(self, costs: Sequence[PersonCost]) -> bool:
        if sum(c.desa for c in costs) > self.total:
            return False
        if self.per_sumber is None:
            return True
        need: dict[str, int] = {}
        for c in costs:
            key = c.sumber_dana or ""
            need[key] = need.get(key, 0) + c.desa
        return all(amount <= self.per_sumber.get(key, 0) for key, amount in need.items())

    def pay(self, costs: Sequence[PersonCost]) -> None:
        for c in costs:
            self.total -= c.desa
            if self.per_sumber is not None:
                key = c.sumber_dana or ""
                self.per_sumber[key] = self.per_sumber.get(key, 0) - c.desa


def _check_amount(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UserError(
            _("{what} harus bilangan bulat rupiah yang tidak negatif.").format(what=what)
        )


def _eligible(entries: Sequence[RosterEntry], tier: Tier) -> tuple[list[RosterEntry], list[int]]:
    chosen: list[RosterEntry] = []
    unpriced: list[int] = []
    for e in entries:
        if e.kategori not in tier.categories or e.dibayar_oleh == "pemda" or not e.months:
            continue
        if tier.pu_only and e.segmen != "PU":
            continue
        if e.dasar_upah <= 0:
            unpriced.append(e.person_id)
            continue
        chosen.append(e)
    return chosen, unpriced


def tier_costs(
    entries: Sequence[RosterEntry],
    rules: RuleSet,
    year: int,
    tier: Tier,
    *,
    bpu_discount: bool = False,
    sumber_of: Mapping[str, str] | None = None,
    programs_by_category: Mapping[str, Sequence[str]] | None = None,
) -> tuple[tuple[PersonCost, ...], int, tuple[int, ...], tuple[str, ...]]:
    """(eligible persons' costs in roster order, persons before the cap, unpriced ids, notes).

    ``programs_by_category`` narrows a tier to the programs a scenario chose for a category: a
    program switched off there is not planned for anyone of it."""
    candidates, unpriced = _eligible(entries, tier)
    costs: list[PersonCost] = []
    notes: dict[str, None] = {}
    in_roster = 0
    chosen = programs_by_category or {}
    for e in candidates:
        allowed = chosen.get(e.kategori)
        programs = tuple(
            p
            for p in tier.programs
            if not (p == "JP" and e.segmen != "PU") and (allowed is None or p in allowed)
        )
        if not programs:
            continue
        result, said = person_year(rules, e, year, bpu_discount=bpu_discount, programs=programs)
        notes.update(dict.fromkeys(said))
        if result.desa <= 0:  # e.g. past the JP age all year: nothing to cover
            continue
        in_roster += 1
        sumber = None
        if sumber_of is not None:
            sumber = e.sumber_dana or sumber_of.get(e.kategori)
        costs.append(PersonCost(e.person_id, e.nama, sumber, result.desa))
    if tier.target is not None:
        costs = costs[: max(tier.target, 0)]
    return tuple(costs), in_roster, tuple(unpriced), tuple(notes)


def plan(
    entries: Sequence[RosterEntry],
    rules: RuleSet,
    year: int,
    *,
    pagu: int,
    tiers: Sequence[Tier] = DEFAULT_TIERS,
    mode: str = "strict",
    pagu_per_sumber: Mapping[str, int] | None = None,
    sumber_of: Mapping[str, str] | None = None,
    bpu_discount: bool = False,
    programs_by_category: Mapping[str, Sequence[str]] | None = None,
) -> PlanResult:
    """Cover tiers in order within ``pagu``; ``entries`` must be in roster order.

    ``programs_by_category`` (a scenario's choice per category) narrows every tier to it."""
    _check_amount(pagu, _("Pagu"))
    if mode not in MODES:
        raise UserError(_("Mode '{mode}' tidak dikenal; pilih strict atau fill.").format(mode=mode))
    if pagu_per_sumber is not None:
        if sumber_of is None:
            raise UserError(_("Pagu per sumber dana memerlukan sumber dana tiap kategori."))
        for key, amount in pagu_per_sumber.items():
            _check_amount(amount, _("Pagu sumber dana {key}").format(key=key))
    wallet = _Wallet(pagu, pagu_per_sumber)
    charge_to = sumber_of if pagu_per_sumber is not None else None
    results: list[TierResult] = []
    unpriced: dict[int, None] = {}
    notes: dict[str, None] = {}
    stopped = False
    for tier in tiers:
        costs, in_roster, skipped, said = tier_costs(
            entries, rules, year, tier, bpu_discount=bpu_discount, sumber_of=charge_to,
            programs_by_category=programs_by_category,
        )  # fmt: skip
        unpriced.update(dict.fromkeys(skipped))
        notes.update(dict.fromkeys(said))
        covered: list[PersonCost] = []
        if not stopped:
            if wallet.fits(costs):
                covered = list(costs)
            else:
                for cost in costs:  # as many as fit, taken in roster order
                    if not wallet.fits([*covered, cost]):
                        break
                    covered.append(cost)
                stopped = True
        elif mode == "fill" and wallet.fits(costs):
            covered = list(costs)
        wallet.pay(covered)
        results.append(_result(tier, costs, covered, in_roster))
    used = sum(t.cost for t in results)
    by_sumber: dict[str, SumberUse] = {}
    if pagu_per_sumber is not None and wallet.per_sumber is not None:
        for key in sorted(set(pagu_per_sumber) | set(wallet.per_sumber)):
            start = pagu_per_sumber.get(key, 0)
            by_sumber[key] = SumberUse(start, start - wallet.per_sumber.get(key, 0))
    return PlanResult(
        year=year,
        pagu=pagu,
        mode=mode,
        tiers=tuple(results),
        used=used,
        cost_full=sum(t.cost_full for t in results),
        by_sumber=MappingProxyType(by_sumber),
        unpriced=tuple(unpriced),
        assumptions=tuple(notes),
    )


def _result(
    tier: Tier, costs: Sequence[PersonCost], covered: Sequence[PersonCost], in_roster: int
) -> TierResult:
    return TierResult(
        tier=tier.number,
        name=tier.name,
        eligible=len(costs),
        covered=len(covered),
        cost=sum(c.desa for c in covered),
        cost_full=sum(c.desa for c in costs),
        in_roster=in_roster,
        covered_ids=tuple(c.person_id for c in covered),
    )


def with_target(tiers: Sequence[Tier], target: int) -> tuple[Tier, ...]:
    """The tiers with every capped tier's target set to ``target`` (the village's own)."""
    return tuple(
        replace(t, target=target, name=t.name.replace(f"target {t.target} ", f"target {target} "))
        if t.target is not None
        else t
        for t in tiers
    )
