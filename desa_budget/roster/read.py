"""Reading the roster: one person in detail, and the table for a year with each person's amount."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desa_budget.contributions.applied import read_applied
from desa_budget.contributions.engine import months_in_post
from desa_budget.contributions.simulation import cover_entries, load_roster_year, simulate_entries
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster.completeness import missing_fields
from desa_budget.roster.data import CoverageData, PersonData, PostData, normalize_programs
from desa_budget.rules import PROGRAMS, RuleSet, load_rules
from desa_budget.store.models import Coverage, Person, Post, VillageProfile
from desa_budget.village import categories

PERSON_FIELDS = (
    "nik", "nama", "jenis_kelamin", "tanggal_lahir", "tempat_lahir", "nama_ibu", "no_hp", "email",
    "alamat",
)  # fmt: skip
POST_FIELDS = (
    "kategori", "jabatan", "status", "nomor_sk", "tanggal_sk", "mulai", "akhir", "penghasilan",
)  # fmt: skip
COVERAGE_FIELDS = (
    "tahun",
    "segmen",
    "dasar_upah",
    "programs",
    "kelas_jkk",
    "iuran_pekerja",
    "status_bpjs",
    "nomor_kpj",
    "dibayar_oleh",
    "kode_kegiatan",
    "kode_rekening",
    "sumber_dana",
)


@dataclass(frozen=True)
class PostRecord:
    id: int
    version: int
    data: PostData


@dataclass(frozen=True)
class CoverageRecord:
    id: int
    version: int
    data: CoverageData


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    person: PersonData
    posts: tuple[PostRecord, ...]
    coverages: tuple[CoverageRecord, ...]  # oldest year first

    def coverage_for(self, year: int) -> CoverageData | None:
        """The coverage that applies in ``year`` (the newest row from that year or before)."""
        rows = [c.data for c in self.coverages if c.data.tahun <= year]
        return rows[-1] if rows else None


def kode_desa(session: Session) -> str | None:
    """The village's kode desa, for the NIK region check (None before a profile exists)."""
    return session.scalar(select(VillageProfile.kode_desa).limit(1))


def find_person_id(session: Session, nik: str) -> int | None:
    return session.scalar(select(Person.id).where(Person.nik == nik))


def post_data(row: Post) -> PostData:
    return PostData(**{name: getattr(row, name) for name in POST_FIELDS})


def coverage_data(row: Coverage) -> CoverageData:
    values = {name: getattr(row, name) for name in COVERAGE_FIELDS}
    values["programs"] = normalize_programs(row.programs.split(",") if row.programs else [])
    return CoverageData(**values)


def person_data(row: Person) -> PersonData:
    values = {name: getattr(row, name) for name in PERSON_FIELDS}
    values["nik"] = row.nik or ""  # missing (roster.completeness): "" in the DTO, NULL stored
    values["jenis_kelamin"] = row.jenis_kelamin or ""
    return PersonData(**values)


def post_record(row: Post) -> PostRecord:
    return PostRecord(row.id, row.version_id, post_data(row))


def coverage_record(row: Coverage) -> CoverageRecord:
    return CoverageRecord(row.id, row.version_id, coverage_data(row))


def person_detail(row: Person) -> PersonDetail:
    return PersonDetail(
        id=row.id,
        version=row.version_id,
        person=person_data(row),
        posts=tuple(post_record(p) for p in sorted(row.posts, key=lambda p: p.id)),
        coverages=tuple(coverage_record(c) for c in sorted(row.coverages, key=lambda c: c.tahun)),
    )


def get_person(session: Session, person_id: int) -> PersonDetail:
    row = session.get(Person, person_id)
    if row is None:
        raise UserError(_("Orang tidak ditemukan (mungkin sudah dihapus oleh pengguna lain)."))
    return person_detail(row)


