"""Checks on a year's lines: valid codes, Dana Desa limits, siltap minimums, the 30 % ceiling and the
kabupaten's own rules. Each finding names the place that fixes it (a person, a category, a line, the
year), so the window can jump there."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from desa_budget.budget.ceiling import CEILING_GROUP, Ratio30, ceiling_message, ratio_30
from desa_budget.budget.codes.catalog import Catalog
from desa_budget.budget.codes.profiles import KabupatenProfile
from desa_budget.budget.lines import BudgetLine, BudgetLines
from desa_budget.contributions.results import PersonYear, PostPay, Simulation
from desa_budget.format import format_rp
from desa_budget.i18n import N_
from desa_budget.rules.limits import Limits, limits_for
from desa_budget.village import categories

__all__ = [
    "CEILING_GROUP",
    "CheckResult",
    "Finding",
    "Ratio30",
    "check_budget",
    "ratio_30",
]

ERROR, WARNING = "error", "warning"
DDS = "DDS"
DDS_FORBIDDEN = categories.APPARATUS | {"bpd"}  # Permendesa 16/2025; SE Kemendes 4/PRI.00/I/2024
DDS_WARN = frozenset({"staf_desa", "lkd", "rt_rw", "pekerja_rentan"})


@dataclass(frozen=True)
class Finding:
    severity: str  # error / warning
    kode: str  # the kind of check: "kode", "dds", "siltap", "batas30", "kabupaten"
    message: str  # Indonesian, marked (N_): printed as is, shown in the window with _()
    target_kind: str  # "person", "kategori", "line", "tahun", "profil"
    target: str  # person id, category key, "kegiatan|rekening|sumber", year

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CheckResult:
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    # The 30 % ceiling when the year's total belanja is known: shown, not itself a finding.
    ratio: Ratio30 | None = field(default=None, compare=False)


def line_key(line: BudgetLine) -> str:
    """The target of a line finding: 'kegiatan|rekening|sumber dana'."""
    return f"{line.kegiatan}|{line.rekening}|{line.sumber_dana}"


def _code_findings(lines: BudgetLines, catalog: Catalog) -> list[Finding]:
    found: list[Finding] = []
    for line in lines.lines:
        keg, rek = catalog.get("kegiatan", line.kegiatan), catalog.get("rekening", line.rekening)
        problems = []
        if keg is None or keg.level != "kegiatan":
            problems.append(
                N_("Kode kegiatan {kode} tidak ada dalam daftar kode kegiatan").format(
                    kode=line.kegiatan
                )
            )
        if rek is None or rek.level != "objek":
            problems.append(
                N_("Kode rekening {kode} bukan objek belanja yang dikenal").format(
                    kode=line.rekening
                )
            )
        if catalog.get("sumber_dana", line.sumber_dana) is None:
            problems.append(N_("Sumber dana '{kode}' tidak dikenal").format(kode=line.sumber_dana))
        found += [
            Finding(
                ERROR,
                "kode",
                N_("{problem} (baris '{uraian}').").format(problem=text, uraian=line.uraian),
                "line",
                line_key(line),
            )
            for text in problems
        ]
    return found


def _targets(line: BudgetLine, by_id: dict[int, PersonYear], sumber: str) -> list[tuple[str, str]]:
    """Where to change ``sumber`` on this line: each person who chose it themselves, and the
    category when some persons take it from the category's mapping."""
    own = [
        str(pid)
        for pid in line.person_ids
        if pid in by_id and (by_id[pid].sumber_dana or "").strip().upper() == sumber
    ]
    targets = [("person", pid) for pid in own]
    if len(own) < len(line.person_ids):
        targets.append(("kategori", line.kategori))
    return targets


