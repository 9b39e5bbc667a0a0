"""Catalog tooling: find every ``_("...")`` in ui/, read and write .po files, compile .mo files.

``python -m ui.i18n_catalog`` adds new strings to both catalogs (Indonesian filled in, English left
empty to translate) and recompiles the .mo files; the tests fail when a catalog misses a string.
"""

import ast
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

from ui.i18n import DOMAIN, LANGUAGES, locale_dir

UI_DIR = Path(__file__).resolve().parent
MARKERS = frozenset({"_", "N_"})


def scan_file(path: Path) -> list[str]:
    """The literal first arguments of ``_()`` / ``N_()`` calls in one file (and ngettext's two)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id in MARKERS:
            count = 1
        elif node.func.id == "ngettext":
            count = 2
        else:
            continue
        for arg in node.args[:count]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(arg.value)
    return found


def scan_ui(folder: Path = UI_DIR) -> list[str]:
    """Every marked string under ``folder``, first occurrence order, without duplicates."""
    seen: dict[str, None] = {}
    for path in sorted(folder.rglob("*.py")):
        for message in scan_file(path):
            seen.setdefault(message, None)
    return list(seen)


def po_path(language: str) -> Path:
    return locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _unquote(text: str) -> str:
    return str(ast.literal_eval(text))


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a simple .po file (no plurals or contexts; the header has msgid "")."""
    entries: dict[str, str] = {}
    msgid: list[str] = []
    msgstr: list[str] = []
    target: list[str] | None = None

    def flush() -> None:
        if target is not None:
            entries["".join(msgid)] = "".join(msgstr)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [_unquote(line[6:])], []
            target = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            target = msgstr
        elif line.startswith('"') and target is not None:
            target.append(_unquote(line))
    flush()
    return entries


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


HEADER = (
    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\nLanguage: {lang}\n"
)


def write_po(path: Path, language: str, entries: dict[str, str]) -> None:
    lines = [
        f"# Jamsos Desa interface, {LANGUAGES[language]}. Edit msgstr, then run",
        "# python -m ui.i18n_catalog",
        'msgid ""',
        f"msgstr {_quote(HEADER.format(lang=language))}",
        "",
    ]
    for msgid, msgstr in entries.items():
        if msgid:
            lines += [f"msgid {_quote(msgid)}", f"msgstr {_quote(msgstr)}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def compile_mo(entries: dict[str, str]) -> bytes:
    """GNU .mo bytes, as msgfmt writes them (untranslated entries are left out)."""
    pairs = sorted((k, v) for k, v in entries.items() if v or not k)
    ids = [k.encode("utf-8") for k, _ in pairs]
    strs = [v.encode("utf-8") for _, v in pairs]
    count = len(pairs)
    key_start = 7 * 4 + 16 * count
    id_table: list[int] = []
    offset = key_start
    for data in ids:
        id_table += [len(data), offset]
        offset += len(data) + 1
    str_table: list[int] = []
    for data in strs:
        str_table += [len(data), offset]
        offset += len(data) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    body = b"".join(d + b"\0" for d in ids) + b"".join(d + b"\0" for d in strs)
    tables = struct.pack(f"{len(id_table)}i", *id_table) + struct.pack(
        f"{len(str_table)}i", *str_table
    )
    return header + tables + body


def catalog_entries(language: str) -> dict[str, str]:
    entries = read_po(po_path(language))
    entries[""] = HEADER.format(lang=language)
    return entries


def update(messages: Iterable[str]) -> None:
    """Bring every catalog to exactly ``messages`` (new ones: Indonesian = the id itself, English
    empty to translate; strings no longer used are dropped) and recompile the .mo files."""
    wanted = list(messages)
    for language in LANGUAGES:
        path = po_path(language)
        old = read_po(path) if path.exists() else {}
        fallback = {"id": None, "en": ""}[language]
        entries = {m: old.get(m) or (m if fallback is None else fallback) for m in wanted}
        write_po(path, language, entries)
        path.with_suffix(".mo").write_bytes(compile_mo(catalog_entries(language)))


def main(argv: list[str] | None = None) -> int:
    messages = scan_ui()
    update(messages)
    missing = [m for m, v in read_po(po_path("en")).items() if m and not v]
    print(f"{len(messages)} teks; {len(missing)} belum diterjemahkan ke bahasa Inggris.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
