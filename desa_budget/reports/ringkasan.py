"""Document 4: the one-page ringkasan: key figures, persons and cost by category, program and month,
the planner's result and the warnings."""

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from desa_budget.contributions.results import CoverageNote
from desa_budget.contributions.summary import category_totals, month_totals, program_totals
from desa_budget.format import MONTH_ABBR, format_cell, format_number, format_rp, tanggal_indonesia
from desa_budget.reports import blocks, signatures
from desa_budget.reports.blocks import LampiranRef, para
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD, REGULAR
from desa_budget.reports.page import Layout
from desa_budget.reports.penjabaran import title_place
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories

PROGRAM_COLORS = {
    "JKK": colors.HexColor("#4C72B0"),
    "JKM": colors.HexColor("#55A868"),
    "JHT": colors.HexColor("#DD8452"),
    "JP": colors.HexColor("#8172B3"),
}
MAX_NOTES = 8


def _box(label: str, value: str, sub: str) -> list[Flowable]:
    return [para(label, "center", 7.5), para(value, "center-bold", 11.5), para(sub, "center", 7)]


def boxes(data: AnnexData, width: float) -> Table:
    sim = data.simulation
    roster = sim.roster_total
    if data.pagu is None:
        pagu = _box("Pagu iuran", "belum diisi", "pagu tahun anggaran belum ditetapkan")
    else:
        left = data.pagu - data.lines.total
        sisa = f"sisa {format_rp(left)}" if left >= 0 else f"kurang {format_rp(-left)}"
        pagu = _box("Pagu iuran", format_rp(data.pagu), sisa)
    cells = [
        _box(
            "Peserta ditanggung", f"{len(sim.persons)} orang", f"dari {roster} orang dalam daftar"
        ),
        _box("Iuran dibayar desa setahun", format_rp(data.lines.total), "belanja APBDes"),
        _box("Iuran pekerja dipotong", format_rp(sim.potongan), "bukan belanja desa"),
        pagu,
    ]
    gap = 3 * mm
    box = (width - 3 * gap) / 4
    row: list[object] = [cells[0], "", cells[1], "", cells[2], "", cells[3]]
    table = Table([row], colWidths=[box, gap, box, gap, box, gap, box])
    commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for col in (0, 2, 4, 6):
        commands += [("BOX", (col, 0), (col, 0), 0.8, colors.black),
                     ("BACKGROUND", (col, 0), (col, 0), blocks.GROUP_FILL)]  # fmt: skip
    table.setStyle(TableStyle(commands))
    return table


def category_table(data: AnnexData, width: float) -> Table:
    sim = data.simulation
    size = 8.0
    header = ["Kategori", "Dalam daftar (orang)", "Ditanggung (orang)", "Orang-bulan",
              "Iuran desa setahun (Rp)", "Potongan setahun (Rp)"]  # fmt: skip
    rows: list[list[object]] = [[para(h, "center-bold", size) for h in header]]
    lines = category_totals(sim)
    for line in lines:
        rows.append([categories.label(line.kategori), str(line.di_daftar), str(line.ikut),
                     format_number(line.orang_bulan), format_cell(line.desa),
                     format_cell(line.potongan)])  # fmt: skip
    rows.append(["JUMLAH", str(sim.roster_total), str(len(sim.persons)),
                 format_number(sum(line.orang_bulan for line in lines)),
                 format_number(sim.desa), format_number(sim.potongan)])  # fmt: skip
    first = width * 0.28
    table = Table(rows, colWidths=[first] + [(width - first) / 5] * 5, repeatRows=1)
    commands = blocks.grid_style(1, size)
    commands += [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), BOLD, size),
                 ("BACKGROUND", (0, -1), (-1, -1), blocks.HEADER_FILL)]  # fmt: skip
    table.setStyle(commands)
    return table


