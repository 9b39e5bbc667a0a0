"""The 30 % ceiling (PP 43/2014 Pasal 100 as amended by PP 11/2019), with and without jaminan sosial.

The law caps siltap + tunjangan of kepala desa and perangkat + tunjangan BPD at 30 % of total belanja
desa. The app knows those wages only as the roster's dasar upah, so the year's pay is taken as
sum(dasar upah × covered months) of the kepala desa, sekretaris, perangkat and BPD in the
simulation. Whether their jaminan sosial (1.1.03) counts inside is unresolved (domain.md §4): both
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

CEILING_GROUP = categories.APPARATUS | {"bpd"}
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Ratio30:
    """The 30 % ceiling, with and without the social-security lines of the same people."""

    total_belanja: int
    penghasilan: int  # siltap + tunjangan of kades and perangkat + tunjangan BPD (basis × months)
    jaminan_sosial: int  # desa-paid contributions of the same people (their APBDes lines)
    batas_persen: Decimal
    persen_tanpa: Decimal  # exact: penghasilan × 100 / total_belanja
    persen_dengan: Decimal  # exact: (penghasilan + jaminan_sosial) × 100 / total_belanja

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
    pay = sum(p.dasar_upah * len(p.monthly) for p in group)
    jamsos = sum(p.desa for p in group if p.dibayar_oleh == "desa")
    limit = batas_persen if batas_persen is not None else limits_for(sim.year).batas_persen
    return Ratio30(
        total_belanja=total_belanja,
        penghasilan=pay,
        jaminan_sosial=jamsos,
        batas_persen=limit,
        persen_tanpa=Decimal(pay) * _HUNDRED / Decimal(total_belanja),
        persen_dengan=Decimal(pay + jamsos) * _HUNDRED / Decimal(total_belanja),
    )


def ceiling_message(r: Ratio30) -> str | None:
    """The warning text when a reading exceeds the ceiling, else None (marked text: it is printed
    in the Ringkasan as it is, the window shows it with ``_()``)."""
    limit = format_decimal(r.batas_persen, 0)
    detail = N_(
        "Penghasilan tetap dan tunjangan kepala desa dan perangkat serta tunjangan BPD, dihitung "
        "sebagai dasar upah × bulan kepesertaan ({penghasilan}), adalah {tanpa} dari belanja "
        "desa {belanja} tanpa iuran jaminan sosial mereka, dan {dengan} bila iuran {iuran} "
        "dihitung di dalamnya."
    ).format(
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
