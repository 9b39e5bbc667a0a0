"""The BPJS TK registration sheet: people covered this year but not registered yet (status belum).

The columns are data (resources/sipp/columns.csv) because the official SIPP upload template is not
public and changes: a new template is a CSV edit, and each column says whether it is confirmed.
PU go to sheet "PU" (program and JKK class are the employer's, on sheet "Pemberi Kerja"), pekerja
rentan to "BPU Kolektif" (registered collectively through a branch office, with what the desa
pays), other BPU to "BPU". NIK, telephone numbers and dates are text cells (dd-mm-yyyy) so no
spreadsheet turns a NIK into 3,30212E+15 or a date into a serial number.
"""

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.paths import resources_dir
from desa_budget.roster.data import phone_digits
from desa_budget.rules import PROGRAMS, RuleSet
from desa_budget.sheets.sipp_sheets import columns_sheet, employer_sheet
from desa_budget.sheets.xlsx_style import (
    CellValue,
    Column,
    new_workbook,
    page_labels,
    save_atomic,
    write_table,
    write_text,
)
from desa_budget.village import categories

SHEETS = ("PU", "BPU", "BPU Kolektif")
# The sheet holds full NIKs, as BPJS needs them: the file says so in its first row and its name.
CONFIDENTIAL = (
    "RAHASIA: berisi NIK lengkap peserta, hanya untuk pendaftaran BPJS Ketenagakerjaan. Jangan "
    "dibagikan ke pihak lain; hapus berkas setelah dipakai. Hapus baris ini sebelum mengunggah."
)
SUGGESTED_NAME = "RAHASIA_pendaftaran_bpjs_{year}.xlsx"
HEADER_ROW = 2
FIELDS = (
    "no", "nik", "jenis_identitas", "nomor_identitas", "nama", "tempat_lahir", "tanggal_lahir",
    "jenis_kelamin", "status_kawin", "nama_ibu", "kewarganegaraan", "alamat", "no_hp", "email",
    "npwp", "jabatan", "status_pegawai", "tanggal_awal_bekerja", "kategori", "dasar_upah",
    "program", "kelas_jkk", "tanggal_mulai", "kode_desa", "desa", "jumlah_bulan", "iuran_bulan",
    "iuran_setahun", "keterangan",
)  # fmt: skip
TYPES = {"text": "text", "date": "text", "amount": "amount", "int": "int"}  # type -> cell kind
REQUIRED = {"ya": True, "tidak": False}


@dataclass(frozen=True)
class SippColumn:
    sheet: str
    header: str
    field: str
    type: str  # text / date (written as dd-mm-yyyy text) / amount / int
    required: bool
    source: str
    notes: str
    status: str = ""  # "belum dikonfirmasi" (a guess of the official template) or "aplikasi"


@dataclass(frozen=True)
class SippPerson:
    nik: str | None  # None, sex and birth date: data belum lengkap, left empty for BPJS to ask
    nama: str
    jenis_kelamin: str | None  # L / P
    tanggal_lahir: date | None
    kategori: str
    jabatan: str
    segmen: str
    dasar_upah: int
    programs: tuple[str, ...]
    tanggal_mulai: date
    tempat_lahir: str = ""
    nama_ibu: str = ""
    kelas_jkk: int = 1
    dibayar_oleh: str = "desa"
    no_hp: str = ""
    email: str = ""
    alamat: str = ""
    status_jabatan: str = "definitif"
    awal_bekerja: date | None = None  # the post's TMT, when known
    jumlah_bulan: int | None = None  # desa-paid months this year (with a rule set)
    iuran_bulan: int | None = None  # the last covered month's desa-paid amount
    iuran_setahun: int | None = None

    @property
    def sheet(self) -> str:
        if self.segmen != "BPU":
            return "PU"
        return "BPU Kolektif" if self.kategori == "pekerja_rentan" else "BPU"


@dataclass(frozen=True)
class SippData:
    kode_desa: str
    nama_desa: str
    year: int
    persons: tuple[SippPerson, ...]


