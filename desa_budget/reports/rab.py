"""Document 3: the RAB (rencana anggaran biaya), one per kegiatan carrying iuran lines.

The RAB is the pelaksana kegiatan's document: by default it carries no LAMPIRAN block, and each
kegiatan's RAB numbers its own pages. A perubahan prints Semula and Menjadi (rab_perubahan.py)."""

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from desa_budget.budget.codes.notation import show_code
from desa_budget.budget.rab_rows import line_rows
from desa_budget.format import MONTH_NAMES, format_cell, format_number, format_rp
from desa_budget.reports import blocks, signatures
from desa_budget.reports.blocks import indented, markup, para
from desa_budget.reports.compare import Marks, Pair, error_marks, pairs, tree
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD, REGULAR, text_width
from desa_budget.reports.page import DocumentStart, Layout
from desa_budget.reports.penjabaran import error_box, kegiatan_name, parents
from desa_budget.reports.rab_perubahan import rab_perubahan_table
from desa_budget.village.names import bare_kecamatan

HEADER = ["NO / KODE", "URAIAN", "VOLUME", "SATUAN", "HARGA SATUAN (Rp)", "JUMLAH (Rp)",
          "SUMBER DANA"]  # fmt: skip
SIZE = 8.5


def _strip(name: str, prefix: str) -> str:
    return name[len(prefix) :] if name.lower().startswith(prefix.lower()) else name


def waktu_pelaksanaan(months: set[int], year: int) -> str:
    if not months:
        return "-"
    first, last = min(months), max(months)
    if first == last:
        return f"{MONTH_NAMES[first - 1]} {year}"
    return f"{MONTH_NAMES[first - 1]} – {MONTH_NAMES[last - 1]} {year}"


def _keluaran(data: AnnexData, rows: Sequence[Pair]) -> str:
    new = {pid for p in rows if p.menjadi for pid in p.menjadi.person_ids}
    text = f"{len(new)} orang terlindungi jaminan sosial ketenagakerjaan"
    if data.semula is None:
        return text
    old = {pid for p in rows if p.semula for pid in p.semula.person_ids}
    return f"{text} (semula {len(old)} orang)"


def _header(
    data: AnnexData, kegiatan: str, rows: Sequence[Pair], width: float, notation: str
) -> Table:
    persons = {p.person_id: p for p in data.simulation.persons}
    ids = {pid for p in rows if p.menjadi for pid in p.menjadi.person_ids}
    months = {m.month for pid in ids if pid in persons for m in persons[pid].monthly}
    codes = parents(kegiatan)
    bidang, sub = codes[0], codes[1] if len(codes) > 2 else codes[0]
    size = 9.0

    def code(c: str) -> str:
        return show_code("kegiatan", c, notation)

    fields = [
        ("1.", "Bidang", f"{code(bidang)} {_strip(kegiatan_name(data, bidang), 'Bidang ')}"),
        ("2.", "Sub Bidang", f"{code(sub)} {_strip(kegiatan_name(data, sub), 'Sub Bidang ')}"),
        ("3.", "Kegiatan", f"{code(kegiatan)} {kegiatan_name(data, kegiatan)}"),
        ("4.", "Waktu Pelaksanaan", waktu_pelaksanaan(months, data.year)),
        ("5.", "Keluaran", _keluaran(data, rows)),
    ]
    p = data.profile
    # One paragraph that wraps between its parts, never inside "Tahun Anggaran: 2026".
    place = markup(
        "&nbsp;&nbsp;&nbsp;&nbsp; ".join(
            f"{label}:&nbsp;{escape(value)}".replace(" ", "&nbsp;") if label == "Tahun Anggaran"
            else f"{label}: {escape(value)}"
            for label, value in (("Desa", " ".join(p.nama_desa.split())),
                                 ("Kecamatan", bare_kecamatan(p.kecamatan)),
                                 ("Tahun Anggaran", str(data.year)))
        ),
        "body", size,
    )  # fmt: skip
    table_rows: list[list[object]] = [[place, "", "", ""]]
    table_rows += [
        [n, para(label, "body", size), ":", para(value, "body", size)] for n, label, value in fields
    ]
    table = Table(table_rows, colWidths=[7 * mm, 32 * mm, 4 * mm, width - 43 * mm])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("FONT", (0, 0), (-1, -1), REGULAR, size),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ]
        )
    )
    return table


def _widths(layout: Layout) -> list[float]:
    """Each figure column as wide as its longest header word (VOLUME, SATUAN never break)."""
    least = [20 * mm, 0.0, 14 * mm, 12 * mm, 23 * mm, 24 * mm, 15 * mm]
    fixed = [
        max(low, *(text_width(w, SIZE, bold=True) + 5 for w in HEADER[i].split())) if i != 1 else 0
        for i, low in enumerate(least)
    ]
    fixed[1] = layout.width - sum(fixed)
    return fixed


