"""Budget edits as undo steps: category codes, local codes, a person's own codes, the budget
year's figures, scenarios, applying a plan to the budget and adopting a version."""

from sqlalchemy.orm import Session

from desa_budget.budget import coverage, scenarios, versions
from desa_budget.budget import settings as budget_settings
from desa_budget.budget.scenarios import ScenarioInfo, ScenarioParams, ScenarioRecord
from desa_budget.budget.settings import BudgetYearData, CategoryCodes, LocalCodeData
from desa_budget.budget.versions import AdoptedRecord
from desa_budget.contributions.applied import AppliedPlanData
from desa_budget.store.versioning import ABSENT
from desa_budget.village import categories
from ui.app_context import AppContext
from ui.commands.base import EditCommand
from ui.commands.roster import CoverageYearCommand
from ui.dialogs.adopt_dialog import AdoptForm
from ui.dialogs.code_dialogs import LocalCodeForm
from ui.i18n import _


class MappingCommand(EditCommand):
    """Set a category's codes (``after``) or drop the village's own (``after`` None)."""

    def __init__(self, ctx: AppContext, before: CategoryCodes, after: CategoryCodes | None) -> None:
        label = categories.label(before.kategori)
        text = (
            _("Kode anggaran {kategori}") if after is not None else _("Kode {kategori} ke profil")
        )
        super().__init__(ctx, text.format(kategori=label))
        self.before, self.after = before, after
        self.version = before.version  # the village's row as last seen (ABSENT: none)

    def _apply(self, session: Session, codes: CategoryCodes | None) -> None:
        kategori, operator = self.before.kategori, self.ctx.operator
        if codes is None or not codes.village_set:
            budget_settings.reset_category_mapping(
                session, kategori, operator=operator, version=self.version
            )
            self.version = ABSENT
            return
        saved = budget_settings.set_category_mapping(
            session, kategori, kode_kegiatan=codes.kode_kegiatan,
            kode_rekening=codes.kode_rekening, sumber_dana=codes.sumber_dana,
            operator=operator, version=self.version,
        )  # fmt: skip
        self.version = saved.version

    def forward(self, session: Session) -> None:
        self._apply(session, self.after)

    def backward(self, session: Session) -> None:
        self._apply(session, self.before)


class AddLocalCodeCommand(EditCommand):
    def __init__(self, ctx: AppContext, form: LocalCodeForm) -> None:
        super().__init__(ctx, _("Tambah kode lokal {kode}").format(kode=form.kode))
        self.form = form
        self._added: LocalCodeData | None = None
        self._removed: LocalCodeData | None = None

    def forward(self, session: Session) -> None:
        operator = self.ctx.operator
        if self._removed is None:
            self._added = budget_settings.add_local_code(
                session, jenis=self.form.jenis, kode=self.form.kode, uraian=self.form.uraian,
                operator=operator,
            )  # fmt: skip
        else:
            self._added = budget_settings.restore_local_code(
                session, self._removed, operator=operator
            )

    def backward(self, session: Session) -> None:
        assert self._added is not None
        self._removed = budget_settings.remove_local_code(
            session, jenis=self._added.jenis, kode=self._added.kode, operator=self.ctx.operator,
            version=self._added.version,
        )  # fmt: skip


class RemoveLocalCodeCommand(EditCommand):
    def __init__(self, ctx: AppContext, code: LocalCodeData) -> None:
        super().__init__(ctx, _("Hapus kode lokal {kode}").format(kode=code.kode))
        self._current = code  # as read by the page
        self._removed: LocalCodeData | None = None

    def forward(self, session: Session) -> None:
        code = self._current
        self._removed = budget_settings.remove_local_code(
            session, jenis=code.jenis, kode=code.kode, operator=self.ctx.operator,
            version=code.version,
        )  # fmt: skip

    def backward(self, session: Session) -> None:
        assert self._removed is not None
        self._current = budget_settings.restore_local_code(
            session, self._removed, operator=self.ctx.operator
        )


