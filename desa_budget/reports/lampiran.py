"""Document 1: the daftar nominatif (Lampiran Perkades on contributions), grouped by category."""

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Spacer

from desa_budget.contributions.results import PersonYear, ProgramAmount
from desa_budget.format import format_cell, format_rp
from desa_budget.reports import blocks, signatures
from desa_budget.reports.blocks import GROUP_FILL, LampiranRef, markup, para
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD, text_width
from desa_budget.reports.page import Layout
from desa_budget.village import categories
from desa_budget.village.identifiers import mask_nik

GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("KEPALA DESA DAN PERANGKAT DESA", categories.APPARATUS),
    ("STAF DESA", frozenset({"staf_desa"})),
    ("BADAN PERMUSYAWARATAN DESA (BPD)", frozenset({"bpd"})),
    ("LEMBAGA KEMASYARAKATAN DESA (LKD)", frozenset({"lkd"})),
    ("KETUA RT/RW", frozenset({"rt_rw"})),
    ("PEKERJA RENTAN", frozenset({"pekerja_rentan"})),
)
HEADER_TOP = ["No", "Nama / NIK", "Jabatan", "Seg", "Dasar Upah", "Iuran per bulan (Rp)",
              "", "", "", "", "", "", "Bln", "Setahun Desa", "Potongan Setahun"]  # fmt: skip
HEADER_SUB = ["JKK", "JKM", "JHT Desa", "JHT Pot.", "JP Desa", "JP Pot.", "Jumlah Desa"]


def _groups(persons: Sequence[PersonYear]) -> list[tuple[str, list[PersonYear]]]:
    out: list[tuple[str, list[PersonYear]]] = []
    placed: set[int] = set()
    for label, keys in GROUPS:
        members = [p for p in persons if p.kategori in keys]
        placed.update(id(p) for p in members)
        if members:
            out.append((label, members))
    rest = [p for p in persons if id(p) not in placed]
    if rest:
        out.append(("LAINNYA", rest))
    return out


def _widths(layout: Layout, rows: Sequence[Sequence[object]]) -> tuple[list[float], float]:
    """Column widths and font size: the largest size (8 to 6 pt) at which the figures of these
    rows fit and leave the name and jabatan columns at least 80 mm; those two share the rest."""
    size = 8.0
    while True:
        widths: list[float] = []
        for col in range(15):
            words = (
                HEADER_TOP[col] + " " + (HEADER_SUB[col - 5] if 5 <= col <= 11 else "")
            ).split()
            widest = max((text_width(w, size, bold=True) for w in words), default=0.0)
            if col not in (1, 2):
                cells = {str(row[col]) for row in rows if isinstance(row[col], str)}
                widest = max([widest] + [text_width(c, size, bold=True) for c in cells])
            widths.append(widest + 4.5)
        rest = layout.width - sum(widths[c] for c in range(15) if c not in (1, 2))
        if rest >= 80 * mm or size <= 6.0:
            spare = max(rest - 120 * mm, 0.0)  # wide paper: give the figures air, not the names
            figures = [c for c in range(15) if c not in (1, 2)]
            for col in figures:
                widths[col] += spare / len(figures)
            widths[1], widths[2] = (rest - spare) * 0.56, (rest - spare) * 0.44
            return widths, size
        size -= 0.25


def _program(person: PersonYear, program: str) -> ProgramAmount:
    last = person.monthly[-1] if person.monthly else None
    return last.programs.get(program, ProgramAmount()) if last else ProgramAmount()


def _varies(person: PersonYear) -> bool:
    return len({(m.desa, m.potongan) for m in person.monthly}) > 1


def _figures(p: PersonYear) -> list[str]:
    """Segmen to potongan setahun: the person's row from column 3 on."""
    last = p.monthly[-1].desa if p.monthly else 0
    jht, jp = _program(p, "JHT"), _program(p, "JP")
    return [
        p.segmen, format_cell(p.dasar_upah), format_cell(_program(p, "JKK").desa),
        format_cell(_program(p, "JKM").desa), format_cell(jht.desa), format_cell(jht.potongan),
        format_cell(jp.desa), format_cell(jp.potongan),
        format_cell(last) + ("*" if _varies(p) else ""), str(len(p.monthly)),
        format_cell(p.desa), format_cell(p.potongan),
    ]  # fmt: skip


def _person_row(n: int, p: PersonYear, size: float, full_nik: bool) -> list[object]:
    nik = p.nik if full_nik else mask_nik(p.nik)
    name = escape(" ".join(p.nama.split()).upper())
    cell = markup(f"{name}<br/><font size={size - 1}>{escape(nik)}</font>", "body", size)
    return [str(n), cell, para(p.jabatan, "body", size), *_figures(p)]


def _sum_row(label: str, persons: Sequence[PersonYear], size: float) -> list[object]:
    row: list[object] = [""] * 15
    row[0] = para(f"{label} ({len(persons)} orang)", "right-bold", size)
    row[13] = format_cell(sum(p.desa for p in persons))
    row[14] = format_cell(sum(p.potongan for p in persons))
    return row


