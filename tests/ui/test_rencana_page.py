"""Simulasi & Rencana driven as a secretary would: set a pagu and see coverage per tier, reorder
tiers, change programs, save and compare scenarios, adopt the murni and see it against perubahan."""

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.budget import scenarios, versions
from desa_budget.budget import settings as budget_settings
from ui.app_context import AppContext
from ui.dialogs.adopt_dialog import AdoptDialog, AdoptForm
from ui.pages.rencana import TAB_RESULT, RencanaPage


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> RencanaPage:
    widget = RencanaPage(ctx)
    qtbot.addWidget(widget)
    ctx.data_changed.connect(widget.refresh)
    widget.refresh()
    widget.resize(1250, 720)
    widget.show()
    return widget


def type_pagu(qtbot: QtBot, page: RencanaPage, text: str) -> None:
    page.inputs.pagu.clear()
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        qtbot.keyClicks(page.inputs.pagu, text)


def coverage(page: RencanaPage) -> dict[int, tuple[int, int]]:
    return {t.tier: (t.covered, t.eligible) for t in page.tier_model.rows()}


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, page: RencanaPage) -> None:
    for model in (
        page.month_model,
        page.tier_model,
        page.version_tab.version_model,
        page.version_tab.diff_model,
    ):
        qtmodeltester.check(model, force_py=True)
    assert page.month_model.rowCount() == 12
    assert page.month_model.index(0, 0).data() == "Januari"
    assert page.tier_model.rowCount() == 8


def test_a_pagu_shows_the_coverage_per_tier(qtbot: QtBot, page: RencanaPage) -> None:
    assert all(covered == 0 for covered, _eligible in coverage(page).values())
    type_pagu(qtbot, page, "5000000")
    assert page.inputs.pagu.text() == "5.000.000"
    tiers = coverage(page)
    assert tiers[1][0] == tiers[1][1] > 0  # the apparatus fits whole
    assert tiers[7][0] < tiers[7][1]  # not every pekerja rentan
    assert page.plan is not None and 0 < page.plan.used <= 5_000_000
    assert page.used_figure.value.text() == "Rp" + f"{page.plan.used:,}".replace(",", ".")
    # A big pagu covers everyone
    type_pagu(qtbot, page, "900000000")
    assert all(covered == eligible for covered, eligible in coverage(page).values())


def test_reordering_tiers_changes_who_is_covered_first(qtbot: QtBot, page: RencanaPage) -> None:
    type_pagu(qtbot, page, "5000000")
    before = coverage(page)
    assert page.inputs.tier_order() == (1, 2, 3, 4, 5, 6, 7, 8)
    # Move pekerja rentan (tier 7, before the catch-all tier 8) to the top, as a drag would.
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        for _ in range(6):
            page.inputs.tiers.setCurrentRow(6 - _)
            page.inputs.up_button.click()
    assert page.inputs.tier_order()[0] == 7
    assert [t.tier for t in page.tier_model.rows()][0] == 7
    after = coverage(page)
    assert after[7][0] > before[7][0]
    assert after[1][0] < before[1][0]
    # A real drag-and-drop reorder (the list's model moving a row) recomputes too.
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        model = page.inputs.tiers.model()
        model.moveRows(model.index(0, 0).parent(), 0, 1, model.index(0, 0).parent(), 3)
    assert page.inputs.tier_order()[:3] == (1, 2, 7)
    assert [t.tier for t in page.tier_model.rows()][:3] == [1, 2, 7]


def test_programs_worker_shares_and_months(qtbot: QtBot, page: RencanaPage) -> None:
    assert page.simulation is not None
    desa_before = page.simulation.desa
    # Everyone's worker shares paid by the desa: nothing withheld.
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        page.inputs.iuran.setCurrentIndex(page.inputs.iuran.findData("desa"))
    assert page.simulation.potongan == 0 and page.simulation.desa >= desa_before
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        page.inputs.iuran.setCurrentIndex(page.inputs.iuran.findData("potong"))
    assert page.simulation.potongan > 0
    total = sum(r.desa for r in page.month_model.rows())
    assert total == page.simulation.desa  # APBDes only: Pemda-paid persons are apart
    assert page.chart.totals() == [r.jumlah for r in page.month_model.rows()]
    # Drop JHT and JP for the apparatus: the village pays less; the row is marked as changed.
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        page.inputs.iuran.setCurrentIndex(0)
        for kategori in ("kepala_desa", "sekretaris_desa", "perangkat_desa"):
            for program in ("JHT", "JP"):
                page.inputs.program_boxes[(kategori, program)].setChecked(False)
    assert page.simulation.desa < desa_before
    assert page.inputs.category_labels["kepala_desa"].font().bold()
    assert set(page.inputs.params().programs) == {
        "kepala_desa",
        "sekretaris_desa",
        "perangkat_desa",
    }
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        page.inputs.reset_programs_button.click()
    assert page.simulation.desa == desa_before
    assert not page.inputs.category_labels["kepala_desa"].font().bold()


