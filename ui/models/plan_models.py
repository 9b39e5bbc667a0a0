"""Simulasi & Rencana tables: month by month, coverage per tier, budget versions and their diff."""

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desa_budget.budget.planner import TierResult
from desa_budget.budget.versions import LABELS, LineDiff, VersionInfo
from desa_budget.contributions.summary import MonthTotal
from desa_budget.format import MONTH_NAMES, format_cell, format_date, format_time
from ui.i18n import N_, _
from ui.models.table_model import Column, DtoTableModel


class MonthModel(DtoTableModel[MonthTotal]):
    BULAN, ORANG, DESA, POTONGAN, JUMLAH = range(5)
    COLUMNS: ClassVar[tuple[Column[MonthTotal], ...]] = (
        Column(N_("Bulan"), lambda m: _(MONTH_NAMES[m.month - 1]), lambda m: m.month),
        Column(N_("Orang"), lambda m: str(m.orang), lambda m: m.orang, True),
        Column(N_("Dibayar desa"), lambda m: format_cell(m.desa), lambda m: m.desa, True),
        Column(N_("Dipotong"), lambda m: format_cell(m.potongan), lambda m: m.potongan, True),
        Column(N_("Jumlah"), lambda m: format_cell(m.jumlah), lambda m: m.jumlah, True),
    )


def _coverage(t: TierResult) -> str:
    return f"{t.covered} / {t.eligible}"


class TierModel(DtoTableModel[TierResult]):
    TINGKAT, NAMA, DITANGGUNG, BIAYA, BIAYA_SEMUA = range(5)
    COLUMNS: ClassVar[tuple[Column[TierResult], ...]] = (
        Column(N_("No."), lambda t: str(t.tier), lambda t: t.tier, True),
        Column(N_("Tingkat prioritas"), lambda t: _(t.name), tooltip=lambda t: _(t.name)),
        Column(N_("Ditanggung / layak"), _coverage, lambda t: t.covered, True),
        Column(N_("Biaya"), lambda t: format_cell(t.cost), lambda t: t.cost, True),
        Column(
            N_("Biaya semua layak"), lambda t: format_cell(t.cost_full), lambda t: t.cost_full, True
        ),
    )

    def extra_data(self, row: TierResult, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DITANGGUNG:
            if row.covered == 0 and row.eligible:
                return QBrush(QColor("#b00020"))
            if row.covered < row.eligible:
                return QBrush(QColor("#8a5a00"))
            return QBrush(QColor("#2e7d5b"))
        return None


def _date(value: Any) -> str:
    return format_date(value, "—")


class VersionModel(DtoTableModel[VersionInfo]):
    JENIS, PERDES, TGL_PERDES, PERKADES, TGL_PERKADES, DITETAPKAN, TOTAL = range(7)
    COLUMNS: ClassVar[tuple[Column[VersionInfo], ...]] = (
        Column(N_("Versi"), lambda v: LABELS[v.jenis]),
        Column(N_("Nomor Perdes"), lambda v: v.nomor_perdes or "—"),
        Column(N_("Tanggal Perdes"), lambda v: _date(v.tanggal_perdes)),
        Column(N_("Nomor Perkades"), lambda v: v.nomor_perkades or "—"),
        Column(N_("Tanggal Perkades"), lambda v: _date(v.tanggal_perkades)),
        Column(
            N_("Ditetapkan"),
            lambda v: format_time(v.ditetapkan),
            lambda v: v.ditetapkan.isoformat(),
        ),
        Column(N_("Jumlah iuran"), lambda v: format_cell(v.total), lambda v: v.total, True),
    )


class DiffModel(DtoTableModel[LineDiff]):
    KEGIATAN, REKENING, SUMBER, URAIAN, MURNI, PERUBAHAN, SELISIH = range(7)
    COLUMNS: ClassVar[tuple[Column[LineDiff], ...]] = (
        Column(N_("Kegiatan"), lambda d: d.kegiatan),
        Column(N_("Rekening"), lambda d: d.rekening),
        Column(N_("Sumber"), lambda d: d.sumber_dana),
        Column(N_("Uraian"), lambda d: d.uraian, tooltip=lambda d: d.uraian),
        Column(N_("Murni"), lambda d: format_cell(d.old), lambda d: d.old, True),
        Column(N_("Perubahan"), lambda d: format_cell(d.new), lambda d: d.new, True),
        Column(
            N_("Selisih"),
            lambda d: ("+" if d.selisih > 0 else "") + format_cell(d.selisih),
            lambda d: d.selisih,
            True,
        ),
    )
