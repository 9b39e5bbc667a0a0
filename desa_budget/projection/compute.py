"""The projection: the base year's coverage carried over the years, month by month with each
year's rules, under the stored assumptions; the base year is the year's simulation as it stands."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget.ceiling import CEILING_GROUP, Ratio30
from desa_budget.budget.settings import get_budget_year
from desa_budget.contributions.amounts import no_birth_date_note
from desa_budget.contributions.engine import NO_BIRTH_DATE, Participation, months_in_post
from desa_budget.contributions.engine import quote_months as quote
from desa_budget.contributions.results import ProgramAmount
from desa_budget.contributions.simulation import RosterEntry, load_covered_year, participation
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.money import round_ratio
from desa_budget.projection.assumptions import ProjectionParams, target_count, validate
from desa_budget.projection.notes import assumption_notes
from desa_budget.rules import PROGRAMS, RuleSet
from desa_budget.rules.limits import limits_for
from desa_budget.store.models import Post
from desa_budget.village import categories

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class CategoryYear:
    persons: int  # desa-paid persons covered (successors and new persons by target included)
    desa: int
    potongan: int


@dataclass(frozen=True)
class ProjectionYear:
    year: int
    desa: int  # APBDes spending (desa-paid persons)
    potongan: int  # withheld from pay (passed through)
    by_program: Mapping[str, ProgramAmount]  # JKK, JKM, JHT, JP
    by_category: Mapping[str, CategoryYear]  # in category order, categories with someone
    jp_ceiling: int  # in force in December
    jp_ceiling_assumed: bool
    total_belanja: int | None  # entered for the year, or grown from an entered one
    total_belanja_assumed: bool
    ratio: Ratio30 | None  # the 30 % ceiling when total belanja is known


@dataclass(frozen=True)
class Projection:
    params: ProjectionParams
    average_ceiling_growth: Decimal  # the default, shown beside the growth in use
    years: tuple[ProjectionYear, ...]
    assumptions: tuple[str, ...]  # marked (N_) sentences, Indonesian

    @property
    def ceiling_growth(self) -> Decimal:
        """The JP ceiling's yearly growth in use (percent)."""
        growth = self.params.kenaikan_batas_jp
        return self.average_ceiling_growth if growth is None else growth


@dataclass(frozen=True)
class _Cost:
    kategori: str
    desa_paid: bool
    covered: bool
    pay: int  # basis × months in post (for the 30 % ratio)
    desa: int
    potongan: int
    by_program: Mapping[str, ProgramAmount]
    counted: bool = True  # a successor in the year the leaver is still in post is not counted
    pay_entered: bool = False  # ``pay`` from the siltap + tunjangan entered on the post

    @property
    def head(self) -> bool:
        """Counted as a covered desa-paid person of the year."""
        return self.covered and self.desa_paid and self.counted


def _terms(session: Session, ids: Iterable[int]) -> dict[int, tuple[date | None, date | None]]:
    """Per person, the first start and last end of their posts (None: open)."""
    found: dict[int, tuple[date | None, date | None]] = {}
    rows = session.execute(select(Post.person_id, Post.mulai, Post.akhir))
    wanted = set(ids)
    for person_id, start, end in rows:
        if person_id not in wanted:
            continue
        if person_id in found:
            first, last = found[person_id]
            start = None if first is None or start is None else min(first, start)
            end = None if last is None or end is None else max(last, end)
        found[person_id] = (start, end)
    return found


def _grown(amount: int, growth: Decimal, years: int) -> int:
    """``amount`` after ``years`` yearly increases of ``growth`` %, rounded each year."""
    numerator, denominator = (_HUNDRED + growth).as_integer_ratio()
    for _year in range(years):
        amount = round_ratio(amount * numerator, denominator * 100)
    return amount


