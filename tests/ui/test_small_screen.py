"""A 1024 × 768 office screen: the window opens within the screen and no page asks for more room
than such a screen gives (less its taskbar and the window's title bar), in either language."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.app_context import AppContext
from ui.main_window import SMALL_SCREEN, MainWindow


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_page_needs_more_than_a_1024_by_768_screen(
    qtbot: QtBot, ctx: AppContext, language: str
) -> None:
    i18n.set_language(language)
    window = MainWindow(ctx, village="Desa Sukamaju")
    qtbot.addWidget(window)
    window.show()
    too_big = []
    for key in window.page_keys():
        window.show_page(key)
        needed = window.minimumSizeHint().expandedTo(window.minimumSize())
        if needed.width() > SMALL_SCREEN.width() or needed.height() > SMALL_SCREEN.height():
            too_big.append(f"{key}: {needed.width()} × {needed.height()}")
    assert not too_big, f"wider or taller than {SMALL_SCREEN.toTuple()}: {too_big}"


def test_the_window_opens_within_the_screen(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.size() != QSize(1280, 720) or room.width() >= 1296  # shrunk when needed


def test_tier_names_stay_readable_in_a_narrow_panel_and_fill_a_wide_one(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from ui.models.plan_models import TierModel
    from ui.pages.rencana import RencanaPage

    page = RencanaPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    view = page.tier_view
    page.resize(900, 700)  # the results panel is narrower than the table's numbers need
    qtbot.waitUntil(lambda: view.viewport().width() < 500)
    assert view.columnWidth(TierModel.NAMA) >= 210  # not one letter a line
    page.resize(1900, 700)
    header = view.horizontalHeader()

    def filled() -> bool:
        total = sum(header.sectionSize(i) for i in range(header.count()))
        return total == view.viewport().width() and view.columnWidth(TierModel.NAMA) > 210

    qtbot.waitUntil(filled)  # the name takes the room a wide screen gives


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_tab_is_in_sight_on_a_1024_by_768_screen(
    qtbot: QtBot, ctx: AppContext, language: str
) -> None:
    """A tab pushed behind the tab bar's scroll arrows is a tab nobody finds (Cek Siskeudes)."""
    from PySide6.QtWidgets import QTabWidget

    i18n.set_language(language)
    window = MainWindow(ctx, village="Desa Sukamaju")
    qtbot.addWidget(window)
    window.show()
    window.resize(SMALL_SCREEN)
    hidden = []
    for key in window.page_keys():
        page = window.show_page(key)
        assert page is not None
        for tabs in page.findChildren(QTabWidget):
            if not tabs.isVisibleTo(page):
                continue
            bar = tabs.tabBar()
            qtbot.waitUntil(lambda bar=bar: bar.width() > 0)
            last = bar.tabRect(bar.count() - 1)
            if bar.tabRect(0).left() < 0 or last.right() > bar.width():
                hidden.append(f"{key}: {tabs.tabText(bar.count() - 1)} ({bar.width()} px)")
    assert not hidden, f"tabs out of sight: {hidden}"


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_siskeudes_preview_fits_a_1024_by_768_screen(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, language: str
) -> None:
    """The preview with every part shown (the kode desa asked, notes under the tabs)."""
    from dataclasses import replace

    from siskeudes_helpers import desa_rows, write_tables
    from ui_helpers import YEAR

    from desa_budget.siskeudes.import_preview import preview_import
    from desa_budget.siskeudes.source import read_siskeudes
    from ui.dialogs.siskeudes_preview import SiskeudesPreviewDialog

    i18n.set_language(language)
    data = read_siskeudes(write_tables(tmp_path / "siskeudes", desa_rows(YEAR)))
    with ctx.db.session() as s:
        preview = preview_import(s, data, year=YEAR)
    shown = replace(preview, new_profile=True, notes=(*preview.notes, "Catatan " * 40))
    dialog = SiskeudesPreviewDialog(None, shown)
    qtbot.addWidget(dialog)
    dialog.show()
    needed = dialog.minimumSizeHint().expandedTo(dialog.size())
    assert needed.width() <= SMALL_SCREEN.width() and needed.height() <= SMALL_SCREEN.height()
    assert dialog.kode_box.isVisible() and dialog.ok.isEnabled()
