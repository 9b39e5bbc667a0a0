"""Roster import, step 2: compare the file with the roster (what is added, changed, left alone) and
apply it through the roster service, all inside the caller's one transaction.

A person is matched by NIK, else (a person without NIK yet, taken from Siskeudes) by name and
post kategori, and then completed by the row. A file post is matched to a stored post with the same kategori and
jabatan, else to a stored post of the same kategori held during the year, else it is a new post.
Stored posts the file does not mention are left as they are. Coverage changes are written as the
coverage of the import year, so earlier years keep their figures.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desa_budget.contributions.engine import months_in_post
from desa_budget.format import format_date, format_number
from desa_budget.i18n import _
from desa_budget.roster import service as roster
from desa_budget.roster.bulk_add import NewPerson, Progress, add_people
from desa_budget.roster.data import (
    FIELD_LABELS,
    PERSONAL_FIELDS,
    CoverageData,
    Limits,
    PostData,
    load_limits,
)
from desa_budget.roster.read import POST_FIELDS
from desa_budget.roster.rows import DuplicateNikError
from desa_budget.roster.workbook.parse import (
    FieldChange,
    ImportEntry,
    ImportPlan,
    name_key,
    read_roster,
)
from desa_budget.roster.workbook.problems import ImportProblem
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import Coverage, Person, Post
from desa_budget.village import categories

_PERSON_FIELDS = ("nama", "jenis_kelamin", "tanggal_lahir")
# Siltap + tunjangan is an optional column: a workbook without it keeps the stored figure.
_SHEET_POST_FIELDS = tuple(name for name in POST_FIELDS if name != "penghasilan")
_SHEET_COVERAGE_FIELDS = (
    "segmen",
    "dasar_upah",
    "programs",
    "kelas_jkk",
    "iuran_pekerja",
    "status_bpjs",
    "nomor_kpj",
)
_LABELS = {
    "status": categories.POST_STATUSES,
    "kategori": {c.key: c.label for c in categories.CATEGORIES},
    "iuran_pekerja": categories.WORKER_SHARE,
    "status_bpjs": categories.BPJS_STATUSES,
}


@dataclass(frozen=True)
class ImportSummary:
    added: int
    changed: int
    unchanged: int
    warnings: tuple[ImportProblem, ...] = ()


def show(field: str, value: Any) -> str:
    """A stored value as the workbook writes it, for the list of changes."""
    if value is None or value == "" or value == ():
        return "-"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, int) and field in ("dasar_upah", "penghasilan"):
        return format_number(value)
    return _LABELS.get(field, {}).get(str(value), str(value))


def match_posts(stored: Sequence[Post], wanted: Sequence[PostData], year: int) -> list[Post | None]:
    """For each wanted post, the stored post it updates (None = a new post)."""
    free = list(stored)
    result: list[Post | None] = [None] * len(wanted)
    for i, post in enumerate(wanted):
        key = (post.kategori, post.jabatan.casefold())
        hit = next((p for p in free if (p.kategori, p.jabatan.casefold()) == key), None)
        if hit is not None:
            result[i] = hit
            free.remove(hit)
    for i, post in enumerate(wanted):
        if result[i] is None:
            hit = next(
                (
                    p
                    for p in free
                    if p.kategori == post.kategori and months_in_post(p.mulai, p.akhir, year)
                ),
                None,
            )
            if hit is not None:
                result[i] = hit
                free.remove(hit)
    return result


def _effective(person: Person, year: int) -> Coverage | None:
    rows = [c for c in person.coverages if c.tahun <= year]
    return max(rows, key=lambda c: c.tahun) if rows else None


def merged_coverage(person: Person, coverage: CoverageData, year: int) -> CoverageData:
    """The file's coverage, keeping what the workbook has no column for (payer, code overrides)."""
    current = _effective(person, year)
    if current is None:
        return coverage
    return replace(
        coverage,
        dibayar_oleh=current.dibayar_oleh,
        kode_kegiatan=current.kode_kegiatan,
        kode_rekening=current.kode_rekening,
        sumber_dana=current.sumber_dana,
    )


def _changes(
    person: Person,
    entry: ImportEntry,
    year: int,
    personal: tuple[str, ...] = (),
    post_pay: bool = False,
) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for name in ("nik", *_PERSON_FIELDS, *personal):  # NIK differs for a person completed here
        old, new = getattr(person, name), getattr(entry.person, name)
        if old != new:
            changes.append(FieldChange(FIELD_LABELS[name], show(name, old), show(name, new)))
    for post, stored in zip(entry.posts, match_posts(person.posts, entry.posts, year), strict=True):
        if stored is None:
            changes.append(
                FieldChange(
                    _("Jabatan {jabatan}").format(jabatan=post.jabatan), "-", _("jabatan baru")
                )
            )
            continue
        old_post = roster.post_data(stored)
        for name in POST_FIELDS if post_pay else _SHEET_POST_FIELDS:
            old, new = getattr(old_post, name), getattr(post, name)
            if old != new:
                label = _("Jabatan {jabatan}: {field}").format(
                    jabatan=stored.jabatan, field=FIELD_LABELS[name]
                )
                changes.append(FieldChange(label, show(name, old), show(name, new)))
    current = _effective(person, year)
    old_cov = roster.coverage_data(current) if current is not None else None
    for name in _SHEET_COVERAGE_FIELDS:
        old = getattr(old_cov, name) if old_cov is not None else None
        new = getattr(entry.coverage, name)
        if old != new:
            changes.append(FieldChange(FIELD_LABELS[name], show(name, old), show(name, new)))
    return changes


