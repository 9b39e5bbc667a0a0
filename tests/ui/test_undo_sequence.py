"""Several edits in a row to the same person: every one of them undoes and redoes in turn."""

from dataclasses import replace

from desa_budget.roster import service as roster
from ui.app_context import AppContext
from ui.commands import push
from ui.commands.roster import UpdatePersonCommand


def _name(ctx: AppContext, person_id: int) -> str:
    with ctx.db.session() as s:
        return roster.get_person(s, person_id).person.nama


def _rename(ctx: AppContext, person_id: int, nama: str) -> None:
    with ctx.db.session() as s:
        detail = roster.get_person(s, person_id)
    after = replace(detail.person, nama=nama)
    push(ctx, UpdatePersonCommand(ctx, person_id, detail.person, after, version=detail.version))


def test_two_edits_of_one_person_undo_and_redo_in_turn(ctx: AppContext) -> None:
    failures: list[BaseException] = []
    ctx.command_failed.connect(failures.append)
    with ctx.db.session() as s:
        first = roster.list_roster(s, ctx.year)[0]
    original = _name(ctx, first.person_id)
    _rename(ctx, first.person_id, "Nama Kedua")
    _rename(ctx, first.person_id, "Nama Ketiga")
    ctx.undo_stack.undo()
    assert _name(ctx, first.person_id) == "Nama Kedua"
    ctx.undo_stack.undo()  # refused before: the first step still held the version it wrote
    assert _name(ctx, first.person_id) == original
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    assert _name(ctx, first.person_id) == "Nama Ketiga"
    assert failures == []
