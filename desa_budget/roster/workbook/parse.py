"""Roster import, step 1: the workbook's rows into people, checked all at once. Never writes.

Rows with the same NIK are one person with several posts; their person and coverage columns must
agree. Every problem is one ImportProblem record (row, column, value, message), all of them in
one ImportRefused; warnings are records too.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from desa_budget.errors import UserError
from desa_budget.i18n import _, ngettext
from desa_budget.roster.data import (
    FIELD_LABELS,
    CoverageData,
    Limits,
    PersonData,
    PostData,
    Problem,
    load_limits,
    validate_coverage,
    validate_person_data,
    validate_post,
)
from desa_budget.roster.workbook.layout import COLUMN, HEADERS
from desa_budget.roster.workbook.problems import ImportProblem, ImportRefused, cell_text
from desa_budget.roster.workbook.safe_read import (
    CellError,
    cell_value,
    parse_choice,
    parse_date,
    parse_nik,
    parse_rupiah,
    read_sheet,
)
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories

_JK = {"L": "L", "P": "P", "Laki-laki": "L", "Perempuan": "P"}
_CATEGORY = {c.label: c.key for c in categories.CATEGORIES}
_STATUS = {label: key for key, label in categories.POST_STATUSES.items()}
_SEGMEN = {"PU": "PU", "BPU": "BPU"}
_KELAS = {str(n): str(n) for n in range(1, 6)}
_IURAN = {label: key for key, label in categories.WORKER_SHARE.items()} | {"Potong": "potong"}
_BPJS = {label: key for key, label in categories.BPJS_STATUSES.items()} | {"Belum": "belum"}
PERSON_COLUMNS = ("Nama", "Jenis Kelamin", "Tanggal Lahir")
COVERAGE_COLUMNS = HEADERS[COLUMN["Segmen"] :]


@dataclass(frozen=True)
class SheetRow:
    """A row as far as it could be read: a cell that could not be read (``unread``, already
    reported) holds a stand-in value, and no check that needs it is reported."""

    number: int
    cells: dict[str, Any]  # header -> raw value, for comparing a person's rows
    person: PersonData
    post: PostData
    coverage: CoverageData
    unread: frozenset[str] = frozenset()

    @property
    def complete(self) -> bool:
        return not self.unread


@dataclass(frozen=True)
class FieldChange:
    kolom: str  # "Dasar Upah" or "Jabatan Kaur Umum: Mulai Bertugas"
    lama: str
    baru: str


@dataclass(frozen=True)
class ImportEntry:
    """One person of the file (one or more rows) and, once matched, what changes on the roster."""

    rows: tuple[int, ...]
    person: PersonData
    posts: tuple[PostData, ...]
    coverage: CoverageData
    person_id: int | None = None  # set by plan_import when the NIK is on the roster
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ImportPlan:
    year: int
    file_name: str
    entries: tuple[ImportEntry, ...]
    warnings: tuple[ImportProblem, ...] = ()
    matched: bool = False  # True once compared with the database (plan_import)

    @property
    def adds(self) -> tuple[ImportEntry, ...]:
        return tuple(e for e in self.entries if e.person_id is None)

    @property
    def changed(self) -> tuple[ImportEntry, ...]:
        return tuple(e for e in self.entries if e.person_id is not None and e.changes)

    @property
    def unchanged(self) -> tuple[ImportEntry, ...]:
        return tuple(e for e in self.entries if e.person_id is not None and not e.changes)


def _problem(number: int, column: str, value: Any, message: str) -> ImportProblem:
    return ImportProblem(number, column, cell_text(value), message[:1].upper() + message[1:])


# What stands in for a cell that could not be read, so that every other check can still run.
_STAND_IN: dict[str, Any] = {
    "NIK": "",
    "Jenis Kelamin": "?",
    "Tanggal Lahir": date(1970, 1, 1),
    "Kategori": "?",
    "Status Jabatan": "definitif",
    "Segmen": "PU",
    "Kelas Risiko JKK": "1",
    "Iuran Pekerja": "desa",
    "Status BPJS": "belum",
}


def _parse(
    number: int, cells: dict[str, Any], year: int
) -> tuple[SheetRow, list[ImportProblem], list[ImportProblem]]:
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []
    values: dict[str, Any] = {}
    unread: set[str] = set()

    def fail(column: str, message: str) -> None:
        errors.append(_problem(number, column, cells[column], message))
        unread.add(column)

    def take(column: str, parse: Any, *args: Any, **kwargs: Any) -> None:
        try:
            values[column] = parse(cells[column], *args, **kwargs)
        except CellError as exc:
            fail(column, str(exc))
            values[column] = _STAND_IN.get(column)

    try:
        values["NIK"], said = parse_nik(cells["NIK"])
        warnings.extend(_problem(number, "NIK", cells["NIK"], w) for w in said)
    except CellError as exc:
        fail("NIK", str(exc))
        values["NIK"] = ""
    nama = cells["Nama"]
    if nama is None:
        fail("Nama", _("wajib diisi."))
    take("Jenis Kelamin", parse_choice, _JK, None)
    take("Tanggal Lahir", parse_date, required=True)
    take("Kategori", parse_choice, _CATEGORY, None)
    take("Status Jabatan", parse_choice, _STATUS, "definitif")
    for column in ("Tanggal SK", "Mulai Bertugas", "Akhir Masa Jabatan"):
        take(column, parse_date)
    take("Dasar Upah", parse_rupiah)
    take("Kelas Risiko JKK", parse_choice, _KELAS, "1")
    take("Iuran Pekerja", parse_choice, _IURAN, "desa")
    take("Status BPJS", parse_choice, _BPJS, "belum")
    programs = _programs(cells["Program"], number, errors, unread)
    kategori = values["Kategori"] if "Kategori" not in unread else None
    segmen_default = (
        categories.BY_KEY[kategori].usual_segment if kategori and not programs else None
    )
    take("Segmen", parse_choice, _SEGMEN, segmen_default)
    if programs and values["Dasar Upah"] is None and "Dasar Upah" not in unread:
        fail("Dasar Upah", _("wajib diisi bila ada program."))
    person = PersonData(
        nik=values["NIK"],
        nama=str(nama).strip() if nama is not None else "",
        jenis_kelamin=values["Jenis Kelamin"],
        tanggal_lahir=values["Tanggal Lahir"],
    )
    jabatan = cells["Jabatan"]
    if jabatan is None and kategori is None:
        unread.add("Jabatan")  # it would be the kategori's name
    post = PostData(
        kategori=values["Kategori"],
        jabatan=str(jabatan).strip() if jabatan is not None else categories.label(kategori or ""),
        status=values["Status Jabatan"],
        nomor_sk=_text(cells["Nomor SK"]),
        tanggal_sk=values["Tanggal SK"],
        mulai=values["Mulai Bertugas"],
        akhir=values["Akhir Masa Jabatan"],
    )
    kpj = _text(cells["Nomor KPJ"])
    coverage = CoverageData(
        tahun=year,
        segmen=values["Segmen"],
        dasar_upah=values["Dasar Upah"] or 0,
        programs=programs,
        kelas_jkk=int(values["Kelas Risiko JKK"]),
        iuran_pekerja=values["Iuran Pekerja"],
        status_bpjs=values["Status BPJS"],
        nomor_kpj=kpj or None,
    )
    return SheetRow(number, cells, person, post, coverage, frozenset(unread)), errors, warnings


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _programs(
    value: Any, number: int, errors: list[ImportProblem], unread: set[str]
) -> tuple[str, ...]:
    if value is None:
        return ()
    parts = [p.strip().upper() for p in str(value).replace("+", ",").replace(";", ",").split(",")]
    unknown = [p for p in parts if p and p not in PROGRAMS]
    if unknown:
        message = _("tidak dikenal: {unknown}; pilih JKK, JKM, JHT, JP.").format(
            unknown=", ".join(unknown)
        )
        errors.append(_problem(number, "Program", value, message))
        unread.add("Program")
    return tuple(p for p in PROGRAMS if p in parts)


# A finding is only said when every cell it rests on was read (beyond its own column).
_NEEDS: dict[str, tuple[str, ...]] = {
    "nik": ("NIK", "Tanggal Lahir"),
    "programs": ("Program", "Segmen"),
    "dasar_upah": ("Dasar Upah", "Segmen", "Program", "Kategori"),
}


class _Findings:
    """The problems of one person's rows; a person or coverage problem the rows share is said
    once, at its first row (each row's post is its own)."""

    def __init__(self, errors: list[ImportProblem], warnings: list[ImportProblem]) -> None:
        self.errors, self.warnings = errors, warnings
        self.said: set[tuple[str, str, str]] = set()
        self.count = 0

    def add(self, row: SheetRow, found: Sequence[Problem], *, shared: bool = True) -> None:
        for problem in found:
            column = FIELD_LABELS.get(problem.field, problem.field)
            if row.unread & set(_NEEDS.get(problem.field, (column,))):
                continue
            record = _problem(row.number, column, row.cells.get(column), problem.message)
            key = (record.column, record.value, record.message)
            if shared and key in self.said:
                continue
            if shared:
                self.said.add(key)
            if problem.is_error:
                self.errors.append(record)
                self.count += 1
            else:
                self.warnings.append(record)

    def error(self, record: ImportProblem) -> None:
        self.errors.append(record)
        self.count += 1


def _check_person(
    rows: Sequence[SheetRow],
    kode_desa: str | None,
    limits: Limits,
    errors: list[ImportProblem],
    warnings: list[ImportProblem],
) -> ImportEntry | None:
    """Every check on every row of one person (rows with the same NIK)."""
    first = rows[0]
    findings = _Findings(errors, warnings)
    for other in rows[1:]:
        for column in PERSON_COLUMNS + COVERAGE_COLUMNS:
            if column in first.unread or column in other.unread or _same(first, other, column):
                continue
            findings.error(
                _problem(
                    other.number,
                    column,
                    other.cells[column],
                    _(
                        "berbeda dengan baris {row} untuk NIK yang sama (baris-baris satu orang "
                        "harus berisi data orang dan kepesertaan yang sama)."
                    ).format(row=first.number),
                )
            )
    _refuse_duplicates(rows, findings)
    kategori = [r.post.kategori for r in rows if "Kategori" not in r.unread]
    for row in rows:
        findings.add(row, validate_person_data(row.person, kode_desa=kode_desa))
        lahir = row.person.tanggal_lahir if "Tanggal Lahir" not in row.unread else None
        findings.add(row, validate_post(row.post, lahir=lahir), shared=False)
        findings.add(row, validate_coverage(row.coverage, kategori, limits=limits))
    if findings.count or not all(r.complete for r in rows):
        return None
    return ImportEntry(
        rows=tuple(r.number for r in rows),
        person=first.person,
        posts=tuple(r.post for r in rows),
        coverage=first.coverage,
    )


def _refuse_duplicates(rows: Sequence[SheetRow], findings: _Findings) -> None:
    """Two rows with the same person and the same post would make two identical posts."""
    seen: dict[PostData, int] = {}
    for row in rows:
        if not row.complete:
            continue
        key = replace(row.post, jabatan=row.post.jabatan.casefold())
        if key in seen:
            findings.error(
                ImportProblem(
                    row.number,
                    "",
                    "",
                    _(
                        "Sama persis dengan baris {row} (orang dan jabatan yang sama); "
                        "hapus salah satunya."
                    ).format(row=seen[key]),
                )
            )
        else:
            seen[key] = row.number


_FIELD_OF = {label: name for name, label in FIELD_LABELS.items()}


def _same(first: SheetRow, other: SheetRow, column: str) -> bool:
    name = _FIELD_OF[column]
    if column in PERSON_COLUMNS:
        return bool(getattr(first.person, name) == getattr(other.person, name))
    return bool(getattr(first.coverage, name) == getattr(other.coverage, name))


def read_roster(
    path: Path | str, *, year: int, kode_desa: str | None, limits: Limits | None = None
) -> ImportPlan:
    """Parse and check a roster workbook (all rows, all problems at once). Never writes."""
    limits = limits or load_limits()
    name = Path(path).name
    rows = read_sheet(path)
    if not rows:
        raise UserError(
            _("Berkas {file} tidak berisi baris data di bawah judul kolom.").format(file=name)
        )
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []
    groups: dict[str, list[SheetRow]] = {}
    for number, values in rows:
        cells = {h: cell_value(values, COLUMN[h]) for h in HEADERS}
        row, row_errors, row_warnings = _parse(number, cells, year)
        errors.extend(row_errors)
        warnings.extend(row_warnings)
        # a row whose NIK cannot be read is a person of its own, checked all the same
        key = row.person.nik if "NIK" not in row.unread else f"baris {number}"
        groups.setdefault(key, []).append(row)
    entries = []
    for group in groups.values():
        entry = _check_person(group, kode_desa, limits, errors, warnings)
        if entry is not None:
            entries.append(entry)
    if errors:
        errors.sort(key=lambda problem: problem.row or 0)
        raise ImportRefused(
            ngettext(
                "Impor dibatalkan: {n} masalah di berkas {file}. Tidak ada data yang diubah.",
                "Impor dibatalkan: {n} masalah di berkas {file}. Tidak ada data yang diubah.",
                len(errors),
            ).format(n=len(errors), file=name),
            errors,
        )
    return ImportPlan(year=year, file_name=name, entries=tuple(entries), warnings=tuple(warnings))
