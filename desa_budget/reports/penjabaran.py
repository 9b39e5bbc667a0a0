"""Document 2: the penjabaran of the social-security part of the APBDes, bidang down to objek.

A perubahan prints Semula / Menjadi / Bertambah (Berkurang) as Siskeudes does; an error the checks
find is marked on its line ([!1]) and spelled out under the table."""

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desa_budget.budget.codes.notation import show_code
from desa_budget.format import format_cell, format_number, format_rp
from desa_budget.reports import blocks, signatures
from desa_budget.reports.blocks import GROUP_FILL, indented, markup, para
from desa_budget.reports.compare import Marks, Pair, error_marks, pairs, selisih_text, tree
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD
from desa_budget.reports.page import Layout

HEADER = ["KODE REKENING", "URAIAN", "VOLUME", "SATUAN", "ANGGARAN (Rp)", "SUMBER DANA"]
HEADER_PERUBAHAN = ["KODE REKENING", "URAIAN", "SEMULA (Rp)", "MENJADI (Rp)",
                    "BERTAMBAH (BERKURANG) (Rp)", "SUMBER DANA"]  # fmt: skip
SIZE = 8.5


def parents(kegiatan: str) -> list[str]:
    """ "1.1.03" -> ["1", "1.1", "1.1.03"]."""
    parts = kegiatan.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def kegiatan_name(data: AnnexData, code: str) -> str:
    return data.kegiatan_names.get(code) or f"Kode {code}"


def only_sumber(rows: Sequence[Pair]) -> str:
    found = {row.sumber_dana for row in rows}
    return found.pop() if len(found) == 1 else ""


def _widths(layout: Layout, perubahan: bool) -> list[float]:
    fixed = (
        [23 * mm, 0.0, 24 * mm, 24 * mm, 26 * mm, 15 * mm]
        if perubahan
        else [23 * mm, 0.0, 15 * mm, 14 * mm, 27 * mm, 17 * mm]
    )
    fixed[1] = layout.width - sum(fixed)
    return fixed


def _amounts(rows: Sequence[Pair], perubahan: bool) -> list[str]:
    """The figures of a heading row (the volume and satuan cells empty in a murni)."""
    new = sum(r.new for r in rows)
    if perubahan:
        old = sum(r.old for r in rows)
        return [format_number(old), format_number(new), selisih_text(new - old)]
    return ["", "", format_number(new)]


def _uraian(text: str, level: int, mark: str, *, bold: bool = False) -> Flowable:
    return indented(text, level, bold=bold, size=SIZE, mark=mark)


def _detail(pair: Pair, perubahan: bool, mark: str, depth: int) -> list[object]:
    line = pair.line
    if not perubahan:
        return ["", _uraian("– " + line.uraian, depth + 1, mark), format_number(line.volume),
                line.satuan, format_cell(line.jumlah), line.sumber_dana]  # fmt: skip
    new_vol = pair.menjadi.volume if pair.menjadi else 0
    old_vol = pair.semula.volume if pair.semula else 0
    volume = (
        f"{format_number(new_vol)} {line.satuan}"
        if new_vol == old_vol
        else f"semula {format_number(old_vol)}, menjadi {format_number(new_vol)} {line.satuan}"
    )
    return ["", _uraian(f"– {line.uraian} ({volume})", depth + 1, mark),
            format_cell(pair.old), format_cell(pair.new), selisih_text(pair.new - pair.old),
            line.sumber_dana]  # fmt: skip


