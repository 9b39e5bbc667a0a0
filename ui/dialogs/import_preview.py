"""Before an import writes anything: what will be added and changed, or every error in the file
(which can be copied, saved as a workbook or text, and printed)."""

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.errors import UserError
from desa_budget.roster.problem_list import problems_text, write_problems
from desa_budget.roster.workbook.parse import ImportPlan
from desa_budget.roster.workbook.problems import problems_of
from ui.dialogs.file_choosers import TEXT_FILTER, XLSX_FILTER, save_file
from ui.dialogs.print_pages import PrintPages
from ui.i18n import _, label_buttons, ngettext
from ui.models.import_models import (
    ImportAddModel,
    ImportChangeModel,
    ImportProblemModel,
    change_rows,
)


def _table(model: QAbstractItemModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ImportPreviewDialog(QDialog):
    """``plan`` mode offers "Impor"; ``error`` mode lists every problem and only closes."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        file_name: str,
        plan: ImportPlan | None = None,
        error: UserError | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Impor daftar peserta: {file}").format(file=file_name))
        self.file_name = file_name
        self.saved_to: Path | None = None
        self.resize(960, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox()
        if plan is not None:
            self._show_plan(plan)
        elif error is not None:
            self._show_error(error)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _show_plan(self, plan: ImportPlan) -> None:
        adds, changed, same = len(plan.adds), len(plan.changed), len(plan.unchanged)
        self.summary.setText(
            ngettext(
                "Tahun {tahun}: {adds} orang akan ditambahkan, {changed} orang diubah, "
                "{same} orang tetap. Belum ada yang disimpan; periksa lalu tekan Impor.",
                "Tahun {tahun}: {adds} orang akan ditambahkan, {changed} orang diubah, "
                "{same} orang tetap. Belum ada yang disimpan; periksa lalu tekan Impor.",
                adds,
            ).format(tahun=plan.year, adds=adds, changed=changed, same=same)
        )
        self.add_model = ImportAddModel(self)
        self.add_model.set_rows(plan.adds)
        self.tabs.addTab(
            _table(self.add_model, ImportAddModel.JABATAN),
            _("Ditambahkan ({n})").format(n=adds),
        )
        self.change_model = ImportChangeModel(self)
        self.change_model.set_rows(change_rows(plan))
        self.tabs.addTab(
            _table(self.change_model, ImportChangeModel.BARU),
            _("Diubah ({n})").format(n=changed),
        )
        if changed and not adds:  # open on the list that has something in it
            self.tabs.setCurrentIndex(1)
        if plan.warnings:
            self.warning_model = ImportProblemModel(self)
            self.warning_model.set_rows(plan.warnings)
            self.tabs.addTab(
                _table(self.warning_model, ImportProblemModel.MASALAH),
                _("Peringatan ({n})").format(n=len(plan.warnings)),
            )
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Impor"))
        ok.setEnabled(bool(adds or changed))

    def _show_error(self, error: UserError) -> None:
        problems = problems_of(error)
        self.summary.setText(
            _("{message}\nTidak ada yang diubah. Perbaiki berkasnya lalu impor lagi.").format(
                message=error.message
            )
        )
        self.summary.setStyleSheet("color: #b00020;")
        self.error_model = ImportProblemModel(self)
        self.error_model.set_rows(problems)
        self.tabs.addTab(
            _table(self.error_model, ImportProblemModel.MASALAH),
            _("Masalah ({n})").format(n=len(problems)),
        )
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        label_buttons(self.buttons)
        self.problems = problems
        self.title_line = error.message
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.copy_button = self.buttons.addButton(_("Salin daftar"), role)
        self.save_button = self.buttons.addButton(_("Simpan daftar…"), role)
        self.print_button = self.buttons.addButton(_("Cetak…"), role)
        self.copy_button.clicked.connect(self.copy_problems)
        self.save_button.clicked.connect(self.save_problems)
        self.print_button.clicked.connect(self.print_problems)

    # The list kept away from the screen: clipboard, file, paper
    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(problems_text(self.problems, title=self.title_line))
        self.copy_button.setText(_("Tersalin"))

    def save_problems(self) -> None:
        path = save_file(
            self,
            title=_("Simpan daftar masalah"),
            suggested=Path.home() / f"masalah_{Path(self.file_name).stem}.xlsx",
            file_filter=f"{XLSX_FILTER};;{TEXT_FILTER}",
            suffix="",
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".txt"):
            path = path.with_suffix(".xlsx")
        write_problems(path, self.problems, title=self.title_line)
        self.saved_to = path
        self.summary.setText(self.summary.text() + "\n" + _("Tersimpan: {path}").format(path=path))

    def print_problems(self) -> None:
        printer = PrintPages.ask(self, pages=1)
        if printer is None:
            return
        document = QTextDocument()
        document.setPlainText(problems_text(self.problems, title=self.title_line))
        document.print_(printer)

    @classmethod
    def ask(cls, parent: QWidget | None, *, file_name: str, plan: ImportPlan) -> bool:
        """Show the plan; True when the user chose to import it."""
        return cls(parent, file_name=file_name, plan=plan).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def show_errors(cls, parent: QWidget | None, *, file_name: str, error: UserError) -> None:
        cls(parent, file_name=file_name, error=error).exec()
