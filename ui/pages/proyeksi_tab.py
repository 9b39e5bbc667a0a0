"""Simulasi & Rencana, tab Proyeksi: the years ahead from the page's year under assumptions the
secretary sees and changes (recomputed as they change, stored with "Simpan asumsi", undoable)."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.errors import UserError
from desa_budget.format import format_cell, format_rp
from desa_budget.projection.assumptions import ProjectionParams, StoredParams, read_params
from desa_budget.projection.compute import Projection, project
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories
from ui import errors
from ui.app_context import AppContext
from ui.commands import push
from ui.commands.projection import SaveProjectionCommand
from ui.i18n import _, ngettext
from ui.models.grid_model import GridModel
from ui.models.projection_model import ProjectionModel
from ui.widgets.bar_chart import BarChart, Series
from ui.widgets.projection_inputs import ProjectionInputs
from ui.widgets.tables import group, table_view

DEBOUNCE_MS = 250
PROGRAM_COLORS = {"JKK": "#2e7d5b", "JKM": "#6aa88a", "JHT": "#c98a2b", "JP": "#4a6fa5"}


class ProjectionTab(QWidget):
    recomputed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored: StoredParams | None = None
        self.result: Projection | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recompute)

        self.inputs = ProjectionInputs()
        self.inputs.changed.connect(self.timer.start)
        self.save_button = QPushButton(_("Simpan asumsi"))
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(_("Kembali ke bawaan"))
        self.reset_button.clicked.connect(self.reset)
        self.state = QLabel()
        self.state.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        self.inputs.footer.addLayout(buttons)
        self.inputs.footer.addWidget(self.state)
        scroll = QScrollArea()
        scroll.setWidget(self.inputs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.model = ProjectionModel(self)
        self.view = table_view(self.model)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.chart = BarChart()
        self.category_model = GridModel(self)
        self.category_view = table_view(self.category_model, 0)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        # The table stays in sight while the assumptions below it change.
        self.details = QTabWidget()
        self.details.addTab(scroll, _("Asumsi"))
        self.details.addTab(self.chart, _("Grafik per program"))
        self.details.addTab(self.category_view, _("Per kategori"))
        self.details.addTab(self.notes, _("Catatan asumsi"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(group(_("Iuran per tahun"), self.view, self.total))
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # Loading
    def refresh(self) -> None:
        """Read the stored assumptions of the page's year and recompute."""
        with self.ctx.db.session() as session:
            self.stored = read_params(session, self.ctx.year)
        self.inputs.set_params(self.stored.params, self.ctx.rules.average_ceiling_growth)
        self.recompute()

    def current(self) -> ProjectionParams:
        assert self.stored is not None
        return self.inputs.params(self.stored.params)

    def recompute(self) -> None:
        """Project under the form's assumptions (nothing is stored)."""
        self.timer.stop()
        if self.stored is None:
            return
        params = self.current()
        try:
            with self.ctx.db.session() as session:
                result = project(session, self.ctx.rules, params)
        except UserError as exc:
            self.state.setText(str(exc))
            return
        self.result = result
        self._show(result)
        self.recomputed.emit()

    def _show(self, result: Projection) -> None:
        years = result.years
        self.model.set_rows(years)
        total = sum(y.desa for y in years)
        self.total.setText(
            _("Dibayar desa {first}–{last}: {amount}. * batas upah JP diasumsikan.").format(
                first=years[0].year, last=years[-1].year, amount=format_rp(total)
            )
        )
        self.chart.set_data(
            [str(y.year) for y in years],
            [
                Series(p, PROGRAM_COLORS[p], tuple(y.by_program[p].desa for y in years))
                for p in PROGRAMS
            ],
        )
        keys = [k for k in categories.KEYS if any(k in y.by_category for y in years)]
        rows, tips = [], []
        for key in keys:
            cells, notes = [categories.label(key)], [categories.label(key)]
            for y in years:
                found = y.by_category.get(key)
                cells.append(
                    "—" if found is None else f"{format_cell(found.desa)} ({found.persons})"
                )
                count = 0 if found is None else found.persons
                notes.append(
                    ngettext("{n} orang dilindungi", "{n} orang dilindungi", count).format(n=count)
                )
            rows.append(cells)
            tips.append(notes)
        headers = [_("Kategori"), *(str(y.year) for y in years)]
        self.category_model.set_grid(headers, rows, numeric=range(1, len(headers)), tooltips=tips)
        self.notes.setPlainText("\n".join(f"• {_(a)}" for a in result.assumptions))
        self._show_state(result.params)

    def _show_state(self, params: ProjectionParams) -> None:
        stored = self.stored
        same = stored is not None and params == stored.params
        self.save_button.setEnabled(not same)
        self.reset_button.setEnabled(stored is not None and stored.version != 0)
        if not same:
            self.state.setText(_("Asumsi diubah, belum disimpan."))
        elif stored is not None and stored.version:
            self.state.setText(_("Asumsi tersimpan untuk proyeksi dari tahun ini."))
        else:
            self.state.setText(_("Asumsi bawaan."))

    # Edits
    def save(self) -> None:
        if self.stored is not None:
            self._push(SaveProjectionCommand(self.ctx, self.stored, self.current()))

    def reset(self) -> None:
        if self.stored is not None:
            self._push(SaveProjectionCommand(self.ctx, self.stored, None))

    def _push(self, command: SaveProjectionCommand) -> None:
        try:
            push(self.ctx, command)
        except UserError as exc:
            errors.show_user_error(self, exc)
