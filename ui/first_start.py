"""The first start, when the database holds no village yet: a short wizard that asks the
operator's name (it signs the history instead of the computer's login) and offers three ways in —
set up the village profile, open the demo village, or connect to a shared server.

``run_first_start`` is the only function ui.main calls; it returns False when the user chose to
quit (or must restart to use the server just saved). ``FirstStartDialog.ask()`` returns the
choice; tests and the screenshot script patch it (a bare choice string is accepted too).
"""

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.demo import create_demo_village
from desa_budget.errors import UserError
from desa_budget.paths import data_paths
from desa_budget.store import audit
from desa_budget.store.database import Database
from desa_budget.store.opening import open_database
from desa_budget.village.profile import (
    ProfileData,
    is_new_database,
    save_profile,
    validate_profile,
)
from ui.i18n import _
from ui.server_login import remember_server, tell_server_saved
from ui.settings import Settings
from ui.widgets.profile_form import ProfileForm

DEMO = "demo"
EMPTY = "empty"  # kept for callers of the first version: an empty roster, no profile
PROFILE = "profile"
SERVER = "server"
SISKEUDES = "siskeudes"
QUIT = "quit"
STEP_CHOOSE, STEP_PROFILE, STEP_SERVER = range(3)


@dataclass(frozen=True)
class FirstStartAnswer:
    choice: str
    profile: ProfileData | None = None  # PROFILE: checked by the core, saved by run_first_start
    url: str | None = None  # SERVER: a URL that opened
    path: Path | None = None  # SISKEUDES: the database chosen, imported by run_first_start
    operator: str = ""  # the name typed for the history ("" = the computer's login name)


def is_empty(db: Database) -> bool:
    """No village profile and nobody on the roster: a brand-new database."""
    with db.session() as session:
        return is_new_database(session)


