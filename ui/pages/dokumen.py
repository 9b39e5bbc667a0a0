"""Dokumen: the budget annexes (pick, preview inside the app, save, print, open the folder), the
DPMD workbook and the BPJS registration sheet, and, for a DPMD officer, the consolidation of a folder
of village workbooks. reportlab and openpyxl load only when one of these runs."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
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
from ui.dialogs.file_choosers import PDF_FILTER, XLSX_FILTER, choose_folder, save_file
from ui.dialogs.print_pages import PrintPages, print_images
from ui.i18n import N_, _, ngettext
from ui.models.document_models import FileOutcomeModel
from ui.pages import Page
from ui.pages.dokumen_settings import DocumentSettingsBox
from ui.widgets.coverage_box import coverage_lines
from ui.widgets.page_preview import PRINT_DPI, PagePreview, pdf_page_images, pdftoppm, to_images
from ui.widgets.tables import group, table_view
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


class _Progress(QObject):
    """Carries a worker's (done, total) to the progress dialog on the GUI thread."""

    moved = Signal(int, int)


class DokumenPage(Page):
    preview_finished = Signal(int)  # pages shown
    file_written = Signal(str)
    printed = Signal(int)
    consolidated = Signal(object)  # the Consolidation

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        self.last_file: Path | None = None
        self.consolidation: Any = None
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

        self.dpmd_button = QPushButton(_("Ekspor DPMD (xlsx)…"))
        self.sipp_button = QPushButton(_("Lembar pendaftaran BPJS (xlsx)…"))
        self.siskeudes_button = QPushButton(_("RAB untuk Siskeudes (xlsx)…"))
        self.siskeudes_button.setToolTip(
            _("Rincian RAB (kode gaya Siskeudes) untuk diketik atau ditempel ke Siskeudes.")
        )
        self.siskeudes_button.clicked.connect(self.choose_export_siskeudes)
        self.dpmd_button.clicked.connect(self.choose_export_dpmd)
        self.sipp_button.clicked.connect(self.choose_export_sipp)
        export_note = QLabel(
            _(
                "Ekspor DPMD memakai versi yang dipilih di atas. Lembar pendaftaran berisi "
                "peserta yang belum terdaftar di BPJS Ketenagakerjaan."
            )
        )
        export_note.setWordWrap(True)
        self.dpmd_projection = QCheckBox(_("Ekspor DPMD dengan sheet Proyeksi"))
        self.dpmd_projection.setToolTip(
            _("Tahun-tahun ke depan dengan asumsi yang disimpan di Simulasi & Rencana, Proyeksi.")
        )
        export_box = group(
            _("Ekspor"), self.dpmd_button, self.dpmd_projection, self.siskeudes_button,
            self.sipp_button, export_note,
        )  # fmt: skip

        self.consolidate_button = QPushButton(_("Gabungkan folder berkas desa…"))
        self.recap_xlsx_button = QPushButton(_("Simpan rekap xlsx…"))
        self.recap_pdf_button = QPushButton(_("Simpan rekap PDF…"))
        self.consolidate_button.clicked.connect(self.choose_consolidate)
        self.recap_xlsx_button.clicked.connect(lambda: self.choose_save_recap("xlsx"))
        self.recap_pdf_button.clicked.connect(lambda: self.choose_save_recap("pdf"))
        recap_buttons = QHBoxLayout()
        recap_buttons.addWidget(self.recap_xlsx_button)
        recap_buttons.addWidget(self.recap_pdf_button)
        dpmd_box = group(
            _("Rekap kabupaten (petugas DPMD)"), self.consolidate_button, recap_buttons
        )

        left = QWidget()
        left.setFixedWidth(360)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(annex_box)
        left_layout.addWidget(export_box)
        left_layout.addWidget(dpmd_box)
        left_layout.addWidget(self.last_label)  # any file saved here, PDF or workbook
        left_layout.addStretch()

        self.pages = PagePreview()
        self.outcome_model = FileOutcomeModel(self)
        self.outcome_view = table_view(self.outcome_model, FileOutcomeModel.ALASAN)
        self.recap_summary = QLabel(_("Pilih folder berisi ekspor DPMD dari desa-desa."))
        self.recap_summary.setWordWrap(True)
        recap_tab = QWidget()
        recap_layout = QVBoxLayout(recap_tab)
        recap_layout.addWidget(self.recap_summary)
        recap_layout.addWidget(self.outcome_view, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.pages, _("Pratinjau"))
        self.tabs.addTab(recap_tab, _("Rekap DPMD"))
        self.tabs.addTab(self.settings_box, _("Peraturan dan penanda tangan"))
        # The consolidation is a DPMD officer's tool, apart from a secretary's documents: shown
        # only in the DPMD mode (Pengaturan › Operator dan bahasa, or the Alat menu).
        self.dpmd_box = dpmd_box
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
        self._update_recap_buttons()

    def show_dpmd_tools(self, shown: bool) -> None:
        self.dpmd_box.setVisible(shown)
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

    # Exports
    def choose_export_dpmd(self) -> None:
        name = self._name("dpmd", ".xlsx")
        path = save_file(
            self, title=_("Ekspor DPMD"), suggested=self._folder() / name,
            file_filter=XLSX_FILTER, suffix=".xlsx",
        )  # fmt: skip
        if path is not None:
            self.export_dpmd(path)

    def export_dpmd(self, path: Path) -> None:
        options = self.options()
        projection = self.dpmd_projection.isChecked()

        def work() -> Path:
            from desa_budget.sheets.dpmd import export_dpmd, gather_dpmd_data

            with self.ctx.db.session() as session:
                data = gather_dpmd_data(
                    session, self.ctx.rules, year=self.ctx.year, jenis=options.jenis,
                    projection=projection,
                )  # fmt: skip
            return export_dpmd(path, data, full_nik=options.full_nik, paper=options.paper)

        self._run(work, _("Menulis {file}…").format(file=path.name), self._written)

    def choose_export_siskeudes(self) -> None:
        name = f"rab_siskeudes_{self.ctx.year}.xlsx"
        path = save_file(
            self, title=_("RAB untuk Siskeudes"), suggested=self._folder() / name,
            file_filter=XLSX_FILTER, suffix=".xlsx",
        )  # fmt: skip
        if path is not None:
            self.export_siskeudes(path)

    def export_siskeudes(self, path: Path) -> None:
        options = self.options()

        def work() -> Path:
            from desa_budget.sheets.dpmd import gather_dpmd_data
            from desa_budget.sheets.siskeudes import export_siskeudes

            with self.ctx.db.session() as session:
                data = gather_dpmd_data(
                    session, self.ctx.rules, year=self.ctx.year, jenis=options.jenis
                )
            return export_siskeudes(path, data, paper=options.paper)

        self._run(work, _("Menulis {file}…").format(file=path.name), self._written)

    def choose_export_sipp(self) -> None:
        from desa_budget.sheets.sipp import SUGGESTED_NAME

        name = SUGGESTED_NAME.format(year=self.ctx.year)  # it holds full NIKs: RAHASIA_...
        path = save_file(
            self, title=_("Lembar pendaftaran BPJS"), suggested=self._folder() / name,
            file_filter=XLSX_FILTER, suffix=".xlsx",
        )  # fmt: skip
        if path is not None:
            self.export_sipp(path)

    def export_sipp(self, path: Path) -> None:
        def work() -> tuple[Path, list[str]]:
            from desa_budget.sheets.sipp import export_sipp, gather_sipp_data

            with self.ctx.db.session() as session:
                data = gather_sipp_data(session, year=self.ctx.year, rules=self.ctx.rules)
            return path, export_sipp(path, data)

        def done(result: tuple[Path, list[str]]) -> None:
            written, warnings = result
            self._written(written)
            secret = _(
                "Berkas ini RAHASIA: memuat NIK lengkap, yang diperlukan BPJS Ketenagakerjaan "
                "untuk pendaftaran. Kirim hanya ke BPJS dan hapus setelah dipakai."
            )
            if warnings:
                msgbox.warning(
                    self,
                    _("Lembar pendaftaran"),
                    ngettext(
                        "Lembar tersimpan, tetapi {n} data wajib belum lengkap.",
                        "Lembar tersimpan, tetapi {n} data wajib belum lengkap.",
                        len(warnings),
                    ).format(n=len(warnings))
                    + "\n\n"
                    + secret,
                    "\n".join(warnings),
                )
            else:
                msgbox.info(self, _("Lembar pendaftaran"), secret)

        self._run(work, _("Menulis {file}…").format(file=path.name), done)

    # Consolidation
    def choose_consolidate(self) -> None:
        folder = choose_folder(
            self, title=_("Folder berisi ekspor DPMD desa"), folder=str(self._folder())
        )
        if folder is not None:
            self.consolidate(folder)

    def consolidate(self, folder: Path) -> None:
        progress = _Progress(self)
        progress.moved.connect(self._on_progress_moved)  # queued: emitted in the worker
        year = self.ctx.year

        def work() -> Any:
            from desa_budget.sheets.consolidate import consolidate

            return consolidate([folder], year=year, progress=progress.moved.emit)

        def done(result: Any) -> None:
            self.consolidation = result
            self.outcome_model.set_rows(result.files)
            used = sum(1 for f in result.files if f.used)
            text = ngettext(
                "{used} berkas dipakai, {left} ditinggalkan, dari {folder}.",
                "{used} berkas dipakai, {left} ditinggalkan, dari {folder}.",
                used,
            ).format(used=used, left=len(result.files) - used, folder=folder)
            if result.notes:
                text += " " + " ".join(_(note) for note in result.notes)
            self.recap_summary.setText(text)
            self.tabs.setCurrentIndex(1)
            self._update_recap_buttons()
            self.consolidated.emit(result)

        self._run(work, _("Menggabungkan berkas desa…"), done)

    def _on_progress_moved(self, done: int, total: int) -> None:
        if self.task is None or not self.task.running:
            return
        dialog = self.task.dialog
        dialog.setRange(0, total)
        dialog.setValue(done)
        dialog.setLabelText(_("Membaca berkas {n} dari {total}…").format(n=done, total=total))

    def _update_recap_buttons(self) -> None:
        ok = self.consolidation is not None and bool(self.consolidation.villages)
        self.recap_xlsx_button.setEnabled(ok)
        self.recap_pdf_button.setEnabled(ok)

    def choose_save_recap(self, kind: str) -> None:
        suffix = f".{kind}"
        path = save_file(
            self, title=_("Simpan rekap"),
            suggested=self._folder() / f"rekap_kabupaten_{self.consolidation.year}{suffix}",
            file_filter=PDF_FILTER if kind == "pdf" else XLSX_FILTER, suffix=suffix,
        )  # fmt: skip
        if path is not None:
            self.save_recap(path)

    def save_recap(self, path: Path) -> None:
        consolidation, paper = self.consolidation, str(self.paper.currentData())

        def work() -> Path:
            if path.suffix.lower() == ".pdf":
                from desa_budget.reports.recap import write_recap_pdf

                return write_recap_pdf(path, consolidation, paper=paper)
            from desa_budget.sheets.recap import write_recap

            return write_recap(path, consolidation)

        self._run(work, _("Menulis {file}…").format(file=path.name), self._written)


def create_page(ctx: AppContext) -> Page:
    return DokumenPage(ctx)
