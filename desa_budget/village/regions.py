"""Province and kabupaten/kota codes (resources/codes/wilayah.csv) and the check that a kode desa's
kabupaten is the kabupaten typed in the profile."""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.paths import resources_dir
from desa_budget.village.identifiers import validate_kode_desa

KABUPATEN, KOTA, PROVINSI = "kabupaten", "kota", "provinsi"
_KIND_WORDS = {"kabupaten": KABUPATEN, "kab": KABUPATEN, "kota": KOTA}
_ADMINISTRASI = ("administrasi", "adm")  # Jakarta's "Kota Administrasi …", "Kota Adm. …"
_NOT_LETTERS = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Region:
    kode: str  # "33" or "33.02"
    tingkat: str  # provinsi / kabupaten / kota
    nama: str  # as the Kemendagri list writes it: "Kabupaten Banyumas"
    source: str


@dataclass(frozen=True)
class RegionNames:
    """What a typed kabupaten name says: its kind if written ("Kab.", "Kota") and its bare name."""

    kind: str | None
    bare: str


def split_name(text: str) -> RegionNames:
    """ "Kab. Gunung Kidul" → (kabupaten, "gunungkidul"); case, spaces and dots do not count."""
    words = [w for w in _NOT_LETTERS.split(text.casefold()) if w]
    kind = _KIND_WORDS.get(words[0]) if len(words) > 1 else None
    if kind is not None:
        words = words[1:]
        if len(words) > 1 and words[0] in _ADMINISTRASI:
            words = words[1:]
    return RegionNames(kind, "".join(words))


def load_regions(folder: Path | None = None) -> dict[str, Region]:
    """Every province and kabupaten/kota by code ("33", "33.02")."""
    return _regions((folder or resources_dir() / "codes").resolve())


@cache
def _regions(folder: Path) -> dict[str, Region]:
    with (folder / "wilayah.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["kode"]: Region(row["kode"], row["tingkat"], row["nama"], row["source"])
            for row in csv.DictReader(handle)
        }


def kabupaten_of(kode_desa: str, regions: dict[str, Region] | None = None) -> Region | None:
    """The kabupaten/kota a kode desa lies in, or None when the code is not a valid kode desa or
    its kabupaten is not on the list (a new one, say)."""
    try:
        kode = validate_kode_desa(kode_desa)
    except UserError:
        return None
    return (regions if regions is not None else load_regions()).get(kode[:5])


def kabupaten_mismatch(
    kode_desa: str, kabupaten: str, regions: dict[str, Region] | None = None
) -> str | None:
    """A warning when the kode desa lies in another kabupaten/kota than the one typed; None when
    they agree, when either is empty or unreadable, or when the code is not on the list."""
    region = kabupaten_of(kode_desa, regions)
    typed = split_name(kabupaten)
    if region is None or not typed.bare:
        return None
    known = split_name(region.nama)
    if typed.bare == known.bare and typed.kind in (None, known.kind):
        return None
    return _("Kode desa ini terletak di {nama} ({kode}), bukan {typed}.").format(
        kode=region.kode, nama=region.nama, typed=" ".join(kabupaten.split())
    )