def test_save_and_compare_scenarios(
    qtbot: QtBot, page: RencanaPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_pagu(qtbot, page, "5000000")
    page.scenario_tab.scenario_name.setText("Hemat")
    page.scenario_tab.save_scenario_button.click()
    type_pagu(qtbot, page, "60000000")
    page.inputs.mode.setCurrentIndex(page.inputs.mode.findData("fill"))
    page.scenario_tab.scenario_name.setText("Lengkap")
    page.scenario_tab.save_scenario_button.click()
    assert page.scenario_tab.scenario_names() == ["Hemat", "Lengkap"]

    page.scenario_tab.check_scenarios(["Hemat", "Lengkap"])
    page.scenario_tab.compare_button.click()
    model = page.scenario_tab.comparison_model
    assert model.headers() == ("Uraian", "Hemat", "Lengkap")
    rows = {row[0]: row[1:] for row in model.rows()}
    assert rows["Pagu"] == ("5.000.000", "60.000.000")
    assert rows["Mode"] == ("berhenti di tingkat yang kurang", "lewati tingkat yang kurang")

    # Loading a scenario puts its choices back in the inputs.
    page.scenario_tab.scenario_list.setCurrentRow(0)
    page.scenario_tab.load_scenario_button.click()
    assert page.inputs.pagu.value() == 5_000_000 and page.tabs.currentIndex() == TAB_RESULT
    assert page.inputs.mode.currentData() == "strict"

    # Overwriting asks first.
    asked: list[str] = []
    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: asked.append(a[2]) or False)
    page.scenario_tab.scenario_name.setText("Hemat")
    page.scenario_tab.save_scenario_button.click()
    assert asked and "sudah ada" in asked[0]


def test_comparison_model_passes_the_model_tester(
    qtmodeltester: ModelTester, page: RencanaPage
) -> None:
    page.scenario_tab.comparison_model.set_grid(
        ("Uraian", "A", "B"), [("Pagu", "1.000", "2.000")], numeric=[1, 2]
    )
    qtmodeltester.check(page.scenario_tab.comparison_model, force_py=True)
    assert page.scenario_tab.comparison_model.index(0, 2).data(Qt.ItemDataRole.UserRole + 2) == 2000


