"""The whole table of issue 17: every benchmark in its own process, each figure beside its peer.

    python scripts/bench_all.py [--quick] [--only engine,simulate,...]

Runs ``bench_{startup,engine,documents,simulate,consolidate,window,import}.py --json`` in turn
(start-up and the window under ``xvfb-run`` when it is installed, offscreen otherwise) and prints
one table: what, measured, peer, ratio, goal (for the ratio), met?. Absolute times depend on the
machine and its load; the ratios, measured beside their peer in the same run, hold better. The
load average before and after is printed: on a shared machine, read the noise column too.
``--quick`` runs each measurement fewer times (a rough look, not the figures to report).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import ROOT, Row  # noqa: E402

# name, script, runs (full, quick), needs a display
BENCHES = (
    ("startup", "bench_startup.py", (5, 3), True),
    ("engine", "bench_engine.py", (3, 1), False),
    ("documents", "bench_documents.py", (3, 1), False),
    ("simulate", "bench_simulate.py", (9, 3), False),
    ("consolidate", "bench_consolidate.py", (3, 1), False),
    ("window", "bench_window.py", (3, 1), True),
    ("import", "bench_import.py", (3, 1), False),
)


def run_bench(script: str, runs: int, display: bool) -> list[Row]:
    command = [sys.executable, str(ROOT / "scripts" / script), "--runs", str(runs), "--json"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if display and shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", *command]
        env["QT_QPA_PLATFORM"] = "xcb"
    elif display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    for line in done.stderr.splitlines():
        print(f"  [{script}] {line}", file=sys.stderr)
    if done.returncode != 0:
        print(f"  [{script}] failed with exit status {done.returncode}", file=sys.stderr)
    return [Row(**json.loads(line)) for line in done.stdout.splitlines() if line.startswith("{")]


def figure(value: float, unit: str) -> str:
    return f"{value:.3f} s" if unit == "s" else f"{value:.0f} {unit}"


def table(rows: list[Row]) -> str:
    header = ("what", "measured", "peer", "ratio", "goal", "met?")
    lines = [header]
    for row in rows:
        goal = "" if row.informative else f"<= {row.goal:.3f}x"
        met = "" if row.informative else ("yes" if row.met else "NO")
        lines.append(
            (
                row.what,
                figure(row.measured, row.unit),
                f"{figure(row.peer, row.unit)} ({row.peer_name})",
                f"{row.ratio:.3f}x",
                goal,
                met,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if n == 0:
            out.append("-+-".join("-" * width for width in widths))
    notes = [f"  {row.what.strip()}: {row.note}" for row in rows if row.note]
    return "\n".join(out + ["", "Notes:", *notes])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs of each measurement")
    parser.add_argument(
        "--only", default="", help="comma-separated names: " + ", ".join(b[0] for b in BENCHES)
    )
    args = parser.parse_args()
    chosen = {name.strip() for name in args.only.split(",") if name.strip()}
    rows: list[Row] = []
    load_before = os.getloadavg()
    started = time.perf_counter()
    for name, script, (full, quick), display in BENCHES:
        if chosen and name not in chosen:
            continue
        print(f"running {script} ...", file=sys.stderr, flush=True)
        rows += run_bench(script, quick if args.quick else full, display)
    load_after = os.getloadavg()
    print(table(rows))
    print(
        f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s on {os.cpu_count()} cores; "
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
