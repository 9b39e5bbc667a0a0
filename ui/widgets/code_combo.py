"""A combo box of the codes a budget line can use: kegiatan, objek belanja or sumber dana."""

from PySide6.QtWidgets import QComboBox, QWidget

from desa_budget.budget.codes.catalog import Catalog

# The level a budget line needs: a whole kegiatan, an objek belanja; every sumber dana.
LINE_LEVEL = {"kegiatan": "kegiatan", "rekening": "objek", "sumber_dana": "sumber_dana"}


class CodeCombo(QComboBox):
    """``1.1.03 — Penyediaan Jaminan Sosial …``; ``code()`` is the dotted code ("" = none chosen)."""

    def __init__(
        self,
        kind: str,
        catalog: Catalog,
        *,
        empty_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(40)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        if empty_text is not None:
            self.addItem(empty_text, "")
        for row in catalog.items(kind):
            if row.level != LINE_LEVEL[kind]:
                continue
            mark = " ★" if row.local else ""
            self.addItem(f"{row.kode} — {row.uraian}{mark}", row.kode)
            self.setItemData(
                self.count() - 1, f"{row.uraian}\n{row.source} [{row.confidence}]", 3
            )  # 3 = ToolTipRole

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str | None) -> bool:
        """Select ``code``; False (selection unchanged) when the list does not have it."""
        index = self.findData(code or "")
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True
