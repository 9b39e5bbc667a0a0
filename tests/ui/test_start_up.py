"""Starting the window: the first start offers the demo village, and start-up loads no heavy
document libraries (reportlab, openpyxl) until they are used."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desa_budget.store.models import Person
from ui import first_start
from ui.first_start import FirstStartDialog
from ui.main import start

ROOT = Path(__file__).resolve().parents[2]


def test_first_start_opens_the_demo_village(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        FirstStartDialog, "ask", classmethod(lambda cls, parent=None: first_start.DEMO)
    )
    previous_hook = sys.excepthook
    try:
        started = start(argparse.Namespace(data_dir=str(tmp_path), db=None))
    finally:
        sys.excepthook = previous_hook
    assert started.window is not None and started.ctx is not None
    qtbot.addWidget(started.window)
    assert "Sukamaju" in started.window.windowTitle()
    with started.ctx.db.session() as session:
        assert (session.scalar(select(func.count()).select_from(Person)) or 0) > 100
    assert (tmp_path / "logs" / "jamsos_desa.log").exists()
    started.window.close()
    started.ctx.db.dispose()


def test_quitting_at_the_first_start_opens_no_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        FirstStartDialog, "ask", classmethod(lambda cls, parent=None: first_start.QUIT)
    )
    previous_hook = sys.excepthook
    try:
        started = start(argparse.Namespace(data_dir=str(tmp_path), db=None))
    finally:
        sys.excepthook = previous_hook
    assert started.window is None


CHILD = """
import argparse, sys
from ui import first_start
first_start.FirstStartDialog.ask = classmethod(lambda cls, parent=None: first_start.DEMO)
from ui.main import start
started = start(argparse.Namespace(data_dir=sys.argv[1], db=None))
for key in ("beranda", "peserta"):
    started.window.show_page(key)
started.app.processEvents()
heavy = sorted(m for m in ("openpyxl", "reportlab") if m in sys.modules)
print("HEAVY=" + ",".join(heavy))
"""


def test_start_up_does_not_load_document_libraries(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    assert "HEAVY=\n" in result.stdout, result.stdout + result.stderr


FRAME_CHILD = """
import argparse, sys
from PySide6.QtCore import QEvent, QObject
from ui.main import application, start
app = application()
seen = []
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append((obj.windowTitle(), "sqlalchemy" in sys.modules))
        return False
watch = Watch()
app.installEventFilter(watch)
started = start(argparse.Namespace(data_dir=sys.argv[1], db=None, demo=True))
print("FIRST=" + repr(seen[0]))
print("SHOWN=" + started.window.windowTitle())
"""


def test_the_window_frame_is_painted_before_the_database_libraries_load(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", FRAME_CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    assert "FIRST=('Jamsos Desa', False)" in result.stdout, result.stdout + result.stderr
    assert "SHOWN=Jamsos Desa — Desa Sukamaju" in result.stdout, result.stdout + result.stderr
