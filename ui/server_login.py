"""The shared server's address in the settings and its password in the operating system's
credential store (desa_budget/store/secrets.py): saving, forgetting, and the URL to open at start.
The settings file never holds the password; without a store it is asked at every start."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from desa_budget.errors import UserError
from desa_budget.store import secrets
from ui import msgbox
from ui.i18n import _
from ui.settings import Settings

T = TypeVar("T")
STORE = "store"  # the password is in the credential store
ASK = "ask"  # no store on this computer: the password is asked at every start

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedServer:
    url: str  # without its password; "" = the SQLite file in the data folder
    place: str  # STORE, ASK, or "" (the server needs no password)
    password: str | None = None  # only just after moving an old version's password out of the file


def saved_server(settings: Settings) -> SavedServer:
    """The saved server. A password left in the file by an older version is moved into the store
    (or, without one, dropped: it is then asked at start) and removed from the file."""
    address = secrets.split_password(settings.server_url)
    if address.password is None:
        return SavedServer(address.url, settings.server_password if address.url else "")
    place = STORE if secrets.save_password(address.url, address.password) else ASK
    settings.server_url = address.url
    settings.server_password = place
    settings.sync()
    log.info("server password moved out of the settings file (%s)", place)
    return SavedServer(address.url, place, address.password)


def remember_server(settings: Settings, url: str) -> str:
    """Save a tested server URL: its password in the store, the URL without it in the settings.
    Returns where the password went (STORE, ASK or "")."""
    forget_server(settings)
    address = secrets.split_password(url)
    place = ""
    if address.password is not None:
        place = STORE if secrets.save_password(address.url, address.password) else ASK
    settings.server_url = address.url
    settings.server_password = place
    settings.sync()
    return place


def forget_server(settings: Settings) -> None:
    """Back to the SQLite file; the old server's password leaves the store too."""
    saved = saved_server(settings)
    if saved.place == STORE:
        secrets.forget_password(saved.url)
    settings.server_url = ""
    settings.server_password = ""
    settings.sync()


def password_note(place: str) -> str:
    """Where the server's password is, in one sentence for the user ("" when it has none)."""
    if place == STORE:
        return _(
            "Sandi server disimpan di penyimpanan sandi sistem operasi (di Windows: Credential "
            "Manager), tidak di berkas pengaturan."
        )
    if place == ASK:
        return _(
            "Komputer ini tidak punya penyimpanan sandi yang aman, jadi sandi server tidak "
            "disimpan: Jamsos Desa menanyakannya setiap kali dibuka."
        )
    return ""


def tell_server_saved(parent: QWidget | None, place: str) -> None:
    """The one message after a server address is saved: used from the next start, and where its
    password is (a warning when it could not be kept)."""
    text = " ".join(
        t
        for t in (
            _(
                "Alamat server tersimpan. Tutup lalu buka lagi Jamsos Desa untuk bekerja dengan "
                "data di server."
            ),
            password_note(place),
        )
        if t
    )
    show = msgbox.warning if place == ASK else msgbox.info
    show(parent, _("Server bersama"), text)


def opening_url(settings: Settings, parent: QWidget | None) -> str | None:
    """The URL to open at start: "" for the SQLite file, the server's URL with its password from
    the store (or asked), or None when the user chose to quit instead of typing it."""
    from ui.dialogs.server_password import ServerPasswordDialog

    saved = saved_server(settings)
    if not saved.url:
        return ""
    if saved.password is not None:
        if saved.place == ASK:
            msgbox.warning(
                parent,
                _("Server bersama"),
                _(
                    "Sandi server tidak lagi disimpan di berkas pengaturan. Komputer ini tidak "
                    "punya penyimpanan sandi yang aman, jadi mulai pembukaan berikutnya Jamsos "
                    "Desa menanyakan sandi itu. Catat sandinya bila belum."
                ),
            )
        return secrets.with_password(saved.url, saved.password)
    if saved.place == STORE:
        password = secrets.saved_password(saved.url)
        if password is not None:
            return secrets.with_password(saved.url, password)
        reason = _("Sandi server tidak ditemukan di penyimpanan sandi sistem operasi.")
    elif saved.place == ASK:
        reason = password_note(ASK)
    else:
        return saved.url
    typed = ServerPasswordDialog.ask(parent, url=saved.url, reason=reason)
    return None if typed is None else secrets.with_password(saved.url, typed)


def open_saved(
    settings: Settings, parent: QWidget | None, open_url: Callable[[str | None], T]
) -> T | None:
    """Open the saved data (``open_url(None)``: the SQLite file). When the server refuses the
    password kept in the store (changed on the server, say), the user is shown why and asked for
    it once more; a password that then opens replaces the kept one. None: the user chose to quit."""
    from ui.dialogs.server_password import ServerPasswordDialog

    url = opening_url(settings, parent)
    if url is None:
        return None
    try:
        return open_url(url or None)
    except UserError as exc:
        saved = saved_server(settings)
        if saved.place != STORE:
            raise
        typed = ServerPasswordDialog.ask(parent, url=saved.url, reason=exc.message)
        if typed is None:
            return None
        opened = open_url(secrets.with_password(saved.url, typed))  # a wrong one raises again
        secrets.save_password(saved.url, typed)
        return opened
