"""The page registry: every registered page imports and builds, the window lists them all, and a
registered page whose module is missing is an error rather than a page silently left out."""

import sys

import pytest
from pytestqt.qtbot import QtBot

from ui import main_window
from ui.app_context import AppContext
from ui.main_window import MainWindow
from ui.pages import PAGES, Page, PageSpec


@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_every_registered_page_imports_and_builds(
    qtbot: QtBot, ctx: AppContext, spec: PageSpec
) -> None:
    page = spec.create(ctx)
    qtbot.addWidget(page)
    assert isinstance(page, Page) and spec.module in sys.modules
    page.refresh()  # what the window does when the page is first shown


def test_the_window_lists_every_registered_page_in_order(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.page_keys() == [spec.key for spec in PAGES]
    assert window.page_keys()[:2] == ["beranda", "peserta"] and "tentang" in window.page_keys()
    assert [window.nav.item(i).text() for i in range(window.nav.count())][:2] == [
        "Beranda",
        "Daftar Peserta",
    ]


def test_a_registered_page_whose_module_is_missing_is_an_error(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = PageSpec("tidak_ada", "Tidak ada", "ui.pages.tidak_ada_modul")
    monkeypatch.setattr(main_window, "PAGES", (*PAGES, missing))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.page_keys()[-1] == "tidak_ada"  # listed, not silently left out
    with pytest.raises(ModuleNotFoundError, match="tidak_ada_modul"):
        window.page("tidak_ada")