def check_server(url: str) -> str | None:
    """Open (and migrate) the server database once; the problem in Indonesian, or None if it works."""
    url = url.strip()
    if not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        return _("Tulis alamat server PostgreSQL, mis. postgresql://nama:sandi@server/jamsos.")
    try:
        db = open_database(url=url)
    except UserError as exc:
        return exc.message
    db.dispose()
    return None


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Selamat datang di Jamsos Desa"))
        self.answer = FirstStartAnswer(QUIT)
        self.steps = QStackedWidget()
        self.steps.addWidget(self._choose_step())
        self.steps.addWidget(self._profile_step())
        self.steps.addWidget(self._server_step())
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        self.resize(640, 600)

    # Steps
    def _choose_step(self) -> QWidget:
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.addWidget(_heading(_("Selamat datang di Jamsos Desa")))
        text = QLabel(
            _(
                "Aplikasi ini menghitung iuran BPJS Ketenagakerjaan perangkat desa, BPD, RT/RW "
                "dan pekerja rentan untuk APBDes. Basis data ini masih kosong; pilih cara mulai."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addLayout(self._operator_row())
        self.profile_button = QPushButton(_("Isi profil desa saya"))
        self.demo_button = QPushButton(_("Buka desa demo (Desa Sukamaju, Banyumas)"))
        self.server_button = QPushButton(_("Hubungkan ke server bersama kantor"))
        self.siskeudes_button = QPushButton(_("Ambil dari Siskeudes"))
        self.quit_button = QPushButton(_("Keluar"))
        explanations = (
            _("Nama dan kode desa, kecamatan, penandatangan dan profil kabupaten."),
            _("Lengkap dengan perangkat, BPD, RT/RW dan 100 pekerja rentan, untuk mencoba."),
            _("Beberapa komputer memakai satu basis data PostgreSQL."),
            _("Profil desa dan perangkat dari DataAPBDES Siskeudes (hanya dibaca)."),
            "",
        )
        for button, explanation in zip(
            (
                self.profile_button,
                self.demo_button,
                self.server_button,
                self.siskeudes_button,
                self.quit_button,
            ),
            explanations,
            strict=True,
        ):
            button.setMinimumHeight(36)
            layout.addWidget(button)
            if explanation:
                note = QLabel(explanation)
                note.setWordWrap(True)
                note.setContentsMargins(12, 0, 0, 8)
                layout.addWidget(note)
        layout.addStretch()
        self.profile_button.clicked.connect(lambda: self.steps.setCurrentIndex(STEP_PROFILE))
        self.server_button.clicked.connect(lambda: self.steps.setCurrentIndex(STEP_SERVER))
        self.demo_button.clicked.connect(lambda: self._finish(FirstStartAnswer(DEMO)))
        self.quit_button.clicked.connect(lambda: self._finish(FirstStartAnswer(QUIT)))
        self.siskeudes_button.clicked.connect(self._on_siskeudes_clicked)
        return step

    def _operator_row(self) -> QVBoxLayout:
        self.operator = QLineEdit()
        self.operator.setMaxLength(100)
        self.operator.setPlaceholderText(_("mis. Dwi Lestari"))
        label = QLabel(_("Nama Anda, dicatat pada setiap perubahan di Riwayat:"))
        label.setWordWrap(True)
        label.setBuddy(self.operator)
        note = QLabel(_("Dapat diubah kemudian di Pengaturan › Operator dan bahasa."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        column = QVBoxLayout()
        column.setContentsMargins(0, 8, 0, 12)
        for widget in (label, self.operator, note):
            column.addWidget(widget)
        return column

    def _back_row(self, action: QPushButton) -> QHBoxLayout:
        back = QPushButton(_("Kembali"))
        back.clicked.connect(lambda: self.steps.setCurrentIndex(STEP_CHOOSE))
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch()
        row.addWidget(action)
        return row

    def _profile_step(self) -> QWidget:
        self.form = ProfileForm()
        self.form.changed.connect(self._on_form_changed)
        self.profile_problem = QLabel()
        self.profile_problem.setWordWrap(True)
        self.profile_problem.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton(_("Simpan dan mulai"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.form)
        inner_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.addWidget(_heading(_("Profil desa")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.profile_problem)
        layout.addLayout(self._back_row(self.save_button))
        self._on_form_changed()
        return step

    def _server_step(self) -> QWidget:
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://nama:sandi@server-kantor/jamsos")
        self.server_result = QLabel()
        self.server_result.setWordWrap(True)
        self.server_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.connect_button = QPushButton(_("Uji dan simpan"))
        self.connect_button.clicked.connect(self._on_connect_clicked)
        text = QLabel(
            _(
                "Alamat server diuji dulu (dibuka dan diperbarui bila perlu) sebelum disimpan. "
                "Sesudah disimpan, buka ulang aplikasi untuk memakai server itu. Jangan menaruh "
                "berkas SQLite di folder jaringan."
            )
        )
        text.setWordWrap(True)
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.addWidget(_heading(_("Server bersama")))
        layout.addWidget(text)
        layout.addWidget(self.url)
        layout.addWidget(self.server_result)
        layout.addStretch()
        layout.addLayout(self._back_row(self.connect_button))
        return step

    # Actions
    def _on_form_changed(self) -> None:
        self.save_button.setEnabled(self.form.kode_ok())

    def _on_save_clicked(self) -> None:
        try:
            profile = validate_profile(self.form.value())
        except UserError as exc:
            self.profile_problem.setText("\n".join([exc.message, *exc.details]))
            return
        self._finish(FirstStartAnswer(PROFILE, profile=profile))

    def _on_connect_clicked(self) -> None:
        url = self.url.text().strip()
        self.server_result.setText(_("Menghubungi server…"))
        problem = check_server(url)
        if problem is not None:
            self.server_result.setStyleSheet("color: #b00020;")
            self.server_result.setText(problem)
            return
        self._finish(FirstStartAnswer(SERVER, url=url))

    def _on_siskeudes_clicked(self) -> None:
        from ui.siskeudes_import import choose_siskeudes

        path = choose_siskeudes(self)
        if path is not None:
            self._finish(FirstStartAnswer(SISKEUDES, path=path))

    def _finish(self, answer: FirstStartAnswer) -> None:
        operator = " ".join(self.operator.text().split())
        if answer.profile is not None:
            answer = replace(answer, profile=replace(answer.profile, operator_nama=operator))
        self.answer = replace(answer, operator=operator)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> FirstStartAnswer | str:
        dialog = cls(parent)
        dialog.exec()
        return dialog.answer


def settings_beside(db: Database) -> Settings:
    """The settings ui.main uses for this data folder (the user's own, or beside --data-dir)."""
    if db.paths.root == data_paths(None).root:
        return Settings.for_user()
    return Settings.in_folder(db.paths.root)


def run_first_start(db: Database, *, year: int, auto_demo: bool = False) -> bool:
    """Offer the wizard on an empty database (or build the demo unasked with ``auto_demo``);
    False when the user chose to quit, or saved a server that opens at the next start."""
    if not is_empty(db):
        return True
    answer = FirstStartAnswer(DEMO) if auto_demo else FirstStartDialog.ask()
    if isinstance(answer, str):
        answer = FirstStartAnswer(answer)
    if answer.choice == QUIT:
        return False
    if answer.choice == DEMO:
        with db.session() as session:
            operator = answer.operator or audit.current_operator(session)
            create_demo_village(session, operator=operator, year=year)
    elif answer.choice == PROFILE and answer.profile is not None:
        with db.session() as session:
            operator = answer.operator or audit.current_operator(session)
            save_profile(session, answer.profile, operator=operator)
    elif answer.choice == SISKEUDES and answer.path is not None:
        from ui.siskeudes_import import import_siskeudes

        with db.session() as session:
            operator = answer.operator or audit.current_operator(session)
        if import_siskeudes(None, db, operator=operator, path=answer.path, year=year) is None:
            return run_first_start(db, year=year)  # cancelled or refused: the wizard again
    elif answer.choice == SERVER and answer.url:
        place = remember_server(settings_beside(db), answer.url)  # the password never in the file
        tell_server_saved(None, place)
        return False
    return True
