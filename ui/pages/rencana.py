"""Simulasi & Rencana: what-if choices recomputed as they change (month by month, totals, coverage
per tier, a chart), named scenarios compared side by side, and adopting the year's budget version."""

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget import scenarios, versions
from desa_budget.budget import settings as budget_settings
from desa_budget.budget.plan_defaults import PlanDefaults, plan_defaults
from desa_budget.budget.planner import PlanResult
from desa_budget.budget.scenarios import ScenarioInfo
from desa_budget.budget.settings import BudgetYearData
from desa_budget.contributions.results import Simulation
from desa_budget.contributions.summary import month_totals
from desa_budget.errors import UserError
from desa_budget.format import MONTH_ABBR, format_rp, format_time
from desa_budget.rules import RuleSet
from desa_budget.store.database import Database
from ui import errors, msgbox
from ui.app_context import AppContext
from ui.commands import EditCommand, push
from ui.commands.budget import (
    AdoptVersionCommand,
    DeleteScenarioCommand,
    SaveScenarioCommand,
    SetPaguCommand,
)
from ui.dialogs.adopt_dialog import AdoptDialog
from ui.i18n import _, ngettext
from ui.models.grid_model import GridModel
from ui.models.plan_models import DiffModel, MonthModel, TierModel, VersionModel
from ui.pages import Page
from ui.pages.beranda import DESA_COLOR, POTONGAN_COLOR, Figure
from ui.pages.proyeksi_tab import ProjectionTab
from ui.widgets.bar_chart import BarChart, Series
from ui.widgets.coverage_box import CoverageBox
from ui.widgets.plan_inputs import PlanInputs
from ui.widgets.tables import fill_column, group, table_view

DEBOUNCE_MS = 250
TAB_RESULT, TAB_SCENARIOS, TAB_VERSIONS, TAB_PROJECTION = range(4)


