"""Applying a plan to the budget, driven as a secretary would on the demo village: save a pagu
below the roster's cost and see Beranda, Kode Anggaran and Dokumen say so; apply the plan and see
Beranda, Dokumen and the roster follow it; undo and redo it; take it back to the roster."""

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.budget import coverage
from desa_budget.budget import settings as budget_settings
from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import simulate
from desa_budget.format import format_rp
from desa_budget.roster.read import TIDAK
from ui.app_context import AppContext
from ui.pages.beranda import BerandaPage
from ui.pages.dokumen import DokumenPage
from ui.pages.kode_anggaran import KodeAnggaranPage
from ui.pages.rencana import RencanaPage
from ui.pages.roster import RosterPage

PAGU = 30_000_000


class Pages:
    def __init__(self, qtbot: QtBot, ctx: AppContext) -> None:
        self.ctx = ctx
        self.rencana = RencanaPage(ctx)
        self.beranda = BerandaPage(ctx)
        self.dokumen = DokumenPage(ctx)
        self.kode = KodeAnggaranPage(ctx)
        self.roster = RosterPage(ctx)
        for page in (self.rencana, self.beranda, self.dokumen, self.kode, self.roster):
            qtbot.addWidget(page)
            ctx.data_changed.connect(page.refresh)
            page.refresh()
        self.rencana.resize(1250, 720)
        self.rencana.show()

    def budget(self) -> Simulation:
        with self.ctx.db.session() as s:
            return simulate(s, self.ctx.rules, YEAR)

    def beranda_findings(self) -> list[str]:
        return [row.message for row in self.beranda.finding_model.rows()]

    def kode_findings(self) -> list[str]:
        return [row.message for row in self.kode.checks.finding_model.rows()]

    def not_covered_rows(self) -> list[str]:
        self.roster.ditanggung.setCurrentIndex(self.roster.ditanggung.findData(TIDAK))
        names = [row.nama for row in self.roster.proxy.visible_rows()]
        self.roster.ditanggung.setCurrentIndex(0)
        return names


@pytest.fixture
def pages(qtbot: QtBot, ctx: AppContext) -> Pages:
    return Pages(qtbot, ctx)


def type_pagu(qtbot: QtBot, page: RencanaPage, text: str) -> None:
    page.inputs.pagu.clear()
    with qtbot.waitSignal(page.recomputed, timeout=3000):
        qtbot.keyClicks(page.inputs.pagu, text)


def test_apply_a_pagu_see_every_page_follow_and_undo_it(
    qtbot: QtBot, pages: Pages, monkeypatch: pytest.MonkeyPatch
) -> None:
    roster = pages.budget()
    roster_text = format_rp(roster.desa)
    assert pages.beranda.desa_figure.value.text() == roster_text
    assert "Belum ada rencana yang diterapkan" in pages.dokumen.coverage_label.text()
    assert pages.not_covered_rows() == []

    # A pagu below the roster's cost, saved but not applied: three pages say so, with the gap.
    type_pagu(qtbot, pages.rencana, str(PAGU))
    pages.rencana.inputs.save_pagu_button.click()
    gap = (
        f"Iuran seluruh daftar peserta {roster_text} melebihi pagu {format_rp(PAGU)}: selisih "
        f"{format_rp(roster.desa - PAGU)}."
    )
    assert any(gap in text for text in pages.beranda_findings())
    assert any(gap in text for text in pages.kode_findings())
    assert gap in pages.dokumen.coverage_label.text()
    assert pages.beranda.desa_figure.value.text() == roster_text  # nothing applied yet

    # Apply: Beranda, Dokumen and the roster follow the plan.
    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: True)
    pages.rencana.coverage_box.apply_button.click()
    assert pages.ctx.undo_stack.count() == 2  # saving the pagu, applying the plan
    assert pages.ctx.undo_stack.undoText() == f"Terapkan rencana {YEAR}"
    budget = pages.budget()
    assert budget.coverage is not None and budget.desa < roster.desa
    assert pages.rencana.plan is not None and budget.desa == pages.rencana.plan.used
    left_out = [p.nama for p in budget.coverage.not_covered]
    assert left_out  # the demo's plan leaves part of the pekerja rentan out
    applied_text = format_rp(budget.desa)
    assert pages.beranda.desa_figure.value.text() == applied_text
    assert pages.beranda.persons_figure.value.text() == (
        f"{len(budget.apbdes_persons)} / {budget.roster_total}"
    )
    assert pages.beranda.plan_box.title() == "Rencana yang diterapkan ke anggaran"
    assert (
        f"Tidak ditanggung tahun ini: {len(left_out)} Pekerja Rentan"
        in pages.beranda.plan_label.text()
    )
    assert not any(gap in text for text in pages.beranda_findings())
    dokumen = pages.dokumen.coverage_label.text()
    assert f"mengikuti rencana pagu {format_rp(PAGU)}" in dokumen and applied_text in dokumen
    assert sorted(pages.not_covered_rows()) == sorted(left_out)
    assert pages.rencana.coverage_box.clear_button.isEnabled()

    # Undo: back to the whole roster (the pagu stays saved); redo: the same plan again.
    pages.ctx.undo_stack.undo()
    assert pages.beranda.desa_figure.value.text() == roster_text
    assert pages.beranda.plan_box.title() == "Hasil perencanaan (pagu)"
    assert "Belum ada rencana yang diterapkan" in pages.dokumen.coverage_label.text()
    assert pages.not_covered_rows() == []
    with pages.ctx.db.session() as s:
        assert budget_settings.get_budget_year(s, YEAR).pagu == PAGU
    pages.ctx.undo_stack.redo()
    assert pages.beranda.desa_figure.value.text() == applied_text
    assert sorted(pages.not_covered_rows()) == sorted(left_out)

    # Back to the whole roster from the button, and that undone too.
    pages.rencana.coverage_box.clear_button.click()
    assert pages.beranda.desa_figure.value.text() == roster_text
    assert pages.ctx.undo_stack.undoText() == f"Lepas rencana {YEAR}"
    pages.ctx.undo_stack.undo()
    assert pages.beranda.desa_figure.value.text() == applied_text


