"""The kabupaten/kota list (Kepmendagri 300.2.2-2138/2025) and the warning when a kode desa lies in
another kabupaten than the one typed in the profile."""

import pytest

from desa_budget.village.regions import kabupaten_mismatch, kabupaten_of, load_regions, split_name


def test_the_list_holds_every_province_and_kabupaten_with_its_source() -> None:
    regions = load_regions()
    kinds = [r.tingkat for r in regions.values()]
    assert (kinds.count("provinsi"), kinds.count("kabupaten"), kinds.count("kota")) == (38, 416, 98)
    assert regions["33.02"].nama == "Kabupaten Banyumas"
    assert regions["33"].nama == "Jawa Tengah"
    assert all("Kepmendagri 300.2.2-2138/2025" in r.source for r in regions.values())


def test_the_demo_village_code_lies_in_banyumas() -> None:
    region = kabupaten_of("33.02.12.2005")
    assert region is not None and region.nama == "Kabupaten Banyumas"
    assert kabupaten_of("3302122005") == region
    assert kabupaten_of("33.02.12.1005") is None  # a kelurahan: not a kode desa at all


@pytest.mark.parametrize(
    "typed",
    ["Banyumas", "Kabupaten Banyumas", "Kab. Banyumas", "KAB BANYUMAS", "  banyumas ", ""],
)
def test_the_names_a_secretary_writes_for_banyumas_agree(typed: str) -> None:
    assert kabupaten_mismatch("33.02.12.2005", typed) is None


def test_another_kabupaten_is_warned_about_naming_both() -> None:
    warning = kabupaten_mismatch("33.02.12.2005", "Kendal")
    assert warning is not None
    assert "33.02" in warning and "Kabupaten Banyumas" in warning and "Kendal" in warning


def test_kota_and_kabupaten_of_one_name_are_told_apart() -> None:
    assert kabupaten_mismatch("32.01.01.2001", "Kota Bogor") is not None  # 32.01 is the kabupaten
    assert kabupaten_mismatch("32.01.01.2001", "Kab. Bogor") is None
    assert kabupaten_mismatch("32.01.01.2001", "Bogor") is None


def test_spaces_hyphens_and_jakarta_administrasi_do_not_count() -> None:
    assert kabupaten_mismatch("34.03.01.2001", "Gunung Kidul") is None  # "Gunungkidul" on the list
    assert kabupaten_mismatch("31.01.01.2001", "Kab. Kepulauan Seribu") is None
    assert kabupaten_mismatch("13.07.01.2001", "Lima Puluh Kota") is None
    assert split_name("Kota Adm. Jakarta Selatan").bare == "jakartaselatan"


def test_a_code_not_on_the_list_gives_no_warning() -> None:
    assert "33.69" not in load_regions()
    assert kabupaten_mismatch("33.69.01.2001", "Mana Saja") is None
