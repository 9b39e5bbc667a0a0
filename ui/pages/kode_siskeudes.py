"""Kode Anggaran's Siskeudes tab: the year's lines against the RAB keyed in a Siskeudes database
(read from a copy), as a table that can be printed or saved as a workbook."""

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desa_budget.errors import UserError
from desa_budget.siskeudes.compare import SAMA, ComparedLine, Comparison, compare_year
from desa_budget.siskeudes.compare_sheet import (
    AMOUNT_COLUMNS,
    HEADERS,
    comparison_texts,
    export_comparison,
)
from desa_budget.siskeudes.data import SiskeudesData
from desa_budget.siskeudes.desa_choice import desa_options
from desa_budget.village.profile import get_profile
from ui import errors
from ui.app_context import AppContext
from ui.dialogs import file_choosers
from ui.dialogs.print_pages import PrintPages
from ui.i18n import N_, _
from ui.models.grid_model import GridModel
from ui.widgets.tables import table_view
from ui.workers import Task

# The version column's words (the workbook keeps them Indonesian); the window translates them.
VERSIONS = {"murni": N_("murni"), "perubahan": N_("perubahan"), "draf": N_("draf")}
STATUS, VERSION = 3, 7


def window_texts(c: Comparison) -> list[tuple[str, ...]]:
    """The comparison's rows with the state and the version in the window's language."""
    return [
        tuple(_(v) if i == STATUS or (i == VERSION and v in VERSIONS) else v
              for i, v in enumerate(row))
        for row in comparison_texts(c)
    ]  # fmt: skip


class SiskeudesTab(QWidget):
    compared = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.data: SiskeudesData | None = None
        self.kd_desa = ""  # the desa chosen in a file of several ("" when it holds one)
        self.task: Task | None = None  # reading a file
        self.comparison: Comparison | None = None
        self.model = GridModel(self)
        self.choose_button = QPushButton(_("Bandingkan dengan Siskeudes…"))
        self.choose_button.setToolTip(
            _("Pilih DataAPBDES (.mde/.mdb/.accdb) atau zip CSV; berkasnya hanya dibaca.")
        )
        self.print_button = QPushButton(_("Cetak…"))
        self.save_button = QPushButton(_("Simpan xlsx…"))
        self.choose_button.clicked.connect(lambda: self.choose())
        self.print_button.clicked.connect(self.print_comparison)
        self.save_button.clicked.connect(lambda: self.save())
        self.summary = QLabel(
            _("Belum ada berkas Siskeudes yang dibandingkan. Baris iuran yang diketik di "
              "Siskeudes dibandingkan dengan baris anggaran tahun ini.")
        )  # fmt: skip
        self.summary.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(table_view(self.model, len(HEADERS) - 1), 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_rows = self.comparison is not None and bool(self.comparison.lines)
        self.print_button.setEnabled(has_rows)
        self.save_button.setEnabled(has_rows)

    def choose(self, path: Path | None = None) -> None:
        """Read the file off the GUI thread; ``compared`` fires once it is compared."""
        from ui.siskeudes_import import choose_siskeudes, start_reading

        path = path or choose_siskeudes(self, self.ctx.settings.last_import_dir)
        if path is None:
            return
        self.choose_button.setEnabled(False)
        self.task = start_reading(self, path, on_done=self._read, on_error=self._failed)
        self.task.finished.connect(self._read_over)

    def _read_over(self) -> None:
        self.task = None
        self.choose_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            errors.show_user_error(self, exc)
        else:
            errors.report(exc)

    def _read(self, data: SiskeudesData) -> None:
        from ui.siskeudes_import import pick_desa

        kd_desa = pick_desa(self, self.ctx.db, data, self.ctx.year)
        if kd_desa is None:
            return  # cancelled: the comparison shown stays
        self.data, self.kd_desa = data, kd_desa
        self.refresh()

    def refresh(self) -> None:
        """Compare again (the year or the lines changed); nothing to do before a file is chosen."""
        if self.data is None:
            return
        try:
            with self.ctx.db.session() as session:
                self.comparison = compare_year(session, self.ctx.rules, self.data,
                                               year=self.ctx.year,
                                               kd_desa=self._desa_of_year())  # fmt: skip
        except UserError as exc:
            self.comparison = None
            self.model.set_grid((), [])
            self.summary.setText(exc.message)
            self._update_buttons()
            return
        c = self.comparison
        self.model.set_grid([_(h) for h in HEADERS], window_texts(c), numeric=AMOUNT_COLUMNS)
        differing = sum(1 for ln in c.lines if not _equal(ln))
        self.summary.setText(
            _("{file}: Siskeudes {versi}, desa {kode}, tahun {tahun}. ").format(
                file=self.data.source,
                versi=self.data.version,
                kode=c.kd_desa or "-",
                tahun=c.year,
            )  # fmt: skip
            + (
                _("Semua baris sama.")
                if c.all_equal and c.lines
                else _("{n} dari {total} baris berbeda atau belum ada di salah satu sisi.").format(
                    n=differing, total=len(c.lines)
                )
            )  # fmt: skip
        )
        self._update_buttons()
        self.compared.emit()

    def _desa_of_year(self) -> str | None:
        """The chosen desa while the year holds it; else None (the year's only desa)."""
        if self.data is None or not self.kd_desa:
            return None
        codes = {o.kd_desa for o in desa_options(self.data, self.ctx.year)}
        return self.kd_desa if self.kd_desa in codes else None

    def html(self) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in self.model.headers())
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
            for row in self.model.rows()
        )
        title = escape(self.summary.text())
        return (f"<p>{title}</p><table border='1' cellspacing='0' cellpadding='2'>"
                f"<tr>{head}</tr>{body}</table>")  # fmt: skip

    def print_comparison(self) -> None:
        printer = PrintPages.ask(self, pages=1)
        if printer is None:
            return
        document = QTextDocument()
        document.setHtml(self.html())
        document.print_(printer)

    def save(self, path: Path | None = None) -> None:
        if self.comparison is None:
            return
        path = path or file_choosers.save_file(
            self, title=_("Simpan perbandingan Siskeudes"),
            suggested=Path(self.ctx.settings.last_export_dir or Path.home())
            / f"perbandingan_siskeudes_{self.comparison.year}.xlsx",
            file_filter=file_choosers.XLSX_FILTER, suffix=".xlsx",
        )  # fmt: skip
        if path is None:
            return
        with self.ctx.db.session() as session:
            profile = get_profile(session)
        try:
            export_comparison(path, self.comparison, nama_desa=profile.nama_desa if profile else "")
        except UserError as exc:
            errors.show_user_error(self, exc)


def _equal(line: ComparedLine) -> bool:
    return line.murni.status == SAMA and (line.perubahan is None or line.perubahan.status == SAMA)
