"""The budget year's own figures: total belanja desa (for the 30 % check) and the pagu (planner).

One function per figure, so a page that changes one never writes back the other as it read it.
Each takes the ``version`` of the year's row the caller read (store.versioning) and returns the
row as saved, its new version included.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.store import audit
from desa_budget.store.models import BudgetYear
from desa_budget.store.versioning import ABSENT, check_version

FIGURES = {"total_belanja": N_("Total belanja desa"), "pagu": N_("Pagu")}


@dataclass(frozen=True)
class BudgetYearData:
    tahun: int
    total_belanja: int | None
    pagu: int | None
    version: int = ABSENT  # ABSENT: nothing saved for the year yet


def _data(year: int, row: BudgetYear | None) -> BudgetYearData:
    if row is None:
        return BudgetYearData(year, None, None)
    return BudgetYearData(year, row.total_belanja, row.pagu, row.version_id)


def get_budget_year(session: Session, year: int) -> BudgetYearData:
    return _data(year, session.get(BudgetYear, year))


def _check_amount(figure: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or value < 0):
        raise UserError(
            _("{what} harus bilangan bulat rupiah yang tidak negatif.").format(
                what=_(FIGURES[figure])
            )
        )


def _set_figure(
    session: Session,
    year: int,
    figure: str,
    value: int | None,
    *,
    operator: str,
    version: int | None,
) -> BudgetYearData:
    _check_amount(figure, value)
    row = session.get(BudgetYear, year)
    check_version(row, version)
    if row is None:
        row = BudgetYear(tahun=year)
        session.add(row)
    old = getattr(row, figure)
    setattr(row, figure, value)
    session.flush()
    audit.record(
        session, operator=operator, entitas="tahun_anggaran", entitas_id=year,
        label=f"Tahun anggaran {year}", changes={figure: (old, value)},
        keterangan="data tahun anggaran diubah",
    )  # fmt: skip
    return _data(year, row)


def set_total_belanja(
    session: Session, year: int, total_belanja: int | None, *, operator: str,
    version: int | None = None,
) -> BudgetYearData:  # fmt: skip
    """Set the year's total belanja desa (None = not known yet)."""
    return _set_figure(
        session, year, "total_belanja", total_belanja, operator=operator, version=version
    )


def set_pagu(
    session: Session, year: int, pagu: int | None, *, operator: str, version: int | None = None
) -> BudgetYearData:
    """Set the year's pagu for the iuran (None = not known yet)."""
    return _set_figure(session, year, "pagu", pagu, operator=operator, version=version)


def set_budget_year(
    session: Session, year: int, *, total_belanja: int | None, pagu: int | None, operator: str
) -> BudgetYearData:
    """Set both figures at once (scripts and tests that fill a year in one go)."""
    _check_amount("total_belanja", total_belanja)
    _check_amount("pagu", pagu)
    set_total_belanja(session, year, total_belanja, operator=operator)
    return set_pagu(session, year, pagu, operator=operator)
