"""The window in English: a refusal from the core, plurals and the core's results all read English."""

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desa_budget.budget import settings as budget_settings
from desa_budget.history import COLUMNS, KINDS
from ui import i18n
from ui.app_context import AppContext
from ui.models.plan_models import MonthModel, TierModel
from ui.models.settings_models import HistoryModel
from ui.pages.beranda import BerandaPage
from ui.pages.rencana import RencanaPage
from ui.pages.riwayat import RiwayatPage
from ui.pages.roster import RosterPage


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")  # the ui conftest sets Indonesian again afterwards


def test_a_core_refusal_shows_in_english(qtbot: QtBot, ctx: AppContext, boxes: Any) -> None:
    page = RencanaPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.scenario_tab.scenario_name.setText("   ")
    page.scenario_tab.save_scenario()  # the core refuses an empty scenario name
    assert boxes.texts() == ["The scenario name is required."]
    assert boxes.titles() == ["Attention"]


def test_counts_use_english_plurals(qtbot: QtBot, ctx: AppContext) -> None:
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    everyone = page.proxy.rowCount()
    assert page.totals.text().startswith(f"{everyone} persons shown · village pays Rp")
    page.search.setText(page.model.row_at(0).nik)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    assert page.totals.text().startswith("1 person shown · village pays Rp")


def test_the_cores_results_show_in_english(qtbot: QtBot, ctx: AppContext) -> None:
    page = RencanaPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    tiers = page.tier_model
    assert tiers.index(1, TierModel.NAMA).data() == "JKK+JKM BPD members"
    assert page.month_model.index(0, MonthModel.BULAN).data() == "January"
    beranda = BerandaPage(ctx)
    qtbot.addWidget(beranda)
    beranda.refresh()
    messages = [
        beranda.finding_model.index(row, 1).data()
        for row in range(beranda.finding_model.rowCount())
    ]
    assert any(m.startswith("JP not computed from July 2024") for m in messages), messages


def test_riwayat_shows_no_indonesian_labels(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.db.session() as session:
        budget_settings.set_budget_year(
            session, ctx.year, total_belanja=750_000_000, pagu=40_000_000, operator="Pak Carik"
        )
    page = RiwayatPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    shown: set[str] = set()
    while True:
        for row in range(page.model.rowCount()):
            for column in (HistoryModel.JENIS, HistoryModel.KOLOM):
                shown.add(page.model.index(row, column).data())
        if not page.next_button.isEnabled():
            break
        page.next_button.click()
    assert {"Date of birth", "Post status", "Wage basis", "Persons", "Village profile"} <= shown
    indonesian = (set(COLUMNS.values()) | set(KINDS.values())) - {"NIK"}  # NIK is NIK in both
    assert not shown & indonesian
    assert not [text for text in shown if "_" in text]  # no raw column names either


def test_bpjs_status_and_worker_share_read_english(qtbot: QtBot, ctx: AppContext) -> None:
    from desa_budget.roster.data import load_limits
    from ui.dialogs.person_dialog import PersonDialog
    from ui.models.roster_model import RosterModel

    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    shown = {
        page.model.index(row, RosterModel.STATUS_BPJS).data()
        for row in range(page.model.rowCount())
    }
    assert "Registered" in shown and not shown & {"Terdaftar", "Belum Terdaftar"}
    dialog = PersonDialog(None, year=ctx.year, kode_desa=None, limits=load_limits(ctx.year))
    qtbot.addWidget(dialog)
    texts = {dialog.iuran_pekerja.itemText(i) for i in range(dialog.iuran_pekerja.count())}
    assert texts == {"Village", "Deducted from pay"}
    assert dialog.status_bpjs.currentData() == "belum"  # the keys stay as stored
