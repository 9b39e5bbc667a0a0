"""The roster screen driven as a secretary would: add, edit, end, delete, undo/redo, import, export."""

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from ui_helpers import NEW_NIK, YEAR, new_person_form

from desa_budget.errors import UserError
from desa_budget.format import format_rp
from desa_budget.roster import service as roster
from desa_budget.roster.data import PostData
from desa_budget.roster.workbook.export import export_roster
from desa_budget.roster.workbook.layout import COLUMN
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import AuditEntry
from ui import errors, file_dialogs
from ui.app_context import AppContext, NavTarget
from ui.commands.imports import ImportCommand
from ui.dialogs.end_post_dialog import EndPostDialog, PostChoice
from ui.dialogs.import_preview import ImportPreviewDialog
from ui.dialogs.person_dialog import PersonDialog, PersonForm
from ui.dialogs.post_dialog import PostDialog
from ui.models.roster_model import RosterModel
from ui.pages.roster import RosterPage


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> RosterPage:
    widget = RosterPage(ctx)
    qtbot.addWidget(widget)
    ctx.data_changed.connect(widget.refresh)  # what the main window does for the visible page
    widget.refresh()
    widget.resize(1100, 600)
    widget.show()
    return widget


def answer_person(monkeypatch: pytest.MonkeyPatch, make: Any) -> list[dict[str, Any]]:
    """Patch the form: ``make(kwargs)`` returns what the user would have entered."""
    calls: list[dict[str, Any]] = []

    def ask(cls: type, parent: Any, **kwargs: Any) -> PersonForm | None:
        calls.append(kwargs)
        form = make(kwargs)
        if form is None:
            return None
        try:
            kwargs["save"](form)  # what Simpan does
        except UserError as exc:  # the real form shows why and stays open; the user then cancels
            errors.show_user_error(parent, exc)
            return None
        return form

    monkeypatch.setattr(PersonDialog, "ask", classmethod(ask))
    return calls


def totals(page: RosterPage) -> str:
    return page.totals.text()


def audit_count(ctx: AppContext) -> int:
    with ctx.db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def row_of(page: RosterPage, nik: str) -> Any:
    return next((r for r in page.model.rows() if r.nik == nik), None)


