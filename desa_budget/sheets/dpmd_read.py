"""Read one DPMD workbook back (checked, then values only) into a VillageRecap, or say why not.

Every reason a file is refused is a :class:`BadFile` with one Indonesian sentence; the
consolidation lists it next to the file name, with whatever kode desa and name ``peek_identity``
could read. Only the Info, Rekap and Anggaran rows are read; Rincian is checked by its header (the
recap needs no person data). The package is checked and read by sheets.safe_xlsx (calamine, many
times faster than openpyxl: 400 files in well under two seconds). Formats 1 and 2 are read; in
format 2 each row's own kode desa and year must be the Info's (a sheet pasted from another village
is refused).
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desa_budget.errors import UserError
from desa_budget.i18n import N_
from desa_budget.sheets import dpmd_layout as L
from desa_budget.sheets.safe_xlsx import Limits, Sheets, UnsafeWorkbook, open_sheets
from desa_budget.village import categories
from desa_budget.village.identifiers import validate_kode_desa

# Rekap columns after Kode Kategori and Kategori, as CategoryRow fields in order.
COUNT_FIELDS = (
    "roster", "covered", "jkk", "jkm", "jht", "jp", "belum", "terdaftar", "nonaktif",
    "pemda_orang", "desa", "potongan", "pemda",
)  # fmt: skip


class BadFile(Exception):
    """A file the consolidation cannot use; ``reason`` (marked text) is written in the recap as
    it is and shown in the window with ``_()``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CategoryRow:
    roster: int = 0
    covered: int = 0
    jkk: int = 0
    jkm: int = 0
    jht: int = 0
    jp: int = 0
    belum: int = 0
    terdaftar: int = 0
    nonaktif: int = 0
    pemda_orang: int = 0
    desa: int = 0
    potongan: int = 0
    pemda: int = 0

    def __add__(self, other: "CategoryRow") -> "CategoryRow":
        return CategoryRow(*(getattr(self, f) + getattr(other, f) for f in COUNT_FIELDS))


@dataclass(frozen=True)
class VillageRecap:
    """What the consolidation keeps of one village's file."""

    path: Path
    kode_desa: str
    nama_desa: str
    kecamatan: str
    kabupaten: str
    year: int
    versi: str
    by_category: Mapping[str, CategoryRow]  # every category key, in categories order
    by_sumber: Mapping[str, int]  # Anggaran jumlah per sumber dana
    by_kategori_sumber: Mapping[tuple[str, str], int]  # (kategori, sumber dana) -> jumlah

    @property
    def total(self) -> CategoryRow:
        return sum(self.by_category.values(), CategoryRow())


LIMITS = Limits()  # a village export is far below these: 20 MB file, 2.000 parts, 32 MB a part


def _rows(wb: Sheets, sheet: str, *, limit: int | None = None) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows (the first ``limit``), read at once from the checked bytes."""
    try:
        return iter(wb.rows(sheet, limit=limit))
    except UnsafeWorkbook as exc:  # a broken sheet part inside a valid zip: a damaged file
        raise BadFile(
            N_("berkas rusak (sheet {sheet} tidak dapat dibaca: {error})").format(
                sheet=sheet, error=exc.__cause__ or exc
            )
        ) from exc


def _trim(row: tuple[Any, ...]) -> tuple[Any, ...]:
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _check_header(sheet: str, found: tuple[Any, ...], allowed: Sequence[tuple[str, ...]]) -> None:
    if any(found == expected for expected in allowed):
        return
    expected = allowed[0]
    for n, want in enumerate(expected):
        got = found[n] if n < len(found) else None
        if got != want:
            raise BadFile(
                N_(
                    "bukan ekspor DPMD Jamsos Desa: judul kolom sheet {sheet} ke-{n} "
                    "'{got}', seharusnya '{want}'"
                ).format(sheet=sheet, n=n + 1, got=got or "", want=want)
            )
    raise BadFile(
        N_("bukan ekspor DPMD Jamsos Desa: sheet {sheet} punya kolom lebih").format(sheet=sheet)
    )


def _int(value: Any, where: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadFile(
            N_("isi {where} bukan bilangan bulat ({value})").format(where=where, value=repr(value))
        )
    return value


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _info(wb: Sheets) -> dict[str, Any]:
    rows = _rows(wb, L.INFO)
    _check_header(L.INFO, _trim(next(rows, ())), [L.headers(L.INFO_COLUMNS)])
    info = {_text(r[0]): r[1] if len(r) > 1 else None for r in rows if r and r[0] is not None}
    version = _text(info.get(L.K_FORMAT))
    if not version:
        raise BadFile(N_("bukan ekspor DPMD Jamsos Desa: Info tanpa Versi Format"))
    if version not in L.READABLE_FORMATS:
        raise BadFile(
            N_("versi format {version}, aplikasi ini membaca versi {supported}").format(
                version=version, supported=", ".join(L.READABLE_FORMATS)
            )
        )
    missing = [k for k in L.INFO_KEYS if k not in info]
    if missing:
        raise BadFile(
            N_("bukan ekspor DPMD Jamsos Desa: Info tanpa {keys}").format(keys=", ".join(missing))
        )
    return info


def _check_identity(sheet: str, n: int, row: tuple[Any, ...], info: Mapping[str, Any]) -> None:
    """A format-2 row names its village and year: they must be the Info's."""
    kode, year = _text(row[0]) if row else "", row[3] if len(row) > 3 else None
    if kode != _text(info.get(L.K_KODE_DESA)) or year != info.get(L.K_TAHUN):
        raise BadFile(
            N_(
                "isi tidak konsisten: {sheet} baris {n} milik kode desa {kode} tahun {year}, "
                "bukan desa dan tahun di Info"
            ).format(sheet=sheet, n=n, kode=kode or "-", year=year if year is not None else "-")
        )


