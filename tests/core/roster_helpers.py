"""Shared helpers for the roster tests: a migrated database, valid NIKs, workbooks to import."""

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from desa_budget.roster.workbook.layout import HEADERS
from desa_budget.store.database import Database
from desa_budget.store.models import VillageProfile
from desa_budget.store.opening import open_database

KODE_DESA = "33.02.12.2005"


def make_nik(born: date, jk: str, serial: int, region: str = "330212") -> str:
    day = born.day + (40 if jk == "P" else 0)
    return f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def new_db(tmp_path: Path, *, profile: bool = True) -> Database:
    db = open_database(data_dir=tmp_path / "data")
    if profile:
        with db.session() as s:
            s.add(
                VillageProfile(
                    nama_desa="Uji",
                    kode_desa=KODE_DESA,
                    kecamatan="Sumbang",
                    kabupaten="Banyumas",
                    provinsi="Jawa Tengah",
                )
            )
    return db


def write_rows(path: Path, rows: Sequence[Sequence[Any]], headers: Sequence[str] = HEADERS) -> Path:
    """A workbook as a user might type it (cells as given, the first row the headers)."""
    wb = Workbook()
    ws = wb.active
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def row(
    nik: str,
    nama: str,
    jk: str,
    lahir: Any,
    kategori: str = "RT/RW",
    jabatan: str = "Ketua RT 01",
    *,
    status: Any = None,
    mulai: Any = None,
    akhir: Any = None,
    segmen: Any = "PU",
    dasar: Any = 2_000_000,
    program: Any = "JKK, JKM",
    kelas: Any = None,
    iuran: Any = None,
    bpjs: Any = "Terdaftar",
    kpj: Any = None,
) -> list[Any]:
    return [
        nik, nama, jk, lahir, kategori, jabatan, status, None, None, mulai, akhir,
        segmen, dasar, program, kelas, iuran, bpjs, kpj,
    ]  # fmt: skip
