"""The roster editing service: the one code path the window, the import and the demo use.

Every function works inside the caller's session (``with db.session() as s:``), validates, writes
the change and an audit entry per changed column. Passing ``version`` makes a stale edit (someone
else saved in between) raise StaleDataError, which the store turns into a clear message.
"""

from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster.data import (
    CoverageData,
    Limits,
    PersonData,
    PostData,
    Problem,
    describe,
    errors_only,
    normalize_programs,
    validate_coverage,
    validate_person,
    validate_person_data,
    validate_post,
)
from desa_budget.roster.read import (
    COVERAGE_FIELDS,
    PERSON_FIELDS,
    POST_FIELDS,
    CoverageRecord,
    PersonDetail,
    PostRecord,
    RosterRow,
    coverage_data,
    find_person_id,
    get_person,
    kode_desa,
    list_roster,
    person_data,
    post_data,
)
from desa_budget.store import audit
from desa_budget.store.models import Coverage, Person, Post

__all__ = [
    "CoverageData",
    "CoverageRecord",
    "Limits",
    "PersonData",
    "PersonDetail",
    "PostData",
    "PostRecord",
    "Problem",
    "RosterRow",
    "add_person",
    "add_post",
    "delete_coverage",
    "delete_person",
    "delete_post",
    "end_post",
    "find_person_id",
    "kode_desa",
    "person_data",
    "post_data",
    "coverage_data",
    "get_person",
    "list_roster",
    "set_coverage",
    "update_person",
    "update_post",
    "validate_person",
]


def _refuse(problems: Sequence[Problem], what: str) -> None:
    errors = errors_only(problems)
    if errors:
        raise UserError(
            _("{what} belum dapat disimpan.").format(what=what),
            details=[describe(p) for p in errors],
        )


def _check_version(obj: Person | Post | Coverage, version: int | None) -> None:
    if version is not None and obj.version_id != version:
        raise StaleDataError(f"{type(obj).__name__} {obj.id} telah diubah oleh pengguna lain")


def _get(session: Session, model: type[Any], obj_id: int, what: str) -> Any:
    obj = session.get(model, obj_id)
    if obj is None:
        raise UserError(
            _("{what} tidak ditemukan (mungkin sudah dihapus oleh pengguna lain).").format(
                what=what
            )
        )
    return obj


def _values(data: PersonData | PostData | CoverageData) -> dict[str, Any]:
    values: dict[str, Any] = asdict(data)
    if "programs" in values:
        values["programs"] = ",".join(values["programs"])
    return values


