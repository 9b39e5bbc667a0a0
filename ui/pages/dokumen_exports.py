"""The Dokumen page's workbooks: the DPMD export, the RAB for Siskeudes and the BPJS registration
sheet, and, for a DPMD officer, the consolidation of a folder of village workbooks into a recap.
openpyxl and reportlab load only when one of these runs."""

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import msgbox
from ui.app_context import AppContext
from ui.dialogs.file_choosers import PDF_FILTER, XLSX_FILTER, choose_folder, save_file
from ui.i18n import _, ngettext
from ui.models.document_models import FileOutcomeModel
from ui.widgets.tables import table_view
from ui.workers import Task


class Choices(Protocol):
    """The page's choices an export follows."""

    @property
    def jenis(self) -> str | None: ...
    @property
    def paper(self) -> str: ...
    @property
    def full_nik(self) -> bool: ...


class DocumentHost(Protocol):
    """What the boxes use of the Dokumen page: its choices, its worker and where files go."""

    ctx: AppContext
    task: Task | None
    consolidated: SignalInstance

    def options(self) -> Choices: ...
    def _name(self, document: str, suffix: str, extra: str = "") -> str: ...
    def _folder(self) -> Path: ...
    def _run(self, work: Callable[[], Any], label: str, done: Callable[[Any], None]) -> None: ...
    def _written(self, path: Path) -> None: ...
    def show_recap(self) -> None: ...


def _save_xlsx(parent: QWidget, title: str, suggested: Path) -> Path | None:
    return save_file(
        parent, title=title, suggested=suggested, file_filter=XLSX_FILTER, suffix=".xlsx"
    )


