"""The roster workbook's layout: sheet name, exact headers, allowed values and the notes sheet text.

One row per post: a person with two posts has two rows with the same NIK. Writing is in export.py,
reading in safe_read.py and parse.py, applying an import in apply.py.
"""

from datetime import date

from desa_budget.village import categories

SHEET_TITLE = "Daftar"
HEADERS: tuple[str, ...] = (
    "NIK",
    "Nama",
    "Jenis Kelamin",
    "Tanggal Lahir",
    "Kategori",
    "Jabatan",
    "Status Jabatan",
    "Nomor SK",
    "Tanggal SK",
    "Mulai Bertugas",
    "Akhir Masa Jabatan",
    "Segmen",
    "Dasar Upah",
    "Program",
    "Kelas Risiko JKK",
    "Iuran Pekerja",
    "Status BPJS",
    "Nomor KPJ",
)
# Optional personal data BPJS TK registration asks for, after the required columns. A workbook
# without them (the earlier template) still imports, and then leaves the stored values alone.
PERSONAL_HEADERS: tuple[str, ...] = ("Tempat Lahir", "Nama Ibu Kandung", "No HP", "Email", "Alamat")
# Optional, last: the post's siltap + tunjangan for the 30 % ceiling. Without the column an
# import leaves the stored figures alone.
PAY_HEADER = "Siltap + Tunjangan"
OPTIONAL_HEADERS = PERSONAL_HEADERS + (PAY_HEADER,)
ALL_HEADERS = HEADERS + OPTIONAL_HEADERS
COLUMN = {name: index for index, name in enumerate(ALL_HEADERS)}  # header -> 0-based index
DATE_COLUMNS = frozenset({"Tanggal Lahir", "Tanggal SK", "Mulai Bertugas", "Akhir Masa Jabatan"})
WIDTHS = (
    20,
    30,
    9,
    13,
    16,
    26,
    10,
    22,
    12,
    13,
    13,
    8,
    13,
    20,
    9,
    14,
    16,
    15,
    16,
    22,
    15,
    24,
    40,
    14,
)
DATE_FORMAT = "DD-MM-YYYY"

# Allowed values as written in the sheet (see the Petunjuk sheet the template carries).
VOCABULARY: dict[str, tuple[str, ...]] = {
    "Jenis Kelamin": ("L", "P"),
    "Kategori": tuple(c.label for c in categories.CATEGORIES),
    "Status Jabatan": tuple(categories.POST_STATUSES.values()),
    "Segmen": ("PU", "BPU"),
    "Kelas Risiko JKK": ("1", "2", "3", "4", "5"),
    "Iuran Pekerja": tuple(categories.WORKER_SHARE.values()),
    "Status BPJS": tuple(categories.BPJS_STATUSES.values()),
}
NOTES: tuple[tuple[str, str], ...] = (
    ("NIK", "16 angka, ditulis sebagai teks. Satu orang dengan dua jabatan = dua baris, NIK sama."),
    (
        "NIK kosong",
        "Peserta belum lengkap (mis. perangkat dari Siskeudes): isi NIK, jenis kelamin dan "
        "tanggal lahirnya agar impor melengkapi orang itu (dicocokkan dengan nama dan kategori "
        "jabatan), atau hapus barisnya; impor tidak mengubah orang yang tidak ada di berkas.",
    ),
    ("Tanggal", "Sel tanggal atau teks HH-BB-TTTT, mis. 17-08-1985."),
    ("Status Jabatan", "Definitif, Plt atau Pj (kosong = Definitif)."),
    ("Dasar Upah", "Rupiah tanpa desimal. BPU paling sedikit 1.000.000."),
    ("Program", "Daftar dengan koma: JKK, JKM, JHT, JP (JP tidak untuk BPU)."),
    ("Kelas Risiko JKK", "1 sampai 5 (kosong = 1, jasa pemerintahan)."),
    (
        "Iuran Pekerja",
        "Desa atau Potong Siltap (kosong = Desa). Untuk peserta BPU, Potong Siltap berarti iuran "
        "mandiri yang dibayar sendiri oleh peserta.",
    ),
    ("Status BPJS", "Belum Terdaftar, Terdaftar atau Nonaktif (kosong = Belum Terdaftar)."),
    ("Nomor KPJ", "Rahasia: membuka saldo peserta. Simpan berkas ini dengan hati-hati."),
    (
        "Tempat Lahir s.d. Alamat",
        "Boleh kosong; diperlukan untuk pendaftaran BPJS TK. No HP "
        "diawali 08. Data pribadi: tidak ikut ekspor DPMD.",
    ),
    (
        PAY_HEADER,
        "Boleh kosong: siltap + tunjangan per bulan jabatan ini, untuk batas 30% dan siltap "
        "minimum bila dasar upah BPJS bukan penghasilannya (atau tidak ikut BPJS).",
    ),
)

CellValue = str | int | date | None
