"""Simulasi & Rencana's Skenario tab: the what-if inputs saved under a name, loaded back, deleted,
and the checked ones compared side by side."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget import scenarios
from desa_budget.budget.scenarios import ScenarioInfo
from desa_budget.errors import UserError
from desa_budget.format import format_rp, format_time
from ui import errors, msgbox
from ui.app_context import AppContext
from ui.commands import EditCommand, push
from ui.commands.budget import DeleteScenarioCommand, SaveScenarioCommand
from ui.i18n import _
from ui.models.grid_model import GridModel
from ui.widgets.plan_inputs import PlanInputs
from ui.widgets.tables import fill_column, group, table_view


def push_edit(parent: QWidget, ctx: AppContext, command: EditCommand) -> bool:
    """Make the edit (an undo step); a refusal from the core is shown, nothing changes."""
    try:
        push(ctx, command)
    except UserError as exc:
        errors.show_user_error(parent, exc)
        return False
    return True


def run_edit(parent: QWidget, action: Callable[[], Any]) -> None:
    try:
        action()
    except UserError as exc:
        errors.show_user_error(parent, exc)


class ScenarioTab(QWidget):
    loaded = Signal()  # a scenario was loaded into the inputs

    def __init__(self, ctx: AppContext, inputs: PlanInputs) -> None:
        super().__init__()
        self.ctx = ctx
        self.inputs = inputs
        self.scenarios: dict[str, ScenarioInfo] = {}  # the year's saved scenarios by name
        self.comparison_model = GridModel(self)
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
        layout = QVBoxLayout(self)
        layout.addLayout(save_row)
        layout.addWidget(
            group(
                _("Skenario tersimpan tahun ini (centang untuk dibandingkan)"),
                self.scenario_list,
                buttons,
            )
        )
        layout.addWidget(group(_("Perbandingan"), self.comparison_view), 1)

    def load(self) -> None:
        """The year's saved scenarios, the checked ones kept checked."""
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
        if push_edit(self, self.ctx, command):
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
            self.loaded.emit()

        run_edit(self, read)

    def delete_scenario(self) -> None:
        name = self._current_scenario()
        if name is None or name not in self.scenarios or not msgbox.confirm(
            self, _("Hapus skenario"), _("Hapus skenario \"{nama}\"?").format(nama=name),
            yes=_("Hapus"),
        ):  # fmt: skip
            return
        push_edit(self, self.ctx, DeleteScenarioCommand(self.ctx, self.scenarios[name]))

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

        run_edit(self, run)
