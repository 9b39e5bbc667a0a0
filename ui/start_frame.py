"""The window's frame, painted first: its title and size with "Memuat…", shown before the database
and the libraries behind the pages are loaded (they take several times as long as Qt itself)."""

import time

from PySide6.QtCore import QByteArray, QEventLoop, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.i18n import _
from ui.settings import Settings

# Qt.AlignmentFlag.AlignCenter as a number: the first use of PySide6's ``Qt`` namespace builds its
# hundred enums (~13 ms), which the main window needs anyway, but the frame's first paint does not.
ALIGN_CENTER = 0x0084  # AlignHCenter | AlignVCenter
DEFAULT_SIZE = QSize(1280, 720)  # inside a 1366 × 768 office screen with its taskbar
_WAIT_FOR_PAINT = (
    0.2  # seconds at most: a window system that maps the window late is not waited for
)


class StartFrame(QWidget):
    """Stands where the main window will open until it does (then ``close()``). It paints its
    text itself: no layout, so nothing to settle before the first paint."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.painted = False
        self.text = _("Memuat data desa…")
        self.setWindowTitle(_("Jamsos Desa"))
        geometry = settings.window_geometry
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            self.resize(DEFAULT_SIZE)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.drawText(self.rect(), ALIGN_CENTER, self.text)
        painter.end()
        self.painted = True

    def show_now(self, app: QApplication) -> None:
        """Show and paint before returning (the caller goes on with slow work)."""
        self.show()
        deadline = time.monotonic() + _WAIT_FOR_PAINT
        while not self.painted and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
