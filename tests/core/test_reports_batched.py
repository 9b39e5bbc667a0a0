"""The drawing shortcuts give the very pages reportlab gives: a table that writes its string
cells' PDF operators itself (every alignment, multi-line and empty cells, colour and font
changes), and header paragraphs drawn once and written again on every page."""

import io

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

from desa_budget.reports.batched import BatchedTextTable
from desa_budget.reports.blocks import para
from desa_budget.reports.fonts import BOLD, REGULAR, ensure_fonts
from desa_budget.reports.text import CellParagraph, line, style


def _page(table_class: type[LongTable]) -> bytes:
    ensure_fonts()
    rows: list[list[object]] = [["No", "Nama", "Jumlah (Rp)"]]
    for n in range(1, 40):
        name = para(f"Peserta {n}", "body", 8) if n % 5 == 0 else f"Peserta ({n}) Ärzte\\"
        rows.append([str(n), name, f"{n * 1000:,}".replace(",", ".") + ("\n(bulan)" * (n % 3))])
    rows.append(["", "Jumlah", ""])
    table = table_class(rows, colWidths=[40, 300, 80], repeatRows=1)
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR, 8),
            ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
            ("TEXTCOLOR", (0, 7), (-1, 9), colors.red),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("ALIGN", (2, 0), (2, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, 10), "MIDDLE"),
            ("VALIGN", (0, 11), (-1, 20), "BOTTOM"),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ]
    )
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build([table])
    return b"".join(page.get_contents().get_data() for page in PdfReader(out).pages)


def test_string_cells_are_written_as_reportlab_writes_them() -> None:
    theirs = _page(LongTable)
    assert b"(Peserta \\(12\\) " in theirs and b"Tj T* ET" in theirs  # the cells are there
    assert _page(BatchedTextTable) == theirs


def _header_pages(paragraph: type[Paragraph]) -> list[bytes]:
    ensure_fonts()
    header = [paragraph(f"<b>Kolom</b> {n} <i>(Rp)</i>", style("center-bold", 8)) for n in (1, 2)]
    rows: list[list[object]] = [header] + [[str(n), f"{n}.000"] for n in range(1, 200)]
    table = LongTable(rows, colWidths=[200, 200], repeatRows=1)
    table.setStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8)])
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build([table])
    return [page.get_contents().get_data() for page in PdfReader(out).pages]


def test_a_repeated_header_is_drawn_as_reportlab_draws_it() -> None:
    theirs = _header_pages(Paragraph)
    assert len(theirs) > 2 and all(b"(Kolom" in page for page in theirs)
    assert _header_pages(CellParagraph) == theirs


def test_a_jabatan_is_set_as_plain_text_only_when_it_fits_its_column() -> None:
    short = "Kepala Urusan Keuangan"
    assert line(short, 120, 8) == short  # one line: the table sets it
    long = "Kepala Urusan Perencanaan dan Keuangan Desa merangkap Operator Siskeudes"
    wrapped = line(long, 120, 8)
    assert isinstance(wrapped, Paragraph)
    assert wrapped.wrap(120, 1000)[1] > 2 * 8  # wraps inside the column, not over its edge
    assert isinstance(line("Kaur Tata Usaha & Umum", 120, 8), Paragraph)  # markup: escaped
