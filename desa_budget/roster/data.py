"""Roster DTOs (person, post, coverage) and their validation, shared by the window and the import."""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from desa_budget.format import format_rp
from desa_budget.i18n import N_, _
from desa_budget.roster.completeness import missing_fields
from desa_budget.rules import PROGRAMS, load_rules
from desa_budget.rules.limits import siltap_minimums
from desa_budget.village import categories, identifiers

ERROR = "error"
WARNING = "warning"

SEGMENTS = ("PU", "BPU")
PAYERS = ("desa", "pemda")
# The one limit per text field: the column lengths of store/models.py, enforced here for the form,
# the import and the command line alike, so every database holds the same (test_field_limits.py).
MAX_LENGTH: Mapping[str, int] = {
    "nama": 150,
    "tempat_lahir": 100,
    "nama_ibu": 150,
    "jabatan": 150,
    "nomor_sk": 100,
    "nomor_kpj": 20,
    "no_hp": 20,
    "email": 100,
    "alamat": 300,
}


@dataclass(frozen=True)
class PersonData:
    nik: str
    nama: str
    jenis_kelamin: str  # "L" or "P"; "" while missing (roster.completeness)
    tanggal_lahir: date | None  # None while missing
    tempat_lahir: str = ""
    nama_ibu: str = ""
    # Optional contact data BPJS TK registration asks for: personal, never in a DPMD export.
    no_hp: str = ""
    email: str = ""
    alamat: str = ""


