"""Add or edit one person: personal data, their post and their coverage for the chosen year.

Validates as the user types through roster.validate_person and shows each problem under its field
in the core's Indonesian words; "Simpan" is enabled only when nothing blocks the save.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desa_budget.contributions.engine import months_in_post
from desa_budget.roster.data import Limits, Problem, errors_only, validate_person
from desa_budget.roster.service import CoverageData, PersonData, PersonDetail, PostData, PostRecord
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories, identifiers
from ui.i18n import _, label_buttons, ngettext
from ui.widgets.fields import DateEdit, ProblemLabel, RupiahEdit, to_qdate


@dataclass(frozen=True)
class PersonForm:
    """What the user asked for. ``post_id`` is the edited post (None for a new person)."""

    person: PersonData
    post: PostData
    post_id: int | None
    coverage: CoverageData


def primary_post(detail: PersonDetail, year: int) -> PostRecord | None:
    """The post the form edits: the highest-ranked one held during ``year``, else the latest."""
    held = [p for p in detail.posts if months_in_post(p.data.mulai, p.data.akhir, year)]
    pool = held or list(detail.posts)
    if not pool:
        return None
    if held:
        return min(pool, key=lambda p: (categories.BY_KEY[p.data.kategori].rank, p.id))
    return max(pool, key=lambda p: (p.data.akhir or date.max, p.id))


def default_coverage(kategori: str, year: int) -> CoverageData:
    segmen = categories.BY_KEY[kategori].usual_segment
    return CoverageData(
        tahun=year,
        segmen=segmen,
        dasar_upah=1_000_000 if segmen == "BPU" else 0,
        programs=("JKK", "JKM"),
    )


def _combo(items: Sequence[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for key, text in items:
        box.addItem(text, key)
    return box


def _select(box: QComboBox, key: object) -> None:
    index = box.findData(key)
    if index >= 0:
        box.setCurrentIndex(index)


class PersonDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        year: int,
        kode_desa: str | None,
        limits: Limits,
        detail: PersonDetail | None = None,
        kategori: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.year = year
        self.kode_desa = kode_desa
        self.limits = limits
        self.detail = detail
        self.post_record = primary_post(detail, year) if detail else None
        self._auto_from_nik = detail is None  # fill birth date and sex from a new NIK
        self.setWindowTitle(_("Ubah peserta") if detail else _("Tambah peserta"))
        self.problem_labels: dict[str, ProblemLabel] = {}
        self._build()
        self._load(kategori)
        self._connect()
        self.revalidate()

    # Building
    def _row(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        problem = ProblemLabel()
        problem.setObjectName(f"problem_{field}")
        column.addWidget(problem)
        self.problem_labels[field] = problem
        form.addRow(label, box)

    def _build(self) -> None:
        self.nik = QLineEdit()
        self.nik.setValidator(QRegularExpressionValidator(r"[0-9]{0,16}", self))
        self.nik.setPlaceholderText(_("16 angka"))
        self.nama = QLineEdit()
        self.jenis_kelamin = _combo([("L", _("Laki-laki")), ("P", _("Perempuan"))])
        self.tanggal_lahir = DateEdit()
        self.tempat_lahir = QLineEdit()
        self.nama_ibu = QLineEdit()
        # Optional, for BPJS TK registration; personal data that never goes to the DPMD.
        self.no_hp = QLineEdit()
        self.no_hp.setPlaceholderText(_("mis. 081234567890 (boleh kosong)"))
        self.email = QLineEdit()
        self.alamat = QLineEdit()
        self.alamat.setPlaceholderText(_("untuk pendaftaran BPJS TK (boleh kosong)"))
        self.kategori = _combo([(c.key, c.label) for c in categories.CATEGORIES])
        self.jabatan = QLineEdit()
        self.status = _combo(list(categories.POST_STATUSES.items()))
        self.nomor_sk = QLineEdit()
        self.tanggal_sk = DateEdit(optional=True)
        self.mulai = DateEdit(optional=True)
        self.akhir = DateEdit(optional=True)
        self.segmen = _combo(
            [("PU", _("PU (penerima upah)")), ("BPU", _("BPU (bukan penerima upah)"))]
        )
        self.dasar_upah = RupiahEdit()
        self.program_boxes = {name: QCheckBox(name) for name in PROGRAMS}
        programs = QWidget()
        row = QHBoxLayout(programs)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.program_boxes.values():
            row.addWidget(box)
        row.addStretch()
        self.kelas_jkk = _combo([(str(n), str(n)) for n in range(1, 6)])
        self.iuran_pekerja = _combo(list(categories.WORKER_SHARE.items()))
        self.status_bpjs = _combo(list(categories.BPJS_STATUSES.items()))
        self.nomor_kpj = QLineEdit()
        self.dibayar_oleh = _combo([("desa", _("Desa (APBDes)")), ("pemda", _("Pemda (APBD)"))])

        person_box = QGroupBox(_("Data pribadi"))
        form = QFormLayout(person_box)
        self._row(form, _("NIK"), self.nik, "nik")
        self._row(form, _("Nama"), self.nama, "nama")
        self._row(form, _("Jenis kelamin"), self.jenis_kelamin, "jenis_kelamin")
        self._row(form, _("Tanggal lahir"), self.tanggal_lahir, "tanggal_lahir")
        self._row(form, _("Tempat lahir"), self.tempat_lahir, "tempat_lahir")
        self._row(form, _("Nama ibu kandung"), self.nama_ibu, "nama_ibu")
        self._row(form, _("No. HP"), self.no_hp, "no_hp")
        self._row(form, _("Email"), self.email, "email")
        self._row(form, _("Alamat"), self.alamat, "alamat")

        post_box = QGroupBox(_("Jabatan"))
        form = QFormLayout(post_box)
        self._row(form, _("Kategori"), self.kategori, "kategori")
        self._row(form, _("Jabatan"), self.jabatan, "jabatan")
        self._row(form, _("Status"), self.status, "status")
        self._row(form, _("Nomor SK"), self.nomor_sk, "nomor_sk")
        self._row(form, _("Tanggal SK"), self.tanggal_sk, "tanggal_sk")
        self._row(form, _("Mulai bertugas (TMT)"), self.mulai, "mulai")
        self._row(form, _("Akhir masa jabatan"), self.akhir, "akhir")
        self.other_posts = QLabel()
        self.other_posts.setWordWrap(True)
        self.other_posts.setVisible(False)
        form.addRow(self.other_posts)

        coverage_box = QGroupBox(_("Kepesertaan mulai tahun {tahun}").format(tahun=self.year))
        form = QFormLayout(coverage_box)
        self._row(form, _("Segmen"), self.segmen, "segmen")
        self._row(form, _("Dasar upah / bulan"), self.dasar_upah, "dasar_upah")
        self._row(form, _("Program"), programs, "programs")
        self._row(form, _("Kelas risiko JKK"), self.kelas_jkk, "kelas_jkk")
        self._row(form, _("Iuran pekerja"), self.iuran_pekerja, "iuran_pekerja")
        self._row(form, _("Status BPJS"), self.status_bpjs, "status_bpjs")
        self._row(form, _("Nomor KPJ"), self.nomor_kpj, "nomor_kpj")
        self._row(form, _("Dibayar oleh"), self.dibayar_oleh, "dibayar_oleh")

        left = QVBoxLayout()
        left.addWidget(person_box)
        left.addWidget(post_box)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(coverage_box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        right.addWidget(self.summary)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(900)

    def _load(self, kategori: str | None) -> None:
        detail = self.detail
        if detail is None:
            key = kategori if kategori in categories.BY_KEY else "pekerja_rentan"
            assert key is not None
            _select(self.kategori, key)
            self.tanggal_lahir.setDate(QDate(1980, 1, 1))
            self.mulai.set_value(date(self.year, 1, 1))
            self._load_coverage(default_coverage(key, self.year))
            return
        person = detail.person
        self.nik.setText(person.nik)
        self.nama.setText(person.nama)
        _select(self.jenis_kelamin, person.jenis_kelamin)
        self.tanggal_lahir.setDate(to_qdate(person.tanggal_lahir))
        self.tempat_lahir.setText(person.tempat_lahir)
        self.nama_ibu.setText(person.nama_ibu)
        self.no_hp.setText(person.no_hp)
        self.email.setText(person.email)
        self.alamat.setText(person.alamat)
        if self.post_record is not None:
            post = self.post_record.data
            _select(self.kategori, post.kategori)
            self.jabatan.setText(post.jabatan)
            _select(self.status, post.status)
            self.nomor_sk.setText(post.nomor_sk)
            self.tanggal_sk.set_value(post.tanggal_sk)
            self.mulai.set_value(post.mulai)
            self.akhir.set_value(post.akhir)
        others = [p.data.jabatan for p in detail.posts if p is not self.post_record]
        if others:
            self.other_posts.setText(
                _("Jabatan lain ({jabatan}) tidak diubah di sini.").format(
                    jabatan=", ".join(others)
                )
            )
            self.other_posts.setVisible(True)
        coverage = detail.coverage_for(self.year)
        kategori_key = self.post_record.data.kategori if self.post_record else "pekerja_rentan"
        self._load_coverage(coverage or default_coverage(kategori_key, self.year))

    def _load_coverage(self, coverage: CoverageData) -> None:
        _select(self.segmen, coverage.segmen)
        self.dasar_upah.set_value(coverage.dasar_upah)
        for name, box in self.program_boxes.items():
            box.setChecked(name in coverage.programs)
        _select(self.kelas_jkk, str(coverage.kelas_jkk))
        _select(self.iuran_pekerja, coverage.iuran_pekerja)
        _select(self.status_bpjs, coverage.status_bpjs)
        self.nomor_kpj.setText(coverage.nomor_kpj or "")
        _select(self.dibayar_oleh, coverage.dibayar_oleh)
        self._coverage_extra = coverage  # keeps the codes the form does not show

    def _connect(self) -> None:
        for edit in (self.nik, self.nama, self.tempat_lahir, self.nama_ibu, self.jabatan):
            edit.textChanged.connect(self.revalidate)
        for edit in (self.no_hp, self.email, self.alamat):
            edit.textChanged.connect(self.revalidate)
        for edit in (self.nomor_sk, self.nomor_kpj, self.dasar_upah):
            edit.textChanged.connect(self.revalidate)
        for combo in (
            self.jenis_kelamin,
            self.status,
            self.segmen,
            self.kelas_jkk,
            self.iuran_pekerja,
            self.status_bpjs,
            self.dibayar_oleh,
        ):
            combo.currentIndexChanged.connect(self.revalidate)
        self.kategori.currentIndexChanged.connect(self._on_kategori_changed)
        for date_edit in (self.tanggal_lahir, self.tanggal_sk, self.mulai, self.akhir):
            date_edit.dateChanged.connect(self.revalidate)
        for box in self.program_boxes.values():
            box.toggled.connect(self.revalidate)
        self.nik.textEdited.connect(self._on_nik_edited)
        self.tanggal_lahir.dateChanged.connect(self._on_birth_details_touched)
        self.jenis_kelamin.activated.connect(self._on_birth_details_touched)

    # Reacting
    def _on_nik_edited(self, text: str) -> None:
        if not self._auto_from_nik or len(text) != 16:
            return
        found = identifiers.nik_birth_date_and_gender(text)
        if found is None:
            return
        born, sex = found
        self.tanggal_lahir.blockSignals(True)
        self.tanggal_lahir.setDate(to_qdate(born))
        self.tanggal_lahir.blockSignals(False)
        _select(self.jenis_kelamin, sex)
        self.revalidate()

    def _on_birth_details_touched(self) -> None:
        if self.tanggal_lahir.hasFocus() or self.jenis_kelamin.hasFocus():
            self._auto_from_nik = False

    def _on_kategori_changed(self) -> None:
        if self.detail is None:
            key = str(self.kategori.currentData())
            self._load_coverage(default_coverage(key, self.year))
        self.revalidate()

    # Reading
    def form(self) -> PersonForm:
        tanggal_lahir = self.tanggal_lahir.value()
        assert tanggal_lahir is not None
        person = PersonData(
            nik=self.nik.text().strip(),
            nama=" ".join(self.nama.text().split()),
            jenis_kelamin=str(self.jenis_kelamin.currentData()),
            tanggal_lahir=tanggal_lahir,
            tempat_lahir=self.tempat_lahir.text().strip(),
            nama_ibu=self.nama_ibu.text().strip(),
            no_hp=self.no_hp.text().strip(),
            email=self.email.text().strip(),
            alamat=" ".join(self.alamat.text().split()),
        )
        post = PostData(
            kategori=str(self.kategori.currentData()),
            jabatan=" ".join(self.jabatan.text().split()),
            status=str(self.status.currentData()),
            nomor_sk=self.nomor_sk.text().strip(),
            tanggal_sk=self.tanggal_sk.value(),
            mulai=self.mulai.value(),
            akhir=self.akhir.value(),
        )
        coverage = replace(
            self._coverage_extra,
            tahun=self.year,
            segmen=str(self.segmen.currentData()),
            dasar_upah=self.dasar_upah.value(),
            programs=tuple(n for n, box in self.program_boxes.items() if box.isChecked()),
            kelas_jkk=int(self.kelas_jkk.currentData()),
            iuran_pekerja=str(self.iuran_pekerja.currentData()),
            status_bpjs=str(self.status_bpjs.currentData()),
            nomor_kpj=self.nomor_kpj.text().strip() or None,
            dibayar_oleh=str(self.dibayar_oleh.currentData()),
        )
        post_id = self.post_record.id if self.post_record else None
        return PersonForm(person=person, post=post, post_id=post_id, coverage=coverage)

    def problems(self) -> list[Problem]:
        form = self.form()
        return validate_person(
            form.person,
            [form.post],
            form.coverage,
            kode_desa=self.kode_desa,
            limits=self.limits,
        )

    def revalidate(self) -> None:
        problems = self.problems()
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        for field, label in self.problem_labels.items():
            label.show_problems(by_field.get(field, []))
        blocking = errors_only(problems)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not blocking)
        if blocking:
            self.summary.setText(
                ngettext(
                    "{n} masalah harus diperbaiki sebelum disimpan.",
                    "{n} masalah harus diperbaiki sebelum disimpan.",
                    len(blocking),
                ).format(n=len(blocking))
            )
        elif problems:
            self.summary.setText(_("Boleh disimpan; periksa peringatan yang ditandai ⚠."))
        else:
            self.summary.setText("")

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        year: int,
        kode_desa: str | None,
        limits: Limits,
        detail: PersonDetail | None = None,
        kategori: str | None = None,
    ) -> PersonForm | None:
        dialog = cls(
            parent, year=year, kode_desa=kode_desa, limits=limits, detail=detail, kategori=kategori
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form()
