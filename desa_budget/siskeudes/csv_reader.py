"""Tables from a zip or folder of CSV files as ``mdb-export`` writes them: one file per table, a header row."""

import csv
import io
import zipfile
from collections.abc import Collection, Iterable
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.siskeudes.tables import RawTable, Tables, Value


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):  # Siskeudes runs on Windows: its exports may be cp1252
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _table(text: str) -> RawTable:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return RawTable((), ())
    columns = tuple(h.strip() for h in header)
    rows: list[dict[str, Value]] = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        rows.append({c: (record[i] if i < len(record) else None) for i, c in enumerate(columns)})
    return RawTable(columns, tuple(rows))


def _collect(files: Iterable[tuple[str, bytes]], wanted: Collection[str]) -> Tables:
    by_name = {w.casefold(): w for w in wanted}
    tables: dict[str, RawTable] = {}
    for name, data in files:
        stem = Path(name).stem
        table = by_name.get(stem.casefold())
        if table is not None:
            tables[table] = _table(_decode(data))
    return tables


def read_csv_zip(path: Path, wanted: Collection[str]) -> Tables:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            return _collect(((n, archive.read(n)) for n in names), wanted)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(
            _("Berkas zip {nama} tidak dapat dibaca; mungkin rusak.").format(nama=path.name)
        ) from exc


def read_csv_folder(path: Path, wanted: Collection[str]) -> Tables:
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    return _collect(((p.name, p.read_bytes()) for p in files), wanted)
