"""The roster editing service: the one code path the window, the import and the demo use.

Every function works inside the caller's session (``with db.session() as s:``), validates, writes
the change and an audit entry per changed column. Passing ``version`` (what the caller read, see
store.versioning) makes a stale edit — someone else saved in between — a ConcurrentEditError.
Edits return the row's new version, so an undo step can carry it in turn; deleting returns the
whole row with its ids and ``removal`` puts it back with the same ids.
"""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster.completeness import missing_fields
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
    CoverageRecord,
    PersonDetail,
    PostRecord,
    RosterRow,
    coverage_data,
    coverage_record,
    coverage_versions,
    find_person_id,
    get_person,
    get_post,
    kode_desa,
    list_roster,
    person_data,
    post_data,
)
from desa_budget.roster.removal import (
    delete_coverage,
    delete_person,
    delete_post,
    restore_coverage,
    restore_person,
    restore_post,
)
from desa_budget.roster.rows import (
    added,
    apply_values,
    get_row,
    log,
    nik_holder,
    refuse_duplicate_nik,
    values_of,
)
from desa_budget.store.models import Coverage, Person, Post
from desa_budget.store.versioning import check_version

__all__ = [
    "add_incomplete_person",
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
    "coverage_record",
    "coverage_versions",
    "get_person",
    "get_post",
    "list_roster",
    "nik_holder",
    "restore_coverage",
    "restore_person",
    "restore_post",
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
    refuse_duplicate_nik(session, person.nik)
    row = Person(**values_of(person))
    session.add(row)
    session.flush()
    log(session, operator, "person", row.id, row.nama, added(values_of(person)), "tambah orang")
    for post in posts:
        _insert_post(session, row, post, operator=operator)
    if coverage is not None:
        _insert_coverage(session, row, coverage, operator=operator)
    return row.id


def _besides_missing(person: PersonData, problems: Sequence[Problem]) -> list[Problem]:
    """The problems but "not filled in yet" (roster.completeness) of the person's own fields."""
    missing = missing_fields(nik=person.nik, tanggal_lahir=person.tanggal_lahir,
                             jenis_kelamin=person.jenis_kelamin)  # fmt: skip
    return [p for p in problems if not (p.post_index is None and p.field in missing)]


def add_incomplete_person(
    session: Session, person: PersonData, posts: Sequence[PostData], *, operator: str
) -> int:
    """Add someone whose NIK, sex or birth date is not known yet (a perangkat taken from
    Siskeudes, which keeps none of them): the rest is checked as usual, the roster then says what
    is missing and saving the person again asks for it. No coverage: the secretary chooses it."""
    problems = validate_person(person, posts, None, kode_desa=kode_desa(session))
    _refuse(_besides_missing(person, problems), _("Data {nama}").format(nama=person.nama))
    refuse_duplicate_nik(session, person.nik)
    row = Person(**values_of(person))
    session.add(row)
    session.flush()
    log(session, operator, "person", row.id, row.nama, added(values_of(person)),
        "tambah orang (belum lengkap)")  # fmt: skip
    for post in posts:
        _insert_post(session, row, post, operator=operator)
    return row.id


def update_person(
    session: Session,
    person_id: int,
    person: PersonData,
    *,
    operator: str,
    version: int | None = None,
    restoring: bool = False,
) -> int:
    """Change a person's own fields (NIK, nama, jenis kelamin, tanggal lahir, ...); the new version.

    Missing fields are refused, but when ``restoring`` (undo) a state the person was stored in."""
    row: Person = get_row(session, Person, person_id, _("Orang"))
    check_version(row, version)
    problems = validate_person_data(person, kode_desa=kode_desa(session))
    _refuse(
        _besides_missing(person, problems) if restoring else problems,
        _("Data {nama}").format(nama=person.nama),
    )
    refuse_duplicate_nik(session, person.nik, person_id)
    changes = apply_values(row, values_of(person))
    log(session, operator, "person", row.id, row.nama, changes, "ubah orang")
    session.flush()
    return row.version_id


def _insert_post(session: Session, person: Person, post: PostData, *, operator: str) -> int:
    row = Post(person=person, **values_of(post))
    session.add(row)
    session.flush()
    label = f"{person.nama} ({post.jabatan})"
    log(session, operator, "post", row.id, label, added(values_of(post)), "tambah jabatan")
    return row.id


def add_post(session: Session, person_id: int, post: PostData, *, operator: str) -> int:
    """Give a person one more post; returns its id."""
    person: Person = get_row(session, Person, person_id, _("Orang"))
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
) -> int:
    """Change a post (jabatan, SK, term); returns its new version."""
    row: Post = get_row(session, Post, post_id, _("Jabatan"))
    check_version(row, version)
    _refuse(
        validate_post(post, lahir=row.person.tanggal_lahir),
        _("Jabatan {jabatan}").format(jabatan=post.jabatan),
    )
    changes = apply_values(row, values_of(post))
    label = f"{row.person.nama} ({row.jabatan})"
    log(session, operator, "post", row.id, label, changes, keterangan)
    session.flush()
    return row.version_id


def end_post(
    session: Session,
    post_id: int,
    akhir: date | None,
    *,
    operator: str,
    version: int | None = None,
) -> int:
    """End a post on ``akhir``: contributions stop after that month (None reopens it)."""
    row: Post = get_row(session, Post, post_id, _("Jabatan"))
    data = replace(post_data(row), akhir=akhir)
    return update_post(
        session, post_id, data, operator=operator, version=version, keterangan="akhiri jabatan"
    )


def _insert_coverage(
    session: Session, person: Person, coverage: CoverageData, *, operator: str
) -> Coverage:
    row = Coverage(person=person, **values_of(coverage))
    session.add(row)
    session.flush()
    keterangan = f"tambah kepesertaan {coverage.tahun}"
    log(session, operator, "coverage", row.id, person.nama, added(values_of(coverage)), keterangan)
    return row


def set_coverage(
    session: Session,
    person_id: int,
    coverage: CoverageData,
    *,
    operator: str,
    limits: Limits | None = None,
    version: int | None = None,
) -> CoverageRecord:
    """Set the coverage from ``coverage.tahun`` on (replacing that year's row), as saved.

    ``version`` is that exact year's row as the caller read it (ABSENT: it read none)."""
    person: Person = get_row(session, Person, person_id, _("Orang"))
    coverage = replace(coverage, programs=normalize_programs(coverage.programs))
    kategori = [p.kategori for p in person.posts]
    _refuse(
        validate_coverage(coverage, kategori, limits=limits),
        _("Kepesertaan {nama}").format(nama=person.nama),
    )
    row = next((c for c in person.coverages if c.tahun == coverage.tahun), None)
    check_version(row, version)
    if row is None:
        return coverage_record(_insert_coverage(session, person, coverage, operator=operator))
    changes = apply_values(row, values_of(coverage))
    keterangan = f"ubah kepesertaan {coverage.tahun}"
    log(session, operator, "coverage", row.id, person.nama, changes, keterangan)
    session.flush()
    return coverage_record(row)
