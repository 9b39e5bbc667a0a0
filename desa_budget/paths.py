"""The one place that decides where data, backups and logs live (``--data-dir`` overrides all)."""

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "JamsosDesa"
DB_FILENAME = "jamsos_desa.sqlite3"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
# Errors that mean "this cannot be written": permissions, a read-only disk, an immutable file.
NOT_WRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS)


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
    """The data folders: ``data_dir`` if given, else the user's data directory for the app.

    They hold every NIK: on Linux and macOS they are the user's alone (0700). On Windows the
    default folder is in the user's own profile (%LOCALAPPDATA%), whose ACL already keeps other
    users out. A folder that cannot be written (read-only) is left as it is: reading still works.
    """
    root = (
        Path(data_dir) if data_dir else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    paths = DataPaths(root.expanduser().resolve())
    ours = not paths.root.exists() or paths.database.exists()  # never re-mode a foreign folder
    for folder in (paths.root, paths.backups, paths.logs):
        if folder is not paths.root or ours:
            make_private_folder(folder)
    return paths


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed and make it 0700. On a read-only disk it may
    stay missing: whatever would be written there then says the folder cannot be written."""
    try:
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        make_private(folder, PRIVATE_FOLDER)
    except OSError as exc:
        if exc.errno not in NOT_WRITABLE:
            raise


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Owner-only permissions on POSIX (a no-op on Windows, where the profile's ACL applies)."""
    if os.name == "nt":
        return
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            path.chmod(mode)
    except FileNotFoundError:
        pass
    except OSError as exc:
        if exc.errno not in NOT_WRITABLE:
            raise
