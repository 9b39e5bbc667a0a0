"""The main window: registered pages only, the year selector, shortcuts, remembered state, and
the Beranda's numbers and clickable findings."""

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import NEW_NIK, YEAR, new_person_form, saved_form

from desa_budget.format import format_rp
from ui.app_context import AppContext, NavTarget
from ui.dialogs.person_dialog import PersonDialog
from ui.main_window import DEFAULT_SIZE, FRAME, MainWindow
from ui.models.summary_models import Finding
from ui.pages.beranda import BerandaPage
from ui.pages.roster import RosterPage


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx, village="Desa Sukamaju")
    qtbot.addWidget(win)
    win.show()
    return win


def test_navigation_builds_pages_on_first_use(window: MainWindow) -> None:
    assert window.current_key() == "beranda"
    assert set(window.pages) == {"beranda"}  # the others are built when first shown
    window.nav.setCurrentRow(window.page_keys().index("tentang"))
    assert window.stack.currentWidget() is window.pages["tentang"]
    assert window.ctx.settings.last_page == "tentang"


def test_window_state_and_last_tab_are_remembered(qtbot: QtBot, ctx: AppContext) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.show_page("peserta")
    room = first.screen().availableGeometry().size() - FRAME
    assert first.size() == DEFAULT_SIZE.boundedTo(room)  # nothing saved: the default, fitted
    # Smaller than the default in both directions, and inside the offscreen screen (800 × 800).
    first.resize(770, 560)
    first.move(0, 100)
    assert not ctx.settings.window_geometry
    first.close()
    assert ctx.settings.window_geometry
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.current_key() == "peserta"
    assert second.size() == QSize(770, 560) != DEFAULT_SIZE
    assert second.frameGeometry().topLeft() == QPoint(0, 100)


def test_default_size_fits_an_office_screen(window: MainWindow) -> None:
    assert window.width() <= 1366 and window.height() <= 768 - 40
    for key in window.page_keys():
        page = window.show_page(key) or window.pages[key]
        hint = page.minimumSizeHint()
        assert hint.width() <= 1366 - window.nav.width() and hint.height() <= 640, key


def test_year_selector_refreshes_the_visible_page(window: MainWindow, ctx: AppContext) -> None:
    beranda = window.pages["beranda"]
    assert isinstance(beranda, BerandaPage)
    assert beranda.simulation is not None and beranda.simulation.year == YEAR
    window.year_box.setCurrentIndex(window.year_box.findData(YEAR - 1))
    assert ctx.year == YEAR - 1
    assert beranda.simulation.year == YEAR - 1
    assert str(YEAR - 1) in beranda.title.text()


def test_ctrl_n_adds_a_person_and_the_beranda_follows(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    beranda = window.pages["beranda"]
    assert isinstance(beranda, BerandaPage)
    before = beranda.desa_figure.value.text()
    monkeypatch.setattr(PersonDialog, "ask", saved_form(new_person_form(dasar_upah=2_000_000)))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "peserta"
    roster = window.pages["peserta"]
    assert isinstance(roster, RosterPage)
    assert any(r.nik == NEW_NIK for r in roster.model.rows())
    window.show_page("beranda")  # refreshed when shown again
    assert beranda.simulation is not None
    assert beranda.desa_figure.value.text() == format_rp(beranda.simulation.desa) != before
    assert "Tarjo" in window.undo_action.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert beranda.desa_figure.value.text() == before
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert beranda.desa_figure.value.text() != before


def test_ctrl_f_searches_and_ctrl_p_asks_the_page_to_print(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    window.show_page("peserta")
    roster = window.pages["peserta"]
    assert isinstance(roster, RosterPage)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused: QWidget | None = QGuiApplication.focusObject()  # type: ignore[assignment]
    assert focused is roster.search
    with qtbot.waitSignal(ctx.print_requested) as printed:
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args == ["peserta"]
    assert "Dokumen" in window.statusBar().currentMessage()


def test_a_finding_opens_the_place_that_fixes_it(window: MainWindow, qtbot: QtBot) -> None:
    beranda = window.pages["beranda"]
    assert isinstance(beranda, BerandaPage)
    qtbot.waitUntil(lambda: not beranda.loading)  # the findings follow the first figures
    rows: list[Finding] = beranda.finding_model.rows()
    unregistered = next(f for f in rows if f.target is not None and f.target.page == "peserta")
    index = beranda.finding_model.index(rows.index(unregistered), 1)
    beranda.finding_view.doubleClicked.emit(index)
    assert window.current_key() == "peserta"
    roster = window.pages["peserta"]
    assert isinstance(roster, RosterPage)
    qtbot.waitUntil(lambda: not roster.loading)  # the roster is read in the background
    assert roster.proxy.rowCount() < roster.model.rowCount()
    window.navigate(NavTarget("halaman_yang_belum_ada"))
    assert "belum tersedia" in window.statusBar().currentMessage()


def test_beranda_shows_the_year_by_category_program_and_month(window: MainWindow) -> None:
    beranda = window.pages["beranda"]
    assert isinstance(beranda, BerandaPage)
    sim = beranda.simulation
    assert sim is not None
    assert beranda.category_model.rowCount() == len(sim.roster_counts)
    assert sum(line.desa for line in beranda.program_model.rows()) == sim.desa
    assert sum(beranda.chart.totals()) == sim.desa + sim.potongan
    # One head-count rule: the APBDes-paid persons, the Pemda-paid said apart (issue 18).
    assert sim.pemda_count == 1  # the demo's Pemda-paid person
    assert (
        beranda.persons_figure.value.text()
        == f"{len(sim.apbdes_persons)} / {sum(sim.roster_counts.values())}"
    )
    assert "1 orang" in beranda.pemda_figure.value.text()
    assert "dibayar Pemda" in beranda.persons_figure.toolTip()


def test_a_failing_undo_step_is_reported_and_history_dropped(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, boxes: Any
) -> None:
    from desa_budget.errors import UserError

    ctx.undo_stack.push(QUndoCommand("langkah lama"))
    window._on_ctx_command_failed(UserError("Data ini sudah diubah oleh pengguna lain."))
    assert any("diubah oleh pengguna lain" in t for t in boxes.texts())
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 0)


def test_the_beranda_shows_the_years_figures_first_then_its_findings(
    qtbot: QtBot, ctx: AppContext
) -> None:
    win = MainWindow(ctx, village="Desa Sukamaju")
    qtbot.addWidget(win)
    beranda = win.pages["beranda"]
    assert isinstance(beranda, BerandaPage) and beranda.simulation is not None
    # Built, before the first paint: the figures are the year's, the findings are loading.
    assert beranda.desa_figure.value.text() == format_rp(beranda.simulation.desa)
    assert beranda.loading and "memuat" in beranda.findings_box.title()
    assert beranda.finding_model.rowCount() == 0
    win.show()
    qtbot.waitUntil(lambda: not beranda.loading)
    assert beranda.finding_model.rowCount() > 0
    assert "memuat" not in beranda.findings_box.title()
    # A refresh shows everything at once, as before.
    beranda.refresh()
    assert not beranda.loading and beranda.finding_model.rowCount() > 0
