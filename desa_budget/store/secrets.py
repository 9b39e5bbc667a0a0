"""The shared server's password in the operating system's credential store (the keyring library:
Windows Credential Manager, macOS Keychain, Secret Service), so no settings file holds it."""

import logging
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

SERVICE = "JamsosDesa"  # the store's entry: this service, user name = the URL without password

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerAddress:
    url: str  # the URL without its password: what a settings file may keep
    password: str | None  # None: the URL had none


def split_password(url: str) -> ServerAddress:
    """``postgresql://sekdes:rahasia@kantor/jamsos`` -> the URL without ``rahasia``, and it."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return ServerAddress(url, None)
    if parsed.password is None:
        return ServerAddress(url, None)
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    ).render_as_string(hide_password=False)
    return ServerAddress(bare, str(parsed.password))


def with_password(url: str, password: str) -> str:
    """The URL to connect with; a URL that does not parse is left for the opener to report."""
    try:
        return make_url(url).set(password=password).render_as_string(hide_password=False)
    except ArgumentError:
        return url


def save_password(url: str, password: str) -> bool:
    """Keep ``password`` for ``url`` (without password) in the store. False when this computer
    has no store that works; then nothing is written anywhere."""
    import keyring

    try:
        keyring.set_password(SERVICE, url, password)
        # a store that accepts and forgets (the "null" backend) is no store
        return bool(keyring.get_password(SERVICE, url) == password)
    except Exception:  # noqa: BLE001  the store is outside the app: any failure means "no store"
        log.warning("no usable credential store for the server password", exc_info=True)
        return False


def saved_password(url: str) -> str | None:
    """The password kept for ``url``, or None (none kept, or no store on this computer)."""
    import keyring

    try:
        return keyring.get_password(SERVICE, url)
    except Exception:  # noqa: BLE001  as in save_password
        log.warning("the credential store could not be read", exc_info=True)
        return None


def forget_password(url: str) -> None:
    """Remove the password kept for ``url``, if there is one."""
    import keyring

    try:
        if keyring.get_password(SERVICE, url) is not None:
            keyring.delete_password(SERVICE, url)
    except Exception:  # noqa: BLE001  as in save_password
        log.warning("the server password could not be removed from the store", exc_info=True)


def complete_url(url: str) -> str:
    """A URL given without a password gets the one kept for it, if any (``--db`` on the
    command line, the window's saved server)."""
    if split_password(url).password is not None:
        return url
    password = saved_password(url)
    return url if password is None else with_password(url, password)
