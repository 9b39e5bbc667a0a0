"""Adding many people at once (a roster import): the same checks, rows and audit entries as
``service.add_person`` one by one, written with one flush and one audit insert instead of three
flushes and a dozen queries a person."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster.data import (
    CoverageData,
    Limits,
    PersonData,
    PostData,
    describe,
    errors_only,
    validate_person,
)
from desa_budget.roster.read import kode_desa
from desa_budget.roster.rows import DuplicateNikError, added, duplicate_nik_message, values_of
from desa_budget.store import audit
from desa_budget.store.models import Coverage, Person, Post, content_version_of

Progress = Callable[[int, int], None]  # (done, total)
T = TypeVar("T")
_CHUNK = 500  # NIKs per query: far below every database's limit on bound parameters


@dataclass(frozen=True)
class NewPerson:
    person: PersonData
    posts: Sequence[PostData]
    coverage: CoverageData | None


def _refuse_invalid(people: Sequence[NewPerson], limits: Limits | None, kode: str | None) -> None:
    for new in people:
        problems = errors_only(
            validate_person(new.person, new.posts, new.coverage, kode_desa=kode, limits=limits)
        )
        if problems:
            raise UserError(
                _("{what} belum dapat disimpan.").format(
                    what=_("Data {nama}").format(nama=new.person.nama or new.person.nik)
                ),
                details=[describe(p) for p in problems],
            )


def _refuse_duplicates(session: Session, people: Sequence[NewPerson]) -> None:
    """A NIK on the roster already, or twice in ``people``, is refused as ``add_person`` does."""
    niks = [new.person.nik for new in people]
    holders: dict[str, str] = {}
    for chunk in _chunks(niks):
        found = session.execute(select(Person.nik, Person.nama).where(Person.nik.in_(chunk)))
        holders.update((nik, nama) for nik, nama in found)
    for new in people:
        nik = new.person.nik
        if nik in holders:
            raise DuplicateNikError(duplicate_nik_message(nik, holders[nik]))
        holders[nik] = new.person.nama


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _rows(model: type[Any], values: dict[str, Any]) -> dict[str, Any]:
    return {**values, "version_id": content_version_of(model, values)}


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def add_people(
    session: Session,
    people: Sequence[NewPerson],
    *,
    operator: str,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> list[int]:
    """Add every person with their posts and coverage, or none (a UserError names the first one
    refused); returns the new ids in the order given.

    The rows go in as plain INSERTs of many rows each, with the version an ORM flush would give
    them (``content_version_of``): building an ORM object per row and reading back each id costs
    several times the writing itself."""
    if not people:
        return []
    _refuse_invalid(people, limits, kode_desa(session))
    _refuse_duplicates(session, people)
    session.flush()  # anything pending goes first, as the ORM would order it
    session.execute(
        insert(_table(Person)), [_rows(Person, values_of(new.person)) for new in people]
    )
    ids: dict[str, int] = {}
    for chunk in _chunks([new.person.nik for new in people]):
        ids.update((nik, pid) for pid, nik in session.execute(
            select(Person.id, Person.nik).where(Person.nik.in_(chunk))
        ))  # fmt: skip
    person_ids = [ids[new.person.nik] for new in people]
    posts = [
        {**_rows(Post, values_of(post)), "person_id": pid}
        for new, pid in zip(people, person_ids, strict=True)
        for post in new.posts
    ]
    coverages = [
        {**_rows(Coverage, values_of(new.coverage)), "person_id": pid}
        for new, pid in zip(people, person_ids, strict=True)
        if new.coverage is not None
    ]
    if posts:
        session.execute(insert(_table(Post)), posts)
    if coverages:
        session.execute(insert(_table(Coverage)), coverages)
    post_ids: dict[int, list[int]] = {}
    coverage_ids: dict[tuple[int, int], int] = {}
    for id_chunk in _chunks(person_ids):
        for post_id, pid in session.execute(
            select(Post.id, Post.person_id).where(Post.person_id.in_(id_chunk)).order_by(Post.id)
        ):
            post_ids.setdefault(pid, []).append(post_id)
        for coverage_id, pid, tahun in session.execute(
            select(Coverage.id, Coverage.person_id, Coverage.tahun).where(
                Coverage.person_id.in_(id_chunk)
            )
        ):
            coverage_ids[(pid, tahun)] = coverage_id
    entries: list[audit.Entry] = []
    for done, (new, pid) in enumerate(zip(people, person_ids, strict=True), start=1):
        nama = new.person.nama
        entries += audit.entries(
            operator=operator, entitas="person", entitas_id=pid, label=nama,
            changes=added(values_of(new.person)), keterangan="tambah orang",
        )  # fmt: skip
        for post, post_id in zip(new.posts, post_ids.get(pid, []), strict=True):
            entries += audit.entries(
                operator=operator, entitas="post", entitas_id=post_id,
                label=f"{nama} ({post.jabatan})", changes=added(values_of(post)),
                keterangan="tambah jabatan",
            )  # fmt: skip
        if new.coverage is not None:
            entries += audit.entries(
                operator=operator, entitas="coverage",
                entitas_id=coverage_ids[(pid, new.coverage.tahun)], label=nama,
                changes=added(values_of(new.coverage)),
                keterangan=f"tambah kepesertaan {new.coverage.tahun}",
            )  # fmt: skip
        if progress is not None and done % 250 == 0:
            progress(done, len(people))
    audit.insert_entries(session, entries)
    return person_ids
