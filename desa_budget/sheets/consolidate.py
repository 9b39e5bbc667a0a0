"""Consolidation at the DPMD: many village exports into one kabupaten recap, nothing dropped silently.

Every file given (or found as *.xlsx in a folder given) ends up either used or left out with one
reason: not an .xlsx, damaged, not a Jamsos Desa export, another format version, another year, or
a second file for a kode desa already used. Kecamatan are grouped by their code (the kode desa's
first three parts), not by the name each village typed ("Sumbang" and "Kec. Sumbang" are one).
"""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from desa_budget.budget.checks import DDS, DDS_FORBIDDEN, DDS_WARN
from desa_budget.budget.codes.profiles import KabupatenProfile
from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.money import round_rupiah
from desa_budget.sheets.dpmd_read import (
    BadFile,
    CategoryRow,
    VillageRecap,
    peek_identity,
    read_village,
)
from desa_budget.village import categories
from desa_budget.village.names import bare_kecamatan

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FileOutcome:
    """One input file: used, or left out with the reason."""

    path: Path
    used: bool
    reason: str = ""
    kode_desa: str = ""
    nama_desa: str = ""

    @property
    def line(self) -> str:
        """The one line the command prints and the Berkas sheet shows."""
        if self.used:
            return f"{self.path.name}: dipakai ({self.kode_desa} {self.nama_desa})"
        return f"{self.path.name}: tidak dipakai, {self.reason}"


@dataclass(frozen=True)
class KecamatanRow:
    kode: str  # PP.KK.CC
    kecamatan: str
    desa: int
    total: CategoryRow
    rentan: CategoryRow
    desa_tanpa_rentan: int
    desa_dengan_catatan: int


@dataclass(frozen=True)
class Consolidation:
    year: int | None  # None when no file could be used
    villages: tuple[VillageRecap, ...]  # used, by kecamatan then kode desa
    files: tuple[FileOutcome, ...]  # every input, in the order given
    profile: KabupatenProfile | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def used(self) -> tuple[FileOutcome, ...]:
        return tuple(f for f in self.files if f.used)

    @property
    def left_out(self) -> tuple[FileOutcome, ...]:
        return tuple(f for f in self.files if not f.used)

    @property
    def total(self) -> CategoryRow:
        return sum((v.total for v in self.villages), CategoryRow())

    @property
    def sumber_codes(self) -> tuple[str, ...]:
        """Every sumber dana used by some village, in the order they are first found."""
        found: dict[str, None] = {}
        for v in self.villages:
            for code in v.by_sumber:
                found.setdefault(code, None)
        return tuple(found)

    def kecamatan_names(self) -> dict[str, str]:
        """Kode kecamatan -> the name most of its villages typed (bare, "Kec." dropped)."""
        return kecamatan_names(self.villages)

    def kecamatan_of(self, village: VillageRecap) -> str:
        return self.kecamatan_names().get(kode_kecamatan(village), village.kecamatan)

    def kecamatan_rows(self) -> list[KecamatanRow]:
        rows: list[KecamatanRow] = []
        names = self.kecamatan_names()
        for kode in sorted(names, key=lambda k: (names[k].casefold(), k)):
            own = [v for v in self.villages if kode_kecamatan(v) == kode]
            rows.append(
                KecamatanRow(
                    kode=kode,
                    kecamatan=names[kode],
                    desa=len(own),
                    total=sum((v.total for v in own), CategoryRow()),
                    rentan=sum((v.by_category["pekerja_rentan"] for v in own), CategoryRow()),
                    desa_tanpa_rentan=sum(1 for v in own if no_rentan_budget(v)),
                    desa_dengan_catatan=sum(1 for v in own if flags(v, self.profile)),
                )
            )
        return rows


def kode_kecamatan(village: VillageRecap) -> str:
    """ "33.02.12.2005" -> "33.02.12"."""
    return ".".join(village.kode_desa.split(".")[:3])


def kecamatan_names(villages: Sequence[VillageRecap]) -> dict[str, str]:
    """Each kecamatan code and the bare name most of its villages typed (ties: alphabetically
    first), so that "Sumbang", "Kec. Sumbang" and "SUMBANG" make one row."""
    typed: dict[str, Counter[str]] = {}
    for v in villages:
        name = bare_kecamatan(v.kecamatan)
        typed.setdefault(kode_kecamatan(v), Counter())[
            name.title() if name.isupper() else name
        ] += 1
    return {
        kode: min(counts, key=lambda n: (-counts[n], n.casefold()))
        for kode, counts in typed.items()
    }


def percent(part: int, whole: int) -> Decimal | None:
    """part / whole in percent with one decimal (half up), None when whole is 0. No float."""
    if whole <= 0:
        return None
    tenths = round_rupiah(Decimal(part) * 1000 / Decimal(whole))
    return Decimal(tenths) / 10


def no_rentan_budget(v: VillageRecap) -> bool:
    return v.by_category["pekerja_rentan"].desa == 0


