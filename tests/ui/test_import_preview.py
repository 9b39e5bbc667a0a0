"""The import preview shows the core's problem records as they are: row, column and cell apart."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR, new_person_form

from desa_budget.roster.workbook.parse import ImportEntry, ImportPlan
from desa_budget.roster.workbook.problems import ImportProblem
from ui.dialogs.import_preview import ImportPreviewDialog
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
