"""Hand-made simulations for the budget-code tests: no database, amounts written out by hand."""

from datetime import date

from desa_budget.budget.codes.catalog import load_catalog
from desa_budget.budget.codes.profiles import MappingRow, get_kabupaten_profile
from desa_budget.contributions.results import MonthAmounts, PersonYear, ProgramAmount, Simulation

YEAR = 2026
NATIONAL = get_kabupaten_profile("nasional")
CATALOG = load_catalog()


def mapping(**sumber: str) -> dict[str, MappingRow]:
    """The national mapping, with the sumber dana of some categories changed."""
    return {
        key: MappingRow(row.kegiatan, row.rekening, sumber.get(key, row.sumber_dana), "H")
        for key, row in NATIONAL.mapping.items()
    }


def person(
    pid: int,
    kategori: str,
    monthly_desa: list[int],
    *,
    basis: int = 2_000_000,
    potongan: int = 0,
    programs: tuple[str, ...] = ("JKK", "JKM"),
    payer: str = "desa",
    status: str = "definitif",
    born: date | None = date(1980, 1, 1),
    first_month: int = 1,
    kegiatan: str | None = None,
    rekening: str | None = None,
    sumber: str | None = None,
) -> PersonYear:
    """A covered person whose n-th covered month costs the desa ``monthly_desa[n]``, months in a
    row from ``first_month``; ``potongan`` is withheld every month."""
    months = tuple(
        MonthAmounts(YEAR, first_month + i, {"JKK": ProgramAmount(d, potongan)}, d, potongan)
        for i, d in enumerate(monthly_desa)
    )
    return PersonYear(
        person_id=pid, nik=f"{pid:016d}", nama=f"Orang {pid}", kategori=kategori, jabatan="x",
        status_jabatan=status, segmen="BPU" if kategori == "pekerja_rentan" else "PU",
        dasar_upah=basis, programs=programs, kelas_jkk=1, iuran_pekerja="desa",
        status_bpjs="terdaftar", dibayar_oleh=payer, kode_kegiatan=kegiatan,
        kode_rekening=rekening, sumber_dana=sumber, monthly=months, desa=sum(monthly_desa),
        potongan=potongan * len(monthly_desa), tanggal_lahir=born,
    )  # fmt: skip


def sim(*persons: PersonYear) -> Simulation:
    return Simulation(year=YEAR, persons=tuple(persons), roster_counts={})