def _sumber_findings(
    sim: Simulation, lines: BudgetLines, profile: KabupatenProfile
) -> list[Finding]:
    by_id = {p.person_id: p for p in sim.persons}
    found: list[Finding] = []
    for line in lines.lines:
        label = categories.label(line.kategori)
        if line.sumber_dana == DDS and line.kategori in DDS_FORBIDDEN:
            text = N_(
                "Dana Desa (DDS) tidak boleh membiayai iuran BPJS Ketenagakerjaan {kategori} "
                "(Permendesa 16/2025; SE Kemendes 4/PRI.00/I/2024). Pilih ADD, PAD atau "
                "sumber lain."
            ).format(kategori=label)
            found += [Finding(ERROR, "dds", text, k, t) for k, t in _targets(line, by_id, DDS)]
        elif line.sumber_dana == DDS and line.kategori in DDS_WARN:
            text = N_(
                "Iuran {kategori} dibiayai Dana Desa (DDS): periksa ketentuan prioritas Dana Desa "
                "tahun ini dan Perbup setempat (SE Kemendes 4/PRI.00/I/2024 menyebut pekerja "
                "rentan)."
            ).format(kategori=label)
            found += [Finding(WARNING, "dds", text, k, t) for k, t in _targets(line, by_id, DDS)]
        if line.sumber_dana in profile.forbidden_sumber.get(line.kategori, frozenset()):
            text = N_("Profil {profile} melarang sumber dana {sumber} untuk {kategori}.").format(
                profile=profile.title, sumber=line.sumber_dana, kategori=label
            )
            found += [
                Finding(WARNING, "kabupaten", text, k, t)
                for k, t in _targets(line, by_id, line.sumber_dana)
            ]
    return found


def _pay_roster(sim: Simulation) -> list[PostPay]:
    if sim.pay_roster is not None:
        return list(sim.pay_roster)
    # A stored version: only the covered persons and their basis are known.
    return [
        PostPay(p.person_id, p.nama, p.kategori, p.status_jabatan, len(p.monthly),
                p.dasar_upah if p.segmen == "PU" else 0, None)
        for p in sim.persons
    ]  # fmt: skip


def _siltap_findings(sim: Simulation, minimums: dict[str, int]) -> list[Finding]:
    """Everyone in post below their minimum, insured or not, on the figure said: the siltap +
    tunjangan entered on the post (below the minimum, the siltap in it is too), else the BPJS
    basis."""
    found: list[Finding] = []
    for p in _pay_roster(sim):
        minimum = minimums.get(p.kategori)
        figure = p.penghasilan or p.dasar_upah
        # A Pj. is a civil servant and a Plt. keeps the pay of their own post: no siltap to test.
        if minimum is None or p.status_jabatan in ("pj", "plt") or not figure or figure >= minimum:
            continue
        if p.penghasilan:
            what = N_("Siltap + tunjangan {nama} ({amount})")
        else:
            what = N_("Dasar upah {nama} ({amount})")
        text = N_("{what} di bawah siltap minimum PP 11/2019 untuk {kategori} ({minimum}).").format(
            what=what.format(nama=p.nama, amount=format_rp(figure)),
            kategori=categories.label(p.kategori),
            minimum=format_rp(minimum),
        )
        found.append(Finding(WARNING, "siltap", text, "person", str(p.person_id)))
    return found


def _pay_gap_findings(sim: Simulation, *, ceiling_checked: bool) -> list[Finding]:
    """Per category, who in post has neither siltap + tunjangan entered nor a BPJS basis: the
    apparatus always (their minimum cannot be tested), the BPD when the 30 % ceiling is checked."""
    if sim.pay_roster is None:
        return []
    missing: dict[str, list[str]] = {}
    for p in sim.pay_roster:
        if p.penghasilan or p.dasar_upah:
            continue
        if p.kategori in categories.APPARATUS or ceiling_checked:
            missing.setdefault(p.kategori, []).append(p.nama)
    found = []
    for kategori, names in missing.items():
        if kategori in categories.APPARATUS:
            text = N_(
                "Siltap + tunjangan {n} orang {kategori} ({nama}) belum diisi pada jabatannya "
                "dan tidak ada dasar upah BPJS: siltap minimum tidak dapat diuji dan mereka "
                "tidak ikut dihitung pada batas 30%."
            )
        else:
            text = N_(
                "Tunjangan {n} orang {kategori} ({nama}) belum diisi pada jabatannya dan tidak "
                "ada dasar upah BPJS: mereka tidak ikut dihitung pada batas 30%."
            )
        message = text.format(
            n=len(names), kategori=categories.label(kategori), nama=", ".join(names)
        )
        found.append(Finding(WARNING, "siltap", message, "kategori", kategori))
    return found


