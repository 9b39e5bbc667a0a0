"""Reading a roster workbook: file safety checks, the data rows, and parsers for single cells.

File-level problems (not xlsx, damaged, too big) raise one UserError each; wrong headers, formulas
without values and text outside the columns raise ImportRefused listing every cell as a record; a
cell that cannot be read raises CellError, which parse.py collects per row.
"""

import re
import warnings
import zipfile
from collections.abc import Generator, Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import defusedxml  # noqa: F401  # openpyxl parses with defusedxml when it is importable
import defusedxml.ElementTree as DefusedET
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from desa_budget.errors import UserError
from desa_budget.i18n import _, ngettext
from desa_budget.roster.workbook.layout import (
    ALL_HEADERS,
    HEADERS,
    OPTIONAL_HEADERS,
    SHEET_TITLE,
)
from desa_budget.roster.workbook.problems import ImportProblem, ImportRefused, cell_text

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_ROWS = 5_000
MAX_COLUMNS = 40
# What a roster sheet can hold bounds the work before openpyxl reads anything: a 490 KB file of
# shared strings took minutes and gigabytes. A real 5.000-row roster is a few MB of XML.
MAX_PART_BYTES = 32 * 1024 * 1024  # any one part, unpacked
MAX_STRINGS = (MAX_ROWS + 1) * MAX_COLUMNS  # one shared string per cell at most
MAX_STRING_CHARACTERS = 8 * 1024 * 1024  # all shared strings together
MAX_STRING_ELEMENTS = MAX_STRINGS * 8  # rich-text runs and their parts
MAX_SCANNED_ROWS = 100_000  # rows read, empty (formatted) ones included
_SHARED_STRINGS_TYPE = "sharedStrings+xml"

