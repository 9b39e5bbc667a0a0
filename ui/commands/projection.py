"""The projection's assumptions as an undo step: saved for the base year, or back to the defaults."""

from sqlalchemy.orm import Session

from desa_budget.projection.assumptions import (
    ProjectionParams,
    StoredParams,
    clear_params,
    save_params,
)
from desa_budget.store.versioning import ABSENT
from ui.app_context import AppContext
from ui.commands.base import EditCommand
from ui.i18n import _


class SaveProjectionCommand(EditCommand):
    """Store ``after`` (None: drop the stored assumptions); undo puts ``before`` back."""

    def __init__(
        self, ctx: AppContext, before: StoredParams, after: ProjectionParams | None
    ) -> None:
        year = before.params.tahun_dasar
        text = _("Asumsi proyeksi dari {year}") if after else _("Asumsi proyeksi ke bawaan")
        super().__init__(ctx, text.format(year=year))
        self.before, self.after = before, after
        self.version = before.version  # the row as last seen (ABSENT: none)

    def _write(self, session: Session, params: ProjectionParams | None) -> None:
        if params is None:
            year = self.before.params.tahun_dasar
            self.version = clear_params(
                session, year, operator=self.ctx.operator, version=self.version
            )
        else:
            self.version = save_params(
                session, params, operator=self.ctx.operator, version=self.version
            )

    def forward(self, session: Session) -> None:
        self._write(session, self.after)

    def backward(self, session: Session) -> None:
        stored = self.before.version != ABSENT
        self._write(session, self.before.params if stored else None)
