"""Siskeudes tables as CSV files in the real V1.2 columns (as ``mdb-schema`` shows them in the
empty BPKP database), generated per test, and where that database is when ../shared is present."""

import csv
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

# Column order of DataAPBDES.mde (Siskeudes V1.2), from mdb-schema / mdb-export headers.
COLUMNS: dict[str, tuple[str, ...]] = {
    "Ref_Version": ("Versi", "Tgl_Rilis"),
    "Ta_Pemda": ("Tahun", "Kd_Prov", "Kd_Kab", "Nama_Pemda", "Nama_Provinsi", "Ibukota", "Alamat",
                 "Nm_Bupati", "Jbt_Bupati", "Logo", "C_Kode", "C_Pemda", "C_Data"),
    "Ta_Desa": ("Tahun", "Kd_Desa", "Nm_Kades", "Jbt_Kades", "Nm_Sekdes", "NIP_Sekdes",
                "Jbt_Sekdes", "Nm_Kaur_Keu", "Jbt_Kaur_Keu", "Nm_Bendahara", "Jbt_Bendahara",
                "No_Perdes", "Tgl_Perdes", "No_Perdes_PB", "Tgl_Perdes_PB", "No_Perdes_PJ",
                "Tgl_Perdes_PJ", "Alamat", "Ibukota", "Status", "NPWP"),
    "Ref_Desa": ("Kd_Kec", "Kd_Desa", "Nama_Desa"),
    "Ref_Kecamatan": ("Kd_Kec", "Nama_Kecamatan"),
    "Ta_Perangkat": ("Tahun", "Kd_Desa", "Kd_Jabatan", "No_ID", "Nama_Perangkat",
                     "Alamat_Perangkat", "Nomor_HP", "Rek_Bank", "Nama_Bank"),
    "Ta_Kegiatan": ("Tahun", "Kd_Desa", "Kd_Bid", "Kd_Keg", "ID_Keg", "Nama_Kegiatan", "Pagu",
                    "Pagu_PAK", "Nm_PPTKD", "NIP_PPTKD", "Lokasi", "Waktu", "Keluaran",
                    "Sumberdana"),
    "Ta_RABRinci": ("Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Kd_SubRinci", "No_Urut",
                    "SumberDana", "Uraian", "Satuan", "JmlSatuan", "HrgSatuan", "Anggaran",
                    "JmlSatuanPAK", "HrgSatuanPAK", "AnggaranStlhPAK", "AnggaranPAK", "Kode_SBU"),
}  # fmt: skip

KD_DESA = "05.03."  # Siskeudes' own desa code (kecamatan 05, desa 03)


def fixture_path() -> Path | None:
    """The empty BPKP database in ../shared (looked for beside the repository and its parents)."""
    here = Path(__file__).resolve().parents[1]
    for folder in (here, *here.parents):
        found = folder / "shared" / "fixtures" / "siskeudes" / "DataAPBDES.mde"
        if found.is_file():
            return found
    return None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_tables(
    folder: Path,
    rows: Mapping[str, Sequence[Mapping[str, object]]],
    *,
    version: str = "V2.0 R2.0.0.",
) -> Path:
    """One CSV per table of COLUMNS (header row; missing cells empty), mdb-export style."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {"Ref_Version": [{"Versi": version, "Tgl_Rilis": "01/15/19 00:00:00"}], **rows}
    for name, columns in COLUMNS.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
            writer.writerow(columns)
            for row in tables.get(name, []):
                writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return folder


def desa_rows(year: int) -> dict[str, list[dict[str, object]]]:
    """A desa with its kepala desa, sekretaris and three perangkat."""
    return {
        "Ref_Kecamatan": [{"Kd_Kec": "05", "Nama_Kecamatan": "Sumbang"}],
        "Ref_Desa": [{"Kd_Kec": "05", "Kd_Desa": KD_DESA, "Nama_Desa": "Uji"}],
        "Ta_Pemda": [{"Tahun": str(year), "Kd_Prov": "33", "Kd_Kab": "02",
                      "Nama_Pemda": "PEMERINTAH KABUPATEN BANYUMAS",
                      "Nama_Provinsi": "PROVINSI JAWA TENGAH", "Ibukota": "Purwokerto"}],
        "Ta_Desa": [{"Tahun": str(year), "Kd_Desa": KD_DESA, "Nm_Kades": "Suparno",
                     "Nm_Sekdes": "Sri Wahyuni", "No_Perdes": "3 Tahun 2025",
                     "Tgl_Perdes": "12/30/24 00:00:00", "Alamat": "Jl. Balai Desa 1"}],
        "Ta_Perangkat": [
            {"Tahun": str(year), "Kd_Desa": KD_DESA, "Kd_Jabatan": "01", "No_ID": "01",
             "Nama_Perangkat": "Suparno", "Alamat_Perangkat": "RT 01 RW 02",
             "Nomor_HP": "0812 3456 7890"},
            {"Tahun": str(year), "Kd_Desa": KD_DESA, "Kd_Jabatan": "07", "No_ID": "01",
             "Nama_Perangkat": "TARNO", "Alamat_Perangkat": "", "Nomor_HP": ""},
            {"Tahun": str(year), "Kd_Desa": KD_DESA, "Kd_Jabatan": "05", "No_ID": "01",
             "Nama_Perangkat": "Wagiman", "Alamat_Perangkat": "Dusun Kidul",
             "Nomor_HP": "081299990000"},
        ],
    }  # fmt: skip


def rab_row(
    year: int,
    kegiatan: str,
    rekening: str,
    sumber: str,
    anggaran: int,
    *,
    pak: int | None = None,
    uraian: str = "Iuran BPJS",
    no: str = "01",
) -> dict[str, object]:
    """One Ta_RABRinci row as Siskeudes stores it: Kd_Keg = Kd_Desa + ID_Keg; without a
    perubahan the PAK columns repeat the murni ones (as the rows of real databases do)."""
    after = anggaran if pak is None else pak
    return {"Tahun": str(year), "Kd_Desa": KD_DESA, "Kd_Keg": KD_DESA + kegiatan,
            "Kd_Rincian": rekening, "Kd_SubRinci": "01", "No_Urut": no, "SumberDana": sumber,
            "Uraian": uraian, "Satuan": "OB", "JmlSatuan": "12", "HrgSatuan": str(anggaran / 12),
            "Anggaran": str(anggaran), "JmlSatuanPAK": "12", "HrgSatuanPAK": str(after / 12),
            "AnggaranStlhPAK": str(after), "AnggaranPAK": str(after - anggaran)}  # fmt: skip
