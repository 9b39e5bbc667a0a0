"""The person form checks as the user types and explains each problem next to its field."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_helpers import NEW_NIK, YEAR

from desa_budget.roster.data import Limits
from ui.dialogs.person_dialog import PersonDialog

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


def save_enabled(dialog: PersonDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def problem(dialog: PersonDialog, field: str) -> str:
    label = dialog.problem_labels[field]
    return label.text() if label.isVisible() else ""


def test_problems_appear_and_clear_as_the_user_types(qtbot: QtBot, dialog: PersonDialog) -> None:
    assert not save_enabled(dialog)
    assert "Nama wajib diisi" in problem(dialog, "nama")
    assert "Jabatan wajib diisi" in problem(dialog, "jabatan")

    qtbot.keyClicks(dialog.nik, "12345")
    assert "16" in problem(dialog, "nik")

    dialog.nik.clear()
    qtbot.keyClicks(dialog.nik, NEW_NIK)  # the NIK fills birth date and sex
    assert dialog.tanggal_lahir.value() is not None
    assert dialog.tanggal_lahir.value().isoformat() == "1990-08-17"
    assert dialog.jenis_kelamin.currentData() == "L"
    assert problem(dialog, "nik") == ""

    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Kasi Pelayanan")
    qtbot.keyClicks(dialog.dasar_upah, "1500000")
    assert dialog.dasar_upah.text() == "1.500.000"
    assert "siltap minimum" in problem(dialog, "dasar_upah")  # a warning: saving is allowed
    assert save_enabled(dialog)

    dialog.dasar_upah.clear()
    qtbot.keyClicks(dialog.dasar_upah, "2500000")
    assert problem(dialog, "dasar_upah") == ""
    form = dialog.form()
    assert form.coverage.dasar_upah == 2_500_000 and form.post.kategori == "perangkat_desa"


def test_dates_and_bpu_rules_are_explained(qtbot: QtBot, dialog: PersonDialog) -> None:
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Kaur")
    dialog.dasar_upah.set_value(2_500_000)
    dialog.mulai.set_value(dialog.tanggal_lahir.value().replace(year=1985))
    assert "sebelum tanggal lahir" in problem(dialog, "mulai")
    assert not save_enabled(dialog)
    dialog.mulai.set_value(None)
    dialog.segmen.setCurrentIndex(dialog.segmen.findData("BPU"))
    dialog.program_boxes["JP"].setChecked(True)
    dialog.dasar_upah.set_value(500_000)
    assert "JP" in problem(dialog, "programs")
    assert "1.000.000" in problem(dialog, "dasar_upah")
    assert not save_enabled(dialog)
    assert "masalah" in dialog.summary.text()


def test_escape_cancels(qtbot: QtBot, dialog: PersonDialog) -> None:
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_contact_data_for_bpjs_registration_is_optional_and_checked(
    qtbot: QtBot, dialog: PersonDialog
) -> None:
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    qtbot.keyClicks(dialog.nama, "Tarjo")
    qtbot.keyClicks(dialog.jabatan, "Kaur")
    dialog.dasar_upah.set_value(2_500_000)
    assert save_enabled(dialog)  # all three empty: allowed
    qtbot.keyClicks(dialog.no_hp, "0812-34")
    qtbot.keyClicks(dialog.email, "tarjo@")
    assert "08" in problem(dialog, "no_hp") and "email" in problem(dialog, "email")
    assert not save_enabled(dialog)
    qtbot.keyClicks(dialog.no_hp, "56-7890")
    qtbot.keyClicks(dialog.email, "contoh.id")
    qtbot.keyClicks(dialog.alamat, "Dusun I RT 01/02")
    assert problem(dialog, "no_hp") == "" and save_enabled(dialog)
    person = dialog.form().person
    assert (person.no_hp, person.email, person.alamat) == (
        "0812-3456-7890", "tarjo@contoh.id", "Dusun I RT 01/02",
    )  # fmt: skip