def get_post(session: Session, post_id: int) -> PostRecord:
    row = session.get(Post, post_id)
    if row is None:
        raise UserError(_("Jabatan tidak ditemukan (mungkin sudah dihapus oleh pengguna lain)."))
    return post_record(row)


def coverage_versions(session: Session, year: int) -> dict[int, int]:
    """Each person's version of the coverage row that applies in ``year`` (the newest up to it),
    for an edit of that row made later from a page that read it now."""
    rows = session.execute(
        select(Coverage.person_id, Coverage.tahun, Coverage.version_id)
        .where(Coverage.tahun <= year)
        .order_by(Coverage.person_id, Coverage.tahun)
    )
    return {person_id: version for person_id, _tahun, version in rows}


AKTIF = "aktif"  # in post on some day of the year
BERAKHIR = "berakhir"  # every post ended before the year
BELUM_MULAI = "belum_mulai"  # the first post starts after the year
TANPA_JABATAN = "tanpa_jabatan"

# Covered this year ("ditanggung tahun ini"): every program on the roster paid, some, or none.
DITANGGUNG = "ya"
SEBAGIAN = "sebagian"
TIDAK = "tidak"


@dataclass(frozen=True)
class RosterRow:
    person_id: int
    version: int
    nik: str  # "" while missing
    nama: str
    kategori: str  # category key (the highest-ranked post)
    jabatan: str
    jumlah_jabatan: int  # posts held during the year (2 = rangkap / Plt.)
    segmen: str
    dasar_upah: int
    programs: tuple[str, ...]
    status_bpjs: str
    dibayar_oleh: str
    keadaan: str  # AKTIF / BERAKHIR / BELUM_MULAI / TANPA_JABATAN
    months: int  # months in post during the year
    desa: int  # the year's amount paid by the desa (or the Pemda, see dibayar_oleh)
    potongan: int  # worker shares withheld from pay
    paid: tuple[str, ...] = ()  # the programs paid this year (the applied plan, else the roster)
    akhir: date | None = None  # when the person's last post ends, if it has an end date
    missing: tuple[str, ...] = ()  # identity fields still empty (roster.completeness)

    @property
    def aktif(self) -> bool:
        return self.keadaan == AKTIF

    @property
    def ditanggung(self) -> str:
        """DITANGGUNG, SEBAGIAN or TIDAK: covered this year for all, some or none of
        ``programs``."""
        if not self.paid:
            return TIDAK
        return DITANGGUNG if set(self.programs) <= set(self.paid) else SEBAGIAN


def _state(posts: list[Post], year: int) -> str:
    if not posts:
        return TANPA_JABATAN
    if any(p.akhir is None or p.akhir >= date(year, 1, 1) for p in posts):
        return BELUM_MULAI
    return BERAKHIR


