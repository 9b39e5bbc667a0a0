"""What a year's numbers show that the secretary should act on: the budget checks and the roster's.

Each finding is a ``checks.Finding``: severity ``error``, ``warning`` or ``info``, and the place that
fixes it. Besides the target kinds of the checks (person, kategori, line, tahun, profil), the roster
findings use ``peserta_kategori`` (the roster filtered to a category key),
``peserta_status_bpjs`` (the roster filtered to a BPJS status) and ``peserta_ditanggung`` (the
roster filtered to who is covered this year), ``person_identitas`` (a person's form, to fill a
missing NIK, birth date or sex) and the coverage findings ``rencana`` (Simulasi & Rencana, where
a plan is applied)."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desa_budget.budget.checks import WARNING, Finding
from desa_budget.budget.coverage import plan_changes, read_applied
from desa_budget.budget.settings import get_budget_year
from desa_budget.budget.version_lines import build_for, check_for
from desa_budget.contributions.results import Simulation, mode_label
from desa_budget.contributions.simulation import RosterEntry
from desa_budget.format import format_rp, format_time
from desa_budget.i18n import N_
from desa_budget.roster.completeness import IDENTITY_FIELDS
from desa_budget.store.models import Person
from desa_budget.village import categories

INFO = "info"
MAX_NAMES = 5


def roster_findings(simulation: Simulation) -> tuple[Finding, ...]:
    """Persons listed but in no program, persons not yet registered, and the assumptions made."""
    found: list[Finding] = []
    covered: dict[str, int] = {}
    for person in simulation.persons:
        covered[person.kategori] = covered.get(person.kategori, 0) + 1
    planned_out: dict[str, int] = {}
    for left in simulation.coverage.not_covered if simulation.coverage else ():
        planned_out[left.kategori] = planned_out.get(left.kategori, 0) + 1
    for category in categories.CATEGORIES:
        out = planned_out.get(category.key, 0)
        if out:
            found.append(
                Finding(
                    INFO,
                    "rencana",
                    N_(
                        "{n} orang {kategori} tidak ditanggung tahun ini menurut rencana yang "
                        "diterapkan."
                    ).format(n=out, kategori=category.label),
                    "peserta_ditanggung",
                    "tidak",
                )  # fmt: skip
            )
        missing = simulation.roster_counts.get(category.key, 0) - covered.get(category.key, 0)
        missing -= out
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


@dataclass(frozen=True)
class PaguGap:
    """The year's roster costs more than its saved pagu, and no plan is applied."""

    pagu: int
    cost: int

    @property
    def selisih(self) -> int:
        return self.cost - self.pagu


def pagu_gap(session: Session, simulation: Simulation) -> PaguGap | None:
    """How far the roster's cost is above the saved pagu, before any plan is applied."""
    if simulation.coverage is not None:
        return None
    pagu = get_budget_year(session, simulation.year).pagu
    if pagu is None or simulation.desa <= pagu:
        return None
    return PaguGap(pagu, simulation.desa)


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:MAX_NAMES])
    return shown if len(names) <= MAX_NAMES else f"{shown} … (+{len(names) - MAX_NAMES})"


def coverage_findings(
    session: Session, simulation: Simulation, *, roster: Sequence[RosterEntry] | None = None
) -> tuple[Finding, ...]:
    """What the year's coverage asks of the secretary: a roster above the pagu with no plan
    applied (with the difference), an applied plan that no longer matches the roster or the
    pagu ("perlu diterapkan ulang"), and a note of the plan the budget follows.
    ``simulation`` is the year's live one; ``roster`` the year's roster if already read."""
    year = str(simulation.year)
    gap = pagu_gap(session, simulation)
    if gap is not None:
        message = N_(
            "Iuran seluruh daftar peserta {biaya} melebihi pagu {pagu}: selisih {selisih}. "
            "Terapkan rencana di Simulasi & Rencana, atau ubah pagu."
        ).format(
            biaya=format_rp(gap.cost), pagu=format_rp(gap.pagu), selisih=format_rp(gap.selisih)
        )
        return (Finding(WARNING, "pagu", message, "rencana", year),)
    decision = read_applied(session, simulation.year)
    if decision is None or simulation.coverage is None:
        return ()
    changes = plan_changes(session, decision, simulation, roster=roster)
    # each kind of change the roster went through since the plan was applied, with who
    kinds = (
        (changes.added, N_(
            "Rencana perlu diterapkan ulang: {n} orang masuk daftar sesudah rencana "
            "diterapkan dan belum ditanggung ({nama})."
        )),
        (changes.programs, N_(
            "Rencana perlu diterapkan ulang: program {n} orang di daftar berubah sesudah "
            "rencana diterapkan ({nama})."
        )),
        (changes.removed, N_(
            "Rencana perlu diterapkan ulang: {n} orang yang ditanggung rencana tidak lagi ada "
            "di daftar tahun ini ({nama})."
        )),
        (changes.amounts, N_(
            "Rencana perlu diterapkan ulang: iuran {n} orang berubah sesudah rencana "
            "diterapkan ({nama})."
        )),
    )  # fmt: skip
    texts = [text.format(n=len(who), nama=_names(who)) for who, text in kinds if who]
    if changes.pagu is not None:
        texts.append(
            N_(
                "Rencana perlu diterapkan ulang: pagu tahun ini {pagu}, rencana yang diterapkan "
                "memakai pagu {rencana}."
            ).format(pagu=format_rp(changes.pagu), rencana=format_rp(decision.pagu))
        )
    found = [Finding(WARNING, "rencana", text, "rencana", year) for text in texts]
    note = N_(
        "Anggaran mengikuti rencana pagu {pagu} (mode {mode}) yang diterapkan {waktu} oleh "
        "{operator}: ditanggung desa {jumlah}, iuran desa {biaya}."
    ).format(
        pagu=format_rp(decision.pagu), mode=mode_label(decision.mode), waktu=format_time(decision.diterapkan),
        operator=decision.operator, jumlah=simulation.head_count_text,
        biaya=format_rp(simulation.desa),
    )  # fmt: skip
    found.append(Finding(INFO, "rencana", note, "rencana", year))
    return tuple(found)


def completeness_findings(session: Session) -> tuple[Finding, ...]:
    """Persons whose NIK, birth date or sex is still empty (perangkat taken from Siskeudes): the
    next step is to complete them; the target opens the first one's form."""
    rows = session.execute(
        select(Person.id, Person.nama)
        .where(or_(*(getattr(Person, name).is_(None) for name in IDENTITY_FIELDS)))
        .order_by(Person.nama, Person.id)
    ).all()
    if not rows:
        return ()
    message = N_(
        "{n} peserta belum lengkap (NIK, tanggal lahir atau jenis kelamin belum diisi, mis. "
        "diambil dari Siskeudes): {names}."
    ).format(n=len(rows), names=_names([nama for _id, nama in rows]))
    return (Finding(WARNING, "peserta", message, "person_identitas", str(rows[0][0])),)


def year_findings(session: Session, simulation: Simulation) -> tuple[Finding, ...]:
    """The checks of the year's budget lines, the coverage and the roster findings: errors
    first, then warnings, then notes (each group in the order found)."""
    checked = check_for(session, simulation, build_for(session, simulation))
    coverage = (*completeness_findings(session), *coverage_findings(session, simulation))
    roster = roster_findings(simulation)
    warnings = [f for f in (*coverage, *roster) if f.severity == WARNING]
    notes = [f for f in (*coverage, *roster) if f.severity != WARNING]
    return (*checked.errors, *checked.warnings, *warnings, *notes)
