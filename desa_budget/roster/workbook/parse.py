"""Roster import, step 1: the workbook's rows into people, checked all at once. Never writes.

Rows with the same NIK are one person with several posts; their person and coverage columns must
agree. Every problem is one ImportProblem record (row, column, value, message), all of them in
one ImportRefused; warnings are records too. A row still without NIK for a person stored
incomplete (taken from Siskeudes, re-exported and not filled in yet) is skipped with a warning.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import N_, _, ngettext
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
from desa_budget.roster.workbook.layout import COLUMN, PAY_HEADER, PERSONAL_HEADERS
from desa_budget.roster.workbook.problems import ImportProblem, ImportRefused
from desa_budget.roster.workbook.safe_read import cell_value, read_sheet_columns
from desa_budget.roster.workbook.sheet_rows import (
    COVERAGE_COLUMNS,
    PERSON_COLUMNS,
    SheetRow,
    parse_row,
    problem,
)

PERSONAL = dict(zip(PERSONAL_HEADERS, PERSONAL_FIELDS, strict=True))  # header -> PersonData field


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
    post_pay: bool = False  # the file has the siltap + tunjangan column

    @property
    def adds(self) -> tuple[ImportEntry, ...]:
        return tuple(e for e in self.entries if e.person_id is None)

    @property
    def changed(self) -> tuple[ImportEntry, ...]:
        return tuple(e for e in self.entries if e.person_id is not None and e.changes)

    @property
    def unchanged(self) -> tuple[ImportEntry, ...]:
        return tuple(e for e in self.entries if e.person_id is not None and not e.changes)


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
        for found_one in found:
            column = FIELD_LABELS.get(found_one.field, found_one.field)
            if row.unread & set(_NEEDS.get(found_one.field, (column,))):
                continue
            record = problem(row.number, column, row.cells.get(column), found_one.message)
            key = (record.column, record.value, record.message)
            if shared and key in self.said:
                continue
            if shared:
                self.said.add(key)
            if found_one.is_error:
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
    personal = tuple(h for h in PERSONAL if h in first.cells)
    for other in rows[1:]:
        for column in PERSON_COLUMNS + personal + COVERAGE_COLUMNS:
            if column in first.unread or column in other.unread or _same(first, other, column):
                continue
            findings.error(
                problem(
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
    if column in PERSON_COLUMNS or column in PERSONAL:
        return bool(getattr(first.person, name) == getattr(other.person, name))
    return bool(getattr(first.coverage, name) == getattr(other.coverage, name))


def name_key(name: str) -> str:
    """A name as people are matched by it: spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


SKIPPED = N_("dilewati: data belum lengkap (NIK belum diisi); lengkapi baris ini lalu impor lagi.")


def _skipped(row: SheetRow, incomplete: Collection[tuple[str, str]]) -> bool:
    """A row left as exported for a person stored incomplete: no NIK typed, its name and kategori
    those of such a person."""
    if row.cells.get("NIK") not in (None, "") or {"Nama", "Kategori"} & row.unread:
        return False
    return (name_key(row.person.nama), row.post.kategori) in incomplete


def read_roster(
    path: Path | str,
    *,
    year: int,
    kode_desa: str | None,
    limits: Limits | None = None,
    incomplete: Collection[tuple[str, str]] = (),
) -> ImportPlan:
    """Parse and check a roster workbook (all rows, all problems at once). Never writes.
    ``incomplete``: (name_key, kategori) of the people stored without NIK; their rows still
    without NIK are skipped with a warning instead of refusing the file."""
    limits = limits or load_limits(year)  # the import year's minimums, not the clock's
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
        row, row_errors, row_warnings = parse_row(number, cells, year)
        if _skipped(row, incomplete):
            warnings.append(problem(number, "NIK", "", _(SKIPPED)))
            continue
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
    return ImportPlan(
        year=year, file_name=name, entries=tuple(entries), warnings=tuple(warnings),
        personal=tuple(PERSONAL[h] for h in headers if h in PERSONAL),
        post_pay=PAY_HEADER in headers,
    )  # fmt: skip
