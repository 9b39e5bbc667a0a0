"""Siskeudes in the window: "Ambil dari Siskeudes" on Pengaturan and in the first-start wizard
(preview first, one import, the history cleared), and the comparison on Kode Anggaran, saved as
a workbook."""

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from siskeudes_helpers import KD_DESA, desa_rows, rab_row, write_tables
from ui_helpers import YEAR

from desa_budget.budget import versions
from desa_budget.budget.codes.notation import siskeudes_kegiatan, siskeudes_rekening
from desa_budget.siskeudes.import_preview import ImportPreview
from desa_budget.store.database import Database
from desa_budget.village.profile import get_profile
from ui import msgbox, siskeudes_import
from ui.app_context import AppContext
from ui.dialogs.siskeudes_preview import SiskeudesChoice, SiskeudesPreviewDialog
from ui.first_start import SISKEUDES, FirstStartAnswer, FirstStartDialog, run_first_start
from ui.pages.kode_anggaran import TAB_SISKEUDES, KodeAnggaranPage
from ui.pages.pengaturan import PengaturanPage


def answer_preview(monkeypatch: pytest.MonkeyPatch, choice: SiskeudesChoice | None) -> list[Any]:
    seen: list[ImportPreview] = []

    def ask(cls: Any, parent: Any, preview: ImportPreview) -> SiskeudesChoice | None:
        seen.append(preview)
        return choice

    monkeypatch.setattr(SiskeudesPreviewDialog, "ask", classmethod(ask))
    monkeypatch.setattr(msgbox, "confirm", lambda *a, **k: False)  # no workbook to complete
    return seen


