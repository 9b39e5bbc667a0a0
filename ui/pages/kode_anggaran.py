"""Kode Anggaran: the category → kegiatan / rekening / sumber dana mapping, local codes, per-person
codes, the year's budget lines with their totals, and the checks (DDS, the 30 % ceiling) beside them."""

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desa_budget.budget import settings as budget_settings
from desa_budget.budget import versions
from desa_budget.budget.checks import Finding as CheckFinding
from desa_budget.budget.checks import ratio_30
from desa_budget.budget.codes.catalog import Catalog
from desa_budget.budget.lines import BudgetLines
from desa_budget.budget.settings import CategoryCodes
from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.format import format_rp
from desa_budget.village import categories
from ui import errors, msgbox
from ui.app_context import AppContext, NavTarget
from ui.commands import RosterCommand, push
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
from ui.models.summary_models import ERROR, WARNING, Finding, FindingModel, sorted_findings
from ui.models.table_model import ROW_ROLE
from ui.pages import Page
from ui.widgets.fields import RupiahEdit
from ui.widgets.tables import group, table_view

TAB_MAPPING, TAB_LINES, TAB_LOCAL, TAB_PERSONS = range(4)


class MappingCommand(RosterCommand):
    """Set a category's codes (``after``) or drop the village's own (``after`` None); undoable."""

    def __init__(self, ctx: AppContext, before: CategoryCodes, after: CategoryCodes | None) -> None:
        label = categories.label(before.kategori)
        text = (
            _("Kode anggaran {kategori}") if after is not None else _("Kode {kategori} ke profil")
        )
        super().__init__(ctx, text.format(kategori=label))
        self.before, self.after = before, after

    def _apply(self, session: Session, codes: CategoryCodes | None, kategori: str) -> None:
        if codes is None or not codes.village_set:
            budget_settings.reset_category_mapping(session, kategori, operator=self.ctx.operator)
            return
        budget_settings.set_category_mapping(
            session,
            kategori,
            kode_kegiatan=codes.kode_kegiatan,
            kode_rekening=codes.kode_rekening,
            sumber_dana=codes.sumber_dana,
            operator=self.ctx.operator,
        )

    def forward(self, session: Session) -> None:
        self._apply(session, self.after, self.before.kategori)

    def backward(self, session: Session) -> None:
        self._apply(session, self.before, self.before.kategori)


