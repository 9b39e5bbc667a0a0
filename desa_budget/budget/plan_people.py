"""The planner's ledger: priority order, programs asked, pagu left, who gets what and why."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desa_budget.contributions.simulation import RosterEntry, quote_year
from desa_budget.i18n import N_
from desa_budget.rules import PROGRAMS, RuleSet

BASIC = frozenset({"JKK", "JKM"})
BPJS_ORDER = {"terdaftar": 0, "nonaktif": 1, "belum": 2}  # members first: none is dropped
PEMDA = N_("tidak dibayar desa (Pemda)")
NO_BASIS = N_("tanpa dasar upah")
NO_TIER = N_("tidak termasuk tingkat prioritas mana pun")
NOT_CHOSEN = N_("tidak dipilih dalam skenario")


@dataclass(frozen=True)
class Unit:
    """One person's programs in one tier: covered or left out whole."""

    person_id: int
    programs: tuple[str, ...]
    desa: int
    potongan: int
    sumber_dana: str | None = None  # where it is charged, with a per-sumber pagu

    @property
    def basic(self) -> bool:
        return not BASIC.isdisjoint(self.programs)


@dataclass(frozen=True)
class PersonPlan:
    """One person on the roster of the year and what the plan pays for them."""

    person_id: int
    nik: str | None  # None: data belum lengkap
    nama: str
    kategori: str
    programs: tuple[str, ...]  # paid by the village this year
    left_out: tuple[str, ...]  # asked for (the roster, or a scenario's choice) and not paid
    months: tuple[int, ...]  # months covered: the months in post when anything is paid
    desa: int
    potongan: int
    reasons: tuple[str, ...]  # Indonesian, one per cause, e.g. "tidak cukup pagu, tingkat 7"

    @property
    def covered(self) -> bool:
        return bool(self.programs)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


class Wallet:
    """The money left: a total and, when given, one amount per sumber dana."""

    def __init__(self, pagu: int, per_sumber: Mapping[str, int] | None) -> None:
        self.total = pagu
        self.per_sumber = dict(per_sumber) if per_sumber is not None else None

    def short(self, units: Sequence[Unit]) -> str | None:
        """None when ``units`` fit together; else what is short, as a reason."""
        if sum(u.desa for u in units) > self.total:
            return N_("tidak cukup pagu")
        if self.per_sumber is None:
            return None
        need: dict[str, int] = {}
        for u in units:
            need[u.sumber_dana or ""] = need.get(u.sumber_dana or "", 0) + u.desa
        for key, amount in need.items():
            if amount > self.per_sumber.get(key, 0):
                return N_("tidak cukup pagu sumber dana {sumber}").format(
                    sumber=key or N_("(tanpa sumber dana)")
                )
        return None

    def pay(self, unit: Unit) -> None:
        self.total -= unit.desa
        if self.per_sumber is not None:
            key = unit.sumber_dana or ""
            self.per_sumber[key] = self.per_sumber.get(key, 0) - unit.desa


def asked_programs(
    entry: RosterEntry, programs_by_category: Mapping[str, Sequence[str]] | None
) -> tuple[str, ...]:
    """What ``entry`` asks for: the roster row's programs, or the scenario's for the category;
    never JP outside the PU segment (as the simulation does)."""
    programs: Iterable[str] = entry.programs
    if programs_by_category is not None and entry.kategori in programs_by_category:
        programs = programs_by_category[entry.kategori]
    chosen = set(programs)
    return tuple(p for p in PROGRAMS if p in chosen and not (p == "JP" and entry.segmen != "PU"))


def in_priority_order(
    entries: Sequence[RosterEntry], priority: Mapping[int, int] | None
) -> list[RosterEntry]:
    """Numbered persons first (lowest first), then BPJS members before newcomers, then roster order."""
    own = priority or {}

    def key(item: tuple[int, RosterEntry]) -> tuple[bool, int, int, int]:
        position, e = item
        number = own.get(e.person_id)
        return (number is None, number or 0, BPJS_ORDER.get(e.status_bpjs, 2), position)

    return [e for _, e in sorted(enumerate(entries), key=key)]


