"""Pengaturan: where the data lives and the backups (pengaturan_data), the village profile, the
rule tables read-only with their dates and sources (pengaturan_rules), the operator's name for
the audit log, and the language."""

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
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
from desa_budget.store import audit
from desa_budget.village.profile import ProfileData, get_profile
from ui import errors, msgbox
from ui.app_context import AppContext, NavTarget
from ui.commands import push
from ui.commands.village import SaveProfileCommand
from ui.i18n import LANGUAGES, _
from ui.pages import Page
from ui.pages.pengaturan_data import DataTab
from ui.pages.pengaturan_rules import RulesTab
from ui.widgets.profile_form import ProfileForm
from ui.widgets.tables import group

TAB_DATA, TAB_PROFILE, TAB_RULES, TAB_OPERATOR = range(4)


class PengaturanPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.profile: ProfileData | None = None  # as read at the last refresh
        self.data_tab = DataTab(ctx, reload_page=self.refresh)
        self.rules_tab = RulesTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.data_tab, _("Data dan cadangan"))
        self.tabs.addTab(self._profile_tab(), _("Profil desa"))
        self.tabs.addTab(self.rules_tab, _("Tabel aturan"))
        self.tabs.addTab(self._operator_tab(), _("Operator dan bahasa"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # Building
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
        self.data_tab.refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_profile_button.setEnabled(self.profile_form.kode_ok())

    def navigate_to(self, target: NavTarget) -> None:
        self.tabs.setCurrentIndex(TAB_PROFILE)

    def choose_backup_folder(self) -> None:
        """File › Simpan cadangan ke…"""
        self.data_tab.choose_backup_folder()

    # Profile, operator, language
    def save_profile(self) -> None:
        self._save(self.profile_form.value())

    def take_from_siskeudes(self, path: Path | None = None) -> None:
        """Preview, then import one transaction (as a roster import: the history is cleared)."""
        from ui.siskeudes_import import choose_siskeudes, import_siskeudes

        path = path or choose_siskeudes(self, self.ctx.settings.last_import_dir)
        if path is None:
            return
        self.ctx.settings.last_import_dir = str(path.parent)
        self.siskeudes_button.setEnabled(False)  # the file is read while the window runs on
        try:
            result = import_siskeudes(
                self, self.ctx.db, operator=self.ctx.operator, path=path, year=self.ctx.year
            )
        finally:
            self.siskeudes_button.setEnabled(True)
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


def create_page(ctx: AppContext) -> Page:
    return PengaturanPage(ctx)
