"""The year's simulation: the roster as of a year, narrowed to the applied plan when there is one
(``contributions.applied``), run through the contribution engine."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.contributions.amounts import no_birth_date_note
from desa_budget.contributions.applied import AppliedPlanData, read_applied
from desa_budget.contributions.engine import Participation, Quote, months_in_post, quote_months
from desa_budget.contributions.results import (
    CoverageNote,
    LeftOut,
    PersonYear,
    PostPay,
    Simulation,
)
from desa_budget.rules import PROGRAMS, RuleSet
from desa_budget.store.models import Coverage, Person, Post
from desa_budget.village import categories


@dataclass(frozen=True)
class PostSpan:
    kategori: str
    jabatan: str
    status: str
    mulai: date | None
    akhir: date | None


@dataclass(frozen=True)
class RosterEntry:
    """One person as the year sees them: posts in the year and the coverage that applies."""

    person_id: int
    nik: str | None  # None, sex and birth date: data belum lengkap (roster.completeness)
    nama: str
    jenis_kelamin: str | None
    tanggal_lahir: date | None  # None: JP counted every month, and the result says so
    kategori: str  # highest-ranked category among the posts held during the year
    jabatan: str
    status_jabatan: str
    months: tuple[int, ...]  # months in post during the year (a month counts on any day in post)
    covered: bool  # has a coverage row with at least one program
    segmen: str
    dasar_upah: int
    programs: tuple[str, ...]
    kelas_jkk: int
    iuran_pekerja: str
    status_bpjs: str
    dibayar_oleh: str
    kode_kegiatan: str | None
    kode_rekening: str | None
    sumber_dana: str | None
    penghasilan: int | None = None  # siltap + tunjangan entered on the main post (else another)


class _Post(NamedTuple):
    id: int
    kategori: str
    jabatan: str
    status: str
    mulai: date | None
    akhir: date | None
    penghasilan: int | None


class _Coverage(NamedTuple):
    tahun: int
    segmen: str
    dasar_upah: int
    programs: str
    kelas_jkk: int
    iuran_pekerja: str
    status_bpjs: str
    dibayar_oleh: str
    kode_kegiatan: str | None
    kode_rekening: str | None
    sumber_dana: str | None


class _Person(NamedTuple):
    id: int
    nik: str | None
    nama: str
    jenis_kelamin: str | None
    tanggal_lahir: date | None


def _entry(
    person: _Person, posts: list[_Post], cov: _Coverage | None, year: int
) -> RosterEntry | None:
    if len(posts) == 1:  # most people: one post, its months as they are
        main = posts[0]
        months = months_in_post(main.mulai, main.akhir, year)
        if not months:
            return None
        pay = main.penghasilan
    else:
        spans = []
        in_any: set[int] = set()
        for post in posts:
            in_year = months_in_post(post.mulai, post.akhir, year)
            if in_year:
                in_any.update(in_year)
                spans.append(post)
        if not spans:
            return None
        main = min(spans, key=lambda p: (categories.BY_KEY[p.kategori].rank, p.id))
        months = tuple(sorted(in_any))
        # One siltap for a double post: the main post's figure, else the first other one entered
        entered = [p.penghasilan for p in sorted(spans, key=lambda p: p != main)]
        pay = next((value for value in entered if value is not None), None)
    chosen = cov.programs.split(",") if cov else ()
    programs = tuple(p for p in PROGRAMS if p in chosen)
    return RosterEntry(
        person_id=person.id,
        nik=person.nik,
        nama=person.nama,
        jenis_kelamin=person.jenis_kelamin,
        tanggal_lahir=person.tanggal_lahir,
        kategori=main.kategori,
        jabatan=main.jabatan,
        status_jabatan=main.status,
        months=months,
        covered=bool(programs),
        segmen=cov.segmen if cov else categories.BY_KEY[main.kategori].usual_segment,
        dasar_upah=cov.dasar_upah if cov else 0,
        programs=programs,
        kelas_jkk=cov.kelas_jkk if cov else 1,
        iuran_pekerja=cov.iuran_pekerja if cov else "desa",
        status_bpjs=cov.status_bpjs if cov else "belum",
        dibayar_oleh=cov.dibayar_oleh if cov else "desa",
        kode_kegiatan=cov.kode_kegiatan if cov else None,
        kode_rekening=cov.kode_rekening if cov else None,
        sumber_dana=cov.sumber_dana if cov else None,
        penghasilan=pay,
    )


def roster_order(entry: RosterEntry) -> tuple[int, str, int]:
    return (categories.BY_KEY[entry.kategori].rank, entry.nama.casefold(), entry.person_id)


def load_roster_year(session: Session, year: int) -> tuple[RosterEntry, ...]:
    """Everyone in post on some day of ``year``, in roster order (category rank, then name).

    Read as plain rows in three queries (posts, the coverage that applies, the persons), every
    time from the database: nothing is kept between calls. The queries select columns only, so
    they run on the session's connection (its transaction) without the ORM's row loading."""
    if session.autoflush:  # as session.execute would: unsaved edits of this session count
        session.flush()
    rows = session.connection()
    posts: dict[int, list[_Post]] = {}
    for person_id, *post in rows.execute(
        select(Post.person_id, *(getattr(Post, name) for name in _Post._fields))
    ):
        held = posts.get(person_id)
        if held is None:
            posts[person_id] = [_Post(*post)]
        else:
            held.append(_Post(*post))
    coverages: dict[int, _Coverage] = {}
    for person_id, *values in rows.execute(
        select(Coverage.person_id, *(getattr(Coverage, name) for name in _Coverage._fields))
        .where(Coverage.tahun <= year)
        .order_by(Coverage.person_id, Coverage.tahun)
    ):
        coverages[person_id] = _Coverage(*values)  # the newest row up to the year wins
    entries = []
    for row in rows.execute(select(*(getattr(Person, name) for name in _Person._fields))):
        person = _Person(*row)
        entry = _entry(person, posts.get(person.id, []), coverages.get(person.id), year)
        if entry is not None:
            entries.append(entry)
    return tuple(sorted(entries, key=roster_order))


def cover_entries(
    entries: Sequence[RosterEntry], decision: AppliedPlanData
) -> tuple[tuple[RosterEntry, ...], CoverageNote]:
    """The entries as the applied plan pays them, and who it leaves out.

    A person the plan covers is paid the plan's programs that are still on the roster; one it
    left out, or added to the roster after it was applied, is paid nothing (a plan is never
    widened silently: re-applying it decides). Persons paid by the Pemda are not the APBDes's
    to plan and keep their roster coverage."""
    planned = decision.by_person()
    covered: list[RosterEntry] = []
    left_out: list[LeftOut] = []
    for entry in entries:
        if entry.dibayar_oleh != "desa" or not entry.programs:
            covered.append(entry)
            continue
        chosen = planned.get(entry.person_id)
        paid = tuple(p for p in entry.programs if chosen is not None and p in chosen.programs)
        if paid != entry.programs:
            dropped = tuple(p for p in entry.programs if p not in paid)
            after = chosen is None or any(p not in chosen.roster for p in dropped)
            left_out.append(
                LeftOut(entry.person_id, entry.nama, entry.kategori, dropped, paid, after)
            )
            entry = replace(entry, programs=paid, covered=bool(paid))
        covered.append(entry)
    note = CoverageNote(
        pagu=decision.pagu, mode=decision.mode, used=decision.used,
        diterapkan=decision.diterapkan, operator=decision.operator, tiers=decision.tiers,
        left_out=tuple(left_out),
    )  # fmt: skip
    return tuple(covered), note


def load_covered_year(
    session: Session, year: int, *, entries: Sequence[RosterEntry] | None = None
) -> tuple[tuple[RosterEntry, ...], CoverageNote | None]:
    """The roster of ``year`` as the year pays it (the applied plan, else everything on it).
    ``entries``: the roster of ``year`` as load_roster_year gave it in this reading, not read again."""
    entries = load_roster_year(session, year) if entries is None else tuple(entries)
    decision = read_applied(session, year)
    return (entries, None) if decision is None else cover_entries(entries, decision)


def participation(entry: RosterEntry, programs: Iterable[str] | None = None) -> Participation:
    return Participation(
        segment=entry.segmen,
        basis=entry.dasar_upah,
        programs=frozenset(entry.programs if programs is None else programs),
        jkk_class=entry.kelas_jkk,
        worker_share=entry.iuran_pekerja,
        birth_date=entry.tanggal_lahir,
    )


def _year_months(year: int, months: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((year, m) for m in months)


def quote_year(
    rules: RuleSet,
    entry: RosterEntry,
    year: int,
    *,
    bpu_discount: bool = False,
    programs: tuple[str, ...] | None = None,
) -> Quote:
    """The amounts of ``person_year`` alone (desa, potongan, assumptions), for a caller that
    needs only the sums: no per-person record is built."""
    chosen = entry.programs if programs is None else programs
    months = rules.cached(("year months", year, entry.months), _year_months, year, entry.months)
    return quote_months(rules, participation(entry, chosen), months, bpu_discount=bpu_discount)


def person_year(
    rules: RuleSet,
    entry: RosterEntry,
    year: int,
    *,
    bpu_discount: bool = False,
    programs: tuple[str, ...] | None = None,
) -> tuple[PersonYear, tuple[str, ...]]:
    """One person's year with their own programs (or ``programs`` instead), and assumptions."""
    chosen = entry.programs if programs is None else programs
    quote = quote_year(rules, entry, year, bpu_discount=bpu_discount, programs=chosen)
    monthly = quote.months
    by_program = quote.by_program if monthly else {}
    result = PersonYear(
        person_id=entry.person_id,
        nik=entry.nik,
        nama=entry.nama,
        kategori=entry.kategori,
        jabatan=entry.jabatan,
        status_jabatan=entry.status_jabatan,
        segmen=entry.segmen,
        dasar_upah=entry.dasar_upah,
        programs=chosen,
        kelas_jkk=entry.kelas_jkk,
        iuran_pekerja=entry.iuran_pekerja,
        status_bpjs=entry.status_bpjs,
        dibayar_oleh=entry.dibayar_oleh,
        kode_kegiatan=entry.kode_kegiatan,
        kode_rekening=entry.kode_rekening,
        sumber_dana=entry.sumber_dana,
        monthly=monthly,
        desa=quote.desa,
        potongan=quote.potongan,
        by_program=by_program,
        tanggal_lahir=entry.tanggal_lahir,
    )
    return result, tuple(quote.assumptions)


