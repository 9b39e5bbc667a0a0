"""The registration sheet from the Dokumen page: offered under a name that says RAHASIA, and the
secretary is told on screen that the file holds full NIKs."""

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.app_context import AppContext
from ui.pages import dokumen_exports
from ui.pages.dokumen import DokumenPage


def test_the_sheet_is_named_and_called_confidential(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    page = DokumenPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    offered: list[Path] = []

    def save_file(*args: Any, suggested: Path, **kwargs: Any) -> Path:
        offered.append(suggested)
        return tmp_path / suggested.name

    monkeypatch.setattr(dokumen_exports, "save_file", save_file)
    with qtbot.waitSignal(page.file_written, timeout=20_000):
        page.exports.sipp_button.click()
    assert offered and offered[0].name.startswith("RAHASIA_")
    assert (tmp_path / offered[0].name).exists()
    qtbot.waitUntil(lambda: any("NIK lengkap" in text for text in boxes.texts()))
