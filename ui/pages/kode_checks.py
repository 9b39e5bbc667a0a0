"""Kode Anggaran's side panel: the checks (DDS, codes, the ceiling) and the year's total belanja
desa with both 30 % ratios; saving the total is an undo command."""

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desa_budget.budget.checks import ratio_30
from desa_budget.budget.settings import BudgetYearData
from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.format import format_rp
from ui import errors
from ui.app_context import AppContext
from ui.commands import push
from ui.commands.budget import SetTotalBelanjaCommand
from ui.i18n import _, ngettext
from ui.models.summary_models import Finding, FindingModel
from ui.widgets.fields import RupiahEdit
from ui.widgets.tables import group, table_view


class ChecksPanel(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.simulation: Simulation | None = None
        self.budget_year: BudgetYearData | None = None  # as read at the last refresh

        self.finding_model = FindingModel(self)
        self.finding_view = table_view(self.finding_model, FindingModel.PESAN)
        self.finding_view.setWordWrap(True)
        self.findings_box = group(_("Pemeriksaan"), self.finding_view)

        self.total_belanja = RupiahEdit()
        self.total_belanja.setPlaceholderText(_("mis. 1.250.000.000"))
        self.total_belanja.value_changed.connect(self.show_ratio)
        self.save_total_button = QPushButton(_("Simpan"))
        self.save_total_button.clicked.connect(self.save_total_belanja)
        # never so narrow that the amount turns into "…" (a 1024 × 768 screen)
        sample = self.total_belanja.fontMetrics().horizontalAdvance("9.999.999.999.999")
        self.total_belanja.setMinimumWidth(sample + 16)
        row = QHBoxLayout()
        row.addWidget(self.total_belanja, 1)
        row.addWidget(self.save_total_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("Total belanja desa"), row)
        self.ratio_without = QLabel("—")
        self.ratio_with = QLabel("—")
        form.addRow(_("Tanpa iuran jaminan sosial"), self.ratio_without)
        form.addRow(_("Dengan iuran (cara bawaan)"), self.ratio_with)
        self.ratio_note = QLabel()
        self.ratio_note.setWordWrap(True)
        ceiling = group(_("Batas 30% penghasilan tetap"), form, self.ratio_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.findings_box, 1)
        layout.addWidget(ceiling)

    def set_data(
        self,
        simulation: Simulation,
        findings: list[Finding],
        counts: tuple[int, int],
        budget_year: BudgetYearData,
    ) -> None:
        self.simulation, self.budget_year = simulation, budget_year
        self.finding_model.set_rows(findings)
        self.findings_box.setTitle(
            _("Pemeriksaan: {galat}, {peringatan}").format(
                galat=ngettext("{n} galat", "{n} galat", counts[0]).format(n=counts[0]),
                peringatan=ngettext("{n} peringatan", "{n} peringatan", counts[1]).format(
                    n=counts[1]
                ),
            )
        )
        self.finding_view.resizeRowsToContents()
        self.total_belanja.set_value(budget_year.total_belanja or 0)
        self.show_ratio()

    def show_ratio(self) -> None:
        total = self.total_belanja.value()
        if self.simulation is None or total <= 0:
            self.ratio_without.setText("—")
            self.ratio_with.setText("—")
            self.ratio_note.setText(
                _("Isi total belanja desa tahun ini untuk menghitung kedua rasio.")
            )
            return
        ratio = ratio_30(self.simulation, total)
        limit = f"{ratio.batas_persen.normalize():f}%"
        self.ratio_without.setText(f"{ratio.teks_tanpa} {'✖' if ratio.exceeded_without else '✔'}")
        self.ratio_with.setText(f"{ratio.teks_dengan} {'✖' if ratio.exceeded else '✔'}")
        self.ratio_note.setText(
            _(
                "Penghasilan {penghasilan} (dari {sumber}) dan iuran {iuran} terhadap belanja "
                "{belanja}; batas {batas}. Siskeudes hanya memberi peringatan, begitu juga "
                "aplikasi ini."
            ).format(
                penghasilan=format_rp(ratio.penghasilan),
                sumber=_(ratio.sumber),
                iuran=format_rp(ratio.jaminan_sosial),
                belanja=format_rp(ratio.total_belanja),
                batas=limit,
            )
        )

    def save_total_belanja(self) -> None:
        """Save the total as typed; the pagu of the year is left as it is."""
        if self.budget_year is None:
            return
        total = self.total_belanja.value() or None
        if total == self.budget_year.total_belanja:
            return
        try:
            push(self.ctx, SetTotalBelanjaCommand(self.ctx, self.budget_year, total))
        except UserError as exc:
            errors.show_user_error(self, exc)
