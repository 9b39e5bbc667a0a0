"""A person's other posts (rangkap jabatan, Plt.): the list in the person form, and the small form
that adds, changes or ends one of them. Nothing is saved here: the person form saves them all."""

from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_budget.format import format_date
from desa_budget.roster.data import PostData, Problem, validate_post
from desa_budget.village import categories
from ui import msgbox
from ui.i18n import _, label_buttons
from ui.widgets.fields import DateEdit, ProblemLabel, RupiahEdit


@dataclass(frozen=True)
class PostEntry:
    """One post as the form holds it: ``post_id`` None for a post added in this form."""

    data: PostData
    post_id: int | None = None
    version: int | None = None  # the stored post as read


def post_line(post: PostData) -> str:
    """ "Plt. Kaur Keuangan (Perangkat Desa) · 01-01-2026 – 30-06-2026" """
    kategori = categories.label(post.kategori) if post.kategori in categories.BY_KEY else "?"
    period = ""
    if post.mulai or post.akhir:
        period = " · {mulai} – {akhir}".format(
            mulai=format_date(post.mulai, "…"), akhir=format_date(post.akhir, _("sekarang"))
        )
    return f"{post.jabatan} ({kategori}){period}"


def pay_edit() -> RupiahEdit:
    """Siltap + tunjangan per month of a post: optional, for the 30 % ceiling and the siltap
    minimum where the BPJS basis is not the pay (or the person is not insured)."""
    edit = RupiahEdit()
    edit.setPlaceholderText(_("boleh kosong; untuk batas 30% dan siltap minimum"))
    edit.setToolTip(
        _(
            "Siltap + tunjangan per bulan jabatan ini. Kosong: batas 30% memakai dasar upah "
            "BPJS; tanpa keduanya orang ini tidak ikut dihitung."
        )
    )
    return edit


class PostFields(Protocol):
    """The post's fields, shared by the post dialog and the person form."""

    kategori: QComboBox
    jabatan: QLineEdit
    status: QComboBox
    nomor_sk: QLineEdit
    tanggal_sk: DateEdit
    mulai: DateEdit
    akhir: DateEdit
    penghasilan: RupiahEdit


def show_post(fields: PostFields, post: PostData) -> None:
    fields.kategori.setCurrentIndex(max(fields.kategori.findData(post.kategori), 0))
    fields.jabatan.setText(post.jabatan)
    fields.status.setCurrentIndex(max(fields.status.findData(post.status), 0))
    fields.nomor_sk.setText(post.nomor_sk)
    fields.tanggal_sk.set_value(post.tanggal_sk)
    fields.mulai.set_value(post.mulai)
    fields.akhir.set_value(post.akhir)
    fields.penghasilan.set_value(post.penghasilan or 0)


def read_post(fields: PostFields) -> PostData:
    return PostData(
        kategori=str(fields.kategori.currentData()),
        jabatan=" ".join(fields.jabatan.text().split()),
        status=str(fields.status.currentData()),
        nomor_sk=fields.nomor_sk.text().strip(),
        tanggal_sk=fields.tanggal_sk.value(),
        mulai=fields.mulai.value(),
        akhir=fields.akhir.value(),
        penghasilan=fields.penghasilan.value() or None,
    )


