"""The engine's arithmetic: a month's rates as integer fractions, a wage's whole-rupiah amounts."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desa_budget.errors import UserError
from desa_budget.format import format_decimal, format_growth, format_rp
from desa_budget.i18n import N_, _
from desa_budget.money import round_ratio
from desa_budget.rules import PROGRAMS, Ceiling, Discount, MonthRules, RuleSet
from desa_budget.rules.months import label_of_index, month_index, year_month

NO_BIRTH_DATE = N_(
    "Tanggal lahir tidak diisi; JP dihitung untuk semua bulan tanpa uji usia pensiun."
)


def no_birth_date_note(nama: str) -> str:
    """The assumption a result states for a person with JP but no birth date (kept and printed)."""
    return N_(
        "{nama}: tanggal lahir belum diisi (data belum lengkap); JP dihitung untuk semua bulan "
        "tanpa uji usia pensiun."
    ).format(nama=nama)


# True: JP due; False: due, no birth date to test; (last JP month index, age, month index the age
# was reached): ended after that month; None: JP not requested. The last JP month and the month the
# age was reached differ only for someone past the age when JP began (July 2015): no JP at all.
JpState = tuple[int, int, int] | bool | None
# One person's amounts in one group of months: desa, potongan of each program in turn.
Flat = tuple[int, ...]
# One PU program: the full rate n/d, the withheld worker rate n/d (0/1 when the desa pays it) and
# the JP ceiling (None: no cap). JP that has ended is the rate 0/1.
PuTerm = tuple[int, int, int, int, int | None]


def jp_stop(rules: RuleSet, birth: date) -> tuple[int, int, int] | None:
    """(last JP month index, age, month index the age was reached), if it ever is.

    JP runs up to and including the month of the birthday on which the person reaches the JP
    retirement age in force that year (domain.md §2.3; the month rule is inferred). JP began in
    the first month of its rate (July 2015, age 56): someone who had reached the age in force
    then, before that month, never gets JP, so the last JP month is the one before it."""
    jp_rate = rules.pu_series.get(("JP", None))
    began = jp_rate.starts[0] if jp_rate else rules.first_index
    began_year = year_month(began)[0]
    for year in range(birth.year + 1, birth.year + 200):
        age = rules.age_series.find(max(year, began_year))
        if age is not None and year - birth.year >= age:
            reached = month_index(year, birth.month)
            return max(reached, began - 1), age, reached
    return None


def jp_stop_note(jp: tuple[int, int, int]) -> str:
    """The sentence for a JP that has stopped, or never began for this person (:func:`jp_stop`)."""
    last, age, reached = jp
    if reached < last:
        return N_(
            "JP tidak dihitung: usia pensiun JP {age} tahun sudah tercapai pada "
            "{reached}, sebelum program JP dimulai {began}."
        ).format(age=age, reached=label_of_index(reached), began=label_of_index(last + 1))
    return N_(
        "JP tidak dihitung mulai {stop}: usia pensiun JP {age} tahun tercapai "
        "pada {reached} (JP berhenti sesudah bulan ulang tahun itu)."
    ).format(stop=label_of_index(last + 1), age=age, reached=label_of_index(last))


def ceiling_note(ceiling: Ceiling) -> str:
    """The sentence that says an unpublished JP ceiling was assumed, and how."""
    month = label_of_index(ceiling.unpublished_from or ceiling.since)
    if not ceiling.growth:
        return N_(
            "Batas upah JP mulai {month} belum diterbitkan; dipakai {amount} "
            "(berlaku sejak {since})."
        ).format(month=month, amount=format_rp(ceiling.amount), since=label_of_index(ceiling.since))
    values = {
        "month": month,
        "amount": format_rp(ceiling.amount),
        "published": format_rp(ceiling.published or ceiling.amount),
        "since": label_of_index(ceiling.since),
        "growth": format_growth(ceiling.growth),
    }
    if ceiling.growth_is_average:
        return N_(
            "Batas upah JP mulai {month} belum diterbitkan; diasumsikan {amount}: {published} "
            "(berlaku sejak {since}) naik {growth}% per tahun, rata-rata kenaikan yang "
            "diterbitkan, dibulatkan ke bawah ke Rp100."
        ).format(**values)
    return N_(
        "Batas upah JP mulai {month} belum diterbitkan; diasumsikan {amount}: {published} "
        "(berlaku sejak {since}) naik {growth}% per tahun, dibulatkan ke bawah ke Rp100."
    ).format(**values)


def _here(now: MonthRules) -> str:
    return _(label_of_index(month_index(now.year, now.month)))


def pu_terms(
    now: MonthRules, programs: frozenset[str], jkk_class: int, worker_share: str, jp: JpState
) -> tuple[tuple[PuTerm, ...], tuple[str, ...]]:
    """One month's PU programs as integer-fraction terms, in PROGRAMS order, and what they
    assume (no wage needed)."""
    terms: list[PuTerm] = []
    notes: list[str] = []
    for name in PROGRAMS:
        if name not in programs:
            continue
        rate = now.pu.get((name, jkk_class if name == "JKK" else None))
        if rate is None:
            raise UserError(
                _("Tidak ada tarif {program} untuk {month}.").format(program=name, month=_here(now))
            )
        total_n, total_d = rate.total.as_integer_ratio()
        worker_n, worker_d = 0, 1
        if worker_share == "potong" and rate.worker:
            worker_n, worker_d = rate.worker.as_integer_ratio()
        cap: int | None = None
        if name == "JP":
            if jp is False:
                notes.append(NO_BIRTH_DATE)
            elif isinstance(jp, tuple):
                notes.append(jp_stop_note(jp))
                terms.append((0, 1, 0, 1, None))
                continue
            ceiling = now.jp_ceiling
            if ceiling is None:
                raise UserError(
                    _("Tidak ada batas upah JP untuk {month}.").format(month=_here(now))
                )
            if ceiling.assumed and ceiling.unpublished_from is not None:
                notes.append(ceiling_note(ceiling))
            cap = ceiling.amount
        terms.append((total_n, total_d, worker_n, worker_d, cap))
    return tuple(terms), tuple(notes)


def pu_amounts(terms: tuple[PuTerm, ...], basis: int) -> Flat:
    """The decided rounding: the full amount and the withheld worker part are each rounded once;
    the desa pays the rest."""
    out: list[int] = []
    append = out.append
    for total_n, total_d, worker_n, worker_d, cap in terms:
        base = basis if cap is None or basis <= cap else cap
        full = round_ratio(base * total_n, total_d)
        if worker_n:
            withheld = round_ratio(base * worker_n, worker_d)
            append(full - withheld)
            append(withheld)
        else:
            append(full)
            append(0)
    return tuple(out)


@dataclass(frozen=True)
class BpuTerms:
    """One month's BPU rules as integer fractions, for one set of programs and choices."""

    min_income: int
    brackets: tuple[tuple[int, int | None], ...]
    jkk: tuple[int, int] | None  # None: JKK not requested
    jkm: int | None  # flat rupiah; None: not requested
    jht: tuple[int, int] | None
    factor: tuple[int, int] | None  # the PP 50/2025 discount, when applied
    jht_withheld: bool


