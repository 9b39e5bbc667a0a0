"""Kode Anggaran driven as a secretary would: change a sumber dana and see the DDS error, undo it,
add and remove a local code, give a person their own codes, and see both 30 % ratios."""

from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.budget import settings as budget_settings
from desa_budget.budget.settings import CategoryCodes
from desa_budget.roster import service as roster
from ui.app_context import AppContext
from ui.dialogs.code_dialogs import (
    LocalCodeDialog,
    LocalCodeForm,
    PersonCodesDialog,
    PersonCodesForm,
)
from ui.dialogs.mapping_dialog import MappingChoice, MappingDialog
from ui.models.summary_models import ERROR
from ui.pages.kode_anggaran import TAB_MAPPING, KodeAnggaranPage


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> KodeAnggaranPage:
    widget = KodeAnggaranPage(ctx)
    qtbot.addWidget(widget)
    ctx.data_changed.connect(widget.refresh)
    widget.refresh()
    widget.resize(1200, 700)
    widget.show()
    return widget


def answer(monkeypatch: pytest.MonkeyPatch, dialog: type, value: Any) -> list[Any]:
    calls: list[Any] = []

    def ask(cls: type, parent: object, *args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return value

    monkeypatch.setattr(dialog, "ask", classmethod(ask))
    return calls


def dds_errors(page: KodeAnggaranPage) -> list[str]:
    return [
        f.message
        for f in page.checks.finding_model.rows()
        if f.severity == ERROR and "Dana Desa (DDS)" in f.message
    ]


def stored_mapping(ctx: AppContext, kategori: str) -> CategoryCodes:
    with ctx.db.session() as session:
        return budget_settings.effective_mapping(session)[kategori]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, page: KodeAnggaranPage) -> None:
    for model in (
        page.mapping_tab.model,
        page.lines_tab.line_model,
        page.lines_tab.potongan_model,
        page.local_tab.model,
        page.persons_tab.model,
        page.checks.finding_model,
    ):
        qtmodeltester.check(model, force_py=True)
    assert page.mapping_tab.model.rowCount() == 8
    kepala = page.mapping_tab.model.rows()[0]
    assert kepala.kegiatan == "1.1.03" and not kepala.village_set
    assert page.mapping_tab.model.index(0, 2).data() == "01.01.03."  # the Siskeudes form
    assert page.mapping_tab.model.index(0, 6).data() == "profil"
    assert page.lines_tab.line_model.rowCount() > 0 and page.lines_tab.potongan_model.rowCount() > 0


