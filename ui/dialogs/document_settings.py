"""Which regulation each document annexes, the regulations' numbers of an adopted version, and who
prepares each RAB: one dialog, its answer the values to save (the page turns them into commands)."""

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget import regulations
from desa_budget.budget.document_settings import DocumentSettings
from desa_budget.budget.versions import LABELS
from desa_budget.store.versioning import ABSENT
from ui.i18n import _, label_buttons
from ui.widgets.fields import DateEdit


@dataclass(frozen=True)
class DocumentSettingsForm:
    placements: dict[str, tuple[str, str]]  # dokumen -> (peraturan, lampiran)
    numbers: dict[str, tuple[str, date | None]]  # peraturan -> (nomor, tanggal); adopted only
    pelaksana: dict[str, tuple[str, str]]  # kegiatan -> (nama, jabatan)


class DocumentSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: DocumentSettings) -> None:
        super().__init__(parent)
        self.settings = settings
        versi = LABELS[settings.jenis] + ("" if settings.adopted else _(" (rancangan)"))
        self.setWindowTitle(_("Peraturan dan pelaksana: {versi} {tahun}").format(
            versi=versi, tahun=settings.year))  # fmt: skip
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Dokumen yang menjadi lampiran sebuah peraturan dicetak dengan blok LAMPIRAN "
                "(nomor, tanggal, tentang) di kanan atas; dokumen lain berdiri sendiri."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._placement_box())
        layout.addWidget(self._numbers_box())
        layout.addWidget(self._pelaksana_box())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def _placement_box(self) -> QGroupBox:
        box = QGroupBox(_("Dokumen menjadi lampiran"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(_("Dokumen")), 0, 0)
        grid.addWidget(QLabel(_("Peraturan")), 0, 1)
        grid.addWidget(QLabel(_("Lampiran ke-")), 0, 2)
        self.placement: dict[str, tuple[QComboBox, QLineEdit]] = {}
        for row, doc in enumerate(regulations.DOCUMENTS, start=1):
            current = self.settings.placements[doc]
            combo = QComboBox()
            combo.addItem(_("Tanpa lampiran (dokumen sendiri)"), regulations.NONE)
            for key, kind in regulations.KINDS.items():
                combo.addItem(_(kind.label), key)
            combo.setCurrentIndex(max(combo.findData(current.peraturan), 0))
            roman = QLineEdit(current.lampiran)
            roman.setMaxLength(5)
            roman.setPlaceholderText(_("mis. I"))
            roman.setToolTip(_("Kosong bila dokumen ini satu-satunya lampiran peraturan itu."))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, r=roman: r.setEnabled(c.currentData() != regulations.NONE)
            )
            roman.setEnabled(current.peraturan != regulations.NONE)
            grid.addWidget(QLabel(_(regulations.DOCUMENT_LABELS[doc])), row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(roman, row, 2)
            self.placement[doc] = (combo, roman)
        return box

    def _numbers_box(self) -> QGroupBox:
        box = QGroupBox(_("Nomor dan tanggal peraturan"))
        grid = QGridLayout(box)
        self.numbers: dict[str, tuple[QLineEdit, DateEdit]] = {}
        if not self.settings.adopted:
            note = QLabel(
                _(
                    "Versi ini belum ditetapkan: rancangan dicetak dengan nomor dan tanggal "
                    "titik-titik. Nomor diisi sesudah ditetapkan."
                )
            )
            note.setWordWrap(True)
            grid.addWidget(note, 0, 0)
            return box
        for row, (key, kind) in enumerate(regulations.KINDS.items()):
            number = self.settings.numbers[key]
            nomor = QLineEdit(number.nomor)
            nomor.setMaxLength(50)
            nomor.setPlaceholderText(_("mis. 3"))
            tanggal = DateEdit(optional=True)
            tanggal.set_value(number.tanggal)
            grid.addWidget(QLabel(_(kind.label)), row, 0)
            grid.addWidget(nomor, row, 1)
            grid.addWidget(tanggal, row, 2)
            self.numbers[key] = (nomor, tanggal)
        return box

    def _pelaksana_box(self) -> QGroupBox:
        box = QGroupBox(_("Pelaksana kegiatan (menandatangani RAB)"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.pelaksana: dict[str, tuple[QComboBox, QLineEdit]] = {}
        names = [nama for nama, _jabatan in self.settings.officials]
        jabatan_of = dict(self.settings.officials)
        for row, (code, who) in enumerate(self.settings.pelaksana.items()):
            nama = QComboBox()
            nama.setEditable(True)
            nama.addItems(names)
            nama.setCurrentText(who.nama if who.version != ABSENT else "")
            line = nama.lineEdit()
            if line is not None:
                line.setPlaceholderText(self.settings.default_pelaksana or _("nama pelaksana"))
            jabatan = QLineEdit(who.jabatan)
            jabatan.setPlaceholderText(_("jabatan, mis. Kaur Keuangan"))
            nama.activated.connect(
                lambda _i, n=nama, j=jabatan: j.setText(jabatan_of.get(n.currentText(), j.text()))
            )
            grid.addWidget(QLabel(_("Kegiatan {kode}").format(kode=code)), row, 0)
            grid.addWidget(nama, row, 1)
            grid.addWidget(jabatan, row, 2)
            self.pelaksana[code] = (nama, jabatan)
        return box

    def form(self) -> DocumentSettingsForm:
        return DocumentSettingsForm(
            placements={
                doc: (str(combo.currentData()), roman.text().strip())
                for doc, (combo, roman) in self.placement.items()
            },
            numbers={
                key: (nomor.text().strip(), tanggal.value())
                for key, (nomor, tanggal) in self.numbers.items()
            },
            pelaksana={
                code: (nama.currentText().strip(), jabatan.text().strip())
                for code, (nama, jabatan) in self.pelaksana.items()
            },
        )

    @classmethod
    def ask(cls, parent: QWidget | None, settings: DocumentSettings) -> DocumentSettingsForm | None:
        dialog = cls(parent, settings)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form()
