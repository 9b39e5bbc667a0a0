"""The 30 % ceiling (PP 43/2014 Pasal 100 as amended by PP 11/2019), with and without jaminan sosial.

The law caps siltap + tunjangan of kepala desa and perangkat + tunjangan BPD at 30 % of total belanja
desa. Everyone of that group in post during the year counts, insured or not: each person's pay is
the siltap + tunjangan the secretary entered on the post, else the roster's BPJS basis, times the
months in post; a person with neither is named as missing. The figures used are said with the
ratio. Whether their jaminan sosial (1.1.03) counts inside is unresolved (domain.md §4): both
ratios are given and the default reading counts it inside.
"""

from dataclasses import dataclass
from decimal import Decimal

from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.format import format_decimal, format_rp
from desa_budget.i18n import N_, _
from desa_budget.rules.limits import limits_for
from desa_budget.village import categories

CEILING_GROUP = categories.CEILING_GROUP
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Ratio30:
    """The 30 % ceiling, with and without the social-security lines of the same people."""

    total_belanja: int
    penghasilan: int  # siltap + tunjangan of kades and perangkat + tunjangan BPD (basis × months)
    jaminan_sosial: int  # desa-paid contributions of the same people (their APBDes lines)
    batas_persen: Decimal
    dari_penghasilan: int = 0  # persons whose entered siltap + tunjangan was used
    dari_dasar_upah: int = 0  # persons whose BPJS basis was used
    tanpa_angka: tuple[str, ...] = ()  # names of persons in post with neither figure
    dari_roster: bool = True  # False: a stored version, only the covered persons' basis known

    @property
    def persen_tanpa(self) -> Decimal:
        """Exact: penghasilan × 100 / total_belanja."""
        return Decimal(self.penghasilan) * _HUNDRED / Decimal(self.total_belanja)

    @property
    def persen_dengan(self) -> Decimal:
        """Exact: (penghasilan + jaminan_sosial) × 100 / total_belanja."""
        return (
            Decimal(self.penghasilan + self.jaminan_sosial) * _HUNDRED / Decimal(self.total_belanja)
        )

    @property
    def sumber(self) -> str:
        """Which figures the pay was taken from (marked text, printed as it is)."""
        if not self.dari_roster:
            return N_("dasar upah × bulan kepesertaan")
        entered = N_("siltap + tunjangan yang diisi pada jabatan untuk {n} orang").format(
            n=self.dari_penghasilan
        )
        based = N_("dasar upah BPJS untuk {n} orang").format(n=self.dari_dasar_upah)
        if self.dari_penghasilan and self.dari_dasar_upah:
            figures = N_("{entered} dan {based}").format(entered=entered, based=based)
        elif self.dari_penghasilan or self.dari_dasar_upah:
            figures = entered if self.dari_penghasilan else based
        else:
            figures = N_("tidak ada angka")
        said = N_("{figures}, dikali bulan menjabat").format(figures=figures)
        if not self.tanpa_angka:
            return said
        return N_(
            "{said}; {n} orang belum punya angka siltap + tunjangan maupun dasar upah dan tidak "
            "ikut dihitung: {nama}"
        ).format(said=said, n=len(self.tanpa_angka), nama=", ".join(self.tanpa_angka))

    @property
    def exceeded(self) -> bool:
        """Above the ceiling by the default reading (social security counted inside)."""
        return self.persen_dengan > self.batas_persen

    @property
    def exceeded_without(self) -> bool:
        """Above the ceiling even with social security left outside."""
        return self.persen_tanpa > self.batas_persen

    @property
    def teks_tanpa(self) -> str:
        return format_percent(self.persen_tanpa, self.batas_persen)

    @property
    def teks_dengan(self) -> str:
        return format_percent(self.persen_dengan, self.batas_persen)


def format_percent(value: Decimal, limit: Decimal) -> str:
    """ "29,91%"; more places when two would hide which side of ``limit`` the value lies on."""
    for places in (2, 4, 6):
        shown = format_decimal(value, places)
        if value == limit or shown != format_decimal(limit, places):
            return shown + "%"
    return format_decimal(value, 8) + "%"


def ratio_30(
    sim: Simulation, total_belanja: int, *, batas_persen: Decimal | None = None
) -> Ratio30:
    """Both ratios for the year; ``batas_persen`` defaults to the dated value in force."""
    if total_belanja <= 0:
        raise UserError(_("Total belanja desa harus lebih dari nol untuk menghitung batas 30%."))
    group = [p for p in sim.persons if p.kategori in CEILING_GROUP]
    jamsos = sum(p.desa for p in group if p.dibayar_oleh == "desa")
    entered = based = 0
    missing: list[str] = []
    if sim.pay_roster is None:
        pay = sum(p.dasar_upah * len(p.monthly) for p in group)
    else:
        pay = 0
        for member in sim.pay_roster:
            figure = member.penghasilan or member.dasar_upah
            if not figure:
                missing.append(member.nama)
                continue
            pay += figure * member.months
            if member.penghasilan:
                entered += 1
            else:
                based += 1
    limit = batas_persen if batas_persen is not None else limits_for(sim.year).batas_persen
    return Ratio30(
        total_belanja=total_belanja,
        penghasilan=pay,
        jaminan_sosial=jamsos,
        batas_persen=limit,
        dari_penghasilan=entered,
        dari_dasar_upah=based,
        tanpa_angka=tuple(missing),
        dari_roster=sim.pay_roster is not None,
    )


def ceiling_message(r: Ratio30) -> str | None:
    """The warning text when a reading exceeds the ceiling, else None (marked text: it is printed
    in the Ringkasan as it is, the window shows it with ``_()``)."""
    limit = format_decimal(r.batas_persen, 0)
    detail = N_(
        "Penghasilan tetap dan tunjangan kepala desa dan perangkat serta tunjangan BPD, dihitung "
        "dari {sumber} ({penghasilan}), adalah {tanpa} dari belanja "
        "desa {belanja} tanpa iuran jaminan sosial mereka, dan {dengan} bila iuran {iuran} "
        "dihitung di dalamnya."
    ).format(
        sumber=r.sumber,
        penghasilan=format_rp(r.penghasilan),
        tanpa=r.teks_tanpa,
        belanja=format_rp(r.total_belanja),
        dengan=r.teks_dengan,
        iuran=format_rp(r.jaminan_sosial),
    )
    if r.exceeded_without:
        return N_(
            "Melebihi batas {limit}% (PP 11/2019) menurut kedua cara hitung. {detail}"
        ).format(limit=limit, detail=detail)
    if r.exceeded:
        return N_(
            "Melebihi batas {limit}% (PP 11/2019) bila iuran jaminan sosial dihitung di "
            "dalamnya (cara bawaan), tidak bila di luar. {detail}"
        ).format(limit=limit, detail=detail)
    return None
