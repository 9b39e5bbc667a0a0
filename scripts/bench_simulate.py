"""``simulate`` of a 2.000-person village beside the same command on a 24-person one, whole process.

    python scripts/bench_simulate.py [--persons 2000] [--small 24] [--runs 5] [--json]

Both villages are generated (bench_common.members: apparatus on their own siltap, BPD, RT/RW,
LKD, pekerja rentan; some join or leave in the year) and saved through the roster service into
temporary data folders. Each figure is the median of ``--runs`` fresh processes of
``app.py --data-dir DIR simulate --year 2026 --json``, taking turns; one run of each first opens
the folders (the day's backup) and warms the file cache. The ratio is of CPU time (user +
system), which other busy processes on the machine disturb far less than wall-clock time; the
wall-clock ratio is printed beside it. Goal: the big one <= 1,25 x the small.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import (
    ROOT,
    YEAR,
    Row,
    build_village,
    interleaved,
    number,
    print_rows,
    run_process,
    spread,
)


def simulate_command(data_dir: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "app.py"),
        "--data-dir",
        str(data_dir),
        "simulate",
        "--year",
        str(YEAR),
        *extra,
    ]


def measure(persons: int, small: int, runs: int) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_simulate_") as tmp:
        big_dir, small_dir = Path(tmp) / "big", Path(tmp) / "small"
        build_village(big_dir, persons)
        build_village(small_dir, small)
        for label, extra in (("--json", ("--json",)), ("(table)", ())):
            big_cmd, small_cmd = (
                simulate_command(big_dir, *extra),
                simulate_command(small_dir, *extra),
            )
            run_process(big_cmd), run_process(small_cmd)  # the day's backup, the file cache
            big, little = interleaved(
                runs, lambda c=big_cmd: run_process(c), lambda c=small_cmd: run_process(c)
            )
            wall = statistics.median(t.wall for t in big) / statistics.median(
                t.wall for t in little
            )
            cpu_big, cpu_small = [t.cpu for t in big], [t.cpu for t in little]
            rows.append(
                Row(
                    f"simulate {label}, {number(persons)} ÷ {small} persons, whole process (CPU)",
                    statistics.median(cpu_big),
                    statistics.median(cpu_small),
                    1.25,
                    note=(
                        f"median CPU time of {runs} runs, noise {spread(cpu_big)} / "
                        f"{spread(cpu_small)}; wall-clock ratio {wall:.2f}x"
                    ),
                    peer_name=f"simulate of {small} persons",
                    informative=label != "--json",
                )
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--small", type=int, default=24)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args()
    print_rows(measure(args.persons, args.small, args.runs), as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
