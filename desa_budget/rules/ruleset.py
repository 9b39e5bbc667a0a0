"""The loaded rules: a frozen object answering "which rate, ceiling or age applies in this month"."""

from bisect import bisect_right
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, ParamSpec, TypeVar

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.rules.months import label_of_index, month_index, year_month
from desa_budget.rules.table import RuleTable

T = TypeVar("T")
P = ParamSpec("P")
GENERAL_SECTOR = "umum"  # PP 50/2025 general BPU; "transportasi" has its own period
_CACHE_LIMIT = 200_000
_MISSING = object()

PROGRAMS: tuple[str, ...] = ("JKK", "JKM", "JHT", "JP")  # the four BPJS TK programs, in order


@dataclass(frozen=True)
class PuRate:
    """A PU program's rates as fractions (0.0024 for 0.24 %)."""

    employer: Decimal
    worker: Decimal

    @property
    def total(self) -> Decimal:
        return self.employer + self.worker


@dataclass(frozen=True)
class BpuParams:
    min_income: int
    jkk: Decimal  # fraction of the declared income
    jkm_flat: int  # rupiah per month
    jht: Decimal  # fraction of the declared income


@dataclass(frozen=True)
class IncomeBracket:
    income_from: int
    income_to: int | None  # None = no upper limit


@dataclass(frozen=True)
class Ceiling:
    """The JP wage ceiling that applies in a month; ``assumed`` after the last published row:
    the last published amount grown by ``growth`` percent each March, rounded down to Rp 100
    as BPJS TK rounds it (domain.md §2.2)."""

    amount: int
    assumed: bool
    since: int  # month index of the (last published) row's valid_from
    unpublished_from: int | None = None  # first month of this assumed amount (when assumed)
    published: int | None = None  # the last published amount it grew from (when assumed)
    growth: Decimal | None = None  # percent per year (when assumed)
    growth_is_average: bool = False  # the growth is the average of the published increases


def grown_ceiling(amount: int, growth: Decimal, years: int) -> int:
    """``amount`` after ``years`` yearly increases of ``growth`` percent, each rounded down to
    Rp 100 (how the published ceilings are rounded)."""
    numerator, denominator = (Decimal(100) + growth).as_integer_ratio()
    denominator *= 100
    for _year in range(years):
        amount = amount * numerator // denominator // 100 * 100
    return amount


@dataclass(frozen=True)
class Discount:
    factor: Decimal
    start: int  # month index, inclusive
    end: int | None  # month index, inclusive


@dataclass(frozen=True)
class MonthRules:
    """Everything the engine needs for one contribution month, looked up once."""

    year: int
    month: int
    pu: Mapping[tuple[str, int | None], PuRate]  # (program, JKK class or None)
    jp_ceiling: Ceiling | None
    jp_age: int | None
    bpu: BpuParams | None
    discount: Discount | None  # PP 50/2025 discount for general BPU, when the month is in it
    bpu_brackets: tuple[IncomeBracket, ...] = ()  # declared-income brackets in force
    # Months with equal PU rules (rates, JP ceiling) share pu_epoch; likewise BPU rules and
    # bpu_epoch. The engine computes once per epoch: January and February usually share one.
    pu_epoch: int = 0
    bpu_epoch: int = 0


@dataclass(frozen=True)
class Series(Generic[T]):
    """Non-overlapping periods in order (the loader checked them) with one value each."""

    starts: tuple[int, ...]
    ends: tuple[int | None, ...]
    values: tuple[T, ...]

    def find(self, index: int) -> T | None:
        pos = bisect_right(self.starts, index) - 1
        if pos < 0:
            return None
        end = self.ends[pos]
        return self.values[pos] if end is None or index <= end else None