class RencanaPage(Page):
    recomputed = Signal()
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._year: int | None = None
        self.stored: BudgetYearData | None = None  # the year's saved figures, as last read
        self.scenarios: dict[str, ScenarioInfo] = {}  # the year's saved scenarios by name
        self.simulation: Simulation | None = None
        self.plan: PlanResult | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recompute)

        self.inputs = PlanInputs()
        self.inputs.changed.connect(self.timer.start)
        self.inputs.save_pagu_button.clicked.connect(self.save_pagu)
        scroll = QScrollArea()
        scroll.setWidget(self.inputs)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(300)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.month_model = MonthModel(self)
        self.tier_model = TierModel(self)
        self.comparison_model = GridModel(self)
        self.version_model = VersionModel(self)
        self.diff_model = DiffModel(self)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._result_tab(), _("Hasil"))
        self.tabs.addTab(self._scenario_tab(), _("Skenario"))
        self.tabs.addTab(self._version_tab(), _("Versi APBDes"))
        self.inputs_panel = scroll
        self.projection = ProjectionTab(self.ctx)
        self._projection_stale = True
        self.tabs.addTab(self.projection, _("Proyeksi"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        # Wide enough for the inputs in the chosen language (English labels run longer).
        bar = scroll.verticalScrollBar().sizeHint().width()
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([max(340, self.inputs.minimumSizeHint().width() + bar + 4), 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # Building
    def _result_tab(self) -> QWidget:
        self.desa_figure = Figure(_("Iuran bila semua ditanggung"))
        self.potongan_figure = Figure(_("Dipotong / iuran mandiri"))
        self.used_figure = Figure(_("Terpakai dari pagu"))
        self.left_figure = Figure(_("Sisa pagu"))
        figures = QGridLayout()
        for number, figure in enumerate(
            (self.desa_figure, self.potongan_figure, self.used_figure, self.left_figure)
        ):  # two by two: whole amounts on a 1024 × 768 screen
            figures.addWidget(figure, number // 2, number % 2)
        self.coverage_box = CoverageBox(self.ctx)
        self.coverage_box.apply_clicked.connect(
            lambda: self.coverage_box.apply(self.inputs.params(), self.plan, self.stored)
        )
        self.tier_view = table_view(self.tier_model, TierModel.NAMA)
        self.tier_view.setWordWrap(True)
        # The tier's name keeps a readable width when the panel is narrow (the table scrolls
        # sideways instead of wrapping the name one letter a line).
        fill_column(self.tier_view, TierModel.NAMA, 210)
        self.tier_model.modelReset.connect(self.tier_view.resizeRowsToContents)
        self.plan_note = QLabel()
        self.plan_note.setWordWrap(True)
        self.month_view = table_view(self.month_model, MonthModel.BULAN)
        self.chart = BarChart()
        months = QHBoxLayout()
        months.addWidget(self.month_view, 3)
        months.addWidget(self.chart, 2)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(figures)
        layout.addWidget(self.coverage_box)
        layout.addWidget(
            group(_("Cakupan per tingkat prioritas"), self.tier_view, self.plan_note), 1
        )
        layout.addWidget(group(_("Iuran per bulan bila semua ditanggung"), months), 1)
        # On a 1024 × 768 screen the figures, the plan's text and two tables do not fit in the
        # height: the tab scrolls rather than squeezing the tables to one row and cutting text.
        self.tier_view.setMinimumHeight(150)
        self.month_view.setMinimumHeight(150)
        scroll = QScrollArea()
        scroll.setWidget(tab)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _scenario_tab(self) -> QWidget:
        self.scenario_name = QLineEdit()
        self.scenario_name.setPlaceholderText(_("Nama skenario, mis. Pagu 45 juta"))
        self.scenario_name.setMaxLength(100)
        self.save_scenario_button = QPushButton(_("Simpan isian sebagai skenario"))
        self.save_scenario_button.clicked.connect(self.save_scenario)
        save_row = QHBoxLayout()
        save_row.addWidget(self.scenario_name, 1)
        save_row.addWidget(self.save_scenario_button)
        self.scenario_list = QListWidget()
        self.scenario_list.setMaximumHeight(140)
        self.load_scenario_button = QPushButton(_("Muat ke isian"))
        self.delete_scenario_button = QPushButton(_("Hapus"))
        self.compare_button = QPushButton(_("Bandingkan yang dicentang"))
        self.load_scenario_button.clicked.connect(self.load_scenario)
        self.delete_scenario_button.clicked.connect(self.delete_scenario)
        self.compare_button.clicked.connect(self.compare_checked)
        buttons = QHBoxLayout()
        for button in (self.load_scenario_button, self.delete_scenario_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.compare_button)
        self.comparison_view = table_view(self.comparison_model, 0)
        self.comparison_view.setWordWrap(True)
        self.comparison_fill = fill_column(self.comparison_view, 0, 230)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(save_row)
        layout.addWidget(
            group(
                _("Skenario tersimpan tahun ini (centang untuk dibandingkan)"),
                self.scenario_list,
                buttons,
            )
        )
        layout.addWidget(group(_("Perbandingan"), self.comparison_view), 1)
        return tab

    def _version_tab(self) -> QWidget:
        self.version_view = table_view(self.version_model, VersionModel.JENIS)
        self.version_view.setMaximumHeight(110)
        self.version_status = QLabel()
        self.version_status.setWordWrap(True)
        self.adopt_button = QPushButton(_("Tetapkan…"))
        self.adopt_button.clicked.connect(self.adopt)
        row = QHBoxLayout()
        row.addWidget(self.version_status, 1)
        row.addWidget(self.adopt_button)
        self.diff_view = table_view(self.diff_model, DiffModel.URAIAN)
        self.diff_note = QLabel()
        self.diff_note.setWordWrap(True)
        self.diff_box = group(_("Murni dibanding perubahan"), self.diff_note, self.diff_view)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(group(_("Versi yang sudah ditetapkan"), self.version_view, row))
        layout.addWidget(self.diff_box, 1)
        return tab

    # Loading
    def refresh(self) -> None:
        self._show_read(self._read(self.ctx.db, self.ctx.rules, self.ctx.year))
        self.recompute()
        self.refreshed.emit()

    def open(self) -> None:
        """The first load, in the background: the year's defaults, then the plan on them."""
        db, rules, year = self.ctx.db, self.ctx.rules, self.ctx.year
        self.plan_note.setText(_("Menghitung…"))

        def show(found: tuple[Any, ...]) -> None:
            self._show_read(found)
            compute = partial(self._compute, db, rules, year, self.inputs.params())
            self.load_in_background(compute, self._show_opened)

        self.load_in_background(lambda: self._read(db, rules, year), show)

    def _show_opened(self, column: scenarios.ScenarioColumn) -> None:
        self._show_column(column)
        self.refreshed.emit()

    @staticmethod
    def _read(db: Database, rules: RuleSet, year: int) -> tuple[Any, ...]:
        """The year's defaults, its saved figures and the applied plan (any thread)."""
        with db.session() as session:
            defaults = plan_defaults(session, year)
            stored = budget_settings.get_budget_year(session, year)
        return defaults, stored, CoverageBox.read(db, rules, year)

    def _show_read(self, found: tuple[Any, ...]) -> None:
        defaults: PlanDefaults
        stored: BudgetYearData
        defaults, stored, loaded = found
        year = self.ctx.year
        self.inputs.set_tiers(defaults.tiers)
        self.inputs.set_roster_programs(defaults.programs)
        if year != self._year:
            self.comparison_model.set_grid((), ())
        if year != self._year or self.stored is None or stored.pagu != self.stored.pagu:
            # A new year, or the saved pagu changed (saved, undone, or by a colleague); a pagu
            # only typed here is kept while other data changes.
            self.inputs.pagu.set_value(stored.pagu or 0)  # set_value emits nothing
        self._year, self.stored = year, stored
        self.timer.stop()  # the inputs just set are computed by the caller
        self.coverage_box.show_loaded(loaded)
        self._load_scenarios()
        self._load_versions()
        self._projection_stale = True
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def recompute(self) -> None:
        """Run the simulation and the planner on the current inputs (no writes)."""
        self.timer.stop()
        self.loads += 1  # newer than a first load still running in the background
        ctx = self.ctx
        self._show_column(self._compute(ctx.db, ctx.rules, ctx.year, self.inputs.params()))

    @staticmethod
    def _compute(
        db: Database, rules: RuleSet, year: int, params: scenarios.ScenarioParams
    ) -> scenarios.ScenarioColumn:
        with db.session() as session:
            return scenarios.run_scenario(session, rules, year, params)

    def _show_column(self, column: scenarios.ScenarioColumn) -> None:
        self.simulation, self.plan = column.simulation, column.plan
        self._show(column.simulation, column.plan)
        self.recomputed.emit()

    def _show(self, sim: Simulation, plan: PlanResult) -> None:
        self.desa_figure.set(format_rp(sim.desa))
        self.potongan_figure.set(format_rp(sim.potongan))
        self.used_figure.set(format_rp(plan.used))
        self.left_figure.set(format_rp(plan.left))
        self.tier_model.set_rows(plan.tiers)
        notes = []
        if plan.pagu == 0:
            notes.append(_("Isi pagu untuk melihat berapa orang tiap tingkat dapat ditanggung."))
        notes.append(
            _("Biaya menanggung seluruh daftar peserta: {biaya}.").format(
                biaya=format_rp(plan.cost_full)
            )
        )
        scenario = plan.cost_full_scenario
        if scenario is not None and scenario != plan.cost_full:
            notes.append(
                _("Dengan pilihan skenario ini: {biaya}.").format(biaya=format_rp(scenario))
            )
        if plan.unpriced:
            notes.append(
                ngettext(
                    "{n} orang belum punya dasar upah dan tidak dihitung.",
                    "{n} orang belum punya dasar upah dan tidak dihitung.",
                    len(plan.unpriced),
                ).format(n=len(plan.unpriced))
            )
        notes.extend(_(note) for note in plan.assumptions)
        self.plan_note.setText(" ".join(notes))
        rows = month_totals(sim)
        self.month_model.set_rows(rows)
        self.chart.set_data(
            tuple(_(month) for month in MONTH_ABBR),
            (
                Series(_("Dibayar desa"), DESA_COLOR, tuple(r.desa for r in rows)),
                Series(_("Dipotong"), POTONGAN_COLOR, tuple(r.potongan for r in rows)),
            ),
        )

    def save_pagu(self) -> None:
        """Save the pagu as typed; the year's total belanja is left as it is."""
        pagu = self.inputs.pagu.value() or None
        if self.stored is not None and pagu != self.stored.pagu:
            if self._push(SetPaguCommand(self.ctx, self.stored, pagu)):
                self.inputs.pagu_saved(self.ctx.year, pagu)
        elif self.stored is not None:
            self.inputs.pagu_saved(self.ctx.year, pagu)  # already so: say it all the same

    # Scenarios
    def _load_scenarios(self) -> None:
        checked = set(self.checked_scenarios())
        self.scenario_list.clear()
        try:
            with self.ctx.db.session() as session:
                found = scenarios.list_scenarios(session, self.ctx.year)
        except UserError as exc:
            errors.show_user_error(self, exc)
            return
        self.scenarios = {info.nama: info for info in found}
        for info in found:
            item = QListWidgetItem(
                _("{nama} — pagu {pagu}, dibuat {waktu}").format(
                    nama=info.nama,
                    pagu=format_rp(info.params.pagu),
                    waktu=format_time(info.dibuat),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, info.nama)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if info.nama in checked else Qt.CheckState.Unchecked
            )
            self.scenario_list.addItem(item)

    def scenario_names(self) -> list[str]:
        return [
            str(self.scenario_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.scenario_list.count())
        ]

    def checked_scenarios(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.scenario_list.item(i) for i in range(self.scenario_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def check_scenarios(self, names: list[str]) -> None:
        for i in range(self.scenario_list.count()):
            item = self.scenario_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def save_scenario(self) -> None:
        name = " ".join(self.scenario_name.text().split())
        if name in self.scenario_names() and not msgbox.confirm(
            self,
            _("Simpan skenario"),
            _('Skenario "{nama}" sudah ada. Timpa dengan isian sekarang?').format(nama=name),
            yes=_("Timpa"),
        ):
            return
        command = SaveScenarioCommand(
            self.ctx, year=self.ctx.year, name=name, params=self.inputs.params(),
            existing=self.scenarios.get(name),
        )  # fmt: skip
        if self._push(command):
            self.scenario_name.clear()

    def _current_scenario(self) -> str | None:
        item = self.scenario_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def load_scenario(self) -> None:
        name = self._current_scenario()
        if name is None:
            return

        def read() -> None:
            with self.ctx.db.session() as session:
                params = scenarios.load_scenario(session, self.ctx.year, name)
            self.inputs.set_params(params)
            self.scenario_name.setText(name)
            self.recompute()
            self.tabs.setCurrentIndex(TAB_RESULT)

        self._edit(read)

    def delete_scenario(self) -> None:
        name = self._current_scenario()
        if name is None or name not in self.scenarios or not msgbox.confirm(
            self, _("Hapus skenario"), _("Hapus skenario \"{nama}\"?").format(nama=name),
            yes=_("Hapus"),
        ):  # fmt: skip
            return
        self._push(DeleteScenarioCommand(self.ctx, self.scenarios[name]))

    def compare_checked(self) -> None:
        names = self.checked_scenarios()

        def run() -> None:
            with self.ctx.db.session() as session:
                comparison = scenarios.compare(session, self.ctx.rules, self.ctx.year, names)
            headers = [_("Uraian"), *(c.name for c in comparison.columns)]
            rows = [(row.label, *row.values) for row in comparison.rows]
            self.comparison_model.set_grid(headers, rows, numeric=range(1, len(headers)))
            # The row labels keep a readable width (wrapped) however wide the scenarios'
            # values are; the table scrolls sideways when there are many scenarios.
            self.comparison_fill.fit()
            self.comparison_view.resizeRowsToContents()

        self._edit(run)

    # Versions
    def _load_versions(self) -> None:
        year = self.ctx.year
        with self.ctx.db.session() as session:
            adopted = versions.list_versions(session, year)
            kinds = {v.jenis for v in adopted}
            murni = versions.load_version(session, year, "murni") if "murni" in kinds else None
            other = None
            if murni is not None:
                other = (
                    versions.load_version(session, year, "perubahan")
                    if "perubahan" in kinds
                    else versions.draft(session, self.ctx.rules, year)
                )
        self.version_model.set_rows(adopted)
        self.next_jenis = (
            None if "perubahan" in kinds else ("perubahan" if "murni" in kinds else "murni")
        )
        if self.next_jenis is None:
            self.version_status.setText(
                _("APBDes Murni dan Perubahan {tahun} sudah ditetapkan.").format(tahun=year)
            )
            self.adopt_button.setEnabled(False)
        else:
            label = versions.LABELS[self.next_jenis]
            applied = self.coverage_box.applied
            source = (
                _("dari rencana yang diterapkan (pagu {pagu})").format(pagu=format_rp(applied.pagu))
                if applied is not None
                else _("dari seluruh daftar peserta")
            )
            self.version_status.setText(
                _("Berikutnya: {versi} {tahun}, {sumber}.").format(
                    versi=label, tahun=year, sumber=source
                )
            )
            self.adopt_button.setText(_("Tetapkan {versi}…").format(versi=label))
            self.adopt_button.setEnabled(True)
        if murni is None or other is None:
            self.diff_model.set_rows([])
            self.diff_note.setText(
                _(
                    "Sesudah APBDes Murni ditetapkan, perubahannya terlihat di sini baris demi baris."
                )
            )
            return
        self.diff_model.set_rows(versions.diff_versions(murni, other))
        self.diff_note.setText(
            _("{murni}: {total_murni} · {lain}: {total_lain} · selisih {selisih}").format(
                murni=murni.label,
                total_murni=format_rp(murni.lines.total),
                lain=other.label,
                total_lain=format_rp(other.lines.total),
                selisih=format_rp(other.lines.total - murni.lines.total),
            )
        )

    def adopt(self) -> None:
        jenis = self.next_jenis
        if jenis is None:
            return
        year = self.ctx.year
        with self.ctx.db.session() as session:
            lines = versions.current_lines(session, self.ctx.rules, year)
        form = AdoptDialog.ask(
            self, year=year, jenis=jenis, total=lines.total, potongan=lines.potongan
        )
        if form is not None:
            self._push(AdoptVersionCommand(self.ctx, year, form))

    def _on_tabs_current_changed(self, index: int) -> None:
        """The projection has its own assumptions: the what-if inputs make room for them."""
        showing = index == TAB_PROJECTION
        self.inputs_panel.setVisible(not showing)
        if showing and self._projection_stale:
            self._projection_stale = False
            self.projection.refresh()

    def _push(self, command: EditCommand) -> bool:
        """Make the edit (an undo step); a refusal from the core is shown, nothing changes."""
        try:
            push(self.ctx, command)
        except UserError as exc:
            errors.show_user_error(self, exc)
            return False
        return True

    def _edit(self, action: Any) -> None:
        try:
            action()
        except UserError as exc:
            errors.show_user_error(self, exc)


def create_page(ctx: AppContext) -> Page:
    return RencanaPage(ctx)
