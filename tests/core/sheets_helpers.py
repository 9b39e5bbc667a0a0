"""Generated villages for the spreadsheet tests and scripts/bench_consolidate.py.

Each village is a deterministic roster run through the real engine and build_lines, so an
export can be compared with its own Simulation and BudgetLines to the rupiah.
"""

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from desa_budget.budget.codes.catalog import Catalog, load_catalog
from desa_budget.budget.codes.profiles import load_kabupaten_profiles
from desa_budget.budget.lines import LineCode, build_lines
from desa_budget.contributions.simulation import RosterEntry, roster_order, simulate_entries
from desa_budget.rules import RuleSet, load_rules
from desa_budget.sheets.dpmd import DpmdData

YEAR = 2026
KECAMATAN = ("Sumbang", "Kembaran", "Baturraden", "Cilongok", "Ajibarang", "Wangon")

# (kategori, jabatan, segmen, basis choices, programs choices)
_APPARATUS = (
    ("kepala_desa", "Kepala Desa", "PU", (3_800_000, 4_200_000), (("JKK", "JKM", "JHT", "JP"),)),
    ("sekretaris_desa", "Sekretaris Desa", "PU", (2_600_000,), (("JKK", "JKM", "JHT", "JP"),)),
    ("perangkat_desa", "Kaur Keuangan", "PU", (2_022_200, 2_300_000), (("JKK", "JKM", "JHT"),)),
    ("perangkat_desa", "Kepala Dusun", "PU", (2_022_200,), (("JKK", "JKM"),)),
    ("staf_desa", "Operator Desa", "PU", (2_000_000,), (("JKK", "JKM"),)),
    ("bpd", "Anggota BPD", "PU", (1_500_000, 2_000_000), (("JKK", "JKM"),)),
    ("lkd", "Ketua LPM", "PU", (1_500_000,), (("JKK", "JKM"),)),
    ("rt_rw", "Ketua RT", "PU", (1_500_000, 2_150_000), (("JKK", "JKM"),)),
)
_RENTAN = ("pekerja_rentan", "Petani", "BPU", (1_000_000, 1_500_000), (("JKK", "JKM"),))


@dataclass(frozen=True)
class Tools:
    rules: RuleSet
    catalog: Catalog
    mapping: Mapping[str, LineCode]


@cache
def tools() -> Tools:
    national = load_kabupaten_profiles()["nasional"]
    return Tools(load_rules(), load_catalog(), national.mapping)


def nik_for(born: date, jk: str, serial: int, region: str) -> str:
    day = born.day + (40 if jk == "P" else 0)
    return f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def kode_desa(index: int) -> str:
    """33.02.CC.2DDD: six kecamatan, desa numbers from 2001."""
    return f"33.02.{index % len(KECAMATAN) + 1:02d}.{2001 + index:04d}"


def roster(index: int, persons: int, *, rentan: bool = True) -> list[RosterEntry]:
    rng = random.Random(1000 + index)
    region = kode_desa(index).replace(".", "")[:6]
    entries: list[RosterEntry] = []
    for n in range(persons):
        if n < len(_APPARATUS):
            spec = _APPARATUS[n]
        elif rentan and rng.random() < 0.6:
            spec = _RENTAN
        else:
            spec = _APPARATUS[rng.randint(5, 7)]
        kategori, jabatan, segmen, bases, packages = spec
        jk = rng.choice("LP")
        born = date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
        start = rng.choice((1, 1, 1, 1, 4, 7))
        covered = rng.random() > 0.1
        entries.append(
            RosterEntry(
                person_id=index * 1000 + n + 1,
                nik=nik_for(born, jk, n + 1, region),
                nama=f"{rng.choice(('=Sum', 'Warga', 'Siti', '+Budi', 'Sri'))} {index}-{n}",
                jenis_kelamin=jk,
                tanggal_lahir=born,
                kategori=kategori,
                jabatan=jabatan,
                status_jabatan=rng.choice(("definitif", "definitif", "plt")),
                months=tuple(range(start, 13)),
                covered=covered,
                segmen=segmen,
                dasar_upah=rng.choice(bases),
                programs=rng.choice(packages) if covered else (),
                kelas_jkk=1,
                iuran_pekerja=rng.choice(("desa", "potong")),
                status_bpjs=rng.choice(("belum", "terdaftar", "terdaftar", "nonaktif")),
                dibayar_oleh="pemda" if rng.random() < 0.05 else "desa",
                kode_kegiatan=None,
                kode_rekening=None,
                sumber_dana=rng.choice((None, None, "ADD", "PAD")) if kategori == "rt_rw" else None,
            )
        )
    return sorted(entries, key=roster_order)


def village(index: int, persons: int = 40, *, year: int = YEAR, rentan: bool = True) -> DpmdData:
    t = tools()
    sim = simulate_entries(t.rules, roster(index, persons, rentan=rentan), year)
    lines = build_lines(sim, catalog=t.catalog, mapping=t.mapping)
    return DpmdData(
        kode_desa=kode_desa(index),
        nama_desa=f"Desa {index:03d}",
        kecamatan=KECAMATAN[index % len(KECAMATAN)],
        kabupaten="Banyumas",
        provinsi="Jawa Tengah",
        versi="murni",
        simulation=sim,
        lines=lines,
        nomor_perdes=f"{index % 9 + 1} Tahun {year}",
        tanggal_perdes=date(year - 1, 12, 20),
        dibuat=datetime(year, 1, 5, 9, 30),
        kpj={p.person_id: f"{p.person_id:011d}" for p in sim.persons},
    )
