"""Document 3: the RAB (rencana anggaran biaya), one per kegiatan carrying iuran lines."""

from collections import Counter
from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, PageBreak, Spacer, Table, TableStyle

from desa_budget.budget.lines import BudgetLine
from desa_budget.contributions.results import PersonYear
from desa_budget.format import MONTH_NAMES, format_cell, format_number, format_rp
from desa_budget.reports import blocks, signatures
from desa_budget.reports.blocks import LampiranRef, indented, para
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD, REGULAR
from desa_budget.reports.page import Layout
from desa_budget.reports.penjabaran import budget_tree, kegiatan_name, parents

HEADER = ["NO / KODE", "URAIAN", "VOLUME", "SATUAN", "HARGA SATUAN (Rp)", "JUMLAH (Rp)"]


def price_groups(line: BudgetLine, persons: Mapping[int, PersonYear]) -> list[tuple[int, int, int]]:
    """(harga per orang-bulan, volume, persons) for a line whose persons pay different amounts.

    Empty when the months do not add up to the line (e.g. an inconsistent old snapshot)."""
    months: Counter[int] = Counter()
    people: dict[int, set[int]] = {}
    for pid in line.person_ids:
        person = persons.get(pid)
        if person is None:
            return []
        for month in person.monthly:
            months[month.desa] += 1
            people.setdefault(month.desa, set()).add(pid)
    groups = [(price, months[price], len(people[price])) for price in sorted(months) if price]
    if sum(price * volume for price, volume, _ in groups) != line.jumlah:
        return []
    return groups


def _strip(name: str, prefix: str) -> str:
    return name[len(prefix) :] if name.lower().startswith(prefix.lower()) else name


def waktu_pelaksanaan(months: set[int], year: int) -> str:
    if not months:
        return "-"
    first, last = min(months), max(months)
    if first == last:
        return f"{MONTH_NAMES[first - 1]} {year}"
    return f"{MONTH_NAMES[first - 1]} – {MONTH_NAMES[last - 1]} {year}"


def _header(data: AnnexData, kegiatan: str, lines: Sequence[BudgetLine], width: float) -> Table:
    persons = {p.person_id: p for p in data.simulation.persons}
    ids = {pid for line in lines for pid in line.person_ids}
    months = {m.month for pid in ids if pid in persons for m in persons[pid].monthly}
    codes = parents(kegiatan)
    bidang, sub = codes[0], codes[1] if len(codes) > 2 else codes[0]
    size = 9.0
    fields = [
        ("1.", "Bidang", f"{bidang} {_strip(kegiatan_name(data, bidang), 'Bidang ')}"),
        ("2.", "Sub Bidang", f"{sub} {_strip(kegiatan_name(data, sub), 'Sub Bidang ')}"),
        ("3.", "Kegiatan", f"{kegiatan} {kegiatan_name(data, kegiatan)}"),
        ("4.", "Waktu Pelaksanaan", waktu_pelaksanaan(months, data.year)),
        ("5.", "Keluaran", f"{len(ids)} orang terlindungi jaminan sosial ketenagakerjaan"),
    ]
    p = data.profile
    place = Table(
        [[para(f"Desa: {p.nama_desa}", "body", size), para(f"Kecamatan: {p.kecamatan}", "center", size),
          para(f"Tahun Anggaran: {data.year}", "right", size)]],
        colWidths=[width / 3] * 3,
    )  # fmt: skip
    place.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    rows: list[list[object]] = [[place, "", "", ""]]
    rows += [
        [n, para(label, "body", size), ":", para(value, "body", size)] for n, label, value in fields
    ]
    table = Table(rows, colWidths=[7 * mm, 32 * mm, 4 * mm, width - 43 * mm])
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
    fixed = [22 * mm, 0.0, 15 * mm, 14 * mm, 25 * mm, 27 * mm]
    fixed[1] = layout.width - sum(fixed)
    return fixed


def rab_table(
    data: AnnexData,
    objek: Mapping[str, Sequence[BudgetLine]],
    layout: Layout,
    closing: Sequence[Flowable] = (),
) -> LongTable:
    size = 8.5
    persons = {p.person_id: p for p in data.simulation.persons}
    rows: list[list[object]] = [[para(h, "center-bold", size) for h in HEADER]]
    commands: list[tuple[object, ...]] = [
        ("ALIGN", (2, 1), (3, -1), "CENTER"),
        ("ALIGN", (4, 1), (5, -1), "RIGHT"),
    ]
    for rekening, lines in objek.items():
        r = len(rows)
        name = data.rekening_names.get(rekening) or f"Kode rekening {rekening}"
        rows.append([rekening, indented(name, 0, bold=True, size=size), "", "", "",
                     format_number(sum(ln.jumlah for ln in lines))])  # fmt: skip
        commands.append(("FONT", (0, r), (-1, r), BOLD, size))
        for number, line in enumerate(lines, start=1):
            text = f"{line.uraian} ({len(line.person_ids)} orang)"
            if line.harga_satuan is not None:
                rows.append([str(number), indented(text, 1, size=size), format_number(line.volume),
                             line.satuan, format_cell(line.harga_satuan), format_cell(line.jumlah)])  # fmt: skip
                continue
            rows.append([str(number), indented(text, 1, size=size), format_number(line.volume),
                         line.satuan, "", format_cell(line.jumlah)])  # fmt: skip
            for price, volume, count in price_groups(line, persons):
                rows.append(["", indented(f"– tarif {format_rp(price)} per orang-bulan ({count} orang)",
                                          2, size=size - 0.5),
                             format_number(volume), line.satuan, format_cell(price),
                             format_cell(price * volume)])  # fmt: skip
    total = sum(ln.jumlah for lines in objek.values() for ln in lines)
    r = len(rows)
    rows.append(["", para("JUMLAH", "right-bold", size), "", "", "", format_number(total)])
    commands += [("FONT", (0, r), (-1, r), BOLD, size),
                 ("BACKGROUND", (0, r), (-1, r), blocks.HEADER_FILL)]  # fmt: skip
    return blocks.ruled_table(
        rows, _widths(layout), header_rows=1, size=size, commands=commands, closing=closing
    )


def rab_story(data: AnnexData, layout: Layout, ref: LampiranRef) -> list[Flowable]:
    """One RAB per kegiatan, each starting on its own page with the kop."""
    story: list[Flowable] = []
    reg = blocks.regulation_of(data, ref)
    perubahan = " PERUBAHAN" if data.jenis == "perubahan" else ""
    for index, (kegiatan, objek) in enumerate(budget_tree(data.lines.lines).items()):
        if index:
            story.append(PageBreak())
        story += blocks.kop(data, layout.width)
        story.append(blocks.lampiran_block(data, ref))
        story += blocks.title_block([f"RENCANA ANGGARAN BIAYA (RAB){perubahan}"], 12)
        lines = [ln for group in objek.values() for ln in group]
        story.append(_header(data, kegiatan, lines, layout.width))
        story.append(Spacer(1, 2 * mm))
        closing = [
            blocks.terbilang_line(sum(ln.jumlah for ln in lines)),
            Spacer(1, 5 * mm),
            signatures.rab_signatures(data, reg, layout.width),
        ]
        story.append(rab_table(data, objek, layout, closing))
    return story
