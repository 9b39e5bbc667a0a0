"""File and folder choosers for documents and exports, and opening a folder in the file manager,
in one module so tests replace them."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"
TEXT_FILTER = "Teks (*.txt)"


def save_file(
    parent: QWidget | None, *, title: str, suggested: Path, file_filter: str, suffix: str
) -> Path | None:
    """A file to write; the suffix (".pdf", ".xlsx") is added when the user left it out."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    if not suffix:  # the caller checks the suffix (several kinds offered)
        return path
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


def choose_folder(parent: QWidget | None, *, title: str, folder: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(name) if name else None


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the file manager (made first if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
