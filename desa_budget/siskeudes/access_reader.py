"""Tables of a Microsoft Access file (.mde/.mdb/.accdb) through access-parser, read from a copy.

Pure Python, so it works on Windows without Access or its ODBC driver. The original is copied to a
temporary folder first and only the copy is opened: Siskeudes' own file is never touched.
"""

import logging
import shutil
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.siskeudes.jet_pages import owned_pages
from desa_budget.siskeudes.tables import RawTable, Tables, Value

MAGICS = (b"Standard Jet DB", b"Standard ACE DB")


def is_access_file(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(20)
    return head[4:19] in MAGICS


def _not_readable(path: Path) -> UserError:
    return UserError(
        _("Berkas {nama} tidak dapat dibaca sebagai basis data Access; mungkin rusak.").format(
            nama=path.name
        )
    )


def _own_table(db: Any, name: str) -> RawTable:
    """One table with only the pages its usage map names (jet_pages explains why)."""
    from access_parser.access_parser import AccessTable, TableObj
    from access_parser.parsing_primitives import parse_data_page_header, parse_table_head

    size = db.page_size
    offset = db.catalog[name] * size
    definition = db._table_defs[offset]
    head = parse_table_head(definition, version=db.version)
    owned = owned_pages(db._all_pages, head.row_page_map, page_size=size, jet4=db.version > 3)
    table = TableObj(offset=offset, val=definition)
    table.linked_pages = [
        data
        for page_offset, data in sorted(db._data_pages.items())
        if (owned is None or page_offset // size in owned)
        and parse_data_page_header(data, version=db.version).owner * size == offset
    ]
    props = (db.extra_props or {}).get(name)
    access_table = AccessTable(table, db.version, size, db._data_pages, db._table_defs, props)
    columns = tuple(c.col_name_str for _i, c in sorted(access_table.columns.items()))
    parsed = access_table.parse()
    if not parsed or any(not isinstance(values, list) for values in parsed.values()):
        return RawTable(columns, ())  # access-parser's shapes for a table without rows
    names = tuple(parsed)
    rows = [dict(zip(names, values, strict=True)) for values in zip(*parsed.values(), strict=True)]
    return RawTable(columns, tuple(_plain(row) for row in rows))


def _plain(row: dict[str, Any]) -> dict[str, Value]:
    return {k: v if isinstance(v, str | int | float | bytes) or v is None else str(v)
            for k, v in row.items()}  # fmt: skip


def read_access(path: Path, wanted: Collection[str]) -> Tables:
    """The ``wanted`` tables the file has (others are ignored), read from a temporary copy."""
    from access_parser import AccessParser

    with tempfile.TemporaryDirectory(prefix="jamsos-siskeudes-") as folder:
        copy = Path(folder) / f"salinan{path.suffix.lower() or '.mdb'}"
        shutil.copyfile(path, copy)
        quiet = logging.getLogger("access_parser")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)  # it logs every table without rows as an error
        try:
            db = AccessParser(str(copy))
            return {name: _own_table(db, name) for name in wanted if name in db.catalog}
        except UserError:
            raise
        except (
            Exception
        ) as exc:  # a third-party parser on a damaged file: any failure is "unreadable"
            raise _not_readable(path) from exc
        finally:
            quiet.setLevel(level)