def load_columns(path: Path | None = None) -> tuple[SippColumn, ...]:
    """The column map; every problem in one UserError naming the line."""
    path = path or resources_dir() / "sipp" / "columns.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            records = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    except OSError as exc:
        raise UserError(
            _("Peta kolom SIPP {file} tidak dapat dibaca: {error}").format(
                file=path.name, error=exc
            )
        ) from exc
    problems: list[str] = []
    found: list[SippColumn] = []
    for n, rec in enumerate(records, start=2):
        values = {k: (v or "").strip() for k, v in rec.items() if k}
        sheet, field, kind = (
            values.get("sheet", ""),
            values.get("field", ""),
            values.get("type", ""),
        )
        required = values.get("required", "")
        if sheet not in SHEETS or field not in FIELDS or kind not in TYPES:
            problems.append(
                _("baris {n}: sheet, field atau type tidak dikenal ({value})").format(
                    n=n, value=f"{sheet}/{field}/{kind}"
                )
            )
        elif required not in REQUIRED or not values.get("header"):
            problems.append(_("baris {n}: header kosong atau required bukan ya/tidak").format(n=n))
        else:
            found.append(
                SippColumn(sheet, values["header"], field, kind, REQUIRED[required],
                           values.get("source", ""), values.get("notes", ""),
                           values.get("status", ""))
            )  # fmt: skip
    for sheet in SHEETS:
        headers = [c.header for c in found if c.sheet == sheet]
        if not headers:
            problems.append(_("sheet {sheet} tanpa kolom").format(sheet=sheet))
        if len(set(headers)) != len(headers):
            problems.append(_("sheet {sheet}: judul kolom dipakai dua kali").format(sheet=sheet))
    if problems:
        raise UserError(
            _("Peta kolom SIPP {file} tidak sah.").format(file=path.name), details=problems
        )
    return tuple(found)


def gather_sipp_data(session: Session, *, year: int, rules: RuleSet | None = None) -> SippData:
    """Everyone covered in ``year`` (the applied plan, else the roster) whose BPJS status is still
    belum, in roster order; with ``rules``, also what the desa pays for each (the collective BPU
    sheet shows it)."""
    from desa_budget.contributions.engine import months_in_post
    from desa_budget.contributions.simulation import load_covered_year
    from desa_budget.store.models import Person
    from desa_budget.village.profile import get_profile

    profile = get_profile(session)
    if profile is None:
        raise UserError(_("Profil desa belum diisi: isi nama dan kode desa dulu."))
    covered, _note = load_covered_year(session, year)
    entries = [e for e in covered if e.covered and e.status_bpjs == "belum"]
    people = {
        p.id: p
        for p in session.scalars(
            select(Person)
            .where(Person.id.in_([e.person_id for e in entries]))
            .options(selectinload(Person.posts))
        )
    }
    paid = {}
    if rules is not None:
        from desa_budget.contributions.simulation import simulate_entries

        paid = {p.person_id: p for p in simulate_entries(rules, entries, year).persons}
    persons: list[SippPerson] = []
    for e in entries:
        person = people[e.person_id]
        held = [p for p in person.posts if months_in_post(p.mulai, p.akhir, year)]
        first = date(year, 1, 1)
        # Coverage starts at the TMT, or on 1 January for a post begun earlier or without a TMT.
        starts = [p.mulai for p in held]
        mulai = first if None in starts else max(min(s for s in starts if s), first)
        known = [s for s in starts if s]
        amounts = paid.get(e.person_id)
        persons.append(
            SippPerson(
                nik=e.nik, nama=e.nama, jenis_kelamin=e.jenis_kelamin,
                tanggal_lahir=e.tanggal_lahir, kategori=e.kategori, jabatan=e.jabatan,
                segmen=e.segmen, dasar_upah=e.dasar_upah, programs=e.programs,
                tanggal_mulai=mulai, tempat_lahir=person.tempat_lahir or "",
                nama_ibu=person.nama_ibu or "", kelas_jkk=e.kelas_jkk, dibayar_oleh=e.dibayar_oleh,
                no_hp=phone_digits(person.no_hp), email=person.email, alamat=person.alamat,
                status_jabatan=e.status_jabatan, awal_bekerja=min(known) if known else None,
                jumlah_bulan=len(amounts.monthly) if amounts else None,
                iuran_bulan=amounts.monthly[-1].desa if amounts and amounts.monthly else None,
                iuran_setahun=amounts.desa if amounts else None,
            )
        )  # fmt: skip
    return SippData(profile.kode_desa, profile.nama_desa, year, tuple(persons))


def _values(p: SippPerson, data: SippData, number: int) -> Mapping[str, CellValue]:
    kode_desa = data.kode_desa
    return {
        "no": number,
        "jenis_identitas": "KTP",
        "nomor_identitas": p.nik,
        "status_kawin": None,
        "kewarganegaraan": "WNI",
        "alamat": p.alamat or None,
        "no_hp": p.no_hp or None,
        "email": p.email or None,
        "npwp": None,
        "status_pegawai": categories.POST_STATUSES.get(p.status_jabatan, p.status_jabatan),
        "tanggal_awal_bekerja": f"{p.awal_bekerja:%d-%m-%Y}" if p.awal_bekerja else None,
        "desa": data.nama_desa,
        "jumlah_bulan": p.jumlah_bulan,
        "iuran_bulan": p.iuran_bulan,
        "iuran_setahun": p.iuran_setahun,
        "nik": p.nik,
        "nama": p.nama,
        "tempat_lahir": p.tempat_lahir or None,
        "tanggal_lahir": f"{p.tanggal_lahir:%d-%m-%Y}" if p.tanggal_lahir else None,
        "jenis_kelamin": p.jenis_kelamin,
        "nama_ibu": p.nama_ibu or None,
        "jabatan": p.jabatan,
        "kategori": categories.label(p.kategori),
        "dasar_upah": p.dasar_upah,
        "program": ", ".join(x for x in PROGRAMS if x in p.programs),
        "kelas_jkk": p.kelas_jkk if p.segmen == "PU" else None,
        "tanggal_mulai": f"{p.tanggal_mulai:%d-%m-%Y}",
        "kode_desa": kode_desa,
        "keterangan": "Iuran dibayar Pemda (APBD)" if p.dibayar_oleh == "pemda" else None,
    }


