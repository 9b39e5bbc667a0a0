"""Typed preferences and window state over QSettings (INI format, per user); every key declared once."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool, bytes)

ORGANIZATION = "JamsosDesa"
APPLICATION = "JamsosDesa"
SETTINGS_FILE = "jamsos_desa.ini"


@dataclass(frozen=True)
class Key(Generic[T]):
    """One setting: its key in the INI file, its type (from the default) and its default."""

    name: str
    default: T

    @overload
    def __get__(self, obj: None, owner: type) -> "Key[T]": ...
    @overload
    def __get__(self, obj: "Settings", owner: type) -> T: ...
    def __get__(self, obj: "Settings | None", owner: type) -> "Key[T] | T":
        if obj is None:
            return self
        return obj.get(self)

    def __set__(self, obj: "Settings", value: T) -> None:
        obj.set(self, value)


class Settings:
    """``settings.last_page = "roster"`` stores it; reading returns the declared type or the default."""

    # Preferences
    language = Key("prefs/language", "id")
    dpmd_mode = Key("prefs/dpmd_mode", False)  # a DPMD officer: the consolidation tools shown
    # A shared PostgreSQL server chosen at the first start ("" = the SQLite file in the data folder)
    server_url = Key("database/server_url", "")  # never with its password (ui/server_login.py)
    server_password = Key("database/server_password", "")  # where it is: "store", "ask", "" = none
    # Window state
    window_geometry = Key("window/geometry", b"")
    window_state = Key("window/state", b"")
    last_page = Key("window/last_page", "beranda")
    last_year = Key("window/last_year", 0)  # 0 = the current year
    # Folders last used in file dialogs
    last_import_dir = Key("folders/import", "")
    last_export_dir = Key("folders/export", "")

    def __init__(self, qsettings: QSettings) -> None:
        self._qs = qsettings

    @classmethod
    def for_user(cls) -> "Settings":
        return cls(
            QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
            )
        )

    @classmethod
    def in_folder(cls, folder: Path) -> "Settings":
        """Settings kept beside the data (``--data-dir``: portable use and tests)."""
        return cls(QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat))

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def get(self, key: Key[T]) -> T:
        raw: Any = self._qs.value(key.name, None)
        if raw is None:
            return key.default
        default = key.default
        value: Any  # checked against the default's type above; T is that type
        try:
            if isinstance(default, bool):
                # INI stores booleans as text
                value = raw if isinstance(raw, bool) else str(raw).lower() == "true"
            elif isinstance(default, int):
                value = int(raw)
            elif isinstance(default, bytes):
                value = bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return default
        return value  # type: ignore[no-any-return]

    def set(self, key: Key[T], value: T) -> None:
        stored: object = QByteArray(value) if isinstance(value, bytes) else value
        self._qs.setValue(key.name, stored)

    def sync(self) -> None:
        self._qs.sync()
