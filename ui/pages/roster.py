"""Daftar Peserta: the roster of the chosen year — search, filters, add/edit/end/delete with undo;
the import/export buttons are ``roster_files``."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desa_budget.contributions.engine import months_in_post
from desa_budget.errors import UserError
from desa_budget.format import format_rp
from desa_budget.roster import service as roster
from desa_budget.roster.data import Limits, load_limits
from desa_budget.roster.read import roster_totals
from desa_budget.roster.service import PersonDetail, RosterRow
from desa_budget.village import categories
from ui import errors, msgbox
from ui.app_context import AppContext, NavTarget
from ui.commands import EditCommand, push, push_macro
from ui.commands.roster import (
    AddPersonCommand,
    DeletePersonCommand,
    EndPostCommand,
    edit_commands,
)
from ui.dialogs.end_post_dialog import EndPostDialog, PostChoice
from ui.dialogs.person_dialog import PersonDialog, PersonForm
from ui.i18n import _, ngettext
from ui.models.roster_model import (
    ACTIVE_ONLY,
    ALL,
    COVERED_LABELS,
    ENDED_ONLY,
    RosterFilterModel,
    RosterModel,
)
from ui.models.table_model import ROW_ROLE
from ui.pages import Page
from ui.pages.roster_files import RosterFiles


def _filter_combo(items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for key, text in items:
        box.addItem(text, key)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class RosterPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._limits: dict[int, Limits] = {}
        self.files = RosterFiles(self)
        self.model = RosterModel(self)
        self.proxy = RosterFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Cari nama, NIK atau jabatan (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.kategori = _filter_combo(
            [(ALL, _("Semua kategori"))] + [(c.key, c.label) for c in categories.CATEGORIES]
        )
        self.segmen = _filter_combo([(ALL, _("Semua segmen")), ("PU", "PU"), ("BPU", "BPU")])
        self.status_bpjs = _filter_combo(
            [(ALL, _("Semua status BPJS"))]
            + [(key, _(text)) for key, text in categories.BPJS_STATUSES.items()]
        )
        self.keadaan = _filter_combo(
            [(ALL, _("Aktif dan berakhir")), (ACTIVE_ONLY, _("Aktif")), (ENDED_ONLY, _("Berakhir"))]
        )
        self.ditanggung = _filter_combo(
            [(ALL, _("Ditanggung atau tidak"))]
            + [(key, _(label)) for key, label in COVERED_LABELS.items()]
        )
        self.ditanggung.setToolTip(_("Ditanggung tahun ini"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.kategori, self.segmen, self.status_bpjs, self.keadaan, self.ditanggung):
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_totals)

        self.add_button = QPushButton(_("Tambah (Ctrl+N)"))
        self.edit_button = QPushButton(_("Ubah"))
        self.end_button = QPushButton(_("Akhiri jabatan"))
        self.delete_button = QPushButton(_("Hapus"))
        self.import_button = QPushButton(_("Impor xlsx…"))
        self.export_button = QPushButton(_("Ekspor xlsx…"))
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.files.choose_import)
        self.export_button.clicked.connect(self.files.choose_export)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # roster order until a click
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.view.fontMetrics()
        for column, sample in _SAMPLES.items():
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 14)
        header.setSectionResizeMode(RosterModel.NAMA, QHeaderView.ResizeMode.Stretch)
        self._sample_widths = {c: self.view.columnWidth(c) for c in _SAMPLES}
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.totals = QLabel()
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """On a narrow screen the columns give way: the kategori (a filter above, and the
        jabatan says it) and then the status BPJS step aside, then the wide texts narrow down
        (cut with "…", whole in the tooltip), so the amounts on the right stay in sight."""
        bar = self.view.verticalScrollBar().sizeHint().width()
        room = self.view.width() - bar - 4 - 150  # the name keeps at least this much
        hidden: set[int] = set()
        widths = dict(self._sample_widths)
        for column in (RosterModel.KATEGORI, RosterModel.STATUS_BPJS):
            if sum(w for c, w in widths.items() if c not in hidden) <= room:
                break
            hidden.add(column)
        shown = {c: w for c, w in widths.items() if c not in hidden}
        excess = sum(shown.values()) - room
        for column in (RosterModel.JABATAN, RosterModel.PROGRAM, RosterModel.BULAN):
            if excess > 0 and column in shown:
                cut = min(excess, shown[column] // 2)
                shown[column] -= cut
                excess -= cut
        for column in _SAMPLES:
            self.view.setColumnHidden(column, column in hidden)
            if column in shown:
                self.view.setColumnWidth(column, shown[column])

    # Loading
    def refresh(self) -> None:
        self.loads += 1  # a background load started before this one is not shown
        with self.ctx.db.session() as session:
            rows = roster.list_roster(session, self.ctx.year, rules=self.ctx.rules)
        self._show_rows(rows)

    def open(self) -> None:
        """The first load reads in the background: a big village (thousands of people) takes a
        moment, and the window stays usable meanwhile."""
        self.totals.setText(_("Memuat daftar peserta…"))
        db, year, rules = self.ctx.db, self.ctx.year, self.ctx.rules

        def read() -> list[RosterRow]:
            with db.session() as session:
                return roster.list_roster(session, year, rules=rules)

        self.load_in_background(read, self._show_rows)

    def _show_rows(self, rows: list[RosterRow]) -> None:
        selected = self.selected_ids()
        self.model.set_rows(rows)
        self.select_persons(selected)
        self._update_totals()
        self._update_buttons()

    def _update_totals(self) -> None:
        totals = roster_totals(self.proxy.visible_rows())
        count = totals.persons
        self.totals.setText(
            ngettext(
                "{n} orang ditampilkan · iuran desa {desa} · dipotong {potongan} (tahun {tahun})",
                "{n} orang ditampilkan · iuran desa {desa} · dipotong {potongan} (tahun {tahun})",
                count,
            ).format(
                n=count,
                desa=format_rp(totals.desa),
                potongan=format_rp(totals.potongan),
                tahun=self.ctx.year,
            )
            + self._incomplete_text()
        )

    def _incomplete_text(self) -> str:
        """ " · N peserta belum lengkap" over the whole roster (sorting on NIK puts them first)."""
        n = sum(1 for row in self.model.rows() if row.missing)
        if not n:
            return ""
        return " · " + ngettext(
            "{n} peserta belum lengkap (NIK, tanggal lahir atau jenis kelamin)",
            "{n} peserta belum lengkap (NIK, tanggal lahir atau jenis kelamin)",
            n,
        ).format(n=n)

    def _on_filter_changed(self) -> None:
        self.proxy.set_filters(
            kategori=str(self.kategori.currentData()),
            segmen=str(self.segmen.currentData()),
            status_bpjs=str(self.status_bpjs.currentData()),
            keadaan=str(self.keadaan.currentData()),
            ditanggung=str(self.ditanggung.currentData()),
        )
        self._update_totals()

    # Selection
    def selected_rows(self) -> list[RosterRow]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(ROW_ROLE) for index in rows]

    def selected_ids(self) -> list[int]:
        return [row.person_id for row in self.selected_rows()]

    def select_persons(self, person_ids: list[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = True
        for person_id in person_ids:
            source_row = self.model.row_of_person(person_id)
            if source_row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                continue
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(index, flags)
            if first:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.view.scrollTo(index)
                first = False

    def _update_buttons(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.edit_button.setEnabled(count == 1)
        self.end_button.setEnabled(count >= 1)
        self.delete_button.setEnabled(count >= 1)

    def row_menu(self) -> QMenu:
        """What a right click on the selected rows offers."""
        menu = QMenu(self)
        count = len(self.selected_ids())
        for text, slot, enabled in (
            (_("Ubah…"), self.edit_selected, count == 1),
            (_("Akhiri jabatan…"), self.end_selected, count >= 1),
            (_("Hapus…"), self.delete_selected, count >= 1),
            (_("Salin NIK"), self.copy_niks, count >= 1),
            (_("Tambah peserta…"), self.add_person, True),
        ):
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
        return menu

    def copy_niks(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(r.nik for r in self.selected_rows() if r.nik))

    def _on_view_context_menu_requested(self, point: QPoint) -> None:
        self.row_menu().popup(self.view.viewport().mapToGlobal(point))

    # Main-window hooks
    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def new_item(self) -> bool:
        self.add_person()
        return True

    def navigate_to(self, target: NavTarget) -> None:
        values = dict(target.filters)
        if target.filters:
            self.search.clear()
        for name, combo in (
            ("kategori", self.kategori),
            ("segmen", self.segmen),
            ("status_bpjs", self.status_bpjs),
            ("keadaan", self.keadaan),
            ("ditanggung", self.ditanggung),
        ):
            if target.filters:
                index = combo.findData(values.get(name, ALL))
                combo.setCurrentIndex(max(index, 0))
        if target.person_id is None and target.field == "tambah":
            self.add_person()
        elif target.person_id is None and target.field == "impor":
            self.files.choose_import()
        if target.person_id is not None:
            self.select_persons([target.person_id])
            if target.field:
                self.edit_person(target.person_id)

    # Editing
    def limits_for(self, year: int) -> Limits:
        if year not in self._limits:
            self._limits[year] = load_limits(year)
        return self._limits[year]

    def nik_holder(self, person_id: int | None) -> Callable[[str], str | None]:
        """For the form: who else on the roster holds a NIK (checked as soon as it is typed)."""

        def holder(nik: str) -> str | None:
            with self.ctx.db.session() as session:
                return roster.nik_holder(session, nik, person_id)

        return holder

    def add_person(self) -> None:
        year = self.ctx.year
        with self.ctx.db.session() as session:
            kode = roster.kode_desa(session)
        kategori = str(self.kategori.currentData()) or None
        added: list[int] = []

        def save(form: PersonForm) -> None:
            posts = [form.post, *(entry.data for entry in form.other_posts)]
            command = AddPersonCommand(self.ctx, form.person, posts, form.coverage)
            push(self.ctx, command)  # a refusal (UserError) keeps the form open
            if command.person_id is not None:
                added.append(command.person_id)

        PersonDialog.ask(
            self, year=year, kode_desa=kode, limits=self.limits_for(year), kategori=kategori,
            nik_holder=self.nik_holder(None), save=save,
        )  # fmt: skip
        if added:
            self.select_persons(added)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_person(ids[0])

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, RosterRow):
            self.edit_person(row.person_id)

    def edit_person(self, person_id: int) -> None:
        year = self.ctx.year
        with self.ctx.db.session() as session:
            detail = roster.get_person(session, person_id)
            kode = roster.kode_desa(session)

        def save(form: PersonForm) -> None:
            commands = edit_commands(self.ctx, detail, form, year)
            if commands:
                text = _("Ubah {nama}").format(nama=form.person.nama)
                push_macro(self.ctx, text, commands)  # a refusal keeps the form open

        if PersonDialog.ask(
            self, year=year, kode_desa=kode, limits=self.limits_for(year), detail=detail,
            nik_holder=self.nik_holder(person_id), save=save,
        ) is not None:  # fmt: skip
            self.select_persons([person_id])

    def end_selected(self) -> None:
        year = self.ctx.year
        choices: list[PostChoice] = []
        with self.ctx.db.session() as session:
            for person_id in self.selected_ids():
                detail = roster.get_person(session, person_id)
                choices.extend(open_posts(detail, year))
        if not choices:
            msgbox.info(
                self,
                _("Akhiri jabatan"),
                _("Tidak ada jabatan yang masih berjalan pada tahun {tahun}.").format(tahun=year),
            )
            return
        default = min(date.today(), date(year, 12, 31))
        answer = EndPostDialog.ask(self, choices, default)
        if answer is None:
            return
        chosen, akhir = answer
        commands: list[EditCommand] = [
            EndPostCommand(self.ctx, c.post_id, c.jabatan, c.akhir, akhir, version=c.version)
            for c in chosen
        ]
        text = ngettext("Akhiri {n} jabatan", "Akhiri {n} jabatan", len(commands)).format(
            n=len(commands)
        )
        self._push(lambda: push_macro(self.ctx, text, commands))

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        names = ", ".join(r.nama for r in rows[:5]) + ("…" if len(rows) > 5 else "")
        if not msgbox.confirm(
            self,
            _("Hapus peserta"),
            ngettext(
                "Hapus {n} orang dari daftar: {names}?\n"
                "Untuk orang yang berhenti, lebih baik pakai Akhiri jabatan. "
                "Penghapusan dapat dibatalkan dengan Ctrl+Z.",
                "Hapus {n} orang dari daftar: {names}?\n"
                "Untuk orang yang berhenti, lebih baik pakai Akhiri jabatan. "
                "Penghapusan dapat dibatalkan dengan Ctrl+Z.",
                len(rows),
            ).format(n=len(rows), names=names),
            yes=_("Hapus"),
        ):
            return
        with self.ctx.db.session() as session:
            details = [roster.get_person(session, r.person_id) for r in rows]
        commands: list[EditCommand] = [
            DeletePersonCommand(self.ctx, d, version=r.version)
            for d, r in zip(details, rows, strict=True)
        ]
        text = ngettext("Hapus {n} orang", "Hapus {n} orang", len(commands)).format(n=len(commands))
        self._push(lambda: push_macro(self.ctx, text, commands))

    def _push(self, action: Callable[[], None]) -> None:
        """Make an edit; a refusal from the core (UserError) is shown, the form's data is kept."""
        try:
            action()
        except UserError as exc:
            errors.show_user_error(self, exc)


