"""Reading a roster workbook: file safety checks, the data rows, and parsers for single cells.

File-level problems (not xlsx, damaged, too big, wrong headers, formulas without values) raise one
UserError each; a cell that cannot be read raises CellError, which roster_import.py collects per row.
"""

import re
import warnings
import zipfile
from collections.abc import Generator, Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import defusedxml  # noqa: F401  # openpyxl parses with defusedxml when it is importable
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from desa_budget.errors import UserError
from desa_budget.roster.workbook.layout import HEADERS, SHEET_TITLE

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_ROWS = 5_000
MAX_COLUMNS = 40

_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?E[+-]?\d+$", re.IGNORECASE)
_DATE_TEXT = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class CellError(Exception):
    """One cell's value cannot be read; the message names what is wrong."""


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise UserError(f"Berkas tidak ditemukan: {path}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(
            f"Berkas {path.name} terlalu besar ({size // (1024 * 1024)} MB; paling besar 20 MB)."
        )
    not_xlsx = (
        f"Berkas {path.name} bukan berkas Excel .xlsx. Simpan sebagai 'Excel Workbook (.xlsx)'."
    )
    if not zipfile.is_zipfile(path):
        raise UserError(not_xlsx)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise UserError(not_xlsx)
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                raise UserError(f"Berkas {path.name} tidak wajar (isi terlalu besar saat dibuka).")
            if archive.testzip() is not None:
                raise UserError(
                    f"Berkas {path.name} rusak. Simpan ulang dari Excel lalu coba lagi."
                )
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UserError(
            f"Berkas {path.name} rusak. Simpan ulang dari Excel lalu coba lagi."
        ) from exc


@contextmanager
def _sheet(path: Path, *, data_only: bool) -> Iterator[ReadOnlyWorksheet]:
    try:
        with warnings.catch_warnings():
            # Excel files carry extensions openpyxl does not read; it warns, we only need the cells
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many types for a broken package
        raise UserError(
            f"Berkas {path.name} rusak atau bukan daftar peserta. Simpan ulang dari Excel lalu coba lagi."
        ) from exc
    try:
        names = workbook.sheetnames
        ws = workbook[SHEET_TITLE] if SHEET_TITLE in names else workbook.worksheets[0]
        if not isinstance(ws, ReadOnlyWorksheet):
            raise UserError(f"Lembar pertama berkas {path.name} bukan lembar data.")
        yield ws
    finally:
        workbook.close()


def _rows(ws: ReadOnlyWorksheet, name: str) -> Generator[tuple[int, tuple[Any, ...]], None, None]:
    """(row number, values) of non-empty rows, refusing absurd sizes as it goes."""
    data_rows = 0
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if len(values) > MAX_COLUMNS and any(v not in (None, "") for v in values[MAX_COLUMNS:]):
            raise UserError(f"Berkas {name} terlalu lebar (lebih dari {MAX_COLUMNS} kolom terisi).")
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if number > 1:
            data_rows += 1
        if data_rows > MAX_ROWS:
            raise UserError(
                f"Berkas {name} berisi lebih dari {MAX_ROWS:,} baris data.".replace(",", ".")
            )
        yield number, tuple(values)


def _formula_cells(path: Path) -> set[tuple[int, int]]:
    """(row, 0-based column) of every formula cell, from a pass that keeps formulas."""
    found: set[tuple[int, int]] = set()
    with _sheet(path, data_only=False) as ws:
        for number, row in enumerate(ws.iter_rows(), start=1):
            for index, cell in enumerate(row[:MAX_COLUMNS]):
                if getattr(cell, "data_type", None) == "f":
                    found.add((number, index))
            if number > MAX_ROWS * 4:
                break
    return found


def _check_headers(values: tuple[Any, ...]) -> None:
    wrong: list[str] = []
    for index, expected in enumerate(HEADERS):
        found = values[index] if index < len(values) else None
        text = " ".join(str(found).split()) if found is not None else ""
        if text.casefold() != expected.casefold():
            letter = get_column_letter(index + 1)
            wrote = f"tertulis {text!r}" if text else "kosong"
            wrong.append(f"Kolom {letter} ({index + 1}) harus berjudul '{expected}', {wrote}.")
    for index in range(len(HEADERS), len(values)):
        if values[index] not in (None, ""):
            letter = get_column_letter(index + 1)
            wrong.append(f"Kolom {letter} ({index + 1}) tidak dikenal: {values[index]!r}.")
    if wrong:
        raise UserError(
            "Judul kolom tidak sesuai templat. Baris pertama harus: " + " | ".join(HEADERS),
            details=wrong,
        )