def flags(v: VillageRecap, profile: KabupatenProfile | None) -> tuple[str, ...]:
    """Notes the DPMD looks for: a draft, an empty roster, no pekerja rentan budgeted, kabupaten
    rules, Dana Desa forbidden or to be checked."""
    found: list[str] = []
    rentan = v.by_category["pekerja_rentan"]
    if v.versi == "draf":
        found.append(N_("Anggaran masih draf (belum ditetapkan dengan Perdes)"))
    if v.total.roster == 0:
        found.append(N_("Tidak ada orang dalam daftar peserta desa"))
    if no_rentan_budget(v):
        found.append(N_("Tidak ada anggaran pekerja rentan"))
    if profile and profile.min_pekerja_rentan and rentan.covered < profile.min_pekerja_rentan:
        found.append(
            N_(
                "Pekerja rentan dilindungi {covered}, di bawah aturan kabupaten "
                "(paling sedikit {minimum})"
            ).format(covered=rentan.covered, minimum=profile.min_pekerja_rentan)
        )
    for (kategori, sumber), amount in v.by_kategori_sumber.items():
        if amount <= 0 or kategori not in categories.BY_KEY:
            continue
        label = categories.label(kategori)
        if sumber == DDS and kategori in DDS_FORBIDDEN:
            found.append(
                N_("Dana Desa (DDS) untuk iuran {kategori}: dilarang secara nasional").format(
                    kategori=label
                )
            )
        elif sumber == DDS and kategori in DDS_WARN:
            found.append(
                N_(
                    "Dana Desa (DDS) untuk iuran {kategori}: periksa prioritas penggunaan Dana "
                    "Desa tahun ini dan Perbup"
                ).format(kategori=label)
            )
        elif profile and sumber in profile.forbidden_sumber.get(kategori, frozenset()):
            found.append(
                N_("Sumber dana {sumber} untuk iuran {kategori}: dilarang aturan kabupaten").format(
                    sumber=sumber, kategori=label
                )
            )
    return tuple(found)


def expand(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a folder becomes its *.xlsx files (not sub-folders), sorted by name."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(
                    (p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".xlsx"),
                    key=lambda p: p.name.casefold(),
                )
            )
        else:
            out.append(path)
    return out


def consolidate(
    paths: Sequence[Path | str],
    *,
    year: int | None = None,
    progress: Progress | None = None,
    profile: KabupatenProfile | None = None,
) -> Consolidation:
    """Read every file once (streaming, values only) and keep what can be merged.

    The year is ``year`` or else the first usable file's; a later file of another year is left
    out, as is a second file for a kode desa already used (the first one named is kept)."""
    files = expand(paths)
    if not files:
        raise UserError(_("Tidak ada berkas .xlsx untuk digabung."))
    outcomes: list[FileOutcome] = []
    villages: list[VillageRecap] = []
    kept: dict[str, Path] = {}
    seen: set[Path] = set()
    for done, path in enumerate(files, start=1):
        outcome = _one(path, year, kept, seen)
        if isinstance(outcome, VillageRecap):
            year = outcome.year if year is None else year
            kept[outcome.kode_desa] = path
            villages.append(outcome)
            outcomes.append(FileOutcome(path, True, "", outcome.kode_desa, outcome.nama_desa))
        else:
            outcomes.append(outcome)
        if progress is not None:
            progress(done, len(files))
    names = kecamatan_names(villages)
    villages.sort(key=lambda v: (names[kode_kecamatan(v)].casefold(), v.kode_desa))
    notes = []
    kabupaten = sorted({v.kabupaten for v in villages})
    if len(kabupaten) > 1:
        notes.append(
            N_("Berkas berasal dari lebih dari satu kabupaten: {kabupaten}.").format(
                kabupaten=", ".join(kabupaten)
            )
        )
    return Consolidation(
        year=year if villages else None,
        villages=tuple(villages),
        files=tuple(outcomes),
        profile=profile,
        notes=tuple(notes),
    )


def _one(
    path: Path, year: int | None, kept: dict[str, Path], seen: set[Path]
) -> VillageRecap | FileOutcome:
    resolved = path.resolve()
    if resolved in seen:
        return FileOutcome(path, False, N_("berkas yang sama disebut dua kali"))
    seen.add(resolved)
    if not path.is_file():
        return FileOutcome(path, False, N_("berkas tidak ditemukan"))
    try:
        village = read_village(path)
    except BadFile as exc:
        return FileOutcome(path, False, exc.reason, *peek_identity(path))
    except OSError as exc:
        return FileOutcome(
            path, False, N_("tidak dapat dibaca ({error})").format(error=exc.strerror or exc)
        )
    if year is not None and village.year != year:
        return FileOutcome(
            path, False, N_("tahun anggaran {found}, bukan {year}").format(found=village.year, year=year),
            village.kode_desa, village.nama_desa,
        )  # fmt: skip
    if village.kode_desa in kept:
        return FileOutcome(
            path, False,
            N_("kode desa {kode} sudah ada di {file} (berkas itu yang dipakai)").format(
                kode=village.kode_desa, file=kept[village.kode_desa].name
            ),
            village.kode_desa, village.nama_desa,
        )  # fmt: skip
    return village
