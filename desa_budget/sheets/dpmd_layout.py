"""The DPMD workbook layout (format version 2): sheet names, headers and column types.

The exporter writes exactly these headers and the consolidation checks them exactly, so the two
cannot drift. Changing a header or a column's meaning is a new FORMAT_VERSION; docs/format_dpmd.md
describes every sheet and column for the people who merge the files. Format 2 starts every row of
every data sheet with the village, the year and the version (IDENTITY_COLUMNS), so sheets of many
villages can be stacked; format 1 files (without them) are still read.
"""

from desa_budget.sheets.xlsx_style import Column

FORMAT_VERSION = "2"
READABLE_FORMATS = ("1", "2")

INFO, REKAP, ANGGARAN, RINCIAN = "Info", "Rekap", "Anggaran", "Rincian"
SHEETS = (INFO, REKAP, ANGGARAN, RINCIAN)

# Info: one key/value row each, in this order, under the header row.
INFO_COLUMNS = (Column("Keterangan", min_width=18), Column("Nilai", "auto", min_width=24))
K_KODE_DESA = "Kode Desa"
K_DESA = "Desa"
K_KECAMATAN = "Kecamatan"
K_KABUPATEN = "Kabupaten"
K_PROVINSI = "Provinsi"
K_TAHUN = "Tahun Anggaran"
K_VERSI = "Versi Anggaran"
K_NOMOR_PERDES = "Nomor Perdes"
K_TANGGAL_PERDES = "Tanggal Perdes"
K_DIBUAT = "Dibuat Pada"
K_APP = "Versi Aplikasi"
K_FORMAT = "Versi Format"
INFO_KEYS = (
    K_KODE_DESA, K_DESA, K_KECAMATAN, K_KABUPATEN, K_PROVINSI, K_TAHUN, K_VERSI,
    K_NOMOR_PERDES, K_TANGGAL_PERDES, K_DIBUAT, K_APP, K_FORMAT,
)  # fmt: skip
VERSIONS = ("murni", "perubahan", "draf")

# Format 2: the first columns of every row of Rekap, Anggaran and Rincian.
IDENTITY_COLUMNS = (
    Column("Kode Desa", min_width=13),
    Column("Kecamatan", min_width=12),
    Column("Desa", min_width=12),
    Column("Tahun Anggaran", "int"),
    Column("Versi Anggaran"),
)

TOTAL_KEY = "TOTAL"  # the Rekap's last row: its Kode Kategori cell
REKAP_COLUMNS_V1 = (
    Column("Kode Kategori", min_width=14),
    Column("Kategori", min_width=16),
    Column("Orang di Daftar", "int"),
    Column("Orang Dilindungi", "int"),
    Column("Dilindungi JKK", "int"),
    Column("Dilindungi JKM", "int"),
    Column("Dilindungi JHT", "int"),
    Column("Dilindungi JP", "int"),
    Column("Belum Terdaftar", "int"),
    Column("Terdaftar", "int"),
    Column("Nonaktif", "int"),
    Column("Dibayar Pemda (orang)", "int"),
    Column("Iuran Desa Setahun", "amount"),
    Column("Potongan Setahun", "amount"),
    Column("Dibayar Pemda Setahun", "amount"),
)

ANGGARAN_COLUMNS_V1 = (
    Column("Kode Kegiatan", min_width=12),
    Column("Kode Rekening", min_width=12),
    Column("Sumber Dana", min_width=8),
    Column("Kode Kategori", min_width=14),
    Column("Uraian", min_width=30),
    Column("Volume", "int"),
    Column("Satuan"),
    Column("Harga Satuan", "amount"),
    Column("Jumlah", "amount"),
)

RINCIAN_PERSON_COLUMNS = (
    Column("NIK", min_width=19),
    Column("Nama", min_width=20),
    Column("Kode Kategori", min_width=14),
    Column("Kategori"),
    Column("Jabatan", min_width=16),
    Column("Status Jabatan"),
    Column("Segmen"),
    Column("Dasar Upah", "amount"),
    Column("Program", min_width=16),
    Column("Bulan Dilindungi"),
    Column("Jumlah Bulan", "int"),
    Column("Dibayar Oleh"),
    Column("Iuran Desa Setahun", "amount"),
    Column("Potongan Setahun", "amount"),
    Column("Dibayar Pemda Setahun", "amount"),
    Column("Status BPJS"),
)
KPJ_COLUMN = Column("Nomor KPJ", min_width=14)  # appended to Rincian only when asked for

REKAP_COLUMNS = IDENTITY_COLUMNS + REKAP_COLUMNS_V1
ANGGARAN_COLUMNS = IDENTITY_COLUMNS + ANGGARAN_COLUMNS_V1
RINCIAN_COLUMNS = IDENTITY_COLUMNS + RINCIAN_PERSON_COLUMNS
RINCIAN_COLUMNS_V1 = IDENTITY_COLUMNS[:3] + RINCIAN_PERSON_COLUMNS


def headers(columns: tuple[Column, ...]) -> tuple[str, ...]:
    return tuple(c.header for c in columns)


def columns_of(version: str) -> dict[str, tuple[Column, ...]]:
    """The data sheets' columns of a readable format version."""
    if version == "1":
        return {REKAP: REKAP_COLUMNS_V1, ANGGARAN: ANGGARAN_COLUMNS_V1, RINCIAN: RINCIAN_COLUMNS_V1}
    return {REKAP: REKAP_COLUMNS, ANGGARAN: ANGGARAN_COLUMNS, RINCIAN: RINCIAN_COLUMNS}


def identity_width(version: str) -> int:
    """How many identity columns lead each Rekap and Anggaran row (0 in format 1)."""
    return 0 if version == "1" else len(IDENTITY_COLUMNS)