def _rekap(wb: Sheets, version: str, info: Mapping[str, Any]) -> dict[str, CategoryRow]:
    rows = _rows(wb, L.REKAP)
    _check_header(L.REKAP, _trim(next(rows, ())), [L.headers(L.columns_of(version)[L.REKAP])])
    skip = L.identity_width(version)
    found: dict[str, CategoryRow] = {}
    total: CategoryRow | None = None
    for n, row in enumerate(rows, start=2):
        row = _trim(row)
        if not row:
            continue
        if skip:
            _check_identity(L.REKAP, n, row, info)
        row = row[skip:]
        key = _text(row[0]) if row else ""
        where = N_("Rekap baris {n}").format(n=n)
        values = [_int(v, where) for v in row[2 : 2 + len(COUNT_FIELDS)]]
        item = CategoryRow(*values, *([0] * (len(COUNT_FIELDS) - len(values))))
        if key == L.TOTAL_KEY:
            total = item
        elif key in categories.BY_KEY and key not in found:
            found[key] = item
        else:
            raise BadFile(
                N_("Rekap baris {n}: kategori '{key}' tidak dikenal atau ganda").format(
                    n=n, key=key
                )
            )
    if set(found) != set(categories.KEYS) or total is None:
        raise BadFile(N_("Rekap tidak lengkap: harus ada satu baris per kategori dan baris TOTAL"))
    if sum(found.values(), CategoryRow()) != total:
        raise BadFile(N_("isi tidak konsisten: baris TOTAL Rekap bukan jumlah kategorinya"))
    return {key: found[key] for key in categories.KEYS}


def _anggaran(wb: Sheets, version: str, info: Mapping[str, Any]) -> dict[tuple[str, str], int]:
    rows = _rows(wb, L.ANGGARAN)
    columns = L.columns_of(version)[L.ANGGARAN]
    _check_header(L.ANGGARAN, _trim(next(rows, ())), [L.headers(columns)])
    skip = L.identity_width(version)
    jumlah_at = len(columns) - 1
    found: dict[tuple[str, str], int] = {}
    for n, row in enumerate(rows, start=2):
        if not _trim(row):
            continue
        if len(row) <= jumlah_at:
            raise BadFile(N_("Anggaran baris {n} tidak lengkap").format(n=n))
        if skip:
            _check_identity(L.ANGGARAN, n, row, info)
        key = (_text(row[skip + 3]), _text(row[skip + 2]).upper())
        where = N_("Anggaran baris {n} Jumlah").format(n=n)
        found[key] = found.get(key, 0) + _int(row[jumlah_at], where)
    return found


