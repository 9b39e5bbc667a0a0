"""Interface language: gettext catalogs (Indonesian by default, English on request).

The message ids are the Indonesian texts, so a string missing from a catalog still shows Indonesian.
The installed catalog is process-wide (like any gettext setup); it is chosen once at start-up.
"""

import gettext
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from desa_budget.paths import resources_dir

DOMAIN = "jamsos"
LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def locale_dir() -> Path:
    return resources_dir() / "locale"


def set_language(language: str) -> str:
    """Install the catalog of ``language`` (unknown codes fall back to Indonesian); returns it."""
    global _catalog, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _catalog = gettext.translation(
        DOMAIN, localedir=str(locale_dir()), languages=[language], fallback=True
    )
    _language = language
    return language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """The translation of ``message`` in the current language."""
    return _catalog.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for the catalog without translating it yet (translated where it is shown)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog.ngettext(singular, plural, count)


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
