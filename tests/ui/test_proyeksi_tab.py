"""Simulasi & Rencana, tab Proyeksi: the years ahead recomputed as the assumptions change, saved
as an undo step, shown in a table, a chart and words."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.contributions.simulation import simulate
from desa_budget.projection.assumptions import read_params
from desa_budget.store.versioning import ABSENT
from ui.app_context import AppContext
from ui.pages import dokumen_exports
from ui.pages.dokumen import DokumenPage
from ui.pages.rencana import TAB_PROJECTION, RencanaPage


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> RencanaPage:
    widget = RencanaPage(ctx)
    qtbot.addWidget(widget)
    ctx.data_changed.connect(widget.refresh)
    widget.refresh()
    widget.resize(1000, 680)
    widget.show()
    with qtbot.waitSignal(widget.projection.recomputed, timeout=5000):
        widget.tabs.setCurrentIndex(TAB_PROJECTION)
    return widget


def test_six_years_from_the_page_year(
    qtmodeltester: ModelTester, page: RencanaPage, ctx: AppContext
) -> None:
    tab = page.projection
    qtmodeltester.check(tab.model, force_py=True)
    qtmodeltester.check(tab.category_model, force_py=True)
    assert [tab.model.index(r, 0).data() for r in range(6)] == [str(y) for y in range(2026, 2032)]
    with ctx.db.session() as s:
        sim = simulate(s, ctx.rules, YEAR)
    assert tab.model.row_at(0).desa == sim.desa  # the base year is the year's simulation
    assert tab.model.index(1, tab.model.BATAS).data() == "11.561.900*"  # assumed, marked
    assert "4,29%" in tab.inputs.ceiling_average.text()
    assert "4,29% per tahun" in tab.notes.toPlainText()
    assert not page.inputs_panel.isVisible()  # the what-if inputs make room


def test_a_target_recomputes_then_saves_and_undoes(
    qtbot: QtBot, page: RencanaPage, ctx: AppContext
) -> None:
    tab = page.projection
    before = tab.model.row_at(3).desa
    rentan = tab.result.years[0].by_category["pekerja_rentan"].persons  # type: ignore[union-attr]
    tab.inputs.target_year["pekerja_rentan"].setValue(2029)
    with qtbot.waitSignal(tab.recomputed, timeout=3000):
        tab.inputs.target["pekerja_rentan"].setValue(rentan + 50)
    assert tab.model.row_at(3).desa == before + 50 * 201_600  # 2029: 50 more on Rp 16.800
    assert tab.save_button.isEnabled() and "belum disimpan" in tab.state.text()
    tab.save_button.click()
    with ctx.db.session() as s:
        stored = read_params(s, YEAR)
    assert stored.params.target == {"pekerja_rentan": {2029: rentan + 50}}
    assert not tab.save_button.isEnabled()
    ctx.undo_stack.undo()
    with ctx.db.session() as s:
        assert read_params(s, YEAR).version == ABSENT
    assert tab.inputs.target["pekerja_rentan"].value() == 0  # the form shows the defaults again
    ctx.undo_stack.redo()
    assert tab.inputs.target["pekerja_rentan"].value() == rentan + 50


def test_a_stated_ceiling_growth(qtbot: QtBot, page: RencanaPage) -> None:
    tab = page.projection
    tab.inputs.ceiling_average.setChecked(False)
    assert tab.inputs.ceiling.isEnabled()
    with qtbot.waitSignal(tab.recomputed, timeout=3000):
        tab.inputs.ceiling.setValue(5.0)
    assert tab.model.index(1, tab.model.BATAS).data() == "11.640.600*"
    assert "naik 5% per tahun" in tab.notes.toPlainText()


def test_the_dpmd_export_takes_the_proyeksi_sheet_when_asked(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = DokumenPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    path = tmp_path / "dpmd.xlsx"
    monkeypatch.setattr(dokumen_exports, "save_file", lambda *a, **k: path)
    widget.exports.dpmd_projection.setChecked(True)
    with qtbot.waitSignal(widget.file_written, timeout=20_000):
        widget.exports.dpmd_button.click()
    workbook = load_workbook(path, read_only=True)
    assert "Proyeksi" in workbook.sheetnames
    workbook.close()
