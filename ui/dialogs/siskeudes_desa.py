"""A Siskeudes file with several desa (a kecamatan operator's database): which one to take."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desa_budget.siskeudes.desa_choice import DesaOption
from ui.i18n import _, label_buttons


def option_text(option: DesaOption) -> str:
    name = option.nama_desa or _("(tanpa nama)")
    place = _(", Kec. {kecamatan}").format(kecamatan=option.kecamatan) if option.kecamatan else ""
    return f"{option.kd_desa}  {name}{place}"


class SiskeudesDesaDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, options: tuple[DesaOption, ...], *, year: int, default: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Pilih desa"))
        self.resize(480, 260)
        layout = QVBoxLayout(self)
        note = QLabel(
            _(
                "Berkas Siskeudes ini berisi {n} desa untuk tahun {tahun}. Pilih desa ini; "
                "data desa lain tidak dibaca."
            ).format(n=len(options), tahun=year)
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        for option in options:
            item = QListWidgetItem(option_text(option))
            item.setData(Qt.ItemDataRole.UserRole, option.kd_desa)
            self.list.addItem(item)
            if option.kd_desa == default:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Pilih"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    @classmethod
    def ask(
        cls, parent: QWidget | None, options: tuple[DesaOption, ...], *, year: int, default: str
    ) -> str | None:
        """The chosen desa's Siskeudes code; None when cancelled."""
        dialog = cls(parent, options, year=year, default=default)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
            return None
        return dialog.chosen()
