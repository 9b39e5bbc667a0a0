"""The roster table: one RosterRow per person for the chosen year, with search and filters."""

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desa_budget.format import format_cell, format_date
from desa_budget.roster.completeness import missing_text
from desa_budget.roster.read import (
    AKTIF,
    BELUM_MULAI,
    BERAKHIR,
    DITANGGUNG,
    SEBAGIAN,
    TANPA_JABATAN,
    TIDAK,
    RosterRow,
)
from desa_budget.village import categories
from ui.i18n import N_, _
from ui.models.table_model import SORT_ROLE, Column, DtoTableModel

STATE_LABELS: dict[str, str] = {
    AKTIF: N_("Aktif"),
    BERAKHIR: N_("Berakhir"),
    BELUM_MULAI: N_("Belum mulai"),
    TANPA_JABATAN: N_("Tanpa jabatan"),
}


def _jabatan(row: RosterRow) -> str:
    if row.jumlah_jabatan > 1:
        return f"{row.jabatan} (+{row.jumlah_jabatan - 1})"
    return row.jabatan


def category_label(key: str) -> str:
    return categories.label(key) if key in categories.BY_KEY else key


def _program(row: RosterRow) -> str:
    return f"{row.segmen} · {', '.join(row.programs)}" if row.programs else f"{row.segmen} · —"


COVERED_LABELS: dict[str, str] = {
    DITANGGUNG: N_("Ya"),
    SEBAGIAN: N_("Sebagian"),
    TIDAK: N_("Tidak"),
}
COVERED_COLORS = {SEBAGIAN: "#8a5a00", TIDAK: "#b00020"}


def _covered(row: RosterRow) -> str:
    """Covered this year: "Ya", "Sebagian" or "Tidak" (the tooltip names the programs)."""
    return _(COVERED_LABELS[row.ditanggung]) if row.aktif else ""


def _covered_tip(row: RosterRow) -> str:
    left = [p for p in row.programs if p not in row.paid]
    if not row.aktif or not left:
        return ""
    if not row.paid:
        return _("Tidak dibayar tahun ini: {program}").format(program=", ".join(left))
    return _("Dibayar tahun ini: {dibayar}; tidak dibayar: {program}").format(
        dibayar=", ".join(row.paid), program=", ".join(left)
    )


def _months(row: RosterRow) -> str:
    """Months in post; a person not in post this year shows why instead of 0, and an ended post
    its end date."""
    if row.aktif:
        if row.akhir is not None and row.months < 12:
            return _("{n} (s.d. {akhir})").format(n=row.months, akhir=format_date(row.akhir))
        return str(row.months)
    state = _(STATE_LABELS.get(row.keadaan, row.keadaan))
    if row.keadaan == BERAKHIR and row.akhir is not None:
        return _("{keadaan} {akhir}").format(keadaan=state, akhir=format_date(row.akhir))
    return state


def _nik(row: RosterRow) -> str:
    """The NIK, or what the person's data still lacks (a perangkat taken from Siskeudes)."""
    if not row.missing:
        return row.nik
    text = _("Belum lengkap: {daftar}").format(daftar=missing_text(row.missing, translate=True))
    return f"{row.nik} · {text}" if row.nik else text


def _who(row: RosterRow) -> str:
    """The name's tooltip: what the columns a narrow screen hides would say."""
    status = _(categories.BPJS_STATUSES.get(row.status_bpjs, row.status_bpjs))
    return f"{row.nama} — {category_label(row.kategori)} · {status}"