def program_table(data: AnnexData, width: float) -> Table:
    size = 8.0
    rows: list[list[object]] = [["Program (Rp)", "Dibayar desa", "Dipotong"]]
    for total in program_totals(data.simulation):
        rows.append([total.program, format_cell(total.desa), format_cell(total.potongan)])
    rows.append(["Jumlah", format_number(data.simulation.desa),
                 format_number(data.simulation.potongan)])  # fmt: skip
    table = Table(rows, colWidths=[width * 0.3, width * 0.38, width * 0.32], hAlign="LEFT")
    commands = blocks.grid_style(1, size)
    commands += [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), BOLD, size)]
    table.setStyle(commands)
    return table


def _axis_label(value: float) -> str:
    # The chart's axis hands back floats for its tick positions; labels are whole rupiah.
    return format_number(round(value))


def month_chart(data: AnnexData, width: float, height: float) -> Drawing:
    """Monthly desa-paid amounts stacked by program: the March JP ceiling step shows as a step."""
    months = month_totals(data.simulation)
    series = {name: [m.programs[name].desa for m in months] for name in PROGRAMS}
    names = [n for n in PROGRAMS if any(series[n])]
    drawing = Drawing(width, height)
    drawing.add(
        String(0, height - 9, "Iuran dibayar desa per bulan (Rp)", fontName=BOLD, fontSize=8)
    )
    chart = VerticalBarChart()
    chart.x, chart.y = 46, 30
    chart.width, chart.height = width - 52, height - 50
    chart.data = [series[n] for n in names] or [[0] * 12]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = list(MONTH_ABBR)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = _axis_label
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#CCCCCC")
    chart.barWidth = 8
    chart.groupSpacing = 6
    for index, name in enumerate(names):
        chart.bars[index].fillColor = PROGRAM_COLORS.get(name, colors.grey)
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 46, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.dx = legend.dy = 6
    legend.deltax = 40
    legend.colorNamePairs = [(PROGRAM_COLORS.get(n, colors.grey), n) for n in names]
    drawing.add(legend)
    return drawing


def _tier_table(rows: list[list[object]], width: float, size: float) -> Table:
    table = Table(rows, colWidths=[8 * mm, width - 8 * mm - 50 * mm, 22 * mm, 28 * mm])
    commands = blocks.grid_style(1, size)
    commands += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "CENTER"),
                 ("ALIGN", (3, 1), (3, -1), "RIGHT")]  # fmt: skip
    table.setStyle(commands)
    return table


def left_out_text(note: CoverageNote) -> str:
    """Who the applied plan leaves out, by category: "70 Pekerja Rentan; 1 orang sebagian"."""
    counts = note.not_covered_by_category()
    parts = [f"{n} {categories.label(k)}" for k, n in counts.items()]
    if note.partly:
        parts.append(f"{len(note.partly)} orang hanya sebagian program")
    return "; ".join(parts) if parts else "tidak ada"


def plan_block(data: AnnexData, width: float) -> list[Flowable]:
    size = 7.5
    header: list[object] = ["No", "Tingkat prioritas", "Ditanggung", "Biaya (Rp)"]
    note = data.simulation.coverage
    if note is not None:  # the plan this budget follows, as it was applied
        rows = [header] + [
            [str(t.tier), para(t.name, "body", size), f"{t.covered}/{t.eligible}",
             format_cell(t.cost)]
            for t in note.tiers
        ]  # fmt: skip
        summary = (
            f"Anggaran ini mengikuti rencana dengan pagu {format_rp(note.pagu)} (mode "
            f"{note.mode}) yang diterapkan {tanggal_indonesia(note.diterapkan.date())}: "
            f"{len(data.simulation.persons)} dari {data.simulation.roster_total} orang dalam "
            f"daftar ditanggung. Tidak ditanggung tahun ini: {left_out_text(note)}."
        )
        return [para("Rencana pertanggungan yang diterapkan", "bold", 9), Spacer(1, 1 * mm),
                _tier_table(rows, width, size), Spacer(1, 1 * mm),
                para(summary, "body", size)]  # fmt: skip
    result = data.plan
    if result is None:
        return []
    rows = [header]
    for t in result.tiers:
        rows.append([str(t.tier), para(t.name, "body", size), f"{t.covered}/{t.eligible}",
                     format_cell(t.cost)])  # fmt: skip
    summary = (
        f"Rencana dengan pagu {format_rp(result.pagu)} (mode {result.mode}): terpakai "
        f"{format_rp(result.used)}, sisa {format_rp(result.left)}; biaya menanggung seluruh "
        f"daftar peserta {format_rp(result.cost_full)}. Belum diterapkan: anggaran ini memuat "
        "seluruh daftar peserta."
    )
    return [para("Rencana pertanggungan menurut pagu", "bold", 9), Spacer(1, 1 * mm),
            _tier_table(rows, width, size), Spacer(1, 1 * mm),
            para(summary, "body", size)]  # fmt: skip