def simulate_entries(
    rules: RuleSet,
    entries: Iterable[RosterEntry],
    year: int,
    *,
    bpu_discount: bool = False,
    programs_by_category: Mapping[str, tuple[str, ...]] | None = None,
) -> Simulation:
    """Run the engine over roster entries; ``programs_by_category`` (a what-if choice) replaces
    the programs of the categories it names."""
    persons: list[PersonYear] = []
    assumptions: list[str] = []
    counts: dict[str, int] = {}
    without_jp: dict[tuple[str, ...], tuple[str, ...]] = {}
    pay_roster: list[PostPay] = []
    for entry in entries:
        counts[entry.kategori] = counts.get(entry.kategori, 0) + 1
        if entry.kategori in categories.CEILING_GROUP:
            pay_roster.append(_post_pay(entry))
        programs = entry.programs
        if programs_by_category is not None and entry.kategori in programs_by_category:
            programs = programs_by_category[entry.kategori]
        if not programs:
            continue
        if entry.segmen == "BPU":
            found = without_jp.get(programs)
            if found is None:
                found = without_jp[programs] = tuple(p for p in programs if p != "JP")
            programs = found
        result, said = person_year(rules, entry, year, bpu_discount=bpu_discount, programs=programs)
        persons.append(result)
        if entry.tanggal_lahir is None and "JP" in programs:  # data belum lengkap: name them
            said = (*said, no_birth_date_note(entry.nama))
        for sentence in said:
            if sentence not in assumptions:
                assumptions.append(sentence)
    return Simulation(
        year=year,
        persons=tuple(persons),
        roster_counts=counts,
        assumptions=tuple(assumptions),
        pay_roster=tuple(pay_roster),
    )


def _post_pay(entry: RosterEntry) -> PostPay:
    return PostPay(
        person_id=entry.person_id,
        nama=entry.nama,
        kategori=entry.kategori,
        status_jabatan=entry.status_jabatan,
        months=len(entry.months),
        dasar_upah=entry.dasar_upah if entry.segmen == "PU" else 0,
        penghasilan=entry.penghasilan,
    )


def simulate(
    session: Session,
    rules: RuleSet,
    year: int,
    *,
    bpu_discount: bool = False,
    entries: Sequence[RosterEntry] | None = None,
) -> Simulation:
    """The year's simulation: the applied plan's coverage, or everything on the roster.
    ``entries``: the roster of ``year`` already read (load_roster_year), not read again."""
    entries, note = load_covered_year(session, year, entries=entries)
    sim = simulate_entries(rules, entries, year, bpu_discount=bpu_discount)
    return sim if note is None else replace(sim, coverage=note)
