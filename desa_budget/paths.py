"""The one place that decides where data, backups and logs live (``--data-dir`` overrides all)."""

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "JamsosDesa"
DB_FILENAME = "jamsos_desa.sqlite3"


def resources_dir() -> Path:
    """The shipped data: rule tables, code lists, fonts (next to the package, or in a frozen bundle)."""
    import sys

    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class DataPaths:
    """Folders for one installation; all created on demand by :func:`data_paths`."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def sqlite_url(self) -> str:
        return f"sqlite:///{self.database}"


def data_paths(data_dir: Path | str | None = None) -> DataPaths:
    """The data folders: ``data_dir`` if given, else the user's data directory for the app."""
    root = (
        Path(data_dir) if data_dir else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    paths = DataPaths(root.expanduser().resolve())
    for folder in (paths.root, paths.backups, paths.logs):
        folder.mkdir(parents=True, exist_ok=True)
    return paths
