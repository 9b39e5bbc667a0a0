"""A big village (5.000 persons) in the window, beside a bare PySide6 window on the same machine.

    python scripts/bench_window.py [--persons 5000] [--runs 3] [--json]   (offscreen, or xvfb-run)

The village is generated (bench_common.members) and saved through the roster service. Each run is
a fresh process that opens it and, after the first paint, opens Daftar Peserta and Simulasi &
Rencana (each until a table of the page is painted with rows), then on Daftar Peserta searches
("Budi"), sorts by a column and filters by a category (each until the table is painted again).
A 10 ms heartbeat timer records the longest time the event loop was stuck (the window frozen).
The peer of the times is the bare window's first paint, of the memory its resident size.
Goals (the issue's seconds over the bare window's 0,116 s): first paint <= 1,3 x; every page
open <= 0,3 s (2,6 x) and never frozen (longest stall <= 0,1 s: 0,86 x); search, sort and
filter <= 0,1 s (0,86 x); at most 300 MB resident.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import Row, build_village, launch_window, number, print_rows, spread
from bench_startup import BARE

BARE_SECONDS = 0.116  # the bare window in the table: its goals in seconds over this
BARE_RSS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Jamsos Desa"))
window.resize(1280, 720)
window.show()
def done():
    rss = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
    print("RSS", int(rss) / 1024, flush=True)
    app.quit()
QTimer.singleShot(300, done)
app.exec()
"""

OURS = """
import argparse, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QTableView
from ui.main import application, start
say = lambda *words: print(*words, flush=True)
app = application()

class FirstPaint(QObject):
    "The first paint of any of our widgets (the window's frame, as bench_startup measures)."
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            say("PAINTED")
            app.removeEventFilter(self)
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
started = start(argparse.Namespace(data_dir=sys.argv[1], db=None))
window = started.window

class Beat(QObject):
    "The longest gap between 10 ms ticks: how long the window could not react."
    def __init__(self):
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()
    def tick(self):
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.010)
        self.last = now
    def reset(self):
        self.last, self.worst = time.perf_counter(), 0.0

class Painted(QObject):
    "Calls back on the first paint of a table view's rows inside a page, after ``arm``."
    def __init__(self):
        super().__init__()
        self.page_getter = lambda: None
        self.done = None
    def arm(self, page_getter, done):
        self.page_getter, self.done = page_getter, done
    def eventFilter(self, obj, event):
        if self.done is not None and event.type() == QEvent.Type.Paint:
            view = obj.parent()
            page = self.page_getter()
            if (isinstance(view, QTableView) and view.model() is not None
                    and view.model().rowCount() > 0 and page is not None
                    and page.isAncestorOf(view) and view.isVisible()):
                done, self.done = self.done, None
                QTimer.singleShot(0, done)
        return False

beat = Beat()
painted = Painted()
app.installEventFilter(painted)

def page_of(key):
    return lambda: window.pages.get(key)

def roster_page():
    return window.pages["peserta"]

def search_box():
    page = roster_page()
    return getattr(page, "search", None) or page.findChildren(QLineEdit)[0]

def sort():
    view = [v for v in roster_page().findChildren(QTableView) if v.isVisible()][0]
    view.sortByColumn(2, view.horizontalHeader().sortIndicatorOrder())

def filter_category():
    combo = getattr(roster_page(), "kategori", None) or roster_page().findChildren(QComboBox)[0]
    combo.setCurrentIndex(combo.findData("pekerja_rentan"))

# (what to print, page whose table must be painted, action, opening a page: note the stall)
STEPS = [
    ("OPEN peserta", "peserta", lambda: window.show_page("peserta"), True),
    ("OPEN rencana", "rencana", lambda: window.show_page("rencana"), True),
    (None, "peserta", lambda: window.show_page("peserta"), False),
    ("ACT search", "peserta", lambda: search_box().setText("Budi"), False),
    (None, "peserta", lambda: search_box().setText(""), False),
    ("ACT sort", "peserta", sort, False),
    ("ACT filter", "peserta", filter_category, False),
]

def step(index):
    if index == len(STEPS):
        rss = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
        say("RSS", int(rss) / 1024)
        app.quit()
        return
    label, key, act, opening = STEPS[index]
    beat.reset()
    start = time.perf_counter()
    state = {"done": False}
    def shown():
        if state["done"]:
            return
        state["done"] = True
        if label:
            say(label, time.perf_counter() - start)
        if opening:  # let work the opening started finish, then note the worst stall
            QTimer.singleShot(1500, lambda: (say("STALL", label.split()[1], beat.worst),
                                             step(index + 1)))
        else:
            QTimer.singleShot(200, lambda: step(index + 1))
    def give_up():
        if not state["done"]:
            painted.done = None
            state["done"] = True
            QTimer.singleShot(0, lambda: step(index + 1))
    painted.arm(page_of(key), shown)
    QTimer.singleShot(10_000, give_up)
    act()

def after_paint():
    QTimer.singleShot(500, lambda: step(0))

window.first_painted.connect(after_paint)
QTimer.singleShot(120_000, app.quit)
app.exec()
"""


