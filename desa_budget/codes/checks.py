"""Checks on a year's lines: valid codes, Dana Desa limits, siltap minimums, the 30 % ceiling and the
kabupaten's own rules. Each finding names the place that fixes it (a person, a category, the year)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desa_budget import categories
from desa_budget.codes.catalog import Catalog
from desa_budget.codes.limits import limits_for
from desa_budget.codes.lines import BudgetLines
from desa_budget.codes.profiles import KabupatenProfile
from desa_budget.money import format_decimal, format_rp
from desa_budget.results import Simulation

ERROR, WARNING = "error", "warning"
DDS = "DDS"
DDS_FORBIDDEN = categories.APPARATUS | {"bpd"}  # Permendesa 16/2025; SE Kemendes 4/PRI.00/I/2024
DDS_WARN = frozenset({"staf_desa", "lkd", "rt_rw", "pekerja_rentan"})
CEILING_GROUP = categories.APPARATUS | {"bpd"}


@dataclass(frozen=True)
class Finding:
    severity: str  # error / warning
    kode: str  # short id of the check, e.g. "dds", "siltap", "batas30"
    message: str  # Indonesian, shown as is
    target_kind: str  # "person", "kategori", "line", "tahun", "profil"
    target: str  # person id, category key, "kegiatan|rekening|sumber", year

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CheckResult:
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]


@dataclass(frozen=True)
class Ratio30:
    """The 30 % ceiling, with and without the social-security lines of the same people."""

    total_belanja: int
    penghasilan: (
        int  # siltap + tunjangan of kades and perangkat + tunjangan BPD (roster basis × months)
    )
    jaminan_sosial: int  # desa-paid contributions of the same people
    batas_persen: Decimal
    persen_tanpa: Decimal
    persen_dengan: Decimal

    @property
    def exceeded(self) -> bool:
        """Above the ceiling by the default reading (social security counted inside)."""
        return self.persen_dengan > self.batas_persen


def ratio_30(sim: Simulation, total_belanja: int) -> Ratio30:
    group = [p for p in sim.persons if p.kategori in CEILING_GROUP]
    pay = sum(p.dasar_upah * len(p.monthly) for p in group)
    jamsos = sum(p.desa for p in group if p.dibayar_oleh == "desa")
    limit = limits_for(sim.year).batas_persen
    hundred = Decimal(100)
    return Ratio30(
        total_belanja=total_belanja,
        penghasilan=pay,
        jaminan_sosial=jamsos,
        batas_persen=limit,
        persen_tanpa=Decimal(pay) * hundred / Decimal(total_belanja),
        persen_dengan=Decimal(pay + jamsos) * hundred / Decimal(total_belanja),
    )


def _line_key(kegiatan: str, rekening: str, sumber: str) -> str:
    return f"{kegiatan}|{rekening}|{sumber}"


def _code_findings(lines: BudgetLines, catalog: Catalog) -> list[Finding]:
    found: list[Finding] = []
    for line in lines.lines:
        key = _line_key(line.kegiatan, line.rekening, line.sumber_dana)
        keg, rek = catalog.get("kegiatan", line.kegiatan), catalog.get("rekening", line.rekening)
        if keg is None or keg.level != "kegiatan":
            found.append(
                Finding(
                    ERROR,
                    "kode",
                    f"Kode kegiatan {line.kegiatan} pada baris "
                    f"'{line.uraian}' tidak ada dalam daftar kode kegiatan.",
                    "line",
                    key,
                )
            )
        if rek is None or rek.level != "objek":
            found.append(
                Finding(
                    ERROR,
                    "kode",
                    f"Kode rekening {line.rekening} pada baris "
                    f"'{line.uraian}' bukan objek belanja yang dikenal.",
                    "line",
                    key,
                )
            )
        if catalog.get("sumber_dana", line.sumber_dana) is None:
            found.append(
                Finding(
                    ERROR,
                    "kode",
                    f"Sumber dana '{line.sumber_dana}' pada baris '{line.uraian}' tidak dikenal.",
                    "line",
                    key,
                )
            )
    return found


def _dds_findings(lines: BudgetLines, profile: KabupatenProfile) -> list[Finding]:
    found: list[Finding] = []
    for line in lines.lines:
        key = _line_key(line.kegiatan, line.rekening, line.sumber_dana)
        label = categories.label(line.kategori)
        if line.sumber_dana == DDS and line.kategori in DDS_FORBIDDEN:
            found.append(
                Finding(
                    ERROR,
                    "dds",
                    f"Dana Desa (DDS) tidak boleh membiayai BPJS "
                    f"Ketenagakerjaan {label} (Permendesa 16/2025; SE Kemendes "
                    f"4/PRI.00/I/2024). Pilih ADD, PAD atau sumber lain.",
                    "kategori",
                    line.kategori,
                )
            )
        elif line.sumber_dana == DDS and line.kategori in DDS_WARN:
            found.append(
                Finding(
                    WARNING,
                    "dds",
                    f"Iuran {label} dibiayai Dana Desa (DDS): periksa "
                    f"ketentuan prioritas Dana Desa tahun ini dan Perbup setempat.",
                    "kategori",
                    line.kategori,
                )
            )
        if line.sumber_dana in profile.forbidden_sumber.get(line.kategori, frozenset()):
            found.append(
                Finding(
                    WARNING,
                    "kabupaten",
                    f"Profil {profile.title} melarang sumber "
                    f"dana {line.sumber_dana} untuk {label}.",
                    "line",
                    key,
                )
            )
    return found


def _siltap_findings(sim: Simulation) -> list[Finding]:
    minimums = limits_for(sim.year).siltap_minimum
    found: list[Finding] = []
    for p in sim.persons:
        minimum = minimums.get(p.kategori)
        if minimum is not None and p.dasar_upah < minimum:
            found.append(
                Finding(
                    WARNING,
                    "siltap",
                    f"Dasar upah {p.nama} ({format_rp(p.dasar_upah)}) "
                    f"di bawah siltap minimum PP 11/2019 untuk {categories.label(p.kategori)} "
                    f"({format_rp(minimum)}).",
                    "person",
                    str(p.person_id),
                )
            )
    return found


def _ceiling_findings(sim: Simulation, total_belanja: int | None) -> list[Finding]:
    if not total_belanja:
        return []
    r = ratio_30(sim, total_belanja)
    tanpa, dengan = format_decimal(r.persen_tanpa), format_decimal(r.persen_dengan)
    limit = format_decimal(r.batas_persen, 0)
    detail = (
        f"Penghasilan kepala desa, perangkat dan tunjangan BPD (dasar upah × bulan) "
        f"{tanpa}% dari belanja desa {format_rp(total_belanja)}; dengan iuran jaminan sosial "
        f"mereka {dengan}%."
    )
    if r.persen_tanpa > r.batas_persen:
        return [
            Finding(
                WARNING,
                "batas30",
                f"Melebihi batas {limit}% (PP 11/2019). {detail}",
                "tahun",
                str(sim.year),
            )
        ]
    if r.exceeded:
        return [
            Finding(
                WARNING,
                "batas30",
                f"Melebihi batas {limit}% bila iuran jaminan sosial "
                f"dihitung di dalamnya (bawaan), tidak bila di luar. {detail}",
                "tahun",
                str(sim.year),
            )
        ]
    return []


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _profile_findings(sim: Simulation, profile: KabupatenProfile) -> list[Finding]:
    if profile.min_pekerja_rentan is None:
        return []
    start = date(sim.year, 1, 1)
    rentan = [p for p in sim.persons if p.kategori == "pekerja_rentan"]
    if profile.max_age_pekerja_rentan is not None:
        limit = profile.max_age_pekerja_rentan
        rentan = [
            p for p in rentan if p.tanggal_lahir is None or _age(p.tanggal_lahir, start) <= limit
        ]
    if len(rentan) >= profile.min_pekerja_rentan:
        return []
    age = (
        f" berusia paling tinggi {profile.max_age_pekerja_rentan} tahun"
        if profile.max_age_pekerja_rentan is not None
        else ""
    )
    return [
        Finding(
            WARNING,
            "kabupaten",
            f"Profil {profile.title} meminta paling sedikit "
            f"{profile.min_pekerja_rentan} pekerja rentan{age}; yang dilindungi baru "
            f"{len(rentan)}.",
            "kategori",
            "pekerja_rentan",
        )
    ]


def check_budget(
    sim: Simulation,
    lines: BudgetLines,
    *,
    catalog: Catalog,
    profile: KabupatenProfile,
    total_belanja: int | None,
) -> CheckResult:
    findings = (
        _code_findings(lines, catalog)
        + _dds_findings(lines, profile)
        + _siltap_findings(sim)
        + _ceiling_findings(sim, total_belanja)
        + _profile_findings(sim, profile)
    )
    return CheckResult(
        errors=tuple(f for f in findings if f.severity == ERROR),
        warnings=tuple(f for f in findings if f.severity == WARNING),
    )