class PostDialog(QDialog):
    """Add or change one post: kategori, jabatan, status, SK and term."""

    def __init__(
        self, parent: QWidget | None, post: PostData | None, *, lahir: date | None = None
    ) -> None:
        super().__init__(parent)
        self.lahir = lahir
        self.setWindowTitle(_("Ubah jabatan") if post else _("Tambah jabatan"))
        self.kategori = QComboBox()
        for category in categories.CATEGORIES:
            self.kategori.addItem(category.label, category.key)
        self.jabatan = QLineEdit()
        self.status = QComboBox()
        for key, text in categories.POST_STATUSES.items():
            self.status.addItem(text, key)
        self.nomor_sk = QLineEdit()
        self.tanggal_sk = DateEdit(optional=True)
        self.mulai = DateEdit(optional=True)
        self.akhir = DateEdit(optional=True)
        self.penghasilan = pay_edit()
        self.problem = ProblemLabel(lines=2)
        form = QFormLayout()
        form.addRow(_("Kategori"), self.kategori)
        form.addRow(_("Jabatan"), self.jabatan)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Nomor SK"), self.nomor_sk)
        form.addRow(_("Tanggal SK"), self.tanggal_sk)
        form.addRow(_("Mulai bertugas (TMT)"), self.mulai)
        form.addRow(_("Akhir masa jabatan"), self.akhir)
        form.addRow(_("Siltap + tunjangan / bulan"), self.penghasilan)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if post is not None:
            show_post(self, post)
        self._started = self.value()

    def value(self) -> PostData:
        return read_post(self)

    def problems(self) -> list[Problem]:
        found = [
            Problem(name, text)
            for name, edit in (("tanggal_sk", self.tanggal_sk), ("mulai", self.mulai),
                               ("akhir", self.akhir))
            if (text := edit.problem()) is not None
        ]  # fmt: skip
        return found + validate_post(self.value(), lahir=self.lahir)

    def accept(self) -> None:
        blocking = [p for p in self.problems() if p.is_error]
        if blocking:
            self.problem.show_problems(blocking)
            return
        super().accept()

    def reject(self) -> None:
        if self.value() != self._started and not msgbox.confirm(
            self, _("Batal"), _("Buang isian jabatan ini?"), yes=_("Buang"), no=_("Kembali")
        ):
            return
        super().reject()

    @classmethod
    def ask(
        cls, parent: QWidget | None, post: PostData | None, *, lahir: date | None = None
    ) -> PostData | None:
        dialog = cls(parent, post, lahir=lahir)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()


class OtherPostsBox(QGroupBox):
    """The person's posts besides the one in the form: add, change, end (or drop a new one)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Jabatan lain (rangkap / Plt.)"), parent)
        self.entries: list[PostEntry] = []
        self.lahir: date | None = None
        self.end_default = date.today()
        self.list = QListWidget()
        self.list.setMaximumHeight(78)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.add_button = QPushButton(_("Tambah…"))
        self.edit_button = QPushButton(_("Ubah…"))
        self.end_button = QPushButton(_("Akhiri…"))
        self.remove_button = QPushButton(_("Hapus"))
        self.remove_button.setToolTip(_("Hanya jabatan yang baru ditambahkan di formulir ini."))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.end_button.clicked.connect(self.end_current)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.problem = ProblemLabel()
        self.note = QLabel(_("Belum ada jabatan lain."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self._fill()

    def set_entries(self, entries: list[PostEntry]) -> None:
        self.entries = list(entries)
        self._fill()

    def _fill(self, row: int = -1) -> None:
        self.list.clear()
        for entry in self.entries:
            self.list.addItem(post_line(entry.data))
        self.list.setVisible(bool(self.entries))
        self.note.setVisible(not self.entries)
        if 0 <= row < len(self.entries):
            self.list.setCurrentRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        chosen = self.entries[row] if 0 <= row < len(self.entries) else None
        self.edit_button.setEnabled(chosen is not None)
        self.end_button.setEnabled(chosen is not None and chosen.data.akhir is None)
        self.remove_button.setEnabled(chosen is not None and chosen.post_id is None)

    def _changed(self, row: int) -> None:
        self._fill(row)
        self.changed.emit()

    def add(self) -> None:
        post = PostDialog.ask(self, None, lahir=self.lahir)
        if post is not None:
            self.entries.append(PostEntry(post))
            self._changed(len(self.entries) - 1)

    def edit_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries):
            return
        post = PostDialog.ask(self, self.entries[row].data, lahir=self.lahir)
        if post is not None:
            self.entries[row] = replace(self.entries[row], data=post)
            self._changed(row)

    def end_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        ended = replace(entry.data, akhir=max(self.end_default, entry.data.mulai or date.min))
        post = PostDialog.ask(self, ended, lahir=self.lahir)
        if post is not None:
            self.entries[row] = replace(entry, data=post)
            self._changed(row)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries) and self.entries[row].post_id is None:
            del self.entries[row]
            self._changed(min(row, len(self.entries) - 1))

    def posts(self) -> list[PostData]:
        return [entry.data for entry in self.entries]
