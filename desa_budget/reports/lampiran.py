"""Document 1: the daftar nominatif (Lampiran Perkades on contributions), grouped by category.

Landscape pages take one column per program share; a narrow (portrait) page stacks the desa and
withheld shares and the jabatan under the name, so no text is set under 7 pt."""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desa_budget.contributions.amounts import no_birth_date_note
from desa_budget.contributions.results import (
    HEAD_COUNT_RULE,
    ROUNDING_RULE,
    PersonYear,
    ProgramAmount,
)
from desa_budget.format import format_cell, format_rp
from desa_budget.reports import blocks, signatures
from desa_budget.reports.blocks import GROUP_FILL, filled, line, para
from desa_budget.reports.data import AnnexData
from desa_budget.reports.fonts import BOLD, text_width
from desa_budget.reports.page import Layout
from desa_budget.roster.completeness import NOT_FILLED, printed_nik
from desa_budget.village import categories
from desa_budget.village.names import official_name

GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("KEPALA DESA DAN PERANGKAT DESA", categories.APPARATUS),
    ("STAF DESA", frozenset({"staf_desa"})),
    ("BADAN PERMUSYAWARATAN DESA (BPD)", frozenset({"bpd"})),
    ("LEMBAGA KEMASYARAKATAN DESA (LKD)", frozenset({"lkd"})),
    ("KETUA RT/RW", frozenset({"rt_rw"})),
    ("PEKERJA RENTAN", frozenset({"pekerja_rentan"})),
)
MIN_SIZE = 7.0  # no text of the document is set smaller
WIDE_TOP = ["No", "Nama / NIK", "Jabatan", "Seg", "Dasar Upah", "Iuran per bulan (Rp)",
            "", "", "", "", "", "", "Bln", "Setahun Desa", "Potongan Setahun"]  # fmt: skip
WIDE_SUB = ["", "", "", "", "", "JKK", "JKM", "JHT Desa", "JHT Pot.", "JP Desa", "JP Pot.",
            "Jumlah Desa", "", "", ""]  # fmt: skip
COMPACT_TOP = ["No", "Nama / NIK / Jabatan", "Seg", "Dasar Upah", "Iuran per bulan (Rp)",
               "", "", "", "", "Bln", "Setahun Desa", "Potongan Setahun"]  # fmt: skip
COMPACT_SUB = ["", "", "", "", "JKK", "JKM", "JHT Desa / Pot.", "JP Desa / Pot.", "Jumlah Desa",
               "", "", ""]  # fmt: skip
KEEP_WITH_TOTALS = 4  # rows of figures kept on the last page with the totals and signature


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


def _program(person: PersonYear, program: str) -> ProgramAmount:
    last = person.monthly[-1] if person.monthly else None
    return last.programs.get(program, ProgramAmount()) if last else ProgramAmount()


def _varies(person: PersonYear) -> bool:
    return len({(m.desa, m.potongan) for m in person.monthly}) > 1


def _figures(p: PersonYear, compact: bool) -> list[str]:
    """Segmen to potongan setahun: the person's row after the name (and jabatan) columns."""
    last = p.monthly[-1].desa if p.monthly else 0
    jht, jp = _program(p, "JHT"), _program(p, "JP")
    shares = (
        [f"{format_cell(jht.desa)}\n{format_cell(jht.potongan)}",
         f"{format_cell(jp.desa)}\n{format_cell(jp.potongan)}"]
        if compact
        else [format_cell(jht.desa), format_cell(jht.potongan), format_cell(jp.desa),
              format_cell(jp.potongan)]
    )  # fmt: skip
    return [
        p.segmen, format_cell(p.dasar_upah), format_cell(_program(p, "JKK").desa),
        format_cell(_program(p, "JKM").desa), *shares,
        format_cell(last) + ("*" if _varies(p) else ""), str(len(p.monthly)),
        format_cell(p.desa), format_cell(p.potongan),
    ]  # fmt: skip


