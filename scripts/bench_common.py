"""What the benchmarks share: a village of any size, whole-process timing, medians, table rows.

Not a test and not part of the app. Each ``bench_*.py`` measures a figure beside its peer in the
same run and prints it as a ratio (absolute times vary with the machine and its load; ratios
hold better). ``--json`` makes a script print its rows for ``bench_all.py``.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

T = TypeVar("T")
YEAR = 2026
KODE_DESA = "33.02.12.2005"
REGION = "330212"


@dataclass(frozen=True)
class Row:
    """One line of the issue's table: ``measured`` beside ``peer`` (seconds or MB), their ratio
    and the goal for that ratio; ``note`` says what the figures are."""

    what: str
    measured: float
    peer: float
    goal: float  # the ratio measured / peer must be at most this
    unit: str = "s"
    note: str = ""
    peer_name: str = ""
    informative: bool = False  # shown for context; the goal is on another row

    @property
    def ratio(self) -> float:
        return self.measured / self.peer if self.peer else float("inf")

    @property
    def met(self) -> bool:
        return self.ratio <= self.goal


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def spread(values: Sequence[float]) -> str:
    """The noise of a series: min-max as a percentage of its median."""
    mid = statistics.median(values)
    if not mid:
        return "0 %"
    return f"±{(max(values) - min(values)) / 2 / mid * 100:.0f} %"


# An installed app has its bytecode compiled (pip compiles at install, PyInstaller bundles .pyc):
# child processes write and reuse theirs in one cache folder, even when this shell sets
# PYTHONDONTWRITEBYTECODE (as the development environment does), so no run compiles the project.
BYTECODE = {
    "PYTHONDONTWRITEBYTECODE": "",
    "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "jamsos_bench_pycache"),
}


def launch_window(code: str, *args: str) -> tuple["subprocess.Popen[str]", float]:
    """A child Python running ``code`` (a window bench), and when it was started. The window's
    settings in the data folders ``args`` are removed first, so every run starts on Beranda."""
    for folder in args:
        for ini in Path(folder).glob("*.ini"):
            ini.unlink()
    env = dict(os.environ, PYTHONPATH=str(ROOT), **BYTECODE)
    env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout is not None
    return process, started


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds from launch to exit
    cpu: float  # user + system seconds of the process: what a busy machine disturbs least


def run_process(args: Sequence[str], *, env: dict[str, str] | None = None) -> Timing:
    """One fresh process from launch to exit (stdout discarded; a failure stops the benchmark)."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        list(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env, cwd=ROOT
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(elapsed, cpu)


def interleaved(runs: int, *measures: Callable[[], T]) -> list[list[T]]:
    """Each measure ``runs`` times, taking turns, so a busy moment of the machine hits all alike."""
    results: list[list[T]] = [[] for _ in measures]
    for _ in range(runs):
        for values, measure in zip(results, measures, strict=True):
            values.append(measure())
    return results


def print_rows(rows: Sequence[Row], *, as_json: bool) -> None:
    if as_json:
        for row in rows:
            print(json.dumps(asdict(row)))
        return
    for row in rows:
        verdict = "" if row.informative else f" (goal <= {row.goal:.3f}x: {_met(row)})"
        print(
            f"{row.what}: {_amount(row.measured, row.unit)} vs {row.peer_name} "
            f"{_amount(row.peer, row.unit)} = {row.ratio:.3f}x{verdict}"
            f"{'; ' + row.note if row.note else ''}"
        )


def _met(row: Row) -> str:
    return "met" if row.met else "NOT met"


def number(value: int) -> str:
    """12345 -> "12.345" (Indonesian thousands)."""
    return f"{value:,}".replace(",", ".")


def _amount(value: float, unit: str) -> str:
    return f"{value:.3f} s" if unit == "s" else f"{value:.0f} {unit}"


# --- a village of any size ------------------------------------------------------------------------

_NAMES = (
    "Suparno",
    "Sugeng",
    "Slamet",
    "Bambang",
    "Joko",
    "Wahyudi",
    "Agus",
    "Budi",
    "Teguh",
    "Heru",
    "Sri Wahyuni",
    "Siti Aminah",
    "Suminah",
    "Painem",
    "Tumini",
    "Sumiyati",
    "Dewi",
    "Rini",
)
_FAMILY = ("Santoso", "Prasetyo", "Wibowo", "Susanto", "Purnomo", "Hidayat", "Setiawan", "Nugroho")


@dataclass(frozen=True)
class Member:
    """One generated person: who, which post, which coverage."""

    nama: str
    jenis_kelamin: str
    lahir: date
    kategori: str
    jabatan: str
    segmen: str
    dasar_upah: int
    programs: tuple[str, ...]
    iuran_pekerja: str
    kelas_jkk: int
    mulai: date | None
    akhir: date | None