class PersonCodesCommand(CoverageYearCommand):
    """A person's own codes from the year on. The first step lets the core work out the year's
    row (copied from an earlier year when needed); undo and redo then set that row back and forth.
    ``version`` is the row that applies in the year as the page read it."""

    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        nama: str,
        year: int,
        codes: tuple[str | None, str | None, str | None],
        *,
        version: int | None,
    ) -> None:
        super().__init__(ctx, _("Kode sendiri {nama}").format(nama=nama), person_id, None, None)
        self.year, self.codes, self.version = year, codes, version

    def forward(self, session: Session) -> None:
        if self.after is not None:
            super().forward(session)
            return
        kegiatan, rekening, sumber = self.codes
        change = budget_settings.set_person_codes(
            session, self.person_id, self.year, kode_kegiatan=kegiatan, kode_rekening=rekening,
            sumber_dana=sumber, operator=self.ctx.operator, version=self.version,
        )  # fmt: skip
        self.before, self.after, self._current = change.before, change.after.data, change.after


class BudgetFigureCommand(EditCommand):
    """One figure of the budget year (total belanja or pagu); the other is never written."""

    def __init__(
        self, ctx: AppContext, text: str, before: BudgetYearData, after: int | None
    ) -> None:
        super().__init__(ctx, text)
        self.year, self.before, self.after = before.tahun, before, after
        self.version = before.version  # the year's row as last seen

    def value_before(self) -> int | None:
        raise NotImplementedError

    def set(self, session: Session, value: int | None) -> BudgetYearData:
        raise NotImplementedError

    def forward(self, session: Session) -> None:
        self.version = self.set(session, self.after).version

    def backward(self, session: Session) -> None:
        self.version = self.set(session, self.value_before()).version


class SetTotalBelanjaCommand(BudgetFigureCommand):
    def __init__(self, ctx: AppContext, before: BudgetYearData, total: int | None) -> None:
        super().__init__(
            ctx, _("Total belanja desa {tahun}").format(tahun=before.tahun), before, total
        )

    def value_before(self) -> int | None:
        return self.before.total_belanja

    def set(self, session: Session, value: int | None) -> BudgetYearData:
        return budget_settings.set_total_belanja(
            session, self.year, value, operator=self.ctx.operator, version=self.version
        )


class SetPaguCommand(BudgetFigureCommand):
    def __init__(self, ctx: AppContext, before: BudgetYearData, pagu: int | None) -> None:
        super().__init__(ctx, _("Pagu {tahun}").format(tahun=before.tahun), before, pagu)

    def value_before(self) -> int | None:
        return self.before.pagu

    def set(self, session: Session, value: int | None) -> BudgetYearData:
        return budget_settings.set_pagu(
            session, self.year, value, operator=self.ctx.operator, version=self.version
        )


