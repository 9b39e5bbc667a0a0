"""The year summed up per month, category and program; its JSON summary and its text table."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from desa_budget.contributions.results import (
    HEAD_COUNT_RULE,
    MonthAmounts,
    PersonYear,
    ProgramAmount,
    Simulation,
    mode_label,
)
from desa_budget.format import MONTH_ABBR, format_cell, format_rp
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories


@dataclass(frozen=True)
class MonthTotal:
    """One month of the APBDes persons (Pemda-paid coverage is not the village's money)."""

    month: int  # 1..12
    orang: int  # persons covered that month
    desa: int
    potongan: int
    programs: Mapping[str, ProgramAmount]  # every program of PROGRAMS, zero when unused

    @property
    def jumlah(self) -> int:
        return self.desa + self.potongan


def month_totals(simulation: Simulation) -> tuple[MonthTotal, ...]:
    """January..December: persons covered and amounts, in all and per program."""
    orang = [0] * 12
    desa = [0] * 12
    potongan = [0] * 12
    programs: list[dict[str, list[int]]] = [{name: [0, 0] for name in PROGRAMS} for _ in range(12)]
    for monthly, count in _alike(p.monthly for p in simulation.apbdes_persons):
        for month in monthly:
            index = month.month - 1
            orang[index] += count
            desa[index] += month.desa * count
            potongan[index] += month.potongan * count
            sums = programs[index]
            for name, amount in month.programs.items():
                total = sums.setdefault(name, [0, 0])
                total[0] += amount.desa * count
                total[1] += amount.potongan * count
    return tuple(
        MonthTotal(
            month=index + 1,
            orang=orang[index],
            desa=desa[index],
            potongan=potongan[index],
            programs=MappingProxyType(
                {name: ProgramAmount(d, w) for name, (d, w) in programs[index].items()}
            ),
        )
        for index in range(12)
    )


def _alike(
    monthlies: Iterable[tuple[MonthAmounts, ...]],
) -> Iterable[tuple[tuple[MonthAmounts, ...], int]]:
    """Each distinct months tuple once with how many persons have it: persons quoted alike
    share one (the engine's results are shared), so a big village sums a few of them."""
    counts: dict[int, list[Any]] = {}
    for monthly in monthlies:
        seen = counts.get(id(monthly))
        if seen is None:
            counts[id(monthly)] = [monthly, 1]
        else:
            seen[1] += 1
    return ((monthly, count) for monthly, count in counts.values())


@dataclass(frozen=True)
class CategoryTotal:
    """One roster category in the year: who is listed, who is covered, what the desa pays."""

    kategori: str
    di_daftar: int  # persons in post during the year
    ikut: int  # of them, covered and paid by the APBDes (HEAD_COUNT_RULE)
    orang_bulan: int  # covered months of the APBDes persons
    desa: int  # APBDes persons only
    potongan: int
    pemda: int = 0  # covered persons the Pemda pays for, counted apart


def category_totals(simulation: Simulation) -> tuple[CategoryTotal, ...]:
    """Every category with someone listed or covered, in category order."""
    lines = []
    for category in categories.CATEGORIES:
        covered = [p for p in simulation.persons if p.kategori == category.key]
        paid = [p for p in covered if p.dibayar_oleh == "desa"]
        listed = simulation.roster_counts.get(category.key, 0)
        if listed or covered:
            lines.append(
                CategoryTotal(
                    kategori=category.key,
                    di_daftar=listed,
                    ikut=len(paid),
                    orang_bulan=sum(len(p.monthly) for p in paid),
                    desa=sum(p.desa for p in paid),
                    potongan=sum(p.potongan for p in paid),
                    pemda=len(covered) - len(paid),
                )
            )
    return tuple(lines)


@dataclass(frozen=True)
class ProgramTotal:
    """One program's year for the APBDes persons."""

    program: str
    desa: int
    potongan: int

    @property
    def jumlah(self) -> int:
        return self.desa + self.potongan


def program_totals(simulation: Simulation) -> tuple[ProgramTotal, ...]:
    """JKK, JKM, JHT and JP in that order, each with its year's amounts (zero when unused)."""
    totals = _by_program(simulation.apbdes_persons)
    return tuple(ProgramTotal(name, totals[name].desa, totals[name].potongan) for name in PROGRAMS)


def _amounts(amount: ProgramAmount) -> dict[str, int]:
    return {"desa": amount.desa, "potongan": amount.potongan}


def _by_category(persons: tuple[PersonYear, ...]) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {}
    for key in categories.KEYS:
        group = [p for p in persons if p.kategori == key]
        if group:
            result[key] = {
                "persons": len(group),
                "desa": sum(p.desa for p in group),
                "potongan": sum(p.potongan for p in group),
            }
    return result


def _by_program(persons: tuple[PersonYear, ...]) -> dict[str, ProgramAmount]:
    totals = {name: [0, 0] for name in PROGRAMS}
    for person in persons:
        for name, amount in person.by_program.items():
            total = totals.setdefault(name, [0, 0])
            total[0] += amount.desa
            total[1] += amount.potongan
    return {name: ProgramAmount(d, w) for name, (d, w) in totals.items()}


def simulation_summary(simulation: Simulation) -> dict[str, Any]:
    """The JSON of issue 3 part 5. Amounts are the APBDes (desa-paid) persons'; persons the Pemda
    pays for are counted apart under "pemda" so the APBDes totals stay the sum of "persons"."""
    persons = simulation.apbdes_persons
    pemda = tuple(p for p in simulation.persons if p.dibayar_oleh == "pemda")
    return {
        "year": simulation.year,
        "desa": simulation.desa,
        "potongan": simulation.potongan,
        "by_category": _by_category(persons),
        "by_program": {k: _amounts(v) for k, v in _by_program(persons).items()},
        "by_month": {
            f"{simulation.year}-{m.month:02d}": {"desa": m.desa, "potongan": m.potongan}
            for m in month_totals(simulation)
        },
        "persons": [
            {
                "nik": p.nik,
                "nama": p.nama,
                "kategori": p.kategori,
                "months": len(p.monthly),
                "desa": p.desa,
                "potongan": p.potongan,
            }
            for p in persons
        ],
        "pemda": {
            "persons": len(pemda),
            "desa": sum(p.desa for p in pemda),
            "potongan": sum(p.potongan for p in pemda),
        },
        "assumptions": list(simulation.assumptions),
    }


def simulation_table(simulation: Simulation, *, nama_desa: str = "") -> str:
    """A plain-text table of the year for the command line."""
    summary = simulation_summary(simulation)
    where = f" - Desa {nama_desa}" if nama_desa else ""
    lines = [f"Simulasi iuran BPJS Ketenagakerjaan tahun {simulation.year}{where}", ""]
    row = "{:<18} {:>6} {:>15} {:>15}"
    lines.append(row.format("Kategori", "Orang", "Dibayar desa", "Potongan"))
    lines.append("-" * 57)
    for key, values in summary["by_category"].items():
        lines.append(
            row.format(
                categories.label(key),
                values["persons"],
                format_cell(values["desa"]),
                format_cell(values["potongan"]),
            )
        )
    lines.append("-" * 57)
    total = len(summary["persons"])
    lines.append(
        row.format("Jumlah", total, format_cell(simulation.desa), format_cell(simulation.potongan))
    )
    lines += ["", "Per program:"]
    for name, values in summary["by_program"].items():
        lines.append(
            f"  {name:<4} {format_cell(values['desa']):>15} {format_cell(values['potongan']):>15}"
        )
    lines += ["", "Per bulan (dibayar desa):"]
    months = list(summary["by_month"].values())
    for start in (0, 6):
        cells = [
            f"{MONTH_ABBR[i]} {format_cell(months[i]['desa'])}" for i in range(start, start + 6)
        ]
        lines.append("  " + " | ".join(cells))
    lines += ["", f"Anggaran APBDes (dibayar desa): {format_rp(simulation.desa)}"]
    # A BPU participant has no siltap to withhold from: their JHT is their own payment.
    own = sum(p.potongan for p in simulation.apbdes_persons if p.segmen == "BPU")
    if simulation.potongan - own:
        withheld = format_rp(simulation.potongan - own)
        lines.append(f"Dipotong dari siltap (bukan belanja): {withheld}")
    if own:
        lines.append(
            f"Iuran mandiri peserta BPU (dibayar sendiri, bukan belanja): {format_rp(own)}"
        )
    pemda = summary["pemda"]
    if pemda["persons"]:
        lines.append(
            f"Dibayar Pemda (di luar APBDes): {pemda['persons']} orang, "
            f"{format_rp(pemda['desa'] + pemda['potongan'])}"
        )
        lines.append(HEAD_COUNT_RULE)
    note = simulation.coverage
    if note is not None:
        lines.append(
            f"Mengikuti rencana pagu {format_rp(note.pagu)} (mode {mode_label(note.mode)}) yang diterapkan: "
            f"{len(note.not_covered)} orang di daftar tidak ditanggung, "
            f"{len(note.partly)} orang hanya sebagian program."
        )
    if simulation.assumptions:
        lines += ["", "Asumsi:"] + [f"  - {a}" for a in simulation.assumptions]
    return "\n".join(lines)
