"""The tabs of Kode Anggaran: the category mapping, the budget lines, local codes and per-person
codes. Each edit is an undo command (``ui.commands.budget``); the page fills the tabs on refresh."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from desa_budget.budget.codes.catalog import Catalog
from desa_budget.budget.lines import BudgetLines
from desa_budget.budget.settings import CategoryCodes, LocalCodeData
from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.format import format_rp
from ui import errors, msgbox
from ui.app_context import AppContext
from ui.commands import EditCommand, push
from ui.commands.budget import (
    AddLocalCodeCommand,
    MappingCommand,
    PersonCodesCommand,
    RemoveLocalCodeCommand,
)
from ui.dialogs.code_dialogs import LocalCodeDialog, PersonCodesDialog
from ui.dialogs.mapping_dialog import MappingDialog
from ui.i18n import _, ngettext
from ui.models.code_models import (
    BudgetLineModel,
    LocalCodeModel,
    MappingModel,
    MappingRow,
    PersonCodeModel,
    PersonCodes,
    PotonganModel,
    mapping_rows,
    person_code_rows,
)
from ui.models.table_model import ROW_ROLE
from ui.widgets.tables import table_view


def selected(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch()
    return row


class EditingTab(QWidget):
    """A tab whose buttons push undo commands; a refusal from the core is shown, nothing changes."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.catalog: Catalog | None = None

    def push(self, command: EditCommand) -> bool:
        try:
            push(self.ctx, command)
        except UserError as exc:
            errors.show_user_error(self, exc)
            return False
        return True


class MappingTab(EditingTab):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.mapping: dict[str, CategoryCodes] = {}
        self.model = MappingModel(self)
        self.view = table_view(self.model, MappingModel.KATEGORI)
        self.view.doubleClicked.connect(self.edit_mapping)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.edit_button = QPushButton(_("Ubah kode…"))
        self.reset_button = QPushButton(_("Kembalikan ke profil kabupaten"))
        self.edit_button.clicked.connect(self.edit_mapping)
        self.reset_button.clicked.connect(self.reset_mapping)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profile_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(_buttons(self.edit_button, self.reset_button))

    def set_data(self, mapping: dict[str, CategoryCodes], catalog: Catalog, profile: str) -> None:
        self.mapping, self.catalog = mapping, catalog
        self.profile_label.setText(
            _('Profil kabupaten: {profil}. Baris bertanda "desa" diatur sendiri oleh desa.').format(
                profil=profile
            )
        )
        self.model.set_rows(mapping_rows(mapping, catalog))
        self.update_buttons()

    def update_buttons(self) -> None:
        row = selected(self.view)
        self.edit_button.setEnabled(row is not None)
        self.reset_button.setEnabled(isinstance(row, MappingRow) and row.village_set)

    def select_category(self, kategori: str) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.kategori == kategori:
                self.view.selectRow(row)
                self.view.setFocus()
                return

    def edit_mapping(self) -> None:
        row = selected(self.view)
        if not isinstance(row, MappingRow) or self.catalog is None:
            return
        before = self.mapping[row.kategori]
        choice = MappingDialog.ask(self, before, self.catalog)
        if choice is None:
            return
        after = CategoryCodes(
            row.kategori, choice.kode_kegiatan, choice.kode_rekening, choice.sumber_dana, True
        )
        if before.village_set and after.same_codes(before):
            return
        self.push(MappingCommand(self.ctx, before, after))
        self.select_category(row.kategori)

    def reset_mapping(self) -> None:
        row = selected(self.view)
        if not isinstance(row, MappingRow) or not row.village_set:
            return
        self.push(MappingCommand(self.ctx, self.mapping[row.kategori], None))
        self.select_category(row.kategori)