def notes_block(data: AnnexData) -> list[Flowable]:
    items = [f"Kesalahan: {e}" for e in data.checks.errors]
    items += [f"Peringatan: {w}" for w in data.checks.warnings]
    items += [f"Catatan: {a}" for a in data.simulation.assumptions]
    if data.plan is not None and data.plan.unpriced:
        items.append(
            f"Catatan: {len(data.plan.unpriced)} orang tanpa dasar upah tidak dihitung dalam rencana."
        )
    if not data.adopted:
        items.append("Catatan: angka rancangan; versi anggaran ini belum ditetapkan.")
    out: list[Flowable] = [para("Peringatan dan catatan", "bold", 9)]
    if not items:
        return out + [para("Tidak ada peringatan.", "body", 7.5)]
    shown = items[:MAX_NOTES]
    out += [para("• " + text, "body", 7.5) for text in shown]
    if len(items) > len(shown):
        out.append(
            para(f"• … dan {len(items) - len(shown)} catatan lain (lihat aplikasi).", "body", 7.5)
        )
    return out


def _columns(left: list[Flowable], right: list[Flowable], split: float, width: float) -> Table:
    table = Table([[left, right]], colWidths=[width * split, width * (1 - split)])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
            ]
        )
    )
    return table


def _portrait_body(data: AnnexData, width: float) -> list[Flowable]:
    left = width * 0.6
    chart = month_chart(data, left - 4 * mm, 62 * mm)
    program = [Spacer(1, 16), program_table(data, width - left)]
    body: list[Flowable] = [category_table(data, width), Spacer(1, 3 * mm)]
    body += [_columns([chart], program, 0.6, width), Spacer(1, 2 * mm)]
    body += plan_block(data, width)
    return body + [Spacer(1, 2 * mm)] + notes_block(data)


def _landscape_body(data: AnnexData, width: float) -> list[Flowable]:
    """Landscape: two columns, so the page is not shrunk to an unreadable size."""
    left, right = width * 0.55, width * 0.45
    first = [category_table(data, left - 4 * mm), Spacer(1, 3 * mm)]
    first += [program_table(data, (left - 4 * mm) * 0.6)]
    second: list[Flowable] = [month_chart(data, right, 58 * mm)]
    body: list[Flowable] = [_columns(first, second, 0.55, width), Spacer(1, 2 * mm)]
    plan = plan_block(data, left - 4 * mm)
    notes = notes_block(data)
    body.append(_columns(plan or notes, notes if plan else [], 0.55, width))
    return body


def ringkasan_story(data: AnnexData, layout: Layout, ref: LampiranRef) -> list[Flowable]:
    """Everything on one page: shrunk to fit when the warnings or the planner run long."""
    width = layout.width
    perubahan = "PERUBAHAN " if data.jenis == "perubahan" else ""
    content: list[Flowable] = blocks.kop(data, width)
    content.append(blocks.lampiran_block(data, ref))
    content += blocks.title_block(
        [f"RINGKASAN IURAN BPJS KETENAGAKERJAAN {perubahan}TAHUN ANGGARAN {data.year}",
         title_place(data)], 10.5)  # fmt: skip
    content += [boxes(data, width), Spacer(1, 3 * mm)]
    content += _landscape_body(data, width) if layout.landscape else _portrait_body(data, width)
    content += [
        Spacer(1, 3 * mm),
        signatures.signature_table(data, blocks.regulation_of(data, ref), width),
    ]
    return [KeepInFrame(width, layout.height - 1, content, mode="shrink")]
