"""Simulasi & Rencana: what-if choices recomputed as they change (month by month, totals, coverage
per tier, a chart), named scenarios compared side by side, and adopting the year's budget version."""

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget import scenarios
from desa_budget.budget import settings as budget_settings
from desa_budget.budget.plan_defaults import PlanDefaults, plan_defaults
from desa_budget.budget.planner import PlanResult
from desa_budget.budget.settings import BudgetYearData
from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import RosterEntry, load_roster_year
from desa_budget.contributions.summary import MonthTotal, month_totals
from desa_budget.format import MONTH_ABBR, format_rp
from desa_budget.rules import RuleSet
from desa_budget.store.database import Database
from ui.app_context import AppContext
from ui.commands.budget import (
    SetPaguCommand,
)
from ui.i18n import _, ngettext
from ui.models.plan_models import MonthModel, TierModel
from ui.pages import Page
from ui.pages.beranda import DESA_COLOR, POTONGAN_COLOR, Figure
from ui.pages.proyeksi_tab import ProjectionTab
from ui.pages.rencana_scenarios import ScenarioTab, push_edit
from ui.pages.rencana_versions import VersionTab
from ui.widgets.bar_chart import BarChart, Series
from ui.widgets.coverage_box import CoverageBox, Loaded
from ui.widgets.plan_inputs import PlanInputs
from ui.widgets.tables import fill_column, group, table_view

DEBOUNCE_MS = 250
TAB_RESULT, TAB_SCENARIOS, TAB_VERSIONS, TAB_PROJECTION = range(4)


@dataclass(frozen=True)
class YearRead:
    """What opening the page reads of a year, the roster once for all of it."""

    defaults: PlanDefaults
    stored: BudgetYearData
    loaded: Loaded  # the coverage box's
    roster: tuple[RosterEntry, ...]

    @property
    def roster_sim(self) -> Simulation | None:
        """The roster simulated as it is: the budget's simulation while no plan is applied."""
        budget = self.loaded.budget
        return budget if budget.coverage is None else None


@dataclass(frozen=True)
class Computed:
    """A scenario's column and its month rows, both worked out off the GUI thread."""

    column: scenarios.ScenarioColumn
    months: tuple[MonthTotal, ...]


class RencanaPage(Page):
    recomputed = Signal()
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._year: int | None = None
        self.stored: BudgetYearData | None = None  # the year's saved figures, as last read
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

        self.tabs = QTabWidget()
        self.tabs.addTab(self._result_tab(), _("Hasil"))
        self.scenario_tab = ScenarioTab(ctx, self.inputs)
        self.scenario_tab.loaded.connect(self._on_scenario_loaded)
        self.version_tab = VersionTab(ctx)
        self.tabs.addTab(self.scenario_tab, _("Skenario"))
        self.tabs.addTab(self.version_tab, _("Versi APBDes"))
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

    # Loading
    def refresh(self) -> None:
        found = self._read(self.ctx.db, self.ctx.rules, self.ctx.year)
        self._show_read(found)
        self.recompute(found)
        self.refreshed.emit()

    def open(self) -> None:
        """The first load, in the background: the year's defaults, then the plan on them."""
        db, rules, year = self.ctx.db, self.ctx.rules, self.ctx.year
        self.plan_note.setText(_("Menghitung…"))

        def show(found: YearRead) -> None:
            self._show_read(found)
            compute = partial(self._compute, db, rules, year, self.inputs.params(), found)
            self.load_in_background(compute, self._show_opened)

        self.load_in_background(lambda: self._read(db, rules, year), show)

    def _show_opened(self, computed: Computed) -> None:
        self._show_column(computed)
        self.refreshed.emit()

    @staticmethod
    def _read(db: Database, rules: RuleSet, year: int) -> YearRead:
        """The year's defaults, its saved figures and the applied plan (any thread), from one
        reading of the roster, which the plan on them then uses too."""
        with db.session() as session:
            roster = load_roster_year(session, year)
            defaults = plan_defaults(session, year, entries=roster)
            stored = budget_settings.get_budget_year(session, year)
            loaded = CoverageBox.read_in(session, rules, year, roster=roster)
        return YearRead(defaults, stored, loaded, roster)

    def _show_read(self, found: YearRead) -> None:
        defaults, stored = found.defaults, found.stored
        year = self.ctx.year
        self.inputs.set_tiers(defaults.tiers)
        self.inputs.set_roster_programs(defaults.programs)
        if year != self._year:
            self.scenario_tab.comparison_model.set_grid((), ())
        if year != self._year or self.stored is None or stored.pagu != self.stored.pagu:
            # A new year, or the saved pagu changed (saved, undone, or by a colleague); a pagu
            # only typed here is kept while other data changes.
            self.inputs.pagu.set_value(stored.pagu or 0)  # set_value emits nothing
        self._year, self.stored = year, stored
        self.timer.stop()  # the inputs just set are computed by the caller
        self.coverage_box.show_loaded(found.loaded)
        self.scenario_tab.load()
        self.version_tab.load(self.coverage_box.applied)
        self._projection_stale = True
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def recompute(self, found: YearRead | None = None) -> None:
        """Run the simulation and the planner on the current inputs (no writes); ``found``: the
        year just read, whose roster it plans instead of reading it again."""
        self.timer.stop()
        self.loads += 1  # newer than a first load still running in the background
        ctx = self.ctx
        self._show_column(self._compute(ctx.db, ctx.rules, ctx.year, self.inputs.params(), found))

    @staticmethod
    def _compute(
        db: Database,
        rules: RuleSet,
        year: int,
        params: scenarios.ScenarioParams,
        found: YearRead | None = None,
    ) -> Computed:
        with db.session() as session:
            if found is None:
                column = scenarios.run_scenario(session, rules, year, params)
            else:
                column = scenarios.run_scenario(
                    session, rules, year, params, entries=found.roster, roster_sim=found.roster_sim
                )
        return Computed(column, month_totals(column.simulation))

    def _show_column(self, computed: Computed) -> None:
        column = computed.column
        self.simulation, self.plan = column.simulation, column.plan
        self._show(column.simulation, column.plan, computed.months)
        self.recomputed.emit()

    def _show(self, sim: Simulation, plan: PlanResult, rows: tuple[MonthTotal, ...]) -> None:
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
            if push_edit(self, self.ctx, SetPaguCommand(self.ctx, self.stored, pagu)):
                self.inputs.pagu_saved(self.ctx.year, pagu)
        elif self.stored is not None:
            self.inputs.pagu_saved(self.ctx.year, pagu)  # already so: say it all the same

    def _on_scenario_loaded(self) -> None:
        self.recompute()
        self.tabs.setCurrentIndex(TAB_RESULT)

    def adopt(self) -> None:
        """Tetapkan APBDes (the menu's action): the Versi APBDes tab's form."""
        self.version_tab.adopt()

    def _on_tabs_current_changed(self, index: int) -> None:
        """The projection has its own assumptions: the what-if inputs make room for them."""
        showing = index == TAB_PROJECTION
        self.inputs_panel.setVisible(not showing)
        if showing and self._projection_stale:
            self._projection_stale = False
            self.projection.refresh()


def create_page(ctx: AppContext) -> Page:
    return RencanaPage(ctx)
