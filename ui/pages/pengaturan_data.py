"""Pengaturan's first tab: where the data lives (file or server, with the shared server's
address tested before it is saved) and the backups (make, save elsewhere, restore after asking)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_budget.errors import UserError
from desa_budget.format import format_time
from desa_budget.roster.read import persons_in_post
from desa_budget.store import backup
from desa_budget.store.backup import BackupInfo
from desa_budget.village.profile import get_profile
from ui import errors, msgbox, server_login
from ui.app_context import AppContext
from ui.dialogs import file_choosers
from ui.first_start import check_server
from ui.i18n import _, ngettext
from ui.models.settings_models import BackupModel
from ui.models.table_model import ROW_ROLE
from ui.widgets.tables import group, table_view
from ui.workers import Task, run_task


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DataTab(QWidget):
    backup_made = Signal(str)
    restored = Signal(str)  # the backup of what was replaced
    server_checked = Signal(str)  # "" when the address was saved, else the problem

    def __init__(self, ctx: AppContext, reload_page: Callable[[], None]) -> None:
        """``reload_page``: the whole page reads the data again (after a restore)."""
        super().__init__()
        self.ctx = ctx
        self.reload_page = reload_page
        self.task: Task | None = None
        self.backup_model = BackupModel(self)
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
        layout = QVBoxLayout(self)
        layout.addWidget(where_box)
        layout.addWidget(backups_box, 1)

    def refresh(self) -> None:
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
            self.reload_page()
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
