"""Hand-made annex data for the report tests (no database), and reading PDFs back as text.

Desa Sukamaju 2026, monthly amounts (desa / potongan):
    Kades Suparno 3.800.000 PU, JKK 9.120 + JKM 11.400 + JHT 140.600/76.000 + JP 76.000/38.000
        = 237.120 desa, 114.000 potongan -> x 12 = 2.845.440 / 1.368.000
    Kaur Bambang 11.000.000 PU, JKK 26.400 + JKM 33.000 + JP: 2 % of the JP ceiling
        (10.547.400 Jan-Feb = 210.948, 11.000.000 from March = 220.000), desa pays all
        = 270.348 (Jan-Feb), 279.400 (Mar-Dec) -> 540.696 + 2.794.000 = 3.334.696
    Ketua RT Tarno 1.500.000 PU, JKK 3.600 + JKM 4.500 = 8.100 -> x 12 = 97.200
    Pekerja rentan Painem 1.000.000 BPU, JKK 10.000 + JKM 6.800 = 16.800 -> Apr-Dec x 9 = 151.200
    Ketua RW Karto, paid by the Pemda: 8.100 x 12 = 97.200, not in the APBDes
    desa total = 2.845.440 + 3.334.696 + 97.200 + 151.200 = 6.428.536; potongan 1.368.000
"""

import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from pypdf import PdfReader

from desa_budget.budget.codes.catalog import load_catalog
from desa_budget.budget.lines import build_lines
from desa_budget.contributions.results import MonthAmounts, PersonYear, ProgramAmount, Simulation
from desa_budget.reports import AnnexData, Regulation
from desa_budget.village.profile import ProfileData

YEAR = 2026
DESA_TOTAL = 6_428_536
POTONGAN_TOTAL = 1_368_000
KADES_NIK = "3302120303750001"


@dataclass(frozen=True)
class Codes:
    kode_kegiatan: str
    kode_rekening: str
    sumber_dana: str


MAPPING = {
    "kepala_desa": Codes("1.1.03", "5.1.3.03", "ADD"),
    "perangkat_desa": Codes("1.1.03", "5.1.3.04", "ADD"),
    "rt_rw": Codes("1.1.07", "5.2.2.03", "ADD"),
    "pekerja_rentan": Codes("3.1.90", "5.2.7.90", "ADD"),
}


def person(
    pid: int,
    nama: str,
    kategori: str,
    *,
    jabatan: str,
    segmen: str = "PU",
    dasar: int,
    months: Sequence[int] = range(1, 13),
    amounts: Mapping[str, tuple[int, int]] | None = None,
    by_month: Mapping[int, Mapping[str, tuple[int, int]]] | None = None,
    nik: str | None = None,
    dibayar_oleh: str = "desa",
) -> PersonYear:
    monthly = []
    for m in months:
        chosen = (by_month or {}).get(m) or amounts or {}
        programs = {k: ProgramAmount(d, p) for k, (d, p) in chosen.items()}
        monthly.append(
            MonthAmounts(
                YEAR,
                m,
                programs,
                sum(a.desa for a in programs.values()),
                sum(a.potongan for a in programs.values()),
            )
        )
    by_program: dict[str, ProgramAmount] = {}
    for month in monthly:
        for k, a in month.programs.items():
            by_program[k] = by_program.get(k, ProgramAmount()) + a
    names = tuple(by_program)
    return PersonYear(
        person_id=pid,
        nik=nik or f"33021201017{pid:05d}",
        nama=nama,
        kategori=kategori,
        jabatan=jabatan,
        status_jabatan="definitif",
        segmen=segmen,
        dasar_upah=dasar,
        programs=names,
        kelas_jkk=1,
        iuran_pekerja="potong" if any(a.potongan for a in by_program.values()) else "desa",
        status_bpjs="terdaftar",
        dibayar_oleh=dibayar_oleh,
        kode_kegiatan=None,
        kode_rekening=None,
        sumber_dana=None,
        monthly=tuple(monthly),
        desa=sum(m.desa for m in monthly),
        potongan=sum(m.potongan for m in monthly),
        by_program=by_program,
    )


