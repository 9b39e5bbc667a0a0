"""Daftar Peserta is first read in the background: the page says it is loading, a person asked
for meanwhile is selected once the rows are there, and a refresh in between is never overwritten
by the older rows arriving late."""

from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.roster.service import list_roster
from ui.app_context import AppContext, NavTarget
from ui.main_window import MainWindow
from ui.pages.rencana import RencanaPage
from ui.pages.roster import RosterPage


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, village="Desa Sukamaju")
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_roster_loads_in_the_background_and_then_selects_who_was_asked_for(
    qtbot: QtBot, ctx: AppContext
) -> None:
    with ctx.db.session() as session:
        wanted = list_roster(session, YEAR, rules=ctx.rules)[7]
    window = _window(qtbot, ctx)
    window.navigate(NavTarget("peserta", person_id=wanted.person_id))
    page = window.pages["peserta"]
    assert isinstance(page, RosterPage)
    assert page.loading and "Memuat" in page.totals.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert page.model.rowCount() > 100 and "orang ditampilkan" in page.totals.text()
    assert page.selected_ids() == [wanted.person_id]


def test_a_refresh_during_the_first_load_is_what_stays(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    window.show_page("peserta")
    page = window.pages["peserta"]
    assert isinstance(page, RosterPage) and page.loading
    page.model.set_rows([])  # stands for rows newer than the load's: shown by a refresh
    page.loads += 1
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert page.model.rowCount() == 0


def test_simulasi_computes_its_plan_in_the_background(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    window.show_page("rencana")
    page = window.pages["rencana"]
    assert isinstance(page, RencanaPage)
    assert page.loading and page.simulation is None and "Menghitung" in page.plan_note.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert page.simulation is not None and page.simulation.desa > 0
    assert page.desa_figure.value.text().startswith("Rp")