def _widths(
    layout: Layout, rows: Sequence[Sequence[str]], compact: bool
) -> tuple[list[float], float] | None:
    """Column widths and font size: the largest size (8 to 7 pt) at which the figures fit and
    leave the names at least 80 mm (wide) or 45 mm (compact). None when the wide columns do
    not fit at 7 pt; the compact ones always come back (at 7 pt the names take what is left)."""
    top, sub = (COMPACT_TOP, COMPACT_SUB) if compact else (WIDE_TOP, WIDE_SUB)
    names = (1,) if compact else (1, 2)
    least = (45 if compact else 80) * mm
    size = 8.0
    while size >= MIN_SIZE:
        widths: list[float] = []
        for col in range(len(top)):
            words = f"{top[col]} {sub[col]}".split()
            widest = max((text_width(w, size, bold=True) for w in words), default=0.0)
            if col not in names:
                cells = {line for row in rows for line in str(row[col]).split("\n")}
                widest = max([widest] + [text_width(c, size, bold=True) for c in cells])
            widths.append(widest + 4.5)
        rest = layout.width - sum(w for c, w in enumerate(widths) if c not in names)
        if rest >= least or (compact and size - 0.25 < MIN_SIZE):
            spare = max(rest - 120 * mm, 0.0)  # wide paper: give the figures air, not the names
            figures = [c for c in range(len(top)) if c not in names]
            for col in figures:
                widths[col] += spare / len(figures)
            if compact:
                widths[1] = rest - spare
            else:
                widths[1], widths[2] = (rest - spare) * 0.56, (rest - spare) * 0.44
            return widths, size
        size -= 0.25
    return None


def _person_row(
    n: int,
    p: PersonYear,
    size: float,
    full_nik: bool,
    compact: bool,
    shown: Sequence[str],
    room: float = 0.0,
) -> list[object]:
    """The person's cells; ``shown`` their figures (:func:`_figures`); ``room`` the jabatan
    column's width inside its padding."""
    nik = printed_nik(p.nik, full=full_nik) if p.nik else f"NIK {NOT_FILLED}"  # under the name
    small = max(size - 1, MIN_SIZE)
    text = f"<b>{{0}}</b><br/><font size={small}>{{1}}</font>"
    figures: list[object] = [
        filled(
            "<br/>".join(f"{{{i}}}" for i in range(f.count("\n") + 1)), f.split("\n"), "right", size
        )
        if "\n" in f
        else f
        for f in shown
    ]
    name = official_name(p.nama)
    if compact:
        cell = filled(f"{text}<br/>{{2}}", (name, nik, p.jabatan), "body", size)
        return [str(n), cell, *figures]
    return [
        str(n),
        filled(text, (name, nik), "body", size),
        line(p.jabatan, room, size),
        *figures,
    ]


def _sum_row(label: str, persons: Sequence[PersonYear], size: float, columns: int) -> list[object]:
    row: list[object] = [""] * columns
    row[0] = para(f"{label} ({len(persons)} orang)", "right-bold", size)
    row[-2] = format_cell(sum(p.desa for p in persons))
    row[-1] = format_cell(sum(p.potongan for p in persons))
    return row


