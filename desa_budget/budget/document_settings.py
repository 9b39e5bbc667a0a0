"""Everything the Dokumen page shows about a version's documents before printing them: where each
sits, the regulations' numbers, who signs on the version's date, and each RAB's pelaksana."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desa_budget.budget import regulations, versions
from desa_budget.budget import settings as budget_settings
from desa_budget.budget.regulations import NumberData, Pelaksana, Placement
from desa_budget.budget.signers import Signer, Signers, officials_on, signers_on
from desa_budget.village.profile import get_profile


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 999 for p in code.split("."))


@dataclass(frozen=True)
class DocumentSettings:
    year: int
    jenis: str
    adopted: bool
    tanggal: date  # the version's date (adopted) or today (draft): it decides who signs
    placements: dict[str, Placement]
    numbers: dict[str, NumberData]  # every regulation of an adopted version; {} for a draft
    pelaksana: dict[str, Pelaksana]  # kegiatan -> who prepares its RAB (set or the profile's)
    default_pelaksana: str  # the profile's pelaksana kegiatan
    signers: Signers
    officials: tuple[tuple[str, str], ...] = ()  # (nama, jabatan) in post: pelaksana candidates


def document_settings(
    session: Session, year: int, jenis: str | None = None, *, today: date | None = None
) -> DocumentSettings:
    """The settings of ``jenis`` (None: the newest adopted version, else the murni draft).

    The kegiatan listed for a pelaksana are those of the category codes in use and those a
    pelaksana was named for."""
    adopted = versions.list_versions(session, year)
    chosen = jenis or (adopted[-1].jenis if adopted else "murni")
    info = next((v for v in adopted if v.jenis == chosen), None)
    numbers = regulations.regulation_numbers(session, year, chosen)
    adopted_on = info.ditetapkan.date() if info is not None else None
    day = regulations.version_date(numbers, adopted_on, today or date.today())
    profile = get_profile(session)
    named = regulations.pelaksana_list(session)
    default = profile.pelaksana_kegiatan_nama if profile else ""
    codes = {c.kode_kegiatan for c in budget_settings.effective_mapping(session).values()}
    codes |= set(named)
    pelaksana = {
        code: named.get(code) or Pelaksana(code, default) for code in sorted(codes, key=_code_key)
    }
    signers = signers_on(session, profile, day) if profile else Signers(Signer(""), Signer(""))
    return DocumentSettings(
        year=year, jenis=chosen, adopted=info is not None, tanggal=day,
        placements=regulations.placements(session), numbers=numbers, pelaksana=pelaksana,
        default_pelaksana=default, signers=signers,
        officials=tuple(officials_on(session, day)),
    )  # fmt: skip