class SaveScenarioCommand(EditCommand):
    """Save the inputs as a scenario; ``existing`` is the one of that name the page listed."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        year: int,
        name: str,
        params: ScenarioParams,
        existing: ScenarioInfo | None,
    ) -> None:
        super().__init__(ctx, _('Simpan skenario "{nama}"').format(nama=name))
        self.year, self.name, self.params, self.existing = year, name, params, existing
        self.version = existing.version if existing is not None else ABSENT
        self._removed: ScenarioRecord | None = None

    def _save(self, session: Session, params: ScenarioParams) -> None:
        saved = scenarios.save_scenario(
            session, year=self.year, name=self.name, params=params, operator=self.ctx.operator,
            version=self.version,
        )  # fmt: skip
        self.name, self.version = saved.nama, saved.version

    def forward(self, session: Session) -> None:
        if self._removed is None:
            self._save(session, self.params)
            return
        restored = scenarios.restore_scenario(session, self._removed, operator=self.ctx.operator)
        self.version, self._removed = restored.version, None

    def backward(self, session: Session) -> None:
        if self.existing is not None:
            self._save(session, self.existing.params)
            return
        self._removed = scenarios.delete_scenario(
            session, year=self.year, name=self.name, operator=self.ctx.operator,
            version=self.version,
        )  # fmt: skip


class DeleteScenarioCommand(EditCommand):
    def __init__(self, ctx: AppContext, info: ScenarioInfo) -> None:
        super().__init__(ctx, _('Hapus skenario "{nama}"').format(nama=info.nama))
        self.info, self.version = info, info.version
        self._removed: ScenarioRecord | None = None

    def forward(self, session: Session) -> None:
        self._removed = scenarios.delete_scenario(
            session, year=self.info.tahun, name=self.info.nama, operator=self.ctx.operator,
            version=self.version,
        )  # fmt: skip

    def backward(self, session: Session) -> None:
        assert self._removed is not None
        self.version = scenarios.restore_scenario(
            session, self._removed, operator=self.ctx.operator
        ).version


class AdoptVersionCommand(EditCommand):
    """Adopt the year's murni or perubahan; undo withdraws it, redo restores the same frozen
    numbers (not the roster as it is by then)."""

    def __init__(self, ctx: AppContext, year: int, form: AdoptForm) -> None:
        label = versions.LABELS.get(form.jenis, form.jenis)
        super().__init__(ctx, _("Tetapkan {versi} {tahun}").format(versi=label, tahun=year))
        self.year, self.form = year, form
        self.version = ABSENT
        self._removed: AdoptedRecord | None = None

    def forward(self, session: Session) -> None:
        form, operator = self.form, self.ctx.operator
        if self._removed is None:
            info = versions.adopt_version(
                session, self.ctx.rules, year=self.year, jenis=form.jenis,
                nomor_perdes=form.nomor_perdes, tanggal_perdes=form.tanggal_perdes,
                nomor_perkades=form.nomor_perkades, tanggal_perkades=form.tanggal_perkades,
                operator=operator,
            )  # fmt: skip
        else:
            info = versions.restore_version(session, self._removed, operator=operator)
        self.version = info.version

    def backward(self, session: Session) -> None:
        self._removed = versions.withdraw_version(
            session, year=self.year, jenis=self.form.jenis, version=self.version,
            operator=self.ctx.operator,
        )  # fmt: skip


class ApplyPlanCommand(EditCommand):
    """Make the plan of ``params`` the year's coverage. Undo puts back the plan applied before
    (or the whole roster); redo restores the same decision, not a new plan of the roster as it
    is by then. ``before`` is the year's applied plan as the page read it."""

    def __init__(
        self, ctx: AppContext, year: int, params: ScenarioParams, before: AppliedPlanData | None
    ) -> None:
        super().__init__(ctx, _("Terapkan rencana {tahun}").format(tahun=year))
        self.year, self.params, self.before = year, params, before
        self.version = before.version if before is not None else ABSENT
        self._applied: AppliedPlanData | None = None

    def forward(self, session: Session) -> None:
        operator = self.ctx.operator
        if self._applied is None:
            self._applied = coverage.apply_plan(
                session, self.ctx.rules, self.year, self.params, operator=operator,
                version=self.version,
            )  # fmt: skip
        else:
            self._applied = coverage.restore_plan(
                session, self._applied, operator=operator, version=self.version
            )
        self.version = self._applied.version

    def backward(self, session: Session) -> None:
        operator = self.ctx.operator
        if self.before is None:
            coverage.clear_plan(session, self.year, operator=operator, version=self.version)
            self.version = ABSENT
            return
        self.version = coverage.restore_plan(
            session, self.before, operator=operator, version=self.version
        ).version


class ClearPlanCommand(EditCommand):
    """Return the year to the whole roster; undo restores the plan exactly as it was applied."""

    def __init__(self, ctx: AppContext, current: AppliedPlanData) -> None:
        super().__init__(ctx, _("Lepas rencana {tahun}").format(tahun=current.tahun))
        self.year, self.version = current.tahun, current.version
        self._removed: AppliedPlanData | None = None

    def forward(self, session: Session) -> None:
        self._removed = coverage.clear_plan(
            session, self.year, operator=self.ctx.operator, version=self.version
        )
        self.version = ABSENT

    def backward(self, session: Session) -> None:
        assert self._removed is not None
        self.version = coverage.restore_plan(
            session, self._removed, operator=self.ctx.operator, version=self.version
        ).version
