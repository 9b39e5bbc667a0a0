"""The registration workbook's two reference sheets: the employer (pemberi kerja) with the
programs and JKK class SIPP sets per employer, and the column map with each column's status."""

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from desa_budget.sheets.xlsx_style import CellValue, Column, page_labels, write_table

EMPLOYER_COLUMNS = (
    Column("Keterangan", min_width=22),
    Column("Nilai", "auto", min_width=40),
)
GROUP_COLUMNS = (
    Column("Segmen"),
    Column("Program", min_width=18),
    Column("Kelas Risiko JKK", "int"),
    Column("Jumlah Orang", "int"),
)
COLUMN_MAP_COLUMNS = (
    Column("Sheet"),
    Column("Kolom", min_width=18),
    Column("Wajib"),
    Column("Status", min_width=18),
    Column("Sumber", min_width=30),
    Column("Catatan", min_width=40),
)


def employer_sheet(
    workbook: Workbook,
    *,
    nama_desa: str,
    kode_desa: str,
    year: int,
    groups: Sequence[tuple[str, str, int, int]],  # segmen, programs, kelas JKK, persons
) -> None:
    """Who registers (the Pemerintah Desa) and, per group of persons, the program set and JKK
    class to choose: SIPP sets them per employer (or per division), not per worker row."""
    ws = workbook.create_sheet("Pemberi Kerja")
    rows: list[list[CellValue]] = [
        ["Pemberi Kerja", f"Pemerintah Desa {nama_desa}"],
        ["Kode Desa", kode_desa],
        ["Tahun", year],
        ["Catatan", "Di SIPP program dan kelas risiko JKK diatur per pemberi kerja (atau per "
                    "divisi), bukan per baris peserta. Bila kelompok di bawah berbeda program, "
                    "tanyakan ke kantor cabang apakah perlu divisi tersendiri."],
    ]  # fmt: skip
    write_table(ws, EMPLOYER_COLUMNS, rows, landscape=False)
    note = ws.cell(row=len(rows) + 1, column=2)  # the long note wraps inside its cell
    note.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[note.row].height = 15 * 4
    start = len(rows) + 3
    ws.column_dimensions["C"].width, ws.column_dimensions["D"].width = 18, 14
    for index, column in enumerate(GROUP_COLUMNS, start=1):
        cell = ws.cell(row=start, column=index, value=column.header)
        cell.font = Font(bold=True)
    for offset, (segmen, programs, kelas, count) in enumerate(groups, start=1):
        for index, value in enumerate((segmen, programs, kelas, count), start=1):
            ws.cell(row=start + offset, column=index, value=value)
    page_labels(ws, left=f"Desa {nama_desa} ({kode_desa})", right=f"Tahun {year}")


def columns_sheet(workbook: Workbook, rows: Sequence[Sequence[CellValue]]) -> None:
    """Every column of the data sheets, required or not, and whether it is confirmed."""
    ws = workbook.create_sheet("Kolom")
    write_table(ws, COLUMN_MAP_COLUMNS, [list(r) for r in rows], repeat_columns=(1, 2))
    page_labels(ws, left="Peta kolom lembar pendaftaran",
                right="belum dikonfirmasi = perkiraan dari deskripsi publik")  # fmt: skip
