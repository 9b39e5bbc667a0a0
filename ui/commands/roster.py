"""Roster edits as undo steps: add, change, end and delete people, posts and coverage years."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from desa_budget.roster import service as roster
from desa_budget.roster.service import (
    CoverageData,
    CoverageRecord,
    PersonData,
    PersonDetail,
    PostData,
    PostRecord,
)
from desa_budget.store.versioning import ABSENT
from ui.app_context import AppContext
from ui.commands.base import EditCommand
from ui.dialogs.person_dialog import PersonForm
from ui.i18n import _


class AddPersonCommand(EditCommand):
    """Undo removes the person; redo puts the same rows back under the same ids."""

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
        self._added: PersonDetail | None = None  # as in the database after the last redo
        self._removed: PersonDetail | None = None  # as the last undo removed it

    def forward(self, session: Session) -> None:
        operator = self.ctx.operator
        if self._removed is None:
            self.person_id = roster.add_person(
                session, self.data, self.posts, self.coverage, operator=operator
            )
            self._added = roster.get_person(session, self.person_id)
        else:
            self._added = roster.restore_person(session, self._removed, operator=operator)

    def backward(self, session: Session) -> None:
        assert self._added is not None
        self._removed = roster.delete_person(
            session, self._added.id, operator=self.ctx.operator, expected=self._added
        )


class DeletePersonCommand(EditCommand):
    """Undo puts the person back with their posts and every coverage year, under the same ids."""

    def __init__(
        self, ctx: AppContext, detail: PersonDetail, *, version: int | None = None
    ) -> None:
        super().__init__(ctx, _("Hapus {nama}").format(nama=detail.person.nama))
        self._current = detail  # as read when the user chose to delete
        self._removed: PersonDetail | None = None
        self.version = version  # the person as the list showed them (the first step only)

    def forward(self, session: Session) -> None:
        self._removed = roster.delete_person(
            session, self._current.id, operator=self.ctx.operator, version=self.version,
            expected=self._current,
        )  # fmt: skip
        self.version = None  # later steps expect what the previous one left: ``_current``

    def backward(self, session: Session) -> None:
        assert self._removed is not None
        self._current = roster.restore_person(session, self._removed, operator=self.ctx.operator)


class UpdatePersonCommand(EditCommand):
    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        before: PersonData,
        after: PersonData,
        *,
        version: int,
    ) -> None:
        super().__init__(ctx, _("Ubah data {nama}").format(nama=after.nama))
        self.person_id, self.before, self.after = person_id, before, after
        self.version = version  # the person's row as last seen: read by the form, then our own

    def forward(self, session: Session) -> None:
        self.version = roster.update_person(
            session, self.person_id, self.after, operator=self.ctx.operator, version=self.version
        )

    def backward(self, session: Session) -> None:
        self.version = roster.update_person(
            session, self.person_id, self.before, operator=self.ctx.operator, version=self.version,
            restoring=True,  # an incomplete person (from Siskeudes) goes back to incomplete
        )  # fmt: skip


class UpdatePostCommand(EditCommand):
    def __init__(
        self, ctx: AppContext, post_id: int, before: PostData, after: PostData, *, version: int
    ) -> None:
        super().__init__(ctx, _("Ubah jabatan {jabatan}").format(jabatan=after.jabatan))
        self.post_id, self.before, self.after = post_id, before, after
        self.version = version

    def forward(self, session: Session) -> None:
        self.version = roster.update_post(
            session, self.post_id, self.after, operator=self.ctx.operator, version=self.version
        )

    def backward(self, session: Session) -> None:
        self.version = roster.update_post(
            session, self.post_id, self.before, operator=self.ctx.operator, version=self.version
        )


class AddPostCommand(EditCommand):
    def __init__(self, ctx: AppContext, person_id: int, post: PostData) -> None:
        super().__init__(ctx, _("Tambah jabatan {jabatan}").format(jabatan=post.jabatan))
        self.person_id, self.data = person_id, post
        self._added: PostRecord | None = None
        self._removed: PostRecord | None = None

    def forward(self, session: Session) -> None:
        operator = self.ctx.operator
        if self._removed is None:
            post_id = roster.add_post(session, self.person_id, self.data, operator=operator)
            self._added = roster.get_post(session, post_id)
        else:
            self._added = roster.restore_post(
                session, self.person_id, self._removed, operator=operator
            )

    def backward(self, session: Session) -> None:
        assert self._added is not None
        self._removed = roster.delete_post(
            session, self._added.id, operator=self.ctx.operator, version=self._added.version
        )


class EndPostCommand(EditCommand):
    def __init__(
        self,
        ctx: AppContext,
        post_id: int,
        jabatan: str,
        before: date | None,
        akhir: date | None,
        *,
        version: int | None,
    ) -> None:
        super().__init__(ctx, _("Akhiri jabatan {jabatan}").format(jabatan=jabatan))
        self.post_id, self.before, self.akhir = post_id, before, akhir
        self.version = version

    def forward(self, session: Session) -> None:
        self.version = roster.end_post(
            session, self.post_id, self.akhir, operator=self.ctx.operator, version=self.version
        )

    def backward(self, session: Session) -> None:
        self.version = roster.end_post(
            session, self.post_id, self.before, operator=self.ctx.operator, version=self.version
        )


class CoverageYearCommand(EditCommand):
    """Sets a person's coverage row of one year. ``before`` is that exact row as read (None:
    there was none — undo removes the row the edit added, redo puts it back under its id)."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        person_id: int,
        before: CoverageRecord | None,
        after: CoverageData | None,
    ) -> None:
        super().__init__(ctx, text)
        self.person_id, self.before, self.after = person_id, before, after
        self._current = before  # that year's row as last seen
        self._removed: CoverageRecord | None = None

    @property
    def _version(self) -> int:
        return self._current.version if self._current is not None else ABSENT

    def forward(self, session: Session) -> None:
        operator = self.ctx.operator
        if self._removed is not None:
            self._current = roster.restore_coverage(
                session, self.person_id, self._removed, operator=operator
            )
            self._removed = None
            return
        assert self.after is not None
        self._current = roster.set_coverage(
            session, self.person_id, self.after, operator=operator, version=self._version
        )

    def backward(self, session: Session) -> None:
        assert self.after is not None
        operator = self.ctx.operator
        if self.before is None:
            self._removed = roster.delete_coverage(
                session, self.person_id, self.after.tahun, operator=operator, version=self._version
            )
            self._current = None
            return
        self._current = roster.set_coverage(
            session, self.person_id, self.before.data, operator=operator, version=self._version
        )


