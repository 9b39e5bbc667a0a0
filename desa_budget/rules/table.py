"""Reading one dated rule table (CSV) and checking its periods; every error names the file and row."""

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desa_budget.i18n import _
from desa_budget.rules.months import month_index, parse_year_month, year_month

PERIOD_COLUMNS = ("valid_from", "valid_to", "source", "confidence")
CONFIDENCE = ("H", "M", "L")

_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_WHOLE = re.compile(r"-?[0-9]+")
_YEAR = re.compile(r"[0-9]{4}")


class CellError(ValueError):
    """A cell that cannot be read; the message is the Indonesian problem, without file and row."""


@dataclass(frozen=True)
class RuleRow:
    """One row of a rule table as written in its file, for showing the tables read-only."""

    table: str  # file name, e.g. "jp_ceiling.csv"
    line: int  # row number as a spreadsheet shows it: the header is row 1
    cells: Mapping[str, str]  # every value column's text as written
    valid_from: str
    valid_to: str  # "" = open-ended
    source: str
    confidence: str  # H / M / L


@dataclass(frozen=True)
class RuleTable:
    file: str
    title: str  # Indonesian display name
    columns: tuple[str, ...]  # value columns, before valid_from / valid_to / source / confidence
    rows: tuple[RuleRow, ...]


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], object]


@dataclass(frozen=True)
class TableSpec:
    file: str
    title: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # columns naming one series of periods (empty: the whole table)
    by_year: bool = False  # periods are "YYYY" instead of "YYYY-MM"
    contiguous: bool = True  # False: gaps between periods are allowed (a discount is not always on)
    check: Callable[[Mapping[str, object]], str | None] | None = None  # cross-column check


@dataclass(frozen=True)
class ParsedRow:
    row: RuleRow
    values: Mapping[str, object]
    start: int  # month index (or year)
    end: int | None  # inclusive; None = open-ended


def decimal_value(text: str) -> Decimal:
    """A non-negative decimal written with a dot ("0.24", "3.7", "0.5")."""
    if not _NUMBER.fullmatch(text):
        raise CellError(_("'{text}' bukan angka yang sah (tulis misalnya 0.24)").format(text=text))
    value = Decimal(text)
    if value < 0:
        raise CellError(_("nilai {text} negatif").format(text=text))
    return value


def whole_value(text: str) -> int:
    """A non-negative whole number of rupiah or years, digits only ("1000000")."""
    if not _WHOLE.fullmatch(text):
        raise CellError(
            _("'{text}' bukan bilangan bulat yang sah (tulis angka saja, tanpa titik)").format(
                text=text
            )
        )
    value = int(text)
    if value < 0:
        raise CellError(_("nilai {text} negatif").format(text=text))
    return value


def optional(parse: Callable[[str], object]) -> Callable[[str], object]:
    def parse_optional(text: str) -> object:
        return None if text == "" else parse(text)

    return parse_optional


def one_of(*choices: str) -> Callable[[str], object]:
    def parse_choice(text: str) -> object:
        if text not in choices:
            raise CellError(
                _("'{text}' tidak dikenal (pilih {choices})").format(
                    text=text, choices=", ".join(choices)
                )
            )
        return text

    return parse_choice


def _period(text: str, by_year: bool) -> int:
    if by_year:
        if not _YEAR.fullmatch(text) or int(text) < 1:
            raise CellError(_("'{text}' bukan tahun yang sah (format YYYY)").format(text=text))
        return int(text)
    parsed = parse_year_month(text)
    if parsed is None or len(text) != 7:
        raise CellError(_("'{text}' bukan bulan yang sah (format YYYY-MM)").format(text=text))
    return month_index(*parsed)


def period_text(value: int, by_year: bool) -> str:
    if by_year:
        return str(value)
    year, month = year_month(value)
    return f"{year:04d}-{month:02d}"


def _where(spec: TableSpec, line: int) -> str:
    return _("Tabel aturan {file} baris {line} tidak sah").format(file=spec.file, line=line)


