"""The village profile as a form (Pengaturan and the first-start wizard): kode desa checked as the
user types, the signatories, and the kabupaten profile that sets the default codes and rules."""

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desa_budget.budget.codes.profiles import load_kabupaten_profiles
from desa_budget.errors import UserError
from desa_budget.roster.data import WARNING, Problem
from desa_budget.village import categories
from desa_budget.village.identifiers import validate_kode_desa
from desa_budget.village.profile import ProfileData
from desa_budget.village.regions import kabupaten_mismatch
from ui.i18n import _
from ui.widgets.fields import ProblemLabel


class ProfileForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: ProfileData | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.nama_desa = QLineEdit()
        self.kode_desa = QLineEdit()
        self.kode_desa.setPlaceholderText("33.02.12.2005")
        self.kode_problem = ProblemLabel()
        self.kecamatan = QLineEdit()
        self.kabupaten = QLineEdit()
        self.kabupaten_warning = ProblemLabel()  # only a warning: saving stays possible
        self.provinsi = QLineEdit()
        self.alamat = QLineEdit()
        self.kepala_desa_nama = QLineEdit()
        self.kepala_desa_status = QComboBox()
        for key, label in categories.POST_STATUSES.items():
            self.kepala_desa_status.addItem(label, key)
        self.sekretaris_desa_nama = QLineEdit()
        self.pelaksana_kegiatan_nama = QLineEdit()
        self.kabupaten_profil = QComboBox()
        for name, profile in load_kabupaten_profiles().items():
            self.kabupaten_profil.addItem(profile.title, name)
            self.kabupaten_profil.setItemData(
                self.kabupaten_profil.count() - 1, profile.source, 3
            )  # 3 = ToolTipRole
        self.target_pekerja_rentan = QSpinBox()
        self.target_pekerja_rentan.setRange(0, 100_000)
        self.target_pekerja_rentan.setValue(100)
        self.kabupaten_profil.setToolTip(
            _(
                "Aturan dan kode anggaran kabupaten Anda: kode kegiatan/rekening bawaan, urutan "
                "prioritas dan aturan setempat (mis. program wajib). Pilih Nasional bila "
                "kabupaten Anda belum ada."
            )
        )
        self.target_pekerja_rentan.setToolTip(
            _(
                "Berapa pekerja rentan (petani, nelayan, buruh harian…) yang ingin ditanggung "
                "desa tahun ini; perencanaan mengisi tingkat pekerja rentan sampai jumlah ini."
            )
        )
        form.addRow(_("Nama desa"), self.nama_desa)
        form.addRow(_("Kode desa (Kemendagri)"), self.kode_desa)
        form.addRow("", self.kode_problem)
        form.addRow(_("Kecamatan"), self.kecamatan)
        form.addRow(_("Kabupaten/kota"), self.kabupaten)
        form.addRow("", self.kabupaten_warning)
        form.addRow(_("Provinsi"), self.provinsi)
        form.addRow(_("Alamat kantor desa"), self.alamat)
        form.addRow(_("Kepala desa"), self.kepala_desa_nama)
        form.addRow(_("Status kepala desa"), self.kepala_desa_status)
        form.addRow(_("Sekretaris desa"), self.sekretaris_desa_nama)
        form.addRow(_("Pelaksana kegiatan"), self.pelaksana_kegiatan_nama)
        form.addRow(_("Profil kabupaten (kode dan aturan)"), self.kabupaten_profil)
        form.addRow(_("Target pekerja rentan"), self.target_pekerja_rentan)
        self.kode_desa.textChanged.connect(self._check_kode)
        self.kode_desa.textChanged.connect(self._check_kabupaten)
        self.kabupaten.textChanged.connect(self._check_kabupaten)
        for edit in self._edits():
            edit.textChanged.connect(self.changed)
        self.kepala_desa_status.currentIndexChanged.connect(self.changed)
        self.kabupaten_profil.currentIndexChanged.connect(self.changed)
        self.target_pekerja_rentan.valueChanged.connect(self.changed)

    def _edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.nama_desa,
            self.kode_desa,
            self.kecamatan,
            self.kabupaten,
            self.provinsi,
            self.alamat,
            self.kepala_desa_nama,
            self.sekretaris_desa_nama,
            self.pelaksana_kegiatan_nama,
        )

    def _check_kode(self) -> None:
        text = self.kode_desa.text().strip()
        problems: list[Problem] = []
        if text:
            try:
                validate_kode_desa(text)
            except UserError as exc:
                problems.append(Problem("kode_desa", exc.message))
        self.kode_problem.show_problems(problems)

    def _check_kabupaten(self) -> None:
        warning = kabupaten_mismatch(self.kode_desa.text(), self.kabupaten.text())
        self.kabupaten_warning.show_problems(
            [] if warning is None else [Problem("kabupaten", warning, WARNING)]
        )

    def kode_ok(self) -> bool:
        return bool(self.kode_desa.text().strip()) and not self.kode_problem.problems

    def set_value(self, profile: ProfileData | None) -> None:
        self._loaded = profile
        if profile is None:
            return
        for edit, value in zip(
            self._edits(),
            (
                profile.nama_desa,
                profile.kode_desa,
                profile.kecamatan,
                profile.kabupaten,
                profile.provinsi,
                profile.alamat,
                profile.kepala_desa_nama,
                profile.sekretaris_desa_nama,
                profile.pelaksana_kegiatan_nama,
            ),
            strict=True,
        ):
            edit.setText(value)
        self.kepala_desa_status.setCurrentIndex(
            max(self.kepala_desa_status.findData(profile.kepala_desa_status), 0)
        )
        self.kabupaten_profil.setCurrentIndex(
            max(self.kabupaten_profil.findData(profile.kabupaten_profil), 0)
        )
        self.target_pekerja_rentan.setValue(profile.target_pekerja_rentan)

    def value(self) -> ProfileData:
        """What the form holds; the core validates it on save (operator and version kept)."""
        data = ProfileData(
            nama_desa=self.nama_desa.text(),
            kode_desa=self.kode_desa.text(),
            kecamatan=self.kecamatan.text(),
            kabupaten=self.kabupaten.text(),
            provinsi=self.provinsi.text(),
            alamat=self.alamat.text(),
            kepala_desa_nama=self.kepala_desa_nama.text(),
            kepala_desa_status=str(self.kepala_desa_status.currentData()),
            sekretaris_desa_nama=self.sekretaris_desa_nama.text(),
            pelaksana_kegiatan_nama=self.pelaksana_kegiatan_nama.text(),
            kabupaten_profil=str(self.kabupaten_profil.currentData()),
            target_pekerja_rentan=self.target_pekerja_rentan.value(),
        )
        if self._loaded is not None:
            data = replace(
                data, operator_nama=self._loaded.operator_nama, version=self._loaded.version
            )
        return data