# Column widths from sample contents, so the columns fit whatever font the PC uses.
_SAMPLES = {
    RosterModel.NIK: "3302121709740001",
    RosterModel.JABATAN: "Kaur Umum dan Perenc",
    RosterModel.KATEGORI: "Sekretaris Desa",
    RosterModel.PROGRAM: "PU · JKK, JKM, JHT, JP",
    RosterModel.DITANGGUNG: "Ditanggung",
    RosterModel.STATUS_BPJS: "Belum Terdaftar",
    RosterModel.DASAR_UPAH: "10.000.000",
    RosterModel.BULAN: "Berakhir 30-06-2026",
    RosterModel.DESA: "10.000.000",
    RosterModel.POTONGAN: "1.000.000",
}


def open_posts(detail: PersonDetail, year: int) -> list[PostChoice]:
    """The person's posts held during ``year`` that can still be ended."""
    choices = []
    for post in detail.posts:
        data = post.data
        if months_in_post(data.mulai, data.akhir, year):
            choices.append(
                PostChoice(
                    post_id=post.id,
                    label=f"{detail.person.nama} — {data.jabatan}",
                    jabatan=data.jabatan,
                    akhir=data.akhir,
                    mulai=data.mulai,
                    version=post.version,
                )
            )
    return choices


def create_page(ctx: AppContext) -> Page:
    return RosterPage(ctx)
