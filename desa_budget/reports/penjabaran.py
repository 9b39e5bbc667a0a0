"""Document 2: the penjabaran of the social-security part of the APBDes, bidang down to objek."""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Spacer

from desa_budget.budget.lines import BudgetLine
from desa_budget.format import format_cell, format_number, format_rp
from desa_budget.reports import blocks, signatures
from desa_budget.reports.blocks import GROUP_FILL, LampiranRef, indented, para
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD
from desa_budget.reports.page import Layout

HEADER = ["KODE REKENING", "URAIAN", "VOLUME", "SATUAN", "ANGGARAN (Rp)", "SUMBER DANA"]
Tree = dict[str, dict[str, list[BudgetLine]]]  # kegiatan -> kode rekening -> lines


def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 999 for part in code.split("."))


def budget_tree(lines: Sequence[BudgetLine]) -> Tree:
    """Lines by kegiatan, then by objek (kode rekening), both in code order."""
    tree: Tree = {}
    for line in sorted(lines, key=lambda ln: (code_key(ln.kegiatan), code_key(ln.rekening))):
        tree.setdefault(line.kegiatan, {}).setdefault(line.rekening, []).append(line)
    return tree


def parents(kegiatan: str) -> list[str]:
    """ "1.1.03" -> ["1", "1.1", "1.1.03"]."""
    parts = kegiatan.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def kegiatan_name(data: AnnexData, code: str) -> str:
    return data.kegiatan_names.get(code) or f"Kode {code}"


def only_sumber(lines: Sequence[BudgetLine]) -> str:
    found = {line.sumber_dana for line in lines}
    return found.pop() if len(found) == 1 else ""


def _widths(layout: Layout) -> list[float]:
    fixed = [23 * mm, 0.0, 15 * mm, 14 * mm, 27 * mm, 17 * mm]
    fixed[1] = layout.width - sum(fixed)
    return fixed


def penjabaran_table(
    data: AnnexData, layout: Layout, closing: Sequence[Flowable] = ()
) -> LongTable:
    size = 8.5
    tree = budget_tree(data.lines.lines)
    rows: list[list[object]] = [[para(h, "center-bold", size) for h in HEADER]]
    commands: list[tuple[object, ...]] = [("ALIGN", (2, 1), (3, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "RIGHT"),
                 ("ALIGN", (5, 1), (5, -1), "CENTER")]  # fmt: skip
    shown: set[str] = set()
    for kegiatan, objek in tree.items():
        for level, code in enumerate(parents(kegiatan)):
            if code in shown:
                continue
            shown.add(code)
            under = [ln for k, obj in tree.items() if parents(k)[: level + 1] == parents(code)
                     for lines in obj.values() for ln in lines]  # fmt: skip
            name = kegiatan_name(data, code)
            r = len(rows)
            rows.append([code, indented(name.upper() if level == 0 else name, level, bold=True,
                                        size=size), "", "",
                         format_number(sum(ln.jumlah for ln in under)), ""])  # fmt: skip
            commands += [("FONT", (0, r), (-1, r), BOLD, size)]
            if level == 0:
                commands.append(("BACKGROUND", (0, r), (-1, r), GROUP_FILL))
        depth = len(parents(kegiatan))
        for rekening, lines in objek.items():
            r = len(rows)
            name = data.rekening_names.get(rekening) or f"Kode rekening {rekening}"
            rows.append([rekening, indented(name, depth, size=size), "", "",
                         format_number(sum(ln.jumlah for ln in lines)), only_sumber(lines)])  # fmt: skip
            commands.append(("FONT", (4, r), (4, r), BOLD, size))
            for line in lines:
                rows.append(["", indented("– " + line.uraian, depth + 1, size=size),
                             format_number(line.volume), line.satuan, format_cell(line.jumlah),
                             line.sumber_dana])  # fmt: skip
    r = len(rows)
    rows.append(["", para("JUMLAH", "right-bold", size), "", "",
                 format_number(data.lines.total), ""])  # fmt: skip
    commands += [("FONT", (0, r), (-1, r), BOLD, size),
                 ("BACKGROUND", (0, r), (-1, r), blocks.HEADER_FILL)]  # fmt: skip
    return blocks.ruled_table(
        rows, _widths(layout), header_rows=1, size=size, commands=commands, closing=closing
    )


def title_place(data: AnnexData) -> str:
    p = data.profile
    kecamatan = " ".join(p.kecamatan.split()).upper()
    kabupaten = " ".join(p.kabupaten.split()).upper()
    return f"DESA {blocks.desa_upper(data)} KECAMATAN {kecamatan} KABUPATEN {kabupaten}"


def penjabaran_story(data: AnnexData, layout: Layout, ref: LampiranRef) -> list[Flowable]:
    perubahan = "PERUBAHAN " if data.jenis == "perubahan" else ""
    story: list[Flowable] = blocks.kop(data, layout.width)
    story.append(blocks.lampiran_block(data, ref))
    story += blocks.title_block(
        [
            f"PENJABARAN {perubahan}ANGGARAN PENDAPATAN DAN BELANJA DESA",
            "BELANJA JAMINAN SOSIAL KETENAGAKERJAAN",
            title_place(data),
            f"TAHUN ANGGARAN {data.year}",
        ]
    )
    closing: list[Flowable] = [blocks.terbilang_line(data.lines.total)]
    if data.lines.potongan:
        closing.append(
            para(
                f"Iuran pekerja yang dipotong dari penghasilan ({format_rp(data.lines.potongan)}) "
                "disetor atas nama peserta dan tidak termasuk anggaran belanja di atas.",
                "body",
                8.0,
            )
        )
    closing += [
        Spacer(1, 4 * mm),
        signatures.signature_table(data, blocks.regulation_of(data, ref), layout.width),
    ]
    story.append(penjabaran_table(data, layout, closing))
    return story
