"""Kode desa and NIK checks (domain.md §6), and NIK masking."""

from datetime import date

import pytest

from desa_budget.errors import UserError
from desa_budget.village.identifiers import (
    check_nik,
    mask_nik,
    nik_birth_date_and_gender,
    validate_kode_desa,
)

KODE = "33.02.12.2005"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("33.02.12.2005", "33.02.12.2005"),
        (" 3302122005 ", "33.02.12.2005"),
        ("33-02-12-2005", "33.02.12.2005"),
        ("35.78.01.2999", "35.78.01.2999"),  # a desa in a kota (71–99) exists too
    ],
)
def test_kode_desa_is_normalised(text: str, expected: str) -> None:
    assert validate_kode_desa(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("33.02.12.1005", "kelurahan"),
        ("33.70.12.2005", "01–69"),
        ("33.00.12.2005", "01–69"),
        ("33.02.00.2005", "kecamatan"),
        ("33.02.12.3005", "diawali 2"),
        ("33.02.12.2000", "diawali 2"),
        ("05.02.12.2005", "provinsi"),
        ("33.02.12.205", "PP.KK.CC.DDDD"),
        ("desa", "PP.KK.CC.DDDD"),
    ],
)
def test_bad_kode_desa_is_refused_with_reason(text: str, says: str) -> None:
    with pytest.raises(UserError, match=says):
        validate_kode_desa(text)


def test_kelurahan_message_says_it_has_no_apbdes() -> None:
    with pytest.raises(UserError) as info:
        validate_kode_desa("33.02.12.1005")
    assert "tidak memiliki APBDes" in str(info.value)


def nik(day: int, month: int, yy: int, serial: int = 1, region: str = "330212") -> str:
    return f"{region}{day:02d}{month:02d}{yy:02d}{serial:04d}"


def test_valid_nik_for_a_man_and_a_woman() -> None:
    man = check_nik(
        nik(3, 3, 70), jenis_kelamin="L", tanggal_lahir=date(1970, 3, 3), kode_desa=KODE
    )
    woman = check_nik(nik(45, 12, 1), jenis_kelamin="P", tanggal_lahir=date(2001, 12, 5))
    assert man.ok and not man.warnings
    assert woman.ok and not woman.warnings


@pytest.mark.parametrize(
    ("number", "jk", "born", "says"),
    [
        ("33021203037", "L", date(1970, 3, 3), "16 angka"),
        ("33021203037000O1", "L", date(1970, 3, 3), "16 angka"),
        (nik(31, 2, 70), "L", date(1970, 2, 28), "bukan tanggal yang ada"),
        (nik(72, 1, 70), "P", date(1970, 1, 31), "bukan tanggal yang ada"),
        (nik(3, 13, 70), "L", date(1970, 3, 3), "bukan tanggal yang ada"),
        (nik(29, 2, 1), "L", date(2001, 2, 28), "bukan tanggal yang ada"),
        (nik(43, 3, 70), "L", date(1970, 3, 3), "perempuan"),
        (nik(3, 3, 70), "P", date(1970, 3, 3), "laki-laki"),
        (nik(3, 3, 70), "L", date(1970, 3, 4), "tidak sama"),
        (nik(3, 3, 70), "L", date(1971, 3, 3), "tidak sama"),
        (nik(3, 3, 70, serial=0), "L", date(1970, 3, 3), "0000"),
    ],
)
def test_nik_errors(number: str, jk: str, born: date, says: str) -> None:
    result = check_nik(number, jenis_kelamin=jk, tanggal_lahir=born)
    assert not result.ok
    assert any(says in message for message in result.errors), result.errors


def test_leap_day_follows_the_persons_century() -> None:
    assert check_nik(nik(29, 2, 0), jenis_kelamin="L", tanggal_lahir=date(2000, 2, 29)).ok


def test_region_mismatch_is_only_a_warning() -> None:
    result = check_nik(
        nik(3, 3, 70, region="320101"),
        jenis_kelamin="L",
        tanggal_lahir=date(1970, 3, 3),
        kode_desa=KODE,
    )
    assert result.ok
    assert len(result.warnings) == 1 and "330212" in result.warnings[0]


def test_birth_date_and_gender_from_nik() -> None:
    today = date(2026, 1, 1)
    assert nik_birth_date_and_gender(nik(45, 12, 1), today=today) == (date(2001, 12, 5), "P")
    assert nik_birth_date_and_gender(nik(3, 3, 70), today=today) == (date(1970, 3, 3), "L")
    assert nik_birth_date_and_gender(nik(3, 3, 30), today=today) == (date(1930, 3, 3), "L")
    assert nik_birth_date_and_gender(nik(32, 1, 70), today=today) is None
    assert nik_birth_date_and_gender("123", today=today) is None


def test_mask_nik_hides_the_birth_date() -> None:
    assert mask_nik("3302120303700001") == "3302 12** **** 0001"
    assert mask_nik("0102120303700001").startswith("0102")  # text: the leading zero stays
    assert mask_nik("12345") == "*2345"
