"""Frozen results passed between the core, the documents and the window (never ORM objects)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from desa_budget.i18n import N_

# A planning mode as it reads in a sentence ("pagu Rp30.000.000 (mode …)"), never its key.
MODE_LABELS = {
    "strict": N_("berhenti di tingkat yang kurang"),
    "fill": N_("lewati tingkat yang kurang"),
}


def mode_label(mode: str) -> str:
    """The Indonesian words for a planning mode (show them with ``_()`` in the window)."""
    return MODE_LABELS.get(mode, mode)


# The rounding the engine applies (amounts.pu_amounts), as the documents and the command line
# state it. No BPJS TK rule was found (domain.md §2.5); rounding the two shares apart instead can
# differ by Rp1 (3,7 % and 2 % of 2.426.640) and would make desa + potongan differ from the bill.
ROUNDING_RULE = (
    "iuran dihitung per orang, per program, per bulan: iuran penuh tiap program dibulatkan ke "
    "rupiah terdekat (setengah rupiah ke atas), bagian pekerja dibulatkan dengan cara yang "
    "sama, dan desa membayar selisihnya, sehingga bagian desa dan bagian pekerja selalu "
    "berjumlah iuran penuh"
)

# The one rule of every head count of peserta (documents, workbooks, command line, window), and
# the sentence each of them states it with.
HEAD_COUNT_RULE = N_(
    "Jumlah peserta menghitung orang yang iurannya dibayar desa (APBDes); peserta yang iurannya "
    "dibayar Pemda (APBD) disebut terpisah dan tidak termasuk jumlah itu."
)


@dataclass(frozen=True)
class ProgramAmount:
    """What one program costs: paid by the desa (APBDes spending) and withheld from pay."""

    desa: int = 0
    potongan: int = 0

    def __add__(self, other: "ProgramAmount") -> "ProgramAmount":
        return ProgramAmount(self.desa + other.desa, self.potongan + other.potongan)


@dataclass(frozen=True)
class MonthAmounts:
    """One covered month of one person: each program's amounts and their sums."""

    year: int
    month: int  # 1..12
    programs: Mapping[str, ProgramAmount]
    desa: int
    potongan: int


@dataclass(frozen=True)
class PersonYear:
    """One covered person in one year, as the simulation computed it."""

    person_id: int
    nik: str | None  # None: data belum lengkap (roster.completeness)
    nama: str
    kategori: str  # category key; with two posts, the higher-ranked one
    jabatan: str
    status_jabatan: str  # definitif / plt / pj
    segmen: str  # PU / BPU
    dasar_upah: int
    programs: tuple[str, ...]
    kelas_jkk: int
    iuran_pekerja: str  # desa / potong
    status_bpjs: str  # belum / terdaftar / nonaktif
    dibayar_oleh: str  # desa / pemda: pemda-paid persons are covered but make no APBDes line
    kode_kegiatan: str | None  # per-person overrides, None = the category's mapping
    kode_rekening: str | None
    sumber_dana: str | None
    monthly: tuple[MonthAmounts, ...]  # covered months only, in order
    desa: int
    potongan: int
    by_program: Mapping[str, ProgramAmount] = field(default_factory=dict)
    tanggal_lahir: date | None = None

    @property
    def months(self) -> tuple[int, ...]:
        return tuple(m.month for m in self.monthly)


@dataclass(frozen=True)
class PlannedTier:
    """One tier of an applied plan as it was applied: who it aimed at, who it covered, its cost."""

    tier: int
    name: str  # marked text (N_), printed as it is
    covered: int
    eligible: int
    cost: int


@dataclass(frozen=True)
class LeftOut:
    """A person on the roster whose programs the applied plan does not (all) pay this year."""

    person_id: int
    nama: str
    kategori: str
    programs: tuple[str, ...]  # the roster's programs not paid this year
    paid: tuple[str, ...]  # the programs paid (empty: not covered at all)
    after_plan: bool  # added to the roster (or made desa-paid) after the plan was applied


@dataclass(frozen=True)
class CoverageNote:
    """The plan a year's simulation follows instead of the whole roster (None: the roster)."""

    pagu: int
    mode: str
    used: int  # the plan's desa total when it was applied
    diterapkan: datetime
    operator: str
    tiers: tuple[PlannedTier, ...]
    left_out: tuple[LeftOut, ...]  # in roster order

    @property
    def not_covered(self) -> tuple[LeftOut, ...]:
        return tuple(p for p in self.left_out if not p.paid)

    @property
    def partly(self) -> tuple[LeftOut, ...]:
        return tuple(p for p in self.left_out if p.paid)

    def not_covered_by_category(self) -> dict[str, int]:
        """Persons not covered at all, per category key, in roster order of first appearance."""
        counts: dict[str, int] = {}
        for person in self.not_covered:
            counts[person.kategori] = counts.get(person.kategori, 0) + 1
        return counts


@dataclass(frozen=True)
class PostPay:
    """One person of the 30 % ceiling's group in post during the year, insured or not."""

    person_id: int
    nama: str
    kategori: str
    status_jabatan: str
    months: int  # months in post during the year
    dasar_upah: int  # the coverage's BPJS basis; 0: no coverage
    penghasilan: int | None  # siltap + tunjangan entered on the post; None: not entered


@dataclass(frozen=True)
class Simulation:
    """The year's contributions for the whole roster."""

    year: int
    persons: tuple[PersonYear, ...]  # covered persons, in roster order (category rank, then name)
    roster_counts: Mapping[str, int]  # persons in post during the year per category, covered or not
    assumptions: tuple[str, ...] = ()
    coverage: CoverageNote | None = None  # the applied plan, None: everyone on the roster
    # Everyone of the 30 % ceiling's group in post (categories.CEILING_GROUP), covered or not;
    # None: a version adopted before it was kept; the covered persons stand in.
    pay_roster: tuple[PostPay, ...] | None = None

    @property
    def roster_total(self) -> int:
        """Persons in post during the year, covered or not."""
        return sum(self.roster_counts.values())

    @property
    def apbdes_persons(self) -> tuple[PersonYear, ...]:
        return tuple(p for p in self.persons if p.dibayar_oleh == "desa")

    @property
    def desa(self) -> int:
        """APBDes spending: desa-paid amounts of persons the village itself pays for."""
        return sum(p.desa for p in self.apbdes_persons)

    @property
    def potongan(self) -> int:
        """Worker shares withheld from pay (passed through, not spending)."""
        return sum(p.potongan for p in self.apbdes_persons)

    @property
    def pemda(self) -> int:
        """Amounts the Pemda pays from the APBD for persons marked dibayar Pemda."""
        return sum(p.desa + p.potongan for p in self.persons if p.dibayar_oleh == "pemda")

    @property
    def pemda_count(self) -> int:
        """Covered persons the Pemda pays for: counted apart (HEAD_COUNT_RULE)."""
        return sum(1 for p in self.persons if p.dibayar_oleh == "pemda")

    @property
    def head_count_text(self) -> str:
        """ "4 dari 5 orang dalam daftar; 1 orang lagi dibayar Pemda (APBD)" (marked text)."""
        text = N_("{n} dari {total} orang dalam daftar").format(
            n=len(self.apbdes_persons), total=self.roster_total
        )
        if not self.pemda_count:
            return text
        return N_("{text}; {m} orang lagi dibayar Pemda (APBD)").format(
            text=text, m=self.pemda_count
        )
