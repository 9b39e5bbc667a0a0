"""Coverage tiers: which categories get which programs in which order, read from a kabupaten profile.

A tier in a profile file (``"tiers"``, a list of objects) has a ``number`` (whole, unique), a
``name``, the ``categories`` and ``programs`` it covers, and optionally ``segmen`` ("PU" or "BPU":
only persons of that segment) and ``target`` (a cap on persons: a whole number, or "profil_desa"
for the village profile's pekerja-rentan target; the name may show it as ``{target}``).
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories

DEFAULT_TARGET_RENTAN = 100
VILLAGE_TARGET = "profil_desa"  # the village profile's target_pekerja_rentan
SEGMENTS = ("PU", "BPU")
_FIELDS = {"number", "name", "categories", "programs", "segmen", "target"}

# Tier names of the shipped profiles, for the translation catalog: profile files are data that
# Babel does not read. A tier name is kept Indonesian (printed in the Ringkasan) and shown with _().
# tests/core/test_plan_tiers.py checks that every shipped profile's names are listed here.
SHIPPED_NAMES = (
    N_("JKK+JKM Kepala Desa, Sekretaris Desa dan Perangkat Desa"),
    N_("JKK+JKM Anggota BPD"),
    N_("JKK+JKM Staf Desa dan LKD"),
    N_("JKK+JKM Ketua RT/RW"),
    N_("JHT Kepala Desa dan Perangkat Desa"),
    N_("JP Kepala Desa dan Perangkat Desa"),
    N_("JKK+JKM Pekerja Rentan (target {target} orang)"),
    N_("Program lain di daftar peserta (mis. JHT pekerja rentan atau BPD)"),
    N_("JKK+JKM Kepala Desa, Perangkat Desa dan BPD (wajib, Perbup Kendal 45/2025)"),
    N_("JHT Kepala Desa, Perangkat Desa dan BPD (wajib, Perbup Kendal 45/2025)"),
    N_("JP Kepala Desa, Perangkat Desa dan BPD (wajib, Perbup Kendal 45/2025)"),
    N_("Program lain di daftar peserta (mis. JHT pekerja rentan)"),
)


@dataclass(frozen=True)
class Tier:
    """One coverage tier: who (categories), which programs, and an optional cap on persons."""

    number: int
    name: str
    categories: tuple[str, ...]
    programs: tuple[str, ...]
    target: int | None = None  # at most this many persons (in the tier's order); None = everyone
    pu_only: bool = False  # only persons in the PU segment (e.g. JHT/JP for the apparatus)
    bpu_only: bool = False
    village_target: bool = False  # the target is the village profile's pekerja-rentan target
    template: str = ""  # the name with "{target}" where the target is shown

    def takes(self, kategori: str, segmen: str) -> bool:
        """Whether a person of ``kategori`` in ``segmen`` belongs to this tier."""
        if kategori not in self.categories:
            return False
        return not (self.pu_only and segmen != "PU") and not (self.bpu_only and segmen != "BPU")


def with_target(tiers: Sequence[Tier], target: int) -> tuple[Tier, ...]:
    """The tiers with every village-target tier capped at ``target`` (the village's own)."""
    return tuple(
        replace(t, target=target, name=N_(t.template).format(target=target))
        if t.village_target
        else t
        for t in tiers
    )


def order_tiers(tiers: Sequence[Tier], numbers: Sequence[int]) -> tuple[Tier, ...]:
    """``tiers`` reordered (or narrowed) to the tier numbers given; a UserError for a bad list."""
    by_number = {t.number: t for t in tiers}
    unknown = [n for n in numbers if n not in by_number]
    if unknown:
        raise UserError(
            _("Tingkat prioritas tidak dikenal: {value}.").format(
                value=", ".join(map(str, unknown))
            )
        )
    if len(set(numbers)) != len(numbers):
        raise UserError(_("Urutan tingkat prioritas memuat nomor yang sama dua kali."))
    return tuple(by_number[n] for n in numbers)


def tiers_in_order(tiers: Sequence[Tier], numbers: Sequence[int]) -> tuple[Tier, ...]:
    """``tiers`` with those numbered in ``numbers`` first, in that order, then the others in
    their own order; numbers of no tier are passed over (a scenario kept from another profile)."""
    by_number = {t.number: t for t in tiers}
    first = [by_number[n] for n in dict.fromkeys(numbers) if n in by_number]
    return (*first, *(t for t in tiers if t not in first))


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _names(value: Any, known: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the names in ``known`` order, the unknown ones) of a JSON list of strings."""
    items = [str(v) for v in value]
    return [k for k in known if k in items], [v for v in items if v not in known]


def _one(raw: Any, at: str, problems: list[str]) -> Tier | None:
    if not isinstance(raw, dict):
        problems.append(_("{at}: harus berupa objek.").format(at=at))
        return None
    start = len(problems)
    for key in sorted(set(raw) - _FIELDS):
        problems.append(_("{at}: isian '{key}' tidak dikenal.").format(at=at, key=key))
    number: Any = raw.get("number")
    name: Any = raw.get("name")
    if not _whole(number) or number < 1:
        problems.append(_("{at}: 'number' harus bilangan bulat mulai 1.").format(at=at))
    if not isinstance(name, str) or not name.strip():
        problems.append(_("{at}: 'name' wajib diisi.").format(at=at))
    found: dict[str, list[str]] = {}
    for field, known in (("categories", categories.KEYS), ("programs", PROGRAMS)):
        value = raw.get(field)
        if not isinstance(value, list) or not value:
            problems.append(
                _("{at}: '{field}' harus berupa daftar yang tidak kosong.").format(
                    at=at, field=field
                )
            )
            continue
        found[field], unknown = _names(value, known)
        if unknown:
            problems.append(
                _("{at}: '{field}' memuat yang tidak dikenal: {value}.").format(
                    at=at, field=field, value=", ".join(unknown)
                )
            )
    segmen, target = raw.get("segmen"), raw.get("target")
    if segmen is not None and segmen not in SEGMENTS:
        problems.append(
            _("{at}: 'segmen' harus PU atau BPU, bukan '{segmen}'.").format(at=at, segmen=segmen)
        )
    if target is not None and target != VILLAGE_TARGET and not _whole(target):
        problems.append(
            _("{at}: 'target' harus bilangan bulat tidak negatif atau '{VILLAGE_TARGET}'.").format(
                at=at, VILLAGE_TARGET=VILLAGE_TARGET
            )
        )
    if len(problems) > start:
        return None
    village = target == VILLAGE_TARGET
    tier = Tier(
        number=number,
        name=N_(name.strip()),
        categories=tuple(found["categories"]),
        programs=tuple(found["programs"]),
        target=None if village else target,
        pu_only=segmen == "PU",
        bpu_only=segmen == "BPU",
        village_target=village,
        template=name.strip(),
    )
    if village:
        return with_target([tier], DEFAULT_TARGET_RENTAN)[0]
    return replace(tier, name=N_(tier.template).format(target=target))


def parse_tiers(raw: Any, where: str, problems: list[str]) -> tuple[Tier, ...]:
    """The tiers of a profile's ``"tiers"`` list; every problem names ``where`` and the field."""
    if not isinstance(raw, list) or not raw:
        problems.append(
            _("{where}: 'tiers' harus berupa daftar tingkat yang tidak kosong.").format(where=where)
        )
        return ()
    tiers: list[Tier] = []
    seen: set[int] = set()
    for n, item in enumerate(raw, start=1):
        at = f"{where} tiers ke-{n}"
        number: Any = item.get("number") if isinstance(item, dict) else None
        if _whole(number) and number in seen:
            problems.append(
                _("{at}: nomor {number} dipakai dua kali.").format(at=at, number=number)
            )
            continue
        if _whole(number):
            seen.add(number)
        tier = _one(item, at, problems)
        if tier is not None:
            tiers.append(tier)
    return tuple(tiers)
