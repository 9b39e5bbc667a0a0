"""Benchmark of the DPMD consolidation: 400 generated village exports merged, timed.

Run from the repository root: ``python3 scripts/bench_consolidate.py [--villages 400]``. Each
village (20-160 persons, varied categories, programs and months) is computed by the real engine
and written by export_dpmd into a temporary folder; only the consolidation (and, separately, the
recap workbook and PDF) is timed. Not a test: the figure depends on the machine.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))  # the village generator the tests use

from sheets_helpers import village

from desa_budget.reports.recap import write_recap_pdf
from desa_budget.sheets.consolidate import consolidate
from desa_budget.sheets.dpmd import export_dpmd
from desa_budget.sheets.recap import write_recap


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--villages", type=int, default=400)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--memory", action="store_true", help="also a second, slower pass under tracemalloc"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench_consolidate_") as tmp:
        folder = Path(tmp) / "desa"
        folder.mkdir()
        started = time.perf_counter()
        expected = 0
        persons = 0
        for index in range(args.villages):
            size = rng.randint(20, 160)
            data = village(index, size, rentan=rng.random() > 0.15)
            expected += data.simulation.desa
            persons += len(data.simulation.persons)
            export_dpmd(folder / f"desa_{index:03d}.xlsx", data)
        generated = time.perf_counter() - started
        print(f"generated {args.villages} exports ({persons} covered persons) in {generated:.1f} s")

        started = time.perf_counter()
        result = consolidate([folder])
        elapsed = time.perf_counter() - started
        if result.total.desa != expected or len(result.used) != args.villages:
            print(f"MISMATCH: {result.total.desa} != {expected}", file=sys.stderr)
            return 1
        print(
            f"consolidate: {args.villages} files in {elapsed:.2f} s "
            f"({elapsed / args.villages * 1000:.1f} ms per file); totals match the "
            f"simulations (Rp {expected:,})"
        )
        if args.memory:
            tracemalloc.start()
            consolidate([folder])
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak Python memory while consolidating: {peak / 2**20:.1f} MiB")
        started = time.perf_counter()
        write_recap(Path(tmp) / "rekap.xlsx", result)
        write_recap_pdf(Path(tmp) / "rekap.pdf", result)
        print(f"recap workbook + PDF: {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
