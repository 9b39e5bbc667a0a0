"""Interface language: the core's gettext catalog (desa_budget.i18n), Qt's own words, the locale.

The message ids are the Indonesian texts, so a string missing from a catalog still shows Indonesian.
Qt ships no Indonesian for its standard widgets (context menus, file and print dialogs), so
resources/locale/id/qt_id.ts holds our own for the contexts the app uses, compiled to qt_id.qm
by scripts/update_translations.py; an Indonesian QLocale gives the calendar its month and day
names. The window chooses the language once at start-up (``set_language``); the command line
never does.
"""

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from desa_budget.i18n import (
    LANGUAGES,
    N_,
    SOURCE_LANGUAGE,
    _,
    current_language,
    locale_dir,
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


QT_TRANSLATOR = "jamsos_qt_translator"
LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def set_language(language: str) -> str:
    """Translate the window, the core's messages and Qt's own words into ``language`` (unknown:
    Indonesian), and make its locale the default (calendars, Qt's number fields)."""
    chosen = use_language(language)
    QLocale.setDefault(LOCALES.get(chosen, LOCALES[DEFAULT_LANGUAGE]))
    app = QCoreApplication.instance()
    if app is not None:
        _install_qt_words(app, chosen)
    return chosen


def _install_qt_words(app: QCoreApplication, language: str) -> None:
    for old in app.findChildren(QTranslator, QT_TRANSLATOR):
        app.removeTranslator(old)
        old.setObjectName("")  # gone now, though deleted only when the event loop runs
        old.deleteLater()
    catalog = locale_dir() / language / f"qt_{language}.qm"
    if not catalog.is_file():
        return  # English: Qt's own words as they are
    translator = QTranslator(app)  # owned by the app, found again by its name
    translator.setObjectName(QT_TRANSLATOR)
    if translator.load(str(catalog)):
        app.installTranslator(translator)


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
