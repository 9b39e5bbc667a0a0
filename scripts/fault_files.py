"""The bad workbooks of the fault campaign (scripts/faults.py): each must be refused by
``roster import`` with one Indonesian sentence (and its list of rows), exit status 2, quickly,
and change nothing. Each maker writes its file into a folder and returns the path."""

import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from desa_budget.roster.workbook.layout import HEADERS

Maker = Callable[[Path], Path]
GOOD_NIK = "3302121708750001"  # born 17-08-1975, L
GOOD_ROW = [
    GOOD_NIK, "Sugeng", "L", "17-08-1975", "RT/RW", "Ketua RT 01", None, None, None, None, None,
    "PU", 2_000_000, "JKK, JKM", None, None, "Terdaftar", None,
]  # fmt: skip
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_OPEN = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _workbook(rows: list[list[object]], headers: list[object] | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADERS) if headers is None else headers)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _rezip(
    data: bytes, change: Callable[[str, bytes], bytes | None], add: dict[str, bytes] | None = None
) -> bytes:
    """The package with each member passed through ``change`` (None drops it) and ``add`` added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            content = change(info.filename, src.read(info))
            if content is not None:
                dst.writestr(info.filename, content)
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def _in_sheet(replace: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, content: replace(content) if name == "xl/worksheets/sheet1.xml" else content


def _with_shared_strings(body: bytes) -> bytes:
    def change(name: str, content: bytes) -> bytes:
        if name == "[Content_Types].xml":
            override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/>'
            return content.replace(b"</Types>", override.encode() + b"</Types>")
        if name == "xl/_rels/workbook.xml.rels":
            rel = f'<Relationship Type="{SST_REL}" Target="sharedStrings.xml" Id="rId9"/>'
            return content.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
        return content

    return _rezip(
        _workbook([GOOD_ROW]), change, {"xl/sharedStrings.xml": SST_OPEN + body + b"</sst>"}
    )


def _write(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _lazy(name: str, build: Callable[[], bytes]) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(build())
        return path

    return make


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    good = zipfile.ZipFile(io.BytesIO(_workbook([GOOD_ROW])))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in good.infolist():
            dst.writestr(info.filename, good.read(info))
        dst.writestr("xl/media/bom.bin", b"\0" * (300 * 1024 * 1024))
    return out.getvalue()


def _many_members() -> bytes:
    return _rezip(
        _workbook([GOOD_ROW]), lambda n, c: c, {f"x/{i}.xml": b"<a/>" for i in range(3000)}
    )


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def _doctype_sheet(prolog: bytes, entity: bytes) -> bytes:
    def replace(content: bytes) -> bytes:
        body = re.sub(rb"^<\?xml[^>]*\?>", b"", content)
        body = body.replace(b"<t>Sugeng</t>", b"<t>" + entity + b"</t>", 1)
        return prolog + body

    return _rezip(_workbook([GOOD_ROW]), _in_sheet(replace))


def _rows(count: int, valid: bool = False) -> bytes:
    rows = []
    for n in range(count):
        row = list(GOOD_ROW)
        row[0] = f"3302121708{75:02d}{n % 10000:04d}" if valid else "x"
        rows.append(row)
    return _workbook(rows)


def _empty_rows(count: int) -> bytes:
    def replace(content: bytes) -> bytes:
        extra = b"".join(b'<row r="%d"><c r="A%d" s="0"/></row>' % (n, n) for n in range(3, count))
        content = content.replace(b"</sheetData>", extra + b"</sheetData>")
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:R%d"' % count, content)

    return _rezip(_workbook([GOOD_ROW]), _in_sheet(replace))


def _excel_float_nik() -> bytes:
    row = list(GOOD_ROW)
    row[0] = int(GOOD_NIK)

    def replace(content: bytes) -> bytes:
        return content.replace(f"<v>{GOOD_NIK}</v>".encode(), b"<v>3.30212170875E+15</v>")

    return _rezip(_workbook([row]), _in_sheet(replace))


def _semantic() -> bytes:
    row = list(GOOD_ROW)
    row[3] = "01-01-2030"  # born in the future, not as the NIK says
    row[9] = "01-01-2020"  # in post before birth
    row[11], row[13] = "BPU", "JKK, JKM, JP"  # BPU with JP
    return _workbook([row])


def _huge_date_serial() -> bytes:
    def replace(content: bytes) -> bytes:
        return content.replace(b'<c r="D2" t="inlineStr"><is><t>17-08-1975</t></is></c>',
                               b'<c r="D2" s="1"><v>99999999999</v></c>')  # fmt: skip

    return _rezip(_workbook([GOOD_ROW]), _in_sheet(replace))


def _truncated_xml() -> bytes:
    return _rezip(_workbook([GOOD_ROW]), _in_sheet(lambda c: c[: len(c) // 2]))


def _random_bytes(size: int) -> bytes:
    return random.Random(size).randbytes(size)


OLE_HEADER = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)

BAD_FILES: dict[str, Maker] = {
    "kosong (0 byte)": _write("kosong.xlsx", b""),
    "teks bernama .xlsx": _write("teks.xlsx", b"NIK;Nama\n3302;Budi\n"),
    "CSV bernama .xlsx": _write("csv.xlsx", b"NIK,Nama\n" + GOOD_NIK.encode() + b",Budi\n"),
    "PDF bernama .xlsx": _write("pdf.xlsx", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"),
    "Excel 97 (.xls, OLE)": _write("lama.xlsx", OLE_HEADER),
    "terenkripsi (OLE)": _write("sandi.xlsx", OLE_HEADER + b"EncryptedPackage"),
    "acak 64 KB": _lazy("acak.xlsx", lambda: _random_bytes(65_536)),
    "zip terpotong": _lazy("potong.xlsx", lambda: _workbook([GOOD_ROW])[:900]),
    "zip tanpa workbook.xml": _lazy(
        "tanpa_wb.xlsx",
        lambda: _rezip(_workbook([GOOD_ROW]), lambda n, c: None if n == "xl/workbook.xml" else c),
    ),
    "zip tanpa [Content_Types]": _lazy(
        "tanpa_ct.xlsx",
        lambda: _rezip(
            _workbook([GOOD_ROW]), lambda n, c: None if n == "[Content_Types].xml" else c
        ),
    ),
    "zip tanpa lembar": _lazy(
        "tanpa_lembar.xlsx",
        lambda: _rezip(_workbook([GOOD_ROW]), lambda n, c: None if "worksheets/" in n else c),
    ),
    "XML lembar terpotong": _lazy("xml_potong.xlsx", _truncated_xml),
    "bom zip (300 MB nol)": _lazy("bom.xlsx", _zip_bomb),
    "3.000 anggota zip": _lazy("anggota.xlsx", _many_members),
    "billion laughs": _lazy("tawa.xlsx", lambda: _doctype_sheet(BILLION_LAUGHS, b"&lol9;")),
    "XXE (file:///etc/passwd)": _lazy("xxe.xlsx", lambda: _doctype_sheet(XXE, b"&x;")),
    "bom shared strings (banyak)": _lazy(
        "sst_banyak.xlsx", lambda: _with_shared_strings(b"<si><t>x</t></si>" * 2_000_000)
    ),
    "bom shared strings (panjang)": _lazy(
        "sst_panjang.xlsx",
        lambda: _with_shared_strings(b"<si><t>" + b"x" * 30_000_000 + b"</t></si>"),
    ),
    "bom shared strings (run)": _lazy(
        "sst_run.xlsx",
        lambda: _with_shared_strings(b"<si>" + b"<r><t>x</t></r>" * 1_000_000 + b"</si>"),
    ),
    "1 juta baris kosong berformat": _lazy("kosong_juta.xlsx", lambda: _empty_rows(1_000_000)),
    "100.000 baris": _lazy("baris_100rb.xlsx", lambda: _rows(100_000)),
    "6.000 baris sah": _lazy("baris_6rb.xlsx", lambda: _rows(6_000, valid=True)),
    "judul kolom salah": _lazy(
        "judul.xlsx", lambda: _workbook([GOOD_ROW], ["NIK", "Nama", "Tgl Lahir", *HEADERS[3:]])
    ),
    "baris judul kosong": _lazy("judul_kosong.xlsx", lambda: _workbook([GOOD_ROW], [])),
    "hanya judul": _lazy("hanya_judul.xlsx", lambda: _workbook([])),
    "50 kolom terisi": _lazy("lebar.xlsx", lambda: _workbook([[*GOOD_ROW, *(["x"] * 32)]])),
    "isian di luar kolom": _lazy("luar.xlsx", lambda: _workbook([[*GOOD_ROW, "catatan"]])),
    "rumus tanpa nilai": _lazy(
        "rumus.xlsx", lambda: _workbook([[*GOOD_ROW[:12], "=1000000*2", *GOOD_ROW[13:]]])
    ),
    "NIK pecahan dari Excel": _lazy("nik_float.xlsx", _excel_float_nik),
    "baris kembar persis": _lazy("kembar.xlsx", lambda: _workbook([GOOD_ROW, list(GOOD_ROW)])),
    "Nomor SK 1.000.000 huruf": _lazy(
        "sk_panjang.xlsx", lambda: _workbook([[*GOOD_ROW[:7], "9" * 1_000_000, *GOOD_ROW[8:]]])
    ),
    "lahir di masa depan, BPU+JP": _lazy("salah_arti.xlsx", _semantic),
    "serial tanggal raksasa": _lazy("serial.xlsx", _huge_date_serial),
    "tanggal tidak ada (31-02)": _lazy(
        "tanggal.xlsx", lambda: _workbook([[*GOOD_ROW[:3], "31-02-1975", *GOOD_ROW[4:]]])
    ),
}
