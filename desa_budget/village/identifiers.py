"""Indonesian identifiers (domain.md §6): kode desa and NIK checks, and NIK masking for prints.

A NIK is always text: a leading zero or a spreadsheet's float must never change it.
"""

import re
from dataclasses import dataclass
from datetime import date

from desa_budget.errors import UserError
from desa_budget.i18n import _

_KODE_DESA = re.compile(r"(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})")


def validate_kode_desa(text: str) -> str:
    """The kode desa normalised to ``PP.KK.CC.2DDD``, or a UserError saying what is wrong."""
    cleaned = "".join(str(text).split()).replace("-", ".")
    match = _KODE_DESA.fullmatch(cleaned)
    if not match:
        raise UserError(
            _(
                "Kode desa {text} tidak sah: tulis sebagai PP.KK.CC.DDDD "
                "(provinsi, kabupaten/kota, kecamatan, desa), mis. 33.02.12.2005."
            ).format(text=repr(text))
        )
    prov, kab, kec, desa = match.groups()
    if int(prov) < 11:
        raise UserError(
            _("Kode desa {text} tidak sah: kode provinsi {prov} tidak ada.").format(
                text=repr(text), prov=prov
            )
        )
    kab_no = int(kab)
    if not (1 <= kab_no <= 69 or 71 <= kab_no <= 99):
        raise UserError(
            _(
                "Kode desa {text} tidak sah: kode kabupaten harus 01–69 atau kode kota 71–99, "
                "bukan {kab}."
            ).format(text=repr(text), kab=kab)
        )
    if kec == "00":
        raise UserError(
            _("Kode desa {text} tidak sah: kode kecamatan tidak boleh 00.").format(text=repr(text))
        )
    if desa.startswith("1"):
        raise UserError(
            _(
                "Kode {text} adalah kode kelurahan (nomor diawali 1). Kelurahan tidak memiliki "
                "APBDes, jadi tidak dapat dianggarkan di aplikasi ini; nomor desa diawali 2."
            ).format(text=repr(text))
        )
    if not desa.startswith("2") or desa == "2000":
        raise UserError(
            _(
                "Kode desa {text} tidak sah: nomor desa harus 4 angka diawali 2 "
                "(2001–2999), bukan {desa}."
            ).format(text=repr(text), desa=desa)
        )
    return f"{prov}.{kab}.{kec}.{desa}"


def nik_region(kode_desa: str) -> str:
    """The six digits (PPKKCC) a NIK issued in this desa's kecamatan begins with."""
    return "".join(kode_desa.split(".")[:3])


@dataclass(frozen=True)
class NikCheck:
    """The result of checking a NIK: errors refuse it, warnings only inform."""

    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def _is_nik_shape(nik: str) -> bool:
    return len(nik) == 16 and nik.isascii() and nik.isdigit()


def nik_birth_date_and_gender(nik: str, *, today: date | None = None) -> tuple[date, str] | None:
    """The birth date and gender ("L"/"P") a NIK encodes, or None when it encodes no real date.

    The year has two digits: the latest century that does not put the birth in the future is taken.
    """
    if not _is_nik_shape(nik):
        return None
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    gender = "P" if day > 40 else "L"
    if day > 40:
        day -= 40
    today = today or date.today()
    year = 2000 + yy
    if year > today.year:
        year -= 100
    for candidate in (year, year - 100):
        try:
            born = date(candidate, month, day)
        except ValueError:
            continue  # e.g. 29 Feb: 2000 is a leap year, 1900 is not
        if born <= today:
            return born, gender
    return None


def nik_shape_message(nik: str) -> str:
    """What is wrong with a NIK that is not 16 digits, in plain words."""
    if not nik:
        return _("NIK wajib diisi: 16 angka dari KTP atau KK.")
    if not (nik.isascii() and nik.isdigit()):
        return _("NIK hanya berisi angka (16 angka dari KTP atau KK).")
    return _("NIK harus 16 angka; yang tertulis {n} angka.").format(n=len(nik))


def check_nik(
    nik: str, *, jenis_kelamin: str, tanggal_lahir: date, kode_desa: str | None = None
) -> NikCheck:
    """Check a NIK against the person's gender and birth date (and, as a warning, the desa)."""
    nik = str(nik).strip()
    if not _is_nik_shape(nik):
        return NikCheck(errors=(nik_shape_message(nik),))
    errors: list[str] = []
    warnings: list[str] = []
    raw_day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    coded_gender = "P" if raw_day > 40 else "L"
    day = raw_day - 40 if raw_day > 40 else raw_day
    coded_date: date | None = None
    try:
        # The person's own century decides whether e.g. 29-02-00 exists.
        coded_date = date(tanggal_lahir.year // 100 * 100 + yy, month, day)
    except ValueError:
        errors.append(
            _(
                "Bagian tanggal lahir NIK ({digits}) bukan tanggal yang ada "
                "(untuk perempuan tanggal ditambah 40)."
            ).format(digits=nik[6:12])
        )
    if coded_date is not None or 1 <= day <= 31:
        if jenis_kelamin in ("L", "P") and jenis_kelamin != coded_gender:
            told = _("laki-laki") if jenis_kelamin == "L" else _("perempuan")
            coded = _("perempuan (tanggal ditambah 40)") if coded_gender == "P" else _("laki-laki")
            errors.append(
                _("NIK menunjukkan {coded}, tetapi jenis kelamin tertulis {told}.").format(
                    coded=coded, told=told
                )
            )
    if coded_date is not None and coded_date != tanggal_lahir:
        errors.append(
            _(
                "Tanggal lahir di NIK ({coded}) tidak sama dengan tanggal "
                "lahir tertulis ({written})."
            ).format(coded=f"{day:02d}-{month:02d}-{yy:02d}", written=f"{tanggal_lahir:%d-%m-%Y}")
        )
    if nik[12:] == "0000":
        errors.append(_("Nomor urut NIK (4 angka terakhir) tidak boleh 0000."))
    if kode_desa and nik[:6] != nik_region(kode_desa):
        warnings.append(
            _(
                "Kode wilayah NIK ({nik_region}) berbeda dari kecamatan desa ini "
                "({desa_region}); wajar bila KTP pertama dibuat di daerah lain."
            ).format(nik_region=nik[:6], desa_region=nik_region(kode_desa))
        )
    return NikCheck(errors=tuple(errors), warnings=tuple(warnings))


def mask_nik(nik: str) -> str:
    """A NIK safe to print: region and serial kept, birth date hidden ("3302 12** **** 0001")."""
    nik = str(nik).strip()
    if not _is_nik_shape(nik):
        keep = nik[-4:] if len(nik) > 4 else ""
        return "*" * max(len(nik) - len(keep), 0) + keep
    masked = nik[:6] + "******" + nik[12:]
    return " ".join(masked[i : i + 4] for i in range(0, 16, 4))