def list_roster(session: Session, year: int, *, rules: RuleSet | None = None) -> list[RosterRow]:
    """Everyone on the roster: those in post during ``year`` first (roster order), then the rest.

    Amounts and ``paid`` follow the year's coverage (the applied plan, else the roster)."""
    entries = load_roster_year(session, year)
    decision = read_applied(session, year)
    covered = entries if decision is None else cover_entries(entries, decision)[0]
    simulation = simulate_entries(rules or load_rules(), covered, year)
    amounts = {p.person_id: (p.desa, p.potongan) for p in simulation.persons}
    paid = {e.person_id: e.programs for e in covered}
    # Plain rows, not ORM objects: a 5.000-person roster loads in a fraction of the time.
    versions = {
        pid: version for pid, version in session.execute(select(Person.id, Person.version_id))
    }
    terms: dict[int, list[tuple[date | None, date | None]]] = {}
    for person_id, mulai, akhir in session.execute(
        select(Post.person_id, Post.mulai, Post.akhir).order_by(Post.id)
    ):
        terms.setdefault(person_id, []).append((mulai, akhir))
    rows: list[RosterRow] = []
    for entry in entries:
        version = versions.pop(entry.person_id)
        desa, potongan = amounts.get(entry.person_id, (0, 0))
        ends = [
            akhir
            for mulai, akhir in terms.get(entry.person_id, [])
            if months_in_post(mulai, akhir, year)
        ]
        rows.append(
            RosterRow(
                person_id=entry.person_id,
                version=version,
                nik=entry.nik or "",
                nama=entry.nama,
                kategori=entry.kategori,
                jabatan=entry.jabatan,
                jumlah_jabatan=len(ends),
                segmen=entry.segmen,
                dasar_upah=entry.dasar_upah,
                programs=entry.programs,
                status_bpjs=entry.status_bpjs,
                dibayar_oleh=entry.dibayar_oleh,
                keadaan=AKTIF,
                months=len(entry.months),
                desa=desa,
                potongan=potongan,
                paid=paid.get(entry.person_id, ()),
                akhir=None if None in ends or not ends else max(e for e in ends if e is not None),
                missing=missing_fields(
                    nik=entry.nik,
                    tanggal_lahir=entry.tanggal_lahir,
                    jenis_kelamin=entry.jenis_kelamin,
                ),
            )
        )
    rest = sorted(_people(session, list(versions)), key=lambda p: (p.nama.casefold(), p.id))
    rows.extend(_inactive_row(person, year) for person in rest)
    return rows


def _people(session: Session, ids: Sequence[int]) -> list[Person]:
    """These persons with their posts and coverage (those not in post: usually a few)."""
    people: list[Person] = []
    for start in range(0, len(ids), 500):
        people.extend(
            session.scalars(
                select(Person)
                .where(Person.id.in_(ids[start : start + 500]))
                .options(selectinload(Person.posts), selectinload(Person.coverages))
            )
        )
    return people


def _inactive_row(person: Person, year: int) -> RosterRow:
    posts = list(person.posts)
    last = max(posts, key=lambda p: (p.akhir or date.max, p.id)) if posts else None
    coverages = [c for c in person.coverages if c.tahun <= year] or list(person.coverages)
    cov = max(coverages, key=lambda c: c.tahun) if coverages else None
    kategori = last.kategori if last else "pekerja_rentan"
    programs = cov.programs.split(",") if cov and cov.programs else []
    return RosterRow(
        person_id=person.id,
        version=person.version_id,
        nik=person.nik or "",
        nama=person.nama,
        kategori=kategori,
        jabatan=last.jabatan if last else "",
        jumlah_jabatan=0,
        segmen=cov.segmen if cov else categories.BY_KEY[kategori].usual_segment,
        dasar_upah=cov.dasar_upah if cov else 0,
        programs=tuple(p for p in PROGRAMS if p in programs),
        status_bpjs=cov.status_bpjs if cov else "belum",
        dibayar_oleh=cov.dibayar_oleh if cov else "desa",
        keadaan=_state(posts, year),
        months=0,
        desa=0,
        potongan=0,
        akhir=last.akhir if last else None,
        missing=_missing(person),
    )


def _missing(person: Person) -> tuple[str, ...]:
    return missing_fields(nik=person.nik, tanggal_lahir=person.tanggal_lahir,
                          jenis_kelamin=person.jenis_kelamin)  # fmt: skip


@dataclass(frozen=True)
class RosterTotals:
    """What a list of roster rows adds up to; only the village's own spending counts (a person
    paid by the Pemda from the APBD is listed, but is not APBDes money)."""

    persons: int
    desa: int
    potongan: int


def roster_totals(rows: Sequence[RosterRow]) -> RosterTotals:
    apbdes = [r for r in rows if r.dibayar_oleh == "desa"]
    return RosterTotals(
        persons=len(rows),
        desa=sum(r.desa for r in apbdes),
        potongan=sum(r.potongan for r in apbdes),
    )


def persons_in_post(session: Session, year: int) -> int:
    """How many people are in post on some day of ``year`` (the roster of the year)."""
    return len(load_roster_year(session, year))
