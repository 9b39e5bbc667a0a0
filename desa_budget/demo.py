"""The demo village (Desa Sukamaju, Banyumas): a realistic, deterministic roster to try the app on.

Built through the roster service like any user edit, so the demo also exercises validation and
the audit log. The same year gives the same village, byte for byte.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster import service as roster
from desa_budget.roster.data import CoverageData, PersonData, PostData, load_limits
from desa_budget.village import profile as village_profile

SEED = 3302122005
KODE_DESA = "33.02.12.2005"
REGION = "330212"  # NIK region: the kecamatan of the desa

MALE = (
    "Suparno", "Sugeng", "Slamet", "Bambang", "Joko", "Wahyudi", "Agus", "Budi", "Teguh", "Heru",
    "Rudi", "Eko", "Darmanto", "Sutrisno", "Suwarno", "Riyanto", "Imam", "Yusuf", "Fajar", "Priyo",
    "Wartono", "Kasno", "Karsono", "Tarno", "Darsono", "Sukirman", "Paimin", "Tukiman", "Waluyo",
    "Haryanto", "Warsito", "Sarno", "Mulyono", "Rohmat", "Nasrudin", "Kuswanto",
)  # fmt: skip
FEMALE = (
    "Sri Wahyuni", "Siti Aminah", "Suminah", "Painem", "Tumini", "Sumiyati", "Dewi Lestari",
    "Rini Astuti", "Wartini", "Kasminah", "Nur Aini", "Endang", "Tri Handayani", "Yuliana",
    "Ratna Sari", "Sulastri", "Karsinah", "Ngatini", "Tuminah", "Warsini", "Siti Khotijah",
    "Umi Kulsum", "Puji Rahayu", "Darsih", "Rasiti",
)  # fmt: skip
FAMILY = (
    "Santoso", "Prasetyo", "Wibowo", "Susanto", "Purnomo", "Hidayat", "Setiawan", "Nugroho",
    "Saputro", "Widodo", "Hartono", "Kurniawan", "Raharjo", "Sutanto", "Wijaya",
)  # fmt: skip
OCCUPATIONS = (
    "Petani", "Buruh Tani", "Pedagang Kecil", "Guru Ngaji", "Marbot Masjid", "Buruh Harian Lepas",
    "Pengrajin Gula Kelapa", "Peternak", "Tukang Ojek", "Pemulung", "Penderes Nira",
)  # fmt: skip
APPARATUS_PROGRAMS = ("JKK", "JKM", "JHT", "JP")
BASIC = ("JKK", "JKM")


@dataclass(frozen=True)
class _Spec:
    kategori: str
    jabatan: str
    segmen: str
    dasar_upah: int
    programs: tuple[str, ...]
    age: int
    mulai: date | None = None
    akhir: date | None = None
    status_bpjs: str = "terdaftar"
    iuran_pekerja: str = "desa"
    jenis_kelamin: str | None = None
    nama: str | None = None
    born_month: int | None = None
    dibayar_oleh: str = "desa"
    status: str = "definitif"


class _Builder:
    def __init__(self, year: int) -> None:
        self.year = year
        self.rng = random.Random(SEED + year)
        self.serial = 0
        self.used: set[str] = set()

    def name(self, jk: str) -> str:
        for _attempt in range(200):
            first = self.rng.choice(MALE if jk == "L" else FEMALE)
            name = first if self.rng.random() < 0.45 else f"{first} {self.rng.choice(FAMILY)}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("daftar nama demo habis")

    def person(self, spec: _Spec) -> PersonData:
        jk = spec.jenis_kelamin or ("L" if self.rng.random() < 0.6 else "P")
        month = spec.born_month or self.rng.randint(1, 12)
        born = date(self.year - spec.age, month, self.rng.randint(1, 28))
        self.serial += 1
        day = born.day + (40 if jk == "P" else 0)
        nik = f"{REGION}{day:02d}{born.month:02d}{born.year % 100:02d}{self.serial:04d}"
        return PersonData(
            nik=nik,
            nama=spec.nama or self.name(jk),
            jenis_kelamin=jk,
            tanggal_lahir=born,
            tempat_lahir="Banyumas",
        )

    def post(self, spec: _Spec, number: int) -> PostData:
        mulai = spec.mulai or date(self.year - self.rng.randint(1, 8), self.rng.randint(1, 12), 1)
        sk = mulai - timedelta(days=self.rng.randint(5, 20))
        nomor = f"141/{number:02d}/{sk.year}" if spec.kategori != "pekerja_rentan" else ""
        return PostData(
            kategori=spec.kategori,
            jabatan=spec.jabatan,
            status=spec.status,
            nomor_sk=nomor,
            tanggal_sk=sk if nomor else None,
            mulai=mulai,
            akhir=spec.akhir,
        )

    def coverage(self, spec: _Spec) -> CoverageData:
        kpj = f"1{self.rng.randrange(10**10):010d}" if spec.status_bpjs != "belum" else None
        return CoverageData(
            tahun=self.year,
            segmen=spec.segmen,
            dasar_upah=spec.dasar_upah,
            programs=spec.programs,
            iuran_pekerja=spec.iuran_pekerja,
            status_bpjs=spec.status_bpjs,
            nomor_kpj=kpj,
            dibayar_oleh=spec.dibayar_oleh,
        )


def _apparatus(year: int) -> list[_Spec]:
    full = APPARATUS_PROGRAMS
    return [
        _Spec("kepala_desa", "Kepala Desa", "PU", 3_000_000, full, 52, jenis_kelamin="L",
              nama="Suparno", iuran_pekerja="potong", mulai=date(year - 3, 12, 20)),
        _Spec("sekretaris_desa", "Sekretaris Desa", "PU", 2_600_000, full, 41, jenis_kelamin="P",
              nama="Sri Handayani", mulai=date(year - 6, 3, 1)),
        # retires at 60 at the end of June; the sekdes is Plt. for July; a new kaur from August
        _Spec("perangkat_desa", "Kaur Keuangan", "PU", 2_400_000, full, 60, born_month=6,
              akhir=date(year, 6, 30), iuran_pekerja="potong"),
        _Spec("perangkat_desa", "Kaur Keuangan", "PU", 2_100_000, full, 29,
              mulai=date(year, 8, 1), status_bpjs="belum"),
        _Spec("perangkat_desa", "Kaur Umum dan Perencanaan", "PU", 2_200_000, full, 45,
              iuran_pekerja="potong"),
        _Spec("perangkat_desa", "Kasi Pemerintahan", "PU", 2_200_000, full, 38),
        _Spec("perangkat_desa", "Kasi Kesejahteraan", "PU", 2_150_000, full, 47,
              iuran_pekerja="potong"),
        _Spec("perangkat_desa", "Kasi Pelayanan", "PU", 2_150_000, BASIC + ("JHT",), 35),
        _Spec("perangkat_desa", "Kepala Dusun I", "PU", 2_100_000, full, 50),
        _Spec("perangkat_desa", "Kepala Dusun II", "PU", 2_100_000, full, 43, iuran_pekerja="potong"),
        _Spec("perangkat_desa", "Kepala Dusun III", "PU", 2_100_000, BASIC, 56),
        _Spec("staf_desa", "Operator Siskeudes", "PU", 2_000_000, BASIC, 27),
        _Spec("staf_desa", "Staf Pelayanan", "PU", 2_000_000, BASIC, 31),
        _Spec("staf_desa", "Penjaga Kantor Desa", "PU", 2_000_000, BASIC, 48, status_bpjs="belum"),
    ]  # fmt: skip


def _bpd_and_rt(year: int, rng: random.Random) -> list[_Spec]:
    specs = [
        _Spec("bpd", jabatan, "PU", 1_500_000 if i < 2 else 1_250_000, BASIC, rng.randint(32, 62))
        for i, jabatan in enumerate(
            ["Ketua BPD", "Wakil Ketua BPD", "Sekretaris BPD"]
            + [f"Anggota BPD {n}" for n in range(1, 7)]
        )
    ]
    heads = [f"Ketua RW {n:02d}" for n in (1, 2)] + [f"Ketua RT {n:02d}" for n in range(1, 11)]
    for i, jabatan in enumerate(heads):
        pu = i % 2 == 0
        specs.append(
            _Spec(
                "rt_rw",
                jabatan,
                "PU" if pu else "BPU",
                2_000_000 if pu else 1_000_000,
                BASIC,
                rng.randint(35, 64),
                mulai=date(year, 4, 1) if i == 11 else None,  # a new RT head after the election
                status_bpjs="belum" if i in (5, 9) else "terdaftar",
                dibayar_oleh="pemda" if i == 1 else "desa",
            )
        )
    return specs


def _rentan(year: int, rng: random.Random) -> list[_Spec]:
    specs = []
    for i in range(100):
        programs = BASIC + ("JHT",) if i % 11 == 3 else BASIC
        specs.append(
            _Spec(
                "pekerja_rentan",
                rng.choice(OCCUPATIONS),
                "BPU",
                1_000_000,
                programs,
                rng.randint(20, 62),
                mulai=date(year, 3, 1) if i >= 90 else date(year, 1, 1),
                status_bpjs="belum" if i % 4 == 1 else "terdaftar",
            )
        )
    return specs


def create_demo_village(session: Session, *, operator: str, year: int | None = None) -> None:
    """Fill an empty database with Desa Sukamaju: profile, apparatus, BPD, RT/RW, pekerja rentan."""
    year = year or date.today().year
    if not village_profile.is_new_database(session):
        raise UserError(
            _("Basis data ini sudah berisi data desa; desa demo hanya untuk basis data kosong.")
        )
    builder = _Builder(year)
    specs = _apparatus(year) + _bpd_and_rt(year, builder.rng) + _rentan(year, builder.rng)
    people = [builder.person(spec) for spec in specs]
    _save_profile(session, kepala=people[0].nama, sekretaris=people[1].nama, operator=operator)
    limits = load_limits()
    for number, (spec, person) in enumerate(zip(specs, people, strict=True), start=1):
        posts = [builder.post(spec, number)]
        if spec.kategori == "sekretaris_desa":
            posts.append(
                PostData("perangkat_desa", "Plt. Kaur Keuangan", "plt", f"141/{number:02d}a/{year}",
                         date(year, 6, 28), date(year, 7, 1), date(year, 7, 31))
            )  # fmt: skip
        roster.add_person(
            session, person, posts, builder.coverage(spec), operator=operator, limits=limits
        )


def _save_profile(session: Session, *, kepala: str, sekretaris: str, operator: str) -> None:
    village_profile.save_profile(
        session,
        village_profile.ProfileData(
            nama_desa="Sukamaju",
            kode_desa=KODE_DESA,
            kecamatan="Sumbang",
            kabupaten="Banyumas",
            provinsi="Jawa Tengah",
            alamat="Jl. Raya Sukamaju No. 1, Kecamatan Sumbang, Kabupaten Banyumas 53183",
            kepala_desa_nama=kepala,
            sekretaris_desa_nama=sekretaris,
            operator_nama=operator,
        ),
        operator=operator,
    )
