"""Change one category's kegiatan, kode rekening and sumber dana, chosen from the code catalog."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget.codes.catalog import Catalog
from desa_budget.budget.settings import CategoryCodes
from desa_budget.village import categories
from ui.i18n import _, label_buttons
from ui.widgets.code_combo import CodeCombo


@dataclass(frozen=True)
class MappingChoice:
    kode_kegiatan: str
    kode_rekening: str
    sumber_dana: str


class MappingDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: CategoryCodes, catalog: Catalog) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            _("Kode anggaran {kategori}").format(kategori=categories.label(current.kategori))
        )
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Pilih kegiatan, objek belanja dan sumber dana untuk iuran kategori ini. "
                "Kode lokal desa (bertanda ★) ditambahkan di halaman Kode Anggaran."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kegiatan = CodeCombo("kegiatan", catalog)
        self.rekening = CodeCombo("rekening", catalog)
        self.sumber = CodeCombo("sumber_dana", catalog)
        self.kegiatan.set_code(current.kode_kegiatan)
        self.rekening.set_code(current.kode_rekening)
        self.sumber.set_code(current.sumber_dana)
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
        self.setMinimumWidth(620)

    def choice(self) -> MappingChoice:
        return MappingChoice(self.kegiatan.code(), self.rekening.code(), self.sumber.code())

    @classmethod
    def ask(
        cls, parent: QWidget | None, current: CategoryCodes, catalog: Catalog
    ) -> MappingChoice | None:
        dialog = cls(parent, current, catalog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
