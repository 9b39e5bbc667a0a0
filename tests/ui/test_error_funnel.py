"""One funnel for errors: a UserError is a warning box, a bug is logged and shown in the crash
dialog with the log file's path, and the details can be copied."""

import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desa_budget.errors import UserError
from ui import msgbox
from ui.errors import ExceptionFunnel, install_excepthook


def raise_and_catch(exc: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise exc
    except BaseException:  # noqa: BLE001
        return sys.exc_info()  # type: ignore[return-value]


def test_a_user_error_becomes_a_warning_with_its_details(tmp_path: Path, boxes: Any) -> None:
    funnel = ExceptionFunnel(tmp_path / "app.log", previous=lambda *a: None)
    funnel(*raise_and_catch(UserError("Berkas rusak.", details=["Baris 2, kolom NIK: salah"])))
    assert boxes.shown == [("Perhatian", "Berkas rusak.", "Baris 2, kolom NIK: salah")]


def test_a_bug_is_logged_and_shown_with_the_log_path(
    tmp_path: Path, boxes: Any, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[BaseException] = []
    log_file = tmp_path / "logs" / "jamsos_desa.log"
    funnel = ExceptionFunnel(log_file, previous=lambda kind, exc, tb: seen.append(exc))
    with caplog.at_level(logging.ERROR, logger="jamsos.ui"):
        funnel(*raise_and_catch(ZeroDivisionError("bagi nol")))
    assert len(seen) == 1  # the previous hook still sees it: nothing is swallowed
    assert "ZeroDivisionError" in caplog.text
    title, report, details = boxes.shown[0]
    assert title == "Kesalahan program"
    assert str(log_file) in report and "Traceback" in details


def test_the_crash_dialog_copies_its_details(qtbot: QtBot) -> None:
    dialog = msgbox.CrashDialog(
        None, summary="RuntimeError: x", details="Traceback ...", log_file="/l/j.log"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError: x" in copied and "/l/j.log" in copied and "Traceback" in copied
    assert dialog.isVisible()  # copying does not close the dialog: the user may read on
    assert dialog.copy_button.text() == "Tersalin"
    assert dialog.result() == 0


def test_install_sets_and_chains_the_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = sys.excepthook
    monkeypatch.setattr(sys, "excepthook", previous)
    funnel = install_excepthook(tmp_path / "x.log")
    assert sys.excepthook is funnel and funnel.previous is previous


def test_confirm_defaults_to_no(boxes: Any) -> None:
    assert msgbox.confirm(None, "Hapus?", "Yakin?") is False
    assert boxes.titles() == ["Hapus?"]
