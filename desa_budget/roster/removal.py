"""Removing roster rows and putting them back with the same ids (the undo of a delete or an add).

A delete returns the whole row as it was, ids and versions included; the matching restore takes
that record and inserts it again under the same ids, so nothing that holds an id (an undo step,
the audit log, a selection in the window) has to learn a new one. A restore is refused when an id
or the NIK has been taken meanwhile, and a delete when the row is no longer as the caller read it.
"""

from sqlalchemy.orm import Session

from desa_budget.i18n import _
from desa_budget.roster.read import (
    COVERAGE_FIELDS,
    PERSON_FIELDS,
    POST_FIELDS,
    CoverageRecord,
    PersonDetail,
    PostRecord,
    coverage_record,
    person_detail,
    post_record,
)
from desa_budget.roster.rows import (
    added,
    get_row,
    log,
    refuse_duplicate_nik,
    removed,
    values_of,
)
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import Coverage, Person, Post
from desa_budget.store.versioning import check_version


def _fingerprint(detail: PersonDetail) -> tuple[object, ...]:
    """What a person's rows are, version-wise: any edit to any of them changes it."""
    return (
        detail.version,
        tuple((p.id, p.version) for p in detail.posts),
        tuple((c.id, c.version) for c in detail.coverages),
    )


def delete_person(
    session: Session,
    person_id: int,
    *,
    operator: str,
    version: int | None = None,
    expected: PersonDetail | None = None,
) -> PersonDetail:
    """Remove a person with their posts and coverage (the audit log keeps what was removed).

    ``expected`` is the person as the caller read them: a change since to the person, a post or a
    coverage year refuses the delete. Returns what was removed, for ``restore_person``."""
    row: Person = get_row(session, Person, person_id, _("Orang"))
    check_version(row, version)
    detail = person_detail(row)
    if expected is not None and _fingerprint(expected) != _fingerprint(detail):
        raise ConcurrentEditError()
    for post in list(row.posts):
        _log_post_removal(session, row, post, operator=operator)
    for cov in list(row.coverages):
        changes = removed(cov, COVERAGE_FIELDS)
        log(session, operator, "coverage", cov.id, row.nama, changes, "hapus kepesertaan")
    log(session, operator, "person", row.id, row.nama, removed(row, PERSON_FIELDS), "hapus orang")
    session.delete(row)
    session.flush()
    return detail


def _refuse_taken(session: Session, model: type[Person | Post | Coverage], row_id: int) -> None:
    if session.get(model, row_id) is not None:
        raise ConcurrentEditError()


def restore_person(session: Session, detail: PersonDetail, *, operator: str) -> PersonDetail:
    """Put a removed person back with their posts and coverage years, under the same ids."""
    refuse_duplicate_nik(session, detail.person.nik)
    _refuse_taken(session, Person, detail.id)
    for post in detail.posts:
        _refuse_taken(session, Post, post.id)
    for cov in detail.coverages:
        _refuse_taken(session, Coverage, cov.id)
    row = Person(id=detail.id, **values_of(detail.person))
    session.add(row)
    session.flush()
    changes = added(values_of(detail.person))
    log(session, operator, "person", row.id, row.nama, changes, "pulihkan orang")
    for post in detail.posts:
        _insert_post_record(session, row, post, operator=operator)
    for cov in detail.coverages:
        _insert_coverage_record(session, row, cov, operator=operator)
    session.flush()
    session.refresh(row)
    return person_detail(row)


def _log_post_removal(session: Session, person: Person, post: Post, *, operator: str) -> None:
    label = f"{person.nama} ({post.jabatan})"
    log(session, operator, "post", post.id, label, removed(post, POST_FIELDS), "hapus jabatan")


def _insert_post_record(
    session: Session, person: Person, record: PostRecord, *, operator: str
) -> Post:
    row = Post(id=record.id, person=person, **values_of(record.data))
    session.add(row)
    session.flush()
    label = f"{person.nama} ({record.data.jabatan})"
    log(session, operator, "post", row.id, label, added(values_of(record.data)), "pulihkan jabatan")
    return row


def delete_post(
    session: Session, post_id: int, *, operator: str, version: int | None = None
) -> PostRecord:
    """Remove one post; returns it as it was, for ``restore_post``."""
    row: Post = get_row(session, Post, post_id, _("Jabatan"))
    check_version(row, version)
    record = post_record(row)
    _log_post_removal(session, row.person, row, operator=operator)
    session.delete(row)
    session.flush()
    return record


def restore_post(
    session: Session, person_id: int, record: PostRecord, *, operator: str
) -> PostRecord:
    """Put a removed post back under its own id."""
    person: Person = get_row(session, Person, person_id, _("Orang"))
    _refuse_taken(session, Post, record.id)
    return post_record(_insert_post_record(session, person, record, operator=operator))


def _insert_coverage_record(
    session: Session, person: Person, record: CoverageRecord, *, operator: str
) -> Coverage:
    row = Coverage(id=record.id, person=person, **values_of(record.data))
    session.add(row)
    session.flush()
    keterangan = f"pulihkan kepesertaan {record.data.tahun}"
    log(
        session,
        operator,
        "coverage",
        row.id,
        person.nama,
        added(values_of(record.data)),
        keterangan,
    )
    return row


def delete_coverage(
    session: Session, person_id: int, tahun: int, *, operator: str, version: int | None = None
) -> CoverageRecord | None:
    """Remove the coverage row of exactly ``tahun`` (the undo of a set_coverage that added it)."""
    person: Person = get_row(session, Person, person_id, _("Orang"))
    row = next((c for c in person.coverages if c.tahun == tahun), None)
    check_version(row, version)
    if row is None:
        return None
    record = coverage_record(row)
    changes = removed(row, COVERAGE_FIELDS)
    log(session, operator, "coverage", row.id, person.nama, changes, f"hapus kepesertaan {tahun}")
    person.coverages.remove(row)
    session.flush()
    return record


def restore_coverage(
    session: Session, person_id: int, record: CoverageRecord, *, operator: str
) -> CoverageRecord:
    """Put a removed coverage year back under its own id; refused if that year has a row again."""
    person: Person = get_row(session, Person, person_id, _("Orang"))
    if any(c.tahun == record.data.tahun for c in person.coverages):
        raise ConcurrentEditError()
    _refuse_taken(session, Coverage, record.id)
    return coverage_record(_insert_coverage_record(session, person, record, operator=operator))
