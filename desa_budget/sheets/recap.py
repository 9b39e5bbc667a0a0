"""The kabupaten recap workbook: sheets Kecamatan, Desa and Berkas (files used and left out)."""

from datetime import datetime
from pathlib import Path

from desa_budget.sheets.consolidate import Consolidation, KecamatanRow, flags, percent
from desa_budget.sheets.dpmd_read import CategoryRow
from desa_budget.sheets.xlsx_style import (
    CellValue,
    Column,
    new_workbook,
    page_labels,
    save_atomic,
    write_table,
)
from desa_budget.village import categories

TOTAL_LABEL = "JUMLAH"

KECAMATAN_COLUMNS = (
    Column("Kode Kecamatan", min_width=12),
    Column("Kecamatan", min_width=16),
    Column("Jumlah Desa", "int"),
    Column("Orang di Daftar", "int"),
    Column("Orang Dilindungi", "int"),
    Column("% Dilindungi", "percent"),
    Column("Pekerja Rentan Dilindungi", "int"),
    Column("Desa Tanpa Anggaran Pekerja Rentan", "int"),
    Column("Desa dengan Catatan", "int"),
    Column("Iuran Desa Setahun", "amount"),
    Column("Potongan Setahun", "amount"),
    Column("Dibayar Pemda Setahun", "amount"),
)

BERKAS_COLUMNS = (
    Column("No", "int"),
    Column("Berkas", min_width=24),
    Column("Folder", min_width=20),
    Column("Status"),
    Column("Kode Desa", min_width=13),
    Column("Desa"),
    Column("Alasan", min_width=40),
)


def desa_columns(c: Consolidation) -> tuple[Column, ...]:
    per_category = [
        Column(f"{cat.label}: {what}", kind)
        for cat in categories.CATEGORIES
        for what, kind in (("Daftar", "int"), ("Dilindungi", "int"), ("%", "percent"))
    ]
    return (
        Column("Kode Desa", min_width=13),
        Column("Desa", min_width=14),
        Column("Kecamatan", min_width=14),
        Column("Versi Anggaran"),
        *per_category,
        Column("Jumlah: Daftar", "int"),
        Column("Jumlah: Dilindungi", "int"),
        Column("Jumlah: %", "percent"),
        Column("Iuran Desa Setahun", "amount"),
        Column("Potongan Setahun", "amount"),
        Column("Dibayar Pemda Setahun", "amount"),
        *(Column(f"Sumber Dana {code}", "amount") for code in c.sumber_codes),
        Column("Catatan", min_width=30),
    )


def _coverage(row: CategoryRow) -> list[CellValue]:
    return [row.roster, row.covered, percent(row.covered, row.roster)]


def _amounts(row: CategoryRow) -> list[CellValue]:
    return [row.desa, row.potongan, row.pemda]


def kecamatan_rows(c: Consolidation) -> list[list[CellValue]]:
    rows = c.kecamatan_rows()

    def line(name: str, r: KecamatanRow | None, items: list[KecamatanRow]) -> list[CellValue]:
        total = r.total if r else sum((i.total for i in items), CategoryRow())
        return [
            r.kode if r else None,
            name,
            r.desa if r else sum(i.desa for i in items),
            *_coverage(total),
            r.rentan.covered if r else sum(i.rentan.covered for i in items),
            r.desa_tanpa_rentan if r else sum(i.desa_tanpa_rentan for i in items),
            r.desa_dengan_catatan if r else sum(i.desa_dengan_catatan for i in items),
            *_amounts(total),
        ]

    # The total row's label stays in the first column, where a reader looks for it.
    total = line(TOTAL_LABEL, None, rows)
    total[0], total[1] = TOTAL_LABEL, None
    return [line(r.kecamatan, r, []) for r in rows] + [total]


def desa_rows(c: Consolidation) -> list[list[CellValue]]:
    out: list[list[CellValue]] = []
    for v in c.villages:
        cells: list[CellValue] = [v.kode_desa, v.nama_desa, c.kecamatan_of(v), v.versi]
        for key in categories.KEYS:
            cells += _coverage(v.by_category[key])
        cells += _coverage(v.total) + _amounts(v.total)
        cells += [v.by_sumber.get(code, 0) for code in c.sumber_codes]
        cells.append("; ".join(flags(v, c.profile)) or None)
        out.append(cells)
    total: list[CellValue] = [TOTAL_LABEL, None, None, None]
    for key in categories.KEYS:
        total += _coverage(sum((v.by_category[key] for v in c.villages), CategoryRow()))
    total += _coverage(c.total) + _amounts(c.total)
    total += [sum(v.by_sumber.get(code, 0) for v in c.villages) for code in c.sumber_codes]
    total.append(None)
    return out + [total]


def berkas_rows(c: Consolidation) -> list[list[CellValue]]:
    return [
        [
            n,
            f.path.name,
            str(f.path.parent),
            "Dipakai" if f.used else "Tidak dipakai",
            f.kode_desa or None,
            f.nama_desa or None,
            f.reason or None,
        ]
        for n, f in enumerate(c.files, start=1)
    ]


def write_recap(
    path: Path | str, c: Consolidation, *, now: datetime | None = None, paper: str = "A4"
) -> Path:
    """The recap workbook, written atomically. Percentages are numbers with one decimal."""
    kabupaten = ", ".join(sorted({v.kabupaten for v in c.villages})) or "-"
    workbook = new_workbook(
        title=f"Rekap BPJS Ketenagakerjaan Desa, Kabupaten {kabupaten}, Tahun {c.year or '-'}",
        subject=(
            f"{len(c.used)} berkas dipakai, {len(c.left_out)} tidak dipakai"
            + (f"; aturan kabupaten: {c.profile.title}" if c.profile else "")
        ),
        created=now or datetime.now(),
    )
    sheets = (
        ("Kecamatan", KECAMATAN_COLUMNS, kecamatan_rows(c)),
        ("Desa", desa_columns(c), desa_rows(c)),
        ("Berkas", BERKAS_COLUMNS, berkas_rows(c)),
    )
    for title, columns, rows in sheets:
        ws = workbook.create_sheet(title)
        write_table(ws, columns, rows, paper=paper, repeat_columns=(1, 2))
        page_labels(ws, left=f"Kabupaten {kabupaten}",
                    center=f"Rekap BPJS Ketenagakerjaan desa: {title}",
                    right=f"Tahun Anggaran {c.year or '-'}")  # fmt: skip
    return save_atomic(workbook, path)