def _cost(
    rules: RuleSet,
    entry: RosterEntry,
    year: int,
    notes: dict[str, None],
    p: Participation | None = None,
) -> _Cost:
    """One person's (or successor's) year; the engine's sentences are added to ``notes``."""
    programs = tuple(x for x in entry.programs if entry.segmen == "PU" or x != "JP")
    desa = potongan = 0
    by_program: Mapping[str, ProgramAmount] = {}
    if programs and entry.months:
        if p is None and entry.tanggal_lahir is None and "JP" in programs:
            notes.setdefault(no_birth_date_note(entry.nama), None)  # data belum lengkap
        p = p or participation(entry, programs)
        found = quote(rules, p, tuple((year, m) for m in entry.months))
        desa, potongan, by_program = found.desa, found.potongan, found.by_program
        for note in found.assumptions:
            if p.birth_date is not None or note != NO_BIRTH_DATE:
                notes.setdefault(note, None)
    return _Cost(
        entry.kategori, entry.dibayar_oleh == "desa", bool(programs) and bool(entry.months),
        _monthly_pay(entry) * len(entry.months), desa, potongan, by_program,
        pay_entered=bool(entry.penghasilan),
    )  # fmt: skip


def _monthly_pay(entry: RosterEntry) -> int:
    """The 30 % ratio's monthly figure: siltap + tunjangan entered on the post, else the basis
    (the same choice as ``budget.ceiling``)."""
    return entry.penghasilan or entry.dasar_upah


def _year_costs(
    rules: RuleSet,
    params: ProjectionParams,
    entries: Sequence[RosterEntry],
    terms: Mapping[int, tuple[date | None, date | None]],
    year: int,
    notes: dict[str, None],
) -> list[_Cost]:
    base = params.tahun_dasar
    if year == base:  # the year as budgeted: the same persons and months as its simulation
        return [_cost(rules, entry, year, notes) for entry in entries]
    costs = []
    for entry in entries:
        start, end = terms.get(entry.person_id, (None, None))
        growth, years = params.wage_growth(entry.kategori), year - base
        basis = _grown(entry.dasar_upah, growth, years)
        pay = None if entry.penghasilan is None else _grown(entry.penghasilan, growth, years)
        own = replace(
            entry, months=months_in_post(start, end, year), dasar_upah=basis, penghasilan=pay
        )
        costs.append(_cost(rules, own, year, notes))
        refilled = params.isi_kembali and entry.person_id not in params.tidak_diisi
        if refilled and end is not None and (end.year, end.month) < (year, 12):
            # The successor from the month after the term: same post, basis and programs; no
            # birth date, so JP all months. A month with any day in post is the leaver's.
            after = date(year, 1, 1) if end.year < year else date(year, end.month + 1, 1)
            successor = replace(own, months=months_in_post(after, None, year))
            p = replace(participation(successor, successor.programs), birth_date=None)
            costs.append(replace(_cost(rules, successor, year, notes, p), counted=not own.months))
    return costs


def _model(rules: RuleSet, entries: Sequence[RosterEntry], kategori: str, year: int) -> RosterEntry:
    """A new person of ``kategori`` for a target: the commonest choice among its desa-paid
    covered persons of the base year, else BPU JKK+JKM on the minimum declared income."""
    counts: dict[tuple[str, int, tuple[str, ...], int, str], int] = {}
    for e in entries:
        if e.kategori == kategori and e.covered and e.dibayar_oleh == "desa":
            key = (e.segmen, e.dasar_upah, e.programs, e.kelas_jkk, e.iuran_pekerja)
            counts[key] = counts.get(key, 0) + 1
    if counts:
        segmen, basis, programs, kelas, share = max(counts, key=lambda k: counts[k])
    elif categories.BY_KEY[kategori].usual_segment == "BPU":
        segmen, basis, programs, kelas, share = "BPU", rules.bpu(year, 1).min_income, (
            "JKK", "JKM"), 1, "desa"  # fmt: skip
    else:
        raise UserError(
            _(
                "Target {kategori}: belum ada peserta {kategori} yang ditanggung pada tahun dasar "
                "untuk dijadikan contoh dasar upah dan program."
            ).format(kategori=categories.label(kategori))
        )
    return RosterEntry(
        person_id=0, nik="", nama="", jenis_kelamin="", tanggal_lahir=date(year, 1, 1),
        kategori=kategori, jabatan="", status_jabatan="definitif", months=tuple(range(1, 13)),
        covered=True, segmen=segmen, dasar_upah=basis, programs=programs, kelas_jkk=kelas,
        iuran_pekerja=share, status_bpjs="belum", dibayar_oleh="desa", kode_kegiatan=None,
        kode_rekening=None, sumber_dana=None,
    )  # fmt: skip


