"""What a Siskeudes database holds, as the mapping reads it: frozen DTOs, amounts in whole rupiah."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Pemda:
    tahun: str
    kode_provinsi: str
    kode_kabupaten: str
    nama_pemda: str
    nama_provinsi: str
    ibukota: str
    logo: bytes | None  # as stored (Siskeudes keeps a BMP)


@dataclass(frozen=True)
class Perdes:
    jenis: str  # "apbdes", "perubahan", "pertanggungjawaban"
    nomor: str
    tanggal: date | None


@dataclass(frozen=True)
class Desa:
    tahun: str
    kd_desa: str  # Siskeudes' own desa code, e.g. "14.01." (kecamatan.desa), not Kemendagri's
    nama_desa: str
    kecamatan: str
    kepala_desa: str
    sekretaris_desa: str
    alamat: str
    perdes: tuple[Perdes, ...]


@dataclass(frozen=True)
class Perangkat:
    tahun: str
    kd_desa: str
    kd_jabatan: str
    jabatan: str  # Siskeudes' name of the code ("Kepala Dusun"), or the code when unknown
    kategori: str | None  # our roster category; None for a code the mapping does not know
    nama: str
    alamat: str
    no_hp: str


@dataclass(frozen=True)
class RabLine:
    """One row of Ta_RABRinci; kegiatan as ID_Keg (``01.01.03.``), without the desa prefix."""

    tahun: str
    kd_desa: str
    kegiatan: str
    rekening: str
    sumber_dana: str
    uraian: str
    satuan: str
    volume: str  # JmlSatuan as written (a Double in Access): "12", "1.5"
    harga_satuan: int
    anggaran: int
    volume_pak: str
    harga_satuan_pak: int | None
    anggaran_pak: int | None  # AnggaranStlhPAK: the amount after the perubahan (PAK)


@dataclass(frozen=True)
class SiskeudesData:
    version: str  # Ref_Version.Versi, "" when the table is missing
    chart_2018: bool  # the chart of Permendagri 20/2018 (Siskeudes 2.0 and later)
    pemda: tuple[Pemda, ...]
    desa: tuple[Desa, ...]
    perangkat: tuple[Perangkat, ...]
    lines: tuple[RabLine, ...]
    kegiatan_names: tuple[tuple[str, str], ...]  # (ID_Keg, Nama_Kegiatan)
    unmatched: tuple[str, ...]  # tables or columns the mapping expected and did not find
    source: str  # the file's name

    def for_year(self, year: int | None) -> "SiskeudesData":
        """Only the rows of ``year`` (all when None)."""
        if year is None:
            return self
        y = str(year)
        from dataclasses import replace

        return replace(
            self,
            pemda=tuple(p for p in self.pemda if p.tahun == y),
            desa=tuple(d for d in self.desa if d.tahun == y),
            perangkat=tuple(p for p in self.perangkat if p.tahun == y),
            lines=tuple(r for r in self.lines if r.tahun == y),
        )
