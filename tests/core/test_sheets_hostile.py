"""The consolidation's reader (package checks, then calamine) refuses hostile workbooks before any
parser sees them, and reads a real export exactly as openpyxl did."""

import io
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sheets_helpers import village

from desa_budget.sheets import safe_xlsx
from desa_budget.sheets.consolidate import consolidate
from desa_budget.sheets.dpmd import export_dpmd
from desa_budget.sheets.dpmd_read import read_village

LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
REKAP_PART = "xl/worksheets/sheet2.xml"


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("asli") / "desa.xlsx"
    export_dpmd(path, village(7, 40))
    return path


def _rezip(
    source: Path,
    target: Path,
    change: Callable[[str, bytes], bytes] = lambda _name, data: data,
    add: dict[str, bytes] | None = None,
) -> Path:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(source) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    target.write_bytes(out.getvalue())
    return target


def _with_doctype(prolog: bytes, entity: bytes) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name != REKAP_PART:
            return data
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return prolog + body.replace(b">TOTAL<", b">" + entity + b"<", 1)

    return change


HOSTILE: dict[str, Callable[[Path, Path], Path]] = {
    "bom.xlsx": lambda src, out: _rezip(src, out, add={"xl/media/bom.bin": b"\0" * 40_000_000}),
    "anggota.xlsx": lambda src, out: _rezip(
        src, out, add={f"x/{i}.xml": b"<a/>" for i in range(2_100)}
    ),
    "tawa.xlsx": lambda src, out: _rezip(src, out, _with_doctype(LAUGHS, b"&lol9;")),
    "xxe.xlsx": lambda src, out: _rezip(src, out, _with_doctype(XXE, b"&x;")),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_packages_are_refused_before_calamine_sees_them(
    export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = HOSTILE[name](export, tmp_path / name)
    opened: list[object] = []
    real = safe_xlsx.CalamineWorkbook

    class Watched:
        @staticmethod
        def from_filelike(data: object) -> object:
            opened.append(data)
            return real.from_filelike(data)

    monkeypatch.setattr(safe_xlsx, "CalamineWorkbook", Watched)
    result = consolidate([export, path])
    left = [f for f in result.files if not f.used]
    assert [f.path.name for f in left] == [name]
    assert left[0].reason == "berkas tidak wajar (isi terlalu besar atau berisi DTD), tidak dibuka"
    assert len(opened) == 1  # only the good export reached the parser
    assert result.total == read_village(export).total


def test_a_file_over_the_size_limit_is_not_even_read(
    export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desa_budget.sheets.dpmd_read.LIMITS", safe_xlsx.Limits(file_bytes=1000))
    result = consolidate([export])
    assert result.files[0].reason == "berkas terlalu besar (paling besar 0 MB)"


def test_a_damaged_part_is_found_by_its_checksum(export: Path, tmp_path: Path) -> None:
    data = bytearray(export.read_bytes())
    with zipfile.ZipFile(export) as archive:
        info = archive.getinfo(REKAP_PART)
    # a byte in the middle of the Rekap's compressed data: the zip still opens, the part is wrong
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(bytes(data))
    result = consolidate([broken])
    assert result.files[0].reason.startswith("berkas rusak, tidak dapat dibuka (")


def test_values_come_back_as_openpyxl_gave_them(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["teks", 2026, 2.5, None, "", True, datetime(2026, 3, 1), "0012", 10**15 + 1])
    ws.cell(1, 7).number_format = "DD-MM-YYYY"
    wb.save(tmp_path / "nilai.xlsx")
    with safe_xlsx.open_sheets(tmp_path / "nilai.xlsx") as sheets:
        (row,) = sheets.rows("Data")
    theirs = next(load_workbook(tmp_path / "nilai.xlsx").active.iter_rows(values_only=True))
    assert row[:6] == ("teks", 2026, 2.5, None, None, True) == (*theirs[:4], None, theirs[5])
    assert type(row[1]) is int and row[7] == "0012" and row[8] == 10**15 + 1
    assert row[6] in (date(2026, 3, 1), datetime(2026, 3, 1))


def test_prolog_without_dtd_is_fine_and_with_one_is_not() -> None:
    assert not safe_xlsx._prolog_has_dtd(b'<?xml version="1.0"?>\n<!-- c --><worksheet/>')
    assert not safe_xlsx._prolog_has_dtd('<?xml version="1.0"?><a/>'.encode("utf-16"))
    assert safe_xlsx._prolog_has_dtd(b'<?xml version="1.0"?><!-- c --><!DOCTYPE a><a/>')
    assert safe_xlsx._prolog_has_dtd('<?xml version="1.0"?><!DOCTYPE a><a/>'.encode("utf-16"))
    assert safe_xlsx._prolog_has_dtd(b"<?xml " + b" " * 70_000)  # a prolog that never ends
