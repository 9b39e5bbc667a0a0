"""Dokumen: the budget annexes (pick, preview inside the app, save, print, open the folder); the
workbooks and the DPMD officer's recap are in dokumen_exports. reportlab loads only when needed."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.errors import UserError
from ui import errors, msgbox
from ui.app_context import AppContext
from ui.dialogs.file_choosers import PDF_FILTER, save_file
from ui.dialogs.print_pages import PrintPages, print_images
from ui.i18n import N_, _
from ui.pages import Page
from ui.pages.dokumen_exports import ExportBox, RecapBox
from ui.pages.dokumen_settings import DocumentSettingsBox
from ui.widgets.coverage_box import coverage_lines
from ui.widgets.page_preview import PRINT_DPI, PagePreview, pdf_page_images, pdftoppm, to_images
from ui.widgets.tables import group
from ui.workers import Task, run_task

DOC_CHOICES = (
    ("lampiran", N_("Daftar nominatif iuran (lampiran)")),
    ("penjabaran", N_("Penjabaran APBDes")),
    ("rab", N_("Rencana Anggaran Biaya (RAB)")),
    ("ringkasan", N_("Ringkasan")),
    ("all", N_("Semua dokumen")),
)


@dataclass(frozen=True)
class DocOptions:
    doc: str
    jenis: str | None  # None: the newest adopted version, else the draft
    paper: str
    landscape: bool | None  # None: each document's usual orientation
    full_nik: bool
    notation: str = "app"  # "siskeudes": codes as 01.01.03. and 5.1.3.04.


class DokumenPage(Page):
    preview_finished = Signal(int)  # pages shown
    file_written = Signal(str)
    printed = Signal(int)
    consolidated = Signal(object)  # the Consolidation

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        self.last_file: Path | None = None
        self._pdf: tuple[DocOptions, bytes] | None = None

        self.doc = QComboBox()
        for key, text in DOC_CHOICES:
            self.doc.addItem(_(text), key)
        self.version = QComboBox()
        self.paper = QComboBox()
        self.paper.addItem(_("A4 (210 × 297 mm)"), "A4")
        self.paper.addItem(_("F4 / Folio (215 × 330 mm)"), "F4")
        self.orientation = QComboBox()
        self.orientation.addItem(_("Seperti biasanya"), None)
        self.orientation.addItem(_("Tegak"), False)
        self.orientation.addItem(_("Mendatar"), True)
        self.notation = QComboBox()
        self.notation.addItem(_("Seperti aplikasi (1.1.03, 5.1.3.04)"), "app")
        self.notation.addItem(_("Gaya Siskeudes (01.01.03., 5.1.3.04.)"), "siskeudes")
        self.full_nik = QCheckBox(_("Tampilkan NIK lengkap"))
        self.full_nik.setToolTip(_("Tanpa centang, NIK disamarkan sebagian (data pribadi)."))
        form = QFormLayout()
        form.addRow(_("Dokumen"), self.doc)
        form.addRow(_("Versi"), self.version)
        form.addRow(_("Kertas"), self.paper)
        form.addRow(_("Arah"), self.orientation)
        form.addRow(_("Kode"), self.notation)
        form.addRow("", self.full_nik)
        for combo in (self.doc, self.version, self.paper, self.orientation, self.notation):
            combo.currentIndexChanged.connect(self._on_options_changed)
        self.full_nik.toggled.connect(self._on_options_changed)

        self.preview_button = QPushButton(_("Tampilkan pratinjau"))
        self.save_button = QPushButton(_("Simpan PDF…"))
        self.print_button = QPushButton(_("Cetak…"))
        self.folder_button = QPushButton(_("Buka folder"))
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.choose_save_pdf)
        self.print_button.clicked.connect(self.print_document)
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.setEnabled(False)
        pdf_buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button):
            pdf_buttons.addWidget(button)
        pdf_buttons2 = QHBoxLayout()
        for button in (self.print_button, self.folder_button):
            pdf_buttons2.addWidget(button)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.coverage_label = QLabel()  # what the draft follows: an applied plan or the roster
        self.coverage_label.setWordWrap(True)
        annex_box = group(
            _("Lampiran APBDes (PDF)"), self.coverage_label, form, pdf_buttons, pdf_buttons2
        )

        self.settings_box = DocumentSettingsBox(ctx)

        self.exports = ExportBox(self)
        self.recap = RecapBox(self)

        left = QWidget()
        left.setFixedWidth(360)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(annex_box)
        left_layout.addWidget(self.exports)
        left_layout.addWidget(self.recap)
        left_layout.addWidget(self.last_label)  # any file saved here, PDF or workbook
        left_layout.addStretch()

        self.pages = PagePreview()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.pages, _("Pratinjau"))
        self.tabs.addTab(self.recap.tab, _("Rekap DPMD"))
        self.tabs.addTab(self.settings_box, _("Peraturan dan penanda tangan"))
        # The consolidation is a DPMD officer's tool, apart from a secretary's documents: shown
        # only in the DPMD mode (Pengaturan › Operator dan bahasa, or the Alat menu).
        self.show_dpmd_tools(ctx.settings.dpmd_mode)

        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(self.tabs, 1)
        self.has_pdftoppm = pdftoppm() is not None
        self.pages.show_message(
            _('Klik "Tampilkan pratinjau" untuk melihat halaman-halamannya di sini.')
            if self.has_pdftoppm
            else _(
                "Pratinjau halaman memerlukan program pdftoppm (paket poppler-utils), yang tidak "
                "terpasang di komputer ini. PDF tetap dapat disimpan lalu dibuka dengan pembaca "
                "PDF."
            )
        )
        self.preview_button.setEnabled(self.has_pdftoppm)
        self.print_button.setEnabled(self.has_pdftoppm)

    def show_dpmd_tools(self, shown: bool) -> None:
        self.recap.setVisible(shown)
        self.tabs.setTabVisible(1, shown)

    # Options
    def refresh(self) -> None:
        from desa_budget.budget import versions
        from desa_budget.budget.findings import coverage_findings
        from desa_budget.contributions.simulation import simulate

        with self.ctx.db.session() as session:
            adopted = [v.jenis for v in versions.list_versions(session, self.ctx.year)]
            budget = simulate(session, self.ctx.rules, self.ctx.year)
            planned = coverage_findings(session, budget)
        self.coverage_label.setText(
            _("Rancangan: {keadaan}").format(keadaan=" ".join(coverage_lines(budget, planned)))
        )
        self._pdf = None  # the data or the year may have changed: render again
        chosen = self.version.currentData()
        self.version.blockSignals(True)
        self.version.clear()
        self.version.addItem(
            _("Terbaru ({versi})").format(
                versi=versions.LABELS[adopted[-1]] if adopted else _("rancangan murni")
            ),
            None,
        )
        for jenis in versions.JENIS:
            state = "" if jenis in adopted else _(" (rancangan)")
            self.version.addItem(versions.LABELS[jenis] + state, jenis)
        self.version.setCurrentIndex(max(self.version.findData(chosen), 0))
        self.version.blockSignals(False)
        self.settings_box.load(self.ctx.year, self.version.currentData())
        self._on_options_changed()

    def options(self) -> DocOptions:
        return DocOptions(
            doc=str(self.doc.currentData()),
            jenis=self.version.currentData(),
            paper=str(self.paper.currentData()),
            landscape=self.orientation.currentData(),
            full_nik=self.full_nik.isChecked(),
            notation=str(self.notation.currentData()),
        )

    def _on_options_changed(self) -> None:
        if self.sender() is self.version:
            self.settings_box.load(self.ctx.year, self.version.currentData())
        self.last_label.clear()  # "Tersimpan: …" spoke of the file saved with other choices
        if self._pdf is not None and self._pdf[0] != self.options() and self.pages.page_count():
            self.pages.show_message(
                _('Pilihan berubah. Klik "Tampilkan pratinjau" untuk melihat hasilnya.')
            )

    def print_page(self) -> bool:
        self.print_document()
        return True

    # Rendering (in a worker)
    def _render(self, options: DocOptions, year: int) -> bytes:
        from desa_budget.reports import gather_annex_data, render_documents

        with self.ctx.db.session() as session:
            data = gather_annex_data(session, self.ctx.rules, year=year, jenis=options.jenis)
        return render_documents(
            data,
            docs=[options.doc],
            paper=options.paper,
            landscape=options.landscape,
            full_nik=options.full_nik,
            notation=options.notation,
        )

    def _run(self, work: Any, label: str, done: Any) -> None:
        if self.task is not None and self.task.running:
            return
        self.task = run_task(self, work, label=label, on_done=done, on_error=self._on_task_error)

    def _on_task_error(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            errors.show_user_error(self, exc)
        else:
            errors.report(exc)

    def preview(self) -> None:
        options, year = self.options(), self.ctx.year

        def work() -> tuple[bytes, list[bytes]]:
            pdf = self._render(options, year)
            return pdf, pdf_page_images(pdf)

        def done(result: tuple[bytes, list[bytes]]) -> None:
            pdf, pages = result
            self._pdf = (options, pdf)
            self.pages.show_pages(to_images(pages))
            self.tabs.setCurrentIndex(0)
            self.preview_finished.emit(len(pages))

        self._run(work, _("Menyusun dokumen…"), done)

    def _name(self, document: str, suffix: str, extra: str = "") -> str:
        """Kode desa, desa, document and year (a DPMD gets files it can tell apart)."""
        from desa_budget.village.file_names import suggested_name

        with self.ctx.db.session() as session:
            return suggested_name(session, document, self.ctx.year, suffix, extra=extra)

    def choose_save_pdf(self) -> None:
        options = self.options()
        name = self._name(options.doc, ".pdf", extra=options.paper)
        path = save_file(
            self,
            title=_("Simpan PDF"),
            suggested=self._folder() / name,
            file_filter=PDF_FILTER,
            suffix=".pdf",
        )
        if path is not None:
            self.save_pdf(path)

    def save_pdf(self, path: Path) -> None:
        options = self.options()
        cached = self._pdf[1] if self._pdf is not None and self._pdf[0] == options else None

        def work() -> Path:
            from desa_budget.reports import gather_annex_data, write_pdf

            if cached is not None:
                path.write_bytes(cached)
                return path
            with self.ctx.db.session() as session:
                data = gather_annex_data(
                    session, self.ctx.rules, year=self.ctx.year, jenis=options.jenis
                )
            return write_pdf(
                path, data, docs=[options.doc], paper=options.paper,
                landscape=options.landscape, full_nik=options.full_nik,
                notation=options.notation,
            )  # fmt: skip

        self._run(work, _("Menyimpan {file}…").format(file=path.name), self._written)

    def print_document(self) -> None:
        if not self.has_pdftoppm:
            msgbox.info(
                self,
                _("Cetak"),
                _(
                    "Mencetak dari aplikasi memerlukan pdftoppm (poppler-utils). Simpan PDF lalu "
                    "cetak dari pembaca PDF."
                ),
            )
            return
        options, year = self.options(), self.ctx.year

        def work() -> list[bytes]:
            return pdf_page_images(self._render(options, year), dpi=PRINT_DPI)

        def done(pages: list[bytes]) -> None:
            printer = PrintPages.ask(self, pages=len(pages))
            if printer is None:
                return
            self.printed.emit(print_images(printer, to_images(pages)))

        self._run(work, _("Menyiapkan halaman untuk dicetak…"), done)

    def _folder(self) -> Path:
        folder = self.ctx.settings.last_export_dir
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def _written(self, path: Path) -> None:
        self.last_file = path
        self.ctx.settings.last_export_dir = str(path.parent)
        self.last_label.setText(_("Tersimpan: {path}").format(path=path))
        self.folder_button.setEnabled(True)
        self.file_written.emit(str(path))

    def open_folder(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file.parent)))

    def show_recap(self) -> None:
        self.tabs.setCurrentWidget(self.recap.tab)


def create_page(ctx: AppContext) -> Page:
    return DokumenPage(ctx)