class KodeAnggaranPage(Page):
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.catalog: Catalog | None = None
        self.mapping: dict[str, CategoryCodes] = {}
        self.simulation: Simulation | None = None
        self.lines: BudgetLines | None = None

        self.mapping_model = MappingModel(self)
        self.line_model = BudgetLineModel(self)
        self.potongan_model = PotonganModel(self)
        self.local_model = LocalCodeModel(self)
        self.person_model = PersonCodeModel(self)
        self.finding_model = FindingModel(self)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._mapping_tab(), _("Pemetaan kategori"))
        self.tabs.addTab(self._lines_tab(), _("Baris anggaran"))
        self.tabs.addTab(self._local_tab(), _("Kode lokal"))
        self.tabs.addTab(self._persons_tab(), _("Kode per orang"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self._checks_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 400])

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # Building
    def _mapping_tab(self) -> QWidget:
        self.mapping_view = table_view(self.mapping_model, MappingModel.KATEGORI)
        self.mapping_view.doubleClicked.connect(self.edit_mapping)
        self.mapping_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.edit_button = QPushButton(_("Ubah kode…"))
        self.reset_button = QPushButton(_("Kembalikan ke profil kabupaten"))
        self.edit_button.clicked.connect(self.edit_mapping)
        self.reset_button.clicked.connect(self.reset_mapping)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.profile_label)
        layout.addWidget(self.mapping_view, 1)
        layout.addLayout(buttons)
        return tab

    def _lines_tab(self) -> QWidget:
        self.line_view = table_view(self.line_model, BudgetLineModel.URAIAN)
        self.potongan_view = table_view(self.potongan_model, PotonganModel.URAIAN)
        self.potongan_view.setMaximumHeight(150)
        self.lines_total = QLabel()
        self.lines_total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.potongan_total = QLabel()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.line_view, 3)
        layout.addWidget(self.lines_total)
        note = QLabel(
            _(
                "Iuran pekerja yang dipotong dari siltap/honor bukan belanja desa; dicatat "
                "terpisah di bawah ini."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.potongan_view, 1)
        layout.addWidget(self.potongan_total)
        return tab

    def _local_tab(self) -> QWidget:
        self.local_view = table_view(self.local_model, LocalCodeModel.URAIAN)
        self.local_view.selectionModel().selectionChanged.connect(self._update_buttons)
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_local_button)
        buttons.addWidget(self.remove_local_button)
        buttons.addStretch()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.local_view, 1)
        layout.addLayout(buttons)
        return tab

    def _persons_tab(self) -> QWidget:
        self.person_view = table_view(self.person_model, PersonCodeModel.NAMA)
        self.person_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.person_view.doubleClicked.connect(self.set_person_codes)
        self.person_button = QPushButton(_("Atur kode seseorang…"))
        self.person_clear_button = QPushButton(_("Kembalikan ke kode kategori"))
        self.person_button.clicked.connect(self.set_person_codes)
        self.person_clear_button.clicked.connect(self.clear_person_codes)
        self.person_empty = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.person_button)
        buttons.addWidget(self.person_clear_button)
        buttons.addStretch()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.person_empty)
        layout.addWidget(self.person_view, 1)
        layout.addLayout(buttons)
        return tab

    def _checks_panel(self) -> QWidget:
        self.finding_view = table_view(self.finding_model, FindingModel.PESAN)
        self.finding_view.setWordWrap(True)
        self.finding_view.doubleClicked.connect(self._on_finding_view_double_clicked)
        self.findings_box = group(_("Pemeriksaan"), self.finding_view)

        self.total_belanja = RupiahEdit()
        self.total_belanja.setPlaceholderText(_("mis. 1.250.000.000"))
        self.total_belanja.value_changed.connect(self._show_ratio)
        self.save_total_button = QPushButton(_("Simpan"))
        self.save_total_button.clicked.connect(self.save_total_belanja)
        row = QHBoxLayout()
        row.addWidget(self.total_belanja, 1)
        row.addWidget(self.save_total_button)
        form = QFormLayout()
        form.addRow(_("Total belanja desa"), row)
        self.ratio_without = QLabel("—")
        self.ratio_with = QLabel("—")
        form.addRow(_("Tanpa iuran jaminan sosial"), self.ratio_without)
        form.addRow(_("Dengan iuran (cara bawaan)"), self.ratio_with)
        self.ratio_note = QLabel()
        self.ratio_note.setWordWrap(True)
        ceiling = group(_("Batas 30% penghasilan tetap"), form, self.ratio_note)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.findings_box, 1)
        layout.addWidget(ceiling)
        return panel

    # Loading
    def refresh(self) -> None:
        year = self.ctx.year
        with self.ctx.db.session() as session:
            self.catalog = budget_settings.catalog_for(session)
            self.mapping = budget_settings.effective_mapping(session)
            profile = budget_settings.kabupaten_profile(session)
            local = budget_settings.local_codes(session)
            sim, lines = versions.current(session, self.ctx.rules, year)
            checked = versions.check_version(
                session, versions.FrozenVersion(year, "murni", sim, lines)
            )
            budget_year = budget_settings.get_budget_year(session, year)
        self.simulation, self.lines = sim, lines
        self.title.setText(_("Kode anggaran dan baris APBDes {tahun}").format(tahun=year))
        self.profile_label.setText(
            _('Profil kabupaten: {profil}. Baris bertanda "desa" diatur sendiri oleh desa.').format(
                profil=profile.title
            )
        )
        self.mapping_model.set_rows(mapping_rows(self.mapping, self.catalog))
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
        self.local_model.set_rows(local)
        persons = person_code_rows(sim.persons)
        self.person_model.set_rows(persons)
        self.person_empty.setText(
            ngettext(
                "{n} orang memakai kode sendiri pada tahun {tahun}.",
                "{n} orang memakai kode sendiri pada tahun {tahun}.",
                len(persons),
            ).format(n=len(persons), tahun=year)
        )
        findings = sorted_findings([self._finding(f) for f in (*checked.errors, *checked.warnings)])
        self.finding_model.set_rows(findings)
        self.findings_box.setTitle(
            _("Pemeriksaan: {galat}, {peringatan}").format(
                galat=ngettext("{n} galat", "{n} galat", len(checked.errors)).format(
                    n=len(checked.errors)
                ),
                peringatan=ngettext(
                    "{n} peringatan", "{n} peringatan", len(checked.warnings)
                ).format(n=len(checked.warnings)),
            )
        )
        self.finding_view.resizeRowsToContents()
        self.total_belanja.set_value(budget_year.total_belanja or 0)
        self._show_ratio()
        self._update_buttons()
        self.refreshed.emit()

    def _finding(self, item: CheckFinding) -> Finding:
        target = NavTarget("kode", field=f"{item.target_kind}:{item.target}")
        if item.target_kind == "person" and item.target.isdigit():
            target = NavTarget("peserta", person_id=int(item.target), field="dasar_upah")
        elif item.target_kind == "profil":
            target = NavTarget("pengaturan")
        return Finding(ERROR if item.severity == "error" else WARNING, item.message, target)

    def _show_ratio(self) -> None:
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
                "Penghasilan {penghasilan} dan iuran {iuran} terhadap belanja {belanja}; batas "
                "{batas}. Siskeudes hanya memberi peringatan, begitu juga aplikasi ini."
            ).format(
                penghasilan=format_rp(ratio.penghasilan),
                iuran=format_rp(ratio.jaminan_sosial),
                belanja=format_rp(ratio.total_belanja),
                batas=limit,
            )
        )

    def _update_buttons(self) -> None:
        has_mapping = self._selected(self.mapping_view) is not None
        mapping = self._selected(self.mapping_view)
        self.edit_button.setEnabled(has_mapping)
        self.reset_button.setEnabled(isinstance(mapping, MappingRow) and mapping.village_set)
        self.remove_local_button.setEnabled(self._selected(self.local_view) is not None)
        self.person_clear_button.setEnabled(self._selected(self.person_view) is not None)

    @staticmethod
    def _selected(view: QTableView) -> Any:
        rows = view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_category(self, kategori: str) -> None:
        self.tabs.setCurrentIndex(TAB_MAPPING)
        for row, item in enumerate(self.mapping_model.rows()):
            if item.kategori == kategori:
                self.mapping_view.selectRow(row)
                self.mapping_view.setFocus()
                return

    # Hooks
    def navigate_to(self, target: NavTarget) -> None:
        kind, _sep, value = (target.field or "").partition(":")
        if kind == "kategori":
            self.select_category(value)
        elif kind == "line":
            self.tabs.setCurrentIndex(TAB_LINES)
            for row, line in enumerate(self.line_model.rows()):
                if f"{line.kegiatan}|{line.rekening}|{line.sumber_dana}" == value:
                    self.line_view.selectRow(row)
                    break
        elif kind == "tahun":
            self.total_belanja.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_item(self) -> bool:
        if self.tabs.currentIndex() == TAB_LOCAL:
            self.add_local()
            return True
        return False

    # Mapping
    def edit_mapping(self) -> None:
        row = self._selected(self.mapping_view)
        if not isinstance(row, MappingRow) or self.catalog is None:
            return
        before = self.mapping[row.kategori]
        choice = MappingDialog.ask(self, before, self.catalog)
        if choice is None:
            return
        after = CategoryCodes(
            row.kategori, choice.kode_kegiatan, choice.kode_rekening, choice.sumber_dana, True
        )
        if after == before:
            return
        self._edit(lambda: push(self.ctx, MappingCommand(self.ctx, before, after)))
        self.select_category(row.kategori)

    def reset_mapping(self) -> None:
        row = self._selected(self.mapping_view)
        if not isinstance(row, MappingRow) or not row.village_set:
            return
        before = self.mapping[row.kategori]
        self._edit(lambda: push(self.ctx, MappingCommand(self.ctx, before, None)))
        self.select_category(row.kategori)

    # Local codes
    def add_local(self) -> None:
        if self.catalog is None:
            return
        form = LocalCodeDialog.ask(self, self.catalog)
        if form is None:
            return

        def write() -> None:
            with self.ctx.db.session() as session:
                budget_settings.add_local_code(
                    session, jenis=form.jenis, kode=form.kode, uraian=form.uraian,
                    operator=self.ctx.operator,
                )  # fmt: skip
            self.ctx.notify_changed()

        self._edit(write)

    def remove_local(self) -> None:
        code = self._selected(self.local_view)
        if code is None:
            return
        if not msgbox.confirm(
            self,
            _("Hapus kode lokal"),
            _("Hapus kode lokal {kode} ({uraian})?").format(kode=code.kode, uraian=code.uraian),
            yes=_("Hapus"),
        ):
            return

        def write() -> None:
            with self.ctx.db.session() as session:
                budget_settings.remove_local_code(
                    session, jenis=code.jenis, kode=code.kode, operator=self.ctx.operator
                )
            self.ctx.notify_changed()

        self._edit(write)

    # Per-person codes
    def set_person_codes(self) -> None:
        if self.simulation is None or self.catalog is None:
            return
        chosen = self._selected(self.person_view)
        form = PersonCodesDialog.ask(
            self,
            self.simulation.persons,
            self.catalog,
            person_id=chosen.person_id if isinstance(chosen, PersonCodes) else None,
        )
        if form is None:
            return
        self._write_person(form.person_id, form.kode_kegiatan, form.kode_rekening, form.sumber_dana)

    def clear_person_codes(self) -> None:
        chosen = self._selected(self.person_view)
        if isinstance(chosen, PersonCodes):
            self._write_person(chosen.person_id, None, None, None)

    def _write_person(
        self, person_id: int, kegiatan: str | None, rekening: str | None, sumber: str | None
    ) -> None:
        def write() -> None:
            with self.ctx.db.session() as session:
                budget_settings.set_person_codes(
                    session, person_id, self.ctx.year, kode_kegiatan=kegiatan,
                    kode_rekening=rekening, sumber_dana=sumber, operator=self.ctx.operator,
                )  # fmt: skip
            self.ctx.notify_changed()

        self._edit(write)

    # The year's total belanja (the 30 % check)
    def save_total_belanja(self) -> None:
        total = self.total_belanja.value() or None
        year = self.ctx.year

        def write() -> None:
            with self.ctx.db.session() as session:
                pagu = budget_settings.get_budget_year(session, year).pagu
                budget_settings.set_budget_year(
                    session, year, total_belanja=total, pagu=pagu, operator=self.ctx.operator
                )
            self.ctx.notify_changed()

        self._edit(write)

    def _edit(self, action: Any) -> None:
        try:
            action()
        except UserError as exc:
            errors.show_user_error(self, exc)

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
