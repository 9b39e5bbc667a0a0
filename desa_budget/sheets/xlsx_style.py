"""The one way this app writes a workbook table: typed cells, styled header, print setup, atomic save.

Every export (DPMD, SIPP, consolidation recap) goes through :func:`write_table` and
:func:`save_atomic`, so the safety rules hold everywhere: text is never a formula, amounts are
integers with a ``#,##0`` format, dates are real dates shown ``dd-mm-yyyy``, and a file is either
written completely or not at all.
"""

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desa_budget import __version__
from desa_budget.errors import UserError
from desa_budget.i18n import _

CREATOR = "Jamsos Desa"
AMOUNT_FORMAT = "#,##0"
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
PERCENT_FORMAT = "0.0"
FORMULA_STARTS = ("=", "+", "-", "@")

# Page sizes for pageSetup.paperSize (ECMA-376 / Excel XlPaperSize). openpyxl has a constant for
# A4 (Worksheet.PAPERSIZE_A4 = "9") but none for F4: the nearest Excel size is 14, "Folio
# 8½ × 13 in" (216 × 330 mm), which is what Indonesian offices call F4 (215 × 330 mm).
PAPER_SIZES = {"A4": "9", "F4": "14"}

KINDS = ("text", "int", "amount", "date", "datetime", "percent", "auto")
CellValue = str | int | Decimal | date | datetime | None

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)
_MAX_WIDTH = 60
# Printable width of a page in column-width units (characters of the default font), margins
# excluded: portrait / landscape on A4 and F4. A page is never shrunk under MIN_SCALE: more
# pages wide are used instead, with the first columns repeated at their left.
PAGE_UNITS = {("A4", False): 88, ("A4", True): 132, ("F4", False): 90, ("F4", True): 158}
MIN_SCALE = 0.7


@dataclass(frozen=True)
class Column:
    """One column of a table: its header and how its values are typed and shown.

    ``kind``: text (always a string cell), int (a count), amount (integer rupiah, ``#,##0``),
    date / datetime (real dates, ``dd-mm-yyyy``), percent (a Decimal shown with one decimal,
    never a float), auto (typed by each value: key/value sheets)."""

    header: str
    kind: str = "text"
    min_width: int = 6

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def write_text(cell: Cell, value: str) -> None:
    """Write ``value`` as a text cell, never a formula, even when it starts with "=", "+", "-", "@"."""
    cell.value = value
    cell.data_type = "s"  # setting a str beginning with "=" made it a formula: undo that
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # and Excel keeps it text when the user edits the cell


def write_value(cell: Cell, value: CellValue, kind: str) -> None:
    """One typed cell. ``None`` leaves the cell empty."""
    if value is None:
        return
    if kind == "text" or isinstance(value, str):
        write_text(cell, str(value))
        cell.number_format = "@"  # stays text when the user retypes it (a NIK, a code)
        return
    if isinstance(value, bool):
        raise TypeError("booleans are not a cell type of these exports")
    cell.value = value
    if isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif kind == "amount":
        cell.number_format = AMOUNT_FORMAT
    elif kind == "percent":
        cell.number_format = PERCENT_FORMAT


def _shown_length(value: CellValue, kind: str) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, int) and kind == "amount":
        text = f"{value:,}"
        return len(text)
    return max((len(part) for part in str(value).splitlines()), default=0)


