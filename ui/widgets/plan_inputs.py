"""The what-if inputs of Simulasi & Rencana: pagu, mode, worker shares, BPU discount, programs per
category and the tier order (drag to reorder). ``changed`` fires on every edit."""

from collections.abc import Mapping
from types import MappingProxyType

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_budget.budget.scenarios import ScenarioParams
from desa_budget.budget.tiers import Tier, tiers_in_order
from desa_budget.format import format_rp
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories
from ui.i18n import _
from ui.widgets.fields import RupiahEdit

ROSTER = ""  # worker shares / programs as each person has them in the roster


class PlanInputs(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._defaults: dict[str, tuple[str, ...]] = {}
        self.overridden: set[str] = set()
        self._loading = False

        self.pagu = RupiahEdit()
        self.pagu.setPlaceholderText(_("mis. 45.000.000"))
        self.save_pagu_button = QPushButton(_("Simpan sebagai pagu tahun ini"))
        self.mode = QComboBox()
        self.mode.addItem(_("Berhenti di tingkat yang tidak cukup"), "strict")
        self.mode.addItem(_("Lewati tingkat yang tidak cukup, isi yang masih cukup"), "fill")
        self.mode.setToolTip(
            _(
                "Berhenti: tingkat sesudah tingkat yang tidak tertanggung tidak diisi. "
                "Lewati: pagu yang tersisa dipakai untuk tingkat berikutnya yang masih cukup."
            )
        )
        self.iuran = QComboBox()
        self.iuran.addItem(_("Sesuai daftar peserta"), ROSTER)
        self.iuran.addItem(_("Semua dibayar desa"), "desa")
        self.iuran.addItem(_("Semua dipotong dari siltap"), "potong")
        for combo in (self.mode, self.iuran):  # long choices must not widen the panel
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.bpu_discount = QCheckBox(_("Pakai diskon iuran BPU bila berlaku"))
        form = QFormLayout()
        form.addRow(_("Pagu iuran"), self.pagu)
        form.addRow("", self.save_pagu_button)
        self.pagu_status = QLabel()
        self.pagu_status.setWordWrap(True)
        self.pagu_status.setStyleSheet("color: #2e7d5b;")
        form.addRow("", self.pagu_status)
        form.addRow(_("Cara mengisi"), self.mode)
        form.addRow(_("Iuran pekerja"), self.iuran)
        form.addRow("", self.bpu_discount)
        self.pagu.value_changed.connect(self._emit)
        self.pagu.value_changed.connect(lambda _v: self.pagu_status.clear())
        for combo in (self.mode, self.iuran):
            combo.currentIndexChanged.connect(self._emit)
        self.bpu_discount.toggled.connect(self._emit)

        # Programs per category: a row of checkboxes each; a touched row overrides the roster.
        programs_box = QGroupBox(_("Program per kategori"))
        grid = QGridLayout(programs_box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        for column, name in enumerate(PROGRAMS, start=1):
            header = QLabel(name)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(header, 0, column)
        self.program_boxes: dict[tuple[str, str], QCheckBox] = {}
        self.category_labels: dict[str, QLabel] = {}
        for row, category in enumerate(categories.CATEGORIES, start=1):
            label = QLabel(category.label)
            self.category_labels[category.key] = label
            grid.addWidget(label, row, 0)
            for column, name in enumerate(PROGRAMS, start=1):
                box = QCheckBox()
                box.setToolTip(f"{name} — {category.label}")
                box.toggled.connect(lambda _on, key=category.key: self._on_program_toggled(key))
                self.program_boxes[(category.key, name)] = box
                grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignCenter)
        self.reset_programs_button = QPushButton(_("Kembali ke program di daftar"))
        self.reset_programs_button.clicked.connect(self.reset_programs)
        grid.addWidget(self.reset_programs_button, len(categories.CATEGORIES) + 1, 0, 1, 5)

        tiers_box = QGroupBox(_("Urutan prioritas (seret untuk mengubah)"))
        self.tiers = QListWidget()
        self.tiers.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tiers.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tiers.setWordWrap(True)
        self.tiers.setMinimumHeight(150)
        self.tiers.model().rowsMoved.connect(self._emit)
        self.up_button = QPushButton(_("Naik"))
        self.down_button = QPushButton(_("Turun"))
        self.default_order_button = QPushButton(_("Urutan bawaan"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.default_order_button.clicked.connect(self.default_order)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.default_order_button):
            moves.addWidget(button)
        tiers_layout = QVBoxLayout(tiers_box)
        tiers_layout.addWidget(self.tiers)
        tiers_layout.addLayout(moves)
        self._tiers: tuple[Tier, ...] = ()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(programs_box)
        layout.addWidget(tiers_box, 1)

    def pagu_saved(self, year: int, pagu: int | None) -> None:
        """Say that the pagu is saved (it is undone with Ctrl+Z like any edit)."""
        self.pagu_status.setText(
            _("✔ Pagu {tahun} tersimpan: {pagu}.").format(tahun=year, pagu=format_rp(pagu))
            if pagu
            else _("✔ Pagu {tahun} dikosongkan.").format(tahun=year)
        )

    # Loading
    def set_tiers(self, tiers: tuple[Tier, ...]) -> None:
        """The tiers with their names (the pekerja-rentan target is the village's)."""
        order = self.tier_order()
        if sorted(order) != sorted(t.number for t in tiers):  # first load, or another profile
            order = tuple(t.number for t in tiers)
        self._tiers = tiers
        self._fill_tiers(order)

    def _fill_tiers(self, order: tuple[int, ...]) -> None:
        by_number = {t.number: t for t in self._tiers}
        self._loading = True
        self.tiers.clear()
        for number in order:
            tier = by_number[number]
            item = QListWidgetItem(f"{tier.number}. {_(tier.name)}")
            item.setData(Qt.ItemDataRole.UserRole, tier.number)
            self.tiers.addItem(item)
        self._loading = False

    def set_roster_programs(self, programs: Mapping[str, tuple[str, ...]]) -> None:
        """What the roster has per category (shown for rows the user has not changed)."""
        self._defaults = dict(programs)
        self._show_programs()

    def _show_programs(self) -> None:
        self._loading = True
        for (key, name), box in self.program_boxes.items():
            if key not in self.overridden:
                box.setChecked(name in self._defaults.get(key, ()))
        self._loading = False
        for key, label in self.category_labels.items():
            font = label.font()
            font.setBold(key in self.overridden)
            label.setFont(font)
            label.setToolTip(
                _("Diubah untuk simulasi ini") if key in self.overridden else _("Sesuai daftar")
            )

    # Editing
    def _emit(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_program_toggled(self, key: str) -> None:
        if self._loading:
            return
        self.overridden.add(key)
        self._show_programs()
        self.changed.emit()

    def reset_programs(self) -> None:
        self.overridden.clear()
        self._show_programs()
        self.changed.emit()

    def move_selected(self, step: int) -> None:
        row = self.tiers.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.tiers.count():
            return
        order = list(self.tier_order())
        order.insert(target, order.pop(row))
        self._fill_tiers(tuple(order))
        self.tiers.setCurrentRow(target)
        self.changed.emit()

    def default_order(self) -> None:
        self._fill_tiers(tuple(t.number for t in self._tiers))
        self.changed.emit()

    # Reading and writing the whole set
    def tier_order(self) -> tuple[int, ...]:
        return tuple(
            int(self.tiers.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.tiers.count())
        )

    def programs(self) -> dict[str, tuple[str, ...]]:
        return {
            key: tuple(p for p in PROGRAMS if self.program_boxes[(key, p)].isChecked())
            for key in categories.KEYS
            if key in self.overridden
        }

    def params(self) -> ScenarioParams:
        iuran = str(self.iuran.currentData())
        return ScenarioParams(
            pagu=self.pagu.value(),
            mode=str(self.mode.currentData()),
            tier_order=self.tier_order(),
            programs=MappingProxyType(self.programs()),
            iuran_pekerja=iuran or None,
            bpu_discount=self.bpu_discount.isChecked(),
        )

    def set_params(self, params: ScenarioParams) -> None:
        self._loading = True
        self.pagu.set_value(params.pagu)
        self.mode.setCurrentIndex(max(self.mode.findData(params.mode), 0))
        self.iuran.setCurrentIndex(max(self.iuran.findData(params.iuran_pekerja or ROSTER), 0))
        self.bpu_discount.setChecked(params.bpu_discount)
        self.overridden = set(params.programs)
        for (key, name), box in self.program_boxes.items():
            if key in self.overridden:
                box.setChecked(name in params.programs[key])
        self._loading = False
        self._fill_tiers(tuple(t.number for t in tiers_in_order(self._tiers, params.tier_order)))
        self._show_programs()
        self.changed.emit()
