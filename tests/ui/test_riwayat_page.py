"""Riwayat: who changed what, in words a person reads; search, filters, pages, export, NIK masked."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.budget import settings as budget_settings
from desa_budget.history import PAGE_SIZE
from desa_budget.roster import service as roster
from ui import file_dialogs
from ui.app_context import AppContext
from ui.models.settings_models import HistoryModel
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
    assert (
        page.model.index(0, HistoryModel.JENIS).data() == "Tahun anggaran"
    )  # not "tahun_anggaran"
    assert page.model.index(0, HistoryModel.KOLOM).data() in ("Pagu iuran", "Total belanja desa")
    assert page.model.index(0, HistoryModel.BARU).data() in ("40.000.000", "750.000.000")
    with qtbot.waitSignal(page.refreshed, timeout=3000):
        qtbot.keyClicks(page.search, "carik")
    assert {r.operator for r in page.model.rows()} == {"Pak Carik"}
    assert "dari 2" in page.count.text() and "disaring" in page.count.text()
    with qtbot.waitSignal(page.refreshed, timeout=3000):
        page.search.setText("tidak-ada-yang-begini")
    assert page.model.rowCount() == 0
    assert page.focus_search() and page.search.hasFocus()


def test_every_entry_is_reached_page_by_page(page: RiwayatPage) -> None:
    total = page.total
    assert total > PAGE_SIZE  # the demo village alone logs more than one page
    seen = len(page.model.rows())
    while page.next_button.isEnabled():
        page.next_button.click()
        seen += len(page.model.rows())
    assert seen == total
    assert page.previous_button.isEnabled()


def test_filtered_by_person_kind_and_date_and_exported_with_the_nik_masked(
    qtbot: QtBot,
    page: RiwayatPage,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with ctx.db.session() as session:
        first = roster.list_roster(session, YEAR)[0]
    page.person.setCurrentIndex(page.person.findData(first.nama))
    rows = page.model.rows()
    assert rows and all(r.data == first.nama or r.data.startswith(first.nama + " (") for r in rows)
    page.kind.setCurrentIndex(page.kind.findData("person"))
    nik_rows = [r for r in page.model.rows() if r.kolom == "NIK"]
    assert nik_rows and nik_rows[0].baru != first.nik and "*" in nik_rows[0].baru
    assert first.nik not in {cell for r in page.model.rows() for cell in (r.lama, r.baru)}
    page.start.set_value(date.today() + timedelta(days=1))
    assert page.model.rowCount() == 0 and "Tidak ada perubahan" in page.count.text()
    page.start.set_value(None)

    target = tmp_path / "riwayat.xlsx"
    monkeypatch.setattr(file_dialogs, "save_xlsx", lambda *a, **k: target)
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.export_button.click()
    book = load_workbook(target, read_only=True)
    cells = [list(row) for row in book.active.iter_rows(values_only=True)]
    book.close()
    assert cells[0][:3] == ["Waktu", "Operator", "Jenis"]
    assert len(cells) - 1 == page.total  # everything the filters show, not only the page
    assert all(row[3] == first.nama for row in cells[1:])
    flat = {str(c) for row in cells for c in row}
    assert first.nik not in flat and any("*" in c for c in flat)

    page.reveal.setChecked(True)  # asked for: the NIK in full
    assert first.nik in {r.baru for r in page.model.rows()}
