"""Adopt (menetapkan) the year's budget version with its Perdes and Perkades number and date."""

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget.versions import LABELS
from desa_budget.format import format_rp
from ui.i18n import _, label_buttons
from ui.widgets.fields import DateEdit


@dataclass(frozen=True)
class AdoptForm:
    jenis: str
    nomor_perdes: str
    tanggal_perdes: date | None
    nomor_perkades: str
    tanggal_perkades: date | None


class AdoptDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, *, year: int, jenis: str, total: int, potongan: int
    ) -> None:
        super().__init__(parent)
        self.jenis = jenis
        self.setWindowTitle(_("Tetapkan {versi} {tahun}").format(versi=LABELS[jenis], tahun=year))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Angka daftar peserta yang tersimpan sekarang dibekukan sebagai {versi} {tahun}: "
                "iuran desa {total}, dipotong {potongan}. Sesudah ditetapkan versi ini tidak "
                "berubah lagi; perubahan berikutnya masuk APBDes Perubahan. Pilihan simulasi di "
                "halaman ini tidak ikut ditetapkan."
            ).format(
                versi=LABELS[jenis],
                tahun=year,
                total=format_rp(total),
                potongan=format_rp(potongan),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.nomor_perdes = QLineEdit()
        self.nomor_perdes.setMaxLength(50)
        self.nomor_perdes.setPlaceholderText(_("mis. 3 Tahun {tahun}").format(tahun=year))
        self.tanggal_perdes = DateEdit(optional=True)
        self.nomor_perkades = QLineEdit()
        self.nomor_perkades.setMaxLength(50)
        self.tanggal_perkades = DateEdit(optional=True)
        form.addRow(_("Nomor Perdes APBDes"), self.nomor_perdes)
        form.addRow(_("Tanggal Perdes"), self.tanggal_perdes)
        form.addRow(_("Nomor Perkades penjabaran"), self.nomor_perkades)
        form.addRow(_("Tanggal Perkades"), self.tanggal_perkades)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Tetapkan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def form(self) -> AdoptForm:
        return AdoptForm(
            jenis=self.jenis,
            nomor_perdes=self.nomor_perdes.text().strip(),
            tanggal_perdes=self.tanggal_perdes.value(),
            nomor_perkades=self.nomor_perkades.text().strip(),
            tanggal_perkades=self.tanggal_perkades.value(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, year: int, jenis: str, total: int, potongan: int
    ) -> AdoptForm | None:
        dialog = cls(parent, year=year, jenis=jenis, total=total, potongan=potongan)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form()
