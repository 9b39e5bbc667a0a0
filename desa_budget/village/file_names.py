"""File names a village's documents are saved under: kode desa, desa, document and year, so a
DPMD receiving forty villages' files can tell them apart ("3302132001_sukamaju_dpmd_2026.xlsx")."""

import re
import unicodedata

from sqlalchemy.orm import Session

from desa_budget.village.profile import get_profile

DOCUMENTS: dict[str, str] = {
    "lampiran": "daftar-nominatif",
    "penjabaran": "penjabaran-apbdes",
    "rab": "rab",
    "ringkasan": "ringkasan",
    "all": "dokumen-apbdes",
    "dpmd": "dpmd",
    "sipp": "pendaftaran-bpjs",
    "daftar": "daftar-peserta",
    "riwayat": "riwayat",
    "rekap": "rekap-kabupaten",
    "impor-masalah": "masalah-impor",
}


def slug(text: str) -> str:
    """Lower-case ASCII words joined by "-": safe on every file system."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def file_name(
    *, kode_desa: str | None, nama_desa: str | None, document: str, year: int, suffix: str,
    extra: str = "",
) -> str:  # fmt: skip
    """ "33.02.13.2001", "Sukamaju", "dpmd", 2026, ".xlsx" -> "3302132001_sukamaju_dpmd_2026.xlsx"."""
    parts = [
        (kode_desa or "").replace(".", ""),
        slug(nama_desa or ""),
        DOCUMENTS.get(document, slug(document)),
        str(year),
        slug(extra),
    ]
    return "_".join(p for p in parts if p) + suffix


def suggested_name(
    session: Session, document: str, year: int, suffix: str, *, extra: str = ""
) -> str:
    """The file name for this village's ``document`` of ``year`` (without a profile: no village)."""
    profile = get_profile(session)
    return file_name(
        kode_desa=profile.kode_desa if profile else None,
        nama_desa=profile.nama_desa if profile else None,
        document=document, year=year, suffix=suffix, extra=extra,
    )  # fmt: skip
