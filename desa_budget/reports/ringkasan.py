"""Document 4: the one-page ringkasan: key figures, persons and cost by category, program and month,
the planner's result and the warnings. A working summary, not a legal lampiran: no LAMPIRAN block.
Its head counts are the daftar nominatif's (persons paid by the Pemda counted apart), and no text
is shrunk under 7 pt: what does not fit goes on to a second page."""

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desa_budget.contributions.results import HEAD_COUNT_RULE, CoverageNote, mode_label
from desa_budget.contributions.summary import category_totals, month_totals, program_totals
from desa_budget.format import MONTH_ABBR, format_cell, format_number, format_rp, tanggal_indonesia
from desa_budget.reports import blocks
from desa_budget.reports.blocks import para
from desa_budget.reports.compare import selisih_text
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD, REGULAR, text_width
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
    pemda = len(sim.persons) - len(sim.apbdes_persons)
    if data.pagu is None:
        pagu = _box("Pagu iuran", "belum diisi", "pagu tahun anggaran belum ditetapkan")
    else:
        left = data.pagu - data.lines.total
        sisa = f"sisa {format_rp(left)}" if left >= 0 else f"kurang {format_rp(-left)}"
        pagu = _box("Pagu iuran", format_rp(data.pagu), sisa)
    covered = f"dari {sim.roster_total} orang dalam daftar" + (
        f"; {pemda} lagi dibayar Pemda" if pemda else ""
    )
    if data.semula is None:
        iuran = _box("Iuran dibayar desa setahun", format_rp(data.lines.total), "belanja APBDes")
    else:
        change = data.lines.total - data.semula.lines.total
        verb = "bertambah" if change >= 0 else "berkurang"
        iuran = _box("Iuran dibayar desa setahun", format_rp(data.lines.total),
                     f"semula {format_rp(data.semula.lines.total)}, {verb} {format_rp(abs(change))}")  # fmt: skip
    cells = [
        _box("Peserta iuran desa", f"{len(sim.apbdes_persons)} orang", covered),
        iuran,
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


def _semula_desa(data: AnnexData) -> dict[str, int]:
    if data.semula is None:
        return {}
    return {t.kategori: t.desa for t in category_totals(data.semula.simulation)}


def category_table(data: AnnexData, width: float) -> Table:
    """Persons and amounts per category, counted as the daftar nominatif counts them: the
    persons paid by the Pemda in a column of their own."""
    sim = data.simulation
    size = 8.0
    perubahan = data.semula is not None
    amounts = (["Iuran desa semula (Rp)", "Iuran desa menjadi (Rp)", "Bertambah (berkurang) (Rp)"]
               if perubahan else ["Orang-bulan", "Iuran desa setahun (Rp)", "Potongan setahun (Rp)"])  # fmt: skip
    header = ["Kategori", "Dalam daftar (orang)", "Iuran desa (orang)", "Dibayar Pemda (orang)",
              *amounts]  # fmt: skip
    rows: list[list[object]] = [[para(h, "center-bold", size) for h in header]]
    semula = _semula_desa(data)
    pemda_by = {k: sum(1 for p in sim.persons if p.kategori == k and p.dibayar_oleh == "pemda")
                for k in categories.KEYS}  # fmt: skip
    lines = category_totals(sim)
    keys = [line.kategori for line in lines] + [k for k in semula if k not in
                                                 {line.kategori for line in lines}]  # fmt: skip
    by_key = {line.kategori: line for line in lines}
    for key in sorted(keys, key=lambda k: categories.BY_KEY[k].rank):
        line = by_key.get(key)
        listed = line.di_daftar if line else 0
        pemda = pemda_by.get(key, 0)
        paid = line.ikut if line else 0
        desa = line.desa if line else 0
        figures = ([format_cell(semula.get(key, 0)), format_cell(desa),
                    selisih_text(desa - semula.get(key, 0))] if perubahan else
                   [format_number(line.orang_bulan if line else 0), format_cell(desa),
                    format_cell(line.potongan if line else 0)])  # fmt: skip
        rows.append([categories.label(key), str(listed), str(paid), str(pemda), *figures])
    total_semula = sum(semula.values())
    figures = ([format_number(total_semula), format_number(sim.desa),
                selisih_text(sim.desa - total_semula)] if perubahan else
               [format_number(sum(line.orang_bulan for line in lines)), format_number(sim.desa),
                format_number(sim.potongan)])  # fmt: skip
    rows.append(["JUMLAH", str(sim.roster_total), str(len(sim.apbdes_persons)),
                 str(len(sim.persons) - len(sim.apbdes_persons)), *figures])  # fmt: skip
    # Each figure column at least as wide as its longest header word ("Orang-bulan" whole).
    least = [max(text_width(w, size, bold=True) + 5 for w in h.split()) for h in header[1:]]
    spare = max(width * 0.78 - sum(least), 0.0)
    widths = [w + spare / len(least) for w in least]
    table = Table(rows, colWidths=[width - sum(widths), *widths], repeatRows=1)
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
    chart.valueAxis.labels.fontSize = 7
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
            f"{mode_label(note.mode)}) yang diterapkan {tanggal_indonesia(note.diterapkan.date())}: "
            f"ditanggung desa {data.simulation.head_count_text}. Tidak ditanggung tahun ini: "
            f"{left_out_text(note)}."
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
        f"Rencana dengan pagu {format_rp(result.pagu)} (mode {mode_label(result.mode)}): terpakai "
        f"{format_rp(result.used)}, sisa {format_rp(result.left)}; biaya menanggung seluruh "
        f"daftar peserta {format_rp(result.cost_full)}. Belum diterapkan: anggaran ini memuat "
        "seluruh daftar peserta."
    )
    return [para("Rencana pertanggungan menurut pagu", "bold", 9), Spacer(1, 1 * mm),
            _tier_table(rows, width, size), Spacer(1, 1 * mm),
            para(summary, "body", size)]  # fmt: skip


