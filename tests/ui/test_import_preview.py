"""The import preview shows the core's problem records as they are: row, column and cell apart."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR, new_person_form

from desa_budget.roster.workbook.parse import FieldChange, ImportEntry, ImportPlan
from desa_budget.roster.workbook.problems import ImportProblem, ImportRefused
from ui.dialogs import import_preview
from ui.dialogs.import_preview import ImportPreviewDialog
from ui.dialogs.print_pages import PrintPages
from ui.models.import_models import ImportProblemModel


def test_warnings_are_listed_with_their_row_and_column(qtbot: QtBot) -> None:
    form = new_person_form()
    entry = ImportEntry(rows=(2,), person=form.person, posts=(form.post,), coverage=form.coverage)
    warning = ImportProblem(2, "NIK", form.person.nik, "NIK tersimpan sebagai angka.")
    plan = ImportPlan(
        year=YEAR, file_name="d.xlsx", entries=(entry,), warnings=(warning,), matched=True
    )
    dialog = ImportPreviewDialog(None, file_name="d.xlsx", plan=plan)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "Peringatan (1)"
    model = dialog.warning_model
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown == ["2", "NIK", form.person.nik, "NIK tersimpan sebagai angka."]
    assert model.headerData(ImportProblemModel.ISI, Qt.Orientation.Horizontal) == "Isi sel"


def test_a_file_that_only_changes_people_opens_on_the_changes(qtbot: QtBot) -> None:
    form = new_person_form()
    entry = ImportEntry(
        rows=(2,), person=form.person, posts=(form.post,), coverage=form.coverage, person_id=7,
        changes=(FieldChange("Dasar Upah", "1.500.000", "3.250.000"),),
    )  # fmt: skip
    plan = ImportPlan(year=YEAR, file_name="d.xlsx", entries=(entry,), matched=True)
    dialog = ImportPreviewDialog(None, file_name="d.xlsx", plan=plan)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Diubah (1)"


def test_the_error_list_is_copied_saved_and_printed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = ImportRefused(
        "Impor dibatalkan: 2 masalah di berkas daftar.xlsx. Tidak ada data yang diubah.",
        [
            ImportProblem(3, "NIK", "12345", "NIK harus 16 angka."),
            ImportProblem(7, "Tanggal Lahir", "31-02-2099", "tanggal tidak ada di kalender."),
        ],
    )
    dialog = ImportPreviewDialog(None, file_name="daftar.xlsx", error=error)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[1].split("\t") == ["Baris", "Kolom", "Isi sel", "Masalah"]
    assert copied[2].split("\t") == ["3", "NIK", "12345", "NIK harus 16 angka."]
    assert copied[3].startswith("7\tTanggal Lahir\t31-02-2099\tTanggal tidak ada")

    for name in ("masalah.xlsx", "masalah.txt"):
        target = tmp_path / name
        monkeypatch.setattr(import_preview, "save_file", lambda *a, target=target, **k: target)
        dialog.save_button.click()
        assert dialog.saved_to == target
    book = load_workbook(tmp_path / "masalah.xlsx", read_only=True)
    rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    book.close()
    assert ["3", "NIK", "12345", "NIK harus 16 angka."] in rows
    assert "7\tTanggal Lahir" in (tmp_path / "masalah.txt").read_text(encoding="utf-8")

    printed = tmp_path / "cetak.pdf"

    def printer(cls: type, parent: object, *, pages: int) -> QPrinter:
        made = QPrinter()
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(printed))
        return made

    monkeypatch.setattr(PrintPages, "ask", classmethod(printer))
    dialog.print_button.click()
    assert printed.read_bytes()[:4] == b"%PDF"