def _targets(
    rules: RuleSet,
    params: ProjectionParams,
    entries: Sequence[RosterEntry],
    costs: list[_Cost],
    base_counts: Mapping[str, int],
    year: int,
    notes: dict[str, None],
) -> None:
    """New persons, covered all year, up to each category's target (never fewer than there are)."""
    for kategori in params.target:
        wanted = target_count(params, kategori, year, base_counts.get(kategori, 0))
        have = sum(1 for c in costs if c.kategori == kategori and c.head)
        if wanted is None or wanted <= have:
            continue
        model = _model(rules, entries, kategori, params.tahun_dasar)
        grown = _grown(model.dasar_upah, params.wage_growth(kategori), year - params.tahun_dasar)
        model = replace(model, dasar_upah=grown)
        one = _cost(rules, model, year, notes, replace(participation(model), birth_date=None))
        costs.extend([one] * (wanted - have))


def _belanja(session: Session, params: ProjectionParams, year: int) -> tuple[int | None, bool]:
    """The year's entered total belanja, else grown from the latest entered year before it."""
    own = get_budget_year(session, year).total_belanja
    if own is not None or params.kenaikan_belanja is None:
        return own, False
    for earlier in range(year - 1, params.tahun_dasar - 1, -1):
        known = get_budget_year(session, earlier).total_belanja
        if known is not None:
            return _grown(known, params.kenaikan_belanja, year - earlier), True
    return None, False


def _ratio(costs: Sequence[_Cost], total: int, year: int) -> Ratio30:
    group = [c for c in costs if c.kategori in CEILING_GROUP]
    pay = sum(c.pay for c in group)  # every member in post, insured or not
    jamsos = sum(c.desa for c in group if c.desa_paid)
    return Ratio30(
        total_belanja=total, penghasilan=pay, jaminan_sosial=jamsos,
        batas_persen=limits_for(year).batas_persen,
        dari_penghasilan=sum(1 for c in group if c.pay and c.pay_entered),
        dari_dasar_upah=sum(1 for c in group if c.pay and not c.pay_entered),
    )  # fmt: skip


def _summary(
    session: Session, rules: RuleSet, params: ProjectionParams, year: int, costs: list[_Cost]
) -> ProjectionYear:
    paid = [c for c in costs if c.desa_paid and c.covered]
    programs = {name: ProgramAmount() for name in PROGRAMS}
    for c in paid:
        for name, amount in c.by_program.items():
            programs[name] = programs[name] + amount
    by_category = {}
    for key in categories.KEYS:
        group = [c for c in paid if c.kategori == key]
        if group:
            by_category[key] = CategoryYear(
                sum(1 for c in group if c.head),
                sum(c.desa for c in group),
                sum(c.potongan for c in group),
            )
    ceiling = rules.jp_ceiling_at(year, 12)
    total, assumed = _belanja(session, params, year)
    return ProjectionYear(
        year=year, desa=sum(c.desa for c in paid), potongan=sum(c.potongan for c in paid),
        by_program=MappingProxyType(programs), by_category=MappingProxyType(by_category),
        jp_ceiling=ceiling.amount, jp_ceiling_assumed=ceiling.assumed,
        total_belanja=total, total_belanja_assumed=assumed,
        ratio=_ratio(costs, total, year) if total else None,
    )  # fmt: skip


def project(session: Session, rules: RuleSet, params: ProjectionParams) -> Projection:
    """Each year of ``params.years``: cost by program and category, desa and potongan, the 30 %
    ratio when total belanja is known, and every assumption made."""
    validate(params)
    used = rules.with_ceiling_growth(params.kenaikan_batas_jp)
    entries, note = load_covered_year(session, params.tahun_dasar)
    terms = _terms(session, (e.person_id for e in entries))
    base_counts: dict[str, int] = {}
    for e in entries:
        if e.covered and e.dibayar_oleh == "desa":
            base_counts[e.kategori] = base_counts.get(e.kategori, 0) + 1
    said: dict[str, None] = {}
    years = []
    for year in params.years:
        costs = _year_costs(used, params, entries, terms, year, said)
        _targets(used, params, entries, costs, base_counts, year, said)
        years.append(_summary(session, used, params, year, costs))
    notes = assumption_notes(
        used, params, applied=note is not None, base_counts=base_counts, engine=tuple(said)
    )
    return Projection(params, rules.average_ceiling_growth, tuple(years), notes)