def export_sipp(
    path: Path | str,
    data: SippData,
    *,
    columns: Sequence[SippColumn] | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Write the registration workbook; returns warnings (required values that are missing),
    in the current language: they are only shown."""
    columns = tuple(columns or load_columns())
    workbook = new_workbook(
        title=f"Pendaftaran BPJS Ketenagakerjaan Desa {data.nama_desa} {data.year}",
        subject="Daftar peserta belum terdaftar (format perkiraan, bukan templat resmi SIPP)",
        created=now or datetime.now(),
    )
    workbook.properties.keywords = f"RAHASIA; NIK lengkap; {workbook.properties.keywords}"
    warnings: list[str] = []
    for sheet in SHEETS:
        own = [c for c in columns if c.sheet == sheet]
        rows: list[list[CellValue]] = []
        for p in data.persons:
            if p.sheet != sheet:
                continue
            values = _values(p, data, len(rows) + 1)
            rows.append([values[c.field] for c in own])
            missing = [c.header for c in own if c.required and values[c.field] in (None, "")]
            if missing:
                warnings.append(
                    _("{sheet}: {nama} belum punya {columns}.").format(
                        sheet=sheet, nama=p.nama, columns=", ".join(missing)
                    )
                )
        ws = workbook.create_sheet(sheet)
        # On paper the name repeats at the left of every page of a wide sheet.
        name = next((i for i, c in enumerate(own, start=1) if c.field == "nama"), None)
        write_table(ws, [Column(c.header, TYPES[c.type]) for c in own], rows,
                    repeat_columns=(name, name) if name else None)  # fmt: skip
        _mark_confidential(ws, len(own))
        page_labels(ws, left=f"Desa {data.nama_desa} ({data.kode_desa})",
                    center=f"Pendaftaran BPJS Ketenagakerjaan: {sheet}",
                    right=f"Tahun {data.year}")  # fmt: skip
    groups: dict[tuple[str, str, int], int] = {}
    for p in data.persons:
        key = (p.segmen, ", ".join(x for x in PROGRAMS if x in p.programs), p.kelas_jkk)
        groups[key] = groups.get(key, 0) + 1
    employer_sheet(workbook, nama_desa=data.nama_desa, kode_desa=data.kode_desa, year=data.year,
                   groups=[(*key, n) for key, n in sorted(groups.items())])  # fmt: skip
    columns_sheet(workbook, [(c.sheet, c.header, "ya" if c.required else "tidak", c.status,
                              c.source, c.notes) for c in columns])  # fmt: skip
    for extra in ("Pemberi Kerja", "Kolom"):  # the notice on every sheet of the file
        _mark_confidential(workbook[extra], workbook[extra].max_column)
    notes = workbook.create_sheet("Catatan")
    lines = (
        CONFIDENTIAL,
        "Templat unggah resmi SIPP BPJS Ketenagakerjaan tidak publik: kolom ini perkiraan.",
        "Salin kolom ke templat resmi dari kantor cabang bila format berbeda.",
        "NIK dan tanggal ditulis sebagai teks (HH-BB-TTTT); upah dalam rupiah tanpa desimal.",
        f"Hanya peserta tahun {data.year} yang berstatus Belum Terdaftar.",
    )
    for row, text in enumerate(lines, start=1):
        write_text(notes.cell(row=row, column=1), text)
    notes.column_dimensions["A"].width = 90
    save_atomic(workbook, path)
    return warnings


def _mark_confidential(ws: Worksheet, width: int) -> None:
    """The notice above the table: the header moves to row 2, with the panes, filter and
    printed title rows that follow it."""
    ws.insert_rows(1)
    write_text(ws.cell(row=1, column=1), CONFIDENTIAL)
    ws.cell(row=1, column=1).font = Font(bold=True, color="C00000")
    ws.cell(row=1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    if ws.auto_filter.ref:
        first, last = ws.auto_filter.ref.split(":")
        last_row = int("".join(ch for ch in last if ch.isdigit())) + 1
        column = "".join(ch for ch in last if ch.isalpha())
        ws.auto_filter.ref = f"A{HEADER_ROW}:{column}{last_row}"
    ws.print_title_rows = f"1:{HEADER_ROW}"