def _bambang_month(m: int) -> dict[str, tuple[int, int]]:
    jp = 210_948 if m <= 2 else 220_000
    return {"JKK": (26_400, 0), "JKM": (33_000, 0), "JP": (jp, 0)}


def base_persons() -> list[PersonYear]:
    basic = {"JKK": (3_600, 0), "JKM": (4_500, 0)}
    return [
        person(1, "Suparno", "kepala_desa", jabatan="Kepala Desa", dasar=3_800_000, nik=KADES_NIK,
               amounts={"JKK": (9_120, 0), "JKM": (11_400, 0), "JHT": (140_600, 76_000),
                        "JP": (76_000, 38_000)}),
        person(2, "Bambang", "perangkat_desa", jabatan="Kaur Keuangan", dasar=11_000_000,
               by_month={m: _bambang_month(m) for m in range(1, 13)}),
        person(3, "Tarno", "rt_rw", jabatan="Ketua RT 01", dasar=1_500_000, amounts=basic),
        person(5, "Karto", "rt_rw", jabatan="Ketua RW 01", dasar=1_500_000, amounts=basic,
               dibayar_oleh="pemda"),
        person(4, "Painem", "pekerja_rentan", jabatan="Petani", segmen="BPU", dasar=1_000_000,
               months=range(4, 13), amounts={"JKK": (10_000, 0), "JKM": (6_800, 0)}),
    ]  # fmt: skip


def profile(**changes: object) -> ProfileData:
    base = ProfileData(
        nama_desa="Sukamaju",
        kode_desa="33.02.12.2005",
        kecamatan="Sumbang",
        kabupaten="Banyumas",
        provinsi="Jawa Tengah",
        alamat="Jl. Raya Sukamaju No. 7, Kode Pos 53183",
        kepala_desa_nama="Suparno",
        sekretaris_desa_nama="Sri Wahyuni",
        pelaksana_kegiatan_nama="Darsih",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# Perdes APBDes 2, Perkades on the penjabaran 4 and on the iuran 3, all of 2 January.
ADOPTED_REGULATIONS = {
    "perdes_apbdes": Regulation("2", date(YEAR, 1, 2)),
    "perkades_penjabaran": Regulation("4", date(YEAR, 1, 2)),
    "perkades_iuran": Regulation("3", date(YEAR, 1, 2)),
}


def annex_data(
    persons: Sequence[PersonYear] | None = None, *, adopted: bool = False, **changes: object
) -> AnnexData:
    persons = list(persons if persons is not None else base_persons())
    counts: dict[str, int] = {}
    for p in persons:
        counts[p.kategori] = counts.get(p.kategori, 0) + 1
    sim = Simulation(YEAR, tuple(persons), counts)
    catalog = load_catalog()
    lines = build_lines(sim, catalog=catalog, mapping=MAPPING)
    kegiatan: dict[str, str] = {}
    rekening: dict[str, str] = {}
    for line in lines.lines:
        for row in catalog.chain("kegiatan", line.kegiatan):
            kegiatan[row.kode] = row.uraian
        rekening[line.rekening] = catalog.uraian("rekening", line.rekening) or "Objek lokal"
    data = AnnexData(
        profile=profile(),
        year=YEAR,
        jenis="murni",
        adopted=adopted,
        simulation=sim,
        lines=lines,
        regulations=ADOPTED_REGULATIONS if adopted else {},
        tanggal=date(YEAR, 1, 2) if adopted else date(YEAR - 1, 11, 20),
        kegiatan_names=kegiatan,
        rekening_names=rekening,
        jp_ceilings="batas upah JP Rp10.547.400 (Januari–Februari 2026) dan Rp11.086.300 "
        "(mulai Maret 2026)",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def pages(pdf: bytes) -> list[str]:
    """Each page's text with runs of white space made one space (wrapped lines rejoined)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def text(pdf: bytes) -> str:
    return " ".join(pages(pdf))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def font_sizes(pdf: bytes) -> list[tuple[float, str]]:
    """Every piece of text with the size it is printed at (font size × text and page scale)."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            found.append((round(size * scale, 2), text.strip()))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found
