"""The RAB table of a perubahan: each line's Semula (the adopted murni) and Menjadi, volume × harga
satuan = jumlah on both sides, and Bertambah (Berkurang). Landscape by default; on a narrow page
the Semula side keeps only its jumlah."""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desa_budget.budget.codes.notation import show_code
from desa_budget.budget.lines import BudgetLine
from desa_budget.budget.rab_rows import line_rows
from desa_budget.format import format_cell, format_number, format_rp
from desa_budget.reports import blocks
from desa_budget.reports.blocks import indented, para
from desa_budget.reports.compare import Marks, Pair, selisih_text
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD
from desa_budget.reports.page import Layout

SIZE = 8.0


def _side(line: BudgetLine | None, full: bool) -> list[str]:
    """Volume, harga satuan and jumlah of one side ("-" when the line is not there)."""
    if line is None:
        return ["-", "", "-"] if full else ["-"]
    price = format_cell(line.harga_satuan) if line.harga_satuan is not None else ""
    volume = f"{format_number(line.volume)} {line.satuan}"
    return [volume, price, format_cell(line.jumlah)] if full else [format_cell(line.jumlah)]


def rab_perubahan_table(
    data: AnnexData,
    objek: dict[str, list[Pair]],
    layout: Layout,
    closing: Sequence[Flowable] = (),
    *,
    notation: str = "app",
    marks: Marks,
) -> Flowable:
    full = layout.landscape  # room for the Semula volume and harga satuan
    semula = ["VOLUME", "HARGA SATUAN", "JUMLAH"] if full else ["JUMLAH"]
    top = ["NO / KODE", "URAIAN", "SUMBER DANA", "SEMULA (Rp)", *[""] * (len(semula) - 1),
           "MENJADI (Rp)", "", "", "BERTAMBAH (BERKURANG) (Rp)"]  # fmt: skip
    sub = ["", "", "", *semula, "VOLUME", "HARGA SATUAN", "JUMLAH", ""]
    n = len(top)
    s0, m0 = 3, 3 + len(semula)
    rows: list[list[object]] = [
        [para(t, "center-bold", SIZE) if t else "" for t in top],
        [para(t, "center-bold", SIZE) if t else "" for t in sub],
    ]
    commands: list[tuple[object, ...]] = [
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
        ("SPAN", (s0, 0), (m0 - 1, 0)), ("SPAN", (m0, 0), (m0 + 2, 0)), ("SPAN", (n - 1, 0), (n - 1, 1)),
        ("ALIGN", (2, 2), (2, -1), "CENTER"), ("ALIGN", (3, 2), (-1, -1), "RIGHT"),
    ]  # fmt: skip
    for rekening, group in objek.items():
        r = len(rows)
        name = data.rekening_names.get(rekening) or f"Kode rekening {rekening}"
        old, new = sum(p.old for p in group), sum(p.new for p in group)
        rows.append([show_code("rekening", rekening, notation), indented(name, 0, bold=True, size=SIZE),
                     "", *[""] * (len(semula) - 1), format_number(old), "", "",
                     format_number(new), selisih_text(new - old)])  # fmt: skip
        commands.append(("FONT", (0, r), (-1, r), BOLD, SIZE))
        for number, pair in enumerate(group, start=1):
            text = f"{pair.line.uraian} ({len(pair.line.person_ids)} orang)"
            rows.append([str(number), indented(text, 1, size=SIZE, mark=marks.of(pair.menjadi)),
                         pair.sumber_dana, *_side(pair.semula, full), *_side(pair.menjadi, True),
                         selisih_text(pair.new - pair.old)])  # fmt: skip
            if pair.menjadi is None or pair.menjadi.harga_satuan is not None:
                continue
            for g in line_rows(pair.menjadi, data.simulation):
                rows.append(["", indented(f"– tarif {format_rp(g.harga_satuan)} per orang-bulan "
                                          f"({g.persons} orang)", 2, size=7.5),
                             "", *[""] * len(semula),
                             f"{format_number(g.volume)} {pair.menjadi.satuan}",
                             format_cell(g.harga_satuan), format_cell(g.jumlah), ""])  # fmt: skip
    every = [p for group in objek.values() for p in group]
    old, new = sum(p.old for p in every), sum(p.new for p in every)
    r = len(rows)
    rows.append(["", para("JUMLAH", "right-bold", SIZE), "", *[""] * (len(semula) - 1),
                 format_number(old), "", "", format_number(new), selisih_text(new - old)])  # fmt: skip
    commands += [("FONT", (0, r), (-1, r), BOLD, SIZE),
                 ("BACKGROUND", (0, r), (-1, r), blocks.HEADER_FILL)]  # fmt: skip
    fixed = [18 * mm, 0.0, 16 * mm] + ([16 * mm, 19 * mm, 21 * mm] if full else [21 * mm])
    fixed += [16 * mm, 19 * mm, 21 * mm, 22 * mm]
    fixed[1] = layout.width - sum(fixed)
    return blocks.ruled_table(
        rows, fixed, header_rows=2, size=SIZE, commands=commands, closing=closing
    )
