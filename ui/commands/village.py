"""The village profile as an undo step (Pengaturan: the profile form and the operator's name)."""

from dataclasses import replace

from sqlalchemy.orm import Session

from desa_budget.store.versioning import ABSENT
from desa_budget.village.profile import ProfileData, remove_profile, save_profile
from ui.app_context import AppContext
from ui.commands.base import EditCommand
from ui.i18n import _


class SaveProfileCommand(EditCommand):
    """``before`` is the profile as the page read it (None: there was none yet)."""

    def __init__(self, ctx: AppContext, before: ProfileData | None, after: ProfileData) -> None:
        super().__init__(ctx, _("Ubah profil desa"))
        self.before, self.after = before, after
        self.version = before.version if before is not None else ABSENT
        self.saved: ProfileData | None = None

    def forward(self, session: Session) -> None:
        self.saved = save_profile(
            session, replace(self.after, version=self.version), operator=self.ctx.operator
        )
        self.version = self.saved.version or ABSENT

    def backward(self, session: Session) -> None:
        operator = self.ctx.operator
        if self.before is None:
            remove_profile(session, version=self.version, operator=operator)
            self.version = ABSENT
            return
        saved = save_profile(session, replace(self.before, version=self.version), operator=operator)
        self.version = saved.version or ABSENT
