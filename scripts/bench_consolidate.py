"""Benchmark of the DPMD consolidation: 400 generated village exports merged, beside openpyxl
reading the same sheets of the same files.

Run from the repository root: ``python3 scripts/bench_consolidate.py [--villages 400]``. Each
village (20-160 persons, varied categories, programs and months) is computed by the real engine
and written by export_dpmd into a temporary folder; the consolidation (and, separately, the recap
workbook and PDF) is timed, beside the peer: each file opened by openpyxl (read-only, values)
and its Info, Rekap and Anggaran rows read, nothing checked. Medians of ``--runs``, taking turns.
Not a test: the figure depends on the machine.

Goal: 3,7 s -> 1,5 s. The peer does not change with the consolidation, so the goal is its ratio
before issue 17 (BEFORE, measured beside it at b26cdde) times 1,5 / 3,7.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))  # the village generator the tests use
sys.path.insert(0, str(ROOT / "scripts"))

from bench_common import Row, interleaved, print_rows, spread
from openpyxl import load_workbook
from sheets_helpers import village

from desa_budget.reports.recap import write_recap_pdf
from desa_budget.sheets import dpmd_layout as layout
from desa_budget.sheets.consolidate import consolidate
from desa_budget.sheets.dpmd import export_dpmd
from desa_budget.sheets.recap import write_recap

BEFORE = 1.22  # consolidate ÷ the openpyxl read at b26cdde (median of 3, beside each other)


def openpyxl_read(files: list[Path]) -> float:
    """The peer: every file's three read sheets parsed by openpyxl, values only."""
    started = time.perf_counter()
    for path in files:
        wb = load_workbook(path, read_only=True, data_only=True)
        for sheet in (layout.INFO, layout.REKAP, layout.ANGGARAN):
            deque(wb[sheet].iter_rows(values_only=True), maxlen=0)
        wb.close()
    return time.perf_counter() - started


def timed_consolidate(folder: Path, expected: int, villages: int) -> float:
    started = time.perf_counter()
    result = consolidate([folder])
    elapsed = time.perf_counter() - started
    if result.total.desa != expected or len(result.used) != villages:
        raise SystemExit(f"MISMATCH: {result.total.desa} != {expected}")
    return elapsed


def measure(villages: int, seed: int, runs: int, *, memory: bool = False) -> list[Row]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bench_consolidate_") as tmp:
        folder = Path(tmp) / "desa"
        folder.mkdir()
        started = time.perf_counter()
        expected = 0
        persons = 0
        for index in range(villages):
            size = rng.randint(20, 160)
            data = village(index, size, rentan=rng.random() > 0.15)
            expected += data.simulation.desa
            persons += len(data.simulation.persons)
            export_dpmd(folder / f"desa_{index:03d}.xlsx", data)
        generated = time.perf_counter() - started
        print(
            f"generated {villages} exports ({persons} covered persons) in {generated:.1f} s",
            file=sys.stderr,
        )
        files = sorted(folder.glob("*.xlsx"))
        ours, peer = interleaved(
            runs,
            lambda: timed_consolidate(folder, expected, villages),
            lambda: openpyxl_read(files),
        )
        if memory:
            tracemalloc.start()
            consolidate([folder])
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(
                f"peak Python memory while consolidating: {peak / 2**20:.1f} MiB", file=sys.stderr
            )
        started = time.perf_counter()
        result = consolidate([folder])
        write_recap(Path(tmp) / "rekap.xlsx", result)
        write_recap_pdf(Path(tmp) / "rekap.pdf", result)
        recap = time.perf_counter() - started
    return [
        Row(
            f"consolidating {villages} village workbooks",
            statistics.median(ours),
            statistics.median(peer),
            BEFORE * 1.5 / 3.7,
            note=(
                f"median of {runs}; noise {spread(ours)} / {spread(peer)}; totals match the "
                f"simulations (Rp {expected:,}); consolidation + recap workbook + PDF {recap:.2f} s"
            ).replace(",", "."),
            peer_name="openpyxl reading the same sheets",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--villages", type=int, default=400)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--memory", action="store_true", help="also a second, slower pass under tracemalloc"
    )
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args()
    rows = measure(args.villages, args.seed, args.runs, memory=args.memory)
    print_rows(rows, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
