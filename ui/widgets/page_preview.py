"""PDF pages as images inside the window. QtPdf (PySide6-Addons) is not shipped, so the pages are
drawn by poppler's ``pdftoppm`` when it is installed; without it the page says so."""

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

PREVIEW_DPI = 60
PRINT_DPI = 150


def pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def pdf_page_images(pdf: bytes, *, dpi: int = PREVIEW_DPI) -> list[bytes]:
    """Each page of ``pdf`` as PNG bytes (run in a worker thread; needs ``pdftoppm``)."""
    program = pdftoppm()
    if program is None:
        raise FileNotFoundError("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="jamsos_pratinjau_") as folder:
        source = Path(folder) / "dokumen.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [program, "-png", "-r", str(dpi), str(source), str(Path(folder) / "hal")],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return [p.read_bytes() for p in sorted(Path(folder).glob("hal-*.png"))]


def to_images(pages: Sequence[bytes]) -> list[QImage]:
    images = []
    for data in pages:
        image = QImage()
        image.loadFromData(data, "PNG")
        images.append(image)
    return images


class PagePreview(QScrollArea):
    """The pages one under another, each with a thin frame, centred, on a grey background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setBackgroundRole(self.backgroundRole())
        self.holder = QWidget()
        self.holder.setStyleSheet("background: #8a8f94;")
        self.column = QVBoxLayout(self.holder)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        self.setWidget(self.holder)
        self.labels: list[QLabel] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: white; font-size: 11pt; padding: 40px;")
        self.column.addWidget(self.message)

    def show_message(self, text: str) -> None:
        self._clear()
        self.message.setText(text)
        self.message.setVisible(True)

    def show_pages(self, images: Sequence[QImage]) -> None:
        self._clear()
        self.message.setVisible(False)
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #555;")
            self.column.addWidget(label)
            self.labels.append(label)

    def page_count(self) -> int:
        return len(self.labels)

    def _clear(self) -> None:
        for label in self.labels:
            self.column.removeWidget(label)
            label.deleteLater()
        self.labels = []
