"""The contribution engine: one person's BPJS Ketenagakerjaan amounts per month (pure, memoised)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from desa_budget.contributions.amounts import NO_BIRTH_DATE, Flat, JpState, jp_stop
from desa_budget.contributions.results import MonthAmounts, ProgramAmount
from desa_budget.contributions.schedule import Plan, Span, plan_for, span_of
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.rules import JKK_CLASSES, PROGRAMS, RuleSet

__all__ = [
    "NO_BIRTH_DATE",
    "SEGMENTS",
    "WORKER_SHARES",
    "Participation",
    "Quote",
    "months_in_post",
    "quote_month",
    "quote_months",
    "validate",
]

SEGMENTS = ("PU", "BPU")
WORKER_SHARES = ("desa", "potong")  # who pays the worker shares of JHT and JP


@dataclass(frozen=True)
class Participation:
    """How one person takes part: the inputs of the engine for every month quoted."""

    segment: str  # "PU" | "BPU"
    basis: int  # PU: monthly wage basis; BPU: declared income (rupiah)
    programs: frozenset[str]  # subset of JKK, JKM, JHT, JP
    jkk_class: int = 1  # JKK risk class 1..5 (PU only)
    worker_share: str = "desa"  # "desa" pays the JHT/JP worker shares, or "potong" from the pay
    birth_date: date | None = None  # for the JP age test


@dataclass(frozen=True, slots=True)
class Quote:
    """Several months of one participation, summed; ``assumptions`` are Indonesian sentences,
    marked (``N_``) so the window can show them translated."""

    desa: int
    potongan: int
    plan: Plan = field(repr=False)  # the months, their grouping and rates (no wage)
    amounts: tuple[Flat, ...] = field(repr=False)  # per group: desa, potongan of each program

    @property
    def assumptions(self) -> tuple[str, ...]:
        return self.plan.assumptions

    @property
    def months(self) -> tuple[MonthAmounts, ...]:
        """Each quoted month in the order given, with each program's desa and potongan; built
        when first read and shared by every quote of the same plan and amounts."""
        return self.plan.detail(self.amounts)[0]

    @property
    def by_program(self) -> Mapping[str, ProgramAmount]:
        """The requested programs' sums over the months, in JKK, JKM, JHT, JP order."""
        return self.plan.detail(self.amounts)[1]


def months_in_post(start: date | None, end: date | None, year: int) -> tuple[int, ...]:
    """The months (1-12) of ``year`` with at least one day in post; None = no start / no end."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    begin = first if start is None or start < first else start
    finish = last if end is None or end > last else end
    if finish < begin:
        return ()
    return tuple(range(begin.month, finish.month + 1))


_PROGRAM_SET = frozenset(PROGRAMS)


def validate(p: Participation) -> None:
    """A UserError (one Indonesian sentence) for a participation the engine cannot quote."""
    if p.segment not in SEGMENTS:
        raise UserError(
            _("Segmen '{segment}' tidak dikenal; pilih PU atau BPU.").format(segment=p.segment)
        )
    if not p.programs <= _PROGRAM_SET:
        unknown = sorted(set(p.programs) - _PROGRAM_SET)
        raise UserError(
            _("Program tidak dikenal: {unknown}; pilih dari {programs}.").format(
                unknown=", ".join(unknown), programs=", ".join(PROGRAMS)
            )
        )
    if p.basis < 0:
        raise UserError(
            _("Dasar upah/penghasilan tidak boleh negatif ({basis}).").format(basis=p.basis)
        )
    if p.jkk_class not in JKK_CLASSES:
        raise UserError(
            _("Kelas risiko JKK {kelas} tidak sah; pilih 1 sampai 5.").format(kelas=p.jkk_class)
        )
    if p.worker_share not in WORKER_SHARES:
        raise UserError(
            _("Pembayar iuran pekerja '{share}' tidak dikenal; pilih desa atau potong.").format(
                share=p.worker_share
            )
        )
    if p.segment == "BPU" and "JP" in p.programs:
        raise UserError(_("Program JP tidak tersedia untuk peserta BPU (Bukan Penerima Upah)."))


def quote_month(
    rules: RuleSet, p: Participation, year: int, month: int, *, bpu_discount: bool = False
) -> MonthAmounts:
    """One person-month: each requested program's desa and potongan amounts."""
    return quote_months(rules, p, ((year, month),), bpu_discount=bpu_discount).months[0]


def quote_months(
    rules: RuleSet,
    p: Participation,
    months: Iterable[tuple[int, int]],
    *,
    bpu_discount: bool = False,
) -> Quote:
    """Several (year, month) pairs, each with that month's rules, summed.

    Everything but the wage is prepared once per plan (choices, months, JP state) and kept with
    the rules; the wage then costs a few integer operations per group of months."""
    if p.basis < 0:
        validate(p)
    pairs = months if isinstance(months, tuple) else tuple(months)
    birth = p.birth_date
    born = (birth.year, birth.month) if birth is not None and "JP" in p.programs else None
    discount = bpu_discount and p.segment == "BPU"
    key = ("plan", p.segment, p.programs, p.jkk_class, p.worker_share, born, pairs, discount)
    plan: Plan = rules.cached(key, _plan, rules, p, pairs, discount)
    desa, potongan, amounts = plan.quote(p.basis)
    return Quote(desa, potongan, plan, amounts)


def _plan(
    rules: RuleSet, p: Participation, pairs: tuple[tuple[int, int], ...], discount: bool
) -> Plan:
    """The plan for these choices and months; everyone whose birth month gives the same JP state
    over the months shares one (and the month detail of each wage)."""
    validate(p)
    span: Span = rules.cached(("span", pairs), span_of, rules, pairs)
    jp = _jp_state(rules, p, span)
    key = ("jp plan", p.segment, p.programs, p.jkk_class, p.worker_share, jp, span, discount)
    return rules.cached(
        key,
        plan_for,
        span,
        segment=p.segment,
        programs=p.programs,
        jkk_class=p.jkk_class,
        worker_share=p.worker_share,
        jp=jp,
        discount=discount,
        details=rules.cached(("month details",), dict),
    )


def _jp_state(rules: RuleSet, p: Participation, span: Span) -> JpState:
    """The person's JP state over the span; an end after the span's last month is no end."""
    if p.segment != "PU" or "JP" not in p.programs:
        return None
    birth = p.birth_date
    if birth is None:
        return False
    stop = rules.cached(("jp_stop", birth.year, birth.month), jp_stop, rules, birth)
    return True if stop is None or stop[0] >= span.last else stop
