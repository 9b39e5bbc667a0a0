"""Undo commands, after Orange's document commands: one QUndoCommand per user intent.

Each holds ids and before/after DTOs; ``redo()`` and ``undo()`` each call one core function in
their own transaction. ``push()`` runs the first redo itself, so a refused edit (UserError) never
lands on the stack, then pushes: pushing is the edit, there is no second code path.
"""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from desa_budget.roster import service as roster
from desa_budget.roster.service import CoverageData, PersonData, PersonDetail, PostData
from ui.app_context import AppContext
from ui.i18n import _


class RosterCommand(QUndoCommand):
    """A roster edit. Subclasses implement ``forward`` and ``backward`` with one core call each."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._already_done = False

    def forward(self, session: Session) -> None:
        raise NotImplementedError

    def backward(self, session: Session) -> None:
        raise NotImplementedError

    def apply_first(self) -> None:
        """The first redo, before the push; raises UserError when the core refuses the edit."""
        with self.ctx.db.session() as session:
            self.forward(session)
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False  # push() calls redo() once more: the edit is already made
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, step: Callable[[Session], None]) -> None:
        try:
            with self.ctx.db.session() as session:
                step(session)
        except Exception as exc:  # noqa: BLE001 - handed on: the window reports it and drops history
            self.ctx.command_failed.emit(exc)
        finally:
            self.ctx.notify_changed()

    def person(self, person_id: int) -> int:
        return self.ctx.ids.resolve("person", person_id)

    def post(self, post_id: int) -> int:
        return self.ctx.ids.resolve("post", post_id)


def push(ctx: AppContext, command: RosterCommand) -> None:
    """Make the edit and put it on the undo stack (nothing is pushed if the core refuses it)."""
    command.apply_first()
    ctx.undo_stack.push(command)
    ctx.notify_changed()


def push_macro(ctx: AppContext, text: str, commands: Sequence[RosterCommand]) -> None:
    """Several edits as one undo step; if one is refused, the ones already made are undone."""
    if len(commands) == 1:
        push(ctx, commands[0])
        return
    stack = ctx.undo_stack
    stack.beginMacro(text)
    done = 0
    try:
        for command in commands:
            command.apply_first()
            stack.push(command)
            done += 1
    finally:
        stack.endMacro()
        if done and done < len(commands):
            stack.undo()  # take back the half-made edit before the error is shown
        ctx.notify_changed()


def _remember_new_ids(
    ctx: AppContext, session: Session, old: PersonDetail | None, new_id: int
) -> None:
    """Map a re-created person's old ids (and their posts', in order) to the new ones."""
    if old is None:
        return
    ctx.ids.moved("person", old.id, new_id)
    fresh = roster.get_person(session, new_id)
    for before, after in zip(old.posts, fresh.posts, strict=False):
        ctx.ids.moved("post", before.id, after.id)


class AddPersonCommand(RosterCommand):
    def __init__(
        self,
        ctx: AppContext,
        person: PersonData,
        posts: Sequence[PostData],
        coverage: CoverageData | None,
    ) -> None:
        super().__init__(ctx, _("Tambah {nama}").format(nama=person.nama))
        self.data = person
        self.posts = tuple(posts)
        self.coverage = coverage
        self.person_id: int | None = None
        self._added: PersonDetail | None = None

    def forward(self, session: Session) -> None:
        new_id = roster.add_person(
            session, self.data, self.posts, self.coverage, operator=self.ctx.operator
        )
        _remember_new_ids(self.ctx, session, self._added, new_id)
        if self.person_id is None:
            self.person_id = new_id
        self._added = roster.get_person(session, new_id)

    def backward(self, session: Session) -> None:
        assert self.person_id is not None
        roster.delete_person(session, self.person(self.person_id), operator=self.ctx.operator)


class DeletePersonCommand(RosterCommand):
    """Undo re-adds the person with their posts and every coverage year."""

    def __init__(self, ctx: AppContext, detail: PersonDetail) -> None:
        super().__init__(ctx, _("Hapus {nama}").format(nama=detail.person.nama))
        self.detail = detail
        self._current: PersonDetail = detail

    def forward(self, session: Session) -> None:
        person_id = self.person(self.detail.id)
        self._current = roster.get_person(session, person_id)
        roster.delete_person(session, person_id, operator=self.ctx.operator)

    def backward(self, session: Session) -> None:
        old = self._current
        coverages = [c.data for c in old.coverages]
        new_id = roster.add_person(
            session,
            old.person,
            [p.data for p in old.posts],
            coverages[0] if coverages else None,
            operator=self.ctx.operator,
        )
        for coverage in coverages[1:]:
            roster.set_coverage(session, new_id, coverage, operator=self.ctx.operator)
        _remember_new_ids(self.ctx, session, old, new_id)


class UpdatePersonCommand(RosterCommand):
    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        before: PersonData,
        after: PersonData,
        *,
        version: int | None = None,
    ) -> None:
        super().__init__(ctx, _("Ubah data {nama}").format(nama=after.nama))
        self.person_id, self.before, self.after = person_id, before, after
        self.version = version  # checked on the first edit only: later steps are our own

    def forward(self, session: Session) -> None:
        roster.update_person(
            session,
            self.person(self.person_id),
            self.after,
            operator=self.ctx.operator,
            version=self.version,
        )
        self.version = None

    def backward(self, session: Session) -> None:
        roster.update_person(
            session, self.person(self.person_id), self.before, operator=self.ctx.operator
        )


class UpdatePostCommand(RosterCommand):
    def __init__(
        self,
        ctx: AppContext,
        post_id: int,
        before: PostData,
        after: PostData,
        *,
        version: int | None = None,
    ) -> None:
        super().__init__(ctx, _("Ubah jabatan {jabatan}").format(jabatan=after.jabatan))
        self.post_id, self.before, self.after = post_id, before, after
        self.version = version

    def forward(self, session: Session) -> None:
        roster.update_post(
            session,
            self.post(self.post_id),
            self.after,
            operator=self.ctx.operator,
            version=self.version,
        )
        self.version = None

    def backward(self, session: Session) -> None:
        roster.update_post(
            session, self.post(self.post_id), self.before, operator=self.ctx.operator
        )


class AddPostCommand(RosterCommand):
    def __init__(self, ctx: AppContext, person_id: int, post: PostData) -> None:
        super().__init__(ctx, _("Tambah jabatan {jabatan}").format(jabatan=post.jabatan))
        self.person_id, self.data = person_id, post
        self.post_id: int | None = None

    def forward(self, session: Session) -> None:
        new_id = roster.add_post(
            session, self.person(self.person_id), self.data, operator=self.ctx.operator
        )
        if self.post_id is None:
            self.post_id = new_id
        else:
            self.ctx.ids.moved("post", self.post(self.post_id), new_id)

    def backward(self, session: Session) -> None:
        assert self.post_id is not None
        roster.delete_post(session, self.post(self.post_id), operator=self.ctx.operator)


class EndPostCommand(RosterCommand):
    def __init__(
        self, ctx: AppContext, post_id: int, jabatan: str, before: date | None, akhir: date | None
    ) -> None:
        super().__init__(ctx, _("Akhiri jabatan {jabatan}").format(jabatan=jabatan))
        self.post_id, self.before, self.akhir = post_id, before, akhir

    def forward(self, session: Session) -> None:
        roster.end_post(session, self.post(self.post_id), self.akhir, operator=self.ctx.operator)

    def backward(self, session: Session) -> None:
        roster.end_post(session, self.post(self.post_id), self.before, operator=self.ctx.operator)


class SetCoverageCommand(RosterCommand):
    """``before`` is the row of exactly ``after.tahun`` (None: there was none, undo removes it)."""

    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        nama: str,
        before: CoverageData | None,
        after: CoverageData,
    ) -> None:
        super().__init__(
            ctx, _("Ubah kepesertaan {nama} {tahun}").format(nama=nama, tahun=after.tahun)
        )
        self.person_id, self.before, self.after = person_id, before, after

    def forward(self, session: Session) -> None:
        roster.set_coverage(
            session, self.person(self.person_id), self.after, operator=self.ctx.operator
        )

    def backward(self, session: Session) -> None:
        person_id = self.person(self.person_id)
        if self.before is None:
            roster.delete_coverage(session, person_id, self.after.tahun, operator=self.ctx.operator)
        else:
            roster.set_coverage(session, person_id, self.before, operator=self.ctx.operator)