PERSONAL_FIELDS = ("tempat_lahir", "nama_ibu", "no_hp", "email", "alamat")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def phone_digits(text: str) -> str:
    """ "+62 812-3456-7890" / "0812 3456 7890" -> "081234567890" ("" when empty)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.strip().startswith("+62") or (digits.startswith("62") and len(digits) > 11):
        digits = "0" + digits[2:]
    return digits


def _personal_problems(person: PersonData) -> list["Problem"]:
    problems: list[Problem] = []
    limits = {"tempat_lahir": 100, "nama_ibu": 150, "email": 100, "alamat": 300}
    for name, limit in limits.items():
        if len(getattr(person, name)) > limit:
            problems.append(
                _err(name, _("Terlalu panjang (paling banyak {n} huruf).").format(n=limit))
            )
    if person.no_hp.strip():
        if any(ch.isalpha() for ch in person.no_hp) or not re.fullmatch(
            r"08\d{8,12}", phone_digits(person.no_hp)
        ):
            problems.append(
                _err(
                    "no_hp", _("Nomor HP harus 10 sampai 14 angka diawali 08 (mis. 081234567890).")
                )
            )
    if person.email.strip() and not _EMAIL.match(person.email.strip()):
        problems.append(_err("email", _("Alamat email tidak sah (mis. nama@contoh.id).")))
    return problems


@dataclass(frozen=True)
class PostData:
    kategori: str  # a key of categories.CATEGORIES
    jabatan: str
    status: str = "definitif"  # definitif / plt / pj
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    mulai: date | None = None  # TMT; None = before any year we budget
    akhir: date | None = None  # end of term or date ended; None = still in post
    # Siltap + tunjangan per month, for the 30 % ceiling and the siltap minimum where the
    # coverage's BPJS basis is not the pay (or there is no coverage); None = not entered.
    penghasilan: int | None = None


@dataclass(frozen=True)
class CoverageData:
    """How a person is covered from ``tahun`` on. The three codes override the category mapping."""

    tahun: int
    segmen: str  # PU / BPU
    dasar_upah: int
    programs: tuple[str, ...]  # in PROGRAMS order
    kelas_jkk: int = 1
    iuran_pekerja: str = "desa"  # desa / potong
    status_bpjs: str = "belum"  # belum / terdaftar / nonaktif
    nomor_kpj: str | None = None
    dibayar_oleh: str = "desa"  # desa / pemda
    kode_kegiatan: str | None = None
    kode_rekening: str | None = None
    sumber_dana: str | None = None


@dataclass(frozen=True)
class Problem:
    """One validation finding. ``field`` is a DTO attribute name; ``post_index`` says which post."""

    field: str
    message: str
    severity: str = ERROR
    post_index: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass(frozen=True)
class Limits:
    """Figures the validation compares against (PP 11/2019 siltap minimums, BPU minimum income)."""

    siltap_minimum: Mapping[str, int] = field(default_factory=dict)  # category key -> rupiah
    bpu_min_income: int = 1_000_000


def load_limits(year: int | None = None) -> Limits:
    """Siltap minimums (resources/rules, through the one dated-table reader) and the BPU minimum
    income of the rule tables in force in January of ``year`` (default: this year); a year
    before the first BPJS rules takes their first month."""
    year = year or date.today().year
    rules = load_rules()
    bpu = rules.bpu(*max((year, 1), rules.first_month))
    return Limits(siltap_minimum=siltap_minimums(year), bpu_min_income=bpu.min_income)


def bpu_programs_problem(programs: Iterable[str]) -> str | None:
    """Why a BPU participant cannot take these programs (one Indonesian sentence), or None.

    The one rule the roster form, the roster import and ``quote`` share: BPU has no JP, and its
    JHT is an addition to JKK + JKM (PP 44/2015, PP 46/2015), never taken on its own. (The engine
    still prices BPU JHT alone: the planner costs it as the step added to JKK + JKM.)"""
    chosen = set(programs)
    if "JP" in chosen:
        return _("Peserta BPU tidak dapat ikut JP.")
    if "JHT" in chosen and not {"JKK", "JKM"} <= chosen:
        return _(
            "JHT peserta BPU hanya dapat diikuti sebagai tambahan JKK dan JKM; pilih JKK dan JKM "
            "juga, atau hapus JHT."
        )
    return None


def normalize_programs(programs: Sequence[str]) -> tuple[str, ...]:
    """Programs in the canonical order, without duplicates (unknown names dropped)."""
    chosen = {p.strip().upper() for p in programs}
    return tuple(p for p in PROGRAMS if p in chosen)


def _err(name: str, message: str, index: int | None = None) -> Problem:
    return Problem(name, message, ERROR, index)


def _warn(name: str, message: str, index: int | None = None) -> Problem:
    return Problem(name, message, WARNING, index)


def _too_long(data: object, names: Sequence[str], index: int | None = None) -> list[Problem]:
    problems = []
    for name in names:
        value = getattr(data, name) or ""
        if len(value) > MAX_LENGTH[name]:
            message = _("{label} terlalu panjang (paling banyak {limit} huruf).").format(
                label=FIELD_LABELS[name], limit=MAX_LENGTH[name]
            )
            problems.append(_err(name, message, index))
    return problems


def validate_person_data(person: PersonData, *, kode_desa: str | None = None) -> list[Problem]:
    problems: list[Problem] = []
    if not person.nama.strip():
        problems.append(_err("nama", _("Nama wajib diisi.")))
    problems.extend(_too_long(person, ("nama", "tempat_lahir", "nama_ibu")))
    missing = missing_fields(nik=person.nik.strip(), tanggal_lahir=person.tanggal_lahir,
                             jenis_kelamin=person.jenis_kelamin)  # fmt: skip
    problems.extend(_err(name, _("Belum diisi (data belum lengkap).")) for name in missing)
    if person.jenis_kelamin and person.jenis_kelamin not in ("L", "P"):
        problems.append(_err("jenis_kelamin", _("Jenis kelamin harus L atau P.")))
    today = date.today()
    if person.tanggal_lahir is None:
        pass
    elif person.tanggal_lahir > today:
        problems.append(_err("tanggal_lahir", _("Tanggal lahir tidak boleh di masa depan.")))
    elif person.tanggal_lahir.year < 1900:
        problems.append(_err("tanggal_lahir", _("Tanggal lahir tidak masuk akal (sebelum 1900).")))
    if "nik" in missing:
        pass
    elif person.jenis_kelamin in ("L", "P") and person.tanggal_lahir is not None:
        check = identifiers.check_nik(
            person.nik,
            jenis_kelamin=person.jenis_kelamin,
            tanggal_lahir=person.tanggal_lahir,
            kode_desa=kode_desa,
        )
        problems.extend(_err("nik", str(m)) for m in check.errors)
        problems.extend(_warn("nik", str(m)) for m in check.warnings)
    elif not (len(person.nik) == 16 and person.nik.isdigit()):
        problems.append(_err("nik", _("NIK harus 16 angka.")))
    return problems + _personal_problems(person)


def validate_post(
    post: PostData, index: int | None = None, *, lahir: date | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    if post.kategori not in categories.BY_KEY:
        problems.append(
            _err(
                "kategori",
                _("Kategori tidak dikenal: {kategori}.").format(kategori=repr(post.kategori)),
                index,
            )
        )
    if not post.jabatan.strip():
        problems.append(_err("jabatan", _("Jabatan wajib diisi."), index))
    problems.extend(_too_long(post, ("jabatan", "nomor_sk"), index))
    if post.status not in categories.POST_STATUSES:
        problems.append(_err("status", _("Status jabatan harus Definitif, Plt atau Pj."), index))
    if post.mulai and post.akhir and post.akhir < post.mulai:
        problems.append(
            _err("akhir", _("Akhir masa jabatan tidak boleh sebelum mulai bertugas."), index)
        )
    if post.penghasilan is not None and post.penghasilan <= 0:
        problems.append(
            _err(
                "penghasilan",
                _("Siltap + tunjangan diisi dalam rupiah lebih dari 0, atau dikosongkan."),
                index,
            )
        )
    if lahir and post.mulai and post.mulai < lahir:
        problems.append(_err("mulai", _("Mulai bertugas sebelum tanggal lahir."), index))
    if post.tanggal_sk and post.tanggal_sk > date.today():
        problems.append(_warn("tanggal_sk", _("Tanggal SK di masa depan."), index))
    return problems


def validate_coverage(
    coverage: CoverageData,
    kategori: Sequence[str] = (),
    *,
    limits: Limits | None = None,
) -> list[Problem]:
    """Coverage checks; ``kategori`` (the person's post categories) enables the siltap warning.
    ``limits`` default to those of the coverage's year, never the clock's."""
    if limits is None:
        limits = load_limits(coverage.tahun if 2000 <= coverage.tahun <= 2100 else None)
    problems: list[Problem] = []
    if not 2000 <= coverage.tahun <= 2100:
        problems.append(_err("tahun", _("Tahun tidak masuk akal.")))
    if coverage.segmen not in SEGMENTS:
        problems.append(_err("segmen", _("Segmen harus PU atau BPU.")))
    unknown = [p for p in coverage.programs if p not in PROGRAMS]
    if unknown:
        problems.append(
            _err(
                "programs",
                _("Program tidak dikenal: {unknown}.").format(unknown=", ".join(unknown)),
            )
        )
    if coverage.dasar_upah <= 0 and coverage.programs:
        problems.append(_err("dasar_upah", _("Dasar upah wajib diisi (rupiah, lebih dari 0).")))
    if coverage.segmen == "BPU":
        problem = bpu_programs_problem(coverage.programs)
        if problem is not None:
            problems.append(_err("programs", problem))
        if 0 < coverage.dasar_upah < limits.bpu_min_income:
            minimum = format_rp(limits.bpu_min_income)
            problems.append(
                _err(
                    "dasar_upah",
                    _("Penghasilan BPU paling sedikit {minimum} per bulan.").format(
                        minimum=minimum
                    ),
                )
            )
    if coverage.segmen == "PU" and coverage.dasar_upah > 0:
        problems.extend(_siltap_warnings(coverage.dasar_upah, kategori, limits))
    if coverage.programs and not {"JKK", "JKM"} <= set(coverage.programs):
        problems.append(
            _warn("programs", _("Perpres 109/2013: peserta paling sedikit ikut JKK dan JKM."))
        )
    if not coverage.programs:
        problems.append(
            _warn("programs", _("Belum ada program: orang ini tidak ikut dianggarkan."))
        )
    if coverage.kelas_jkk not in range(1, 6):
        problems.append(_err("kelas_jkk", _("Kelas risiko JKK harus 1 sampai 5.")))
    if coverage.iuran_pekerja not in categories.WORKER_SHARE:
        problems.append(_err("iuran_pekerja", _("Iuran pekerja harus Desa atau Potong Siltap.")))
    if coverage.status_bpjs not in categories.BPJS_STATUSES:
        problems.append(
            _err("status_bpjs", _("Status BPJS harus Belum Terdaftar, Terdaftar atau Nonaktif."))
        )
    kpj = coverage.nomor_kpj
    if kpj and not (kpj.isdigit() and len(kpj) <= MAX_LENGTH["nomor_kpj"]):
        problems.append(_err("nomor_kpj", _("Nomor KPJ hanya berisi angka (paling banyak 20).")))
    if coverage.dibayar_oleh not in PAYERS:
        problems.append(_err("dibayar_oleh", _("Pembayar harus desa atau pemda.")))
    return problems


def _siltap_warnings(basis: int, kategori: Sequence[str], limits: Limits) -> list[Problem]:
    relevant = [limits.siltap_minimum[k] for k in kategori if k in limits.siltap_minimum]
    if relevant and basis < max(relevant):
        minimum = format_rp(max(relevant))
        return [
            _warn(
                "dasar_upah",
                _(
                    "Dasar upah di bawah siltap minimum PP 11/2019 ({minimum}) untuk jabatan ini."
                ).format(minimum=minimum),
            )
        ]
    return []


def validate_person(
    person: PersonData,
    posts: Sequence[PostData] = (),
    coverage: CoverageData | None = None,
    *,
    kode_desa: str | None = None,
    limits: Limits | None = None,
) -> list[Problem]:
    """Every finding for a person, their posts and coverage; the window calls it as the user types."""
    problems = validate_person_data(person, kode_desa=kode_desa)
    for index, post in enumerate(posts):
        problems.extend(validate_post(post, index, lahir=person.tanggal_lahir))
    if coverage is not None:
        problems.extend(validate_coverage(coverage, [p.kategori for p in posts], limits=limits))
    return problems


def errors_only(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


FIELD_LABELS: Mapping[str, str] = {
    "nik": N_("NIK"),
    "nama": N_("Nama"),
    "jenis_kelamin": N_("Jenis Kelamin"),
    "tanggal_lahir": N_("Tanggal Lahir"),
    "tempat_lahir": N_("Tempat Lahir"),
    "nama_ibu": N_("Nama Ibu Kandung"),
    "no_hp": N_("No HP"),
    "email": N_("Email"),
    "alamat": N_("Alamat"),
    "kategori": N_("Kategori"),
    "jabatan": N_("Jabatan"),
    "status": N_("Status Jabatan"),
    "nomor_sk": N_("Nomor SK"),
    "tanggal_sk": N_("Tanggal SK"),
    "mulai": N_("Mulai Bertugas"),
    "akhir": N_("Akhir Masa Jabatan"),
    "penghasilan": N_("Siltap + Tunjangan"),
    "tahun": N_("Tahun"),
    "segmen": N_("Segmen"),
    "dasar_upah": N_("Dasar Upah"),
    "programs": N_("Program"),
    "kelas_jkk": N_("Kelas Risiko JKK"),
    "iuran_pekerja": N_("Iuran Pekerja"),
    "status_bpjs": N_("Status BPJS"),
    "nomor_kpj": N_("Nomor KPJ"),
    "dibayar_oleh": N_("Dibayar Oleh"),
    "kode_kegiatan": N_("Kode Kegiatan"),
    "kode_rekening": N_("Kode Rekening"),
    "sumber_dana": N_("Sumber Dana"),
}


def describe(problem: Problem) -> str:
    """A problem as one line, e.g. "Jabatan ke-2, Mulai Bertugas: ..."."""
    where = FIELD_LABELS.get(problem.field, problem.field)
    if problem.post_index is not None:
        where = _("Jabatan ke-{n}, {field}").format(n=problem.post_index + 1, field=where)
    return f"{where}: {problem.message}"