def _read_cells(path: Path, spec: TableSpec, errors: list[str]) -> list[tuple[int, dict[str, str]]]:
    """The file's rows as {column: text}, with their row numbers; header problems go to errors."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            records = list(csv.reader(handle))
    except FileNotFoundError:
        errors.append(
            _("Berkas tabel aturan {file} tidak ditemukan di {folder}.").format(
                file=spec.file, folder=path.parent
            )
        )
        return []
    except (UnicodeDecodeError, csv.Error) as exc:
        errors.append(
            _("Berkas tabel aturan {file} tidak dapat dibaca sebagai CSV UTF-8 ({error}).").format(
                file=spec.file, error=exc
            )
        )
        return []
    expected = [c.name for c in spec.columns] + list(PERIOD_COLUMNS)
    header = [h.strip() for h in records[0]] if records else []
    missing = [c for c in expected if c not in header]
    unknown = [h for h in header if h not in expected]
    if missing or unknown or len(set(header)) != len(header):
        problem = []
        if missing:
            problem.append(_("kolom tidak ada: {columns}").format(columns=", ".join(missing)))
        if unknown:
            problem.append(_("kolom tidak dikenal: {columns}").format(columns=", ".join(unknown)))
        if not problem:
            problem.append(_("ada nama kolom yang ganda"))
        errors.append(f"{_where(spec, 1)}: {'; '.join(problem)}.")
        return []
    rows = []
    for line, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            errors.append(
                _("{where}: ada {n} sel, seharusnya {expected}.").format(
                    where=_where(spec, line), n=len(record), expected=len(header)
                )
            )
            continue
        rows.append((line, {name: cell.strip() for name, cell in zip(header, record, strict=True)}))
    return rows


def _parse_row(spec: TableSpec, line: int, cells: dict[str, str]) -> ParsedRow:
    values: dict[str, object] = {}
    for column in spec.columns:
        try:
            values[column.name] = column.parse(cells[column.name])
        except CellError as exc:
            raise CellError(
                _("kolom {column}: {problem}").format(column=column.name, problem=exc)
            ) from None
    try:
        start = _period(cells["valid_from"], spec.by_year)
    except CellError as exc:
        raise CellError(
            _("kolom {column}: {problem}").format(column="valid_from", problem=exc)
        ) from None
    end: int | None = None
    if cells["valid_to"]:
        try:
            end = _period(cells["valid_to"], spec.by_year)
        except CellError as exc:
            raise CellError(
                _("kolom {column}: {problem}").format(column="valid_to", problem=exc)
            ) from None
        if end < start:
            raise CellError(
                _("valid_to {end} lebih awal daripada valid_from {start}").format(
                    end=cells["valid_to"], start=cells["valid_from"]
                )
            )
    if not cells["source"]:
        raise CellError(_("kolom source kosong; setiap baris harus menyebut sumbernya"))
    if cells["confidence"] not in CONFIDENCE:
        raise CellError(
            _("kolom confidence '{value}' harus H, M atau L").format(value=cells["confidence"])
        )
    if spec.check is not None:
        problem = spec.check(values)
        if problem:
            raise CellError(problem)
    row = RuleRow(
        table=spec.file,
        line=line,
        cells={c.name: cells[c.name] for c in spec.columns},
        valid_from=cells["valid_from"],
        valid_to=cells["valid_to"],
        source=cells["source"],
        confidence=cells["confidence"],
    )
    return ParsedRow(row=row, values=values, start=start, end=end)


def _check_periods(spec: TableSpec, parsed: list[ParsedRow], errors: list[str]) -> None:
    """Within one key, periods may neither overlap nor (for a contiguous table) leave a gap."""
    series: dict[tuple[object, ...], list[ParsedRow]] = {}
    for item in parsed:
        series.setdefault(tuple(item.values[k] for k in spec.key), []).append(item)
    for rows in series.values():
        rows.sort(key=lambda r: (r.start, r.row.line))
        for before, after in zip(rows, rows[1:], strict=False):
            open_end = _("seterusnya")
            span = f"{after.row.valid_from}..{after.row.valid_to or open_end}"
            if before.end is None or after.start <= before.end:
                errors.append(
                    _(
                        "{where}: periode {span} tumpang tindih dengan baris {line} ({other})."
                    ).format(
                        where=_where(spec, after.row.line),
                        span=span,
                        line=before.row.line,
                        other=f"{before.row.valid_from}..{before.row.valid_to or open_end}",
                    )
                )
            elif spec.contiguous and after.start > before.end + 1:
                gap_from = period_text(before.end + 1, spec.by_year)
                gap_to = period_text(after.start - 1, spec.by_year)
                errors.append(
                    _(
                        "{where}: ada celah periode, {gap_from}..{gap_to} tidak "
                        "tercakup antara baris {before} dan baris {after}."
                    ).format(
                        where=_where(spec, after.row.line),
                        gap_from=gap_from,
                        gap_to=gap_to,
                        before=before.row.line,
                        after=after.row.line,
                    )
                )


def read_table(
    folder: Path, spec: TableSpec, errors: list[str]
) -> tuple[RuleTable, list[ParsedRow]]:
    """Read and check one table; problems are appended to ``errors`` (one sentence each)."""
    parsed: list[ParsedRow] = []
    for line, cells in _read_cells(folder / spec.file, spec, errors):
        try:
            parsed.append(_parse_row(spec, line, cells))
        except CellError as exc:
            errors.append(_("{where}: {problem}.").format(where=_where(spec, line), problem=exc))
    _check_periods(spec, parsed, errors)
    table = RuleTable(
        file=spec.file,
        title=spec.title,
        columns=tuple(c.name for c in spec.columns),
        rows=tuple(p.row for p in parsed),
    )
    return table, parsed
