"""End one or more posts on a date: contributions stop after that month."""

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import _, label_buttons
from ui.widgets.fields import DateEdit


@dataclass(frozen=True)
class PostChoice:
    post_id: int
    label: str  # "Nama — Jabatan"
    jabatan: str
    akhir: date | None  # the current end (None = still in post)
    mulai: date | None
    version: int | None = None  # the post as read: a stale end is refused (None: unchecked)


class EndPostDialog(QDialog):
    def __init__(self, parent: QWidget | None, posts: list[PostChoice], default: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Akhiri jabatan"))
        self.setMinimumWidth(440)
        self.posts = posts
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Iuran berhenti sesudah bulan tanggal akhir. Orangnya tetap di daftar "
                "(keadaan: berakhir) dan langkah ini dapat dibatalkan dengan Ctrl+Z."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.boxes: list[QCheckBox] = []
        for post in posts:
            box = QCheckBox(post.label)
            box.setChecked(True)
            box.toggled.connect(self._update)
            self.boxes.append(box)
            layout.addWidget(box)
        form = QFormLayout()
        self.date = DateEdit()
        self.date.set_value(default)
        self.date.dateChanged.connect(self._update)
        form.addRow(_("Tanggal akhir"), self.date)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Akhiri"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def chosen(self) -> list[PostChoice]:
        return [post for post, box in zip(self.posts, self.boxes, strict=True) if box.isChecked()]

    def _update(self) -> None:
        end = self.date.value()
        early = [p.jabatan for p in self.chosen() if p.mulai and end and end < p.mulai]
        if early:
            self.problem.setText(
                _("Tanggal akhir sebelum mulai bertugas: {jabatan}.").format(
                    jabatan=", ".join(early)
                )
            )
        else:
            self.problem.setText("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()) and not early)

    @classmethod
    def ask(
        cls, parent: QWidget | None, posts: list[PostChoice], default: date
    ) -> tuple[list[PostChoice], date] | None:
        dialog = cls(parent, posts, default)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        end = dialog.date.value()
        assert end is not None
        return dialog.chosen(), end
