"""The Beranda tables: persons and cost per category, cost per program, and findings to fix."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desa_budget.contributions.results import Simulation
from desa_budget.format import format_cell
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories
from ui.app_context import NavTarget
from ui.i18n import N_, _
from ui.models.table_model import Column, DtoTableModel


@dataclass(frozen=True)
class CategoryLine:
    kategori: str
    di_daftar: int  # persons in post during the year
    ikut: int  # of them, covered by at least one program
    desa: int
    potongan: int


def category_lines(sim: Simulation) -> list[CategoryLine]:
    lines = []
    for category in categories.CATEGORIES:
        persons = [p for p in sim.apbdes_persons if p.kategori == category.key]
        covered = sum(1 for p in sim.persons if p.kategori == category.key)
        in_roster = sim.roster_counts.get(category.key, 0)
        if in_roster or covered:
            lines.append(
                CategoryLine(
                    kategori=category.key,
                    di_daftar=in_roster,
                    ikut=covered,
                    desa=sum(p.desa for p in persons),
                    potongan=sum(p.potongan for p in persons),
                )
            )
    return lines


class CategoryModel(DtoTableModel[CategoryLine]):
    KATEGORI, IKUT, DESA, POTONGAN = range(4)
    COLUMNS: ClassVar[tuple[Column[CategoryLine], ...]] = (
        Column(
            N_("Kategori"),
            lambda c: categories.label(c.kategori),
            lambda c: categories.BY_KEY[c.kategori].rank,
        ),
        Column(
            N_("Ikut / di daftar"),
            lambda c: f"{c.ikut} / {c.di_daftar}",
            lambda c: c.ikut,
            True,
        ),
        Column(N_("Iuran desa"), lambda c: format_cell(c.desa), lambda c: c.desa, True),
        Column(N_("Potongan"), lambda c: format_cell(c.potongan), lambda c: c.potongan, True),
    )

    def extra_data(self, row: CategoryLine, column: int, role: int) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.IKUT
            and row.ikut < row.di_daftar
        ):
            return QBrush(QColor("#8a5a00"))
        return None


@dataclass(frozen=True)
class ProgramLine:
    program: str
    desa: int
    potongan: int

    @property
    def total(self) -> int:
        return self.desa + self.potongan


def program_lines(sim: Simulation) -> list[ProgramLine]:
    lines = []
    for name in PROGRAMS:
        desa = sum(p.by_program[name].desa for p in sim.apbdes_persons if name in p.by_program)
        potongan = sum(
            p.by_program[name].potongan for p in sim.apbdes_persons if name in p.by_program
        )
        if desa or potongan:
            lines.append(ProgramLine(name, desa, potongan))
    return lines


PROGRAM_NAMES = {
    "JKK": N_("Jaminan Kecelakaan Kerja"),
    "JKM": N_("Jaminan Kematian"),
    "JHT": N_("Jaminan Hari Tua"),
    "JP": N_("Jaminan Pensiun"),
}


class ProgramModel(DtoTableModel[ProgramLine]):
    PROGRAM, DESA, POTONGAN, JUMLAH = range(4)
    COLUMNS: ClassVar[tuple[Column[ProgramLine], ...]] = (
        Column(
            N_("Program"),
            lambda p: p.program,
            lambda p: PROGRAMS.index(p.program),
            tooltip=lambda p: _(PROGRAM_NAMES[p.program]),
        ),
        Column(N_("Dibayar desa"), lambda p: format_cell(p.desa), lambda p: p.desa, True),
        Column(N_("Dipotong"), lambda p: format_cell(p.potongan), lambda p: p.potongan, True),
        Column(N_("Jumlah"), lambda p: format_cell(p.total), lambda p: p.total, True),
    )


def monthly_totals(sim: Simulation) -> tuple[list[int], list[int]]:
    """Desa-paid and withheld amounts per month (January..December) of the APBDes persons."""
    desa = [0] * 12
    potongan = [0] * 12
    for person in sim.apbdes_persons:
        for month in person.monthly:
            desa[month.month - 1] += month.desa
            potongan[month.month - 1] += month.potongan
    return desa, potongan


ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_LABELS = {ERROR: N_("Galat"), WARNING: N_("Peringatan"), INFO: N_("Catatan")}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Finding:
    """A warning or error to act on; ``target`` is where the fix is made (None: nothing to open)."""

    severity: str
    message: str
    target: NavTarget | None = None


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))


class FindingModel(DtoTableModel[Finding]):
    JENIS, PESAN = range(2)
    COLUMNS: ClassVar[tuple[Column[Finding], ...]] = (
        Column(
            N_("Jenis"),
            lambda f: _(SEVERITY_LABELS.get(f.severity, f.severity)),
            lambda f: SEVERITY_ORDER.get(f.severity, 9),
        ),
        # The core's findings and assumptions are marked Indonesian text: shown translated here.
        Column(N_("Pesan"), lambda f: _(f.message), tooltip=lambda f: _(f.message)),
    )

    def extra_data(self, row: Finding, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.JENIS:
            return QBrush(
                QColor({ERROR: "#b00020", WARNING: "#8a5a00"}.get(row.severity, "#555555"))
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == self.JENIS and row.target is not None:
            return _("Klik dua kali untuk membuka tempat memperbaikinya.")
        return None