_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?E[+-]?\d+$", re.IGNORECASE)
_DATE_TEXT = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class CellError(Exception):
    """One cell's value cannot be read; the message names what is wrong."""


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise UserError(_("Berkas tidak ditemukan: {path}").format(path=path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(
            _("Berkas {file} terlalu besar ({size} MB; paling besar 20 MB).").format(
                file=path.name, size=size // (1024 * 1024)
            )
        )
    not_xlsx = _(
        "Berkas {file} bukan berkas Excel .xlsx. Simpan sebagai 'Excel Workbook (.xlsx)'."
    ).format(file=path.name)
    if not zipfile.is_zipfile(path):
        raise UserError(not_xlsx)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise UserError(not_xlsx)
            if (
                len(members) > MAX_MEMBERS
                or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES
                or any(m.file_size > MAX_PART_BYTES for m in members)
            ):
                raise _unusual(path)
            if archive.testzip() is not None:
                raise UserError(
                    _("Berkas {file} rusak. Simpan ulang dari Excel lalu coba lagi.").format(
                        file=path.name
                    )
                )
            _check_shared_strings(archive, path)
    except (zipfile.BadZipFile, OSError, EOFError, ElementTree.ParseError, ValueError) as exc:
        raise UserError(
            _("Berkas {file} rusak. Simpan ulang dari Excel lalu coba lagi.").format(file=path.name)
        ) from exc


def _unusual(path: Path) -> UserError:
    return UserError(
        _("Berkas {file} tidak wajar (isi terlalu besar saat dibuka).").format(file=path.name)
    )


def _shared_strings_part(archive: zipfile.ZipFile) -> str | None:
    types = DefusedET.fromstring(archive.read("[Content_Types].xml"))
    for override in types:
        if override.get("ContentType", "").endswith(_SHARED_STRINGS_TYPE):
            return override.get("PartName", "").lstrip("/") or None
    return None


def _check_shared_strings(archive: zipfile.ZipFile, path: Path) -> None:
    """Count the shared strings as a stream, before openpyxl holds them all in memory: more
    strings, text or parts than a roster sheet can hold is refused at once."""
    part = _shared_strings_part(archive)
    if part is None or part not in archive.namelist():
        return
    strings = characters = elements = 0
    with archive.open(part) as stream:
        for _event, element in DefusedET.iterparse(stream, events=("end",)):
            elements += 1
            tag = element.tag.rpartition("}")[2]
            if tag == "t":
                characters += len(element.text or "")
            elif tag == "si":
                strings += 1
                element.clear()
            if (
                strings > MAX_STRINGS
                or characters > MAX_STRING_CHARACTERS
                or elements > MAX_STRING_ELEMENTS
            ):
                raise _unusual(path)


@contextmanager
def _sheet(path: Path, *, data_only: bool) -> Iterator[ReadOnlyWorksheet]:
    try:
        with warnings.catch_warnings():
            # Excel files carry extensions openpyxl does not read; it warns, we only need the cells
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many types for a broken package
        raise _damaged(path) from exc
    try:
        names = workbook.sheetnames
        if not workbook.worksheets:
            raise _damaged(path)
        ws = workbook[SHEET_TITLE] if SHEET_TITLE in names else workbook.worksheets[0]
        if not isinstance(ws, ReadOnlyWorksheet):
            raise UserError(
                _("Lembar pertama berkas {file} bukan lembar data.").format(file=path.name)
            )
        yield ws
    finally:
        workbook.close()


def _damaged(path: Path) -> UserError:
    return UserError(
        _(
            "Berkas {file} rusak atau bukan daftar peserta. Simpan ulang dari Excel lalu coba lagi."
        ).format(file=path.name)
    )


def _parsed(rows: Iterator[Any], path: Path) -> Generator[Any, None, None]:
    """openpyxl's rows as it parses them: a sheet broken inside (truncated XML, a bad cell) is
    only found while reading, and is a damaged file, not a crash."""
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # openpyxl and its XML parser raise many types
            raise _damaged(path) from exc
        yield row


def _rows(ws: ReadOnlyWorksheet, path: Path) -> Generator[tuple[int, tuple[Any, ...]], None, None]:
    """(row number, values) of non-empty rows, refusing absurd sizes as it goes."""
    name = path.name
    data_rows = 0
    for number, values in enumerate(_parsed(ws.iter_rows(values_only=True), path), start=1):
        if number > MAX_SCANNED_ROWS:
            raise UserError(
                _(
                    "Berkas {file} berisi lebih dari {n} baris (baris kosong yang berformat "
                    "ikut terhitung). Salin baris data ke berkas baru lalu impor lagi."
                ).format(file=name, n=f"{MAX_SCANNED_ROWS:,}".replace(",", "."))
            )
        if len(values) > MAX_COLUMNS and any(v not in (None, "") for v in values[MAX_COLUMNS:]):
            raise UserError(
                _("Berkas {file} terlalu lebar (lebih dari {n} kolom terisi).").format(
                    file=name, n=MAX_COLUMNS
                )
            )
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if number > 1:
            data_rows += 1
        if data_rows > MAX_ROWS:
            raise UserError(
                _("Berkas {file} berisi lebih dari {n} baris data.").format(
                    file=name, n=f"{MAX_ROWS:,}".replace(",", ".")
                )
            )
        yield number, tuple(values)


def _formula_cells(path: Path) -> set[tuple[int, int]]:
    """(row, 0-based column) of every formula cell, from a pass that keeps formulas."""
    found: set[tuple[int, int]] = set()
    with _sheet(path, data_only=False) as ws:
        for number, row in enumerate(_parsed(ws.iter_rows(), path), start=1):
            for index, cell in enumerate(row[:MAX_COLUMNS]):
                if getattr(cell, "data_type", None) == "f":
                    found.add((number, index))
            if number > MAX_ROWS * 4:
                break
    return found


def _personal_count(values: tuple[Any, ...]) -> int:
    """How many of the optional columns (personal data, then siltap + tunjangan) follow the
    required ones, in order."""
    count = 0
    for offset, expected in enumerate(OPTIONAL_HEADERS):
        index = len(HEADERS) + offset
        found = values[index] if index < len(values) else None
        if " ".join(str(found or "").split()).casefold() != expected.casefold():
            break
        count += 1
    return count


def _check_headers(values: tuple[Any, ...]) -> int:
    """Refuse wrong headers; the number of columns the sheet has (required + personal)."""
    wrong: list[ImportProblem] = []
    for index, expected in enumerate(HEADERS):
        found = values[index] if index < len(values) else None
        text = " ".join(str(found).split()) if found is not None else ""
        if text.casefold() != expected.casefold():
            wrote = _("tertulis {text}").format(text=repr(text)) if text else _("kosong")
            message = _("harus berjudul '{expected}', {wrote}.").format(
                expected=expected, wrote=wrote
            )
            wrong.append(ImportProblem(None, _letter(index), text, message))
    width = len(HEADERS) + _personal_count(values)
    for index in range(width, len(values)):
        if values[index] not in (None, ""):
            message = _("tidak dikenal: {value}.").format(value=repr(values[index]))
            wrong.append(ImportProblem(None, _letter(index), cell_text(values[index]), message))
    if wrong:
        raise ImportRefused(
            _("Judul kolom tidak sesuai templat. Baris pertama harus: {headers}").format(
                headers=" | ".join(HEADERS)
            ),
            wrong,
        )
    return width


def _letter(index: int) -> str:
    """A column without its header named by letter and number: "D (4)"."""
    return f"{get_column_letter(index + 1)} ({index + 1})"


def read_sheet_columns(
    path: Path | str,
) -> tuple[tuple[str, ...], list[tuple[int, tuple[Any, ...]]]]:
    """The headers the sheet has (the required ones, then the optional personal ones it carries)
    and its data rows, after the file, size, header and formula checks."""
    path = Path(path)
    _check_file(path)
    rows: list[tuple[int, tuple[Any, ...]]] = []
    # closing(): the rows generator holds the file open until closed, even after the workbook is
    with _sheet(path, data_only=True) as ws, closing(_rows(ws, path)) as iterator:
        first = next(iterator, None)
        if first is None or first[0] != 1:
            raise UserError(
                _("Berkas {file} kosong atau baris pertamanya bukan judul kolom.").format(
                    file=path.name
                )
            )
        width = _check_headers(first[1])
        rows = list(iterator)
    empty = {
        (n, i) for n, values in rows for i in range(len(HEADERS)) if cell_value(values, i) is None
    }
    if empty:
        lost = sorted(empty & _formula_cells(path))
        if lost:
            raise ImportRefused(
                ngettext(
                    "Berkas {file} berisi {n} rumus tanpa nilai tersimpan. "
                    "Buka berkas di Excel atau LibreOffice, simpan ulang, lalu impor lagi.",
                    "Berkas {file} berisi {n} rumus tanpa nilai tersimpan. "
                    "Buka berkas di Excel atau LibreOffice, simpan ulang, lalu impor lagi.",
                    len(lost),
                ).format(file=path.name, n=len(lost)),
                [ImportProblem(n, HEADERS[i], "", _("rumus tanpa nilai.")) for n, i in lost],
            )
    outside = [
        ImportProblem(
            number,
            get_column_letter(index + 1),
            cell_text(values[index]),
            _("ada isian di luar kolom daftar (kolom tanpa judul)."),
        )
        for number, values in rows
        for index in range(width, len(values))
        if values[index] not in (None, "")
    ]
    if outside:
        raise ImportRefused(
            _(
                "Berkas {file} berisi isian di kolom tanpa judul. Hapus isian itu lalu impor lagi."
            ).format(file=path.name),
            outside,
        )
    return ALL_HEADERS[:width], rows


def cell_value(values: tuple[Any, ...], index: int) -> Any:
    value = values[index] if index < len(values) else None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def parse_nik(value: Any) -> tuple[str, list[str]]:
    """NIK as text (Excel may have stored it as a number), and warnings."""
    if value is None:
        raise CellError(_("NIK wajib diisi."))
    if isinstance(value, bool):
        raise CellError(_("NIK harus 16 angka."))
    if isinstance(value, float):
        # Excel keeps 15 significant digits of a number: a 16-digit NIK typed as one has already
        # lost its last digit, and whatever it now ends with is a guess. Never store a guess.
        raise CellError(
            _(
                "NIK tersimpan sebagai bilangan pecahan ({value}); Excel hanya menyimpan 15 "
                "digit, jadi digit terakhir sudah hilang. Format kolom NIK sebagai Teks lalu "
                "ketik ulang NIK lengkap."
            ).format(value=f"{value:.15G}")
        )
    if isinstance(value, int):
        text = str(value)
        if len(text) != 16:
            raise CellError(
                _(
                    "NIK harus 16 angka (tertulis {n} angka: {text}). "
                    "Format kolom NIK sebagai Teks lalu ketik ulang."
                ).format(n=len(text), text=text)
            )
        warnings = []
        if text.endswith("0"):
            warnings.append(
                _(
                    "NIK tersimpan sebagai angka; Excel hanya menyimpan 15 digit, "
                    "periksa digit terakhir."
                )
            )
        return text, warnings
    text = "".join(str(value).lstrip("'").split())
    if _SCIENTIFIC.match(text):
        raise CellError(
            _(
                "NIK rusak menjadi notasi ilmiah ({value}). "
                "Format kolom NIK sebagai Teks lalu ketik ulang NIK lengkap."
            ).format(value=value)
        )
    if not (text.isdigit() and len(text) == 16):
        raise CellError(_("NIK harus 16 angka (tertulis {value}).").format(value=repr(value)))
    return text, []


def parse_date(value: Any, *, required: bool = False) -> date | None:
    if value is None:
        if required:
            raise CellError(_("wajib diisi (tanggal HH-BB-TTTT)."))
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
                raise CellError(
                    _("tanggal tidak ada di kalender: {value}.").format(value=value)
                ) from None
    raise CellError(
        _(
            "bukan tanggal: {value} (pakai sel tanggal atau teks HH-BB-TTTT, mis. 17-08-1985)."
        ).format(value=repr(value))
    )


def parse_rupiah(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(_("harus bilangan rupiah."))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(_("harus rupiah tanpa desimal (tertulis {value}).").format(value=value))
    text = str(value).replace("Rp", "").replace("rp", "").replace(".", "").replace(" ", "")
    if text.endswith(",00"):
        text = text[:-3]
    if not text.isdigit():
        raise CellError(
            _("harus bilangan rupiah, mis. 2000000 (tertulis {value}).").format(value=repr(value))
        )
    return int(text)


def parse_choice(value: Any, choices: dict[str, str], default: str | None) -> str:
    """``choices`` maps the sheet's label to the stored key; matching ignores case and dots."""
    if value is None:
        if default is None:
            raise CellError(_("wajib diisi."))
        return default
    text = " ".join(str(value).replace(".", "").split()).casefold()
    for label, key in choices.items():
        if text in (label.casefold(), key.casefold()):
            return key
    allowed = ", ".join(dict.fromkeys(choices))
    raise CellError(
        _("nilai {value} tidak dikenal; pilih {allowed}.").format(
            value=repr(value), allowed=allowed
        )
    )
