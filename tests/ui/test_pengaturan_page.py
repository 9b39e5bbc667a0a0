"""Pengaturan driven as a secretary would: make a backup and restore it (asked first), edit the
profile with the kode desa checked as typed, read the rule tables, set the operator and language."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoCommand
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import YEAR

from desa_budget.budget import settings as budget_settings
from desa_budget.store import audit
from desa_budget.village.profile import ProfileData, get_profile
from ui import msgbox
from ui.app_context import AppContext
from ui.dialogs import file_choosers
from ui.pages.pengaturan import PengaturanPage

TIMEOUT = 20_000


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> PengaturanPage:
    widget = PengaturanPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    widget.resize(1100, 700)
    widget.show()
    return widget


def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, page: PengaturanPage
) -> None:
    with qtbot.waitSignal(page.data_tab.backup_made, timeout=TIMEOUT):
        page.data_tab.make_backup_button.click()
    assert [b.kind for b in page.data_tab.backup_model.rows()].count("manual") == 1
    assert page.rules_tab.rule_model.rowCount() > 0  # the models tested hold rows, not just headers
    qtmodeltester.check(page.data_tab.backup_model, force_py=True)
    qtmodeltester.check(page.rules_tab.rule_model, force_py=True)


def test_backup_then_restore_after_confirming(
    qtbot: QtBot,
    page: PengaturanPage,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Any,
) -> None:
    assert ctx.db.file is not None and str(ctx.db.file) in page.data_tab.location.text()
    with qtbot.waitSignal(page.data_tab.backup_made, timeout=TIMEOUT):
        page.data_tab.make_backup_button.click()
    manual = [b for b in page.data_tab.backup_model.rows() if b.kind == "manual"]
    assert len(manual) == 1 and manual[0].path.exists()
    assert page.data_tab.backup_model.index(0, 1).data() in ("manual", "otomatis")

    # A change after the backup, with an undo step on the stack.
    with ctx.db.session() as session:
        budget_settings.set_budget_year(
            session, YEAR, total_belanja=999_000_000, pagu=None, operator="penguji"
        )
    ctx.undo_stack.push(QUndoCommand("langkah lama"))
    changed: list[bool] = []
    ctx.data_changed.connect(lambda: changed.append(True))

    row = next(i for i, b in enumerate(page.data_tab.backup_model.rows()) if b.kind == "manual")
    page.data_tab.backup_view.selectRow(row)

    # Saying no changes nothing.
    asked: list[str] = []
    monkeypatch.setattr(msgbox, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    page.data_tab.restore_button.click()
    assert (
        "akan diganti" in asked[0] and "Desa Sukamaju" in asked[0] and "sebelum-restore" in asked[0]
    )
    with ctx.db.session() as session:
        assert budget_settings.get_budget_year(session, YEAR).total_belanja == 999_000_000

    monkeypatch.setattr(msgbox, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(page.data_tab.restored, timeout=TIMEOUT):
        page.data_tab.restore_button.click()
    with ctx.db.session() as session:
        assert budget_settings.get_budget_year(session, YEAR).total_belanja is None
    assert ctx.undo_stack.count() == 0 and changed
    assert any(b.kind == "pre-restore" for b in page.data_tab.backup_model.rows())
    assert boxes.titles()[-1] == "Pulihkan cadangan"


def test_profile_kode_desa_checked_as_typed_and_saved(
    qtbot: QtBot, page: PengaturanPage, ctx: AppContext
) -> None:
    form = page.profile_form
    assert form.nama_desa.text() == "Sukamaju"
    form.kode_desa.setText("33.02.12.1005")
    assert "kelurahan" in form.kode_problem.text() and not form.kode_problem.isHidden()
    assert not page.save_profile_button.isEnabled()
    form.kode_desa.setText("3302122005")
    assert not form.kode_problem.problems and page.save_profile_button.isEnabled()
    form.kepala_desa_nama.setText("Hj. Siti Aminah")
    page.save_profile_button.click()
    with ctx.db.session() as session:
        profile = get_profile(session)
    assert profile is not None
    assert profile.kepala_desa_nama == "Hj. Siti Aminah" and profile.kode_desa == "33.02.12.2005"


def test_a_kabupaten_other_than_the_kode_desas_is_warned_about_but_saves(
    page: PengaturanPage, ctx: AppContext
) -> None:
    form = page.profile_form
    assert form.kabupaten.text() == "Banyumas" and form.kabupaten_warning.full_text() == ""
    form.kabupaten.setText("Kendal")
    warning = form.kabupaten_warning.full_text()
    assert "Kabupaten Banyumas" in warning and "Kendal" in warning
    assert page.save_profile_button.isEnabled()  # a warning, not a refusal
    page.save_profile_button.click()
    with ctx.db.session() as session:
        profile = get_profile(session)
    assert profile is not None and profile.kabupaten == "Kendal"
    form.kabupaten.setText("Kab. Banyumas")
    assert form.kabupaten_warning.full_text() == ""
    form.kode_desa.setText("33.24.01.2001")  # a village of Kendal
    assert "Kabupaten Kendal" in form.kabupaten_warning.full_text()


def test_rule_tables_are_shown_with_dates_and_sources(
    page: PengaturanPage, ctx: AppContext
) -> None:
    page.rules_tab.rule_table.setCurrentIndex(page.rules_tab.rule_table.findData("jp_ceiling.csv"))
    headers = page.rules_tab.rule_model.headers()
    assert headers[-4:] == ("Berlaku dari", "Berlaku sampai", "Keyakinan", "Sumber")
    table = ctx.rules.tables["jp_ceiling.csv"]
    assert page.rules_tab.rule_model.rowCount() == len(table.rows)
    first = page.rules_tab.rule_model.rows()[0]
    assert first[-4] == table.rows[0].valid_from and first[-1] == table.rows[0].source
    # The source, off screen on a narrow window, is written out in full for the chosen row.
    assert table.rows[0].source in page.rules_tab.rule_source.text()
    page.rules_tab.rule_view.selectRow(1)
    assert table.rows[1].source in page.rules_tab.rule_source.text()


def test_operator_and_language(page: PengaturanPage, ctx: AppContext) -> None:
    page.operator.setText("Bu Sekdes")
    page.save_operator_button.click()
    assert ctx.operator == "Bu Sekdes"
    with ctx.db.session() as session:
        assert audit.current_operator(session) == "Bu Sekdes"
    page.language.setCurrentIndex(page.language.findData("en"))
    assert ctx.settings.language == "en"
    assert "dibuka ulang" in page.language_note.text()


def test_connect_to_a_server_saves_the_address_only_when_it_opens(
    qtbot: QtBot,
    page: PengaturanPage,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Any,
) -> None:
    from ui import first_start

    page.data_tab.server_url.setText("D:\\data\\jamsos.sqlite3")
    with qtbot.waitSignal(page.data_tab.server_checked, timeout=TIMEOUT) as blocker:
        page.data_tab.connect_server_button.click()
    assert "PostgreSQL" in blocker.args[0] and "PostgreSQL" in page.data_tab.server_result.text()
    assert ctx.settings.server_url == ""

    def unreachable(*, url: str) -> Any:
        raise first_start.UserError("Tidak dapat terhubung ke server basis data kantor.")

    monkeypatch.setattr(first_start, "open_database", unreachable)
    page.data_tab.server_url.setText("postgresql://sekdes:rahasia@kantor/jamsos")
    with qtbot.waitSignal(page.data_tab.server_checked, timeout=TIMEOUT):
        page.data_tab.connect_server_button.click()
    assert "Tidak dapat terhubung" in page.data_tab.server_result.text()
    assert ctx.settings.server_url == "" and boxes.titles() == []
    assert not page.data_tab.forget_server_button.isVisibleTo(page)


@pytest.mark.postgres
def test_connect_to_a_real_server_then_forget_it(
    qtbot: QtBot, page: PengaturanPage, ctx: AppContext, boxes: Any
) -> None:
    from tests.core.store_helpers import pg_database

    with pg_database() as url:
        page.data_tab.server_url.setText(url)
        with qtbot.waitSignal(page.data_tab.server_checked, timeout=TIMEOUT) as blocker:
            page.data_tab.connect_server_button.click()
        assert blocker.args == [""]
        assert ctx.settings.server_url == url
        assert boxes.titles() == ["Server bersama"]
        assert "server" in page.data_tab.server_label.text()
        assert page.data_tab.forget_server_button.isVisibleTo(page)
        page.data_tab.forget_server_button.click()
        assert ctx.settings.server_url == ""


def test_profile_and_operator_edits_undo_and_redo(page: PengaturanPage, ctx: AppContext) -> None:
    ctx.data_changed.connect(page.refresh)  # what the main window does for the visible page

    def stored() -> ProfileData:
        with ctx.db.session() as session:
            profile = get_profile(session)
        assert profile is not None
        return profile

    before = stored()
    page.profile_form.kepala_desa_nama.setText("Hj. Siti Aminah")
    page.save_profile_button.click()
    assert stored().kepala_desa_nama == "Hj. Siti Aminah"
    ctx.undo_stack.undo()
    assert stored().kepala_desa_nama == before.kepala_desa_nama
    assert page.profile_form.kepala_desa_nama.text() == before.kepala_desa_nama
    ctx.undo_stack.redo()
    assert stored().kepala_desa_nama == "Hj. Siti Aminah"
    assert page.profile_form.kepala_desa_nama.text() == "Hj. Siti Aminah"

    page.operator.setText("Bu Sekdes")
    page.save_operator_button.click()
    assert stored().operator_nama == "Bu Sekdes" and ctx.operator == "Bu Sekdes"
    ctx.undo_stack.undo()
    assert stored().operator_nama == before.operator_nama
    assert page.operator.text() == before.operator_nama
    ctx.undo_stack.redo()
    assert stored().operator_nama == "Bu Sekdes" and page.operator.text() == "Bu Sekdes"
    assert stored().kepala_desa_nama == "Hj. Siti Aminah"  # the operator step kept the profile


def test_a_backup_is_written_to_a_chosen_folder_and_the_folder_opens(
    qtbot: QtBot, page: PengaturanPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flash = tmp_path / "flashdisk"
    flash.mkdir()
    monkeypatch.setattr(file_choosers, "choose_folder", lambda *a, **k: flash)
    opened: list[Path] = []
    monkeypatch.setattr(file_choosers, "open_folder", lambda folder: opened.append(folder))
    with qtbot.waitSignal(page.data_tab.backup_made, timeout=TIMEOUT) as made:
        page.data_tab.backup_to_button.click()
    written = Path(made.args[0])
    assert written.parent == flash and written.stat().st_size > 0
    assert written.read_bytes()[:16] == b"SQLite format 3\x00"
    assert str(written) in page.data_tab.backup_status.text()
    page.data_tab.open_backups_button.click()
    assert opened == [page.ctx.db.paths.backups]
