"""APBDes budget lines from the year's simulation: kegiatan + objek + sumber dana, per category.

The lines add up exactly to the simulation's desa total; withheld worker shares are listed apart
and never counted as spending. Persons paid by the Pemda (APBD) make no line.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from desa_budget.budget.codes.catalog import Catalog
from desa_budget.contributions.results import PersonYear, Simulation
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories

SATUAN = "OB"  # orang-bulan


class LineCode(Protocol):
    """What build_lines needs of a category's mapping (budget_settings.CategoryCodes fits)."""

    @property
    def kode_kegiatan(self) -> str: ...
    @property
    def kode_rekening(self) -> str: ...
    @property
    def sumber_dana(self) -> str: ...


@dataclass(frozen=True)
class BudgetLine:
    kegiatan: str
    rekening: str
    sumber_dana: str
    kategori: str
    programs: tuple[str, ...]
    uraian: str
    volume: int  # person-months
    satuan: str
    harga_satuan: int | None  # when every person-month costs the desa the same
    jumlah: int
    person_ids: tuple[int, ...]


@dataclass(frozen=True)
class PotonganLine:
    """Worker shares withheld from pay for one category: passed through, not spending."""

    kategori: str
    uraian: str
    jumlah: int
    person_ids: tuple[int, ...]


@dataclass(frozen=True)
class BudgetLines:
    lines: tuple[BudgetLine, ...]
    potongan_lines: tuple[PotonganLine, ...]

    @property
    def total(self) -> int:
        return sum(line.jumlah for line in self.lines)

    @property
    def potongan(self) -> int:
        return sum(line.jumlah for line in self.potongan_lines)


def program_words(programs: tuple[str, ...]) -> str:
    """('JKK', 'JKM') -> 'JKK dan JKM'; ('JKK', 'JKM', 'JHT', 'JP') -> 'JKK, JKM, JHT dan JP'."""
    names = [p for p in PROGRAMS if p in programs]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " dan " + names[-1]


def _code_key(code: str) -> tuple[tuple[int, int, str], ...]:
    # Numeric order (1.1.9 before 1.1.10); a malformed code sorts last instead of failing.
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def line_codes(person: PersonYear, mapping: Mapping[str, LineCode]) -> tuple[str, str, str]:
    """The person's own codes where set, else the category's mapping."""
    default = mapping.get(person.kategori)
    if default is None and not (
        person.kode_kegiatan and person.kode_rekening and person.sumber_dana
    ):
        raise UserError(
            _(
                "Kategori {kategori} belum punya kode kegiatan, rekening dan "
                "sumber dana; atur pemetaan kodenya dulu ({nama})."
            ).format(kategori=categories.label(person.kategori), nama=person.nama)
        )
    return (
        person.kode_kegiatan or (default.kode_kegiatan if default else ""),
        person.kode_rekening or (default.kode_rekening if default else ""),
        person.sumber_dana or (default.sumber_dana if default else ""),
    )


def build_lines(
    sim: Simulation, *, catalog: Catalog, mapping: Mapping[str, LineCode]
) -> BudgetLines:
    """Group the desa-paid persons into lines; ``catalog`` normalises the codes a person carries.

    A line is one (kegiatan, rekening, sumber dana), category and set of programs; a person's own
    codes win over the category's ``mapping``. Pemda-paid persons make no line. Lines come in
    code order (kegiatan, rekening, sumber dana), then category rank, then programs. Codes the
    catalog does not know are kept as written, for codes.checks to report."""
    groups: dict[tuple[str, str, str, str, tuple[str, ...]], list[PersonYear]] = {}
    withheld: dict[tuple[str, bool], list[PersonYear]] = {}  # (category, BPU) -> persons
    for person in sim.apbdes_persons:
        kegiatan, rekening, sumber = line_codes(person, mapping)
        kegiatan = catalog.find("kegiatan", kegiatan) or kegiatan
        rekening = catalog.find("rekening", rekening) or rekening
        sumber = catalog.find("sumber_dana", sumber) or sumber.strip().upper()
        key = (kegiatan, rekening, sumber, person.kategori, person.programs)
        if person.desa:
            groups.setdefault(key, []).append(person)
        if person.potongan:
            withheld.setdefault((person.kategori, person.segmen == "BPU"), []).append(person)
    lines = [_line(key, persons) for key, persons in groups.items()]
    lines.sort(
        key=lambda ln: (
            _code_key(ln.kegiatan),
            _code_key(ln.rekening),
            ln.sumber_dana,
            categories.BY_KEY[ln.kategori].rank,
            [PROGRAMS.index(p) for p in ln.programs],
        )
    )
    potongan = [
        PotonganLine(
            kategori=kategori,
            uraian=_withheld_uraian(kategori, bpu=bpu),
            jumlah=sum(p.potongan for p in persons),
            person_ids=tuple(p.person_id for p in persons),
        )
        for (kategori, bpu), persons in sorted(
            withheld.items(), key=lambda kv: (categories.BY_KEY[kv[0][0]].rank, kv[0][1])
        )
    ]
    return BudgetLines(lines=tuple(lines), potongan_lines=tuple(potongan))


def _withheld_uraian(kategori: str, *, bpu: bool) -> str:
    """A BPU participant (e.g. a pekerja rentan) has no siltap to withhold from: the JHT they pay
    is their own payment (iuran mandiri), passed on with the desa's."""
    label = categories.label(kategori)
    if bpu:
        return f"Iuran mandiri peserta {label} (dibayar sendiri oleh peserta BPU)"
    return f"Iuran pekerja dipotong dari penghasilan {label}"


def _line(key: tuple[str, str, str, str, tuple[str, ...]], persons: list[PersonYear]) -> BudgetLine:
    kegiatan, rekening, sumber, kategori, programs = key
    per_month = {m.desa for p in persons for m in p.monthly}
    volume = sum(len(p.monthly) for p in persons)
    return BudgetLine(
        kegiatan=kegiatan,
        rekening=rekening,
        sumber_dana=sumber,
        kategori=kategori,
        programs=programs,
        uraian=f"Iuran {program_words(programs)} {categories.label(kategori)}",
        volume=volume,
        satuan=SATUAN,
        harga_satuan=per_month.pop() if len(per_month) == 1 else None,
        jumlah=sum(p.desa for p in persons),
        person_ids=tuple(p.person_id for p in persons),
    )