def run(code: str, *args: str) -> dict[str, float]:
    """Each figure the child prints (seconds from launch for PAINTED). The window's settings are
    removed first, so every run starts on Beranda with no page built."""
    process, started = launch_window(code, *args)
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        words = line.split()
        if words and words[0] == "PAINTED":
            seen["PAINTED"] = time.perf_counter() - started
        elif len(words) == 3:
            seen[f"{words[0]} {words[1]}"] = float(words[2])
        elif len(words) == 2:
            seen[words[0]] = float(words[1])
    _out, err = process.communicate(timeout=180)
    if "PAINTED" not in seen and "RSS" not in seen:
        raise SystemExit(f"the window bench failed:\n{err}")
    return seen


def measure(persons: int, runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench_window_") as tmp:
        folder = Path(tmp) / "village"
        build_village(folder, persons)
        run(OURS, str(folder))  # the day's backup, the file cache
        bare, bare_rss, ours = [], [], []
        for _ in range(runs):
            bare.append(run(BARE)["PAINTED"])
            bare_rss.append(run(BARE_RSS)["RSS"])
            ours.append(run(OURS, str(folder)))
    peer = statistics.median(bare)
    who = f"{number(persons)} persons"
    rows = []

    def row(what: str, key: str, goal_seconds: float | None, *, goal: float = 0.0) -> None:
        values = [r[key] for r in ours if key in r]
        if len(values) < len(ours):
            print(f"window: {what} was not measured (no table painted with rows)", file=sys.stderr)
            return
        rows.append(
            Row(
                f"{who} in the window: {what}",
                statistics.median(values),
                peer,
                goal_seconds / BARE_SECONDS if goal_seconds is not None else goal,
                note=f"median of {runs}; noise {spread(values)}",
                peer_name="bare PySide6 window",
            )
        )

    row("first paint", "PAINTED", None, goal=1.3)
    row("opening Daftar Peserta", "OPEN peserta", 0.3)
    row("  window frozen while it opens (longest stall)", "STALL peserta", 0.1)
    row("opening Simulasi & Rencana", "OPEN rencana", 0.3)
    row("  window frozen while it opens (longest stall)", "STALL rencana", 0.1)
    row("search in Daftar Peserta", "ACT search", 0.1)
    row("sort Daftar Peserta", "ACT sort", 0.1)
    row("filter Daftar Peserta by category", "ACT filter", 0.1)
    memory = [r["RSS"] for r in ours if "RSS" in r]
    if memory:
        bare_mb = statistics.median(bare_rss)
        rows.append(
            Row(
                f"{who} in the window: peak resident memory",
                statistics.median(memory),
                bare_mb,
                300 / bare_mb,
                unit="MB",
                note="goal: at most 300 MB",
                peer_name="bare PySide6 window",
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args()
    print_rows(measure(args.persons, args.runs), as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
