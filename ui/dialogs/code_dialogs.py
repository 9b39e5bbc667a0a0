"""Two small code dialogs: add a village's local code, and set one person's own codes."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget.codes.catalog import Catalog
from desa_budget.contributions.results import PersonYear
from desa_budget.errors import UserError
from desa_budget.village import categories
from ui.i18n import _, label_buttons
from ui.widgets.code_combo import CodeCombo


@dataclass(frozen=True)
class LocalCodeForm:
    jenis: str
    kode: str
    uraian: str


class LocalCodeDialog(QDialog):
    """A kegiatan or objek numbered 90–99; the shape is checked by the catalog as the user types."""

    def __init__(self, parent: QWidget | None, catalog: Catalog) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.setWindowTitle(_("Tambah kode lokal"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.jenis = QComboBox()
        self.jenis.addItem(_("Kegiatan (mis. 1.1.91)"), "kegiatan")
        self.jenis.addItem(_("Objek belanja (mis. 5.1.3.91)"), "rekening")
        self.kode = QLineEdit()
        self.kode.setPlaceholderText("1.1.91")
        self.uraian = QLineEdit()
        self.uraian.setMaxLength(200)
        form.addRow(_("Jenis"), self.jenis)
        form.addRow(_("Kode"), self.kode)
        form.addRow(_("Uraian"), self.uraian)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for signal in (
            self.jenis.currentIndexChanged,
            self.kode.textChanged,
            self.uraian.textChanged,
        ):
            signal.connect(self._update)
        self._update()
        self.setMinimumWidth(460)

    def _update(self) -> None:
        jenis = str(self.jenis.currentData())
        self.kode.setPlaceholderText("1.1.91" if jenis == "kegiatan" else "5.1.3.91")
        problem = ""
        if self.kode.text().strip():
            try:
                self.catalog.validate_local(jenis, self.kode.text().strip())
            except UserError as exc:
                problem = exc.message
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = not problem and bool(self.kode.text().strip()) and bool(self.uraian.text().strip())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(ok)

    def form(self) -> LocalCodeForm:
        return LocalCodeForm(
            str(self.jenis.currentData()), self.kode.text().strip(), self.uraian.text().strip()
        )

    @classmethod
    def ask(cls, parent: QWidget | None, catalog: Catalog) -> LocalCodeForm | None:
        dialog = cls(parent, catalog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form()


@dataclass(frozen=True)
class PersonCodesForm:
    person_id: int
    kode_kegiatan: str | None  # None: the category's mapping
    kode_rekening: str | None
    sumber_dana: str | None


class PersonCodesDialog(QDialog):
    """Pick a person of the year and give them their own codes (empty = the category's)."""

    def __init__(
        self,
        parent: QWidget | None,
        persons: tuple[PersonYear, ...],
        catalog: Catalog,
        *,
        person_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Kode anggaran per orang"))
        self.persons = {p.person_id: p for p in persons}
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Kode yang dipilih di sini menggantikan kode kategorinya untuk orang ini mulai "
                'tahun anggaran yang dipilih. Pilih "sesuai kategori" untuk kembali ke kode '
                "kategori."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setMaxVisibleItems(20)
        for p in persons:
            self.person.addItem(
                f"{p.nama} — {p.jabatan} ({categories.label(p.kategori)})", p.person_id
            )
        same = _("(sesuai kategori)")
        self.kegiatan = CodeCombo("kegiatan", catalog, empty_text=same)
        self.rekening = CodeCombo("rekening", catalog, empty_text=same)
        self.sumber = CodeCombo("sumber_dana", catalog, empty_text=same)
        form.addRow(_("Orang"), self.person)
        form.addRow(_("Kegiatan"), self.kegiatan)
        form.addRow(_("Kode rekening"), self.rekening)
        form.addRow(_("Sumber dana"), self.sumber)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.person.currentIndexChanged.connect(self._on_person_changed)
        if person_id is not None and self.person.findData(person_id) >= 0:
            self.person.setCurrentIndex(self.person.findData(person_id))
        self._on_person_changed()
        self.setMinimumWidth(640)

    def _on_person_changed(self) -> None:
        person = self.persons.get(self.person.currentData())
        if person is None:
            return
        self.kegiatan.set_code(person.kode_kegiatan or "")
        self.rekening.set_code(person.kode_rekening or "")
        self.sumber.set_code(person.sumber_dana or "")

    def form(self) -> PersonCodesForm:
        return PersonCodesForm(
            int(self.person.currentData()),
            self.kegiatan.code() or None,
            self.rekening.code() or None,
            self.sumber.code() or None,
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        persons: tuple[PersonYear, ...],
        catalog: Catalog,
        *,
        person_id: int | None = None,
    ) -> PersonCodesForm | None:
        dialog = cls(parent, persons, catalog, person_id=person_id)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.person.currentIndex() < 0:
            return None
        return dialog.form()