def test_adopt_murni_then_see_it_against_perubahan(
    qtbot: QtBot, page: RencanaPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[dict[str, Any]] = []

    def ask(cls: type, parent: object, **kwargs: Any) -> AdoptForm:
        asked.append(kwargs)
        return AdoptForm(kwargs["jenis"], "3 Tahun 2026", date(2026, 1, 5), "", None)

    monkeypatch.setattr(AdoptDialog, "ask", classmethod(ask))
    assert page.version_tab.adopt_button.text() == "Tetapkan APBDes Murni…"
    page.version_tab.adopt_button.click()
    assert asked[0]["jenis"] == "murni" and asked[0]["total"] > 0
    assert page.version_tab.version_model.rowCount() == 1
    assert page.version_tab.version_model.index(0, 1).data() == "3 Tahun 2026"
    assert page.version_tab.adopt_button.text() == "Tetapkan APBDes Perubahan…"
    assert page.version_tab.diff_model.rowCount() == 0  # nothing changed since

    # The roster changes: RT/RW move to PBK; the diff shows the lines that moved.
    with ctx.db.session() as session:
        budget_settings.set_category_mapping(
            session, "rt_rw", kode_kegiatan="1.1.07", kode_rekening="5.2.2.03",
            sumber_dana="PBK", operator="penguji",
        )  # fmt: skip
    ctx.notify_changed()
    assert page.version_tab.diff_model.rowCount() == 2
    assert {d.sumber_dana for d in page.version_tab.diff_model.rows()} >= {"PBK"}
    assert sum(d.selisih for d in page.version_tab.diff_model.rows()) == 0

    page.version_tab.adopt_button.click()
    with ctx.db.session() as session:
        assert [v.jenis for v in versions.list_versions(session, YEAR)] == ["murni", "perubahan"]
    assert not page.version_tab.adopt_button.isEnabled()
    assert "Perubahan" in page.version_tab.diff_note.text()


def test_saving_the_pagu_makes_it_the_years(
    qtbot: QtBot, page: RencanaPage, ctx: AppContext
) -> None:
    type_pagu(qtbot, page, "45000000")
    page.inputs.save_pagu_button.click()
    with ctx.db.session() as session:
        assert budget_settings.get_budget_year(session, YEAR).pagu == 45_000_000


def stored_year(ctx: AppContext) -> tuple[int | None, int | None]:
    with ctx.db.session() as session:
        year = budget_settings.get_budget_year(session, YEAR)
    return year.total_belanja, year.pagu


def test_the_saved_pagu_undoes_and_redoes_and_leaves_the_total_alone(
    qtbot: QtBot, page: RencanaPage, ctx: AppContext
) -> None:
    with ctx.db.session() as session:  # the Kode Anggaran page saved a total belanja
        budget_settings.set_total_belanja(session, YEAR, 900_000_000, operator="penguji")
    ctx.notify_changed()
    type_pagu(qtbot, page, "45000000")
    page.inputs.save_pagu_button.click()
    assert stored_year(ctx) == (900_000_000, 45_000_000)
    ctx.undo_stack.undo()
    assert stored_year(ctx) == (900_000_000, None)
    assert page.inputs.pagu.value() == 0  # the page shows the pagu saved again
    ctx.undo_stack.redo()
    assert stored_year(ctx) == (900_000_000, 45_000_000)
    assert page.inputs.pagu.value() == 45_000_000


def saved_pagu(ctx: AppContext) -> dict[str, tuple[int, int]]:
    with ctx.db.session() as session:
        return {s.nama: (s.id, s.params.pagu) for s in scenarios.list_scenarios(session, YEAR)}


def test_scenario_save_overwrite_and_delete_undo_and_redo(
    qtbot: QtBot, page: RencanaPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_pagu(qtbot, page, "5000000")
    page.scenario_tab.scenario_name.setText("Hemat")
    page.scenario_tab.save_scenario_button.click()
    first = saved_pagu(ctx)
    assert [p for _id, p in first.values()] == [5_000_000]
    ctx.undo_stack.undo()
    assert saved_pagu(ctx) == {} and page.scenario_tab.scenario_names() == []
    ctx.undo_stack.redo()
    assert saved_pagu(ctx) == first and page.scenario_tab.scenario_names() == [
        "Hemat"
    ]  # the same id

    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: True)
    type_pagu(qtbot, page, "7000000")
    page.scenario_tab.scenario_name.setText("Hemat")
    page.scenario_tab.save_scenario_button.click()  # overwrite, confirmed
    assert saved_pagu(ctx)["Hemat"][1] == 7_000_000
    ctx.undo_stack.undo()
    assert saved_pagu(ctx) == first
    ctx.undo_stack.redo()
    assert saved_pagu(ctx)["Hemat"][1] == 7_000_000

    page.scenario_tab.scenario_list.setCurrentRow(0)
    page.scenario_tab.delete_scenario_button.click()
    assert saved_pagu(ctx) == {} and page.scenario_tab.scenario_names() == []
    ctx.undo_stack.undo()
    assert saved_pagu(ctx)["Hemat"] == (first["Hemat"][0], 7_000_000)
    assert page.scenario_tab.scenario_names() == ["Hemat"]
    ctx.undo_stack.redo()
    assert saved_pagu(ctx) == {}


def test_adopting_undoes_and_redoes_the_same_frozen_version(
    page: RencanaPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ask(cls: type, parent: object, **kwargs: Any) -> AdoptForm:
        return AdoptForm(kwargs["jenis"], "3 Tahun 2026", date(2026, 1, 5), "", None)

    monkeypatch.setattr(AdoptDialog, "ask", classmethod(ask))
    page.version_tab.adopt_button.click()

    def adopted() -> list[tuple[str, str, int]]:
        with ctx.db.session() as session:
            return [
                (v.jenis, v.nomor_perdes, v.total) for v in versions.list_versions(session, YEAR)
            ]

    made = adopted()
    assert [jenis for jenis, _nomor, _total in made] == ["murni"]
    ctx.undo_stack.undo()
    assert adopted() == [] and page.version_tab.version_model.rowCount() == 0
    assert page.version_tab.adopt_button.text() == "Tetapkan APBDes Murni…"
    # The roster changes meanwhile: redo puts back the murni as adopted, not as it would be now.
    with ctx.db.session() as session:
        budget_settings.set_category_mapping(
            session, "rt_rw", kode_kegiatan="1.1.07", kode_rekening="5.2.2.03",
            sumber_dana="PBK", operator="penguji",
        )  # fmt: skip
    ctx.undo_stack.redo()
    assert adopted() == made and page.version_tab.version_model.rowCount() == 1
    assert page.version_tab.adopt_button.text() == "Tetapkan APBDes Perubahan…"
    assert page.version_tab.diff_model.rowCount() == 2  # the frozen murni against today's lines
