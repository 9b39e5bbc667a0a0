"""Pengaturan: where the data lives (file or server), backups (make, restore after asking), the
village profile, the rule tables read-only with their dates and sources, the operator's name for
the audit log, and the language."""

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.errors import UserError
from desa_budget.format import format_time
from desa_budget.roster.read import persons_in_post
from desa_budget.rules.labels import column_label
from desa_budget.store import audit, backup
from desa_budget.store.backup import BackupInfo
from desa_budget.village.profile import ProfileData, get_profile
from ui import errors, msgbox, server_login
from ui.app_context import AppContext, NavTarget
from ui.commands import push
from ui.commands.village import SaveProfileCommand
from ui.dialogs import file_choosers
from ui.first_start import check_server
from ui.i18n import LANGUAGES, _, ngettext
from ui.models.grid_model import GridModel
from ui.models.settings_models import BackupModel
from ui.models.table_model import ROW_ROLE
from ui.pages import Page
from ui.widgets.profile_form import ProfileForm
from ui.widgets.tables import group, table_view
from ui.workers import Task, run_task

TAB_DATA, TAB_PROFILE, TAB_RULES, TAB_OPERATOR = range(4)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PengaturanPage(Page):
    backup_made = Signal(str)
    restored = Signal(str)  # the backup of what was replaced
    server_checked = Signal(str)  # "" when the address was saved, else the problem

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        self.profile: ProfileData | None = None  # as read at the last refresh
        self.backup_model = BackupModel(self)
        self.rule_model = GridModel(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._data_tab(), _("Data dan cadangan"))
        self.tabs.addTab(self._profile_tab(), _("Profil desa"))
        self.tabs.addTab(self._rules_tab(), _("Tabel aturan"))
        self.tabs.addTab(self._operator_tab(), _("Operator dan bahasa"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # Building
    def _data_tab(self) -> QWidget:
        db = self.ctx.db
        where = QFormLayout()
        self.location = _selectable(db.location)
        where.addRow(_("Basis data") if db.file is not None else _("Server bersama"), self.location)
        where.addRow(_("Folder data"), _selectable(str(db.paths.root)))
        where.addRow(_("Folder cadangan"), _selectable(str(db.paths.backups)))
        where.addRow(_("Folder log"), _selectable(str(db.paths.logs)))
        where.addRow(_("Berkas pengaturan"), _selectable(self.ctx.settings.file_name))
        self.server_label = QLabel()
        self.server_label.setWordWrap(True)
        self.forget_server_button = QPushButton(_("Pakai data di komputer ini lagi"))
        self.forget_server_button.clicked.connect(self.forget_server)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_label, 1)
        server_row.addWidget(self.forget_server_button)
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText("postgresql://nama:sandi@server-kantor/jamsos")
        self.server_url.setToolTip(
            _(
                "Beberapa komputer memakai satu basis data PostgreSQL. Alamat diuji dulu "
                "sebelum disimpan; dipakai sesudah aplikasi dibuka ulang."
            )
        )
        self.connect_server_button = QPushButton(_("Uji dan simpan server"))
        self.connect_server_button.clicked.connect(self.connect_server)
        self.server_result = QLabel()
        self.server_result.setWordWrap(True)
        self.server_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        connect_row = QHBoxLayout()
        connect_row.addWidget(QLabel(_("Server bersama")))
        connect_row.addWidget(self.server_url, 1)
        connect_row.addWidget(self.connect_server_button)
        where_box = group(_("Lokasi data"), where, server_row, connect_row, self.server_result)

        self.backup_view = table_view(self.backup_model, BackupModel.BERKAS)
        self.backup_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.make_backup_button = QPushButton(_("Buat cadangan sekarang"))
        self.backup_to_button = QPushButton(_("Simpan cadangan ke…"))
        self.backup_to_button.setToolTip(
            _("Mis. ke flash disk: satu berkas berisi semua data desa ini.")
        )
        self.open_backups_button = QPushButton(_("Buka folder cadangan"))
        self.restore_button = QPushButton(_("Pulihkan cadangan terpilih…"))
        self.make_backup_button.clicked.connect(self.make_backup)
        self.backup_to_button.clicked.connect(self.choose_backup_folder)
        self.open_backups_button.clicked.connect(
            lambda: file_choosers.open_folder(self.ctx.db.paths.backups)
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_status = QLabel()
        self.backup_status.setWordWrap(True)
        self.backup_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for button in (
            self.make_backup_button, self.backup_to_button, self.open_backups_button,
            self.restore_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch()
        note = QLabel(
            _(
                "Cadangan otomatis dibuat sekali sehari saat aplikasi dibuka (14 terakhir "
                "disimpan), dan sebelum pembaruan atau pemulihan."
            )
            if db.file is not None
            else _(
                "Basis data di server (PostgreSQL) dicadangkan oleh pengelola server, mis. "
                "dengan pg_dump."
            )
        )
        note.setWordWrap(True)
        backups_box = group(_("Cadangan"), note, self.backup_view, buttons, self.backup_status)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(where_box)
        layout.addWidget(backups_box, 1)
        return tab

    def _profile_tab(self) -> QWidget:
        self.profile_form = ProfileForm()
        self.save_profile_button = QPushButton(_("Simpan profil"))
        self.save_profile_button.clicked.connect(self.save_profile)
        self.siskeudes_button = QPushButton(_("Ambil dari Siskeudes…"))
        self.siskeudes_button.setToolTip(
            _("Profil, logo Pemda, nomor Perdes dan perangkat dari DataAPBDES Siskeudes; "
              "berkas Siskeudes hanya dibaca.")
        )  # fmt: skip
        self.siskeudes_button.clicked.connect(self.take_from_siskeudes)
        self.profile_form.changed.connect(self._update_buttons)
        self.profile_status = QLabel()
        self.profile_status.setWordWrap(True)
        note = QLabel(
            _(
                "Nama dan jabatan di sini dicetak di kop dan blok tanda tangan lampiran. Logo "
                "hanya dapat diambil dari Siskeudes (logo Pemda)."
            )
        )
        note.setWordWrap(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(note)
        layout.addWidget(self.profile_form)
        row = QHBoxLayout()
        row.addWidget(self.save_profile_button)
        row.addWidget(self.siskeudes_button)
        row.addWidget(self.profile_status, 1)
        layout.addLayout(row)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _rules_tab(self) -> QWidget:
        self.rule_table = QComboBox()
        for name, table in self.ctx.rules.tables.items():
            self.rule_table.addItem(f"{_(table.title)} ({name})", name)
        self.rule_table.currentIndexChanged.connect(self._show_rule_table)
        self.rule_view = table_view(self.rule_model, None, sortable=True)
        self.rule_view.setWordWrap(True)
        # The source is the row's longest text and the last column, off screen on a narrow
        # window: the chosen row's source is also written out in full under the table.
        self.rule_source = QLabel()
        self.rule_source.setWordWrap(True)
        self.rule_source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule_view.selectionModel().currentRowChanged.connect(self._show_rule_source)
        note = QLabel(
            _(
                "Tarif, batas upah, usia dan diskon dibaca dari tabel bertanggal di folder "
                "resources (hanya dibaca di sini). Keyakinan: H = naskah resmi, M = satu sumber "
                "yang baik, L = lemah."
            )
        )
        note.setWordWrap(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.rule_table)
        layout.addWidget(self.rule_view, 1)
        layout.addWidget(self.rule_source)
        self._show_rule_table()
        return tab

    def _operator_tab(self) -> QWidget:
        self.operator = QLineEdit()
        self.operator.setMaxLength(100)
        self.operator.setPlaceholderText(audit.os_user())
        self.save_operator_button = QPushButton(_("Simpan nama operator"))
        self.save_operator_button.clicked.connect(self.save_operator)
        operator_row = QHBoxLayout()
        operator_row.addWidget(self.operator, 1)
        operator_row.addWidget(self.save_operator_button)
        self.operator_note = QLabel()
        self.operator_note.setWordWrap(True)
        operator_box = group(
            _("Nama operator di riwayat perubahan"), operator_row, self.operator_note
        )

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self.ctx.settings.language), 0))
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.language_note = QLabel(_("Bahasa baru dipakai sesudah aplikasi dibuka ulang."))
        self.language_note.setWordWrap(True)
        language_box = group(_("Bahasa tampilan"), self.language, self.language_note)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(operator_box)
        layout.addWidget(language_box)
        layout.addStretch()
        return tab

    # Loading
    def refresh(self) -> None:
        with self.ctx.db.session() as session:
            profile = get_profile(session)
            operator = audit.current_operator(session)
        self.profile = profile
        self.ctx.operator = operator
        self.profile_form.set_value(profile)
        self.profile_status.setText(
            "" if profile is not None else _("Profil desa belum diisi; lengkapi lalu simpan.")
        )
        self.operator.setText(profile.operator_nama if profile is not None else "")
        self.operator_note.setText(
            _("Perubahan dicatat atas nama: {nama}.").format(nama=operator)
            if profile is not None
            else _("Simpan profil desa dulu; nama operator disimpan di profil.")
        )
        saved = server_login.saved_server(self.ctx.settings)
        server = saved.url
        self.server_label.setText(
            " ".join(
                (
                    _("Tersimpan untuk dibuka berikutnya: server {url}.").format(url=_hide(server)),
                    server_login.password_note(saved.place),
                )
            ).strip()
            if server
            else _("Data disimpan di berkas SQLite di komputer ini.")
        )
        self.forget_server_button.setVisible(bool(server))
        self._load_backups()
        self._update_buttons()

    def _load_backups(self) -> None:
        self.backup_model.set_rows(backup.list_backups(self.ctx.db) if self.ctx.db.file else [])

    def _update_buttons(self) -> None:
        sqlite = self.ctx.db.file is not None
        busy = self.task is not None and self.task.running
        self.make_backup_button.setEnabled(sqlite and not busy)
        self.backup_to_button.setEnabled(sqlite and not busy)
        self.open_backups_button.setEnabled(sqlite)
        self.connect_server_button.setEnabled(not busy)
        chosen = self.backup_view.selectionModel().selectedRows()
        self.restore_button.setEnabled(sqlite and not busy and bool(chosen))
        self.save_profile_button.setEnabled(self.profile_form.kode_ok())

    def _show_rule_table(self) -> None:
        table = self.ctx.rules.tables.get(str(self.rule_table.currentData()))
        if table is None:
            self.rule_model.set_grid((), ())
            return
        headers = (
            *(_(column_label(c)) for c in table.columns),
            _("Berlaku dari"),
            _("Berlaku sampai"),
            _("Keyakinan"),
            _("Sumber"),
        )
        rows = [
            (
                *(row.cells.get(c, "") for c in table.columns),
                row.valid_from,
                row.valid_to or "—",
                row.confidence,
                row.source,
            )
            for row in table.rows
        ]
        self.rule_model.set_grid(headers, rows)
        header = self.rule_view.horizontalHeader()
        header.setSectionResizeMode(len(headers) - 1, header.ResizeMode.Stretch)
        self.rule_view.resizeRowsToContents()
        self.rule_view.selectRow(0)
        self._show_rule_source()

    def _show_rule_source(self) -> None:
        current = self.rule_view.currentIndex()
        last = self.rule_model.columnCount() - 1
        source = current.siblingAtColumn(last).data() if current.isValid() else None
        self.rule_source.setText(
            _("Sumber baris terpilih: {source}").format(source=source) if source else ""
        )

    def navigate_to(self, target: NavTarget) -> None:
        self.tabs.setCurrentIndex(TAB_PROFILE)

    # Backups
    def make_backup(self, folder: Path | None = None) -> None:
        db = self.ctx.db

        def done(path: Any) -> None:
            self._load_backups()
            self._update_buttons()
            self.backup_status.setText(_("✔ Cadangan tersimpan: {path}").format(path=path))
            self.backup_made.emit(str(path))

        self._run(lambda: backup.make_backup(db, folder=folder), _("Membuat cadangan…"), done)

    def choose_backup_folder(self) -> None:
        folder = file_choosers.choose_folder(
            self, title=_("Simpan cadangan ke folder"), folder=str(Path.home())
        )
        if folder is not None:
            self.make_backup(folder)

    def selected_backup(self) -> BackupInfo | None:
        rows = self.backup_view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def restore_selected(self) -> None:
        chosen = self.selected_backup()
        if chosen is None:
            return
        with self.ctx.db.session() as session:
            persons = persons_in_post(session, self.ctx.year)
            profile = get_profile(session)
        desa = f"Desa {profile.nama_desa}" if profile is not None else _("desa ini")
        if not msgbox.confirm(
            self,
            _("Pulihkan cadangan"),
            ngettext(
                "Semua data {desa} sekarang — profil desa, daftar peserta ({n} orang pada tahun "
                "{tahun}), kode anggaran, skenario, versi APBDes dan riwayat perubahan — akan "
                "diganti dengan isi cadangan {jenis} tanggal {waktu}.\n\n"
                'Data sekarang disimpan dulu sebagai cadangan "sebelum-restore", dan riwayat '
                "batal/ulang dikosongkan. Lanjutkan?",
                "Semua data {desa} sekarang — profil desa, daftar peserta ({n} orang pada tahun "
                "{tahun}), kode anggaran, skenario, versi APBDes dan riwayat perubahan — akan "
                "diganti dengan isi cadangan {jenis} tanggal {waktu}.\n\n"
                'Data sekarang disimpan dulu sebagai cadangan "sebelum-restore", dan riwayat '
                "batal/ulang dikosongkan. Lanjutkan?",
                persons,
            ).format(
                desa=desa,
                n=persons,
                tahun=self.ctx.year,
                jenis=backup.KIND_WORDS[chosen.kind],
                waktu=format_time(chosen.time, seconds=True),
            ),
            yes=_("Pulihkan"),
        ):
            return
        db, path = self.ctx.db, chosen.path

        def done(kept: Any) -> None:
            self.ctx.reset_history()
            self.ctx.notify_changed()
            self.refresh()
            msgbox.info(
                self,
                _("Pulihkan cadangan"),
                _("Data dipulihkan dari {file}. Data sebelumnya disimpan di {kept}.").format(
                    file=path.name, kept=kept
                ),
            )
            self.restored.emit(str(kept))

        self._run(lambda: backup.restore_backup(db, path), _("Memulihkan cadangan…"), done)

    def _run(self, work: Any, label: str, done: Any) -> None:
        if self.task is not None and self.task.running:
            return

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            if isinstance(exc, UserError):
                errors.show_user_error(self, exc)
            else:
                errors.report(exc)

        self.task = run_task(self, work, label=label, on_done=done, on_error=failed)
        self._update_buttons()

    # Profile, operator, language, server
    def save_profile(self) -> None:
        self._save(self.profile_form.value())

    def take_from_siskeudes(self, path: Path | None = None) -> None:
        """Preview, then import one transaction (as a roster import: the history is cleared)."""
        from ui.siskeudes_import import choose_siskeudes, import_siskeudes

        path = path or choose_siskeudes(self, self.ctx.settings.last_import_dir)
        if path is None:
            return
        self.ctx.settings.last_import_dir = str(path.parent)
        result = import_siskeudes(
            self, self.ctx.db, operator=self.ctx.operator, path=path, year=self.ctx.year
        )
        if result is None:
            return
        self.ctx.reset_history()
        self.ctx.notify_changed()
        self.refresh()
        from ui.siskeudes_import import added_text

        self.profile_status.setText(
            " ".join(
                t for t in (
                    _("Diambil dari Siskeudes: {n} orang diperbarui.").format(
                        n=result.persons_updated),
                    added_text(result),
                ) if t
            )
        )  # fmt: skip

    def save_operator(self) -> None:
        profile = self.profile
        if profile is None:
            msgbox.info(
                self,
                _("Nama operator"),
                _("Simpan profil desa dulu; nama operator disimpan di profil desa."),
            )
            self.tabs.setCurrentIndex(TAB_PROFILE)
            return
        self._save(replace(profile, operator_nama=self.operator.text()))

    def _save(self, data: ProfileData) -> None:
        """Save the profile (an undo step) over the one read at the last refresh."""
        try:
            push(self.ctx, SaveProfileCommand(self.ctx, self.profile, data))
        except UserError as exc:
            errors.show_user_error(self, exc)
            return
        self.refresh()
        self.profile_status.setText(_("Profil tersimpan."))

    def _on_language_changed(self) -> None:
        self.ctx.settings.language = str(self.language.currentData())
        self.language_note.setText(
            _("Tersimpan. Bahasa baru dipakai sesudah aplikasi dibuka ulang.")
        )

    def connect_server(self) -> None:
        """Test the typed PostgreSQL address off the GUI thread; save it only when it opens."""
        url = self.server_url.text().strip()

        def done(problem: Any) -> None:
            self._update_buttons()
            if problem:
                self.server_result.setStyleSheet("color: #b00020;")
                self.server_result.setText(str(problem))
                self.server_checked.emit(str(problem))
                return
            place = server_login.remember_server(self.ctx.settings, url)
            self.server_url.clear()
            self.server_result.setStyleSheet("")
            self.server_result.setText("")
            self.refresh()
            server_login.tell_server_saved(self, place)
            self.server_checked.emit("")

        self.server_result.setStyleSheet("")
        self.server_result.setText(_("Menghubungi server…"))
        self._run(lambda: check_server(url), _("Menghubungi server…"), done)

    def forget_server(self) -> None:
        server_login.forget_server(self.ctx.settings)
        self.refresh()


def _hide(url: str) -> str:
    """A server URL without its password, for showing."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create_page(ctx: AppContext) -> Page:
    return PengaturanPage(ctx)
