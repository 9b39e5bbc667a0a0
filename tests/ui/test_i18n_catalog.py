"""Both catalogs hold every string the window uses, English is translated, and the .mo files
are compiled from the .po files as they are now."""

import gettext

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.i18n_catalog import (
    catalog_entries,
    compile_mo,
    po_path,
    read_po,
    scan_file,
    scan_ui,
)


def test_the_scanner_finds_marked_strings(tmp_path: pytest.TempPathFactory) -> None:
    source = tmp_path / "contoh.py"  # type: ignore[operator]
    source.write_text(
        'x = _("Satu")\ny = N_("Dua")\nz = ngettext("{n} orang", "{n} orang", 2)\nw = f(_)\n',
        encoding="utf-8",
    )
    assert scan_file(source) == ["Satu", "Dua", "{n} orang", "{n} orang"]


def test_the_window_uses_many_strings() -> None:
    messages = scan_ui()
    assert "Daftar Peserta" in messages and "Salin detail" in messages
    assert len(messages) > 150


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_string_is_in_the_catalog(language: str) -> None:
    catalog = read_po(po_path(language))
    missing = [m for m in scan_ui() if m not in catalog]
    assert not missing, f"{language}: run python -m ui.i18n_catalog; missing {missing[:5]}"
    untranslated = [m for m in scan_ui() if not catalog[m]]
    assert not untranslated, f"{language}: untranslated {untranslated[:5]}"


@pytest.mark.parametrize("language", ["id", "en"])
def test_mo_files_match_the_po_files(language: str) -> None:
    mo = po_path(language).with_suffix(".mo")
    assert mo.read_bytes() == compile_mo(catalog_entries(language))


def test_placeholders_survive_translation() -> None:
    english = read_po(po_path("en"))
    for msgid, msgstr in english.items():
        if msgid:
            assert _fields(msgid) == _fields(msgstr), msgid


def _fields(text: str) -> set[str]:
    import string

    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_english_on_request_and_standard_buttons_labelled(qtbot: QtBot) -> None:
    assert i18n._("Daftar Peserta") == "Daftar Peserta"
    i18n.set_language("en")
    assert i18n._("Daftar Peserta") == "Roster"
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    i18n.label_buttons(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    i18n.set_language("id")
    i18n.label_buttons(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Simpan"
    assert i18n.set_language("xx") == "id"


def test_the_compiled_catalog_is_readable_by_gettext() -> None:
    with po_path("en").with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("Beranda") == "Home"