class RosterModel(DtoTableModel[RosterRow]):
    NAMA, NIK, JABATAN, KATEGORI, PROGRAM, DITANGGUNG, STATUS_BPJS = range(7)
    DASAR_UPAH, BULAN, DESA, POTONGAN = range(7, 11)

    COLUMNS: ClassVar[tuple[Column[RosterRow], ...]] = (
        Column(N_("Nama"), lambda r: r.nama, lambda r: r.nama.casefold(), tooltip=_who),
        Column(N_("NIK"), _nik, lambda r: (not r.missing, r.nik), tooltip=_nik),
        Column(N_("Jabatan"), _jabatan, lambda r: r.jabatan.casefold(), tooltip=_jabatan),
        Column(
            N_("Kategori"),
            lambda r: category_label(r.kategori),
            lambda r: categories.BY_KEY[r.kategori].rank if r.kategori in categories.BY_KEY else 99,
        ),
        Column(N_("Segmen · program"), _program, lambda r: (r.segmen, len(r.programs))),
        Column(
            N_("Ditanggung"),
            _covered,
            lambda r: (r.ditanggung != DITANGGUNG, r.ditanggung == TIDAK, len(r.paid)),
            tooltip=_covered_tip,
        ),
        Column(
            N_("Status BPJS"),
            lambda r: _(categories.BPJS_STATUSES.get(r.status_bpjs, r.status_bpjs)),
        ),
        Column(N_("Dasar upah"), lambda r: format_cell(r.dasar_upah), lambda r: r.dasar_upah, True),
        Column(N_("Bulan"), _months, lambda r: r.months, True),
        Column(N_("Iuran desa\nper tahun"), lambda r: format_cell(r.desa), lambda r: r.desa, True),
        Column(
            N_("Dipotong\nper tahun"), lambda r: format_cell(r.potongan), lambda r: r.potongan, True
        ),
    )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADER_TIPS.get(section, "")) or None
        return super().headerData(section, orientation, role)

    def extra_data(self, row: RosterRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.aktif:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NIK and row.missing:
            return QBrush(QColor("#b00020"))  # data belum lengkap: to be filled in
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.DITANGGUNG
            and row.ditanggung in COVERED_COLORS
        ):
            return QBrush(QColor(COVERED_COLORS[row.ditanggung]))
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == self.DESA
            and row.dibayar_oleh != "desa"
        ):
            return _("Dibayar Pemda: tidak masuk APBDes")
        return None

    def row_of_person(self, person_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.person_id == person_id:
                return number
        return -1


HEADER_TIPS = {
    RosterModel.DITANGGUNG: N_(
        "Ditanggung tahun ini: dibayar menurut rencana yang diterapkan (tanpa rencana: seluruh "
        "daftar). Sebagian: ada program di daftar yang tidak dibayar."
    ),
    RosterModel.BULAN: N_("Bulan menjabat dalam tahun ini (iuran dihitung per bulan)"),
    RosterModel.DESA: N_("Iuran setahun yang dibayar desa (atau Pemda)"),
    RosterModel.POTONGAN: N_(
        "Iuran pekerja setahun yang dipotong dari siltap/honor (peserta BPU: iuran mandiri "
        "yang dibayar sendiri)"
    ),
}

ALL = ""
ACTIVE_ONLY = "aktif"
ENDED_ONLY = "berakhir"


class RosterFilterModel(QSortFilterProxyModel):
    """Search (nama, NIK, jabatan) and filters (kategori, segmen, status BPJS, aktif/berakhir,
    covered this year)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._kategori = ALL
        self._segmen = ALL
        self._status_bpjs = ALL
        self._keadaan = ALL
        self._ditanggung = ALL
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (one key per row, see DtoTableModel.sort); this proxy keeps
        its order and only filters."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def _change_filter(self, change: Callable[[], None]) -> None:
        """Qt 6.9+ wants the change bracketed; older versions only invalidate afterwards."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - PySide6 before 6.9
            change()
            self.invalidateRowsFilter()

    def set_search(self, text: str) -> None:
        def change() -> None:
            self._search = " ".join(text.split()).casefold()

        self._change_filter(change)

    def set_filters(
        self,
        *,
        kategori: str = ALL,
        segmen: str = ALL,
        status_bpjs: str = ALL,
        keadaan: str = ALL,
        ditanggung: str = ALL,
    ) -> None:
        def change() -> None:
            self._kategori, self._segmen = kategori, segmen
            self._status_bpjs, self._keadaan = status_bpjs, keadaan
            self._ditanggung = ditanggung

        self._change_filter(change)

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # Straight from the source's list: no data() round trip through Qt for each of 5.000 rows.
        source = self.sourceModel()
        if not isinstance(source, RosterModel) or source_parent.isValid():
            return False
        return self.accepts(source.row_at(source_row))

    def accepts(self, row: RosterRow) -> bool:
        """Whether the search and the filters let ``row`` through."""
        if self._search and not any(
            self._search in text.casefold() for text in (row.nama, row.nik, row.jabatan)
        ):
            return False
        if self._kategori and row.kategori != self._kategori:
            return False
        if self._segmen and row.segmen != self._segmen:
            return False
        if self._status_bpjs and row.status_bpjs != self._status_bpjs:
            return False
        if self._keadaan == ACTIVE_ONLY and not row.aktif:
            return False
        if self._ditanggung and (not row.aktif or row.ditanggung != self._ditanggung):
            return False
        return not (self._keadaan == ENDED_ONLY and row.aktif)

    def visible_rows(self) -> list[RosterRow]:
        """The rows shown, in their order: the source's own (this proxy never reorders, see
        ``sort``), without a Qt index per row."""
        source = self.sourceModel()
        if not isinstance(source, RosterModel):
            return []
        return [row for row in source.rows() if self.accepts(row)]
