"""The first start, when the database holds no village yet.

HOOK for the second UI engineer: replace ``FirstStartDialog`` with the full wizard (profile, kode
desa, signatories, kabupaten profile, demo village, shared server). ``run_first_start`` is the only
function ui.main calls; it returns False when the user chose to quit.
"""

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from desa_budget import audit
from desa_budget.demo import create_demo_village
from desa_budget.models import Person, VillageProfile
from desa_budget.store import Database
from ui.i18n import _

DEMO = "demo"
EMPTY = "empty"
QUIT = "quit"


def is_empty(db: Database) -> bool:
    """No village profile and nobody on the roster: a brand-new database."""
    with db.session() as session:
        profiles = session.scalar(select(func.count()).select_from(VillageProfile)) or 0
        persons = session.scalar(select(func.count()).select_from(Person)) or 0
    return not profiles and not persons


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Selamat datang di Jamsos Desa"))
        self.choice = QUIT
        layout = QVBoxLayout(self)
        text = QLabel(
            _(
                "Basis data ini masih kosong. Coba aplikasi dengan desa demo (Desa Sukamaju, "
                "Banyumas, lengkap dengan perangkat, BPD, RT/RW dan 100 pekerja rentan), "
                "atau mulai dengan daftar kosong."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        for choice, label in (
            (DEMO, _("Buka desa demo")),
            (EMPTY, _("Mulai dengan daftar kosong")),
            (QUIT, _("Keluar")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
        self.setMinimumWidth(460)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> str:
        dialog = cls(parent)
        dialog.exec()
        return dialog.choice


def run_first_start(db: Database, *, year: int, auto_demo: bool = False) -> bool:
    """Offer the demo village on an empty database (or build it unasked with ``auto_demo``);
    False when the user chose to quit."""
    if not is_empty(db):
        return True
    choice = DEMO if auto_demo else FirstStartDialog.ask()
    if choice == QUIT:
        return False
    if choice == DEMO:
        with db.session() as session:
            create_demo_village(session, operator=audit.current_operator(session), year=year)
    return True
