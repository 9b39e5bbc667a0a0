"""Kode Anggaran: the category → kegiatan / rekening / sumber dana mapping, local codes, per-person
codes, the year's budget lines with their totals, and the checks (DDS, the 30 % ceiling) beside them.
The tabs are ``kode_tabs``, the side panel ``kode_checks``; this module loads and navigates."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desa_budget.budget import settings as budget_settings
from desa_budget.budget import versions
from desa_budget.budget.checks import Finding as CheckFinding
from desa_budget.budget.codes.catalog import Catalog
from desa_budget.budget.findings import coverage_findings
from desa_budget.budget.lines import BudgetLines
from desa_budget.contributions.results import Simulation
from desa_budget.roster.read import coverage_versions
from ui.app_context import AppContext, NavTarget
from ui.i18n import _
from ui.models.summary_models import ERROR, INFO, WARNING, Finding
from ui.models.table_model import ROW_ROLE
from ui.pages import Page
from ui.pages.kode_checks import ChecksPanel
from ui.pages.kode_siskeudes import SiskeudesTab
from ui.pages.kode_tabs import LinesTab, LocalCodesTab, MappingTab, PersonCodesTab

TAB_MAPPING, TAB_LINES, TAB_LOCAL, TAB_PERSONS, TAB_SISKEUDES = range(5)


class KodeAnggaranPage(Page):
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.catalog: Catalog | None = None
        self.simulation: Simulation | None = None
        self.lines: BudgetLines | None = None

        self.mapping_tab = MappingTab(ctx)
        self.lines_tab = LinesTab()
        self.local_tab = LocalCodesTab(ctx)
        self.persons_tab = PersonCodesTab(ctx)
        self.siskeudes_tab = SiskeudesTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mapping_tab, _("Pemetaan kategori"))
        self.tabs.addTab(self.lines_tab, _("Baris anggaran"))
        self.tabs.addTab(self.local_tab, _("Kode lokal"))
        self.tabs.addTab(self.persons_tab, _("Kode per orang"))
        self.tabs.addTab(self.siskeudes_tab, _("Cek Siskeudes"))

        self.checks = ChecksPanel(ctx)
        self.checks.finding_view.doubleClicked.connect(self._on_finding_view_double_clicked)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.checks)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 340])
        # At 1024 × 768 the five tabs do not quite fit beside the checks: a long label is
        # shortened rather than a tab hidden behind scroll arrows (the full name in its tooltip).
        bar = self.tabs.tabBar()
        bar.setElideMode(Qt.TextElideMode.ElideRight)
        bar.setUsesScrollButtons(False)
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(index, self.tabs.tabText(index))

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

    # Loading
    def refresh(self) -> None:
        year = self.ctx.year
        with self.ctx.db.session() as session:
            catalog = budget_settings.catalog_for(session)
            mapping = budget_settings.effective_mapping(session)
            profile = budget_settings.kabupaten_profile(session)
            local = budget_settings.local_codes(session)
            sim, lines = versions.current(session, self.ctx.rules, year)
            checked = versions.check_version(
                session, versions.FrozenVersion(year, "murni", sim, lines)
            )
            budget_year = budget_settings.get_budget_year(session, year)
            person_versions = coverage_versions(session, year)
            planned = coverage_findings(session, sim)
        self.catalog, self.simulation, self.lines = catalog, sim, lines
        self.title.setText(_("Kode anggaran dan baris APBDes {tahun}").format(tahun=year))
        self.mapping_tab.set_data(mapping, catalog, profile.title)
        self.lines_tab.set_lines(lines)
        self.local_tab.set_data(local, catalog)
        self.persons_tab.set_data(sim, catalog, person_versions)
        # the core lists errors before warnings; the coverage's warnings and note come after
        found = (*checked.errors, *checked.warnings, *planned)
        findings = [self._finding(f) for f in found]
        counts = (len(checked.errors), sum(1 for f in found if f.severity == WARNING))
        self.checks.set_data(sim, findings, counts, budget_year)
        self.siskeudes_tab.refresh()
        self.refreshed.emit()

    def _finding(self, item: CheckFinding) -> Finding:
        target = NavTarget("kode", field=f"{item.target_kind}:{item.target}")
        if item.target_kind == "person" and item.target.isdigit():
            target = NavTarget("peserta", person_id=int(item.target), field="dasar_upah")
        elif item.target_kind == "profil":
            target = NavTarget("pengaturan")
        elif item.target_kind == "rencana":  # the plan applied to the budget, or the pagu
            target = NavTarget("rencana")
        severity = {"error": ERROR, "warning": WARNING}.get(item.severity, INFO)
        return Finding(severity, item.message, target)

    def select_category(self, kategori: str) -> None:
        self.tabs.setCurrentIndex(TAB_MAPPING)
        self.mapping_tab.select_category(kategori)

    # Hooks
    def navigate_to(self, target: NavTarget) -> None:
        kind, _sep, value = (target.field or "").partition(":")
        if kind == "kategori":
            self.select_category(value)
        elif kind == "line":
            self.tabs.setCurrentIndex(TAB_LINES)
            self.lines_tab.select_line(value)
        elif kind == "tahun":
            self.checks.total_belanja.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_item(self) -> bool:
        if self.tabs.currentIndex() == TAB_LOCAL:
            self.local_tab.add_local()
            return True
        return False

    def _on_finding_view_double_clicked(self, index: QModelIndex) -> None:
        finding = index.data(ROW_ROLE)
        if not isinstance(finding, Finding) or finding.target is None:
            return
        if finding.target.page == "kode":
            self.navigate_to(finding.target)
        else:
            self.ctx.navigate(finding.target)


def create_page(ctx: AppContext) -> Page:
    return KodeAnggaranPage(ctx)