def _ceiling_findings(ratio: Ratio30 | None, year: int) -> list[Finding]:
    text = ceiling_message(ratio) if ratio is not None else None
    return [Finding(WARNING, "batas30", text, "tahun", str(year))] if text else []


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _profile_findings(sim: Simulation, profile: KabupatenProfile) -> list[Finding]:
    if profile.min_pekerja_rentan is None:
        return []
    start = date(sim.year, 1, 1)
    rentan = [p for p in sim.persons if p.kategori == "pekerja_rentan"]
    limit = profile.max_age_pekerja_rentan
    if limit is not None:
        # Unknown birth dates count: the NIK check warns about those on its own.
        rentan = [
            p for p in rentan if p.tanggal_lahir is None or _age(p.tanggal_lahir, start) <= limit
        ]
    if len(rentan) >= profile.min_pekerja_rentan:
        return []
    age = (
        N_(" berusia paling tinggi {limit} tahun (pada 1 Januari {year})").format(
            limit=limit, year=sim.year
        )
        if limit is not None
        else ""
    )
    text = N_(
        "Profil {profile} meminta paling sedikit {minimum} pekerja "
        "rentan{age}; yang dilindungi baru {n}."
    ).format(profile=profile.title, minimum=profile.min_pekerja_rentan, age=age, n=len(rentan))
    return [Finding(WARNING, "kabupaten", text, "kategori", "pekerja_rentan")]


def _required_findings(sim: Simulation, profile: KabupatenProfile) -> list[Finding]:
    """The profile's wajib_program rules: programs a category must have, worker shares withheld."""
    found: list[Finding] = []
    for rule in (r for r in profile.rules if r.rule == "wajib_program"):
        for p in (p for p in sim.persons if p.kategori == rule.kategori):
            wanted = [x for x in rule.programs if not (x == "JP" and p.segmen != "PU")]
            missing = [x for x in wanted if x not in p.programs]
            if missing:
                text = N_(
                    "Profil {profil} mewajibkan {programs} untuk {kategori}; {nama} belum ikut "
                    "{missing}."
                ).format(
                    profil=profile.title,
                    programs=", ".join(wanted),
                    kategori=categories.label(p.kategori),
                    nama=p.nama,
                    missing=", ".join(missing),
                )
                found.append(Finding(WARNING, "kabupaten", text, "person", str(p.person_id)))
            shares = {"JHT", "JP"}.intersection(p.programs)
            if rule.iuran_pekerja == "potong" and shares and p.iuran_pekerja != "potong":
                text = N_(
                    "Profil {profil} meminta iuran pekerja JHT dan JP {nama} dipotong dari "
                    "siltap, bukan dibayar desa."
                ).format(profil=profile.title, nama=p.nama)
                found.append(Finding(WARNING, "kabupaten", text, "person", str(p.person_id)))
    return found


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per message and target (several lines of a category give the same one)."""
    return list(dict.fromkeys(findings))


def check_budget(
    sim: Simulation,
    lines: BudgetLines,
    *,
    catalog: Catalog,
    profile: KabupatenProfile,
    total_belanja: int | None,
    limits: Limits | None = None,
) -> CheckResult:
    """Errors and warnings for the year's lines. ``limits`` (siltap minimums and the ceiling
    percentage) default to the dated rows in force in ``sim.year``; ``total_belanja`` None or 0
    skips the 30 % check."""
    limits = limits or limits_for(sim.year)
    ratio = None
    if total_belanja is not None and total_belanja > 0:
        ratio = ratio_30(sim, total_belanja, batas_persen=limits.batas_persen)
    findings = _unique(
        _code_findings(lines, catalog)
        + _sumber_findings(sim, lines, profile)
        + _siltap_findings(sim, limits.siltap_minimum)
        + _pay_gap_findings(sim, ceiling_checked=ratio is not None)
        + _ceiling_findings(ratio, sim.year)
        + _profile_findings(sim, profile)
        + _required_findings(sim, profile)
    )
    return CheckResult(
        errors=tuple(f for f in findings if f.severity == ERROR),
        warnings=tuple(f for f in findings if f.severity == WARNING),
        ratio=ratio,
    )
