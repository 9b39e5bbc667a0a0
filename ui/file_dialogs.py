"""File choosers, in one module so tests replace them; they remember the last folder used."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

XLSX_FILTER = "Excel (*.xlsx)"


def open_xlsx(parent: QWidget | None, *, title: str, folder: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, title, folder, XLSX_FILTER)
    return Path(name) if name else None


def save_xlsx(parent: QWidget | None, *, title: str, suggested: Path) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), XLSX_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


SISKEUDES_FILTER = "Siskeudes (*.mde *.mdb *.accdb *.zip)"


def open_siskeudes(parent: QWidget | None, *, title: str, folder: str) -> Path | None:
    """A Siskeudes database (DataAPBDES.mde …) or a zip of its CSV export."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, folder, SISKEUDES_FILTER)
    return Path(name) if name else None