def rab_table(
    data: AnnexData,
    objek: dict[str, list[Pair]],
    layout: Layout,
    closing: Sequence[Flowable] = (),
    *,
    notation: str = "app",
    marks: Marks | None = None,
) -> Flowable:
    marks = marks or error_marks(data)
    rows: list[list[object]] = [[para(h, "center-bold", SIZE) for h in HEADER]]
    commands: list[tuple[object, ...]] = [
        ("ALIGN", (2, 1), (3, -1), "CENTER"),
        ("ALIGN", (4, 1), (5, -1), "RIGHT"),
        ("ALIGN", (6, 1), (6, -1), "CENTER"),
    ]
    for rekening, group in objek.items():
        r = len(rows)
        name = data.rekening_names.get(rekening) or f"Kode rekening {rekening}"
        sumber = {p.sumber_dana for p in group}
        rows.append([show_code("rekening", rekening, notation),
                     indented(name, 0, bold=True, size=SIZE), "", "", "",
                     format_number(sum(p.new for p in group)),
                     sumber.pop() if len(sumber) == 1 else ""])  # fmt: skip
        commands.append(("FONT", (0, r), (-1, r), BOLD, SIZE))
        for number, pair in enumerate(group, start=1):
            line = pair.line
            text = f"{line.uraian} ({len(line.person_ids)} orang)"
            mark = marks.of(pair.menjadi)
            price = line.harga_satuan
            rows.append([str(number), indented(text, 1, size=SIZE, mark=mark),
                         format_number(line.volume), line.satuan,
                         format_cell(price) if price is not None else "",
                         format_cell(line.jumlah), line.sumber_dana])  # fmt: skip
            if price is not None:
                continue
            for group_row in line_rows(line, data.simulation):
                rows.append(["", indented(f"– tarif {format_rp(group_row.harga_satuan)} per "
                                          f"orang-bulan ({group_row.persons} orang)", 2, size=7.5),
                             format_number(group_row.volume), line.satuan,
                             format_cell(group_row.harga_satuan), format_cell(group_row.jumlah),
                             ""])  # fmt: skip
    total = sum(p.new for group in objek.values() for p in group)
    r = len(rows)
    rows.append(["", para("JUMLAH", "right-bold", SIZE), "", "", "", format_number(total), ""])
    commands += [("FONT", (0, r), (-1, r), BOLD, SIZE),
                 ("BACKGROUND", (0, r), (-1, r), blocks.HEADER_FILL)]  # fmt: skip
    return blocks.ruled_table(
        rows, _widths(layout), header_rows=1, size=SIZE, commands=commands, closing=closing
    )


def rab_story(data: AnnexData, layout: Layout, *, notation: str = "app") -> list[Flowable]:
    """One RAB per kegiatan, each starting on its own page with the kop, numbered on its own."""
    story: list[Flowable] = []
    perubahan = " PERUBAHAN" if data.jenis == "perubahan" else ""
    marks = error_marks(data)
    for index, (kegiatan, objek) in enumerate(tree(pairs(data)).items()):
        if index:
            story += [PageBreak(), DocumentStart()]
        story += blocks.heading(data, "rab", layout.width)
        story += blocks.title_block([f"RENCANA ANGGARAN BIAYA (RAB){perubahan}"], 12)
        rows = [p for group in objek.values() for p in group]
        story.append(_header(data, kegiatan, rows, layout.width, notation))
        story.append(Spacer(1, 2 * mm))
        kegiatan_marks = Marks(marks.errors, {k: v for k, v in marks.by_line.items()
                                              if k.split("|")[0] == kegiatan})  # fmt: skip
        used = sorted({n for v in kegiatan_marks.by_line.values() for n in v})
        shown = Marks(tuple(marks.errors[n - 1] for n in used), {})
        story += error_box(data, shown, layout.width)
        closing = [blocks.terbilang_line(sum(p.new for p in rows))]
        closing += [para(f"[!{n}] {marks.errors[n - 1]}", "body", 8.0) for n in used]
        closing += [Spacer(1, 5 * mm), signatures.rab_signatures(data, kegiatan, layout.width)]
        if data.semula is not None:
            table = rab_perubahan_table(data, objek, layout, closing, notation=notation,
                                        marks=kegiatan_marks)  # fmt: skip
        else:
            table = rab_table(data, objek, layout, closing, notation=notation,
                              marks=kegiatan_marks)  # fmt: skip
        story.append(table)
    return story
