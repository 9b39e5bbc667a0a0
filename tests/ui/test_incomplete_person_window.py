"""A perangkat taken from Siskeudes without NIK, birth date or sex: the roster says what is missing,
and the person form asks for it before it saves."""

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_helpers import NEW_NIK, YEAR

from desa_budget.roster import service as roster
from desa_budget.roster.data import Limits, errors_only
from desa_budget.roster.read import get_person
from ui.app_context import AppContext
from ui.dialogs.person_dialog import PersonDialog
from ui.models.roster_model import RosterModel
from ui.pages.roster import RosterPage


def add_wagiman(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        return roster.add_incomplete_person(
            s, roster.PersonData("", "Wagiman", "", None),
            [roster.PostData("perangkat_desa", "Kepala Dusun", mulai=date(YEAR, 1, 1))],
            operator="uji",
        )  # fmt: skip


def test_the_roster_says_who_is_incomplete_and_what_is_missing(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_wagiman(ctx)
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    rows = {row.nama: i for i, row in enumerate(page.model.rows())}
    nik = page.model.index(rows["Wagiman"], RosterModel.NIK).data()
    assert nik == "Belum lengkap: NIK, tanggal lahir, jenis kelamin"
    assert "1 peserta belum lengkap" in page.totals.text()


def test_the_form_names_the_missing_fields_and_saves_once_they_are_filled(
    qtbot: QtBot, ctx: AppContext
) -> None:
    person_id = add_wagiman(ctx)
    with ctx.db.session() as s:
        detail = get_person(s, person_id)
    saved = []
    dialog = PersonDialog(
        None, year=YEAR, kode_desa=None, limits=Limits(), detail=detail, save=saved.append
    )
    qtbot.addWidget(dialog)
    dialog.show()
    shown = {p.field for p in errors_only(dialog.problems())}
    assert {"nik", "tanggal_lahir", "jenis_kelamin"} <= shown
    assert (
        "Belum diisi" in dialog.problem_labels["nik"].full_text()
    )  # said at once, before any typing
    assert dialog.jenis_kelamin.currentData() == ""  # no guessed sex
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and saved == []
    qtbot.keyClicks(dialog.nik, NEW_NIK)  # birth date and sex follow from the NIK
    assert (dialog.tanggal_lahir.value(), dialog.jenis_kelamin.currentData()) == (
        date(1990, 8, 17), "L",
    )  # fmt: skip
    dialog.dasar_upah.set_value(2_500_000)  # the coverage the import left to the secretary
    assert errors_only(dialog.problems()) == []
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    (form,) = saved
    assert (form.person.nik, form.person.jenis_kelamin) == (NEW_NIK, "L")


def test_completing_can_be_undone_back_to_incomplete(qtbot: QtBot, ctx: AppContext) -> None:
    from dataclasses import replace

    from ui.commands.roster import UpdatePersonCommand

    person_id = add_wagiman(ctx)
    with ctx.db.session() as s:
        detail = get_person(s, person_id)
    born = date(1990, 8, 17)
    filled = replace(detail.person, nik=NEW_NIK, jenis_kelamin="L", tanggal_lahir=born)
    ctx.undo_stack.push(
        UpdatePersonCommand(ctx, person_id, detail.person, filled, version=detail.version)
    )
    with ctx.db.session() as s:
        assert get_person(s, person_id).person.nik == NEW_NIK
    ctx.undo_stack.undo()
    with ctx.db.session() as s:
        assert get_person(s, person_id).person == detail.person  # incomplete again, as it was