@dataclass(frozen=True, eq=False)
class RuleSet:
    """All rule tables, validated. Lookups take a year and month (1-12); build with ``load_rules``."""

    tables: Mapping[str, RuleTable]  # file name -> table, in display order
    pu_series: Mapping[tuple[str, int | None], Series[PuRate]]
    ceiling_series: Series[int]
    age_series: Series[int]  # periods are years
    bpu_series: Series[BpuParams]
    bracket_series: Mapping[int, Series[IncomeBracket]]
    discount_series: Mapping[str, Series[Discount]]
    first_index: int  # the first month any contribution rule exists
    # The JP ceiling's yearly growth (percent) after the last published one; None: the average
    # of the published increases (``average_ceiling_growth``). Set with ``with_ceiling_growth``.
    ceiling_growth: Decimal | None = None
    _cache: dict[Hashable, object] = field(default_factory=dict, repr=False)  # bounded
    _months: dict[int, MonthRules] = field(default_factory=dict, repr=False)
    _epochs: dict[Hashable, int] = field(default_factory=dict, repr=False)  # never cleared

    @property
    def average_ceiling_growth(self) -> Decimal:
        """The average of the published yearly changes of the JP ceiling, in percent, to two
        places (a fall counts too): the default growth after the last published ceiling."""
        values = self.ceiling_series.values
        changes = [Decimal(b) / Decimal(a) - 1 for a, b in zip(values, values[1:], strict=False)]
        if not changes:
            return Decimal(0)
        average = sum(changes, Decimal(0)) * 100 / len(changes)
        return average.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def ceiling_growth_in_use(self) -> Decimal:
        return self.average_ceiling_growth if self.ceiling_growth is None else self.ceiling_growth

    @property
    def last_published_ceiling(self) -> tuple[int, int, int | None]:
        """(amount, month index of its valid_from, month index of its valid_to or None)."""
        series = self.ceiling_series
        return series.values[-1], series.starts[-1], series.ends[-1]

    def with_ceiling_growth(self, growth: Decimal | None) -> "RuleSet":
        """The same rules with another JP ceiling growth after the last published ceiling (None:
        the average of the published increases); a fresh cache, since amounts change."""
        if growth is not None and not Decimal(-50) <= growth <= Decimal(100):
            raise UserError(
                _(
                    "Kenaikan batas upah JP {growth}% per tahun tidak wajar; isi -50 sampai 100."
                ).format(growth=growth)
            )
        return replace(self, ceiling_growth=growth, _cache={}, _months={}, _epochs={})

    @property
    def first_month(self) -> tuple[int, int]:
        return year_month(self.first_index)

    def check_month(self, year: int, month: int) -> int:
        """The month's index; a UserError for a month the rules do not reach back to."""
        if not 1 <= month <= 12:
            raise UserError(
                _("Bulan {month} tidak sah; bulan harus 1 sampai 12.").format(month=month)
            )
        index = month_index(year, month)
        if index < self.first_index:
            raise UserError(
                _(
                    "Belum ada aturan iuran untuk {month}; aturan paling awal berlaku mulai {first}."
                ).format(month=_(label_of_index(index)), first=_(label_of_index(self.first_index)))
            )
        return index

    def pu_rate(self, program: str, jkk_class: int, year: int, month: int) -> PuRate:
        index = self.check_month(year, month)
        key = (program, jkk_class if program == "JKK" else None)
        series = self.pu_series.get(key)
        rate = series.find(index) if series else None
        if rate is None:
            if program == "JKK":
                what = _("{program} kelas {kelas}").format(program=program, kelas=jkk_class)
            else:
                what = program
            raise UserError(
                _("Tidak ada tarif {program} untuk {month}.").format(
                    program=what, month=_(label_of_index(index))
                )
            )
        return rate

    def jp_ceiling_at(self, year: int, month: int) -> Ceiling:
        """The JP ceiling of a month; after the last published row, the last value grown by the
        ceiling growth each March, assumed (never the last value silently: that under-budgets
        everyone above the ceiling)."""
        index = self.check_month(year, month)
        ceiling = self._ceiling(index)
        if ceiling is None:
            raise UserError(
                _("Tidak ada batas upah JP untuk {month}.").format(month=_(label_of_index(index)))
            )
        return ceiling

    def jp_ceiling(self, year: int, month: int) -> tuple[int, bool]:
        """(amount, assumed) for a month."""
        ceiling = self.jp_ceiling_at(year, month)
        return ceiling.amount, ceiling.assumed

    def jp_age(self, year: int) -> int:
        age = self.age_series.find(year)
        if age is None:
            raise UserError(_("Tidak ada usia pensiun JP untuk tahun {year}.").format(year=year))
        return age

    def bpu(self, year: int, month: int) -> BpuParams:
        index = self.check_month(year, month)
        params = self.bpu_series.find(index)
        if params is None:
            raise UserError(
                _("Tidak ada aturan iuran BPU untuk {month}.").format(
                    month=_(label_of_index(index))
                )
            )
        return params

    def bpu_brackets(self, year: int, month: int) -> tuple[IncomeBracket, ...]:
        """The declared-income brackets in force (kept as data until the official table is known)."""
        index = self.check_month(year, month)
        found = (s.find(index) for s in self.bracket_series.values())
        return tuple(sorted((b for b in found if b), key=lambda b: b.income_from))

    def bpu_discount_at(
        self, year: int, month: int, sector: str = GENERAL_SECTOR
    ) -> Discount | None:
        series = self.discount_series.get(sector)
        return series.find(month_index(year, month)) if series else None

    def bpu_discount_factor(
        self, year: int, month: int, sector: str = GENERAL_SECTOR
    ) -> Decimal | None:
        """PP 50/2025's factor on BPU JKK+JKM for the month, or None outside its period."""
        discount = self.bpu_discount_at(year, month, sector)
        return discount.factor if discount else None

    def month(self, year: int, month: int) -> MonthRules:
        """All of one month's rules, looked up once and kept."""
        index = month_index(year, month)
        found = self._months.get(index) if 1 <= month <= 12 else None
        if found is None:
            found = self._months[index] = self._month_rules(self.check_month(year, month))
        return found

    def cached(
        self, key: Hashable, compute: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """A value derived from these rules (the engine's plans and amounts), kept with them:
        ``compute(*args, **kwargs)`` the first time ``key`` is asked for."""
        found = self._cache.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]  # (no cast: this is the engine's hot path)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        value = compute(*args, **kwargs)
        self._cache[key] = value
        return value

    def _ceiling(self, index: int) -> Ceiling | None:
        series = self.ceiling_series
        pos = bisect_right(series.starts, index) - 1
        if pos < 0:
            return None
        end = series.ends[pos]
        if end is None or index <= end:
            return Ceiling(series.values[pos], assumed=False, since=series.starts[pos])
        if pos == len(series.starts) - 1:
            years = (index - end - 1) // 12 + 1  # a new ceiling every March, like the published
            growth = self.ceiling_growth_in_use
            last = series.values[pos]
            return Ceiling(
                grown_ceiling(last, growth, years),
                assumed=True,
                since=series.starts[pos],
                unpublished_from=end + 1 + 12 * (years - 1),
                published=last,
                growth=growth,
                growth_is_average=self.ceiling_growth is None,
            )
        return None  # the loader forbids gaps, so this is unreachable for loaded rules

    def _month_rules(self, index: int) -> MonthRules:
        year, month = year_month(index)
        pu = {}
        for key, series in self.pu_series.items():
            rate = series.find(index)
            if rate is not None:
                pu[key] = rate
        ceiling = self._ceiling(index)
        bpu = self.bpu_series.find(index)
        discount = self.bpu_discount_at(year, month)
        brackets = self.bpu_brackets(year, month)
        return MonthRules(
            year=year,
            month=month,
            pu=pu,
            jp_ceiling=ceiling,
            jp_age=self.age_series.find(year),
            bpu=bpu,
            discount=discount,
            pu_epoch=self._epoch(("pu", frozenset(pu.items()), ceiling)),
            bpu_brackets=brackets,
            bpu_epoch=self._epoch(("bpu", bpu, discount, brackets)),
        )

    def _epoch(self, content: Hashable) -> int:
        """The same small number for equal rule contents."""
        return self._epochs.setdefault(content, len(self._epochs) + 1)
