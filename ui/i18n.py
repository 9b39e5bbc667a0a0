"""Interface language: the core's gettext catalog (desa_budget.i18n) plus Qt's standard buttons.

The message ids are the Indonesian texts, so a string missing from a catalog still shows Indonesian.
The window chooses the language once at start-up (``set_language``); the command line never does.
"""

from PySide6.QtWidgets import QDialogButtonBox

from desa_budget.i18n import (
    LANGUAGES,
    N_,
    SOURCE_LANGUAGE,
    _,
    current_language,
    ngettext,
    use_language,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "_",
    "current_language",
    "label_buttons",
    "ngettext",
    "set_language",
]

DEFAULT_LANGUAGE = SOURCE_LANGUAGE


def set_language(language: str) -> str:
    """Translate the window and the core's messages into ``language`` (unknown: Indonesian)."""
    return use_language(language)


_STANDARD_BUTTONS: tuple[tuple[QDialogButtonBox.StandardButton, str], ...] = (
    (QDialogButtonBox.StandardButton.Ok, N_("OK")),
    (QDialogButtonBox.StandardButton.Cancel, N_("Batal")),
    (QDialogButtonBox.StandardButton.Close, N_("Tutup")),
    (QDialogButtonBox.StandardButton.Save, N_("Simpan")),
    (QDialogButtonBox.StandardButton.Yes, N_("Ya")),
    (QDialogButtonBox.StandardButton.No, N_("Tidak")),
    (QDialogButtonBox.StandardButton.Apply, N_("Terapkan")),
    (QDialogButtonBox.StandardButton.Discard, N_("Buang")),
    (QDialogButtonBox.StandardButton.Help, N_("Bantuan")),
)


def label_buttons(box: QDialogButtonBox) -> None:
    """Qt ships no Indonesian: give the standard buttons our own translated labels."""
    for standard, text in _STANDARD_BUTTONS:
        button = box.button(standard)
        if button is not None:
            button.setText(_(text))
