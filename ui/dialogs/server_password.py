"""Asking the shared server's password at start, when this computer has not kept it."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import _, label_buttons


class ServerPasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, url: str, reason: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sandi server bersama"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        text = QLabel(_("{reason}\nTulis sandi untuk server {url}.").format(reason=reason, url=url))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(_("Buka"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Keluar"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password.textChanged.connect(self._on_password_text_changed)
        self._on_password_text_changed()

    def _on_password_text_changed(self) -> None:
        self.open_button.setEnabled(bool(self.password.text()))

    @classmethod
    def ask(cls, parent: QWidget | None, *, url: str, reason: str) -> str | None:
        """The typed password, or None when the user chose to quit."""
        dialog = cls(parent, url=url, reason=reason)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.password.text()