def test_applying_with_a_new_pagu_saves_it_in_the_same_step(
    qtbot: QtBot, pages: Pages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: True)
    type_pagu(qtbot, pages.rencana, str(PAGU))
    pages.rencana.coverage_box.apply_button.click()
    assert pages.ctx.undo_stack.count() == 1
    with pages.ctx.db.session() as s:
        assert budget_settings.get_budget_year(s, YEAR).pagu == PAGU
        assert coverage.read_applied(s, YEAR) is not None
    # No "perlu diterapkan ulang": the saved pagu is the plan's.
    assert not any("diterapkan ulang" in text for text in pages.beranda_findings())
    pages.ctx.undo_stack.undo()
    with pages.ctx.db.session() as s:
        assert budget_settings.get_budget_year(s, YEAR).pagu is None
        assert coverage.read_applied(s, YEAR) is None


def test_a_plan_the_budget_cannot_follow_is_refused_with_a_message(
    qtbot: QtBot, pages: Pages, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: True)
    type_pagu(qtbot, pages.rencana, str(PAGU))
    with qtbot.waitSignal(pages.rencana.recomputed, timeout=3000):
        pages.rencana.inputs.bpu_discount.setChecked(True)
    pages.rencana.coverage_box.apply_button.click()
    assert any("diskon BPU" in text for text in boxes.texts())
    assert pages.ctx.undo_stack.count() == 0
    assert "Belum ada rencana yang diterapkan" in pages.dokumen.coverage_label.text()


def test_cancelling_the_confirmation_applies_nothing(
    qtbot: QtBot, pages: Pages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: False)
    type_pagu(qtbot, pages.rencana, str(PAGU))
    pages.rencana.coverage_box.apply_button.click()
    assert pages.ctx.undo_stack.count() == 0


def test_the_applied_plan_names_its_mode_in_words(
    qtbot: QtBot, pages: Pages, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_pagu(qtbot, pages.rencana, str(PAGU))
    monkeypatch.setattr("ui.msgbox.confirm", lambda *a, **k: True)
    pages.rencana.coverage_box.apply_button.click()
    texts = (
        pages.beranda.plan_label.text(),
        pages.dokumen.coverage_label.text(),
        *pages.kode_findings(),
    )
    assert all("strict" not in text for text in texts), texts
    assert "(mode berhenti di tingkat yang kurang)" in pages.beranda.plan_label.text()
    assert "(mode berhenti di tingkat yang kurang)" in pages.dokumen.coverage_label.text()