class ExportBox(QGroupBox):
    """Three buttons, each asking where to save, then writing the workbook in a worker."""

    def __init__(self, host: DocumentHost) -> None:
        super().__init__(_("Ekspor"))
        self.host = host
        self.dpmd_button = QPushButton(_("Ekspor DPMD (xlsx)…"))
        self.siskeudes_button = QPushButton(_("RAB untuk Siskeudes (xlsx)…"))
        self.sipp_button = QPushButton(_("Lembar pendaftaran BPJS (xlsx)…"))
        self.siskeudes_button.setToolTip(
            _("Rincian RAB (kode gaya Siskeudes) untuk diketik atau ditempel ke Siskeudes.")
        )
        self.dpmd_button.clicked.connect(self.choose_export_dpmd)
        self.siskeudes_button.clicked.connect(self.choose_export_siskeudes)
        self.sipp_button.clicked.connect(self.choose_export_sipp)
        note = QLabel(
            _(
                "Ekspor DPMD memakai versi yang dipilih di atas. Lembar pendaftaran berisi "
                "peserta yang belum terdaftar di BPJS Ketenagakerjaan."
            )
        )
        note.setWordWrap(True)
        self.dpmd_projection = QCheckBox(_("Ekspor DPMD dengan sheet Proyeksi"))
        self.dpmd_projection.setToolTip(
            _("Tahun-tahun ke depan dengan asumsi yang disimpan di Simulasi & Rencana, Proyeksi.")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        widgets = (self.dpmd_button, self.dpmd_projection, self.siskeudes_button, self.sipp_button)
        for widget in (*widgets, note):
            layout.addWidget(widget)

    def choose_export_dpmd(self) -> None:
        suggested = self.host._folder() / self.host._name("dpmd", ".xlsx")
        path = _save_xlsx(self, _("Ekspor DPMD"), suggested)
        if path is not None:
            self.export_dpmd(path)

    def export_dpmd(self, path: Path) -> None:
        ctx, choices = self.host.ctx, self.host.options()
        projection = self.dpmd_projection.isChecked()

        def work() -> Path:
            from desa_budget.sheets.dpmd import export_dpmd, gather_dpmd_data

            with ctx.db.session() as session:
                data = gather_dpmd_data(
                    session, ctx.rules, year=ctx.year, jenis=choices.jenis, projection=projection
                )
            return export_dpmd(path, data, full_nik=choices.full_nik, paper=choices.paper)

        self.host._run(work, _("Menulis {file}…").format(file=path.name), self.host._written)

    def choose_export_siskeudes(self) -> None:
        name = self.host._name("rab-siskeudes", ".xlsx")
        path = _save_xlsx(self, _("RAB untuk Siskeudes"), self.host._folder() / name)
        if path is not None:
            self.export_siskeudes(path)

    def export_siskeudes(self, path: Path) -> None:
        ctx, choices = self.host.ctx, self.host.options()

        def work() -> Path:
            from desa_budget.sheets.dpmd import gather_dpmd_data
            from desa_budget.sheets.siskeudes import export_siskeudes

            with ctx.db.session() as session:
                data = gather_dpmd_data(session, ctx.rules, year=ctx.year, jenis=choices.jenis)
            return export_siskeudes(path, data, paper=choices.paper)

        self.host._run(work, _("Menulis {file}…").format(file=path.name), self.host._written)

    def choose_export_sipp(self) -> None:
        from desa_budget.sheets.sipp import SUGGESTED_NAME

        name = SUGGESTED_NAME.format(year=self.host.ctx.year)  # it holds full NIKs: RAHASIA_...
        path = _save_xlsx(self, _("Lembar pendaftaran BPJS"), self.host._folder() / name)
        if path is not None:
            self.export_sipp(path)

    def export_sipp(self, path: Path) -> None:
        ctx = self.host.ctx

        def work() -> tuple[Path, list[str]]:
            from desa_budget.sheets.sipp import export_sipp, gather_sipp_data

            with ctx.db.session() as session:
                data = gather_sipp_data(session, year=ctx.year, rules=ctx.rules)
            return path, export_sipp(path, data)

        def done(result: tuple[Path, list[str]]) -> None:
            written, warnings = result
            self.host._written(written)
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

        self.host._run(work, _("Menulis {file}…").format(file=path.name), done)


class _Progress(QObject):
    """Carries a worker's (done, total) to the progress dialog on the GUI thread."""

    moved = Signal(int, int)


class RecapBox(QGroupBox):
    """The DPMD officer's tools: read a folder of village workbooks, save the recap. The list of
    files read, used or left out, is ``tab``, a tab of the page."""

    def __init__(self, host: DocumentHost) -> None:
        super().__init__(_("Rekap kabupaten (petugas DPMD)"))
        self.host = host
        self.consolidation: Any = None
        self.consolidate_button = QPushButton(_("Gabungkan folder berkas desa…"))
        self.recap_xlsx_button = QPushButton(_("Simpan rekap xlsx…"))
        self.recap_pdf_button = QPushButton(_("Simpan rekap PDF…"))
        self.consolidate_button.clicked.connect(self.choose_consolidate)
        self.recap_xlsx_button.clicked.connect(lambda: self.choose_save_recap("xlsx"))
        self.recap_pdf_button.clicked.connect(lambda: self.choose_save_recap("pdf"))
        recap_buttons = QHBoxLayout()
        recap_buttons.addWidget(self.recap_xlsx_button)
        recap_buttons.addWidget(self.recap_pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.consolidate_button)
        layout.addLayout(recap_buttons)

        self.outcome_model = FileOutcomeModel(self)
        self.outcome_view = table_view(self.outcome_model, FileOutcomeModel.ALASAN)
        self.recap_summary = QLabel(_("Pilih folder berisi ekspor DPMD dari desa-desa."))
        self.recap_summary.setWordWrap(True)
        self.tab = QWidget()
        tab_layout = QVBoxLayout(self.tab)
        tab_layout.addWidget(self.recap_summary)
        tab_layout.addWidget(self.outcome_view, 1)
        self._update_recap_buttons()

    def choose_consolidate(self) -> None:
        folder = choose_folder(
            self, title=_("Folder berisi ekspor DPMD desa"), folder=str(self.host._folder())
        )
        if folder is not None:
            self.consolidate(folder)

    def consolidate(self, folder: Path) -> None:
        progress = _Progress(self)
        progress.moved.connect(self._on_progress_moved)  # queued: emitted in the worker
        year = self.host.ctx.year

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
            self.host.show_recap()
            self._update_recap_buttons()
            self.host.consolidated.emit(result)

        self.host._run(work, _("Menggabungkan berkas desa…"), done)

    def _on_progress_moved(self, done: int, total: int) -> None:
        task = self.host.task
        if task is None or not task.running:
            return
        task.dialog.setRange(0, total)
        task.dialog.setValue(done)
        task.dialog.setLabelText(_("Membaca berkas {n} dari {total}…").format(n=done, total=total))

    def _update_recap_buttons(self) -> None:
        ok = self.consolidation is not None and bool(self.consolidation.villages)
        self.recap_xlsx_button.setEnabled(ok)
        self.recap_pdf_button.setEnabled(ok)

    def choose_save_recap(self, kind: str) -> None:
        suffix = f".{kind}"
        path = save_file(
            self, title=_("Simpan rekap"),
            suggested=self.host._folder()
            / f"rekap_kabupaten_{self.consolidation.year}{suffix}",
            file_filter=PDF_FILTER if kind == "pdf" else XLSX_FILTER, suffix=suffix,
        )  # fmt: skip
        if path is not None:
            self.save_recap(path)

    def save_recap(self, path: Path) -> None:
        consolidation, paper = self.consolidation, self.host.options().paper

        def work() -> Path:
            if path.suffix.lower() == ".pdf":
                from desa_budget.reports.recap import write_recap_pdf

                return write_recap_pdf(path, consolidation, paper=paper)
            from desa_budget.sheets.recap import write_recap

            return write_recap(path, consolidation)

        self.host._run(work, _("Menulis {file}…").format(file=path.name), self.host._written)
