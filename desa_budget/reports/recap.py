"""The printable kabupaten recap: a bar chart per kecamatan, the kecamatan and desa tables, the files.

Uses the page machinery and shipped font of desa_budget.reports (landscape, "Halaman x dari y",
``invariant`` so the same recap gives the same bytes).
"""

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, PageBreak, Paragraph, Spacer, TableStyle

from desa_budget.format import format_cell, format_decimal
from desa_budget.reports.fonts import BOLD, REGULAR, ensure_fonts
from desa_budget.reports.page import Layout, Section, build_pdf
from desa_budget.sheets.consolidate import Consolidation, flags, percent
from desa_budget.sheets.recap import TOTAL_LABEL
from desa_budget.sheets.xlsx_style import check_target, replace_atomic

_BLUE, _GREEN = colors.HexColor("#9DC3E6"), colors.HexColor("#2E75B6")
_TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=12, leading=15, alignment=1)
_HEAD = ParagraphStyle("head", fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=6)
_BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=8, leading=10)
_CELL = ParagraphStyle("cell", fontName=REGULAR, fontSize=7, leading=8.5)


def _p(text: str) -> Paragraph:
    return Paragraph(escape(text), _CELL)


def _pct(value: Decimal | None) -> str:
    return "-" if value is None else format_decimal(value, 1)


def _table(header: Sequence[str], rows: list[list[Any]], widths: Sequence[float]) -> LongTable:
    data = [[Paragraph(f"<b>{h}</b>", _CELL) for h in header]] + rows
    table = LongTable(data, colWidths=list(widths), repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 7),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    if rows and rows[-1] and rows[-1][0] == TOTAL_LABEL:
        style.append(("FONT", (0, -1), (-1, -1), BOLD, 7))
    table.setStyle(TableStyle(style))
    return table


def _chart(c: Consolidation, width: float, max_height: float) -> Drawing:
    rows = c.kecamatan_rows()
    names = [r.kecamatan for r in rows]
    step = min(18.0, (max_height - 50) / max(len(rows), 1))
    height = step * len(rows) + 50
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 110, 30
    chart.width, chart.height = width - 130, height - 40
    # reversed so the first kecamatan (alphabetically) is at the top, as in the table
    chart.data = [
        [r.total.roster for r in reversed(rows)],
        [r.total.covered for r in reversed(rows)],
    ]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = _BLUE
    chart.bars[1].fillColor = _GREEN
    chart.barSpacing = 1
    chart.groupSpacing = 3
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 110, 12
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 110
    legend.colorNamePairs = [(_BLUE, "Orang di daftar"), (_GREEN, "Orang dilindungi")]
    drawing.add(legend)
    return drawing


def _kecamatan_table(c: Consolidation, width: float) -> LongTable:
    header = (
        "Kecamatan", "Desa", "Orang di Daftar", "Dilindungi", "%", "Pekerja Rentan",
        "Desa Tanpa Rentan", "Desa dengan Catatan", "Iuran Desa Setahun", "Potongan Setahun",
    )  # fmt: skip
    rows = c.kecamatan_rows()
    body: list[list[Any]] = []
    for r in rows:
        t = r.total
        body.append([
            r.kecamatan, r.desa, format_cell(t.roster), format_cell(t.covered),
            _pct(percent(t.covered, t.roster)), format_cell(r.rentan.covered),
            r.desa_tanpa_rentan, r.desa_dengan_catatan, format_cell(t.desa),
            format_cell(t.potongan),
        ])  # fmt: skip
    t = c.total
    body.append([
        TOTAL_LABEL, len(c.villages), format_cell(t.roster), format_cell(t.covered),
        _pct(percent(t.covered, t.roster)), format_cell(sum(r.rentan.covered for r in rows)),
        sum(r.desa_tanpa_rentan for r in rows), sum(r.desa_dengan_catatan for r in rows),
        format_cell(t.desa), format_cell(t.potongan),
    ])  # fmt: skip
    first = width * 0.18
    return _table(header, body, [first] + [(width - first) / 9] * 9)


def _desa_table(c: Consolidation, width: float) -> LongTable:
    header = (
        "Kode Desa", "Desa", "Kecamatan", "Daftar", "Dilindungi", "%", "Pekerja Rentan",
        "Iuran Desa Setahun", "Potongan Setahun", "Catatan",
    )  # fmt: skip
    body: list[list[Any]] = []
    for v in c.villages:
        t = v.total
        notes = "; ".join(flags(v, c.profile))
        body.append([
            v.kode_desa, _p(v.nama_desa), _p(c.kecamatan_of(v)),
            format_cell(t.roster), format_cell(t.covered), _pct(percent(t.covered, t.roster)),
            format_cell(v.by_category["pekerja_rentan"].covered), format_cell(t.desa),
            format_cell(t.potongan), _p(notes or "-"),
        ])  # fmt: skip
    fixed = [22 * mm, 28 * mm, 26 * mm, 15 * mm, 18 * mm, 12 * mm, 16 * mm, 25 * mm, 23 * mm]
    return _table(header, body, [*fixed, width - sum(fixed)])


def recap_story(c: Consolidation, layout: Layout) -> list[Flowable]:
    ensure_fonts()  # paragraphs look their font up when they are made
    kabupaten = ", ".join(sorted({v.kabupaten for v in c.villages})) or "-"
    story: list[Flowable] = [
        Paragraph("REKAP IURAN BPJS KETENAGAKERJAAN PEMERINTAH DESA", _TITLE),
        Paragraph(f"KABUPATEN {escape(kabupaten.upper())} TAHUN ANGGARAN {c.year or '-'}", _TITLE),
        Spacer(1, 4 * mm),
        Paragraph(
            f"{len(c.used)} berkas desa dipakai, {len(c.left_out)} tidak dipakai. Iuran desa "
            f"setahun {format_cell(c.total.desa)}; potongan {format_cell(c.total.potongan)}; "
            f"dibayar Pemda {format_cell(c.total.pemda)} (rupiah)."
            + (f" Aturan kabupaten: {escape(c.profile.title)}." if c.profile else ""),
            _BODY,
        ),
        Paragraph("Orang di daftar dan orang dilindungi per kecamatan", _HEAD),
        _chart(c, layout.width, layout.height * 0.62),
        Paragraph("Ringkasan per kecamatan", _HEAD),
        _kecamatan_table(c, layout.width),
        PageBreak(),
        Paragraph("Rincian per desa", _HEAD),
        _desa_table(c, layout.width),
    ]
    if c.files:
        story.append(Paragraph("Berkas", _HEAD))
        story += [Paragraph(escape(f.line), _BODY) for f in c.files if not f.used]
        if not c.left_out:
            story.append(Paragraph("Semua berkas dipakai.", _BODY))
    story += [Paragraph(escape(n), _BODY) for n in c.notes]
    return story


def write_recap_pdf(path: Path | str, c: Consolidation, *, paper: str = "A4") -> Path:
    """The printable recap, landscape, written atomically."""
    target = check_target(path, ".pdf")
    layout = Layout(paper, True)
    section = Section(
        key="rekap",
        footer=f"Rekap BPJS Ketenagakerjaan desa tahun {c.year or '-'} - Jamsos Desa",
        layout=layout,
        story=recap_story(c, layout),
    )
    pdf = build_pdf([section], title="Rekap BPJS Ketenagakerjaan Desa", author="Jamsos Desa",
                    subject=f"Tahun {c.year or '-'}")  # fmt: skip
    return replace_atomic(target, lambda temp: Path(temp).write_bytes(pdf))
