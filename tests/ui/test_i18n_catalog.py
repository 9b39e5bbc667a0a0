"""The English catalog holds every string of the core and the window, translated, with plural
forms; the .mo file is compiled from the .po file as it is now; English mode shows English."""

import ast
import gettext
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from scripts.update_translations import (
    ROOT,
    extract,
    mo_bytes,
    po_path,
    read_catalog,
    untranslated,
)
from ui import i18n

UPDATE = "run: python scripts/update_translations.py"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2}


@pytest.fixture(scope="module")
def template() -> Catalog:
    return extract()


@pytest.fixture(scope="module")
def english() -> Catalog:
    return read_catalog("en")


def singular(message_id: str | tuple[str, ...]) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def test_babel_extracts_the_core_and_the_window(template: Catalog) -> None:
    files = {path for message in template for path, _line in message.locations}
    assert any(f.startswith("desa_budget/") for f in files)
    assert any(f.startswith("ui/") for f in files)
    assert "Daftar Peserta" in template  # the window
    assert "Nama skenario wajib diisi." in template  # a core UserError
    assert "Januari" in template  # month names, marked in desa_budget/format.py


def marked_literals(folder: Path) -> dict[str, str]:
    """Every literal string passed to a marker under ``folder``, as Python reads the source
    (Babel reads tokens: a call hidden inside an f-string never reaches the catalog)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            for arg in node.args[: MARKERS.get(node.func.id, 0)]:
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                assert not isinstance(arg, ast.JoinedStr), (
                    f"{where}: an f-string cannot be translated"
                )
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, where)
    return found


def test_every_marked_string_reaches_the_catalog_template(template: Catalog) -> None:
    extracted = set()
    for message in template:
        extracted.update(message.id if isinstance(message.id, tuple) else (message.id,))
    for folder in ("desa_budget", "ui"):
        lost = {m: w for m, w in marked_literals(ROOT / folder).items() if m not in extracted}
        assert not lost, f"marked but not extracted (inside an f-string?): {lost}"


def test_the_english_catalog_holds_exactly_the_marked_strings(
    template: Catalog, english: Catalog
) -> None:
    wanted = {singular(m.id) for m in template if m.id}
    held = {singular(m.id) for m in english if m.id}
    assert not wanted - held, (
        f"missing from the English catalog, {UPDATE}: {sorted(wanted - held)[:5]}"
    )
    assert not held - wanted, f"no longer used, {UPDATE}: {sorted(held - wanted)[:5]}"


def test_every_english_string_is_translated(english: Catalog) -> None:
    todo = untranslated(english)
    assert not todo, f"empty or fuzzy msgstr in {po_path('en')}: {todo[:5]}"


def test_plurals_have_english_forms_and_one_indonesian_form(
    template: Catalog, english: Catalog
) -> None:
    plurals = [m for m in template if m.pluralizable]
    assert len(plurals) >= 5
    assert english.num_plurals == 2
    for message in plurals:
        one, many = message.id
        assert one == many, f"Indonesian has one plural form: write {one!r} twice"
        forms = english[one].string
        assert isinstance(forms, tuple) and len(forms) == 2 and all(forms), one


def test_the_mo_file_is_compiled_from_the_po_file() -> None:
    mo = po_path("en").with_suffix(".mo")
    assert mo.read_bytes() == mo_bytes(read_catalog("en")), f"the .mo is out of date, {UPDATE}"


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_placeholders_survive_translation(english: Catalog) -> None:
    for message in english:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        needed = set().union(*(fields(i) for i in ids))
        for form in forms:
            assert fields(form) <= needed, f"{ids[0]!r}: unknown field in {form!r}"
        assert fields(forms[-1]) == needed, f"{ids[0]!r}: a field is lost in {forms[-1]!r}"


def test_english_on_request_and_standard_buttons_labelled(qtbot: QtBot) -> None:
    assert i18n._("Daftar Peserta") == "Daftar Peserta"
    assert i18n.set_language("en") == "en"
    assert i18n.current_language() == "en"
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
    assert catalog.ngettext("Hapus {n} orang", "Hapus {n} orang", 1) == "Delete {n} person"
    assert catalog.ngettext("Hapus {n} orang", "Hapus {n} orang", 3) == "Delete {n} persons"