def test_dds_for_the_kepala_desa_shows_the_error_and_undo_removes_it(
    page: KodeAnggaranPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dds_errors(page) == []
    answer(monkeypatch, MappingDialog, MappingChoice("1.1.03", "5.1.3.03", "DDS"))
    page.select_category("kepala_desa")
    page.mapping_tab.edit_button.click()

    assert dds_errors(page), [f.message for f in page.checks.finding_model.rows()]
    assert page.mapping_tab.model.index(0, 5).data() == "DDS"
    assert page.mapping_tab.model.index(0, 6).data() == "desa"
    assert any(line.sumber_dana == "DDS" for line in page.lines_tab.line_model.rows())
    assert "1 galat" in page.checks.findings_box.title()

    ctx.undo_stack.undo()
    assert dds_errors(page) == []
    assert page.mapping_tab.model.index(0, 6).data() == "profil"
    assert not stored_mapping(ctx, "kepala_desa").village_set
    ctx.undo_stack.redo()
    assert dds_errors(page)
    assert stored_mapping(ctx, "kepala_desa").sumber_dana == "DDS"

    # Double-clicking the error opens the category's row.
    page.tabs.setCurrentIndex(1)
    row = next(i for i, f in enumerate(page.checks.finding_model.rows()) if "DDS" in f.message)
    page._on_finding_view_double_clicked(page.checks.finding_model.index(row, 1))
    assert page.tabs.currentIndex() == TAB_MAPPING
    page.mapping_tab.reset_button.click()
    assert dds_errors(page) == []
    with ctx.db.session() as session:
        assert not budget_settings.effective_mapping(session)["kepala_desa"].village_set


def test_local_code_added_then_removed(
    page: KodeAnggaranPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    answer(monkeypatch, LocalCodeDialog, LocalCodeForm("rekening", "5.1.3.93", "Iuran BPJS Linmas"))
    page.local_tab.add_local_button.click()
    assert [c.kode for c in page.local_tab.model.rows()] == ["5.1.3.93"]
    assert page.local_tab.model.index(0, 2).data() == "5.1.3.93."

    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: True)
    page.local_tab.view.selectRow(0)
    page.local_tab.remove_local_button.click()
    assert page.local_tab.model.rowCount() == 0

    answer(monkeypatch, LocalCodeDialog, LocalCodeForm("rekening", "5.1.3.04", "Bukan lokal"))
    page.local_tab.add_local_button.click()
    assert boxes.titles() == ["Perhatian"]  # the core's refusal, shown; nothing added
    assert page.local_tab.model.rowCount() == 0


def test_local_code_dialog_checks_the_shape_as_you_type(
    qtbot: QtBot, page: KodeAnggaranPage
) -> None:
    assert page.catalog is not None
    dialog = LocalCodeDialog(page, page.catalog)
    qtbot.addWidget(dialog)
    dialog.jenis.setCurrentIndex(1)
    dialog.uraian.setText("Iuran Linmas")
    dialog.kode.setText("5.1.3.04")
    assert (
        dialog.problem.text()
        and not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    )
    dialog.kode.setText("5.1.3.95")
    assert dialog.problem.text() == ""
    assert dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()


def test_a_person_gets_own_codes_and_goes_back_to_the_category(
    page: KodeAnggaranPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.simulation is not None
    rt = next(p for p in page.simulation.persons if p.kategori == "rt_rw")
    answer(monkeypatch, PersonCodesDialog, PersonCodesForm(rt.person_id, None, None, "PBK"))
    page.persons_tab.person_button.click()
    assert [(p.person_id, p.sumber_dana) for p in page.persons_tab.model.rows()] == [
        (rt.person_id, "PBK")
    ]
    assert any(
        line.sumber_dana == "PBK" and rt.person_id in line.person_ids
        for line in page.lines_tab.line_model.rows()
    )
    page.persons_tab.view.selectRow(0)
    page.persons_tab.person_clear_button.click()
    assert page.persons_tab.model.rowCount() == 0


def test_total_belanja_gives_both_ratios(page: KodeAnggaranPage, ctx: AppContext) -> None:
    assert page.checks.ratio_with.text() == "—"
    page.checks.total_belanja.setText("500000000")
    page.checks.total_belanja.textEdited.emit(page.checks.total_belanja.text())
    assert page.checks.total_belanja.text() == "500.000.000"
    assert "%" in page.checks.ratio_without.text() and "%" in page.checks.ratio_with.text()
    assert page.checks.ratio_with.text() != page.checks.ratio_without.text()
    assert "dasar upah BPJS untuk" in page.checks.ratio_note.text()  # which figure was used
    page.checks.save_total_button.click()
    with ctx.db.session() as session:
        assert budget_settings.get_budget_year(session, YEAR).total_belanja == 500_000_000
    # A small belanja makes the ceiling warning appear among the checks.
    page.checks.total_belanja.set_value(100_000_000)
    page.checks.save_total_button.click()
    assert any("Melebihi batas" in f.message for f in page.checks.finding_model.rows())


def stored_codes(ctx: AppContext) -> list[tuple[int, str]]:
    with ctx.db.session() as session:
        return [(c.id, c.kode) for c in budget_settings.local_codes(session)]


def test_local_codes_undo_and_redo_under_the_same_id(
    page: KodeAnggaranPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, LocalCodeDialog, LocalCodeForm("rekening", "5.1.3.93", "Iuran BPJS Linmas"))
    page.local_tab.add_local_button.click()
    added = stored_codes(ctx)
    assert [kode for _id, kode in added] == ["5.1.3.93"]
    ctx.undo_stack.undo()
    assert stored_codes(ctx) == [] and page.local_tab.model.rowCount() == 0
    ctx.undo_stack.redo()
    assert stored_codes(ctx) == added and page.local_tab.model.rowCount() == 1

    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: True)
    page.local_tab.view.selectRow(0)
    page.local_tab.remove_local_button.click()
    assert stored_codes(ctx) == [] and page.local_tab.model.rowCount() == 0
    ctx.undo_stack.undo()
    assert stored_codes(ctx) == added and [c.kode for c in page.local_tab.model.rows()] == [
        "5.1.3.93"
    ]
    ctx.undo_stack.redo()
    assert stored_codes(ctx) == []


def test_own_codes_undo_and_redo(
    page: KodeAnggaranPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.simulation is not None
    rt = next(p for p in page.simulation.persons if p.kategori == "rt_rw")

    def sumber() -> str | None:
        with ctx.db.session() as session:
            coverage = roster.get_person(session, rt.person_id).coverage_for(YEAR)
        assert coverage is not None
        return coverage.sumber_dana

    answer(monkeypatch, PersonCodesDialog, PersonCodesForm(rt.person_id, None, None, "PBK"))
    page.persons_tab.person_button.click()
    assert sumber() == "PBK" and page.persons_tab.model.rowCount() == 1
    ctx.undo_stack.undo()
    assert sumber() is None and page.persons_tab.model.rowCount() == 0
    ctx.undo_stack.redo()
    assert sumber() == "PBK" and page.persons_tab.model.rows()[0].sumber_dana == "PBK"

    page.persons_tab.view.selectRow(0)
    page.persons_tab.person_clear_button.click()
    assert sumber() is None and page.persons_tab.model.rowCount() == 0
    ctx.undo_stack.undo()
    assert sumber() == "PBK" and page.persons_tab.model.rowCount() == 1
    ctx.undo_stack.redo()
    assert sumber() is None


def test_total_belanja_undo_and_redo_leave_the_pagu_alone(
    page: KodeAnggaranPage, ctx: AppContext
) -> None:
    with ctx.db.session() as session:  # the Rencana page saved a pagu
        budget_settings.set_pagu(session, YEAR, 45_000_000, operator="penguji")
    ctx.notify_changed()

    def stored() -> tuple[int | None, int | None]:
        with ctx.db.session() as session:
            year = budget_settings.get_budget_year(session, YEAR)
        return year.total_belanja, year.pagu

    page.checks.total_belanja.set_value(500_000_000)
    page.checks.save_total_button.click()
    assert stored() == (500_000_000, 45_000_000)
    ctx.undo_stack.undo()
    assert stored() == (None, 45_000_000)
    assert page.checks.total_belanja.value() == 0 and page.checks.ratio_with.text() == "—"
    ctx.undo_stack.redo()
    assert stored() == (500_000_000, 45_000_000)
    assert page.checks.total_belanja.text() == "500.000.000"
    assert "%" in page.checks.ratio_with.text()