def test_adding_a_person_changes_the_totals_and_undo_takes_it_back(
    page: RosterPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_text, before_rows = totals(page), page.proxy.rowCount()
    before_desa = sum(r.desa for r in page.model.rows() if r.dibayar_oleh == "desa")
    answer_person(monkeypatch, lambda _kw: new_person_form(dasar_upah=2_000_000))

    page.add_button.click()

    added = row_of(page, NEW_NIK)
    assert added is not None and added.nama == "Tarjo Wiryo"
    assert added.desa == 12 * 10_800  # 0.54 % of Rp2.000.000, twelve months (domain.md §1)
    assert page.proxy.rowCount() == before_rows + 1
    assert totals(page) != before_text
    assert format_rp(before_desa + 129_600) in totals(page)
    assert page.selected_ids() == [added.person_id]

    ctx.undo_stack.undo()
    assert row_of(page, NEW_NIK) is None
    assert totals(page) == before_text
    ctx.undo_stack.redo()
    assert row_of(page, NEW_NIK) is not None
    assert totals(page) != before_text


def test_the_form_is_prefilled_with_the_filtered_category(
    page: RosterPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = answer_person(monkeypatch, lambda _kw: None)
    page.kategori.setCurrentIndex(page.kategori.findData("bpd"))
    page.add_button.click()
    assert calls[0]["kategori"] == "bpd" and calls[0]["year"] == YEAR
    assert page.proxy.rowCount() == 9  # cancelled: nothing added


def test_edit_undo_and_redo(
    page: RosterPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = page.model.row_at(0)  # the kepala desa
    with ctx.db.session() as session:
        detail = roster.get_person(session, target.person_id)
    coverage = detail.coverage_for(YEAR)
    assert coverage is not None

    def raise_wage(kwargs: dict[str, Any]) -> PersonForm:
        dialog = PersonDialog(
            None,
            year=YEAR,
            kode_desa=kwargs["kode_desa"],
            limits=kwargs["limits"],
            detail=kwargs["detail"],
        )
        dialog.dasar_upah.set_value(coverage.dasar_upah + 500_000)
        dialog.jabatan.setText("Kepala Desa Sukamaju")
        form = dialog.form()
        dialog.deleteLater()
        return form

    answer_person(monkeypatch, raise_wage)
    page.select_persons([target.person_id])
    page.edit_button.click()

    edited = page.model.row_at(page.model.row_of_person(target.person_id))
    assert edited.dasar_upah == coverage.dasar_upah + 500_000
    assert edited.jabatan == "Kepala Desa Sukamaju"
    assert edited.desa > target.desa
    assert ctx.undo_stack.count() == 1  # one macro for one intent

    ctx.undo_stack.undo()
    restored = page.model.row_at(page.model.row_of_person(target.person_id))
    assert (restored.dasar_upah, restored.jabatan, restored.desa) == (
        target.dasar_upah,
        target.jabatan,
        target.desa,
    )
    ctx.undo_stack.redo()
    again = page.model.row_at(page.model.row_of_person(target.person_id))
    assert (again.dasar_upah, again.jabatan) == (edited.dasar_upah, edited.jabatan)


def test_ending_a_post_stops_the_months_and_can_be_undone(
    page: RosterPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = next(r for r in page.model.rows() if r.kategori == "bpd")
    offered: list[list[PostChoice]] = []

    def ask(cls: type, parent: object, posts: list[PostChoice], default: date) -> Any:
        offered.append(posts)
        return posts, date(YEAR, 6, 15)

    monkeypatch.setattr(EndPostDialog, "ask", classmethod(ask))
    page.select_persons([target.person_id])
    page.end_button.click()

    assert [p.jabatan for p in offered[0]] == [target.jabatan]
    ended = page.model.row_at(page.model.row_of_person(target.person_id))
    assert ended.months == 6 and ended.desa == target.desa // 2
    ctx.undo_stack.undo()
    back = page.model.row_at(page.model.row_of_person(target.person_id))
    assert back.months == 12 and back.desa == target.desa
    assert akhir_in_database(ctx, target.person_id) == [None]
    ctx.undo_stack.redo()
    again = page.model.row_at(page.model.row_of_person(target.person_id))
    assert again.months == 6 and akhir_in_database(ctx, target.person_id) == [date(YEAR, 6, 15)]


def akhir_in_database(ctx: AppContext, person_id: int) -> list[date | None]:
    with ctx.db.session() as session:
        return [p.data.akhir for p in roster.get_person(session, person_id).posts]


def test_a_second_post_and_a_new_coverage_year_undo_and_redo_under_the_same_ids(
    page: RosterPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx.set_year(YEAR + 1)  # the demo's coverage rows are all from YEAR: editing adds a row
    page.refresh()
    target = next(r for r in page.model.rows() if r.kategori == "rt_rw")
    with ctx.db.session() as session:
        detail = roster.get_person(session, target.person_id)
    coverage = detail.coverage_for(YEAR + 1)
    assert coverage is not None and [c.data.tahun for c in detail.coverages] == [YEAR]
    second = roster.PostData("lkd", "Ketua LPM", mulai=date(YEAR + 1, 1, 1))
    form = PersonForm(
        person=detail.person,
        post=second,
        post_id=None,  # not one of the person's posts: the form adds it
        coverage=replace(coverage, tahun=YEAR + 1, dasar_upah=coverage.dasar_upah + 250_000),
    )
    answer_person(monkeypatch, lambda _kw: form)
    page.select_persons([target.person_id])
    page.edit_button.click()

    def stored() -> tuple[list[tuple[int, str]], list[tuple[int, int, int]]]:
        with ctx.db.session() as session:
            now = roster.get_person(session, target.person_id)
        return (
            [(p.id, p.data.jabatan) for p in now.posts],
            [(c.id, c.data.tahun, c.data.dasar_upah) for c in now.coverages],
        )

    edited = stored()
    assert [j for _id, j in edited[0]] == [detail.posts[0].data.jabatan, "Ketua LPM"]
    assert [(t, d) for _id, t, d in edited[1]] == [
        (YEAR, coverage.dasar_upah),
        (YEAR + 1, coverage.dasar_upah + 250_000),
    ]
    shown = page.model.row_at(page.model.row_of_person(target.person_id))
    assert shown.dasar_upah == coverage.dasar_upah + 250_000

    ctx.undo_stack.undo()
    assert stored() == ([edited[0][0]], [edited[1][0]])
    shown = page.model.row_at(page.model.row_of_person(target.person_id))
    assert shown.dasar_upah == coverage.dasar_upah
    ctx.undo_stack.redo()
    assert stored() == edited  # the same post and coverage ids as the edit made


def test_deleting_asks_first_and_undo_brings_the_person_back(
    page: RosterPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    target = next(r for r in page.model.rows() if r.kategori == "lkd" or r.kategori == "rt_rw")
    count = page.model.rowCount()
    page.select_persons([target.person_id])
    page.delete_button.click()  # the confirmation box answers "Batal"
    assert page.model.rowCount() == count
    assert boxes.titles() == ["Hapus peserta"]

    from ui import msgbox

    monkeypatch.setattr(msgbox, "confirm", lambda *a, **k: True)
    page.delete_button.click()
    assert row_of(page, target.nik) is None
    ctx.undo_stack.undo()
    back = row_of(page, target.nik)
    # Back under the same id, so every later undo step and the selection still find them.
    assert back is not None and back.desa == target.desa and back.person_id == target.person_id
    ctx.undo_stack.redo()
    assert row_of(page, target.nik) is None
    ctx.undo_stack.undo()
    assert row_of(page, target.nik) is not None


def test_a_refused_edit_shows_the_reason_and_changes_nothing(
    page: RosterPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    existing = page.model.row_at(1)
    with ctx.db.session() as session:
        person = roster.get_person(session, existing.person_id).person
    form = new_person_form()
    twin = replace(person, nama="Orang Lain")  # same NIK as someone on the roster
    answer_person(monkeypatch, lambda _kw: replace(form, person=twin))
    count = page.model.rowCount()
    page.add_button.click()
    assert page.model.rowCount() == count
    assert ctx.undo_stack.count() == 0
    assert any(existing.nama in text for text in boxes.texts())


def test_navigation_applies_filters_and_selects_the_person(page: RosterPage) -> None:
    page.search.setText("zzz")
    page.navigate_to(NavTarget("peserta", filters=(("status_bpjs", "belum"),)))
    assert page.search.text() == ""
    rows = page.proxy.visible_rows()
    assert rows and all(r.status_bpjs == "belum" for r in rows)
    page.navigate_to(NavTarget("peserta", person_id=rows[0].person_id))
    assert page.selected_ids() == [rows[0].person_id]


def write_bad_workbook(ctx: AppContext, path: Path) -> None:
    with ctx.db.session() as session:
        export_roster(session, path, year=YEAR)
    workbook = load_workbook(path)
    sheet = workbook["Daftar"]
    sheet.cell(row=3, column=COLUMN["NIK"] + 1, value="12345")
    sheet.cell(row=5, column=COLUMN["Tanggal Lahir"] + 1, value="31-02-1980")
    sheet.cell(row=6, column=COLUMN["Dasar Upah"] + 1, value="banyak")
    workbook.save(path)


def test_importing_a_bad_file_lists_every_error_and_changes_nothing(
    page: RosterPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "salah.xlsx"
    write_bad_workbook(ctx, path)
    rows_before, audit_before = page.model.rows(), audit_count(ctx)
    shown: list[UserError] = []
    monkeypatch.setattr(
        ImportPreviewDialog,
        "show_errors",
        classmethod(lambda cls, parent, *, file_name, error: shown.append(error)),
    )
    monkeypatch.setattr(file_dialogs, "open_xlsx", lambda *a, **k: path)

    with qtbot.waitSignal(page.files.import_finished, timeout=20_000) as finished:
        page.import_button.click()

    assert finished.args == [False]
    assert len(shown) == 1
    dialog = ImportPreviewDialog(None, file_name=path.name, error=shown[0])
    qtbot.addWidget(dialog)
    problems = dialog.error_model.rows()
    assert {(p.row, p.column) for p in problems} >= {
        (3, "NIK"),
        (5, "Tanggal Lahir"),
        (6, "Dasar Upah"),
    }
    model = dialog.error_model
    shown = {
        tuple(model.index(r, c).data() for c in (model.BARIS, model.KOLOM, model.ISI))
        for r in range(model.rowCount())
    }
    assert {("3", "NIK", "12345"), ("5", "Tanggal Lahir", "31-02-1980")} <= shown
    assert ("6", "Dasar Upah", "banyak") in shown
    assert "Tidak ada yang diubah" in dialog.summary.text()
    page.refresh()
    assert page.model.rows() == rows_before
    assert audit_count(ctx) == audit_before
    assert ctx.settings.last_import_dir == str(tmp_path)


def test_importing_a_good_file_previews_then_writes_and_can_be_undone(
    page: RosterPage,
    ctx: AppContext,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Any,
) -> None:
    path = tmp_path / "naik.xlsx"
    with ctx.db.session() as session:
        export_roster(session, path, year=YEAR)
    workbook = load_workbook(path)
    sheet = workbook["Daftar"]
    nik = str(sheet.cell(row=2, column=COLUMN["NIK"] + 1).value)
    sheet.cell(row=2, column=COLUMN["Dasar Upah"] + 1, value=3_250_000)
    workbook.save(path)
    answer_person(monkeypatch, lambda _kw: new_person_form())
    page.add_button.click()
    assert ctx.undo_stack.count() == 1
    previews: list[Any] = []

    def ask(cls: type, parent: object, *, file_name: str, plan: Any) -> bool:
        previews.append(plan)
        assert row_of(page, nik).dasar_upah != 3_250_000  # nothing written before "Impor"
        return True

    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(page.files.import_finished, timeout=20_000) as finished:
        page.files.start_import(path)

    assert finished.args == [True]
    plan = previews[0]
    assert [c.kolom for e in plan.changed for c in e.changes] == ["Dasar Upah"]
    assert row_of(page, nik).dasar_upah == 3_250_000
    assert ctx.undo_stack.count() == 2  # the earlier edit is kept; the import is one more step
    assert "Impor selesai" in boxes.titles()
    before_ids = {r.nik: r.person_id for r in page.model.rows()}
    ctx.undo_stack.undo()  # the import is undone: the old wage is back, under the same id
    assert row_of(page, nik).dasar_upah != 3_250_000
    assert row_of(page, nik).person_id == before_ids[nik]
    assert row_of(page, NEW_NIK) is not None  # the edit before the import stays
    ctx.undo_stack.redo()
    assert row_of(page, nik).dasar_upah == 3_250_000
    with ctx.db.session() as session:  # a colleague changes that person meanwhile
        person = roster.get_person(session, row_of(page, nik).person_id)
        changed = replace(person.person, nama="Diubah Orang Lain")
        roster.update_person(session, person.id, changed, operator="B")
    step = ctx.undo_stack.command(ctx.undo_stack.index() - 1)
    assert isinstance(step, ImportCommand)
    with pytest.raises(ConcurrentEditError), ctx.db.session() as session:
        step.backward(session)  # a stale undo of the import is refused, like any other
    assert row_of(page, nik).dasar_upah == 3_250_000


def test_export_writes_the_file(
    page: RosterPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keluar" / "daftar.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_xlsx", lambda *a, **k: target)
    with qtbot.waitSignal(page.files.export_finished, timeout=20_000):
        page.export_button.click()
    workbook = load_workbook(target, read_only=True)
    niks = {row[0] for row in workbook["Daftar"].iter_rows(min_row=2, values_only=True)}
    workbook.close()
    assert niks == {r.nik for r in page.model.rows()}


def test_the_roster_follows_the_year(page: RosterPage, ctx: AppContext) -> None:
    ctx.year_changed.connect(lambda _y: page.refresh())
    ctx.set_year(YEAR - 5)  # the demo's people mostly start later: fewer months, other amounts
    assert f"tahun {YEAR - 5}" in totals(page)
    assert ctx.settings.last_year == YEAR - 5
    assert page.model.columnCount() == len(RosterModel.COLUMNS)


def drive_form(monkeypatch: pytest.MonkeyPatch, steps: Any) -> list[PersonDialog]:
    """Patch the form's ask(): build the real form, let ``steps(dialog)`` fill it, press Simpan."""
    shown: list[PersonDialog] = []

    def ask(cls: type, parent: Any, **kwargs: Any) -> PersonForm | None:
        dialog = PersonDialog(parent, **kwargs)
        shown.append(dialog)
        steps(dialog)
        dialog.accept()
        accepted = dialog.result() == PersonDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.form() if accepted else None

    monkeypatch.setattr(PersonDialog, "ask", classmethod(ask))
    return shown


def test_a_second_post_is_added_and_ended_in_the_window(
    page: RosterPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = next(r for r in page.model.rows() if r.kategori == "sekretaris_desa")
    with ctx.db.session() as session:
        count = len(roster.get_person(session, target.person_id).posts)
    plt = PostData(
        kategori="perangkat_desa", jabatan="Plt. Kaur Keuangan", status="plt",
        mulai=date(YEAR, 3, 1),
    )  # fmt: skip
    asked: list[PostData | None] = []

    def post_answer(cls: type, parent: Any, post: PostData | None, **kwargs: Any) -> PostData:
        asked.append(post)
        return plt if post is None else replace(post, akhir=date(YEAR, 8, 31))

    monkeypatch.setattr(PostDialog, "ask", classmethod(post_answer))

    def add_second(dialog: PersonDialog) -> None:
        assert "tidak diubah di sini" not in dialog.other_posts.note.text()
        dialog.other_posts.add_button.click()

    drive_form(monkeypatch, add_second)
    page.select_persons([target.person_id])
    page.edit_button.click()
    with ctx.db.session() as session:
        posts = roster.get_person(session, target.person_id).posts
    assert len(posts) == count + 1 and posts[-1].data.jabatan == "Plt. Kaur Keuangan"
    assert row_of(page, target.nik).jumlah_jabatan == target.jumlah_jabatan + 1
    ctx.undo_stack.undo()
    assert row_of(page, target.nik).jumlah_jabatan == target.jumlah_jabatan
    ctx.undo_stack.redo()

    def end_second(dialog: PersonDialog) -> None:
        box = dialog.other_posts
        box.list.setCurrentRow(len(box.entries) - 1)
        assert box.end_button.isEnabled()
        box.end_button.click()

    drive_form(monkeypatch, end_second)
    page.edit_button.click()
    with ctx.db.session() as session:
        second = roster.get_person(session, target.person_id).posts[-1]
    assert second.data.jabatan == "Plt. Kaur Keuangan" and second.data.akhir == date(YEAR, 8, 31)
    assert asked[-1] is not None and asked[-1].akhir is not None  # an end date is proposed

    ctx.undo_stack.undo()  # the end is undone; the post stays
    with ctx.db.session() as session:
        assert roster.get_person(session, target.person_id).posts[-1].data.akhir is None
    ctx.undo_stack.redo()
    with ctx.db.session() as session:
        assert roster.get_person(session, target.person_id).posts[-1].data.akhir is not None
