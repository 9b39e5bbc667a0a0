"""The village's workbook for the DPMD: Info, Rekap, Anggaran and Rincian (layout in dpmd_layout).

``gather_dpmd_data`` reads what the export needs from the database into one frozen DTO;
``export_dpmd`` only writes that DTO, so tests and the consolidation benchmark build DTOs by hand.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget import __version__
from desa_budget.budget.lines import BudgetLines
from desa_budget.contributions.results import PersonYear, Simulation
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster.completeness import printed_nik
from desa_budget.rules import PROGRAMS, RuleSet
from desa_budget.sheets import dpmd_layout as L
from desa_budget.sheets.xlsx_style import (
    CellValue,
    new_workbook,
    page_labels,
    save_atomic,
    write_table,
)
from desa_budget.village import categories
from desa_budget.village.names import bare_kecamatan

if TYPE_CHECKING:
    from desa_budget.projection.compute import Projection

DIBAYAR = {"desa": "Desa", "pemda": "Pemda"}
# NIK and Nama, repeated at the left of every printed page of the (wide) Rincian.
RINCIAN_REPEAT = (len(L.IDENTITY_COLUMNS) + 1, len(L.IDENTITY_COLUMNS) + 2)


@dataclass(frozen=True)
class DpmdData:
    """Everything the DPMD workbook shows: the village, the version and its numbers."""

    kode_desa: str
    nama_desa: str
    kecamatan: str
    kabupaten: str
    provinsi: str
    versi: str  # murni / perubahan / draf
    simulation: Simulation
    lines: BudgetLines
    nomor_perdes: str = ""
    tanggal_perdes: date | None = None
    dibuat: datetime | None = None  # None: the moment of export
    kpj: Mapping[int, str] = field(default_factory=dict)  # person id -> KPJ, only when asked
    projection: "Projection | None" = None  # the optional Proyeksi sheet, when asked

    @property
    def year(self) -> int:
        return self.simulation.year


def gather_dpmd_data(
    session: Session,
    rules: RuleSet,
    *,
    year: int,
    jenis: str | None = None,
    include_kpj: bool = False,
    projection: bool = False,
) -> DpmdData:
    """The export's data: ``jenis`` murni / perubahan (adopted), draf (live numbers) or None.

    None takes the newest adopted version of the year (perubahan over murni), else the draft.
    The BPJS status of each person is the roster's current one (registration goes on after
    adoption); amounts are the version's own. ``projection``: the years ahead from ``year`` under
    its stored assumptions, for the Proyeksi sheet."""
    from desa_budget.budget import regulations, versions
    from desa_budget.contributions.simulation import load_roster_year
    from desa_budget.village.profile import get_profile

    profile = get_profile(session)
    if profile is None:
        raise UserError(_("Profil desa belum diisi: isi nama dan kode desa dulu."))
    if jenis not in (None, *L.VERSIONS):
        raise UserError(
            _("Versi anggaran '{jenis}' tidak dikenal; pilih murni, perubahan atau draf.").format(
                jenis=jenis
            )
        )
    if jenis is None:
        adopted = [v.jenis for v in versions.list_versions(session, year)]
        jenis = adopted[-1] if adopted else "draf"
    if jenis == "draf":
        version = versions.draft(session, rules, year)
    else:
        version = versions.load_version(session, year, jenis)
    current = {e.person_id: e.status_bpjs for e in load_roster_year(session, year)}
    sim = version.simulation
    persons = tuple(
        replace(p, status_bpjs=current.get(p.person_id, p.status_bpjs)) for p in sim.persons
    )
    perdes = regulations.regulation_numbers(session, year, jenis).get("perdes_apbdes")
    return DpmdData(
        kode_desa=profile.kode_desa,
        nama_desa=profile.nama_desa,
        kecamatan=profile.kecamatan,
        kabupaten=profile.kabupaten,
        provinsi=profile.provinsi,
        versi=jenis,
        simulation=replace(sim, persons=persons),
        lines=version.lines,
        nomor_perdes=perdes.nomor if perdes else "",  # as corrected after adoption, if it was
        tanggal_perdes=perdes.tanggal if perdes else None,
        kpj=_kpj_numbers(session, year, [p.person_id for p in persons]) if include_kpj else {},
        projection=_projection(session, rules, year) if projection else None,
    )


def _projection(session: Session, rules: RuleSet, year: int) -> "Projection":
    from desa_budget.projection.assumptions import read_params
    from desa_budget.projection.compute import project

    return project(session, rules, read_params(session, year).params)


def _kpj_numbers(session: Session, year: int, person_ids: Sequence[int]) -> dict[int, str]:
    from desa_budget.store.models import Coverage

    rows = session.execute(
        select(Coverage.person_id, Coverage.tahun, Coverage.nomor_kpj)
        .where(Coverage.person_id.in_(person_ids), Coverage.tahun <= year)
        .order_by(Coverage.tahun)
    )
    found: dict[int, str] = {}
    for person_id, _tahun, kpj in rows:
        if kpj:
            found[person_id] = kpj  # the newest year's number wins
        else:
            found.pop(person_id, None)
    return found


def month_ranges(months: Sequence[int]) -> str:
    """(1, 2, 3, 7, 8) -> "1-3, 7-8"; month numbers, not names, so a machine can parse them."""
    parts: list[str] = []
    start = prev = None
    for m in sorted(months):
        if prev is not None and m == prev + 1:
            prev = m
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = m
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}-{prev}")
    return ", ".join(parts)


def _amounts(p: PersonYear) -> tuple[int, int, int]:
    """(desa-paid APBDes amount, withheld, paid by the Pemda) of one person."""
    if p.dibayar_oleh == "pemda":
        return 0, 0, p.desa + p.potongan
    return p.desa, p.potongan, 0


def info_rows(data: DpmdData, dibuat: datetime) -> list[list[CellValue]]:
    values: dict[str, CellValue] = {
        L.K_KODE_DESA: data.kode_desa,
        L.K_DESA: data.nama_desa,
        L.K_KECAMATAN: data.kecamatan,
        L.K_KABUPATEN: data.kabupaten,
        L.K_PROVINSI: data.provinsi,
        L.K_TAHUN: data.year,
        L.K_VERSI: data.versi,
        L.K_NOMOR_PERDES: data.nomor_perdes or None,
        L.K_TANGGAL_PERDES: data.tanggal_perdes,
        L.K_DIBUAT: dibuat,
        L.K_APP: __version__,
        L.K_FORMAT: L.FORMAT_VERSION,
    }
    return [[key, values[key]] for key in L.INFO_KEYS]


def identity(data: DpmdData) -> list[CellValue]:
    """The first cells of every data row (format 2): who, which year, which version."""
    return [data.kode_desa, data.kecamatan, data.nama_desa, data.year, data.versi]


def rekap_rows(sim: Simulation) -> list[list[CellValue]]:
    """One row per category in categories order, then the TOTAL row (without the identity)."""
    rows: list[list[CellValue]] = []
    total = [0] * (len(L.REKAP_COLUMNS_V1) - 2)
    for cat in categories.CATEGORIES:
        persons = [p for p in sim.persons if p.kategori == cat.key]
        statuses = [p.status_bpjs for p in persons]
        amounts = [_amounts(p) for p in persons]
        numbers = [
            sim.roster_counts.get(cat.key, 0),
            len(persons),
            *(sum(1 for p in persons if prog in p.programs) for prog in PROGRAMS),
            *(statuses.count(s) for s in categories.BPJS_STATUSES),
            sum(1 for p in persons if p.dibayar_oleh == "pemda"),
            *(sum(a[i] for a in amounts) for i in range(3)),
        ]
        total = [t + n for t, n in zip(total, numbers, strict=True)]
        rows.append([cat.key, cat.label, *numbers])
    rows.append([L.TOTAL_KEY, "Jumlah", *total])
    return rows


def anggaran_rows(lines: BudgetLines) -> list[list[CellValue]]:
    return [
        [
            ln.kegiatan,
            ln.rekening,
            ln.sumber_dana,
            ln.kategori,
            ln.uraian,
            ln.volume,
            ln.satuan,
            ln.harga_satuan,
            ln.jumlah,
        ]
        for ln in lines.lines
    ]


def rincian_rows(
    data: DpmdData, *, full_nik: bool = False, include_kpj: bool = False
) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for p in data.simulation.persons:
        desa, potongan, pemda = _amounts(p)
        row: list[CellValue] = [
            *identity(data),
            printed_nik(p.nik, full=full_nik),
            p.nama,
            p.kategori,
            categories.label(p.kategori),
            p.jabatan,
            categories.POST_STATUSES.get(p.status_jabatan, p.status_jabatan),
            p.segmen,
            p.dasar_upah,
            ", ".join(prog for prog in PROGRAMS if prog in p.programs),
            month_ranges(p.months),
            len(p.monthly),
            DIBAYAR.get(p.dibayar_oleh, p.dibayar_oleh),
            desa,
            potongan,
            pemda,
            categories.BPJS_STATUSES.get(p.status_bpjs, p.status_bpjs),
        ]
        if include_kpj:
            row.append(data.kpj.get(p.person_id))
        rows.append(row)
    return rows


def export_dpmd(
    path: Path | str,
    data: DpmdData,
    *,
    full_nik: bool = False,
    include_kpj: bool = False,
    paper: str = "A4",
) -> Path:
    """Write the DPMD workbook atomically. Full NIK and KPJ only when asked (domain.md §6)."""
    if data.versi not in L.VERSIONS:
        raise UserError(_("Versi anggaran '{jenis}' tidak dikenal.").format(jenis=data.versi))
    dibuat = (data.dibuat or datetime.now()).replace(microsecond=0)
    workbook = new_workbook(
        title=f"Data BPJS Ketenagakerjaan Desa {data.nama_desa} {data.year}",
        subject=f"Ekspor DPMD format {L.FORMAT_VERSION}, kode desa {data.kode_desa}",
        created=dibuat,
    )
    rincian_columns = L.RINCIAN_COLUMNS + ((L.KPJ_COLUMN,) if include_kpj else ())
    ident = identity(data)
    sheets = (
        (L.INFO, L.INFO_COLUMNS, info_rows(data, dibuat), False),
        (L.REKAP, L.REKAP_COLUMNS, [ident + r for r in rekap_rows(data.simulation)], True),
        (L.ANGGARAN, L.ANGGARAN_COLUMNS, [ident + r for r in anggaran_rows(data.lines)], True),
        (
            L.RINCIAN,
            rincian_columns,
            rincian_rows(data, full_nik=full_nik, include_kpj=include_kpj),
            True,
        ),
    )
    versi = {"draf": "draf (belum ditetapkan)"}.get(data.versi, f"APBDes {data.versi}")
    for title, columns, rows, landscape in sheets:
        ws = workbook.create_sheet(title)
        # The Rincian is wide: on paper its NIK and Nama repeat at the left of every page.
        repeat = RINCIAN_REPEAT if title == L.RINCIAN else None
        # The identity columns are the same on every row and named in the page header: they
        # are for stacking sheets, not for the printed page.
        # On the Rekap the category label is enough for a reader: its key is for machines.
        skip = {L.INFO: 0, L.REKAP: len(L.IDENTITY_COLUMNS) + 1}.get(title, len(L.IDENTITY_COLUMNS))
        write_table(ws, columns, rows, paper=paper, landscape=landscape, repeat_columns=repeat,
                    print_from=skip + 1)  # fmt: skip
        page_labels(
            ws,
            left=f"Desa {data.nama_desa} ({data.kode_desa})",
            center=f"Kec. {bare_kecamatan(data.kecamatan)}" if landscape else "",
            right=f"TA {data.year}, {versi}",
        )
    if data.projection is not None:
        from desa_budget.sheets.dpmd_projection import PROYEKSI, write_projection

        ws = workbook.create_sheet(PROYEKSI)
        write_projection(ws, data.projection, ident, paper=paper)
        page_labels(
            ws, left=f"Desa {data.nama_desa} ({data.kode_desa})",
            right=f"Proyeksi dari TA {data.year}",
        )  # fmt: skip
    return save_atomic(workbook, path)
