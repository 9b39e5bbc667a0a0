"""Bring the translation catalogs up to date with Babel: extract, update, compile.

    .venv/bin/python scripts/update_translations.py

extracts every ``_()``, ``N_()`` and ``ngettext()`` string of the core and the window (babel.cfg),
merges them into resources/locale/<lang>/LC_MESSAGES/jamsos.po (new strings get an empty msgstr,
strings no longer used are dropped) and compiles each .po into the .mo file the app reads. Fill
the empty (or fuzzy) English msgstr, then run it again. Indonesian is the source language: the
message ids are Indonesian, so it has no catalog. tests/ui/test_i18n_catalog.py fails until done.
"""

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from desa_budget import __version__
from desa_budget.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE, locale_dir

ROOT = Path(__file__).resolve().parent.parent
MAPPING = ROOT / "babel.cfg"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
TRANSLATED = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)
HEADER = (
    "# {language} translation of Jamsos Desa (core messages and window).\n"
    "# Fill each empty or fuzzy msgstr, then run: python scripts/update_translations.py"
)


def extract() -> Catalog:
    """The template: every marked string of desa_budget/ and ui/, with where it is used."""
    with MAPPING.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(MAPPING))
    template = Catalog(project="Jamsos Desa", version=__version__, charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_path(language: str) -> Path:
    return locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def updated(language: str, template: Catalog) -> Catalog:
    """The catalog of ``language`` holding exactly the template's strings, translations kept."""
    if po_path(language).exists():
        catalog = read_catalog(language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, charset="utf-8", fuzzy=False)
    catalog.update(template, update_creation_date=False)
    catalog.project, catalog.version = template.project, template.version
    catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = f"Jamsos Desa, {LANGUAGES[language]}"
    catalog.header_comment = HEADER.format(language=LANGUAGES[language])
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # Sorted by msgid and without line numbers: a moved line does not touch the file.
    write_po(out, catalog, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """The compiled catalog (fuzzy and empty translations left out: those show Indonesian)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """The msgids of ``catalog`` whose translation is missing, partial or fuzzy."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            missing.append(message.id[0] if isinstance(message.id, tuple) else message.id)
    return missing


def compile_qt() -> None:
    """Qt's own words (context menus, file and print dialogs) in Indonesian: the hand-written
    resources/locale/id/qt_id.ts compiled with PySide6's lrelease (ui/i18n.py loads the .qm)."""
    import shutil
    import subprocess

    source = locale_dir() / "id" / "qt_id.ts"
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        print("pyside6-lrelease tidak ditemukan: qt_id.qm tidak dikompilasi ulang.")
        return
    target = source.with_suffix(".qm")
    subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], check=True)
    print(f"Qt: {target}")


def main(argv: list[str] | None = None) -> int:
    compile_qt()
    template = extract()
    print(f"{len(template)} teks ditandai di desa_budget/ dan ui/.")
    for language in TRANSLATED:
        catalog = updated(language, template)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(catalog))
        path.with_suffix(".mo").write_bytes(mo_bytes(read_catalog(language)))
        todo = untranslated(catalog)
        print(f"{language}: {len(todo)} belum diterjemahkan (kosong atau fuzzy) di {path}")
        for msgid in todo[:20]:
            print(f"  - {msgid}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
