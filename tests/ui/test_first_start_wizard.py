"""The first-start wizard: the village profile (kode desa checked as typed) creates a profile,
the demo village opens, and a shared server is tested before its URL is saved."""

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.store import audit
from desa_budget.store.database import Database
from desa_budget.village.profile import get_profile
from ui import first_start
from ui.first_start import (
    PROFILE,
    SERVER,
    STEP_PROFILE,
    STEP_SERVER,
    FirstStartAnswer,
    FirstStartDialog,
    run_first_start,
)
from ui.settings import Settings


@pytest.fixture
def wizard(qtbot: QtBot) -> FirstStartDialog:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_profile(dialog: FirstStartDialog, qtbot: QtBot, kode: str) -> None:
    form = dialog.form
    form.nama_desa.setText("Karangsari")
    form.kode_desa.clear()
    qtbot.keyClicks(form.kode_desa, kode)
    form.kecamatan.setText("Kebasen")
    form.kabupaten.setText("Banyumas")
    form.provinsi.setText("Jawa Tengah")
    form.alamat.setText("Jl. Raya Karangsari 1")
    form.kepala_desa_nama.setText("Slamet Riyadi")
    form.sekretaris_desa_nama.setText("Dwi Lestari")
    form.kabupaten_profil.setCurrentIndex(form.kabupaten_profil.findData("nasional"))


def test_the_wizard_creates_a_profile(
    qtbot: QtBot, wizard: FirstStartDialog, empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard.profile_button.click()
    assert wizard.steps.currentIndex() == STEP_PROFILE
    fill_profile(wizard, qtbot, "33.02.13.1001")
    assert "kelurahan" in wizard.form.kode_problem.full_text()
    assert not wizard.save_button.isEnabled()
    wizard.form.kode_desa.clear()
    qtbot.keyClicks(wizard.form.kode_desa, "3302132001")
    assert wizard.form.kode_problem.full_text() == "" and wizard.save_button.isEnabled()
    wizard.form.kecamatan.clear()
    wizard.save_button.click()
    assert "Kecamatan wajib diisi." in wizard.profile_problem.text()
    wizard.form.kecamatan.setText("Kebasen")
    wizard.save_button.click()
    answer = wizard.answer
    assert answer.choice == PROFILE and answer.profile is not None
    assert answer.profile.kode_desa == "33.02.13.2001"

    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda cls, parent=None: answer))
    assert run_first_start(empty_db, year=YEAR)
    with empty_db.session() as session:
        profile = get_profile(session)
    assert profile is not None
    assert (profile.nama_desa, profile.kepala_desa_nama) == ("Karangsari", "Slamet Riyadi")
    assert not first_start.is_empty(empty_db)


def test_demo_and_quit_buttons(wizard: FirstStartDialog) -> None:
    wizard.demo_button.click()
    assert wizard.answer == FirstStartAnswer("demo")
    wizard.quit_button.click()
    assert wizard.answer == FirstStartAnswer("quit")


def test_a_server_is_tested_before_it_is_saved(
    qtbot: QtBot,
    wizard: FirstStartDialog,
    empty_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Any,
    credential_store: Any,
) -> None:
    wizard.server_button.click()
    assert wizard.steps.currentIndex() == STEP_SERVER
    wizard.url.setText("sqlite:///bersama.sqlite3")
    wizard.connect_button.click()
    assert "PostgreSQL" in wizard.server_result.text() and wizard.answer.choice == "quit"

    opened: list[str] = []

    class Unreachable:
        def __init__(self, *, url: str) -> None:
            opened.append(url)
            raise first_start.UserError("Tidak dapat terhubung ke server basis data kantor.")

    monkeypatch.setattr(first_start, "open_database", Unreachable)
    wizard.url.setText("postgresql://sekdes:rahasia@kantor/jamsos")
    wizard.connect_button.click()
    assert opened == ["postgresql://sekdes:rahasia@kantor/jamsos"]
    assert "Tidak dapat terhubung" in wizard.server_result.text()

    class Works:
        def __init__(self, *, url: str) -> None:
            opened.append(url)

        def dispose(self) -> None:
            pass

    monkeypatch.setattr(first_start, "open_database", Works)
    wizard.connect_button.click()
    assert wizard.answer == FirstStartAnswer(
        SERVER, url="postgresql://sekdes:rahasia@kantor/jamsos"
    )

    monkeypatch.setattr(
        FirstStartDialog, "ask", classmethod(lambda cls, parent=None: wizard.answer)
    )
    assert run_first_start(empty_db, year=YEAR) is False  # restart to use the server
    settings = Settings.in_folder(Path(empty_db.paths.root))
    assert settings.server_url == "postgresql://sekdes@kantor/jamsos"  # the password kept apart
    assert credential_store.passwords == {("JamsosDesa", settings.server_url): "rahasia"}
    assert "rahasia" not in Path(settings.file_name).read_text(encoding="utf-8")
    assert boxes.titles() == ["Server bersama"]
    assert "Credential Manager" in boxes.texts()[0]


def test_the_name_typed_in_the_wizard_signs_the_demo_villages_history(
    wizard: FirstStartDialog, empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert wizard.operator.isVisible()  # asked on the first step, whichever way in is chosen
    wizard.operator.setText("  Dwi   Lestari ")
    wizard.demo_button.click()
    assert wizard.answer == FirstStartAnswer("demo", operator="Dwi Lestari")

    monkeypatch.setattr(
        FirstStartDialog, "ask", classmethod(lambda cls, parent=None: wizard.answer)
    )
    monkeypatch.setattr(audit, "os_user", lambda: "root")
    assert run_first_start(empty_db, year=YEAR)
    with empty_db.session() as session:
        profile = get_profile(session)
        operators = {row.operator for row in audit.list_audit(session, limit=100_000)}
        assert audit.current_operator(session) == "Dwi Lestari"
    assert profile is not None and profile.operator_nama == "Dwi Lestari"
    assert operators == {"Dwi Lestari"}  # never the computer's login name


def test_the_name_typed_in_the_wizard_is_kept_with_a_new_profile(
    qtbot: QtBot, wizard: FirstStartDialog, empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard.operator.setText("Slamet")
    wizard.profile_button.click()
    fill_profile(wizard, qtbot, "33.02.13.2001")
    wizard.save_button.click()
    assert wizard.answer.profile is not None and wizard.answer.profile.operator_nama == "Slamet"

    monkeypatch.setattr(
        FirstStartDialog, "ask", classmethod(lambda cls, parent=None: wizard.answer)
    )
    monkeypatch.setattr(audit, "os_user", lambda: "root")
    assert run_first_start(empty_db, year=YEAR)
    with empty_db.session() as session:
        assert audit.current_operator(session) == "Slamet"
        assert {row.operator for row in audit.list_audit(session)} == {"Slamet"}


def test_the_wizard_warns_when_the_kode_desa_lies_in_another_kabupaten(
    qtbot: QtBot, wizard: FirstStartDialog
) -> None:
    wizard.profile_button.click()
    fill_profile(wizard, qtbot, "33.02.13.2001")  # Banyumas, typed as Banyumas
    assert wizard.form.kabupaten_warning.full_text() == ""
    wizard.form.kabupaten.setText("Kab. Cilacap")
    assert "Kabupaten Banyumas" in wizard.form.kabupaten_warning.full_text()
    assert wizard.form.kabupaten_warning.isVisible() and wizard.save_button.isEnabled()
