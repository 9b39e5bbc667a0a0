"""Time to the first painted main window, and to the year's figures on screen, beside a bare PySide6
window on the same machine.

Each measurement is a fresh Python process, timed from launch to its first paint event (and, for
ours, to the first paint of a rupiah figure: a QLabel whose text starts with "Rp"); the median of
--runs is printed for both and their ratio. The database (demo village) is made once beforehand,
so this times an ordinary start, not the first one. Also reports whether the heavy document
libraries (reportlab, openpyxl) were loaded at start-up: they must not be.

    QT_QPA_PLATFORM=offscreen python scripts/bench_startup.py     (or under xvfb-run: xcb)

Goals: first paint <= 1,3 x the bare window; the year's figures on screen <= 3 x.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import BYTECODE, ROOT, Row, launch_window, print_rows, spread

BARE = """
import sys
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Jamsos Desa"))
window.resize(1280, 720)
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", flush=True)
            app.quit()
        return False
watch = Watch()
window.centralWidget().installEventFilter(watch)
window.show()
app.exec()
"""

# First paint: the first paint event of any of our widgets (the window's frame, painted before the
# database and the pages load); WINDOW: the main window itself painted (its navigation and first
# page); FIGURES: the first paint of a label showing rupiah (the Beranda's "Iuran dibayar desa"),
# however the window comes to fill it (before or after its first paint, in or off the GUI thread).
OURS = """
import argparse, sys
from ui.main import application, start
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel
app = application()
class Watch(QObject):
    first = True
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if self.first:
                self.first = False
                heavy = [m for m in ("reportlab", "openpyxl", "sqlalchemy") if m in sys.modules]
                print("PAINTED", ",".join(heavy), flush=True)
            if isinstance(obj, QLabel) and obj.text().startswith("Rp"):
                print("FIGURES", flush=True)
                app.quit()
        return False
watch = Watch()
app.installEventFilter(watch)
started = start(argparse.Namespace(data_dir=sys.argv[1], db=None))
started.window.first_painted.connect(lambda: print("WINDOW", flush=True))
QTimer.singleShot(30_000, app.quit)
app.exec()
"""

PREPARE = """
import sys
from desa_budget.demo import create_demo_village
from desa_budget.store.opening import open_database
db = open_database(data_dir=sys.argv[1])
with db.session() as session:
    create_demo_village(session, operator="bench")
db.dispose()
"""


def run_once(code: str, *args: str) -> dict[str, float | str]:
    """Seconds from launch to each marker line the child prints (PAINTED, FIGURES). The window's
    settings are removed first, so every run starts on Beranda."""
    process, started = launch_window(code, *args)
    assert process.stdout is not None
    seen: dict[str, float | str] = {}
    for line in process.stdout:
        word, _space, rest = line.strip().partition(" ")
        seen[word] = time.perf_counter() - started
        if word == "PAINTED":
            seen["heavy"] = rest
    _out, err = process.communicate(timeout=60)
    if "PAINTED" not in seen:
        raise SystemExit(f"no paint:\n{err}")
    return seen


def measure(runs: int) -> list[Row]:
    data_dir = tempfile.mkdtemp(prefix="jamsos_bench_")
    env = dict(os.environ, PYTHONPATH=str(ROOT), **BYTECODE)
    subprocess.run([sys.executable, "-c", PREPARE, data_dir], check=True, env=env, cwd=ROOT)
    # Warm the OS file cache once for both, so the first run does not favour either.
    run_once(BARE)
    run_once(OURS, data_dir)
    bare: list[float] = []
    ours: list[dict[str, float | str]] = []
    for _ in range(runs):  # taking turns
        bare.append(float(run_once(BARE)["PAINTED"]))
        ours.append(run_once(OURS, data_dir))
    painted = [float(run["PAINTED"]) for run in ours]
    heavy = {str(run.get("heavy", "")) for run in ours} - {""}
    libraries = f"loaded at first paint: {', '.join(sorted(heavy)) or 'none of sqlalchemy, reportlab, openpyxl'}"
    rows = [
        Row(
            "first painted main window (its frame; demo village)",
            statistics.median(painted),
            statistics.median(bare),
            1.3,
            note=f"median of {runs}; noise {spread(painted)} / {spread(bare)}; {libraries}",
            peer_name="bare PySide6 window",
        )
    ]
    window = [float(run["WINDOW"]) for run in ours if "WINDOW" in run]
    if len(window) == len(ours):
        rows.append(
            Row(
                "  the main window with its navigation and page painted",
                statistics.median(window),
                statistics.median(bare),
                0.0,
                note=f"median of {runs}; noise {spread(window)}",
                peer_name="bare PySide6 window",
                informative=True,
            )
        )
    figures = [float(run["FIGURES"]) for run in ours if "FIGURES" in run]
    if len(figures) == len(ours):
        rows.append(
            Row(
                "the year's figures on screen (demo village)",
                statistics.median(figures),
                statistics.median(bare),
                3.0,
                note=f"median of {runs}; noise {spread(figures)}",
                peer_name="bare PySide6 window",
            )
        )
    else:
        print("start-up: no rupiah figure was painted; that row is skipped", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args(argv)
    print_rows(measure(args.runs), as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