def nominatif_table(
    data: AnnexData, layout: Layout, *, full_nik: bool, closing: Sequence[Flowable] = ()
) -> LongTable:
    persons = data.simulation.apbdes_persons
    sample: list[list[object]] = [[str(len(persons)), "", "", *_figures(p)] for p in persons]
    widths, size = _widths(layout, sample + [_sum_row("", persons, 8.0)])
    header_top: list[object] = [para(t, "center-bold", size) if t else "" for t in HEADER_TOP]
    header_sub: list[object] = [""] * 5 + [para(t, "center-bold", size) for t in HEADER_SUB]
    header_sub += [""] * 3
    rows: list[list[object]] = [header_top, header_sub]
    commands: list[tuple[object, ...]] = []
    for col in (0, 1, 2, 3, 4, 12, 13, 14):
        commands.append(("SPAN", (col, 0), (col, 1)))
    commands += [("SPAN", (5, 0), (11, 0)), ("ALIGN", (4, 2), (-1, -1), "RIGHT"),
                 ("ALIGN", (0, 2), (0, -1), "CENTER"), ("ALIGN", (3, 2), (3, -1), "CENTER"),
                 ("ALIGN", (12, 2), (12, -1), "CENTER")]  # fmt: skip
    number = 0
    for index, (label, members) in enumerate(_groups(persons)):
        letter = chr(ord("A") + index)
        r = len(rows)
        rows.append([para(f"{letter}. {label}", "bold", size)] + [""] * 14)
        commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_FILL),
                     ("NOSPLIT", (0, r), (-1, r + 1))]  # fmt: skip
        for p in members:
            number += 1
            rows.append(_person_row(number, p, size, full_nik))
        r = len(rows)
        rows.append(_sum_row(f"Jumlah {letter}", members, size))
        commands += [("SPAN", (0, r), (12, r)), ("FONT", (13, r), (14, r), BOLD, size)]
    r = len(rows)
    rows.append(_sum_row("JUMLAH TOTAL", persons, size))
    commands += [("SPAN", (0, r), (12, r)), ("FONT", (13, r), (14, r), BOLD, size),
                 ("BACKGROUND", (0, r), (-1, r), blocks.HEADER_FILL)]  # fmt: skip
    return blocks.ruled_table(
        rows, widths, header_rows=2, size=size, commands=commands, closing=closing
    )


def _notes(data: AnnexData, *, full_nik: bool) -> list[str]:
    sim = data.simulation
    varies = any(_varies(p) for p in sim.apbdes_persons)
    notes = [
        "iuran dihitung per orang, per program, per bulan dan dibulatkan ke rupiah terdekat "
        "(setengah rupiah ke atas); jumlah setahun adalah jumlah iuran bulan-bulan yang ditanggung",
        "kolom iuran per bulan memuat iuran bulan terakhir yang ditanggung"
        + (
            "; tanda * menandai peserta yang iuran bulanannya berubah dalam tahun ini (mis. "
            "kenaikan batas upah JP mulai Maret atau JP berhenti pada usia pensiun)"
            if varies
            else ""
        ),
    ]
    if data.jp_ceilings:
        notes.append(data.jp_ceilings)
    notes.append(
        "Potongan adalah iuran pekerja yang dipotong dari penghasilan dan disetor atas nama "
        "peserta; bukan belanja desa dan tidak termasuk jumlah setahun desa"
    )
    notes.append(
        "JKK = Jaminan Kecelakaan Kerja, JKM = Jaminan Kematian, JHT = Jaminan Hari Tua, "
        "JP = Jaminan Pensiun; Seg = segmen kepesertaan (PU penerima upah, BPU bukan penerima "
        "upah); Bln = jumlah bulan ditanggung"
    )
    if not full_nik:
        notes.append("NIK disamarkan untuk melindungi data pribadi")
    if sim.coverage is not None:
        out, partly = len(sim.coverage.not_covered), len(sim.coverage.partly)
        notes.append(
            f"daftar ini memuat peserta yang ditanggung tahun {data.year} menurut rencana "
            f"pertanggungan dengan pagu {format_rp(sim.coverage.pagu)}; {out} orang lain dalam "
            "daftar peserta desa tidak ditanggung tahun ini"
            + (f" dan {partly} orang ditanggung sebagian program (tanda -)" if partly else "")
        )
    pemda = [p for p in sim.persons if p.dibayar_oleh == "pemda"]
    if pemda:
        notes.append(
            f"{len(pemda)} peserta lain dibiayai Pemerintah Daerah (APBD) sebesar "
            f"{format_rp(sim.pemda)} dan tidak dicantumkan dalam daftar ini"
        )
    return [f"{i}. {text[0].upper()}{text[1:]}." for i, text in enumerate(notes, start=1)]


def lampiran_story(
    data: AnnexData, layout: Layout, ref: LampiranRef, *, full_nik: bool
) -> list[Flowable]:
    desa = blocks.desa_upper(data)
    perubahan = " (PERUBAHAN)" if data.jenis == "perubahan" else ""
    reg = blocks.regulation_of(data, ref)
    story: list[Flowable] = blocks.kop(data, layout.width)
    story.append(blocks.lampiran_block(data, ref))
    story += blocks.title_block(
        [
            "DAFTAR NOMINATIF PESERTA DAN BESARAN IURAN BPJS KETENAGAKERJAAN",
            f"DESA {desa} TAHUN ANGGARAN {data.year}{perubahan}",
        ]
    )
    closing: list[Flowable] = [
        blocks.terbilang_line(data.simulation.desa),
        para(
            f"Potongan iuran pekerja setahun {format_rp(data.simulation.potongan)} "
            "(bukan belanja desa).",
            "body",
            8.5,
        ),
        Spacer(1, 1.5 * mm),
        para("Catatan:", "bold", 7.5),
    ]
    closing += [para(note, "body", 7.5) for note in _notes(data, full_nik=full_nik)]
    closing += [Spacer(1, 4 * mm), signatures.signature_table(data, reg, layout.width)]
    story.append(nominatif_table(data, layout, full_nik=full_nik, closing=closing))
    return story