def bpu_terms(
    now: MonthRules, programs: frozenset[str], worker_share: str, discount: bool
) -> tuple[BpuTerms, tuple[str, ...]]:
    params = now.bpu
    if params is None:
        raise UserError(_("Tidak ada aturan iuran BPU untuk {month}.").format(month=_here(now)))
    notes: list[str] = []
    factor = None
    if now.discount is not None and ("JKK" in programs or "JKM" in programs):
        if discount:
            factor = now.discount.factor.as_integer_ratio()
        notes.append(_discount_note(now.discount, applied=discount))
    terms = BpuTerms(
        min_income=params.min_income,
        brackets=tuple((b.income_from, b.income_to) for b in now.bpu_brackets),
        jkk=params.jkk.as_integer_ratio() if "JKK" in programs else None,
        jkm=params.jkm_flat if "JKM" in programs else None,
        jht=params.jht.as_integer_ratio() if "JHT" in programs else None,
        factor=factor,
        jht_withheld=worker_share == "potong",
    )
    return terms, tuple(notes)


def bpu_amounts(terms: BpuTerms, basis: int) -> Flat:
    """JKK on the declared income and the flat JKM (both discounted when applied), JHT."""
    if basis < terms.min_income:
        raise UserError(
            _("Penghasilan BPU {income} di bawah minimum {minimum}.").format(
                income=format_rp(basis), minimum=format_rp(terms.min_income)
            )
        )
    if terms.brackets and not any(
        low <= basis and (high is None or basis <= high) for low, high in terms.brackets
    ):
        raise UserError(
            _("Penghasilan BPU {income} tidak termasuk dalam tabel penghasilan BPU.").format(
                income=format_rp(basis)
            )
        )
    out: list[int] = []
    factor = terms.factor
    if terms.jkk is not None:
        jkk = round_ratio(basis * terms.jkk[0], terms.jkk[1])
        out += (round_ratio(jkk * factor[0], factor[1]) if factor else jkk, 0)
    if terms.jkm is not None:
        jkm = terms.jkm
        out += (round_ratio(jkm * factor[0], factor[1]) if factor else jkm, 0)
    if terms.jht is not None:
        jht = round_ratio(basis * terms.jht[0], terms.jht[1])
        out += (0, jht) if terms.jht_withheld else (jht, 0)
    return tuple(out)


def _discount_note(rule: Discount, *, applied: bool) -> str:
    start = label_of_index(rule.start)
    if rule.end is not None:
        period = N_("{start} sampai {end}").format(start=start, end=label_of_index(rule.end))
    else:
        period = N_("{start} dan seterusnya").format(start=start)
    share = format_decimal(rule.factor * Decimal(100), 0)
    if applied:
        return N_(
            "Diskon iuran BPU PP 50/2025 diterapkan: JKK dan JKM dibayar {share}% untuk {period}."
        ).format(share=share, period=period)
    return N_(
        "Diskon iuran BPU PP 50/2025 (JKK dan JKM dibayar {share}% untuk {period}) tidak "
        "diterapkan: iuran penuh dianggarkan karena belum jelas apakah peserta yang dibiayai "
        "APBDes termasuk."
    ).format(share=share, period=period)
