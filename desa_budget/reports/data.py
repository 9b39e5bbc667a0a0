"""What the printed annexes need, in one frozen DTO (no ORM object reaches the renderers); the
gathering from the database is in gather.py."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from desa_budget.budget.checks import CheckResult
from desa_budget.budget.lines import BudgetLines
from desa_budget.budget.planner import PlanResult
from desa_budget.budget.regulations import DEFAULT_PLACEMENTS, NONE, Pelaksana, Placement
from desa_budget.budget.signers import Signers, signers_from_profile
from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.format import MONTH_NAMES, format_rp
from desa_budget.rules import RuleSet
from desa_budget.village.profile import ProfileData


@dataclass(frozen=True)
class Regulation:
    """A Perdes or Perkades of the version: its number and date (empty / None while unknown)."""

    nomor: str = ""
    tanggal: date | None = None


@dataclass(frozen=True)
class Baseline:
    """The adopted APBDes Murni a perubahan is printed against (the Semula columns)."""

    simulation: Simulation
    lines: BudgetLines


@dataclass(frozen=True)
class AnnexData:
    """Everything the four documents print for one year and one budget version."""

    profile: ProfileData
    year: int
    jenis: str  # murni / perubahan
    adopted: bool  # False: a draft (rancangan), numbers and dates printed as dotted lines
    simulation: Simulation
    lines: BudgetLines
    # Regulation numbers by budget.regulations.KINDS key, and where each document sits.
    regulations: Mapping[str, Regulation] = field(default_factory=dict)
    placements: Mapping[str, Placement] = field(default_factory=lambda: dict(DEFAULT_PLACEMENTS))
    tanggal: date | None = None  # the version's date (adopted) or the day it is printed (draft)
    signers: Signers | None = None  # None: the profile's names
    pelaksana: Mapping[str, Pelaksana] = field(default_factory=dict)  # kegiatan -> who prepares
    semula: Baseline | None = None  # set for a perubahan
    # Uraian of the codes the lines use: bidang, sub bidang and kegiatan; objek (kode rekening).
    kegiatan_names: Mapping[str, str] = field(default_factory=dict)
    rekening_names: Mapping[str, str] = field(default_factory=dict)
    checks: CheckResult = CheckResult((), ())
    pagu: int | None = None
    plan: PlanResult | None = None
    jp_ceilings: str = ""  # "batas upah JP Rp10.547.400 (Januari–Februari 2026) dan ..."
    logo_png: bytes | None = None

    @property
    def who_signs(self) -> Signers:
        return self.signers or signers_from_profile(self.profile)

    def placement(self, doc: str) -> Placement:
        return self.placements.get(doc) or DEFAULT_PLACEMENTS[doc]

    def regulation(self, doc: str) -> Regulation | None:
        """The regulation ``doc`` is annexed to, None when it stands alone (no LAMPIRAN block)."""
        key = self.placement(doc).peraturan
        return None if key == NONE else self.regulations.get(key, Regulation())

    def doc_date(self, doc: str) -> date | None:
        """The date a document carries: its regulation's, else the version's."""
        reg = self.regulation(doc)
        return (reg.tanggal if reg else None) or self.tanggal

    def pelaksana_for(self, kegiatan: str) -> Pelaksana:
        return self.pelaksana.get(kegiatan) or Pelaksana(
            kegiatan, self.profile.pelaksana_kegiatan_nama
        )


def _month_span(first: int, last: int, year: int) -> str:
    if first == 1 and last == 12:
        return f"sepanjang {year}"
    if last == 12:
        return f"mulai {MONTH_NAMES[first - 1]} {year}"
    if first == last:
        return f"{MONTH_NAMES[first - 1]} {year}"
    return f"{MONTH_NAMES[first - 1]}–{MONTH_NAMES[last - 1]} {year}"


def jp_ceiling_text(rules: RuleSet, year: int) -> str:
    """The JP wage ceilings in force during ``year``, assumed ones marked "asumsi"."""
    spans: list[list[int]] = []  # [amount, assumed, first month, last month]
    for month in range(1, 13):
        try:
            amount, assumed = rules.jp_ceiling(year, month)
        except UserError:
            continue
        last = spans[-1] if spans else None
        if last and last[0] == amount and last[1] == int(assumed) and last[3] == month - 1:
            last[3] = month
        else:
            spans.append([amount, int(assumed), month, month])
    parts = [
        f"{format_rp(amount)} ({_month_span(first, last, year)}"
        + (", asumsi: belum diumumkan)" if assumed else ")")
        for amount, assumed, first, last in spans
    ]
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
    return "batas upah JP " + joined
