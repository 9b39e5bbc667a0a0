"""The projection's assumptions as a form: years, JP ceiling growth (default: the published
average, shown), total belanja growth, refilling posts, and per category wage growth and a target.
``changed`` fires on every edit."""

from decimal import Decimal
from types import MappingProxyType

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desa_budget.format import format_growth
from desa_budget.projection.assumptions import MAX_YEARS, ProjectionParams
from desa_budget.village import categories
from ui.i18n import _


def _percent_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-50, 100)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    box.setSuffix(" %")
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    box.setMaximumWidth(76)
    return box


def _decimal(box: QDoubleSpinBox) -> Decimal:
    return Decimal(f"{box.value():.2f}").normalize() + 0  # "5.00" -> 5, "4.30" -> 4.3


class ProjectionInputs(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = 0
        self._loading = True
        self.years = QSpinBox()
        self.years.setRange(1, MAX_YEARS)
        self.years.setSuffix(_(" tahun"))
        self.years.setMaximumWidth(96)
        self.ceiling_average = QCheckBox()
        self.ceiling = _percent_box()
        self.ceiling.setToolTip(
            _("Kenaikan per tahun setiap Maret sesudah batas upah JP terakhir yang diterbitkan.")
        )
        self.belanja_on = QCheckBox(_("Total belanja naik per tahun"))
        self.belanja = _percent_box()
        self.belanja.setToolTip(
            _(
                "Untuk rasio 30%: tahun yang total belanjanya belum diisi memakai tahun terakhir "
                "yang diisi, naik sebesar ini."
            )
        )
        self.refill = QCheckBox(_("Jabatan yang berakhir diisi kembali"))
        self.refill.setToolTip(
            _("Pengganti mulai bulan berikutnya dengan dasar upah dan program yang sama.")
        )
        form = QFormLayout()
        form.addRow(_("Lama proyeksi"), self.years)
        form.addRow(_("Batas upah JP"), self.ceiling_average)
        form.addRow(_("Kenaikan per tahun"), self.ceiling)
        form.addRow(self.belanja_on, self.belanja)
        form.addRow("", self.refill)

        grid = QGridLayout()
        grid.addWidget(QLabel(_("Kategori")), 0, 0)
        grid.addWidget(QLabel(_("Upah naik")), 0, 1)
        grid.addWidget(QLabel(_("Target orang")), 0, 2)  # so many persons by that year
        grid.addWidget(QLabel(_("pada tahun")), 0, 3)
        self.wage: dict[str, QDoubleSpinBox] = {}
        self.target: dict[str, QSpinBox] = {}
        self.target_year: dict[str, QSpinBox] = {}
        for row, cat in enumerate(categories.CATEGORIES, start=1):
            wage, count, year = _percent_box(), QSpinBox(), QSpinBox()
            count.setRange(0, 9999)
            count.setSpecialValueText("—")  # 0: no target
            for spin in (count, year):
                spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
                spin.setMaximumWidth(56)
            grid.addWidget(QLabel(cat.label), row, 0)
            grid.addWidget(wage, row, 1)
            grid.addWidget(count, row, 2)
            grid.addWidget(year, row, 3)
            self.wage[cat.key], self.target[cat.key], self.target_year[cat.key] = wage, count, year
        per_category = QGroupBox(_("Per kategori (per tahun)"))
        per_category.setLayout(grid)

        # Two columns: the whole village's assumptions (and whatever the page puts under them in
        # ``footer``), then the categories'.
        self.footer = QVBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(self.footer)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addWidget(per_category)
        layout.addStretch(1)
        for spin in (self.years, *self.target.values(), *self.target_year.values()):
            spin.valueChanged.connect(self._on_edited)
        for box in (self.ceiling, self.belanja, *self.wage.values()):
            box.valueChanged.connect(self._on_edited)
        for check in (self.ceiling_average, self.belanja_on, self.refill):
            check.toggled.connect(self._on_edited)

    def _on_edited(self) -> None:
        self.ceiling.setEnabled(not self.ceiling_average.isChecked())
        self.belanja.setEnabled(self.belanja_on.isChecked())
        if not self._loading:
            self.changed.emit()

    def set_params(self, params: ProjectionParams, average: Decimal) -> None:
        """Show ``params`` (``average``: the published average, the ceiling growth's default)."""
        self._loading = True
        self._base = params.tahun_dasar
        self.years.setValue(params.jumlah_tahun)
        self.ceiling_average.setText(
            _("rata-rata yang diterbitkan ({growth}%)").format(growth=format_growth(average))
        )
        growth = params.kenaikan_batas_jp
        self.ceiling_average.setChecked(growth is None)
        self.ceiling.setValue(float(average if growth is None else growth))
        self.belanja_on.setChecked(params.kenaikan_belanja is not None)
        self.belanja.setValue(float(params.kenaikan_belanja or 0))
        self.refill.setChecked(params.isi_kembali)
        for key in categories.KEYS:
            self.wage[key].setValue(float(params.wage_growth(key)))
            targets = params.target.get(key, {})
            last = max(targets, default=None)
            self.target_year[key].setRange(self._base + 1, self._base + MAX_YEARS)
            self.target_year[key].setValue(last if last is not None else self._base + 3)
            self.target[key].setValue(targets[last] if last is not None else 0)
        self._loading = False
        self._on_edited()

    def params(self, stored: ProjectionParams) -> ProjectionParams:
        """The form's assumptions; what it cannot show (persons not refilled, earlier targets)
        kept from ``stored``."""
        wages = {k: _decimal(box) for k, box in self.wage.items() if box.value()}
        targets = {}
        for key, count in self.target.items():
            if count.value():
                earlier = {y: n for y, n in stored.target.get(key, {}).items()}
                year = self.target_year[key].value()
                kept = {y: n for y, n in earlier.items() if y < year}
                targets[key] = MappingProxyType({**kept, year: count.value()})
        return ProjectionParams(
            tahun_dasar=self._base,
            jumlah_tahun=self.years.value(),
            kenaikan_batas_jp=None if self.ceiling_average.isChecked() else _decimal(self.ceiling),
            kenaikan_upah=MappingProxyType(wages),
            kenaikan_belanja=_decimal(self.belanja) if self.belanja_on.isChecked() else None,
            isi_kembali=self.refill.isChecked(),
            tidak_diisi=stored.tidak_diisi,
            target=MappingProxyType(targets),
        )
