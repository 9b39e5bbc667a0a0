"""Roster import, step 1: the workbook's rows into people, checked all at once. Never writes.

Rows with the same NIK are one person with several posts; their person and coverage columns must
agree. Every problem is one ImportProblem record (row, column, value, message), all of them in
one ImportRefused; warnings are records too.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desa_budget.errors import UserError
from desa_budget.i18n import _, ngettext
from desa_budget.roster.data import (
    FIELD_LABELS,
    PERSONAL_FIELDS,
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
from desa_budget.roster.workbook.layout import COLUMN, HEADERS, PERSONAL_HEADERS
from desa_budget.roster.workbook.problems import ImportProblem, ImportRefused, cell_text
from desa_budget.roster.workbook.safe_read import (
    CellError,
    cell_value,
    parse_choice,
    parse_date,
    parse_nik,
    parse_rupiah,
    read_sheet_columns,
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
PERSONAL = dict(zip(PERSONAL_HEADERS, PERSONAL_FIELDS, strict=True))  # header -> PersonData field
COVERAGE_COLUMNS = HEADERS[COLUMN["Segmen"] :]


@dataclass(frozen=True)
class SheetRow:
    number: int
    cells: dict[str, Any]  # header -> raw value, for comparing a person's rows
    person: PersonData
    post: PostData
    coverage: CoverageData


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
    personal: tuple[str, ...] = ()  # PersonData fields of the optional columns the file has

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


def _parse(
    number: int, cells: dict[str, Any], year: int
) -> tuple[SheetRow | None, list[ImportProblem], list[ImportProblem]]:
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []
    values: dict[str, Any] = {}

    def take(column: str, parse: Any, *args: Any, **kwargs: Any) -> None:
        try:
            values[column] = parse(cells[column], *args, **kwargs)
        except CellError as exc:
            errors.append(_problem(number, column, cells[column], str(exc)))

    try:
        values["NIK"], said = parse_nik(cells["NIK"])
        warnings.extend(_problem(number, "NIK", cells["NIK"], w) for w in said)
    except CellError as exc:
        errors.append(_problem(number, "NIK", cells["NIK"], str(exc)))
    nama = cells["Nama"]
    if nama is None:
        errors.append(_problem(number, "Nama", None, _("wajib diisi.")))
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
    programs = _programs(cells["Program"], number, errors)
    kategori = values.get("Kategori")
    segmen_default = (
        categories.BY_KEY[kategori].usual_segment if kategori and not programs else None
    )
    take("Segmen", parse_choice, _SEGMEN, segmen_default)
    upah_said = any(e.column == "Dasar Upah" for e in errors)
    if programs and values.get("Dasar Upah") is None and not upah_said:
        errors.append(_problem(number, "Dasar Upah", None, _("wajib diisi bila ada program.")))
    if errors:
        return None, errors, warnings
    personal = {
        field: _phone(cells[header]) if field == "no_hp" else _text(cells[header])
        for header, field in PERSONAL.items()
        if header in cells
    }
    person = PersonData(
        nik=values["NIK"],
        nama=str(nama).strip(),
        jenis_kelamin=values["Jenis Kelamin"],
        tanggal_lahir=values["Tanggal Lahir"],
        **personal,
    )
    jabatan = cells["Jabatan"]
    post = PostData(
        kategori=values["Kategori"],
        jabatan=str(jabatan).strip()
        if jabatan is not None
        else categories.label(values["Kategori"]),
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
    return SheetRow(number, cells, person, post, coverage), errors, warnings


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _phone(value: Any) -> str:
    """A telephone number the spreadsheet may have turned into a number (812... for 0812...)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        return "0" + digits if digits.startswith("8") else digits
    return _text(value)


def _programs(value: Any, number: int, errors: list[ImportProblem]) -> tuple[str, ...]:
    if value is None:
        return ()
    parts = [p.strip().upper() for p in str(value).replace("+", ",").replace(";", ",").split(",")]
    unknown = [p for p in parts if p and p not in PROGRAMS]
    if unknown:
        message = _("tidak dikenal: {unknown}; pilih JKK, JKM, JHT, JP.").format(
            unknown=", ".join(unknown)
        )
        errors.append(_problem(number, "Program", value, message))
    return tuple(p for p in PROGRAMS if p in parts)


def _problems(
    row: SheetRow,
    found: Sequence[Problem],
    errors: list[ImportProblem],
    warnings: list[ImportProblem],
) -> None:
    for problem in found:
        column = FIELD_LABELS.get(problem.field, problem.field)
        record = _problem(row.number, column, row.cells.get(column), problem.message)
        (errors if problem.is_error else warnings).append(record)


def _check_person(
    rows: Sequence[SheetRow],
    kode_desa: str | None,
    limits: Limits,
    errors: list[ImportProblem],
    warnings: list[ImportProblem],
) -> ImportEntry | None:
    first = rows[0]
    count = len(errors)
    personal = tuple(h for h in PERSONAL if h in first.cells)
    for other in rows[1:]:
        for column in PERSON_COLUMNS + personal + COVERAGE_COLUMNS:
            if _same(first, other, column):
                continue
            errors.append(
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
    _problems(first, validate_person_data(first.person, kode_desa=kode_desa), errors, warnings)
    for row in rows:
        _problems(row, validate_post(row.post, lahir=first.person.tanggal_lahir), errors, warnings)
    kategori = [r.post.kategori for r in rows]
    _problems(first, validate_coverage(first.coverage, kategori, limits=limits), errors, warnings)
    if len(errors) > count:
        return None
    return ImportEntry(
        rows=tuple(r.number for r in rows),
        person=first.person,
        posts=tuple(r.post for r in rows),
        coverage=first.coverage,
    )


_FIELD_OF = {label: name for name, label in FIELD_LABELS.items()}


def _same(first: SheetRow, other: SheetRow, column: str) -> bool:
    name = _FIELD_OF[column]
    if column in PERSON_COLUMNS or column in PERSONAL:
        return bool(getattr(first.person, name) == getattr(other.person, name))
    return bool(getattr(first.coverage, name) == getattr(other.coverage, name))


def read_roster(
    path: Path | str, *, year: int, kode_desa: str | None, limits: Limits | None = None
) -> ImportPlan:
    """Parse and check a roster workbook (all rows, all problems at once). Never writes."""
    limits = limits or load_limits()
    name = Path(path).name
    headers, rows = read_sheet_columns(path)
    if not rows:
        raise UserError(
            _("Berkas {file} tidak berisi baris data di bawah judul kolom.").format(file=name)
        )
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []
    groups: dict[str, list[SheetRow]] = {}
    for number, values in rows:
        cells = {h: cell_value(values, COLUMN[h]) for h in headers}
        row, row_errors, row_warnings = _parse(number, cells, year)
        errors.extend(row_errors)
        warnings.extend(row_warnings)
        if row is not None:
            groups.setdefault(row.person.nik, []).append(row)
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
    return ImportPlan(
        year=year, file_name=name, entries=tuple(entries), warnings=tuple(warnings),
        personal=tuple(PERSONAL[h] for h in headers if h in PERSONAL),
    )  # fmt: skip
