"""Before a Siskeudes import writes anything: the profile changes, the logo and Perdes number, and
each perangkat found (on the roster already, with new contact data, or still to be completed)."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_budget.siskeudes.import_preview import (
    DITAMBAH,
    PERSON_LABELS,
    ImportPreview,
    PersonPreview,
    describe_perdes,
)
from ui.i18n import _, label_buttons
from ui.models.grid_model import GridModel
from ui.widgets.tables import table_view


@dataclass(frozen=True)
class SiskeudesChoice:
    kode_desa: str  # typed for a village without a profile, else ""


def profile_rows(preview: ImportPreview) -> list[tuple[str, str, str]]:
    rows = [(_(c.label), c.old, c.new) for c in preview.profile]
    if preview.logo:
        rows.append((_("Logo"), "-", _("Logo Pemda dari Siskeudes")))
    for p in preview.perdes:
        rows.append((_("Nomor Perdes APBDes {jenis}").format(jenis=p.jenis), p.old,
                     describe_perdes(p)))  # fmt: skip
    return rows


def person_note(person: PersonPreview) -> str:
    if person.changes:
        return "; ".join(f"{_(c.label)}: {c.old} → {c.new}" for c in person.changes)
    if person.missing:
        return _("Belum ada: {daftar}").format(daftar=", ".join(_(m) for m in person.missing))
    return ""


class SiskeudesPreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, preview: ImportPreview) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(_("Ambil dari Siskeudes"))
        self.resize(900, 540)
        layout = QVBoxLayout(self)
        to_complete = sum(1 for p in preview.persons if p.status == DITAMBAH)
        summary = QLabel(
            _(
                "Siskeudes {versi}, tahun {tahun}. Belum ada yang disimpan; periksa lalu tekan "
                "Ambil. Siskeudes tidak menyimpan NIK, tanggal lahir dan jenis kelamin: {n} "
                "perangkat yang belum ada di daftar peserta ditambahkan dengan data belum lengkap "
                "(menjabat sejak 1 Januari {tahun}, tanpa kepesertaan); lengkapi di Daftar Peserta."
            ).format(versi=preview.version or "?", tahun=preview.year, n=to_complete)
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.kode_desa = QLineEdit()
        self.kode_desa.setPlaceholderText("33.02.12.2005")
        self.kode_box = QWidget()  # only for a village without a profile yet
        form = QFormLayout(self.kode_box)
        form.addRow(_("Kode desa (Kemendagri)"), self.kode_desa)
        self.kode_box.setVisible(preview.new_profile)
        layout.addWidget(self.kode_box)
        self.profile_model = GridModel(self)
        self.profile_model.set_grid(
            (_("Data"), _("Sekarang"), _("Dari Siskeudes")), profile_rows(preview)
        )
        self.person_model = GridModel(self)
        self.person_model.set_grid(
            (_("Nama"), _("Jabatan"), _("Keadaan"), _("Keterangan")),
            [(p.nama, p.jabatan, _(PERSON_LABELS[p.status]), person_note(p))
             for p in preview.persons],
        )  # fmt: skip
        tabs = QTabWidget()
        tabs.addTab(table_view(self.profile_model, 2),
                    _("Profil desa ({n})").format(n=self.profile_model.rowCount()))  # fmt: skip
        tabs.addTab(table_view(self.person_model, 3),
                    _("Perangkat ({n})").format(n=self.person_model.rowCount()))  # fmt: skip
        layout.addWidget(tabs, 1)
        for note in preview.notes:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Ambil"))
        self.ok.setEnabled(preview.changes_anything or preview.new_profile or to_complete > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def choice(self) -> SiskeudesChoice:
        return SiskeudesChoice(self.kode_desa.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, preview: ImportPreview) -> SiskeudesChoice | None:
        dialog = cls(parent, preview)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
