"""Simulasi & Rencana's Versi APBDes tab: the versions adopted, the next one to adopt, and the
murni against the perubahan line by line."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desa_budget.budget import versions
from desa_budget.contributions.applied import AppliedPlanData
from desa_budget.format import format_rp
from ui.app_context import AppContext
from ui.commands.budget import AdoptVersionCommand
from ui.dialogs.adopt_dialog import AdoptDialog
from ui.i18n import _
from ui.models.plan_models import DiffModel, VersionModel
from ui.pages.rencana_scenarios import push_edit
from ui.widgets.tables import group, table_view


class VersionTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.next_jenis: str | None = None
        self.version_model = VersionModel(self)
        self.diff_model = DiffModel(self)
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
        layout = QVBoxLayout(self)
        layout.addWidget(group(_("Versi yang sudah ditetapkan"), self.version_view, row))
        layout.addWidget(self.diff_box, 1)

    def load(self, applied: AppliedPlanData | None) -> None:
        """The year's adopted versions; ``applied``: the plan the budget follows, if any."""
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
            push_edit(self, self.ctx, AdoptVersionCommand(self.ctx, year, form))
