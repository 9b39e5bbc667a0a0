"""Every message box of the app goes through here, so tests patch one module (``_exec``).

Buttons carry our own translated labels: Qt has no Indonesian for its standard buttons.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import _


def _exec(box: QDialog) -> None:
    """Show ``box`` modally. The single place a message box runs; tests replace it."""
    box.exec()


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str | None = None,
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    return box


def _ok(box: QMessageBox) -> None:
    button = box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(button)
    box.setEscapeButton(button)


def info(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text, details)
    _ok(box)
    _exec(box)


def warning(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title, text, details)
    _ok(box)
    _exec(box)


def error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    box = _box(parent, QMessageBox.Icon.Critical, title, text, details)
    _ok(box)
    _exec(box)


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str | None = None,
    no: str | None = None,
    details: str | None = None,
) -> bool:
    """Ask before doing something; "no" is the default, so Enter does not destroy anything."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, details)
    yes_button = box.addButton(yes or _("Ya"), QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or _("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    _exec(box)
    return box.clickedButton() is yes_button


def crash(parent: QWidget | None, summary: str, details: str, log_file: str) -> None:
    """A bug: say so plainly, say where the log is, and let the user copy the details for support."""
    dialog = CrashDialog(parent, summary=summary, details=details, log_file=log_file)
    _exec(dialog)


class CrashDialog(QDialog):
    """The crash report: what happened, the log file's path, the traceback and "Salin detail"."""

    def __init__(
        self, parent: QWidget | None, *, summary: str, details: str, log_file: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Kesalahan program"))
        log_line = _("Berkas log: {path}").format(path=log_file)
        self.report = f"{summary}\n{log_line}\n\n{details}"
        layout = QVBoxLayout(self)
        text = QLabel(
            _(
                "Terjadi kesalahan program yang tidak terduga. Data yang sudah disimpan aman.\n"
                "Kirim detail di bawah ini kepada petugas pendukung."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        summary_label = QLabel(summary)
        summary_label.setWordWrap(True)
        summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(summary_label)
        log_label = QLabel(log_line)
        log_label.setWordWrap(True)
        log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(log_label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            _("Salin detail"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(_("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(_("Tersalin"))
