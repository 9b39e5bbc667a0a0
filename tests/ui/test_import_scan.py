"""PySide6's check of every import for its own name, made cheap at start-up, answers as PySide6 does."""

import _socket
import sys
import types

import desa_budget.money
import ui.main  # noqa: F401 — installs the cheap check, as at start-up
import ui.main_window
from ui import import_scan


def test_the_cheap_check_gives_pyside6s_answers() -> None:
    feature = sys.modules["PySide6.support.feature"]
    assert feature._mod_uses_pyside is import_scan.uses_pyside  # installed by ui.main
    pyside_check = import_scan.pyside_own_check
    assert pyside_check is not None
    for module in (ui.main_window, desa_budget.money, _socket, types.ModuleType("bare")):
        assert import_scan.uses_pyside(module) == pyside_check(module), module
    assert import_scan.uses_pyside(ui.main_window)
    assert not import_scan.uses_pyside(desa_budget.money)
