"""Beranda: the year at a glance — coverage per category, cost per program, a chart by month,
the planner's result when a pagu is set, and every finding, each opening the place that fixes it."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desa_budget.contributions.results import HEAD_COUNT_RULE, Simulation, mode_label
from desa_budget.contributions.simulation import simulate
from desa_budget.contributions.summary import category_totals, month_totals, program_totals
from desa_budget.format import MONTH_ABBR, format_rp
from ui.app_context import AppContext, NavTarget
from ui.i18n import _
from ui.models.summary_models import CategoryModel, Finding, FindingModel, ProgramModel
from ui.models.table_model import ROW_ROLE
from ui.pages import Page
from ui.widgets.bar_chart import BarChart, Series

# The plan and the findings (and the planner, the scenarios and the checks behind them) are
# imported when first needed: at start-up, after the year's figures are painted (open()).
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desa_budget.budget.checks import Finding as CheckFinding
    from desa_budget.budget.planner import PlanResult
    from desa_budget.rules import RuleSet

DESA_COLOR = "#2e7d5b"
REST_AT_THE_LATEST = 500  # ms: the plan and findings then even if the window is never painted
POTONGAN_COLOR = "#9cc9b4"


def _view(model: QAbstractItemModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class Figure(QFrame):
    """A headline number with its caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, text: str) -> None:
        self.value.setText(text)


def where_fixed(finding: "CheckFinding") -> NavTarget | None:
    """The page (and field or filter) where a core finding is fixed."""
    kind, target = finding.target_kind, str(finding.target)
    if kind == "person" and target.isdigit():
        return NavTarget("peserta", person_id=int(target), field="dasar_upah")
    if kind == "person_identitas" and target.isdigit():
        return NavTarget("peserta", person_id=int(target), field="nik")
    if kind in ("kategori", "line"):
        return NavTarget("kode", field=target)
    if kind == "peserta_kategori":
        return NavTarget("peserta", filters=(("kategori", target),))
    if kind == "peserta_status_bpjs":
        return NavTarget("peserta", filters=(("status_bpjs", target),))
    if kind == "peserta_ditanggung":
        return NavTarget("peserta", filters=(("ditanggung", target),))
    if kind in ("tahun", "rencana"):
        return NavTarget("rencana")
    if kind == "profil":
        return NavTarget("pengaturan")
    return None


def plan_text(result: "PlanResult") -> str:
    """The default plan in a few lines; Simulasi & Rencana shows and changes the details."""
    lines = [
        _("Pagu {pagu}: terpakai {used}, sisa {left}.").format(
            pagu=format_rp(result.pagu), used=format_rp(result.used), left=format_rp(result.left)
        )
    ]
    for tier in result.tiers:
        mark = "✔" if tier.covered >= tier.eligible else "✖"
        lines.append(f"{mark} {_(tier.name)}: {tier.covered}/{tier.eligible}")
    lines.append(
        _(
            "Belum diterapkan: anggaran masih memuat seluruh daftar peserta (terapkan di Simulasi & Rencana)."
        )
    )
    return "\n".join(lines)


def applied_text(sim: Simulation) -> str:
    """The plan the year's budget follows, as it was applied."""
    note = sim.coverage
    assert note is not None
    lines = [
        _("Pagu {pagu} (mode {mode}): iuran desa {biaya}, sisa {sisa}.").format(
            pagu=format_rp(note.pagu),
            mode=_(mode_label(note.mode)),
            biaya=format_rp(sim.desa),
            sisa=format_rp(note.pagu - sim.desa),
        )
    ]
    for tier in note.tiers:
        mark = "✔" if tier.covered >= tier.eligible else "✖"
        lines.append(f"{mark} {_(tier.name)}: {tier.covered}/{tier.eligible}")
    from ui.widgets.coverage_box import left_out_text

    left = left_out_text(note)
    if left:
        lines.append(_("Tidak ditanggung tahun ini: {siapa}.").format(siapa=left))
    return "\n".join(lines)


class BerandaPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.simulation: Simulation | None = None
        self._rest_after_paint = 0  # the first load whose plan and findings wait for a paint
        self.desa_figure = Figure(_("Iuran dibayar desa (APBDes)"))
        self.potongan_figure = Figure(_("Dipotong / iuran mandiri"))
        self.persons_figure = Figure(_("Peserta iuran desa / di daftar"))
        self.pemda_figure = Figure(_("Dibayar Pemda (APBD)"))
        figures = QGridLayout()
        for column, figure in enumerate(
            (self.desa_figure, self.potongan_figure, self.persons_figure, self.pemda_figure)
        ):
            figures.addWidget(figure, 0, column)

        self.category_model = CategoryModel(self)
        self.program_model = ProgramModel(self)
        self.finding_model = FindingModel(self)
        self.category_view = _view(self.category_model, CategoryModel.KATEGORI)
        self.program_view = _view(self.program_model, ProgramModel.PROGRAM)
        self.finding_view = _view(self.finding_model, FindingModel.PESAN)
        self.finding_view.setWordWrap(True)
        self.finding_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.finding_view.doubleClicked.connect(self._on_finding_view_double_clicked)
        self.finding_view.activated.connect(self._on_finding_view_double_clicked)
        self.finding_view.horizontalHeader().sectionResized.connect(
            lambda *_args: self.finding_view.resizeRowsToContents()
        )
        self.chart = BarChart()

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)

        category_box = self._box(_("Peserta dan iuran per kategori"), self.category_view)
        program_box = self._box(_("Iuran setahun per program"), self.program_view)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_box = self._box(_("Hasil perencanaan (pagu)"), self.plan_label)
        chart_box = self._box(_("Iuran per bulan"), self.chart)
        self.findings_box = self._box(_("Peringatan dan galat"), self.finding_view)

        grid = QGridLayout()
        grid.addWidget(category_box, 0, 0)
        right = QVBoxLayout()
        right.addWidget(program_box, 3)
        right.addWidget(self.plan_box, 1)
        grid.addLayout(right, 0, 1)
        grid.addWidget(chart_box, 1, 0)
        grid.addWidget(self.findings_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        # An empty roster (just after the first start): say what to do next.
        self.next_step = QFrame()
        self.next_step.setFrameShape(QFrame.Shape.StyledPanel)
        self.next_step.setStyleSheet("QFrame { background: #eef6f1; }")
        step_text = QLabel(
            _(
                "Daftar peserta masih kosong. Langkah berikutnya: tambahkan perangkat desa, BPD, "
                "RT/RW dan pekerja rentan satu per satu, atau impor daftar yang sudah ada di Excel."
            )
        )
        step_text.setWordWrap(True)
        self.add_first_button = QPushButton(_("Tambah peserta (Ctrl+N)"))
        self.import_first_button = QPushButton(_("Impor dari Excel…"))
        self.add_first_button.clicked.connect(
            lambda: self.ctx.navigate(NavTarget("peserta", field="tambah"))
        )
        self.import_first_button.clicked.connect(
            lambda: self.ctx.navigate(NavTarget("peserta", field="impor"))
        )
        step_row = QHBoxLayout(self.next_step)
        step_row.addWidget(step_text, 1)
        step_row.addWidget(self.add_first_button)
        step_row.addWidget(self.import_first_button)
        self.next_step.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.next_step)
        layout.addLayout(figures)
        layout.addLayout(grid, 1)

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(widget)
        return box

    def refresh(self) -> None:
        self.loads += 1  # the rest of a first load not yet shown is not shown
        year = self.ctx.year
        with self.ctx.db.session() as session:
            sim = simulate(session, self.ctx.rules, year)
            plan, findings = _plan_and_findings(session, self.ctx.rules, sim)
        self.show_simulation(sim, plan, findings)

    def open(self) -> None:
        """The first show (at start-up): the year's figures at once; the plan and the findings,
        whose modules are not loaded yet, once the figures are painted ("memuat…" meanwhile)."""
        self.loads += 1
        load, self.loading = self.loads, True
        with self.ctx.db.session() as session:
            sim = simulate(session, self.ctx.rules, self.ctx.year)
        self.show_figures(sim)
        self.plan_box.setVisible(False)
        self.findings_box.setTitle(_("Peringatan dan galat (memuat…)"))
        self._rest_after_paint = load
        QTimer.singleShot(0, self, lambda: self._unless_painted_soon(load))

    def _unless_painted_soon(self, load: int) -> None:
        if not self.isVisible():  # built but not shown (no paint is coming): the rest now
            self._show_rest(load)
        else:  # shown: after the paint, or a moment later if the window system paints nothing
            QTimer.singleShot(REST_AT_THE_LATEST, self, lambda: self._show_rest(load))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        load, self._rest_after_paint = self._rest_after_paint, 0
        if load:
            QTimer.singleShot(0, self, lambda: self._show_rest(load))

    def _show_rest(self, load: int) -> None:
        if not self.loading:  # shown already (painted, then the timer)
            return
        if load != self.loads:  # a refresh showed everything meanwhile
            self._finish_loading()
            return
        with self.ctx.db.session() as session:
            plan, findings = _plan_and_findings(session, self.ctx.rules, self.simulation)
        assert self.simulation is not None
        self.show_rest(self.simulation, plan, findings)
        self._finish_loading()

    def show_simulation(
        self, sim: Simulation, plan: "PlanResult | None", findings: Sequence["CheckFinding"]
    ) -> None:
        self.show_figures(sim)
        self.show_rest(sim, plan, findings)

    def show_figures(self, sim: Simulation) -> None:
        """The year's figures: the headline sums, per category, per program, per month."""
        self.simulation = sim
        self.next_step.setVisible(sim.roster_total == 0)
        self.title.setText(_("Ringkasan tahun {tahun}").format(tahun=sim.year))
        self.desa_figure.set(format_rp(sim.desa))
        self.potongan_figure.set(format_rp(sim.potongan))
        # One head-count rule (results.HEAD_COUNT_RULE): the Pemda-paid apart, said beside.
        self.persons_figure.set(f"{len(sim.apbdes_persons)} / {sim.roster_total}")
        self.persons_figure.setToolTip(_(HEAD_COUNT_RULE))
        self.pemda_figure.set(
            _("{amount} · {n} orang").format(amount=format_rp(sim.pemda), n=sim.pemda_count)
        )
        self.pemda_figure.setVisible(sim.pemda > 0)
        self.category_model.set_rows(category_totals(sim))
        self.program_model.set_rows([p for p in program_totals(sim) if p.jumlah])
        months = month_totals(sim)
        self.chart.set_data(
            tuple(_(month) for month in MONTH_ABBR),
            (
                Series(_("Dibayar desa"), DESA_COLOR, tuple(m.desa for m in months)),
                Series(_("Dipotong"), POTONGAN_COLOR, tuple(m.potongan for m in months)),
            ),
        )

    def show_rest(
        self, sim: Simulation, plan: "PlanResult | None", findings: Sequence["CheckFinding"]
    ) -> None:
        """The plan (applied, or the default one for the pagu) and the findings."""
        if sim.coverage is not None:
            self.plan_box.setTitle(_("Rencana yang diterapkan ke anggaran"))
            self.plan_label.setText(applied_text(sim))
        else:
            self.plan_box.setTitle(_("Hasil perencanaan (pagu)"))
            self.plan_label.setText(plan_text(plan) if plan is not None else "")
        self.plan_box.setVisible(plan is not None or sim.coverage is not None)
        rows = [Finding(f.severity, f.message, where_fixed(f)) for f in findings]
        self.finding_model.set_rows(rows)
        self.findings_box.setTitle(_("Peringatan dan galat ({n})").format(n=len(rows)))
        self.finding_view.resizeRowsToContents()

    def _on_finding_view_double_clicked(self, index: QModelIndex) -> None:
        finding = index.data(ROW_ROLE)
        if isinstance(finding, Finding) and finding.target is not None:
            self.ctx.navigate(finding.target)


def _plan_and_findings(
    session: "Session", rules: "RuleSet", sim: Simulation | None
) -> tuple["PlanResult | None", Sequence["CheckFinding"]]:
    from desa_budget.budget.findings import year_findings
    from desa_budget.budget.plan_defaults import year_plan

    assert sim is not None
    return year_plan(session, rules, sim.year), year_findings(session, sim)


def create_page(ctx: AppContext) -> Page:
    return BerandaPage(ctx)
