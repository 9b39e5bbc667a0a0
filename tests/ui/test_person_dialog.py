"""The person form: problems explained next to their field once it is edited, a form that stands
still, dates typed as people type them, and nothing typed lost (a refusal keeps the form)."""

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from ui_helpers import NEW_NIK, YEAR

from desa_budget.errors import UserError
from desa_budget.roster.data import Limits, errors_only
from ui import msgbox
from ui.dialogs.person_dialog import PersonDialog, PersonForm

KODE_DESA = "33.02.12.2005"


@pytest.fixture
def dialog(qtbot: QtBot) -> PersonDialog:
    limits = Limits(siltap_minimum={"perangkat_desa": 2_022_200}, bpu_min_income=1_000_000)
    widget = PersonDialog(
        None, year=YEAR, kode_desa=KODE_DESA, limits=limits, kategori="perangkat_desa"
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def problem(dialog: PersonDialog, field: str) -> str:
    return dialog.problem_labels[field].full_text()


def shown_problems(dialog: PersonDialog) -> list[str]:
    return [label.full_text() for label in dialog.problem_labels.values() if label.full_text()]


def leave(edit: QLineEdit) -> None:
    """What Tab or a click elsewhere does: the field is done."""
    edit.editingFinished.emit()


def test_problems_show_once_a_field_is_edited_and_nothing_moves(
    qtbot: QtBot, dialog: PersonDialog
) -> None:
    assert errors_only(dialog.problems())  # name and jabatan are missing…
    assert shown_problems(dialog) == []  # …but nothing is red before anything is typed
    nama_at = dialog.nama.mapTo(dialog, dialog.nama.rect().topLeft())

    qtbot.keyClicks(dialog.nik, "12345")
    assert problem(dialog, "nik") == ""  # still typing
    leave(dialog.nik)
    assert "16 angka" in problem(dialog, "nik") and "''" not in problem(dialog, "nik")
    assert dialog.nama.mapTo(dialog, dialog.nama.rect().topLeft()) == nama_at  # stands still

    dialog.nik.clear()
    qtbot.keyClicks(dialog.nik, NEW_NIK)  # the NIK fills birth date and sex
    assert dialog.tanggal_lahir.value() is not None
    assert dialog.tanggal_lahir.value().isoformat() == "1990-08-17"
    assert dialog.jenis_kelamin.currentData() == "L"
    assert problem(dialog, "nik") == ""

    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Kasi Pelayanan")
    qtbot.keyClicks(dialog.dasar_upah, "1500000")
    leave(dialog.dasar_upah)
    assert dialog.dasar_upah.text() == "1.500.000"
    assert "siltap minimum" in problem(dialog, "dasar_upah")  # a warning: saving is allowed
    assert not errors_only(dialog.problems())
    assert dialog.nama.mapTo(dialog, dialog.nama.rect().topLeft()) == nama_at

    dialog.dasar_upah.clear()
    qtbot.keyClicks(dialog.dasar_upah, "2500000")
    assert problem(dialog, "dasar_upah") == ""
    form = dialog.form()
    assert form.coverage.dasar_upah == 2_500_000 and form.post.kategori == "perangkat_desa"


def test_simpan_with_a_problem_shows_it_and_keeps_the_form(
    qtbot: QtBot, dialog: PersonDialog
) -> None:
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "Nama wajib diisi" in problem(dialog, "nama")
    assert "Jabatan wajib diisi" in problem(dialog, "jabatan")
    assert "masalah" in dialog.summary.text()
    assert dialog.nik.text() == NEW_NIK


def test_dates_and_bpu_rules_are_explained(qtbot: QtBot, dialog: PersonDialog) -> None:
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Kaur")
    dialog.dasar_upah.set_value(2_500_000)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # every problem shows
    dialog.mulai.set_value(dialog.tanggal_lahir.value().replace(year=1985))
    assert "sebelum tanggal lahir" in problem(dialog, "mulai")
    assert errors_only(dialog.problems())
    dialog.mulai.set_value(None)
    dialog.segmen.setCurrentIndex(dialog.segmen.findData("BPU"))
    dialog.program_boxes["JP"].setChecked(True)
    dialog.dasar_upah.set_value(500_000)
    assert "JP" in problem(dialog, "programs")
    assert "1.000.000" in problem(dialog, "dasar_upah")
    assert "masalah" in dialog.summary.text()
    for name, checked in (("JP", False), ("JKK", False), ("JKM", False), ("JHT", True)):
        dialog.program_boxes[name].setChecked(checked)
    assert "tambahan JKK dan JKM" in problem(dialog, "programs")  # BPU JHT never alone
    withheld = dialog.iuran_pekerja.findData("potong")
    assert "iuran mandiri peserta" in dialog.iuran_pekerja.itemText(withheld)  # no siltap to cut
    dialog.segmen.setCurrentIndex(dialog.segmen.findData("PU"))
    assert dialog.iuran_pekerja.itemText(withheld) == "Potong Siltap"


@pytest.mark.parametrize("typed", ["05-07-1985", "05/07/1985", "05071985"])
def test_a_date_is_typed_as_people_type_it(qtbot: QtBot, dialog: PersonDialog, typed: str) -> None:
    edit = dialog.tanggal_lahir
    edit.line.selectAll()
    qtbot.keyClicks(edit.line, typed)
    assert edit.value() == date(1985, 7, 5)
    leave(edit.line)
    assert edit.text() == "05-07-1985"
    dialog.mulai.line.selectAll()
    qtbot.keyClicks(dialog.mulai.line, typed)
    assert dialog.form().post.mulai == date(1985, 7, 5)


def test_a_half_typed_date_is_explained_not_swallowed(qtbot: QtBot, dialog: PersonDialog) -> None:
    dialog.mulai.line.selectAll()
    qtbot.keyClicks(dialog.mulai.line, "31-02")
    leave(dialog.mulai.line)
    assert dialog.mulai.text() == "31-02"  # kept as typed, not snapped back
    assert "hh-bb-tttt" in problem(dialog, "mulai")
    qtbot.keyClicks(dialog.mulai.line, "-2026")  # 31 February does not exist
    assert "hh-bb-tttt" in problem(dialog, "mulai")
    assert errors_only(dialog.problems())


def test_a_nik_on_the_roster_is_named_while_typing_and_the_form_stays(qtbot: QtBot) -> None:
    dialog = PersonDialog(
        None, year=YEAR, kode_desa=KODE_DESA, limits=Limits(), kategori="rt_rw",
        nik_holder=lambda nik: "Suparno" if nik == NEW_NIK else None,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Ketua RT 09")
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    assert "sudah terdaftar atas nama Suparno" in problem(dialog, "nik")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert (dialog.nama.text(), dialog.jabatan.text()) == ("Tarjo", "Ketua RT 09")


def test_a_refusal_on_simpan_keeps_everything_typed(qtbot: QtBot, boxes: Any) -> None:
    saved: list[PersonForm] = []

    def save(form: PersonForm) -> None:
        saved.append(form)
        if len(saved) == 1:
            raise UserError("NIK 3302121708900777 sudah terdaftar atas nama Suparno.")

    dialog = PersonDialog(
        None, year=YEAR, kode_desa=KODE_DESA, limits=Limits(), kategori="rt_rw", save=save
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Ketua RT 09")
    dialog.dasar_upah.set_value(1_500_000)
    save_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.click()
    assert any("Suparno" in text for text in boxes.texts())
    assert dialog.isVisible() and dialog.nama.text() == "Tarjo" and dialog.nik.text() == NEW_NIK
    with qtbot.waitSignal(dialog.accepted):
        save_button.click()
    assert len(saved) == 2 and saved[1].person.nama == "Tarjo"


def test_escape_on_an_empty_form_closes_it(qtbot: QtBot, dialog: PersonDialog) -> None:
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_contact_data_for_bpjs_registration_is_optional_and_checked(
    qtbot: QtBot, dialog: PersonDialog
) -> None:
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Kaur")
    dialog.dasar_upah.set_value(2_500_000)
    assert not [p for p in dialog.problems() if p.field in ("no_hp", "email", "alamat")]
    qtbot.keyClicks(dialog.no_hp, "0812-34")
    qtbot.keyClicks(dialog.email, "tarjo@")
    leave(dialog.no_hp)
    leave(dialog.email)
    assert "08" in problem(dialog, "no_hp") and "email" in problem(dialog, "email")
    qtbot.keyClicks(dialog.no_hp, "56-7890")
    qtbot.keyClicks(dialog.email, "contoh.id")
    qtbot.keyClicks(dialog.alamat, "Dusun I RT 01/02")
    leave(dialog.no_hp)
    assert problem(dialog, "no_hp") == "" and problem(dialog, "email") == ""
    person = dialog.form().person
    assert (person.no_hp, person.email, person.alamat) == (
        "0812-3456-7890", "tarjo@contoh.id", "Dusun I RT 01/02",
    )  # fmt: skip


def test_escape_on_a_filled_form_asks_first(
    qtbot: QtBot, dialog: PersonDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(dialog.nama, "Tarjo Wiryo")
    answers: list[str] = []

    def confirm(parent: Any, title: str, text: str, **kwargs: Any) -> bool:
        answers.append(text)
        return len(answers) > 1  # first "Kembali ke formulir", then "Buang isian"

    monkeypatch.setattr(msgbox, "confirm", confirm)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.nama.text() == "Tarjo Wiryo"
    with qtbot.waitSignal(dialog.rejected):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(answers) == 2 and "belum disimpan" in answers[0]


def test_siltap_and_tunjangan_of_the_post_is_optional(qtbot: QtBot, dialog: PersonDialog) -> None:
    assert dialog.form().post.penghasilan is None  # empty: the BPJS basis stands in
    qtbot.keyClicks(dialog.penghasilan, "4100000")
    assert dialog.penghasilan.text() == "4.100.000"
    assert dialog.form().post.penghasilan == 4_100_000
    assert "batas 30%" in dialog.penghasilan.placeholderText()