class Ledger:
    """Per person: programs asked, taken by a tier, covered or left out (with the reasons)."""

    def __init__(self, entries: Sequence[RosterEntry], asked: Mapping[int, tuple[str, ...]]):
        self.entries = list(entries)
        self.asked = dict(asked)
        self.taken: dict[int, set[str]] = {e.person_id: set() for e in entries}
        self.covered: dict[int, list[Unit]] = {e.person_id: [] for e in entries}
        self.left: dict[int, list[str]] = {e.person_id: [] for e in entries}
        # per person: cause -> the tiers it applies to (none for causes outside the tiers)
        self.reasons: dict[int, dict[str, list[int]]] = {e.person_id: {} for e in entries}
        self.not_planned = 0
        self._notes: dict[str, None] = {}
        self.excluded: set[int] = set()  # paid by the Pemda, or no wage basis to price them
        unpriced: list[int] = []
        for e in entries:
            if e.dibayar_oleh == "pemda":
                self.excluded.add(e.person_id)
                if e.programs:
                    self.leave(e.person_id, e.programs, PEMDA)
            elif e.dasar_upah <= 0:
                self.excluded.add(e.person_id)
                if self.asked[e.person_id]:
                    unpriced.append(e.person_id)
                    self.leave(e.person_id, self.asked[e.person_id], NO_BASIS)
        self.unpriced = tuple(unpriced)

    def plannable(self, person_id: int) -> bool:
        return person_id not in self.excluded

    def take(self, person_id: int, programs: Iterable[str]) -> tuple[str, ...]:
        """The programs of a tier this person asks for and no earlier tier took; now taken."""
        wanted = set(programs)
        found = tuple(
            p for p in self.asked[person_id] if p in wanted and p not in self.taken[person_id]
        )
        self.taken[person_id].update(found)
        return found

    def has_basics(self, person_id: int) -> bool:
        """Whether the JKK and JKM this person asks for are paid already."""
        paid = {p for u in self.covered[person_id] for p in u.programs}
        return BASIC.intersection(self.asked[person_id]) <= paid

    def note(self, assumptions: Iterable[str]) -> None:
        self._notes.update(dict.fromkeys(assumptions))

    @property
    def assumptions(self) -> tuple[str, ...]:
        return tuple(self._notes)

    def cover(self, unit: Unit) -> None:
        self.covered[unit.person_id].append(unit)

    def leave(
        self, person_id: int, programs: Iterable[str], cause: str, tier: int | None = None
    ) -> None:
        self.left[person_id].extend(p for p in programs if p not in self.left[person_id])
        tiers = self.reasons[person_id].setdefault(cause, [])
        if tier is not None and tier not in tiers:
            tiers.append(tier)

    def leave_unit(self, unit: Unit, cause: str, tier: int, *, planned: bool = True) -> None:
        """``unit`` is not paid; ``planned`` False when no tier could pay it (beyond a target)."""
        self.leave(unit.person_id, unit.programs, cause, tier)
        if not planned:
            self.not_planned += unit.desa

    def finish(
        self, rules: RuleSet, year: int, *, bpu_discount: bool
    ) -> tuple[tuple[PersonPlan, ...], int]:
        """Everyone in roster order, and the cost of what was asked for but planned by no tier."""
        persons: list[PersonPlan] = []
        for e in self.entries:
            pid = e.person_id
            if self.plannable(pid):
                rest = tuple(p for p in self.asked[pid] if p not in self.taken[pid])
                if rest:
                    quote = quote_year(rules, e, year, bpu_discount=bpu_discount, programs=rest)
                    self.not_planned += quote.desa
                    self.leave(pid, rest, NO_TIER)
                dropped = [
                    p
                    for p in e.programs
                    if p not in self.asked[pid] and (p != "JP" or e.segmen == "PU")
                ]
                if dropped:
                    self.leave(pid, dropped, NOT_CHOSEN)
            units = self.covered[pid]
            paid = {p for u in units for p in u.programs}
            persons.append(
                PersonPlan(
                    person_id=pid,
                    nik=e.nik,
                    nama=e.nama,
                    kategori=e.kategori,
                    programs=tuple(p for p in PROGRAMS if p in paid),
                    left_out=tuple(p for p in PROGRAMS if p in self.left[pid] and p not in paid),
                    months=e.months if units else (),
                    desa=sum(u.desa for u in units),
                    potongan=sum(u.potongan for u in units),
                    reasons=tuple(_reason(c, t) for c, t in self.reasons[pid].items()),
                )
            )
        return tuple(persons), self.not_planned


def _reason(cause: str, tiers: Sequence[int]) -> str:
    """ "tidak cukup pagu, tingkat 5 dan 6": the cause and the tiers it left programs out of."""
    if not tiers:
        return cause
    numbers = [str(t) for t in tiers]
    if len(numbers) == 1:
        return N_("{cause}, tingkat {tier}").format(cause=cause, tier=numbers[0])
    return N_("{cause}, tingkat {tiers} dan {last}").format(
        cause=cause, tiers=", ".join(numbers[:-1]), last=numbers[-1]
    )