def nominatif_table(
    data: AnnexData, layout: Layout, *, full_nik: bool, closing: Sequence[Flowable] = ()
) -> Flowable:
    persons = data.simulation.apbdes_persons
    total = [
        format_cell(sum(p.desa for p in persons)),
        format_cell(sum(p.potongan for p in persons)),
    ]
    fitted = None
    for compact in (False, True):
        top = COMPACT_TOP if compact else WIDE_TOP
        names = 1 if compact else 2
        figures = [_figures(p, compact) for p in persons]  # each person's, once
        sample = [[str(len(persons)), *[""] * names, *f] for f in figures]
        sample.append([""] * (len(top) - 2) + total)
        fitted = _widths(layout, sample, compact)
        if fitted is not None:
            break
    assert fitted is not None  # the compact columns always fit, the names take what is left
    widths, size = fitted
    top, sub = (COMPACT_TOP, COMPACT_SUB) if compact else (WIDE_TOP, WIDE_SUB)
    n = len(top)
    program_cols = (4, 8) if compact else (5, 11)
    rows: list[list[object]] = [
        [para(t, "center-bold", size) if t else "" for t in top],
        [para(t, "center-bold", size) if t else "" for t in sub],
    ]
    commands: list[tuple[object, ...]] = [
        ("SPAN", (col, 0), (col, 1)) for col in range(n) if not program_cols[0] <= col <= program_cols[1]
    ]  # fmt: skip
    first_figure = 2 if compact else 3
    commands += [("SPAN", (program_cols[0], 0), (program_cols[1], 0)),
                 ("ALIGN", (first_figure + 1, 2), (-1, -1), "RIGHT"),
                 ("ALIGN", (0, 2), (0, -1), "CENTER"),
                 ("ALIGN", (first_figure, 2), (first_figure, -1), "CENTER"),
                 ("ALIGN", (n - 3, 2), (n - 3, -1), "CENTER")]  # fmt: skip
    jabatan_room = widths[2] - 2 * blocks.CELL_PADDING
    number = 0
    index_of = {id(p): i for i, p in enumerate(persons)}
    for index, (label, members) in enumerate(_groups(persons)):
        letter = chr(ord("A") + index)
        r = len(rows)
        rows.append([para(f"{letter}. {label}", "bold", size)] + [""] * (n - 1))
        commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_FILL),
                     ("NOSPLIT", (0, r), (-1, r + 1))]  # fmt: skip
        for p in members:
            number += 1
            shown = figures[index_of[id(p)]]
            rows.append(_person_row(number, p, size, full_nik, compact, shown, jabatan_room))
        r = len(rows)
        rows.append(_sum_row(f"Jumlah {letter}", members, size, n))
        commands += [("SPAN", (0, r), (n - 3, r)), ("FONT", (n - 2, r), (n - 1, r), BOLD, size)]
    r = len(rows)
    rows.append(_sum_row("JUMLAH TOTAL", persons, size, n))
    commands += [("SPAN", (0, r), (n - 3, r)), ("FONT", (n - 2, r), (n - 1, r), BOLD, size),
                 ("BACKGROUND", (0, r), (-1, r), blocks.HEADER_FILL)]  # fmt: skip
    return blocks.ruled_table(
        rows, widths, header_rows=2, size=size, commands=commands, closing=closing,
        keep_rows=KEEP_WITH_TOTALS,
    )  # fmt: skip


def _notes(data: AnnexData, *, full_nik: bool) -> list[str]:
    sim = data.simulation
    varies = any(_varies(p) for p in sim.apbdes_persons)
    notes = [
        f"{ROUNDING_RULE}; jumlah setahun adalah jumlah iuran bulan-bulan yang ditanggung",
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
        "Potongan adalah iuran pekerja yang dipotong dari penghasilan peserta PU, dan bagi "
        "peserta BPU (mis. pekerja rentan) iuran mandiri yang dibayar sendiri oleh peserta; "
        "disetor atas nama peserta, bukan belanja desa dan tidak termasuk jumlah setahun desa"
    )
    notes.append(
        "JKK = Jaminan Kecelakaan Kerja, JKM = Jaminan Kematian, JHT = Jaminan Hari Tua, "
        "JP = Jaminan Pensiun; Seg = segmen kepesertaan (PU penerima upah, BPU bukan penerima "
        "upah); Bln = jumlah bulan ditanggung"
    )
    if not full_nik:
        notes.append("NIK disamarkan untuk melindungi data pribadi")
    for p in sim.apbdes_persons:  # data belum lengkap: the safe assumption, naming the person
        if p.tanggal_lahir is None and "JP" in p.programs:
            notes.append(no_birth_date_note(p.nama).rstrip("."))
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
            f"{format_rp(sim.pemda)} dan tidak dicantumkan dalam daftar ini. "
            + HEAD_COUNT_RULE.rstrip(".")
        )
    return [f"{i}. {text[0].upper()}{text[1:]}." for i, text in enumerate(notes, start=1)]


def lampiran_story(data: AnnexData, layout: Layout, *, full_nik: bool) -> list[Flowable]:
    desa = blocks.desa_upper(data)
    perubahan = " (PERUBAHAN)" if data.jenis == "perubahan" else ""
    story: list[Flowable] = blocks.heading(data, "lampiran", layout.width)
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
    closing += [Spacer(1, 4 * mm), signatures.signature_table(data, "lampiran", layout.width)]
    story.append(nominatif_table(data, layout, full_nik=full_nik, closing=closing))
    return story
