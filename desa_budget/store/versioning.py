"""Optimistic locking: every edit carries the version of the row it was read at, checked here.

A row's version is a token of its content, set at every write (``models.content_version``). An edit, and every undo or redo
step, passes the version it last saw; when the row holds another one, someone else saved in
between and the edit is refused with ``ConcurrentEditError`` ("diubah oleh pengguna lain").
``ABSENT`` says the caller saw no row at all; ``None`` skips the check (the import, the demo, the
command line, which have no earlier read to compare with).
"""

from typing import Protocol

from desa_budget.store.database import ConcurrentEditError

ABSENT = 0  # the caller read no row; versions are never 0


class Versioned(Protocol):
    @property
    def version_id(self) -> int: ...


def version_of(row: Versioned | None) -> int:
    return row.version_id if row is not None else ABSENT


def check_version(row: Versioned | None, version: int | None) -> None:
    """Refuse when ``row`` (None: no row) is not at ``version``; None skips the check."""
    if version is not None and version_of(row) != version:
        raise ConcurrentEditError()