def peek_identity(path: Path) -> tuple[str, str]:
    """The kode desa and desa name of a file that could not be used, as far as they can be read
    ("" when not): the Berkas list then says whose file it was."""
    try:
        with open_sheets(path, LIMITS) as wb:
            if L.INFO not in wb.names:
                return "", ""
            rows = wb.rows(L.INFO, limit=40)
        info = {_text(r[0]): r[1] for r in rows if r and len(r) > 1 and r[0] is not None}
        return _text(info.get(L.K_KODE_DESA))[:20], _text(info.get(L.K_DESA))[:100]
    except Exception:  # noqa: BLE001  (best effort, on a file already refused)
        return "", ""


def _refused(exc: UnsafeWorkbook) -> BadFile:
    """The reason the consolidation lists for a file the package checks refused."""
    if exc.problem == "too_big":
        return BadFile(
            N_("berkas terlalu besar (paling besar {limit} MB)").format(
                limit=LIMITS.file_bytes // (1024 * 1024)
            )
        )
    if exc.problem == "unusual":
        return BadFile(N_("berkas tidak wajar (isi terlalu besar atau berisi DTD), tidak dibuka"))
    if exc.problem == "missing":
        return BadFile(N_("berkas tidak ditemukan"))
    if exc.problem == "not_xlsx" and exc.detail == "not a zip package":
        return BadFile(N_("berkas rusak atau bukan berkas Excel .xlsx (tidak dapat dibuka)"))
    cause = exc.__cause__
    return BadFile(
        N_("berkas rusak, tidak dapat dibuka ({error})").format(
            error=type(cause).__name__ if cause is not None else "bukan paket Excel"
        )
    )


def _read(
    wb: Sheets,
) -> tuple[dict[str, Any], str, dict[str, CategoryRow], dict[tuple[str, str], int]]:
    """Info, format version, Rekap and Anggaran of an opened workbook; Rincian's header checked."""
    missing = [s for s in L.SHEETS if s not in wb.names]
    if missing:
        raise BadFile(
            N_("bukan ekspor DPMD Jamsos Desa: sheet {sheets} tidak ada").format(
                sheets=", ".join(missing)
            )
        )
    info = _info(wb)
    version = _text(info.get(L.K_FORMAT))
    by_category = _rekap(wb, version, info)
    lines = _anggaran(wb, version, info)
    rincian = _trim(next(_rows(wb, L.RINCIAN, limit=1), ()))
    plain = L.headers(L.columns_of(version)[L.RINCIAN])
    _check_header(L.RINCIAN, rincian, [plain, plain + (L.KPJ_COLUMN.header,)])
    return info, version, by_category, lines


def read_village(path: Path) -> VillageRecap:
    """One village's recap from its DPMD workbook; BadFile says why the file cannot be used."""
    if path.suffix.lower() != ".xlsx":
        raise BadFile(N_("bukan berkas .xlsx"))
    if path.name.startswith("~$"):
        raise BadFile(N_("berkas kunci sementara Excel (~$), bukan data desa"))
    try:
        with open_sheets(path, LIMITS) as wb:
            info, version, by_category, lines = _read(wb)
    except UnsafeWorkbook as exc:
        raise _refused(exc) from exc
    try:
        kode = validate_kode_desa(_text(info[L.K_KODE_DESA]))
    except UserError as exc:
        raise BadFile(exc.message) from exc
    year = info[L.K_TAHUN]
    if isinstance(year, bool) or not isinstance(year, int):
        raise BadFile(N_("Tahun Anggaran di Info bukan tahun ({value})").format(value=repr(year)))
    desa_total = sum(row.desa for row in by_category.values())
    if sum(lines.values()) != desa_total:
        raise BadFile(
            N_(
                "isi tidak konsisten: jumlah Anggaran {anggaran} tidak sama dengan "
                "iuran desa di Rekap {rekap}"
            ).format(
                anggaran=f"{sum(lines.values()):,}".replace(",", "."),
                rekap=f"{desa_total:,}".replace(",", "."),
            )
        )
    by_sumber: dict[str, int] = {}
    for (_kategori, sumber), amount in lines.items():
        by_sumber[sumber] = by_sumber.get(sumber, 0) + amount
    return VillageRecap(
        path=path,
        kode_desa=kode,
        nama_desa=_text(info[L.K_DESA]),
        kecamatan=_text(info[L.K_KECAMATAN]),
        kabupaten=_text(info[L.K_KABUPATEN]),
        year=year,
        versi=_text(info[L.K_VERSI]),
        by_category=by_category,
        by_sumber=by_sumber,
        by_kategori_sumber=lines,
    )