def members(count: int, *, seed: int = 17, year: int = YEAR) -> list[Member]:
    """A village of ``count`` persons in the proportions of a large real one: apparatus on their
    own (all different) siltap with JHT and JP, BPD and LKD on a nominal, RT/RW on PU or BPU, and
    pekerja rentan on BPU; some join or leave during the year."""
    rng = random.Random(seed)
    people = []
    for n in range(count):
        share = n / max(count, 1)
        jk = "L" if rng.random() < 0.6 else "P"
        first = rng.choice(_NAMES)
        nama = f"{first} {rng.choice(_FAMILY)} {n + 1}"
        lahir = date(rng.randint(1962, 2004), rng.randint(1, 12), rng.randint(1, 28))
        mulai = date(year, rng.randint(2, 12), 1) if rng.random() < 0.08 else None
        akhir = date(year, rng.randint(1, 11), 28) if rng.random() < 0.04 else None
        if mulai and akhir and akhir < mulai:
            akhir = None
        if share < 0.08:
            kategori, jabatan, segmen = "perangkat_desa", f"Kasi {n}", "PU"
            if n == 0:
                kategori, jabatan = "kepala_desa", "Kepala Desa"
            elif n == 1:
                kategori, jabatan = "sekretaris_desa", "Sekretaris Desa"
            basis = rng.randint(2_100_000, 4_500_000)
            programs = ("JKK", "JKM", "JHT", "JP") if rng.random() < 0.8 else ("JKK", "JKM", "JHT")
            share_by = rng.choice(("desa", "potong"))
        elif share < 0.12:
            kategori, jabatan, segmen = "bpd", f"Anggota BPD {n}", "PU"
            basis, programs, share_by = rng.choice((1_250_000, 1_500_000)), ("JKK", "JKM"), "desa"
        elif share < 0.3:
            kategori, jabatan = "rt_rw", f"Ketua RT {n:03d}"
            segmen = "PU" if rng.random() < 0.5 else "BPU"
            basis = 2_000_000 if segmen == "PU" else 1_000_000
            programs, share_by = ("JKK", "JKM"), "desa"
        elif share < 0.36:
            kategori, jabatan, segmen = "lkd", f"Kader Posyandu {n}", "PU"
            basis, programs, share_by = 1_000_000, ("JKK", "JKM"), "desa"
        else:
            kategori, jabatan, segmen = "pekerja_rentan", "Petani", "BPU"
            basis = rng.choice((1_000_000, 1_000_000, 1_000_000, 1_500_000))
            programs = ("JKK", "JKM", "JHT") if rng.random() < 0.1 else ("JKK", "JKM")
            share_by = "desa"
        people.append(
            Member(
                nama,
                jk,
                lahir,
                kategori,
                jabatan,
                segmen,
                basis,
                programs,
                share_by,
                1,
                mulai,
                akhir,
            )
        )
    return people


def nik(member: Member, serial: int) -> str:
    day = member.lahir.day + (40 if member.jenis_kelamin == "P" else 0)
    born = member.lahir
    return f"{REGION}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def build_village(data_dir: Path, count: int, *, year: int = YEAR) -> None:
    """A database in ``data_dir`` with the village profile and ``count`` persons, saved through
    the roster service like any user edit."""
    from desa_budget.roster import service as roster
    from desa_budget.roster.data import CoverageData, PersonData, PostData, load_limits
    from desa_budget.store.opening import open_database
    from desa_budget.village import profile

    db = open_database(data_dir=data_dir)
    limits = load_limits(year)
    with db.session() as session:
        profile.save_profile(
            session,
            profile.ProfileData(
                nama_desa="Bench",
                kode_desa=KODE_DESA,
                kecamatan="Sumbang",
                kabupaten="Banyumas",
                provinsi="Jawa Tengah",
            ),
            operator="bench",
        )
        for serial, m in enumerate(members(count, year=year), start=1):
            roster.add_person(
                session,
                PersonData(nik(m, serial), m.nama, m.jenis_kelamin, m.lahir),
                [PostData(m.kategori, m.jabatan, mulai=m.mulai, akhir=m.akhir)],
                CoverageData(
                    year,
                    m.segmen,
                    m.dasar_upah,
                    m.programs,
                    kelas_jkk=m.kelas_jkk,
                    iuran_pekerja=m.iuran_pekerja,
                    status_bpjs="terdaftar",
                ),
                operator="bench",
                limits=limits,
            )
    db.dispose()
