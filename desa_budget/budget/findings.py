"""What a year's numbers show that the secretary should act on: the budget checks and the roster's.

Each finding is a ``checks.Finding``: severity ``error``, ``warning`` or ``info``, and the place that
fixes it. Besides the target kinds of the checks (person, kategori, line, tahun, profil), the roster
findings use ``peserta_kategori`` (the roster filtered to a category key) and
``peserta_status_bpjs`` (the roster filtered to a BPJS status)."""

from sqlalchemy.orm import Session

from desa_budget.budget.checks import WARNING, Finding
from desa_budget.budget.version_lines import build_for, check_for
from desa_budget.contributions.results import Simulation
from desa_budget.i18n import N_
from desa_budget.village import categories

INFO = "info"


def roster_findings(simulation: Simulation) -> tuple[Finding, ...]:
    """Persons listed but in no program, persons not yet registered, and the assumptions made."""
    found: list[Finding] = []
    covered: dict[str, int] = {}
    for person in simulation.persons:
        covered[person.kategori] = covered.get(person.kategori, 0) + 1
    for category in categories.CATEGORIES:
        missing = simulation.roster_counts.get(category.key, 0) - covered.get(category.key, 0)
        if missing > 0:
            found.append(
                Finding(
                    WARNING,
                    "peserta",
                    N_("{n} orang {kategori} di daftar belum ikut program apa pun.").format(
                        n=missing, kategori=category.label
                    ),
                    "peserta_kategori",
                    category.key,
                )  # fmt: skip
            )
    unregistered = sum(1 for p in simulation.persons if p.status_bpjs == "belum")
    if unregistered:
        found.append(
            Finding(
                WARNING,
                "bpjs",
                N_("{n} peserta belum terdaftar di BPJS Ketenagakerjaan.").format(n=unregistered),
                "peserta_status_bpjs",
                "belum",
            )  # fmt: skip
        )
    year = str(simulation.year)
    found += [Finding(INFO, "asumsi", text, "tahun", year) for text in simulation.assumptions]
    return tuple(found)


def year_findings(session: Session, simulation: Simulation) -> tuple[Finding, ...]:
    """The checks of the year's budget lines and the roster findings: errors first, then
    warnings, then notes (each group in the order found)."""
    checked = check_for(session, simulation, build_for(session, simulation))
    return (*checked.errors, *checked.warnings, *roster_findings(simulation))
