"""PDF pages as images inside the window. QtPdf (PySide6-Addons) is not shipped, so the pages are
drawn by poppler's ``pdftoppm`` when it is installed; without it the page says so."""

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import _

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


class PagePreview(QWidget):
    """The pages one under another, each with a thin frame, centred, on a grey background, with
    zoom: fit the width (the default, so a page is never cut on a small screen), smaller, larger
    (also Ctrl + mouse wheel, Ctrl + plus / minus)."""

    ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage] = []
        self.zoom: float | None = None  # None: fit the width
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.holder = QWidget()
        self.holder.setStyleSheet("background: #8a8f94;")
        self.column = QVBoxLayout(self.holder)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        self.area.setWidget(self.holder)
        self.area.viewport().installEventFilter(self)
        self.labels: list[QLabel] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: white; font-size: 11pt; padding: 40px;")
        self.column.addWidget(self.message)
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(_("Perkecil (Ctrl+−)"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(_("Perbesar (Ctrl++)"))
        self.fit_button = QToolButton()
        self.fit_button.setText(_("Pas lebar"))
        self.fit_button.setToolTip(_("Halaman selebar tempatnya"))
        self.zoom_label = QLabel()
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.fit_button.clicked.connect(self.fit_width)
        for keys, step in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+-", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_zoom(step))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addWidget(self.zoom_label)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        self._update_zoom_buttons()

    def show_message(self, text: str) -> None:
        self._clear()
        self.images = []
        self.message.setText(text)
        self.message.setVisible(True)
        self._update_zoom_buttons()

    def show_pages(self, images: Sequence[QImage]) -> None:
        self._clear()
        self.images = list(images)
        self.message.setVisible(False)
        for _image in self.images:
            label = QLabel()
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #555;")
            self.column.addWidget(label)
            self.labels.append(label)
        self._draw()

    def page_count(self) -> int:
        return len(self.labels)

    # Zoom
    def scale(self) -> float:
        """The factor the pages are drawn at (fit width: the viewport's width over the page's)."""
        if self.zoom is not None or not self.images:
            return self.zoom or 1.0
        room = self.area.viewport().width() - 2 * 12 - 24
        widest = max(image.width() for image in self.images)
        return max(min(room / widest, 3.0), 0.2) if widest else 1.0

    def step_zoom(self, step: int) -> None:
        now = self.scale()
        if step > 0:
            bigger = [z for z in self.ZOOMS if z > now + 0.01]
            self.zoom = bigger[0] if bigger else self.ZOOMS[-1]
        else:
            smaller = [z for z in self.ZOOMS if z < now - 0.01]
            self.zoom = smaller[-1] if smaller else self.ZOOMS[0]
        self._draw()

    def fit_width(self) -> None:
        self.zoom = None
        self._draw()

    def _draw(self) -> None:
        factor = self.scale()
        for label, image in zip(self.labels, self.images, strict=True):
            pixmap = QPixmap.fromImage(image)
            if abs(factor - 1.0) > 0.01:
                pixmap = pixmap.scaledToWidth(
                    max(int(image.width() * factor), 1),
                    Qt.TransformationMode.SmoothTransformation,
                )
            label.setPixmap(pixmap)
        self._update_zoom_buttons()

    def _update_zoom_buttons(self) -> None:
        shown = bool(self.images)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            button.setEnabled(shown)
        self.zoom_label.setText(f"{round(self.scale() * 100)} %" if shown else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area.viewport():
            if event.type() == QEvent.Type.Resize and self.zoom is None and self.images:
                self._draw()
            elif (
                isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.step_zoom(1 if event.angleDelta().y() > 0 else -1)
                return True
        return super().eventFilter(watched, event)

    def _clear(self) -> None:
        for label in self.labels:
            self.column.removeWidget(label)
            label.deleteLater()
        self.labels = []