def _apply(obj: object, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set the attributes that differ; return {column: (old, new)} for the audit log."""
    changes: dict[str, tuple[Any, Any]] = {}
    for name, new in values.items():
        old = getattr(obj, name)
        if old != new:
            setattr(obj, name, new)
            changes[name] = (old, new)
    return changes


def _log(
    session: Session,
    operator: str,
    entitas: str,
    entitas_id: int | None,
    label: str,
    changes: Mapping[str, tuple[Any, Any]],
    keterangan: str,
) -> None:
    if changes:
        audit.record(
            session,
            operator=operator,
            entitas=entitas,
            entitas_id=entitas_id,
            label=label,
            changes=changes,
            keterangan=keterangan,
        )


def _added(values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (None, v) for k, v in values.items() if v not in (None, "")}


def _removed(obj: object, fields: Sequence[str]) -> dict[str, tuple[Any, Any]]:
    values = {name: getattr(obj, name) for name in fields}
    return {k: (v, None) for k, v in values.items() if v not in (None, "")}


def _refuse_duplicate_nik(session: Session, nik: str, person_id: int | None = None) -> None:
    other = session.scalar(select(Person).where(Person.nik == nik))
    if other is not None and other.id != person_id:
        raise UserError(
            _("NIK {nik} sudah terdaftar atas nama {nama}.").format(nik=nik, nama=other.nama)
        )


def add_person(
    session: Session,
    person: PersonData,
    posts: Sequence[PostData],
    coverage: CoverageData | None,
    *,
    operator: str,
    limits: Limits | None = None,
) -> int:
    """Add a person with their posts and coverage; returns the new person's id."""
    problems = validate_person(person, posts, coverage, kode_desa=kode_desa(session), limits=limits)
    _refuse(problems, _("Data {nama}").format(nama=person.nama or person.nik))
    _refuse_duplicate_nik(session, person.nik)
    row = Person(**_values(person))
    session.add(row)
    session.flush()
    _log(session, operator, "person", row.id, row.nama, _added(_values(person)), "tambah orang")
    for post in posts:
        _insert_post(session, row, post, operator=operator)
    if coverage is not None:
        _insert_coverage(session, row, coverage, operator=operator)
    return row.id


def update_person(
    session: Session,
    person_id: int,
    person: PersonData,
    *,
    operator: str,
    version: int | None = None,
) -> None:
    """Change a person's own fields (NIK, nama, jenis kelamin, tanggal lahir, ...)."""
    row: Person = _get(session, Person, person_id, _("Orang"))
    _check_version(row, version)
    _refuse(
        validate_person_data(person, kode_desa=kode_desa(session)),
        _("Data {nama}").format(nama=person.nama),
    )
    _refuse_duplicate_nik(session, person.nik, person_id)
    changes = _apply(row, _values(person))
    _log(session, operator, "person", row.id, row.nama, changes, "ubah orang")


def delete_person(
    session: Session, person_id: int, *, operator: str, version: int | None = None
) -> None:
    """Remove a person with their posts and coverage (the audit log keeps what was removed)."""
    row: Person = _get(session, Person, person_id, _("Orang"))
    _check_version(row, version)
    for post in list(row.posts):
        _record_post_removal(session, row, post, operator=operator)
    for cov in list(row.coverages):
        changes = _removed(cov, COVERAGE_FIELDS)
        _log(session, operator, "coverage", cov.id, row.nama, changes, "hapus kepesertaan")
    _log(session, operator, "person", row.id, row.nama, _removed(row, PERSON_FIELDS), "hapus orang")
    session.delete(row)
    session.flush()


def _insert_post(session: Session, person: Person, post: PostData, *, operator: str) -> int:
    row = Post(person=person, **_values(post))
    session.add(row)
    session.flush()
    _log(
        session,
        operator,
        "post",
        row.id,
        f"{person.nama} ({post.jabatan})",
        _added(_values(post)),
        "tambah jabatan",
    )
    return row.id


def _record_post_removal(session: Session, person: Person, post: Post, *, operator: str) -> None:
    _log(
        session,
        operator,
        "post",
        post.id,
        f"{person.nama} ({post.jabatan})",
        _removed(post, POST_FIELDS),
        "hapus jabatan",
    )


def add_post(session: Session, person_id: int, post: PostData, *, operator: str) -> int:
    person: Person = _get(session, Person, person_id, _("Orang"))
    _refuse(
        validate_post(post, lahir=person.tanggal_lahir),
        _("Jabatan {jabatan}").format(jabatan=post.jabatan),
    )
    return _insert_post(session, person, post, operator=operator)


def update_post(
    session: Session,
    post_id: int,
    post: PostData,
    *,
    operator: str,
    version: int | None = None,
    keterangan: str = "ubah jabatan",
) -> None:
    row: Post = _get(session, Post, post_id, _("Jabatan"))
    _check_version(row, version)
    _refuse(
        validate_post(post, lahir=row.person.tanggal_lahir),
        _("Jabatan {jabatan}").format(jabatan=post.jabatan),
    )
    changes = _apply(row, _values(post))
    _log(
        session, operator, "post", row.id, f"{row.person.nama} ({row.jabatan})", changes, keterangan
    )


def end_post(session: Session, post_id: int, akhir: date | None, *, operator: str) -> None:
    """End a post on ``akhir``: contributions stop after that month (None reopens it)."""
    row: Post = _get(session, Post, post_id, _("Jabatan"))
    data = replace(post_data(row), akhir=akhir)
    update_post(session, post_id, data, operator=operator, keterangan="akhiri jabatan")


def delete_post(session: Session, post_id: int, *, operator: str) -> None:
    row: Post = _get(session, Post, post_id, _("Jabatan"))
    _record_post_removal(session, row.person, row, operator=operator)
    session.delete(row)
    session.flush()


def _insert_coverage(
    session: Session, person: Person, coverage: CoverageData, *, operator: str
) -> int:
    row = Coverage(person=person, **_values(coverage))
    session.add(row)
    session.flush()
    _log(
        session,
        operator,
        "coverage",
        row.id,
        person.nama,
        _added(_values(coverage)),
        f"tambah kepesertaan {coverage.tahun}",
    )
    return row.id


def set_coverage(
    session: Session,
    person_id: int,
    coverage: CoverageData,
    *,
    operator: str,
    limits: Limits | None = None,
    version: int | None = None,
) -> int:
    """Set the coverage from ``coverage.tahun`` on (replacing that year's row); returns its id."""
    person: Person = _get(session, Person, person_id, _("Orang"))
    coverage = replace(coverage, programs=normalize_programs(coverage.programs))
    kategori = [p.kategori for p in person.posts]
    _refuse(
        validate_coverage(coverage, kategori, limits=limits),
        _("Kepesertaan {nama}").format(nama=person.nama),
    )
    row = next((c for c in person.coverages if c.tahun == coverage.tahun), None)
    if row is None:
        return _insert_coverage(session, person, coverage, operator=operator)
    _check_version(row, version)
    changes = _apply(row, _values(coverage))
    _log(
        session,
        operator,
        "coverage",
        row.id,
        person.nama,
        changes,
        f"ubah kepesertaan {coverage.tahun}",
    )
    return row.id


def delete_coverage(session: Session, person_id: int, tahun: int, *, operator: str) -> None:
    """Remove the coverage row of exactly ``tahun`` (the undo of a set_coverage that added it)."""
    person: Person = _get(session, Person, person_id, _("Orang"))
    row = next((c for c in person.coverages if c.tahun == tahun), None)
    if row is None:
        return
    _log(
        session,
        operator,
        "coverage",
        row.id,
        person.nama,
        _removed(row, COVERAGE_FIELDS),
        f"hapus kepesertaan {tahun}",
    )
    person.coverages.remove(row)
    session.flush()