def write_table(
    ws: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[Sequence[CellValue]],
    *,
    paper: str = "A4",
    landscape: bool = True,
    repeat_columns: tuple[int, int] | None = None,
    print_from: int = 1,
) -> int:
    """Write one header row and ``rows`` from A1; returns the number of data rows.

    The header is bold and frozen, carries an autofilter over the data, repeats on every printed
    page, and the columns are as wide as their longest value (capped). Printing fits the width
    on one page of ``paper`` (A4 or F4) when that keeps at least MIN_SCALE; a wider table is
    printed on as many pages wide as it needs, the columns ``repeat_columns`` (first and last,
    1-based) repeated at the left of each."""
    # A header may wrap onto three lines, never inside a word; + room for the filter arrow.
    widths = [
        max(max(len(w) for w in c.header.split()) + 3, (len(c.header) + 2) // 3 + 3, c.min_width)
        for c in columns
    ]
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        write_text(cell, column.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
    count = 0
    for count, values in enumerate(rows, start=1):
        if len(values) != len(columns):
            raise ValueError(f"row {count} has {len(values)} values for {len(columns)} columns")
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            write_value(ws.cell(row=count + 1, column=index), value, column.kind)
            widths[index - 1] = max(widths[index - 1], _shown_length(value, column.kind) + 2)
    last_column = get_column_letter(len(columns))
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = min(width, _MAX_WIDTH)
    # Spreadsheets do not grow a row for wrapped text written by a program: size the header.
    lines = max(
        _wrapped_lines(c.header, min(w, _MAX_WIDTH) - 2)
        for c, w in zip(columns, widths, strict=True)
    )
    ws.row_dimensions[1].height = 15 * lines
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last_column}{count + 1}"
    shown = [min(w, _MAX_WIDTH) for w in widths]
    first, last = repeat_columns or (1, 0)
    repeated = sum(shown[first - 1 : last])
    shown = shown[print_from - 1 :]
    if print_from > 1:
        ws.print_area = f"{get_column_letter(print_from)}1:{last_column}{count + 1}"
    across = pages_across(shown, paper=paper, landscape=landscape, repeated=repeated)
    setup_print(ws, paper=paper, landscape=landscape, title_rows="1:1", pages_wide=across)
    if repeat_columns and across > 1:
        ws.print_title_cols = f"{get_column_letter(first)}:{get_column_letter(last)}"
    return count


def _wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped at word boundaries in a column ``width`` characters wide."""
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need > width and used:
            lines, used = lines + 1, len(word)
        else:
            used = need
    return lines


def pages_across(
    widths: Sequence[float], *, paper: str, landscape: bool, repeated: float = 0
) -> int:
    """Pages across a table of these column widths needs so it is not printed under MIN_SCALE;
    ``repeated`` is the width of the columns printed again on every page after the first."""
    room = PAGE_UNITS.get((paper, landscape), 132) / MIN_SCALE
    total = sum(widths)
    if total <= room:
        return 1
    pages = 1
    left = total - room
    while left > 0:
        pages += 1
        left -= room - repeated
    return pages


def page_labels(ws: Worksheet, *, left: str, center: str = "", right: str = "") -> None:
    """Header (``left``, ``center``, ``right``: who and which year) and footer (the sheet's name
    and "Halaman x dari y") on every printed page."""

    def literal(text: str) -> str:
        return text.replace("&", "&&")  # "&" starts a header code

    # An empty part is left unset: "&C" with nothing after it is misread by some readers.
    for part, text in ((ws.oddHeader.left, left), (ws.oddHeader.center, center),
                       (ws.oddHeader.right, right)):  # fmt: skip
        if text:
            part.text = literal(text)
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "Halaman &P dari &N"


def setup_print(
    ws: Worksheet,
    *,
    paper: str = "A4",
    landscape: bool = True,
    title_rows: str | None = None,
    pages_wide: int = 1,
) -> None:
    """Landscape (or portrait), fit to ``pages_wide`` pages wide and as many pages tall as needed."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper {paper!r}; choose one of {sorted(PAPER_SIZES)}")
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER_SIZES[paper]
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0  # 0 = as many pages tall as needed
    if title_rows:
        ws.print_title_rows = title_rows


def new_workbook(*, title: str, subject: str = "", created: datetime | None = None) -> Workbook:
    """An empty workbook (no default sheet) with this app's document properties."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    props = workbook.properties
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.title = title
    props.subject = subject
    props.description = f"Dibuat oleh {CREATOR} {__version__}"
    props.keywords = "Jamsos Desa; BPJS Ketenagakerjaan; APBDes"
    if created is not None:
        props.created = created.replace(tzinfo=None, microsecond=0)
    return workbook


def check_target(path: Path | str, suffix: str = ".xlsx") -> Path:
    """The output path, refused early when its name or folder cannot work."""
    target = Path(path)
    if target.suffix.lower() != suffix:
        raise UserError(
            _("Nama berkas harus berakhiran {suffix}: {file}").format(
                suffix=suffix, file=target.name
            )
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(_("Folder tidak ditemukan: {folder}").format(folder=folder))
    return target


def save_atomic(workbook: Workbook, path: Path | str) -> Path:
    """Save to a temporary file in the target's folder, then rename over the target.

    A failure at any point (disk full, killed save, a bug) removes the temporary file and leaves
    any earlier file at ``path`` untouched: the file is complete or not written at all."""
    target = check_target(path)
    return replace_atomic(target, workbook.save)


def replace_atomic(target: Path, write: Callable[[str], object]) -> Path:
    """Call ``write(temp_path)`` then rename the result to ``target``; clean up on any failure."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=f".~{target.stem}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        write(temp_name)
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise UserError(
            _("Berkas {file} tidak dapat ditulis: {error}").format(
                file=target.name, error=exc.strerror or exc
            )
        ) from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