class LinesTab(QWidget):
    """The year's budget lines, and apart from them what is withheld from pay (read only)."""

    def __init__(self) -> None:
        super().__init__()
        self.line_model = BudgetLineModel(self)
        self.potongan_model = PotonganModel(self)
        self.line_view = table_view(self.line_model, BudgetLineModel.URAIAN)
        self.potongan_view = table_view(self.potongan_model, PotonganModel.URAIAN)
        self.potongan_view.setMaximumHeight(150)
        self.lines_total = QLabel()
        self.lines_total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.potongan_total = QLabel()
        note = QLabel(
            _(
                "Iuran pekerja yang dipotong dari siltap/honor, dan iuran mandiri yang dibayar "
                "sendiri oleh peserta BPU, bukan belanja desa; dicatat terpisah di bawah ini."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.line_view, 3)
        layout.addWidget(self.lines_total)
        layout.addWidget(note)
        layout.addWidget(self.potongan_view, 1)
        layout.addWidget(self.potongan_total)

    def set_lines(self, lines: BudgetLines) -> None:
        self.line_model.set_rows(lines.lines)
        self.potongan_model.set_rows(lines.potongan_lines)
        self.lines_total.setText(
            ngettext(
                "Jumlah belanja iuran (APBDes): {total} dalam {n} baris.",
                "Jumlah belanja iuran (APBDes): {total} dalam {n} baris.",
                len(lines.lines),
            ).format(total=format_rp(lines.total), n=len(lines.lines))
        )
        self.potongan_total.setText(
            _("Jumlah dipotong dari penghasilan: {total}.").format(total=format_rp(lines.potongan))
        )

    def select_line(self, key: str) -> None:
        for row, line in enumerate(self.line_model.rows()):
            if f"{line.kegiatan}|{line.rekening}|{line.sumber_dana}" == key:
                self.line_view.selectRow(row)
                return


class LocalCodesTab(EditingTab):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.model = LocalCodeModel(self)
        self.view = table_view(self.model, LocalCodeModel.URAIAN)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.add_local_button = QPushButton(_("Tambah kode lokal…"))
        self.remove_local_button = QPushButton(_("Hapus kode lokal"))
        self.add_local_button.clicked.connect(self.add_local)
        self.remove_local_button.clicked.connect(self.remove_local)
        note = QLabel(
            _(
                "Kegiatan dan objek bernomor 90–99 disediakan untuk tambahan desa, mis. iuran "
                "staf desa, LKD atau pekerja rentan yang tidak punya kode nasional."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(_buttons(self.add_local_button, self.remove_local_button))

    def set_data(self, codes: list[LocalCodeData], catalog: Catalog) -> None:
        self.catalog = catalog
        self.model.set_rows(codes)
        self.update_buttons()

    def update_buttons(self) -> None:
        self.remove_local_button.setEnabled(selected(self.view) is not None)

    def add_local(self) -> None:
        if self.catalog is None:
            return
        form = LocalCodeDialog.ask(self, self.catalog)
        if form is not None:
            self.push(AddLocalCodeCommand(self.ctx, form))

    def remove_local(self) -> None:
        code = selected(self.view)
        if not isinstance(code, LocalCodeData) or not msgbox.confirm(
            self,
            _("Hapus kode lokal"),
            _("Hapus kode lokal {kode} ({uraian})?").format(kode=code.kode, uraian=code.uraian),
            yes=_("Hapus"),
        ):
            return
        self.push(RemoveLocalCodeCommand(self.ctx, code))


class PersonCodesTab(EditingTab):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.simulation: Simulation | None = None
        self.versions: dict[int, int] = {}  # person id: the applying coverage row's version
        self.model = PersonCodeModel(self)
        self.view = table_view(self.model, PersonCodeModel.NAMA)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.view.doubleClicked.connect(self.set_person_codes)
        self.person_button = QPushButton(_("Atur kode seseorang…"))
        self.person_clear_button = QPushButton(_("Kembalikan ke kode kategori"))
        self.person_button.clicked.connect(self.set_person_codes)
        self.person_clear_button.clicked.connect(self.clear_person_codes)
        self.person_empty = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.person_empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(_buttons(self.person_button, self.person_clear_button))

    def set_data(self, simulation: Simulation, catalog: Catalog, versions: dict[int, int]) -> None:
        self.simulation, self.catalog, self.versions = simulation, catalog, versions
        persons = person_code_rows(simulation.persons)
        self.model.set_rows(persons)
        self.person_empty.setText(
            ngettext(
                "{n} orang memakai kode sendiri pada tahun {tahun}.",
                "{n} orang memakai kode sendiri pada tahun {tahun}.",
                len(persons),
            ).format(n=len(persons), tahun=simulation.year)
        )
        self.update_buttons()

    def update_buttons(self) -> None:
        self.person_clear_button.setEnabled(selected(self.view) is not None)

    def set_person_codes(self) -> None:
        if self.simulation is None or self.catalog is None:
            return
        chosen = selected(self.view)
        form = PersonCodesDialog.ask(
            self,
            self.simulation.persons,
            self.catalog,
            person_id=chosen.person_id if isinstance(chosen, PersonCodes) else None,
        )
        if form is not None:
            self._write(form.person_id, (form.kode_kegiatan, form.kode_rekening, form.sumber_dana))

    def clear_person_codes(self) -> None:
        chosen = selected(self.view)
        if isinstance(chosen, PersonCodes):
            self._write(chosen.person_id, (None, None, None))

    def _write(self, person_id: int, codes: tuple[str | None, str | None, str | None]) -> None:
        assert self.simulation is not None
        nama = next((p.nama for p in self.simulation.persons if p.person_id == person_id), "")
        self.push(
            PersonCodesCommand(
                self.ctx,
                person_id,
                nama,
                self.simulation.year,
                codes,
                version=self.versions.get(person_id),
            )  # fmt: skip
        )
