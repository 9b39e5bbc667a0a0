"""Bringing the open window forward: the window that holds a SQLite database listens on a local
socket named after the file; a second start finds the database taken (store.instance_lock) and
asks that window to show itself instead of opening another."""

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

SHOW = b"tampilkan\n"
WAIT_MS = 1000


def server_name(database: Path) -> str:
    """One name per database file (and so per data folder), the same in every process."""
    digest = hashlib.sha256(str(database.resolve()).encode()).hexdigest()[:20]
    return f"jamsos-desa-{digest}"


class InstanceServer(QObject):
    """Listens while the window holds the database; ``show_requested`` when a second start asks."""

    show_requested = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(database)
        self.server = QLocalServer(self)
        # Only the holder of the database's lock gets here, so a socket left by a crashed
        # window is stale and may go.
        QLocalServer.removeServer(self.name)
        self.listening = self.server.listen(self.name)
        self.server.newConnection.connect(self._on_server_new_connection)

    def _on_server_new_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_socket_ready_read(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if SHOW.strip() in bytes(socket.readAll().data()):
            self.show_requested.emit()


def bring_forward(window: QWidget) -> None:
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()


def window_listening(database: Path) -> bool:
    """True when a window holding ``database`` answers (not a command, nor a window starting)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    answered = socket.waitForConnected(WAIT_MS)
    socket.abort()
    return answered


def ask_window_to_show(database: Path) -> bool:
    """Ask the window holding ``database`` to come forward; False when no window answers (the
    database is held by a command, or a window still starting)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(SHOW)
    sent = socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return sent
