"""The year's RAB lines in the columns of Siskeudes' RAB detail (rincian RAB), codes written as
Siskeudes writes them, for the operator to key in or paste (docs/format_siskeudes.md).

Every row is volume × harga satuan = anggaran to the rupiah: a line whose price changes during the
year (the JP ceiling in March) is one row per price, as in the printed RAB. Siskeudes' own import
format is not public; the columns follow its RAB detail screen and table, see the document.
"""

from datetime import datetime
from pathlib import Path

from desa_budget.budget.codes.notation import siskeudes_kegiatan, siskeudes_rekening
from desa_budget.budget.rab_rows import line_rows
from desa_budget.errors import UserError
from desa_budget.format import format_rp
from desa_budget.i18n import _
from desa_budget.sheets.dpmd import DpmdData
from desa_budget.sheets.xlsx_style import (
    CellValue,
    Column,
    new_workbook,
    page_labels,
    save_atomic,
    write_table,
)

SHEET = "RAB Rinci"
COLUMNS = (
    Column("Kode Kegiatan", min_width=12),
    Column("Kode Rekening", min_width=12),
    Column("No", "int"),
    Column("Sumber Dana", min_width=8),
    Column("Uraian", min_width=40),
    Column("Satuan"),
    Column("Volume", "int"),
    Column("Harga Satuan", "amount"),
    Column("Anggaran", "amount"),
)


def rab_rows(data: DpmdData) -> list[list[CellValue]]:
    """One row per line and price, numbered 1.. within each kegiatan and rekening."""
    rows: list[list[CellValue]] = []
    numbers: dict[tuple[str, str], int] = {}
    for line in data.lines.lines:
        priced = line_rows(line, data.simulation)
        if sum(r.jumlah for r in priced) != line.jumlah:
            raise UserError(
                _(
                    "Baris anggaran '{uraian}' tidak dapat dipecah menjadi volume × harga satuan "
                    "yang tepat; RAB Siskeudes tidak ditulis."
                ).format(uraian=line.uraian)
            )
        for row in priced:
            key = (line.kegiatan, line.rekening)
            numbers[key] = numbers.get(key, 0) + 1
            uraian = line.uraian
            if len(priced) > 1:
                uraian = f"{uraian} (tarif {format_rp(row.harga_satuan)}, {row.persons} orang)"
            rows.append([
                siskeudes_kegiatan(line.kegiatan), siskeudes_rekening(line.rekening),
                numbers[key], line.sumber_dana, uraian, line.satuan, row.volume,
                row.harga_satuan, row.jumlah,
            ])  # fmt: skip
    return rows


def export_siskeudes(
    path: Path | str, data: DpmdData, *, paper: str = "A4", now: datetime | None = None
) -> Path:
    """Write the RAB detail workbook atomically; its sum is the version's desa total."""
    rows = rab_rows(data)
    total = sum(r[-1] for r in rows if isinstance(r[-1], int))
    if total != data.lines.total:  # never write a sheet that does not add up
        raise UserError(_("Jumlah RAB Siskeudes tidak sama dengan jumlah anggaran; tidak ditulis."))
    versi = {"draf": "draf (belum ditetapkan)"}.get(data.versi, f"APBDes {data.versi}")
    workbook = new_workbook(
        title=f"RAB iuran BPJS Ketenagakerjaan Desa {data.nama_desa} {data.year} untuk Siskeudes",
        subject=f"Rincian RAB, {versi}, kode desa {data.kode_desa}",
        created=now or datetime.now(),
    )
    ws = workbook.create_sheet(SHEET)
    write_table(ws, COLUMNS, rows, paper=paper)
    page_labels(ws, left=f"Desa {data.nama_desa} ({data.kode_desa})",
                center="RAB untuk Siskeudes", right=f"TA {data.year}, {versi}")  # fmt: skip
    notes = workbook.create_sheet("Keterangan")
    info: list[list[CellValue]] = [
        ["Kode Desa", data.kode_desa], ["Desa", data.nama_desa], ["Kecamatan", data.kecamatan],
        ["Tahun Anggaran", data.year], ["Versi Anggaran", data.versi],
        ["Jumlah Anggaran", total], ["Baris", len(rows)],
        ["Catatan", "Kode ditulis seperti Siskeudes (01.01.03., 5.1.3.04.)."],
        [None, "Format impor resmi Siskeudes tidak publik: kolom mengikuti rincian RAB"],
        [None, "Siskeudes. Salin atau ketik ke Siskeudes, lalu periksa jumlahnya."],
    ]  # fmt: skip
    write_table(notes, (Column("Keterangan", min_width=16), Column("Nilai", "auto", min_width=30)),
                info, paper=paper, landscape=False)  # fmt: skip
    page_labels(notes, left=f"Desa {data.nama_desa} ({data.kode_desa})",
                right=f"TA {data.year}, {versi}")  # fmt: skip
    return save_atomic(workbook, path)
