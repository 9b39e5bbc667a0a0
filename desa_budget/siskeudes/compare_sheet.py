"""The comparison with Siskeudes as table rows: for the window, its printout and a workbook."""

from datetime import datetime
from pathlib import Path

from desa_budget.format import format_number
from desa_budget.i18n import N_
from desa_budget.sheets.xlsx_style import (
    CellValue,
    Column,
    new_workbook,
    page_labels,
    save_atomic,
    write_table,
)
from desa_budget.siskeudes.compare import STATUS_LABELS, Comparison

# Printed and saved in Indonesian; the window shows them with _(). What differs first, the uraian
# last: on a small screen it is the column that gets cut.
HEADERS = (N_("Kegiatan"), N_("Rekening"), N_("Sumber Dana"), N_("Keadaan"), N_("Aplikasi"),
           N_("Siskeudes"), N_("Selisih"), N_("Versi"), N_("Uraian"))  # fmt: skip
AMOUNT_COLUMNS = (4, 5, 6)


def comparison_rows(c: Comparison) -> list[list[CellValue]]:
    """One row per line and, when there is a perubahan, a second row for it."""
    rows: list[list[CellValue]] = []

    for ln in c.lines:
        versions = [(c.versi_app, ln.murni)]
        if ln.perubahan is not None:
            versions.append(("perubahan", ln.perubahan))
        for versi, a in versions:
            rows.append([ln.kegiatan, ln.rekening, ln.sumber_dana, STATUS_LABELS[a.status],
                         a.app, a.siskeudes, a.selisih, versi, ln.uraian])  # fmt: skip
    return rows


def comparison_texts(c: Comparison) -> list[tuple[str, ...]]:
    """The rows with rupiah written out (``-`` for a side that has no line)."""

    def shown(i: int, v: CellValue) -> str:
        if i in AMOUNT_COLUMNS:
            return format_number(v) if isinstance(v, int) else "-"
        return "" if v is None else str(v)

    return [tuple(shown(i, v) for i, v in enumerate(r)) for r in comparison_rows(c)]


def export_comparison(path: Path | str, c: Comparison, *, nama_desa: str,
                      now: datetime | None = None) -> Path:  # fmt: skip
    workbook = new_workbook(
        title=f"Perbandingan RAB Siskeudes Desa {nama_desa} {c.year}",
        subject=f"Baris iuran BPJS Ketenagakerjaan dibanding Siskeudes, desa {c.kd_desa}",
        created=now or datetime.now(),
    )
    ws = workbook.create_sheet("Perbandingan")
    columns = [Column(h, "amount" if i in AMOUNT_COLUMNS else "text", min_width=10)
               for i, h in enumerate(HEADERS)]  # fmt: skip
    write_table(ws, columns, comparison_rows(c))
    page_labels(ws, left=f"Desa {nama_desa}", center="Perbandingan dengan Siskeudes",
                right=f"TA {c.year}")  # fmt: skip
    return save_atomic(workbook, path)