def find_people(session: Session, entries: Sequence[ImportEntry]) -> dict[str, Person]:
    """The stored person each file row updates, by the row's NIK: the person with that NIK, else
    one person without a NIK yet (data belum lengkap, e.g. from Siskeudes) with the same name
    and a post of the same kategori, whom the row then completes instead of adding a twin."""
    options = (selectinload(Person.posts), selectinload(Person.coverages))
    niks = [e.person.nik for e in entries]
    found = {
        p.nik: p
        for p in session.scalars(select(Person).where(Person.nik.in_(niks)).options(*options))
        if p.nik
    }
    rest = [e for e in entries if e.person.nik not in found]
    if not rest:
        return found
    incomplete = list(session.scalars(select(Person).where(Person.nik.is_(None)).options(*options)))
    for entry in rest:
        kinds = {post.kategori for post in entry.posts}
        hits = [
            p for p in incomplete
            if name_key(p.nama) == name_key(entry.person.nama)
            and any(post.kategori in kinds for post in p.posts)
        ]  # fmt: skip
        if len(hits) == 1:  # two of the same name and post: no guess, the row adds a person
            found[entry.person.nik] = hits[0]
            incomplete.remove(hits[0])
    return found


def match_plan(
    session: Session, plan: ImportPlan, people: dict[str, Person] | None = None
) -> ImportPlan:
    """The plan compared with the roster as stored now (or as ``people`` were just read)."""
    if people is None:
        people = find_people(session, plan.entries)
    entries = []
    for entry in plan.entries:
        person = people.get(entry.person.nik)
        if person is None:
            entries.append(replace(entry, person_id=None, changes=()))
        else:
            changes = tuple(_changes(person, entry, plan.year, plan.personal, plan.post_pay))
            entries.append(replace(entry, person_id=person.id, changes=changes))
    return replace(plan, entries=tuple(entries), matched=True)


def plan_import(
    session: Session, path: Path | str, *, year: int, limits: Limits | None = None
) -> ImportPlan:
    """Read a workbook and list what an import would add, change and leave alone. Never writes."""
    plan = read_roster(path, year=year, kode_desa=roster.kode_desa(session), limits=limits,
                       incomplete=incomplete_people(session))  # fmt: skip
    return match_plan(session, plan)


def incomplete_people(session: Session) -> frozenset[tuple[str, str]]:
    """(name_key, kategori) of every post of the people stored without NIK."""
    rows = session.execute(
        select(Person.nama, Post.kategori).join(Post.person).where(Person.nik.is_(None))
    )
    return frozenset((name_key(nama), kategori) for nama, kategori in rows)


def apply_import(
    session: Session,
    plan: ImportPlan,
    *,
    operator: str,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Write the plan through the roster service; the caller's session is the one transaction.
    ``progress(done, total)`` is called now and then, with the people written so far."""
    limits = limits or load_limits(plan.year)  # the import year's minimums, not the clock's
    # One read decides both what the summary says and what is written.
    people = find_people(session, plan.entries)
    plan = match_plan(session, plan, people)
    total = len(plan.adds) + len(plan.changed)
    for done, entry in enumerate(plan.changed, start=1):
        _update(session, people[entry.person.nik], entry, plan, operator=operator, limits=limits)
        if progress is not None and done % 100 == 0:
            progress(done, total)
    before = len(plan.changed)
    new = [NewPerson(e.person, e.posts, e.coverage) for e in plan.adds]
    try:
        add_people(
            session, new, operator=operator, limits=limits,
            progress=None if progress is None else lambda done, _n: progress(before + done, total),
        )  # fmt: skip
    except DuplicateNikError as exc:
        # Not there when read, there now: another import (another PC) saved it meanwhile.
        raise ConcurrentEditError() from exc
    if progress is not None:
        progress(total, total)
    return ImportSummary(
        added=len(plan.adds),
        changed=len(plan.changed),
        unchanged=len(plan.unchanged),
        warnings=plan.warnings,
    )


def _update(
    session: Session,
    person: Person,
    entry: ImportEntry,
    plan: ImportPlan,
    *,
    operator: str,
    limits: Limits,
) -> None:
    year = plan.year
    # Personal data the file has no column for (an earlier template) stays as stored.
    kept = {name: getattr(person, name) for name in PERSONAL_FIELDS if name not in plan.personal}
    new_person = replace(entry.person, **kept)
    if roster.person_data(person) != new_person:
        roster.update_person(session, person.id, new_person, operator=operator)
    stored_posts = match_posts(person.posts, entry.posts, year)
    for post, stored in zip(entry.posts, stored_posts, strict=True):
        if stored is None:
            roster.add_post(session, person.id, post, operator=operator)
            continue
        if not plan.post_pay:  # an older workbook without the column: keep the stored figure
            post = replace(post, penghasilan=stored.penghasilan)
        if roster.post_data(stored) != post:
            roster.update_post(session, stored.id, post, operator=operator)
    coverage = merged_coverage(person, entry.coverage, year)
    current = _effective(person, year)
    if current is None or roster.coverage_data(current) != replace(coverage, tahun=current.tahun):
        roster.set_coverage(session, person.id, coverage, operator=operator, limits=limits)