class SetCoverageCommand(CoverageYearCommand):
    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        nama: str,
        before: CoverageRecord | None,
        after: CoverageData,
    ) -> None:
        text = _("Ubah kepesertaan {nama} {tahun}").format(nama=nama, tahun=after.tahun)
        super().__init__(ctx, text, person_id, before, after)


def edit_commands(
    ctx: AppContext, detail: PersonDetail, form: PersonForm, year: int
) -> list[EditCommand]:
    """The commands that turn ``detail`` into what the form says (only the parts that changed),
    each carrying the version of the row as ``detail`` read it."""
    commands: list[EditCommand] = []
    if form.person != detail.person:
        commands.append(
            UpdatePersonCommand(ctx, detail.id, detail.person, form.person, version=detail.version)
        )
    post = next((p for p in detail.posts if p.id == form.post_id), None)
    if post is None:
        commands.append(AddPostCommand(ctx, detail.id, form.post))
    elif post.data != form.post:
        commands.append(UpdatePostCommand(ctx, post.id, post.data, form.post, version=post.version))
    stored = {p.id: p for p in detail.posts}
    for entry in form.other_posts:
        before = stored.get(entry.post_id) if entry.post_id is not None else None
        if before is None:
            commands.append(AddPostCommand(ctx, detail.id, entry.data))
        elif before.data != entry.data:
            commands.append(
                UpdatePostCommand(ctx, before.id, before.data, entry.data, version=before.version)
            )
    effective = detail.coverage_for(year)
    if effective is None or replace(effective, tahun=year) != form.coverage:
        exact = next((c for c in detail.coverages if c.data.tahun == year), None)
        commands.append(SetCoverageCommand(ctx, detail.id, form.person.nama, exact, form.coverage))
    return commands