def read_sheet(path: Path | str) -> list[tuple[int, tuple[Any, ...]]]:
    """The data rows of a roster workbook after the file, size, header and formula checks."""
    path = Path(path)
    _check_file(path)
    rows: list[tuple[int, tuple[Any, ...]]] = []
    # closing(): the rows generator holds the file open until closed, even after the workbook is
    with _sheet(path, data_only=True) as ws, closing(_rows(ws, path.name)) as iterator:
        first = next(iterator, None)
        if first is None or first[0] != 1:
            raise UserError(f"Berkas {path.name} kosong atau baris pertamanya bukan judul kolom.")
        _check_headers(first[1])
        rows = list(iterator)
    empty = {
        (n, i) for n, values in rows for i in range(len(HEADERS)) if cell_value(values, i) is None
    }
    if empty:
        lost = sorted(empty & _formula_cells(path))
        if lost:
            raise UserError(
                f"Berkas {path.name} berisi {len(lost)} rumus tanpa nilai tersimpan. "
                "Buka berkas di Excel atau LibreOffice, simpan ulang, lalu impor lagi.",
                details=[f"Baris {n}, kolom {HEADERS[i]}: rumus tanpa nilai." for n, i in lost],
            )
    for number, values in rows:
        for index in range(len(HEADERS), len(values)):
            if values[index] not in (None, ""):
                raise UserError(
                    f"Baris {number}, kolom {get_column_letter(index + 1)}: "
                    "ada isian di luar kolom daftar (kolom tanpa judul)."
                )
    return rows


def cell_value(values: tuple[Any, ...], index: int) -> Any:
    value = values[index] if index < len(values) else None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def parse_nik(value: Any) -> tuple[str, list[str]]:
    """NIK as text (Excel may have stored it as a number), and warnings."""
    if value is None:
        raise CellError("NIK wajib diisi.")
    if isinstance(value, bool):
        raise CellError("NIK harus 16 angka.")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError("NIK harus 16 angka tanpa desimal.")
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        if len(text) != 16:
            raise CellError(
                f"NIK harus 16 angka (tertulis {len(text)} angka: {text}). "
                "Format kolom NIK sebagai Teks lalu ketik ulang."
            )
        warnings = []
        if text.endswith("0"):
            warnings.append(
                "NIK tersimpan sebagai angka; Excel hanya menyimpan 15 digit, periksa digit terakhir."
            )
        return text, warnings
    text = "".join(str(value).lstrip("'").split())
    if _SCIENTIFIC.match(text):
        raise CellError(
            f"NIK rusak menjadi notasi ilmiah ({value}). Format kolom NIK sebagai Teks lalu ketik ulang NIK lengkap."
        )
    if not (text.isdigit() and len(text) == 16):
        raise CellError(f"NIK harus 16 angka (tertulis {value!r}).")
    return text, []


def parse_date(value: Any, *, required: bool = False) -> date | None:
    if value is None:
        if required:
            raise CellError("wajib diisi (tanggal HH-BB-TTTT).")
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE_TEXT.match(value)
        parts = (match.group(3), match.group(2), match.group(1)) if match else None
        iso = _ISO_DATE.match(value)
        if iso:
            parts = (iso.group(1), iso.group(2), iso.group(3))
        if parts:
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise CellError(f"tanggal tidak ada di kalender: {value}.") from None
    raise CellError(
        f"bukan tanggal: {value!r} (pakai sel tanggal atau teks HH-BB-TTTT, mis. 17-08-1985)."
    )


def parse_rupiah(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError("harus bilangan rupiah.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(f"harus rupiah tanpa desimal (tertulis {value}).")
    text = str(value).replace("Rp", "").replace("rp", "").replace(".", "").replace(" ", "")
    if text.endswith(",00"):
        text = text[:-3]
    if not text.isdigit():
        raise CellError(f"harus bilangan rupiah, mis. 2000000 (tertulis {value!r}).")
    return int(text)


def parse_choice(value: Any, choices: dict[str, str], default: str | None) -> str:
    """``choices`` maps the sheet's label to the stored key; matching ignores case and dots."""
    if value is None:
        if default is None:
            raise CellError("wajib diisi.")
        return default
    text = " ".join(str(value).replace(".", "").split()).casefold()
    for label, key in choices.items():
        if text in (label.casefold(), key.casefold()):
            return key
    allowed = ", ".join(dict.fromkeys(choices))
    raise CellError(f"nilai {value!r} tidak dikenal; pilih {allowed}.")
