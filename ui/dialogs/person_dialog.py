"""Add or edit one person: personal data, their posts and their coverage for the chosen year.

Validates through roster.validate_person and shows each problem under its field, in the core's
Indonesian words, once the user has edited that field (or pressed Simpan). Each problem line keeps
its space, so nothing moves while the user types. "Simpan" hands the form to ``save`` and the
dialog stays open, everything typed kept, when the core refuses it (e.g. a NIK already on the
roster, which is also checked as soon as 16 digits are typed). Escape or Batal asks first when
something was typed.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desa_budget.errors import UserError
from desa_budget.roster.completeness import missing_fields
from desa_budget.roster.data import Limits, Problem, describe, errors_only, validate_person
from desa_budget.roster.rows import duplicate_nik_message
from desa_budget.roster.service import CoverageData, PersonData, PersonDetail
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories, identifiers
from ui import errors, msgbox
from ui.dialogs.person_parts import PersonForm, combo, default_coverage, primary_post, select
from ui.dialogs.post_dialog import OtherPostsBox, PostEntry, pay_edit, read_post, show_post
from ui.i18n import _, label_buttons, ngettext
from ui.widgets.fields import DateEdit, ProblemLabel, RupiahEdit

__all__ = ["PersonDialog", "PersonForm", "primary_post"]

NikHolder = Callable[[str], str | None]  # the name of someone else with this NIK, or None
Save = Callable[["PersonForm"], None]  # saves the form; raises UserError when refused


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
        nik_holder: NikHolder | None = None,
        save: Save | None = None,
    ) -> None:
        super().__init__(parent)
        self.year = year
        self.kode_desa = kode_desa
        self.limits = limits
        self.detail = detail
        self.nik_holder = nik_holder
        self.save = save
        self.post_record = primary_post(detail, year) if detail else None
        self._auto_from_nik = detail is None  # fill birth date and sex from a new NIK
        # A new form shows a field's problems once the user has edited it; a stored person's
        # problems are real already and show at once.
        self.touched: set[str] = set()
        self.show_all = detail is not None
        self._holder: tuple[str, str | None] = ("", None)  # (NIK, holder) last looked up
        self.setWindowTitle(_("Ubah peserta") if detail else _("Tambah peserta"))
        self.problem_labels: dict[str, ProblemLabel] = {}
        self._build()
        self._load(kategori)
        self._started = self.form()
        self._connect()
        self.revalidate()

    # Building
    def _row(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
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
        self.jenis_kelamin = combo([("L", _("Laki-laki")), ("P", _("Perempuan"))])
        self.tanggal_lahir = DateEdit()
        self.tempat_lahir = QLineEdit()
        self.nama_ibu = QLineEdit()
        # Optional, for BPJS TK registration; personal data that never goes to the DPMD.
        self.no_hp = QLineEdit()
        self.no_hp.setPlaceholderText(_("mis. 081234567890 (boleh kosong)"))
        self.email = QLineEdit()
        self.alamat = QLineEdit()
        self.alamat.setPlaceholderText(_("untuk pendaftaran BPJS TK (boleh kosong)"))
        self.kategori = combo([(c.key, c.label) for c in categories.CATEGORIES])
        self.jabatan = QLineEdit()
        self.status = combo(list(categories.POST_STATUSES.items()))
        self.nomor_sk = QLineEdit()
        self.tanggal_sk = DateEdit(optional=True)
        self.mulai = DateEdit(optional=True)
        self.akhir = DateEdit(optional=True)
        self.penghasilan = pay_edit()
        self.segmen = combo(
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
        self.kelas_jkk = combo([(str(n), str(n)) for n in range(1, 6)])
        self.iuran_pekerja = combo(list(categories.WORKER_SHARE.items()))
        self.status_bpjs = combo(list(categories.BPJS_STATUSES.items()))
        self.nomor_kpj = QLineEdit()
        self.dibayar_oleh = combo([("desa", _("Desa (APBDes)")), ("pemda", _("Pemda (APBD)"))])

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
        self._row(form, _("Siltap + tunjangan / bulan"), self.penghasilan, "penghasilan")

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
        self.other_posts = OtherPostsBox()
        self.other_posts.end_default = min(date.today(), date(self.year, 12, 31))

        left = QVBoxLayout()
        left.addWidget(person_box)
        left.addWidget(post_box)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(coverage_box)
        right.addWidget(self.other_posts)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        inner = QWidget()
        inner.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        label_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        # Both columns side by side, and as tall as fits a 1024 × 768 screen (the rest scrolls).
        hint = inner.sizeHint()
        self.setMinimumWidth(min(hint.width() + 40, 980))
        self.resize(min(hint.width() + 40, 980), min(hint.height() + 90, 690))

    def _load(self, kategori: str | None) -> None:
        detail = self.detail
        if detail is None:
            key = kategori if kategori in categories.BY_KEY else "pekerja_rentan"
            assert key is not None
            select(self.kategori, key)
            self.tanggal_lahir.set_value(date(1980, 1, 1))
            self.mulai.set_value(date(self.year, 1, 1))
            self._load_coverage(default_coverage(key, self.year))
            return
        person = detail.person
        self.nik.setText(person.nik)
        self.nama.setText(person.nama)
        missing = missing_fields(nik=person.nik, tanggal_lahir=person.tanggal_lahir,
                                 jenis_kelamin=person.jenis_kelamin)  # fmt: skip
        if "jenis_kelamin" in missing:  # data belum lengkap: show it empty, never a guess
            self.jenis_kelamin.insertItem(0, _("— belum diisi —"), "")
        select(self.jenis_kelamin, person.jenis_kelamin)
        if "tanggal_lahir" in missing:
            self.tanggal_lahir.optional = True
        self.tanggal_lahir.set_value(person.tanggal_lahir)
        self.touched.update(missing)  # say at once what must be filled before saving
        self._auto_from_nik = bool({"tanggal_lahir", "jenis_kelamin"} & set(missing))
        self.tempat_lahir.setText(person.tempat_lahir)
        self.nama_ibu.setText(person.nama_ibu)
        self.no_hp.setText(person.no_hp)
        self.email.setText(person.email)
        self.alamat.setText(person.alamat)
        if self.post_record is not None:
            show_post(self, self.post_record.data)
        self.other_posts.set_entries(
            [PostEntry(p.data, p.id, p.version) for p in detail.posts if p is not self.post_record]
        )
        self.other_posts.lahir = person.tanggal_lahir
        coverage = detail.coverage_for(self.year)
        kategori_key = self.post_record.data.kategori if self.post_record else "pekerja_rentan"
        self._load_coverage(coverage or default_coverage(kategori_key, self.year))

    def _load_coverage(self, coverage: CoverageData) -> None:
        select(self.segmen, coverage.segmen)
        self.dasar_upah.set_value(coverage.dasar_upah)
        for name, box in self.program_boxes.items():
            box.setChecked(name in coverage.programs)
        select(self.kelas_jkk, str(coverage.kelas_jkk))
        select(self.iuran_pekerja, coverage.iuran_pekerja)
        select(self.status_bpjs, coverage.status_bpjs)
        self.nomor_kpj.setText(coverage.nomor_kpj or "")
        select(self.dibayar_oleh, coverage.dibayar_oleh)
        self._coverage_extra = coverage  # keeps the codes the form does not show

    def _line_edits(self) -> dict[str, QLineEdit]:
        return {
            "nik": self.nik,
            "nama": self.nama,
            "tempat_lahir": self.tempat_lahir,
            "nama_ibu": self.nama_ibu,
            "no_hp": self.no_hp,
            "email": self.email,
            "alamat": self.alamat,
            "jabatan": self.jabatan,
            "nomor_sk": self.nomor_sk,
            "nomor_kpj": self.nomor_kpj,
            "dasar_upah": self.dasar_upah,
            "penghasilan": self.penghasilan,
        }

    def _connect(self) -> None:
        for field, edit in self._line_edits().items():
            edit.textChanged.connect(self.revalidate)
            # a typed field is checked once the user leaves it (Tab, a click, Enter)
            edit.editingFinished.connect(lambda field=field: self._touch(field))
        combos = {
            "jenis_kelamin": self.jenis_kelamin,
            "status": self.status,
            "segmen": self.segmen,
            "kelas_jkk": self.kelas_jkk,
            "iuran_pekerja": self.iuran_pekerja,
            "status_bpjs": self.status_bpjs,
            "dibayar_oleh": self.dibayar_oleh,
        }
        for field, chooser in combos.items():
            chooser.currentIndexChanged.connect(lambda _i, field=field: self._touch(field))
        self.kategori.currentIndexChanged.connect(self._on_kategori_changed)
        self.segmen.currentIndexChanged.connect(self._on_segmen_changed)
        dates = {
            "tanggal_lahir": self.tanggal_lahir,
            "tanggal_sk": self.tanggal_sk,
            "mulai": self.mulai,
            "akhir": self.akhir,
        }
        for field, date_edit in dates.items():
            date_edit.edited.connect(self.revalidate)
            date_edit.dateChanged.connect(self.revalidate)
            date_edit.line.editingFinished.connect(lambda field=field: self._touch(field))
        for box in self.program_boxes.values():
            box.toggled.connect(lambda _on: self._touch("programs"))
        self.other_posts.changed.connect(self.revalidate)
        self.nik.textEdited.connect(self._on_nik_edited)
        self.tanggal_lahir.dateChanged.connect(self._on_birth_details_touched)
        self.jenis_kelamin.activated.connect(self._on_birth_details_touched)

    # Reacting
    def _touch(self, field: str) -> None:
        self.touched.add(field)
        self.revalidate()

    def _on_segmen_changed(self) -> None:
        # A BPU participant has no siltap to withhold from: the JHT they pay is their own payment.
        index = self.iuran_pekerja.findData("potong")
        if self.segmen.currentData() == "BPU":
            self.iuran_pekerja.setItemText(index, _("Dibayar sendiri (iuran mandiri peserta)"))
        else:
            self.iuran_pekerja.setItemText(index, categories.WORKER_SHARE["potong"])

    def _on_nik_edited(self, text: str) -> None:
        if len(text) != 16:
            return
        self.touched.add("nik")  # a whole NIK: say at once if it is taken or does not fit
        if self._auto_from_nik:
            found = identifiers.nik_birth_date_and_gender(text)
            if found is not None:
                born, sex = found
                self.tanggal_lahir.blockSignals(True)
                self.tanggal_lahir.set_value(born)
                self.tanggal_lahir.blockSignals(False)
                select(self.jenis_kelamin, sex)
                self.other_posts.lahir = born
        self.revalidate()

    def _on_birth_details_touched(self) -> None:
        if self.tanggal_lahir.hasFocus() or self.jenis_kelamin.hasFocus():
            self._auto_from_nik = False
        self.other_posts.lahir = self.tanggal_lahir.value()

    def _on_kategori_changed(self) -> None:
        if self.detail is None:
            key = str(self.kategori.currentData())
            self._load_coverage(default_coverage(key, self.year))
        self._touch("kategori")

    # Reading
    def form(self) -> PersonForm:
        tanggal_lahir = self.tanggal_lahir.value()  # None: still missing (validation says so)
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
        post = read_post(self)
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
        return PersonForm(
            person=person,
            post=post,
            post_id=post_id,
            coverage=coverage,
            other_posts=tuple(self.other_posts.entries),
        )

    def _holder_of(self, nik: str) -> str | None:
        if self.nik_holder is None or len(nik) != 16:
            return None
        if self._holder[0] != nik:  # one look-up per NIK typed, not per keystroke elsewhere
            self._holder = (nik, self.nik_holder(nik))
        return self._holder[1]

    def problems(self) -> list[Problem]:
        form = self.form()
        found = [
            Problem(field, text)
            for field, edit in (
                ("tanggal_lahir", self.tanggal_lahir),
                ("tanggal_sk", self.tanggal_sk),
                ("mulai", self.mulai),
                ("akhir", self.akhir),
            )
            if (text := edit.problem()) is not None
        ]
        holder = self._holder_of(form.person.nik)
        if holder is not None:
            found.append(Problem("nik", duplicate_nik_message(form.person.nik, holder)))
        posts = [form.post, *(entry.data for entry in form.other_posts)]
        found += validate_person(
            form.person, posts, form.coverage, kode_desa=self.kode_desa, limits=self.limits
        )
        return found

    def revalidate(self) -> None:
        problems = self.problems()
        shown = [p for p in problems if self.show_all or p.field in self.touched]
        by_field: dict[str, list[Problem]] = {}
        for problem in shown:
            if problem.post_index:  # a post in the list of other posts
                continue
            by_field.setdefault(problem.field, []).append(problem)
        for field, label in self.problem_labels.items():
            label.show_problems(by_field.get(field, []))
        others = [p for p in problems if p.post_index]
        self.other_posts.problem.show_problems([replace(p, message=describe(p)) for p in others])
        blocking = errors_only(shown)
        if blocking:
            self.summary.setStyleSheet("color: #b00020;")
            self.summary.setText(
                ngettext(
                    "{n} masalah harus diperbaiki sebelum disimpan.",
                    "{n} masalah harus diperbaiki sebelum disimpan.",
                    len(blocking),
                ).format(n=len(blocking))
            )
        elif any(not p.is_error for p in shown):
            self.summary.setStyleSheet("")
            self.summary.setText(_("Boleh disimpan; periksa peringatan yang ditandai ⚠."))
        else:
            self.summary.setStyleSheet("")
            self.summary.setText("")

    def changed(self) -> bool:
        return self.form() != self._started

    # Closing
    def accept(self) -> None:
        """Simpan: show every problem and stay when one blocks; otherwise save, and stay with
        everything typed if the core refuses (the message says why)."""
        self.show_all = True
        self.revalidate()
        blocking = errors_only(self.problems())
        if blocking:
            self._focus(blocking[0].field)
            return
        if self.save is not None:
            try:
                self.save(self.form())
            except UserError as exc:
                errors.show_user_error(self, exc)
                return
        super().accept()

    def _focus(self, field: str) -> None:
        widget = {**self._line_edits(), "tanggal_lahir": self.tanggal_lahir}.get(field)
        if widget is not None:
            widget.setFocus()

    def reject(self) -> None:
        """Batal or Escape: ask first when something was typed."""
        if self.changed() and not msgbox.confirm(
            self,
            self.windowTitle(),
            _("Isian formulir ini belum disimpan. Buang isian ini?"),
            yes=_("Buang isian"),
            no=_("Kembali ke formulir"),
        ):
            return
        super().reject()

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
        nik_holder: NikHolder | None = None,
        save: Save | None = None,
    ) -> PersonForm | None:
        """The form as saved (``save`` has run on it), or None when the user cancelled."""
        dialog = cls(
            parent, year=year, kode_desa=kode_desa, limits=limits, detail=detail,
            kategori=kategori, nik_holder=nik_holder, save=save,
        )  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form()
