"""Open whatever the user chose (an Access file, a zip or a folder of CSV) as Siskeudes data."""

import zipfile
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.siskeudes.access_reader import is_access_file, read_access
from desa_budget.siskeudes.csv_reader import read_csv_folder, read_csv_zip
from desa_budget.siskeudes.data import SiskeudesData
from desa_budget.siskeudes.mapping import load_mapping, map_tables
from desa_budget.siskeudes.tables import Tables


def read_tables(path: Path) -> Tables:
    """The mapped tables the source holds; a source of another kind is a UserError."""
    wanted = load_mapping().table_names()
    if not path.exists():
        raise UserError(_("Berkas {nama} tidak ditemukan.").format(nama=path))
    try:
        if path.is_dir():
            return read_csv_folder(path, wanted)
        if is_access_file(path):
            return read_access(path, wanted)
        if zipfile.is_zipfile(path):
            return read_csv_zip(path, wanted)
    except OSError as exc:
        raise UserError(_("Berkas {nama} tidak dapat dibuka.").format(nama=path.name)) from exc
    raise _not_siskeudes(path)


def _not_siskeudes(path: Path) -> UserError:
    return UserError(
        _(
            "{nama} bukan basis data Siskeudes: pilih berkas DataAPBDES (.mde, .mdb, .accdb) "
            "atau zip/folder CSV hasil mdb-export."
        ).format(nama=path.name)
    )


def read_siskeudes(path: Path | str) -> SiskeudesData:
    """Read a Siskeudes database (never writing to it) and map its tables."""
    path = Path(path)
    tables = read_tables(path)
    mapping = load_mapping()
    known = {name for name, _cols in mapping.tables.values()}
    if mapping.version_table not in tables and not known & set(tables):
        raise _not_siskeudes(path)
    return map_tables(tables, source=path.name)
