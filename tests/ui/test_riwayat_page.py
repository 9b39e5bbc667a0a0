"""Riwayat: the audit log shows who changed what, and the search finds a change."""

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.budget import settings as budget_settings
from ui.app_context import AppContext
from ui.pages.riwayat import RiwayatPage


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> RiwayatPage:
    with ctx.db.session() as session:
        budget_settings.set_budget_year(
            session, YEAR, total_belanja=750_000_000, pagu=40_000_000, operator="Pak Carik"
        )
    widget = RiwayatPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    widget.show()
    return widget


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, page: RiwayatPage) -> None:
    qtmodeltester.check(page.model, force_py=True)
    assert page.model.rowCount() > 0


def test_newest_first_and_search(qtbot: QtBot, page: RiwayatPage) -> None:
    newest = page.model.rows()[0]
    assert newest.operator == "Pak Carik"
    assert page.model.index(0, 1).data() == "Pak Carik"
    assert page.model.index(0, 4).data() in ("pagu", "total_belanja")
    with qtbot.waitSignal(page.refreshed, timeout=3000):
        qtbot.keyClicks(page.search, "carik")
    assert {r.operator for r in page.model.rows()} == {"Pak Carik"}
    assert {r.kolom for r in page.model.rows()} == {"pagu", "total_belanja"}
    assert "2 perubahan cocok" in page.count.text()
    with qtbot.waitSignal(page.refreshed, timeout=3000):
        page.search.setText("tidak-ada-yang-begini")
    assert page.model.rowCount() == 0
    assert page.focus_search() and page.search.hasFocus()