def notes(data: AnnexData) -> list[str]:
    """Errors, warnings (an exceeded pagu, who signs) and notes, in that order, as printed."""
    items = [f"Kesalahan: {e}" for e in data.checks.errors]
    items += [f"Peringatan: {w}" for w in data.checks.warnings]
    if data.pagu is not None and data.lines.total > data.pagu:
        items.append(
            f"Peringatan: iuran dibayar desa {format_rp(data.lines.total)} melebihi pagu "
            f"{format_rp(data.pagu)} sebesar {format_rp(data.lines.total - data.pagu)}."
        )
    items += [f"Peringatan: {w}" for w in data.who_signs.warnings]
    ratio = data.checks.ratio
    if ratio is not None:  # the figures the 30 % ceiling used, whether or not it is exceeded
        items.append(
            f"Catatan: batas 30% {ratio.teks_tanpa} tanpa iuran, {ratio.teks_dengan} dengan "
            f"iuran jaminan sosial; penghasilan {format_rp(ratio.penghasilan)} dari "
            f"{ratio.sumber}."
        )
    items += [f"Catatan: {a}" for a in data.simulation.assumptions]
    pemda = [p for p in data.simulation.persons if p.dibayar_oleh == "pemda"]
    if pemda:
        items.append(
            f"Catatan: {len(pemda)} peserta dibiayai Pemerintah Daerah (APBD) sebesar "
            f"{format_rp(data.simulation.pemda)}; tidak dicantumkan dalam daftar nominatif dan "
            f"tidak termasuk belanja desa. {HEAD_COUNT_RULE}"
        )
    if data.plan is not None and data.plan.unpriced:
        items.append(
            f"Catatan: {len(data.plan.unpriced)} orang tanpa dasar upah tidak dihitung dalam rencana."
        )
    if not data.adopted:
        items.append("Catatan: angka rancangan; versi anggaran ini belum ditetapkan.")
    return items


def notes_block(data: AnnexData, limit: int = MAX_NOTES) -> list[Flowable]:
    items = notes(data)
    out: list[Flowable] = [para("Peringatan dan catatan", "bold", 9)]
    if not items:
        return out + [para("Tidak ada peringatan.", "body", 7.5)]
    shown = items[:limit]
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


def _portrait_body(
    data: AnnexData, width: float, chart_mm: float, notes_shown: int
) -> list[Flowable]:
    left = width * 0.6
    chart = month_chart(data, left - 4 * mm, chart_mm * mm)
    program = [Spacer(1, 16), program_table(data, width - left)]
    body: list[Flowable] = [category_table(data, width), Spacer(1, 3 * mm)]
    body += [_columns([chart], program, 0.6, width), Spacer(1, 2 * mm)]
    body += plan_block(data, width)
    return body + [Spacer(1, 2 * mm)] + notes_block(data, notes_shown)


def _landscape_body(
    data: AnnexData, width: float, chart_mm: float, notes_shown: int
) -> list[Flowable]:
    """Landscape: two columns (the persons and the plan at the left, the months, programs and
    notes at the right), so the page needs no shrinking."""
    left, right = width * 0.55, width * 0.45
    first: list[Flowable] = [category_table(data, left - 4 * mm), Spacer(1, 3 * mm)]
    first += plan_block(data, left - 4 * mm)
    second: list[Flowable] = [month_chart(data, right, min(chart_mm, 54.0) * mm)]
    second += [Spacer(1, 2 * mm), program_table(data, right * 0.8), Spacer(1, 2 * mm)]
    second += notes_block(data, notes_shown)
    return [_columns(first, second, 0.55, width)]


def _height(flowables: list[Flowable], width: float, room: float) -> float:
    return float(sum(f.wrap(width, room)[1] for f in flowables))


def ringkasan_story(data: AnnexData, layout: Layout) -> list[Flowable]:
    """One page: the chart gets lower and fewer notes are listed when the page is full; only
    then does the rest go on to a second page. Nothing is shrunk under 7 pt, and a working
    summary carries neither a LAMPIRAN block nor a signature."""
    width = layout.width
    perubahan = "PERUBAHAN " if data.jenis == "perubahan" else ""
    head: list[Flowable] = blocks.heading(data, "ringkasan", width)
    head += blocks.title_block(
        [f"RINGKASAN IURAN BPJS KETENAGAKERJAAN {perubahan}TAHUN ANGGARAN {data.year}",
         title_place(data)], 10.5)  # fmt: skip
    head += [boxes(data, width), Spacer(1, 3 * mm)]
    content: list[Flowable] = []
    tries = ((62.0, MAX_NOTES), (48.0, MAX_NOTES), (48.0, 5), (40.0, 3), (36.0, 1))
    for chart, notes_shown in tries:
        body = (_landscape_body(data, width, chart, notes_shown) if layout.landscape
                else _portrait_body(data, width, chart, notes_shown))  # fmt: skip
        content = head + body
        if _height(content, width, layout.height) <= layout.height - 2:
            break
    return content
