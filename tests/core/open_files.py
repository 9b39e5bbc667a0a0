"""Whether this process still holds a file open: a refused workbook must be let go at once, or
Windows keeps the secretary from saving the corrected file over it in Excel."""

import os
from pathlib import Path


def assert_closed(path: Path) -> None:
    fds = Path("/proc/self/fd")
    if fds.is_dir():  # Linux: every open descriptor names its file
        held = set()
        for fd in fds.iterdir():
            try:
                held.add(Path(os.readlink(fd)))
            except OSError:  # closed while listing
                continue
        assert path.resolve() not in held, f"{path.name} is still open"
    else:  # Windows refuses to rename a file that is open
        moved = path.with_name(path.name + ".moved")
        path.rename(moved)
        moved.rename(path)
