"""The projection's table: one row per year, with its programs, the JP ceiling and the 30 % ratio."""

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desa_budget.format import format_cell
from desa_budget.projection.compute import ProjectionYear
from desa_budget.rules import PROGRAMS
from ui.i18n import N_, _
from ui.models.table_model import Column, DtoTableModel


def _program(name: str) -> Column[ProjectionYear]:
    def amount(y: ProjectionYear) -> int:
        return y.by_program[name].desa + y.by_program[name].potongan

    return Column(name, lambda y: format_cell(amount(y)), amount, True)


def _ceiling(y: ProjectionYear) -> str:
    return format_cell(y.jp_ceiling) + ("*" if y.jp_ceiling_assumed else "")


def _ratio(y: ProjectionYear) -> str:
    return "—" if y.ratio is None else y.ratio.teks_dengan


class ProjectionModel(DtoTableModel[ProjectionYear]):
    TAHUN, DESA, POTONGAN = range(3)
    BATAS = 3 + len(PROGRAMS)
    RASIO = BATAS + 1
    COLUMNS: ClassVar[tuple[Column[ProjectionYear], ...]] = (
        Column(N_("Tahun"), lambda y: str(y.year), lambda y: y.year),
        Column(N_("Dibayar desa"), lambda y: format_cell(y.desa), lambda y: y.desa, True),
        Column(N_("Dipotong"), lambda y: format_cell(y.potongan), lambda y: y.potongan, True),
        *(_program(name) for name in PROGRAMS),
        Column(
            N_("Batas upah JP"), _ceiling, lambda y: y.jp_ceiling, True,
            lambda y: _("asumsi, belum diterbitkan") if y.jp_ceiling_assumed else _("diterbitkan"),
        ),
        Column(
            N_("Rasio 30%"), _ratio, lambda y: y.ratio.persen_dengan if y.ratio else -1, True,
            lambda y: _("dengan jaminan sosial; total belanja diasumsikan")
            if y.total_belanja_assumed
            else _("dengan jaminan sosial"),
        ),
    )  # fmt: skip

    def extra_data(self, row: ProjectionYear, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if column == self.RASIO and row.ratio is not None and row.ratio.exceeded:
            return QBrush(QColor("#b00020"))
        if column == self.BATAS and row.jp_ceiling_assumed:
            return QBrush(QColor("#8a5a00"))
        return None
