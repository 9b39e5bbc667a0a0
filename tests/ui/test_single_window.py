"""Starting Jamsos Desa twice on one data folder: the second start says the data is open in
another window and brings that window forward instead of opening a second writer."""

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desa_budget.store.opening import open_database
from desa_budget.village.profile import ProfileData, save_profile
from ui.instance_server import InstanceServer
from ui.main import EXIT_USER_ERROR, Started, run_gui, start


@pytest.fixture
def args(tmp_path: Path) -> argparse.Namespace:
    db = open_database(data_dir=tmp_path / "data")
    with db.session() as s:
        profile = ProfileData("Uji", "33.02.12.2005", "Sumbang", "Banyumas", "Jawa Tengah")
        save_profile(s, profile, operator="x")
    db.dispose()
    return argparse.Namespace(data_dir=str(tmp_path / "data"), db=None)


@pytest.fixture
def first(args: argparse.Namespace, qtbot: QtBot) -> Iterator[Started]:
    previous_hook = sys.excepthook
    try:
        started = start(args)
    finally:
        sys.excepthook = previous_hook
    assert started.window is not None and started.ctx is not None
    qtbot.addWidget(started.window)
    yield started
    started.window.close()
    started.ctx.db.dispose()


def second_start(args: argparse.Namespace) -> int:
    previous_hook = sys.excepthook
    try:
        return run_gui(args)
    finally:
        sys.excepthook = previous_hook


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window manager
def test_a_second_start_brings_the_open_window_forward(
    args: argparse.Namespace, first: Started, qtbot: QtBot, boxes: Any
) -> None:
    assert first.window is not None
    server = first.window.findChild(InstanceServer)
    assert server is not None and server.listening
    first.window.showMinimized()
    with qtbot.waitSignal(server.show_requested):
        assert second_start(args) == 0
    assert any("sudah dibuka di jendela lain" in text for text in boxes.texts()), boxes.texts()
    qtbot.waitUntil(lambda: first.window is not None and not first.window.isMinimized())


def test_a_command_holding_the_data_is_named_without_a_window(
    args: argparse.Namespace, boxes: Any
) -> None:
    held = open_database(data_dir=args.data_dir, access="write")  # e.g. an import running
    try:
        assert second_start(args) == EXIT_USER_ERROR
    finally:
        held.dispose()
    assert any("sedang dibuka di jendela lain" in text for text in boxes.texts()), boxes.texts()


def test_the_data_opens_again_once_the_window_is_closed(
    args: argparse.Namespace, first: Started, qtbot: QtBot
) -> None:
    assert first.window is not None and first.ctx is not None
    first.window.close()
    first.ctx.db.dispose()
    again = start(args)
    assert again.window is not None and again.ctx is not None
    qtbot.addWidget(again.window)
    again.window.close()
    again.ctx.db.dispose()


def test_a_daily_backup_without_room_is_said_after_the_window_opens(
    args: argparse.Namespace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    from desa_budget.store import backup, storage

    def no_room(db: Any, **kwargs: Any) -> None:  # the seam: a full disk at the daily backup
        raise storage.disk_full(Path(args.data_dir), 5 * 1024 * 1024)

    monkeypatch.setattr(backup, "daily_backup", no_room)
    previous_hook = sys.excepthook
    try:
        started = start(args)
    finally:
        sys.excepthook = previous_hook
    assert started.window is not None and started.ctx is not None
    qtbot.addWidget(started.window)
    assert started.window.isVisible()
    [text] = boxes.texts()
    assert "Cadangan harian hari ini tidak dibuat" in text and "Disk penuh" in text
    started.window.close()
    started.ctx.db.dispose()
