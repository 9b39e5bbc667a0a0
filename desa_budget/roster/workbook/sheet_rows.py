"""Roster import, step 1a: one workbook row read cell by cell into a person, a post and coverage.

A cell that cannot be read is reported (row, column, value, message) and stands in with a neutral
value, so that every other check still runs on the row (parse.py holds back the findings that
rest on an unread cell).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from desa_budget.i18n import _
from desa_budget.roster.data import PERSONAL_FIELDS, CoverageData, PersonData, PostData
from desa_budget.roster.workbook.layout import COLUMN, HEADERS, PAY_HEADER, PERSONAL_HEADERS
from desa_budget.roster.workbook.problems import ImportProblem, cell_text
from desa_budget.roster.workbook.safe_read import (
    CellError,
    parse_choice,
    parse_date,
    parse_nik,
    parse_rupiah,
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


def problem(number: int, column: str, value: Any, message: str) -> ImportProblem:
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


def parse_row(
    number: int, cells: dict[str, Any], year: int
) -> tuple[SheetRow, list[ImportProblem], list[ImportProblem]]:
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []
    values: dict[str, Any] = {}
    unread: set[str] = set()

    def fail(column: str, message: str) -> None:
        errors.append(problem(number, column, cells[column], message))
        unread.add(column)

    def take(column: str, parse: Any, *args: Any, **kwargs: Any) -> None:
        try:
            values[column] = parse(cells[column], *args, **kwargs)
        except CellError as exc:
            fail(column, str(exc))
            values[column] = _STAND_IN.get(column)

    try:
        values["NIK"], said = parse_nik(cells["NIK"])
        warnings.extend(problem(number, "NIK", cells["NIK"], w) for w in said)
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
    if PAY_HEADER in cells:
        take(PAY_HEADER, parse_rupiah)
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
        **{
            field: _phone(cells[header]) if field == "no_hp" else _text(cells[header])
            for header, field in zip(PERSONAL_HEADERS, PERSONAL_FIELDS, strict=True)
            if header in cells
        },
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
        penghasilan=values.get(PAY_HEADER),
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
        errors.append(problem(number, "Program", value, message))
        unread.add("Program")
    return tuple(p for p in PROGRAMS if p in parts)


def _phone(value: Any) -> str:
    """A telephone number the spreadsheet may have turned into a number (812... for 0812...)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        return "0" + digits if digits.startswith("8") else digits
    return _text(value)
