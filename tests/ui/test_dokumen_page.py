"""Dokumen driven as a secretary would: preview the pages, save a PDF and find it, print, export
the DPMD workbook and the registration sheet, and consolidate a folder of village workbooks."""

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.app_context import AppContext
from ui.dialogs.print_pages import PrintPages
from ui.pages import dokumen, dokumen_exports
from ui.pages.dokumen import DokumenPage

TIMEOUT = 20_000


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> DokumenPage:
    widget = DokumenPage(ctx)
    qtbot.addWidget(widget)
    ctx.data_changed.connect(widget.refresh)
    widget.refresh()
    widget.resize(1200, 700)
    widget.show()
    return widget


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(dokumen, "save_file", lambda *a, **k: path)
    monkeypatch.setattr(dokumen_exports, "save_file", lambda *a, **k: path)


def test_preview_shows_the_pages_inside_the_app(qtbot: QtBot, page: DokumenPage) -> None:
    page.doc.setCurrentIndex(page.doc.findData("ringkasan"))
    with qtbot.waitSignal(page.preview_finished, timeout=TIMEOUT) as shown:
        page.preview_button.click()
    assert shown.args[0] >= 1
    assert page.pages.page_count() == shown.args[0]
    assert not page.pages.labels[0].pixmap().isNull()
    page.paper.setCurrentIndex(page.paper.findData("F4"))
    assert "Pilihan berubah" in page.pages.message.text()


