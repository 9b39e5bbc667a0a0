"""What the engine prepares once for everyone quoted alike: months grouped by equal rules."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from desa_budget.contributions.amounts import (
    BpuTerms,
    Flat,
    JpState,
    PuTerm,
    bpu_amounts,
    bpu_terms,
    pu_amounts,
    pu_terms,
)
from desa_budget.contributions.results import MonthAmounts, ProgramAmount
from desa_budget.rules import PROGRAMS, MonthRules, RuleSet
from desa_budget.rules.months import month_index

_ANY_WAGE = 10**18  # above every wage: groups whose terms differ in no cap always agree
# Month details kept for sharing, all plans of a RuleSet together: a village's distinct ones fit;
# a kabupaten's distinct wages are not kept alive (the garbage collector would re-scan them).
DETAILS_KEPT = 2048


@dataclass(frozen=True, eq=False)
class Span:
    """The (year, month) pairs of a quote with their rules, looked up once. Hashed by identity:
    a cache key, never compared."""

    months: tuple[tuple[int, int], ...]
    rules: tuple[MonthRules, ...]
    indexes: tuple[int, ...]
    last: int  # the latest month index, -1 without months


def span_of(rules: RuleSet, months: tuple[tuple[int, int], ...]) -> Span:
    found = [rules.month(year, month) for year, month in months]
    indexes = tuple(month_index(r.year, r.month) for r in found)
    return Span(months, tuple(found), indexes, max(indexes, default=-1))


@dataclass(frozen=True, eq=False)
class Plan:
    """One participation's choices over a span, without the wage: the months grouped by equal
    rules (and, for JP, before or after it ended), each group's terms, the assumptions."""

    segment: str
    programs: tuple[str, ...]  # requested, in PROGRAMS order: the order of every Flat
    months: tuple[tuple[int, int], ...]
    group_of: tuple[int, ...]  # each month's group
    counts: tuple[int, ...]  # months per group
    pu: tuple[tuple[PuTerm, ...], ...]  # per group (PU)
    bpu: tuple[BpuTerms, ...]  # per group (BPU)
    alike_up_to: int  # every group gives the same amounts for a wage up to this (-1: never)
    assumptions: tuple[str, ...]
    total: int  # months in all
    # month details built when read, shared by the plans of one RuleSet (at most DETAILS_KEPT)
    details: "dict[tuple[Plan, tuple[Flat, ...]], _Detail]" = field(repr=False)

    def quote(self, basis: int) -> tuple[int, int, tuple[Flat, ...]]:
        """This wage's desa and potongan over all the months, and each group's amounts."""
        counts = self.counts
        if basis <= self.alike_up_to:  # one computation serves every month
            flat = pu_amounts(self.pu[0], basis) if self.pu else bpu_amounts(self.bpu[0], basis)
            months = self.total
            return sum(flat[0::2]) * months, sum(flat[1::2]) * months, (flat,) * len(counts)
        if self.pu:
            amounts = tuple(pu_amounts(terms, basis) for terms in self.pu)
        else:
            amounts = tuple(bpu_amounts(terms, basis) for terms in self.bpu)
        desa = potongan = 0
        for flat, count in zip(amounts, counts, strict=True):
            desa += sum(flat[0::2]) * count
            potongan += sum(flat[1::2]) * count
        return desa, potongan, amounts

    def detail(self, amounts: tuple[Flat, ...]) -> "_Detail":
        """Each month's MonthAmounts and the per-program sums for these amounts, built once and
        shared by everyone of this plan with the same amounts."""
        key = (self, amounts)
        found = self.details.get(key)
        if found is None:
            if len(self.details) >= DETAILS_KEPT:
                self.details.clear()
            found = self.details[key] = _detail(self, amounts)
        return found


_Detail = tuple[tuple[MonthAmounts, ...], Mapping[str, ProgramAmount]]


def _detail(plan: Plan, amounts: tuple[Flat, ...]) -> _Detail:
    names = plan.programs
    made: dict[int, tuple[Mapping[str, ProgramAmount], int, int]] = {}
    groups = []
    for flat in amounts:  # groups computed alike share one tuple of amounts: one mapping too
        group = made.get(id(flat))
        if group is None:
            programs = {
                name: ProgramAmount(flat[2 * i], flat[2 * i + 1]) for i, name in enumerate(names)
            }
            group = made[id(flat)] = (MappingProxyType(programs), sum(flat[0::2]), sum(flat[1::2]))
        groups.append(group)
    months = tuple(
        [
            MonthAmounts(year, month, *groups[g])
            for (year, month), g in zip(plan.months, plan.group_of, strict=True)
        ]
    )
    desa = [0] * len(names)
    potongan = [0] * len(names)
    for flat, count in zip(amounts, plan.counts, strict=True):
        for i in range(len(names)):
            desa[i] += flat[2 * i] * count
            potongan[i] += flat[2 * i + 1] * count
    sums = {name: ProgramAmount(desa[i], potongan[i]) for i, name in enumerate(names)}
    return months, MappingProxyType(sums)


def plan_for(
    span: Span,
    *,
    segment: str,
    programs: frozenset[str],
    jkk_class: int,
    worker_share: str,
    jp: JpState,
    discount: bool,
    details: "dict[tuple[Plan, tuple[Flat, ...]], _Detail]",
) -> Plan:
    stop = jp[0] if isinstance(jp, tuple) else None
    keys: dict[tuple[int, bool], int] = {}
    group_of = []
    first: list[tuple[MonthRules, bool]] = []
    counts: list[int] = []
    for now, index in zip(span.rules, span.indexes, strict=True):
        ended = stop is not None and index > stop
        key = (now.pu_epoch, ended) if segment == "PU" else (now.bpu_epoch, False)
        group = keys.get(key)
        if group is None:
            group = keys[key] = len(first)
            first.append((now, ended))
            counts.append(0)
        counts[group] += 1
        group_of.append(group)
    notes: dict[str, None] = {}
    pu: list[tuple[PuTerm, ...]] = []
    bpu: list[BpuTerms] = []
    for now, ended in first:
        if segment == "PU":
            state = jp if ended or not isinstance(jp, tuple) else True
            terms, said = pu_terms(now, programs, jkk_class, worker_share, state)
            pu.append(terms)
        else:
            bpu_group, said = bpu_terms(now, programs, worker_share, discount)
            bpu.append(bpu_group)
        notes.update(dict.fromkeys(said))
    return Plan(
        segment=segment,
        programs=tuple(name for name in PROGRAMS if name in programs),
        months=span.months,
        group_of=tuple(group_of),
        counts=tuple(counts),
        pu=tuple(pu),
        bpu=tuple(bpu),
        alike_up_to=_alike_up_to(pu) if segment == "PU" else _bpu_alike(bpu),
        assumptions=tuple(notes),
        total=len(group_of),
        details=details,
    )


def _alike_up_to(groups: list[tuple[PuTerm, ...]]) -> int:
    """Groups that differ in nothing but their JP ceilings agree for a wage under every ceiling."""
    if not groups:
        return -1
    uncapped = {tuple(term[:4] for term in terms) for terms in groups}
    if len(uncapped) > 1:
        return -1
    caps = [term[4] for terms in groups for term in terms if term[4] is not None]
    return min(caps, default=_ANY_WAGE)


def _bpu_alike(groups: list[BpuTerms]) -> int:
    return _ANY_WAGE if groups and all(terms == groups[0] for terms in groups) else -1
