"""The year's coverage in words, and the box on Simulasi & Rencana that applies a plan to the
budget or takes it back: whether the budget follows an applied plan or the whole roster, who is
left out, and what the secretary should do (the core's coverage findings)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desa_budget.budget import coverage
from desa_budget.budget.checks import Finding
from desa_budget.budget.findings import coverage_findings
from desa_budget.budget.planner import PlanResult
from desa_budget.budget.scenarios import ScenarioParams
from desa_budget.budget.settings import BudgetYearData
from desa_budget.contributions.applied import AppliedPlanData
from desa_budget.contributions.results import CoverageNote, Simulation, mode_label
from desa_budget.contributions.simulation import RosterEntry, simulate
from desa_budget.errors import UserError
from desa_budget.format import format_rp, format_time
from desa_budget.rules import RuleSet
from desa_budget.store.database import Database
from desa_budget.village import categories
from ui import errors, msgbox
from ui.app_context import AppContext
from ui.commands import EditCommand, push, push_macro
from ui.commands.budget import ApplyPlanCommand, ClearPlanCommand, SetPaguCommand
from ui.i18n import _, ngettext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def left_out_text(note: CoverageNote) -> str:
    """Who the plan leaves out: "70 Pekerja Rentan, 1 orang hanya sebagian program" (or "")."""
    counts = note.not_covered_by_category()
    parts = [f"{n} {categories.label(k)}" for k, n in counts.items()]
    if note.partly:
        n = len(note.partly)
        parts.append(
            ngettext(
                "{n} orang hanya sebagian program", "{n} orang hanya sebagian program", n
            ).format(n=n)
        )
    return ", ".join(parts)


@dataclass(frozen=True)
class Loaded:
    applied: AppliedPlanData | None
    budget: Simulation
    findings: tuple[Finding, ...]


def coverage_lines(sim: Simulation, findings: Sequence[Finding]) -> list[str]:
    """The year's coverage in sentences: which budget is used, who is left out, then each
    coverage warning (above the pagu, plan out of date)."""
    note = sim.coverage
    if note is None:
        lines = [
            _(
                "Belum ada rencana yang diterapkan: anggaran, dokumen dan ekspor memuat seluruh "
                "daftar peserta: {n}, iuran desa {biaya}."
            ).format(n=_(sim.head_count_text), biaya=format_rp(sim.desa))
        ]
    else:
        lines = [
            _(
                "Anggaran, dokumen dan ekspor mengikuti rencana pagu {pagu} (mode {mode}) yang "
                "diterapkan {waktu} oleh {operator}: ditanggung desa {n}, iuran desa {biaya}."
            ).format(
                pagu=format_rp(note.pagu),
                mode=_(mode_label(note.mode)),
                waktu=format_time(note.diterapkan),
                operator=note.operator,
                n=_(sim.head_count_text),
                biaya=format_rp(sim.desa),
            )
        ]
        left = left_out_text(note)
        if left:
            lines.append(_("Tidak ditanggung tahun ini: {siapa}.").format(siapa=left))
    lines += ["⚠ " + _(f.message) for f in findings if f.severity == "warning"]
    return lines


class CoverageBox(QGroupBox):
    """What the year's budget follows, with "apply this plan" and "back to the roster".

    ``apply_clicked`` is left to the page, which knows the plan on screen and calls ``apply``."""

    apply_clicked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Anggaran tahun ini"), parent)
        self.ctx = ctx
        self.applied: AppliedPlanData | None = None  # the year's applied plan, as last read
        self.budget: Simulation | None = None  # the year's budget: the applied plan's coverage
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_button = QPushButton(_("Terapkan rencana ke anggaran"))
        self.apply_button.setToolTip(
            _(
                "Yang ditanggung rencana ini menjadi anggaran tahun ini: Beranda, kode anggaran, "
                "dokumen dan ekspor memuat mereka saja. Dapat dibatalkan (Ctrl+Z)."
            )
        )
        self.clear_button = QPushButton(_("Kembali ke seluruh daftar"))
        self.clear_button.setToolTip(
            _("Lepas rencana yang diterapkan: anggaran memuat seluruh daftar peserta lagi.")
        )
        self.apply_button.clicked.connect(self.apply_clicked)
        self.clear_button.clicked.connect(self.clear)
        buttons = QVBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status, 1)
        layout.addLayout(buttons)

    def load(self) -> None:
        self.show_loaded(self.read(self.ctx.db, self.ctx.rules, self.ctx.year))

    @staticmethod
    def read(db: Database, rules: RuleSet, year: int) -> Loaded:
        """What the box shows (in any thread: its own session)."""
        with db.session() as session:
            return CoverageBox.read_in(session, rules, year)

    @staticmethod
    def read_in(
        session: "Session",
        rules: RuleSet,
        year: int,
        *,
        roster: Sequence[RosterEntry] | None = None,
    ) -> Loaded:
        """The same in ``session``; ``roster``: the year's roster already read in it."""
        applied = coverage.read_applied(session, year)
        budget = simulate(session, rules, year, entries=roster)
        return Loaded(applied, budget, tuple(coverage_findings(session, budget, roster=roster)))

    def show_loaded(self, loaded: Loaded) -> None:
        self.applied, self.budget = loaded.applied, loaded.budget
        self.show_state(loaded.budget, loaded.findings)

    def apply(
        self, params: ScenarioParams, plan: PlanResult | None, stored: BudgetYearData | None
    ) -> None:
        """Make ``plan`` (of ``params``) the year's budget, its pagu saved with it: one undo
        step. ``stored`` is the year's saved figures as the page read them."""
        if stored is None or plan is None:
            return
        covered = len({pid for tier in plan.tiers for pid in tier.covered_ids})
        if not msgbox.confirm(
            self,
            _("Terapkan rencana ke anggaran"),
            _(
                "Anggaran {tahun} akan mengikuti rencana ini: {n} orang ditanggung, iuran desa "
                "{terpakai} dari pagu {pagu}. Yang tidak ditanggung tidak masuk kode anggaran, "
                "dokumen dan ekspor. Dapat dibatalkan dengan Ctrl+Z."
            ).format(
                tahun=self.ctx.year,
                n=covered,
                terpakai=format_rp(plan.used),
                pagu=format_rp(plan.pagu),
            ),
            yes=_("Terapkan"),
        ):
            return
        steps: list[EditCommand] = []
        if params.pagu != (stored.pagu or 0):
            steps.append(SetPaguCommand(self.ctx, stored, params.pagu or None))
        steps.append(ApplyPlanCommand(self.ctx, self.ctx.year, params, self.applied))
        try:
            push_macro(self.ctx, _("Terapkan rencana {tahun}").format(tahun=self.ctx.year), steps)
        except UserError as exc:
            errors.show_user_error(self, exc)

    def clear(self) -> None:
        """The year back to the whole roster (undo: the plan as it was applied)."""
        if self.applied is None:
            return
        try:
            push(self.ctx, ClearPlanCommand(self.ctx, self.applied))
        except UserError as exc:
            errors.show_user_error(self, exc)

    def show_state(self, sim: Simulation, findings: Sequence[Finding]) -> None:
        self.status.setText("\n".join(coverage_lines(sim, findings)))
        self.clear_button.setEnabled(sim.coverage is not None)
        stale = any(f.severity == "warning" and f.kode == "rencana" for f in findings)
        self.apply_button.setText(
            _("Terapkan ulang rencana ke anggaran")
            if sim.coverage is not None and stale
            else _("Terapkan rencana ke anggaran")
        )