def test_save_a_pdf_and_find_it(
    qtbot: QtBot, page: DokumenPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keluar" / "lampiran"
    target.parent.mkdir()
    choose_file(monkeypatch, target.with_suffix(".pdf"))
    page.doc.setCurrentIndex(page.doc.findData("all"))
    page.paper.setCurrentIndex(page.paper.findData("F4"))
    with qtbot.waitSignal(page.file_written, timeout=TIMEOUT) as written:
        page.save_button.click()
    saved = Path(written.args[0])
    assert saved == target.with_suffix(".pdf") and saved.exists()
    reader = PdfReader(str(saved))
    assert len(reader.pages) > 3
    width_mm = float(reader.pages[-1].mediabox.width) / 72 * 25.4
    assert round(width_mm) in (215, 330)  # F4, portrait or landscape
    assert "Tersimpan" in page.last_label.text() and page.folder_button.isEnabled()
    opened: list[str] = []
    monkeypatch.setattr(
        dokumen.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    page.folder_button.click()
    assert opened == [str(saved.parent)]


def test_print_goes_through_the_print_dialog(
    qtbot: QtBot, page: DokumenPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "tercetak.pdf"

    def ask(cls: type, parent: object, *, pages: int) -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(PrintPages, "ask", classmethod(ask))
    page.doc.setCurrentIndex(page.doc.findData("ringkasan"))
    with qtbot.waitSignal(page.printed, timeout=TIMEOUT) as printed:
        page.print_button.click()
    assert printed.args[0] >= 1
    assert len(PdfReader(str(out)).pages) == printed.args[0]


def test_exports_and_consolidation(
    qtbot: QtBot, page: DokumenPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    folder = tmp_path / "desa"
    folder.mkdir()
    choose_file(monkeypatch, folder / "dpmd_sukamaju.xlsx")
    with qtbot.waitSignal(page.file_written, timeout=TIMEOUT):
        page.exports.dpmd_button.click()
    workbook = load_workbook(folder / "dpmd_sukamaju.xlsx", read_only=True)
    assert {"Info", "Rekap", "Anggaran", "Rincian"} <= set(workbook.sheetnames)
    workbook.close()

    choose_file(monkeypatch, tmp_path / "rab_siskeudes.xlsx")
    with qtbot.waitSignal(page.file_written, timeout=TIMEOUT):
        page.exports.siskeudes_button.click()
    rab = load_workbook(tmp_path / "rab_siskeudes.xlsx", read_only=True)
    first = next(rab["RAB Rinci"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[0] == "01.01.03." and first[-1] == first[-2] * first[-3]
    rab.close()

    choose_file(monkeypatch, folder / "pendaftaran.xlsx")
    with qtbot.waitSignal(page.file_written, timeout=TIMEOUT):
        page.exports.sipp_button.click()
    assert (folder / "pendaftaran.xlsx").exists()

    (folder / "catatan.xlsx").write_bytes(b"bukan excel")
    monkeypatch.setattr(dokumen_exports, "choose_folder", lambda *a, **k: folder)
    with qtbot.waitSignal(page.consolidated, timeout=TIMEOUT):
        page.recap.consolidate_button.click()
    rows = {r.path.name: r for r in page.recap.outcome_model.rows()}
    assert rows["dpmd_sukamaju.xlsx"].used
    assert not rows["catatan.xlsx"].used and rows["catatan.xlsx"].reason
    assert not rows["pendaftaran.xlsx"].used
    assert "1 berkas dipakai, 2 ditinggalkan" in page.recap.recap_summary.text()
    assert page.recap.recap_xlsx_button.isEnabled()

    choose_file(monkeypatch, tmp_path / "rekap.xlsx")
    with qtbot.waitSignal(page.file_written, timeout=TIMEOUT):
        page.recap.recap_xlsx_button.click()
    assert (tmp_path / "rekap.xlsx").exists()
    choose_file(monkeypatch, tmp_path / "rekap.pdf")
    with qtbot.waitSignal(page.file_written, timeout=TIMEOUT):
        page.recap.recap_pdf_button.click()
    assert len(PdfReader(str(tmp_path / "rekap.pdf")).pages) >= 1


def test_outcome_model_passes_the_model_tester(
    qtmodeltester: ModelTester, page: DokumenPage, tmp_path: Path
) -> None:
    from desa_budget.sheets.consolidate import FileOutcome

    page.recap.outcome_model.set_rows(
        [FileOutcome(tmp_path / "a.xlsx", True, "", "33.02.12.2005", "Sukamaju"),
         FileOutcome(tmp_path / "b.xlsx", False, "berkas rusak")]
    )  # fmt: skip
    qtmodeltester.check(page.recap.outcome_model, force_py=True)
    assert page.recap.outcome_model.index(1, 1).data() == "tidak"


def test_a_village_without_a_profile_gets_a_clear_message(
    qtbot: QtBot, page: DokumenPage, ctx: AppContext, boxes: Any
) -> None:
    from sqlalchemy import delete

    from desa_budget.store.models import VillageProfile

    with ctx.db.session() as session:
        session.execute(delete(VillageProfile))
    page.preview_button.click()
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=TIMEOUT)
    assert "Profil desa belum diisi" in boxes.texts()[0]
    qtbot.waitUntil(lambda: page.task is None or not page.task.running)
    assert page.pages.page_count() == 0


def test_regulations_and_pelaksana_are_set_on_the_page_and_undone(
    qtbot: QtBot, page: DokumenPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    from desa_budget.budget import regulations
    from ui.dialogs.document_settings import DocumentSettingsDialog, DocumentSettingsForm

    summary = page.settings_box.settings_label.text()
    assert (
        "Penjabaran APBDes: Lampiran Peraturan Kepala Desa tentang Penjabaran APBDes, nomor …"
        in summary
    )
    assert "Rencana Anggaran Biaya (RAB): tanpa lampiran" in summary
    assert "Ditandatangani Kepala Desa Suparno" in summary  # from the roster
    assert "RAB 1.1.03: …" in summary
    assert "Pelaksana RAB: 0 diisi, 5 belum" in page.settings_box.settings_label.toolTip()
    seen: list[object] = []

    def ask(cls: type, parent: object, settings: object) -> DocumentSettingsForm:
        seen.append(settings)
        dialog = DocumentSettingsDialog(None, settings)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        combo, roman = dialog.placement["ringkasan"]
        combo.setCurrentIndex(combo.findData("perkades_iuran"))
        roman.setText("II")
        name, jabatan = dialog.pelaksana["1.1.03"]
        name.setCurrentText("Rini Astuti")
        jabatan.setText("Kaur Keuangan")
        return dialog.form()

    monkeypatch.setattr(DocumentSettingsDialog, "ask", classmethod(ask))
    before = ctx.undo_stack.count()
    page.settings_box.settings_button.click()
    assert ctx.undo_stack.count() == before + 1  # one step for the whole dialog
    with ctx.db.session() as s:
        assert regulations.placements(s)["ringkasan"].lampiran == "II"
        assert regulations.pelaksana_list(s)["1.1.03"].nama == "Rini Astuti"
    label = page.settings_box.settings_label
    qtbot.waitUntil(lambda: "RAB 1.1.03: Rini Astuti" in label.text())
    assert "Ringkasan: Lampiran II Perkades Besaran Iuran" in label.toolTip()
    choose_file(monkeypatch, tmp_path / "rab.pdf")
    page.doc.setCurrentIndex(page.doc.findData("rab"))
    page.notation.setCurrentIndex(page.notation.findData("siskeudes"))
    with qtbot.waitSignal(page.file_written, timeout=TIMEOUT):
        page.save_button.click()
    content = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "rab.pdf")).pages)
    assert "RINI ASTUTI" in content and "01.01.03." in content
    ctx.undo_stack.undo()
    with ctx.db.session() as s:
        assert regulations.placements(s)["ringkasan"].peraturan == ""
        assert regulations.pelaksana_list(s) == {}
