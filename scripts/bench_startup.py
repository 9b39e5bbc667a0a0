"""Time to the first painted main window, beside a bare PySide6 window on the same machine.

Each measurement is a fresh Python process, timed from launch to its first paint event; the
median of --runs is printed for both and their ratio. The database (demo village) is made once
beforehand, so this times an ordinary start, not the first one. Also reports whether the heavy
document libraries (reportlab, openpyxl) were loaded at start-up: they must not be.

    QT_QPA_PLATFORM=offscreen python scripts/bench_startup.py     (or under xvfb-run)
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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

OURS = """
import argparse, sys
from ui.main import start
started = start(argparse.Namespace(data_dir=sys.argv[1], db=None))
window = started.window
def painted():
    heavy = [m for m in ("reportlab", "openpyxl") if m in sys.modules]
    print("PAINTED", ",".join(heavy), flush=True)
    started.app.quit()
window.first_painted.connect(painted)
started.app.exec()
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


def run_once(code: str, *args: str) -> tuple[float, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    _out, err = process.communicate(timeout=60)
    if not line.startswith("PAINTED"):
        raise SystemExit(f"no paint: {line!r}\n{err}")
    return elapsed, line.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    data_dir = tempfile.mkdtemp(prefix="jamsos_bench_")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", PREPARE, data_dir], check=True, env=env, cwd=ROOT)
    # Warm the OS file cache once for both, so the first run does not favour either.
    run_once(BARE)
    run_once(OURS, data_dir)
    bare = [run_once(BARE)[0] for _ in range(args.runs)]
    ours_runs = [run_once(OURS, data_dir) for _ in range(args.runs)]
    ours = [elapsed for elapsed, _line in ours_runs]
    heavy = {line.partition(" ")[2] for _elapsed, line in ours_runs} - {""}
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window : {bare_median * 1000:7.0f} ms (median of {args.runs})")
    print(f"Jamsos Desa window  : {ours_median * 1000:7.0f} ms (median of {args.runs})")
    print(f"ratio               : {ours_median / bare_median:7.2f}x")
    print(f"heavy libraries loaded at start-up: {', '.join(sorted(heavy)) or 'none'}")
    return 1 if heavy else 0


if __name__ == "__main__":
    sys.exit(main())
