"""Importing a 5.000-row roster workbook, whole process, beside openpyxl reading the same workbook.

    python scripts/bench_import.py [--rows 5000] [--runs 3] [--json]

The workbook has the roster layout (desa_budget.roster.workbook.layout) with one row per
generated person (bench_common.members). Ours is a fresh ``app.py roster import FILE`` process
into a village that has its profile and nobody yet (a copy of one prepared folder each time);
the peer reads the same workbook with openpyxl (read-only, values), nothing checked. Medians of
wall-clock time, taking turns.

Goal: 15 s -> 5 s. The peer does not change with the import, so the goal is the ratio before
issue 17 (BEFORE, measured beside it at b26cdde) times 5 / 15.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import (
    BYTECODE,
    ROOT,
    YEAR,
    Row,
    build_village,
    members,
    nik,
    number,
    print_rows,
    run_process,
    spread,
)
from openpyxl import Workbook, load_workbook

from desa_budget.roster.workbook.layout import HEADERS, SHEET_TITLE
from desa_budget.village import categories

BEFORE = 22.6  # import ÷ the openpyxl read at b26cdde (median of 3, beside each other)


def roster_workbook(path: Path, rows: int) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append(list(HEADERS))
    for serial, m in enumerate(members(rows), start=1):
        ws.append(
            [
                nik(m, serial),
                m.nama,
                m.jenis_kelamin,
                m.lahir,
                categories.label(m.kategori),
                m.jabatan,
                "Definitif",
                None,
                None,
                m.mulai,
                m.akhir,
                m.segmen,
                m.dasar_upah,
                ", ".join(m.programs),
                m.kelas_jkk,
                categories.WORKER_SHARE[m.iuran_pekerja],
                categories.BPJS_STATUSES["terdaftar"],
                None,
            ]  # fmt: skip
        )
    wb.save(path)
    return path


def openpyxl_read(path: Path) -> float:
    started = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    deque(wb[SHEET_TITLE].iter_rows(values_only=True), maxlen=0)
    wb.close()
    return time.perf_counter() - started


def measure(rows: int, runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench_import_") as tmp:
        base = Path(tmp)
        empty = base / "empty"
        build_village(empty, 0)  # the profile, nobody on the roster
        book = roster_workbook(base / "daftar.xlsx", rows)
        target = base / "village"

        def ours() -> float:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(empty, target)
            command = [
                sys.executable, str(ROOT / "app.py"), "--data-dir", str(target), "roster",
                "import", str(book), "--year", str(YEAR),
            ]  # fmt: skip
            return run_process(command, env=BYTECODE).wall

        mine, peer = [], []
        for _ in range(runs):
            mine.append(ours())
            peer.append(openpyxl_read(book))
    return [
        Row(
            f"importing a {number(rows)}-row roster workbook, whole process",
            statistics.median(mine),
            statistics.median(peer),
            BEFORE * 5 / 15,
            note=f"median of {runs}; noise {spread(mine)} / {spread(peer)}",
            peer_name="openpyxl reading the same workbook",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args()
    print_rows(measure(args.rows, args.runs), as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