def penjabaran_table(
    data: AnnexData,
    layout: Layout,
    closing: Sequence[Flowable] = (),
    *,
    notation: str = "app",
    marks: Marks | None = None,
) -> Flowable:
    perubahan = data.semula is not None
    marks = marks or error_marks(data)
    rows_by = tree(pairs(data))
    every = [p for objek in rows_by.values() for group in objek.values() for p in group]
    header = HEADER_PERUBAHAN if perubahan else HEADER
    rows: list[list[object]] = [[para(h, "center-bold", SIZE) for h in header]]
    figure_cols = (2, 4) if perubahan else (4, 4)
    commands: list[tuple[object, ...]] = [
        ("ALIGN", (figure_cols[0], 1), (figure_cols[1], -1), "RIGHT"),
        ("ALIGN", (5, 1), (5, -1), "CENTER"),
    ]
    if not perubahan:
        commands.append(("ALIGN", (2, 1), (3, -1), "CENTER"))
    shown: set[str] = set()
    for kegiatan, objek in rows_by.items():
        for level, code in enumerate(parents(kegiatan)):
            if code in shown:
                continue
            shown.add(code)
            under = [p for p in every if parents(p.kegiatan)[: level + 1] == parents(code)]
            name = kegiatan_name(data, code)
            r = len(rows)
            rows.append([show_code("kegiatan", code, notation),
                         indented(name.upper() if level == 0 else name, level, bold=True, size=SIZE),
                         *_amounts(under, perubahan), ""])  # fmt: skip
            commands.append(("FONT", (0, r), (-1, r), BOLD, SIZE))
            if level == 0:
                commands.append(("BACKGROUND", (0, r), (-1, r), GROUP_FILL))
        depth = len(parents(kegiatan))
        for rekening, group in objek.items():
            r = len(rows)
            name = data.rekening_names.get(rekening) or f"Kode rekening {rekening}"
            mark = " ".join(m for m in (marks.of(p.menjadi) for p in group) if m)
            rows.append([show_code("rekening", rekening, notation), _uraian(name, depth, mark),
                         *_amounts(group, perubahan), only_sumber(group)])  # fmt: skip
            commands.append(("FONT", (2, r), (4, r), BOLD, SIZE))
            for pair in group:
                if marks.of(pair.menjadi):
                    commands.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), MARK_FILL))
                rows.append(_detail(pair, perubahan, marks.of(pair.menjadi), depth))
    r = len(rows)
    rows.append(["", para("JUMLAH", "right-bold", SIZE), *_amounts(every, perubahan), ""])
    commands += [("FONT", (0, r), (-1, r), BOLD, SIZE),
                 ("BACKGROUND", (0, r), (-1, r), blocks.HEADER_FILL)]  # fmt: skip
    return blocks.ruled_table(
        rows, _widths(layout, perubahan), header_rows=1, size=SIZE, commands=commands,
        closing=closing,
    )  # fmt: skip


MARK_FILL = colors.HexColor("#FFE4E1")


def error_box(data: AnnexData, marks: Marks, width: float) -> list[Flowable]:
    """A framed warning above the table when the version has errors: the camat sees them."""
    if not marks.errors:
        return []
    what = "Rancangan ini" if not data.adopted else "Versi ini"
    text = (
        f"<b>PERHATIAN: {what} memuat {len(marks.errors)} kesalahan anggaran</b> yang harus "
        "diperbaiki sebelum ditetapkan; baris yang salah bertanda [!n] dan diuraikan di bawah "
        "tabel."
    )
    box = Table([[markup(text, "body", 8.5)]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                             ("BACKGROUND", (0, 0), (-1, -1), MARK_FILL),
                             ("TOPPADDING", (0, 0), (-1, -1), 3),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))  # fmt: skip
    return [box, Spacer(1, 2 * mm)]


def error_notes(marks: Marks) -> list[Flowable]:
    if not marks.errors:
        return []
    out: list[Flowable] = [Spacer(1, 1.5 * mm), para("Kesalahan anggaran:", "bold", 8.0)]
    out += [para(f"[!{n}] {text}", "body", 8.0) for n, text in enumerate(marks.errors, start=1)]
    return out


def title_place(data: AnnexData) -> str:
    p = data.profile
    kecamatan = blocks.prefixed(p.kecamatan, "KECAMATAN", ("DISTRIK",))
    kabupaten = blocks.prefixed(p.kabupaten, "KABUPATEN", ("KOTA",))
    return f"DESA {blocks.desa_upper(data)} {kecamatan} {kabupaten}"


def penjabaran_story(data: AnnexData, layout: Layout, *, notation: str = "app") -> list[Flowable]:
    perubahan = "PERUBAHAN " if data.jenis == "perubahan" else ""
    marks = error_marks(data)
    story: list[Flowable] = blocks.heading(data, "penjabaran", layout.width)
    story += blocks.title_block(
        [
            f"PENJABARAN {perubahan}ANGGARAN PENDAPATAN DAN BELANJA DESA",
            "BELANJA JAMINAN SOSIAL KETENAGAKERJAAN",
            title_place(data),
            f"TAHUN ANGGARAN {data.year}",
        ]
    )
    story += error_box(data, marks, layout.width)
    closing: list[Flowable] = [blocks.terbilang_line(data.lines.total)]
    if data.lines.potongan:
        closing.append(
            para(
                "Iuran pekerja yang dipotong dari penghasilan atau dibayar sendiri oleh peserta "
                f"BPU ({format_rp(data.lines.potongan)}) disetor atas nama peserta dan tidak "
                "termasuk anggaran belanja di atas.",
                "body",
                8.0,
            )
        )
    closing += error_notes(marks)
    closing += [Spacer(1, 4 * mm), signatures.signature_table(data, "penjabaran", layout.width)]
    story.append(penjabaran_table(data, layout, closing, notation=notation, marks=marks))
    return story
