"""A workbook someone sent, read safely: the package checked in memory, then parsed by calamine.

The checks come first and bound all later work: the file's size, the number of zip members, the
unpacked size of each and all (each part is inflated once here, so a part larger than its header
says, or with a bad checksum, is refused), and no XML part may carry a DTD (no entity can be
declared, so none can expand or reach outside the file). Only then does python-calamine (Rust)
read the very bytes that were checked; it is many times faster than openpyxl for reading.
"""

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from python_calamine import CalamineWorkbook

Problem = Literal["missing", "too_big", "not_xlsx", "unusual", "damaged"]
_CHUNK = 64 * 1024
_EXACT_FLOAT = 2**53  # above this a float no longer holds every whole number


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 20 * 1024 * 1024
    members: int = 2_000
    unpacked_bytes: int = 200 * 1024 * 1024
    part_bytes: int = 32 * 1024 * 1024


class UnsafeWorkbook(Exception):
    """The file is not read; ``problem`` says why, for the caller's own sentence."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else problem)
        self.problem: Problem = problem
        self.detail = detail


def _prolog_has_dtd(head: bytes) -> bool:
    """Whether an XML part declares a DTD (<!DOCTYPE ...>) before its first element. Read from
    the part's beginning; a prolog that does not end within ``head`` counts as one."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\0", b"\0<"):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff \t\r\n")
    while text.startswith(("<?", "<!--")):
        end = text.find("?>", 2) + 2 if text.startswith("<?") else text.find("-->", 4) + 3
        if end < 3:
            return True  # a prolog longer than anything a spreadsheet writes
        text = text[end:].lstrip(" \t\r\n")
    return not text or text.startswith("<!")


def _check_members(archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnsafeWorkbook("not_xlsx", "no [Content_Types].xml or xl/workbook.xml")
    if (
        len(members) > limits.members
        or sum(m.file_size for m in members) > limits.unpacked_bytes
        or any(m.file_size > limits.part_bytes for m in members)
    ):
        raise UnsafeWorkbook("unusual", "too many or too large parts")
    for member in members:
        xml = member.filename.endswith((".xml", ".rels", ".vml"))
        with archive.open(member) as stream:  # zipfile stops at the size the header declares
            head = stream.read(_CHUNK)
            if xml and head.strip() and _prolog_has_dtd(head):
                raise UnsafeWorkbook("unusual", f"DTD in {member.filename}")
            while stream.read(_CHUNK):  # to the end: the checksum is checked there
                pass


def checked_bytes(path: Path, limits: Limits = Limits()) -> bytes:
    """The file's bytes after every check above; UnsafeWorkbook otherwise."""
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise UnsafeWorkbook("too_big", f"{size} bytes")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnsafeWorkbook("missing") from exc
    if len(data) > limits.file_bytes:
        raise UnsafeWorkbook("too_big", f"{len(data)} bytes")
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise UnsafeWorkbook("not_xlsx", "not a zip package")
    try:
        with zipfile.ZipFile(buffer) as archive:
            _check_members(archive, limits)
    except UnsafeWorkbook:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError) as exc:
        raise UnsafeWorkbook("damaged", str(exc)) from exc
    except (ValueError, NotImplementedError, RuntimeError) as exc:  # compression, encryption
        raise UnsafeWorkbook("damaged", str(exc)) from exc
    return data


def cell(value: Any) -> Any:
    """A calamine value as openpyxl gave it: an empty cell None, a whole number an int."""
    if value == "":
        return None
    if type(value) is float and value.is_integer() and abs(value) < _EXACT_FLOAT:
        return int(value)
    return value


class Sheets:
    """The checked workbook's sheets by name, each read whole into rows of openpyxl-like values
    (from A1: leading empty rows and columns are kept, so positions are the sheet's own)."""

    def __init__(self, workbook: CalamineWorkbook) -> None:
        self._workbook = workbook
        self.names: tuple[str, ...] = tuple(workbook.sheet_names)

    def rows(self, name: str, *, limit: int | None = None) -> list[tuple[Any, ...]]:
        try:
            sheet = self._workbook.get_sheet_by_name(name)
            raw = sheet.to_python(skip_empty_area=False, nrows=limit)
        except Exception as exc:  # calamine raises its own kinds for a broken part
            raise UnsafeWorkbook("damaged", f"sheet {name}: {exc}") from exc
        return [tuple(cell(v) for v in row) for row in raw]


@contextmanager
def open_sheets(path: Path, limits: Limits = Limits()) -> Iterator[Sheets]:
    """The workbook at ``path``, checked, then opened by calamine from the checked bytes (the
    file itself is closed before any parsing starts)."""
    data = checked_bytes(path, limits)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own kinds for a broken package
        raise UnsafeWorkbook("damaged", str(exc)) from exc
    try:
        yield Sheets(workbook)
    finally:
        workbook.close()
