"""The Qt binding the window runs on keeps Python's books straight: a long working day of
label updates must not bring the window down."""

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_leave_none_alone(qtbot: QtBot) -> None:
    # PySide6 6.12.0 dropped one reference to None per such call; on Python 3.11 the process
    # aborted with "none_dealloc" after a few thousand of them (a morning's typing and paging).
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(500):
        label.setText(str(n))
        label.update()
    assert sys.getrefcount(None) >= before - 50  # other objects may let go of None meanwhile
