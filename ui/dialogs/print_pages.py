"""Printing page images through the system's print dialog (QtPrintSupport, in PySide6-Essentials)."""

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ui.i18n import _


class PrintPages:
    """``ask()`` shows the print dialog (tests patch it); ``print_images`` paints one image a page."""

    @classmethod
    def ask(cls, parent: QWidget | None, *, pages: int) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFromTo(1, pages)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Cetak dokumen"))
        dialog.setMinMax(1, pages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


def print_images(printer: QPrinter, images: Sequence[QImage]) -> int:
    """Paint each image scaled to the printable area, keeping its shape; returns pages printed."""
    first, last = printer.fromPage(), printer.toPage()
    chosen = [
        image
        for number, image in enumerate(images, start=1)
        if first == 0 or first <= number <= (last or len(images))
    ]
    if not chosen:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index, image in enumerate(chosen):
            if index:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            painter.setViewport(target)
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
            painter.setWindow(area)
    finally:
        painter.end()
    return len(chosen)
