"""Beranda: the year at a glance — coverage per category, cost per program, a chart by month,
the planner's result when a pagu is set, and every finding, each opening the place that fixes it."""

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import simulate
from desa_budget.format import MONTH_ABBR, format_rp
from desa_budget.village import categories
from ui.app_context import AppContext, NavTarget
from ui.i18n import _, ngettext
from ui.models.summary_models import (
    INFO,
    WARNING,
    CategoryModel,
    Finding,
    FindingModel,
    ProgramModel,
    category_lines,
    monthly_totals,
    program_lines,
    sorted_findings,
)
from ui.models.table_model import ROW_ROLE
from ui.pages import Page
from ui.pages.core_extras import check_findings, planner_summary
from ui.widgets.bar_chart import BarChart, Series

DESA_COLOR = "#2e7d5b"
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


def roster_findings(sim: Simulation, has_rencana: bool) -> list[Finding]:
    """What the year's numbers show that a secretary should act on (counts, no new rules)."""
    findings: list[Finding] = []
    covered: dict[str, int] = {}
    for person in sim.persons:
        covered[person.kategori] = covered.get(person.kategori, 0) + 1
    for category in categories.CATEGORIES:
        missing = sim.roster_counts.get(category.key, 0) - covered.get(category.key, 0)
        if missing > 0:
            findings.append(
                Finding(
                    WARNING,
                    ngettext(
                        "{n} orang {kategori} di daftar belum ikut program apa pun.",
                        "{n} orang {kategori} di daftar belum ikut program apa pun.",
                        missing,
                    ).format(n=missing, kategori=category.label),
                    NavTarget("peserta", filters=(("kategori", category.key),)),
                )
            )
    unregistered = sum(1 for p in sim.persons if p.status_bpjs == "belum")
    if unregistered:
        findings.append(
            Finding(
                WARNING,
                ngettext(
                    "{n} peserta belum terdaftar di BPJS Ketenagakerjaan.",
                    "{n} peserta belum terdaftar di BPJS Ketenagakerjaan.",
                    unregistered,
                ).format(n=unregistered),
                NavTarget("peserta", filters=(("status_bpjs", "belum"),)),
            )
        )
    target = NavTarget("rencana") if has_rencana else None
    findings.extend(Finding(INFO, text, target) for text in sim.assumptions)
    return findings


class BerandaPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.simulation: Simulation | None = None
        self.desa_figure = Figure(_("Iuran dibayar desa (APBDes)"))
        self.potongan_figure = Figure(_("Dipotong dari siltap/honor"))
        self.persons_figure = Figure(_("Peserta ikut / di daftar"))
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(figures)
        layout.addLayout(grid, 1)

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(widget)
        return box

    def refresh(self) -> None:
        year = self.ctx.year
        with self.ctx.db.session() as session:
            sim = simulate(session, self.ctx.rules, year)
            plan_text = planner_summary(session, self.ctx.rules, year)
            code_findings = check_findings(session, sim, _page_exists)
        self.show_simulation(sim, plan_text, code_findings)

    def show_simulation(
        self, sim: Simulation, plan_text: str | None, code_findings: list[Finding]
    ) -> None:
        self.simulation = sim
        self.title.setText(_("Ringkasan tahun {tahun}").format(tahun=sim.year))
        self.desa_figure.set(format_rp(sim.desa))
        self.potongan_figure.set(format_rp(sim.potongan))
        in_roster = sum(sim.roster_counts.values())
        self.persons_figure.set(f"{len(sim.persons)} / {in_roster}")
        self.pemda_figure.set(format_rp(sim.pemda))
        self.pemda_figure.setVisible(sim.pemda > 0)
        self.category_model.set_rows(category_lines(sim))
        self.program_model.set_rows(program_lines(sim))
        desa, potongan = monthly_totals(sim)
        self.chart.set_data(
            tuple(_(month) for month in MONTH_ABBR),
            (
                Series(_("Dibayar desa"), DESA_COLOR, tuple(desa)),
                Series(_("Dipotong"), POTONGAN_COLOR, tuple(potongan)),
            ),
        )
        self.plan_box.setVisible(plan_text is not None)
        self.plan_label.setText(plan_text or "")
        has_rencana = _page_exists("rencana")
        findings = sorted_findings(code_findings + roster_findings(sim, has_rencana))
        self.finding_model.set_rows(findings)
        self.findings_box.setTitle(_("Peringatan dan galat ({n})").format(n=len(findings)))
        self.finding_view.resizeRowsToContents()

    def _on_finding_view_double_clicked(self, index: QModelIndex) -> None:
        finding = index.data(ROW_ROLE)
        if isinstance(finding, Finding) and finding.target is not None:
            self.ctx.navigate(finding.target)


def _page_exists(key: str) -> bool:
    from ui.pages import BY_KEY

    spec = BY_KEY.get(key)
    return spec is not None and spec.exists()


def create_page(ctx: AppContext) -> Page:
    return BerandaPage(ctx)
