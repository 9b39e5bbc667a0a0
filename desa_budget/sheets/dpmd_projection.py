"""The DPMD workbook's optional "Proyeksi" sheet: the years ahead per category, then the
assumptions in words. Consolidation reads the four fixed sheets only and passes this one by."""

from decimal import Decimal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desa_budget.projection.compute import Projection, ProjectionYear
from desa_budget.rules import PROGRAMS
from desa_budget.sheets.xlsx_style import CellValue, Column, write_table, write_text
from desa_budget.village import categories

PROYEKSI = "Proyeksi"
TOTAL_KEY = "TOTAL"  # the year's row of all categories, as on the Rekap
PROJECTION_COLUMNS = (
    Column("Tahun Proyeksi", "int"),
    Column("Kode Kategori", min_width=14),
    Column("Kategori", min_width=16),
    Column("Orang Dilindungi", "int"),
    Column("Iuran Desa Setahun", "amount"),
    Column("Potongan Setahun", "amount"),
    *(Column(f"Iuran {p} Setahun", "amount") for p in PROGRAMS),
    Column("Batas Upah JP Desember", "amount"),
    Column("Batas Upah JP", min_width=10),
    Column("Total Belanja Desa", "amount"),
    Column("Rasio 30% dengan Jamsos (%)", "auto"),
)


def _year_rows(year: ProjectionYear) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    blank: list[CellValue] = [None] * (len(PROGRAMS) + 4)
    for key, amounts in year.by_category.items():
        rows.append(
            [year.year, key, categories.label(key), amounts.persons, amounts.desa,
             amounts.potongan, *blank]
        )  # fmt: skip
    ratio = year.ratio
    rows.append(
        [
            year.year, TOTAL_KEY, "Jumlah", sum(c.persons for c in year.by_category.values()),
            year.desa, year.potongan,
            *(year.by_program[p].desa + year.by_program[p].potongan for p in PROGRAMS),
            year.jp_ceiling, "asumsi" if year.jp_ceiling_assumed else "diterbitkan",
            year.total_belanja,
            None if ratio is None else ratio.persen_dengan.quantize(Decimal("0.01")),
        ]
    )  # fmt: skip
    return rows


def write_projection(
    ws: Worksheet, projection: Projection, identity: list[CellValue], *, paper: str
) -> None:
    """The table (identity columns first, as on every data sheet), then "Asumsi" and its lines."""
    from desa_budget.sheets.dpmd_layout import IDENTITY_COLUMNS

    rows = [identity + row for year in projection.years for row in _year_rows(year)]
    count = write_table(
        ws, IDENTITY_COLUMNS + PROJECTION_COLUMNS, rows, paper=paper, landscape=True,
        print_from=len(IDENTITY_COLUMNS) + 1,
    )  # fmt: skip
    # Below the table, in its first printed column, and printed with it.
    column = len(IDENTITY_COLUMNS) + 1
    first = count + 3
    write_text(ws.cell(row=first, column=column), "Asumsi")
    for offset, sentence in enumerate(projection.assumptions, start=1):
        write_text(ws.cell(row=first + offset, column=column), f"- {sentence}")
    last = get_column_letter(len(IDENTITY_COLUMNS) + len(PROJECTION_COLUMNS))
    ws.print_area = f"{get_column_letter(column)}1:{last}{first + len(projection.assumptions)}"
