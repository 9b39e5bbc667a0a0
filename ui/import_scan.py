"""PySide6's check of every later import for its own name, done by reading the file, not ``inspect``."""

import sys
from collections.abc import Callable
from types import ModuleType

# Once PySide6 is imported it looks at every module imported after it (shibokensupport/feature.py,
# PYSIDE-2029): ``inspect.getsource(module)`` and ``"PySide6" in source``, to know which modules
# may opt into ``from __feature__ import snake_case``. inspect goes through linecache and tokenize
# for each of the ~350 modules the window imports (SQLAlchemy, the core, the pages): about a fifth
# of the start-up's CPU time. Reading the file's bytes answers the same question in a tenth of it.


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source file names PySide6 (False when it has no source file, as in
    the frozen build, where PySide6's own check finds no source either)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


pyside_own_check: Callable[[ModuleType], bool] | None = None  # kept for the test that compares


def make_cheap() -> bool:
    """Give PySide6's import check the file read above; False (nothing changed) when this PySide6
    has no such check."""
    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get(
        "shibokensupport.feature"
    )
    own = getattr(feature, "_mod_uses_pyside", None) if feature is not None else None
    if not callable(own):
        return False
    global pyside_own_check
    if own is not uses_pyside:
        pyside_own_check = own
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 — a private name of PySide6
    return True
