"""Finding one's way: a next step on an empty Beranda, a menu bar with shortcuts, F1 help per page,
a right-click menu on roster rows, and the DPMD tools apart."""

from pytestqt.qtbot import QtBot

from desa_budget.rules import RuleSet
from desa_budget.store.database import Database
from ui.app_context import AppContext
from ui.main_window import MainWindow
from ui.pages.beranda import BerandaPage
from ui.pages.roster import RosterPage
from ui.settings import Settings


def test_an_empty_beranda_shows_the_next_step(
    qtbot: QtBot, empty_db: Database, rules: RuleSet, settings: Settings
) -> None:
    ctx = AppContext(db=empty_db, rules=rules, settings=settings, operator="x", year=2026)
    page = BerandaPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    assert page.next_step.isVisible() and page.add_first_button.isVisible()


def test_menus_shortcuts_help_and_dpmd_mode(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Berkas", "Ubah", "Buka", "Anggaran", "Alat", "Bantuan"]
    assert window.help_action.shortcut().toString() == "F1"
    window.show_page("peserta")
    window.help_action.trigger()
    assert "Daftar Peserta" in window.help_box.text() and "Ctrl+N" in window.help_box.text()
    window.help_box.close()
    dokumen = window.show_page("dokumen")
    assert dokumen is not None and not dokumen.recap.isVisibleTo(dokumen)
    window.dpmd_action.setChecked(True)
    assert dokumen.recap.isVisibleTo(dokumen) and ctx.settings.dpmd_mode


def test_right_click_on_roster_rows(qtbot: QtBot, ctx: AppContext) -> None:
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    first = page.model.row_at(0)
    page.select_persons([first.person_id])
    menu = page.row_menu()
    texts = {a.text(): a.isEnabled() for a in menu.actions()}
    assert texts["Ubah…"] and texts["Akhiri jabatan…"] and texts["Salin NIK"]
    next(a for a in menu.actions() if a.text() == "Salin NIK").trigger()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == first.nik