def test_pengaturan_takes_the_profile_after_the_preview(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_tables(tmp_path / "siskeudes", desa_rows(YEAR))
    page = PengaturanPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    ctx.undo_stack.push(_noop())
    answer_preview(monkeypatch, None)  # cancelled: nothing written
    page.take_from_siskeudes(folder)
    with ctx.db.session() as s:
        assert get_profile(s).sekretaris_desa_nama != "Sri Wahyuni"  # type: ignore[union-attr]
    seen = answer_preview(monkeypatch, SiskeudesChoice(""))
    page.take_from_siskeudes(folder)
    assert seen and seen[0].year == YEAR and not seen[0].new_profile
    with ctx.db.session() as s:
        profile = get_profile(s)
    assert profile is not None and profile.sekretaris_desa_nama == "Sri Wahyuni"
    assert page.profile_form.value().sekretaris_desa_nama == "Sri Wahyuni"
    assert ctx.undo_stack.count() == 0  # an import clears the history, as the roster import does


def _noop() -> Any:
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("x")


def test_the_wizard_starts_a_village_from_siskeudes(
    empty_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_tables(tmp_path / "siskeudes", desa_rows(YEAR))
    answers = iter([FirstStartAnswer(SISKEUDES, path=folder)])
    monkeypatch.setattr(
        FirstStartDialog, "ask", classmethod(lambda cls, parent=None: next(answers))
    )
    seen = answer_preview(monkeypatch, SiskeudesChoice("33.02.12.2005"))
    assert run_first_start(empty_db, year=YEAR)
    assert seen[0].new_profile
    with empty_db.session() as s:
        profile = get_profile(s)
    assert profile is not None
    assert (profile.nama_desa, profile.kode_desa, profile.kepala_desa_nama) == (
        "Uji", "33.02.12.2005", "Suparno")  # fmt: skip


def test_the_wizard_button_asks_for_a_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = FirstStartDialog()
    qtbot.addWidget(wizard)
    monkeypatch.setattr(siskeudes_import, "choose_siskeudes", lambda parent, folder="": tmp_path)
    wizard.siskeudes_button.click()
    assert wizard.answer == FirstStartAnswer(SISKEUDES, path=tmp_path)


@pytest.fixture
def kode_page(qtbot: QtBot, ctx: AppContext) -> KodeAnggaranPage:
    page = KodeAnggaranPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_kode_anggaran_compares_with_siskeudes_and_saves_it(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    kode_page: KodeAnggaranPage,
    ctx: AppContext,
    tmp_path: Path,
) -> None:
    with ctx.db.session() as s:
        lines = versions.current_lines(s, ctx.rules, YEAR).lines
    extra = [1_000] + [0] * (len(lines) - 1)  # the first line keyed Rp1.000 too high
    rab = [rab_row(YEAR, siskeudes_kegiatan(ln.kegiatan), siskeudes_rekening(ln.rekening),
                   ln.sumber_dana, ln.jumlah + more, no=f"{i:02d}")
           for i, (ln, more) in enumerate(zip(lines, extra, strict=True), 1)]  # fmt: skip
    rows = desa_rows(YEAR)
    rows["Ta_RABRinci"] = rab
    folder = write_tables(tmp_path / "siskeudes", rows)
    page = kode_page
    tab = page.siskeudes_tab
    assert not tab.save_button.isEnabled()
    with qtbot.waitSignal(tab.compared):
        tab.choose(folder)
    page.tabs.setCurrentIndex(TAB_SISKEUDES)
    assert tab.comparison is not None and tab.comparison.kd_desa == KD_DESA
    statuses = [row[3] for row in tab.model.rows()]
    assert statuses.count("Berbeda") == 1 and "1 dari" in tab.summary.text()
    assert tab.model.rows()[0][6] == "1.000"
    qtmodeltester.check(tab.model, force_py=True)
    out = tmp_path / "banding.xlsx"
    tab.save(out)
    header, first, *_rest = load_workbook(out)["Perbandingan"].iter_rows(values_only=True)
    assert header[:3] == ("Kegiatan", "Rekening", "Sumber Dana") and first[6] == 1_000
    assert "<table" in tab.html() and "Berbeda" in tab.html()


def test_the_preview_dialog_says_what_is_missing(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    from desa_budget.siskeudes.import_preview import preview_import
    from desa_budget.siskeudes.source import read_siskeudes

    data = read_siskeudes(write_tables(tmp_path / "siskeudes", desa_rows(YEAR)))
    with ctx.db.session() as s:
        preview = preview_import(s, data, year=YEAR)
    dialog = SiskeudesPreviewDialog(None, preview)
    qtbot.addWidget(dialog)
    people = {row[0]: row for row in dialog.person_model.rows()}
    assert people["Wagiman"][2] == "Ditambahkan (belum lengkap)"
    assert people["Wagiman"][3].startswith("Belum ada: NIK, tanggal lahir, jenis kelamin")
    fields = [row[0] for row in dialog.profile_model.rows()]
    assert "Nama sekretaris desa" in fields and dialog.ok.isEnabled()
    assert dialog.kode_box.isHidden()  # the village has its kode desa already


def test_the_comparison_reads_english_in_the_english_window(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    from ui import i18n

    with ctx.db.session() as s:
        lines = versions.current_lines(s, ctx.rules, YEAR).lines
    rab = [rab_row(YEAR, siskeudes_kegiatan(ln.kegiatan), siskeudes_rekening(ln.rekening),
                   ln.sumber_dana, ln.jumlah + (1_000 if i == 1 else 0), no=f"{i:02d}")
           for i, ln in enumerate(lines, 1)]  # fmt: skip
    rows = desa_rows(YEAR)
    rows["Ta_RABRinci"] = rab
    folder = write_tables(tmp_path / "siskeudes", rows)
    i18n.set_language("en")  # the ui conftest sets Indonesian again afterwards
    page = KodeAnggaranPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    with qtbot.waitSignal(page.siskeudes_tab.compared):
        page.siskeudes_tab.choose(folder)
    states = {row[3] for row in page.siskeudes_tab.model.rows()}
    versi = {row[7] for row in page.siskeudes_tab.model.rows()}
    assert "Different" in states and "Equal" in states
    assert states <= {"Different", "Equal", "Not in Siskeudes yet", "Only in Siskeudes"}
    assert versi == {"draft"}  # the live lines of the applied plan, not an adopted APBDes
