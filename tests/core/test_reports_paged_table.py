"""A long table laid out a page at a time breaks its pages exactly where reportlab's own LongTable
does: the same rows on every page, the header repeated, rows kept together stay together."""

import io

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, LongTable, SimpleDocTemplate, Spacer

from desa_budget.reports.blocks import para
from desa_budget.reports.fonts import REGULAR, ensure_fonts
from desa_budget.reports.paged_table import PagedTable


def _rows() -> tuple[list[list[object]], list[tuple[object, ...]]]:
    rows: list[list[object]] = [["No", "Nama", "Jumlah"], ["", "", "(Rp)"]]
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("ALIGN", (2, 2), (-1, -1), "RIGHT"),
    ]
    for n in range(1, 301):
        r = len(rows)
        if n % 23 == 1:  # a group label kept with its first rows, on a grey band
            rows.append([para(f"Kelompok {n // 23 + 1}", "bold", 8), "", ""])
            commands += [("SPAN", (0, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + n % 13)),
                         ("BACKGROUND", (0, r), (-1, r), colors.lightgrey)]  # fmt: skip
        name = f"Peserta nomor {n} " + ("dengan nama yang panjang sekali " * (n % 4))
        rows.append([str(n), para(name, "body", 8), f"{n * 1000:,}".replace(",", ".")])
    last = len(rows)
    rows += [["", para("Jumlah", "bold", 8), "300.000"], ["Tanda tangan", "", ""]]
    commands += [("NOSPLIT", (0, last - 12), (-1, -1)), ("SPAN", (0, -1), (-1, -1))]
    return rows, commands


def _pages(table: Flowable) -> list[tuple[str, frozenset[str]]]:
    """Each page's text, and the set of its drawing operations (lines, fills, text placed): the
    same page drawn in another order, or a line drawn twice, is the same page."""
    ensure_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    doc.build([Spacer(1, 120), table])
    return [
        (
            page.extract_text(),
            frozenset(page.get_contents().get_data().decode("latin-1").split("\n")),
        )
        for page in PdfReader(out).pages
    ]


def test_pages_break_where_a_longtable_breaks_them() -> None:
    rows, commands = _rows()
    theirs = LongTable([list(r) for r in rows], colWidths=[40, 300, 80], repeatRows=2)
    theirs.setStyle(commands)
    ours = PagedTable(rows, [40, 300, 80], header_rows=2, commands=commands)
    expected = _pages(theirs)
    assert len(expected) > 5
    assert _pages(ours) == expected
    assert all(text.startswith("No\nNama\nJumlah\n(Rp)\n") for text, _drawn in expected)
    assert expected[-1][0].endswith("Jumlah\n300.000\nTanda tangan\n")
