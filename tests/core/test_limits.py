"""The siltap minimums and the 30 % ceiling: read by the same dated-table reader as the BPJS
tables, so a bad period or two overlapping rows are refused with the file and row named."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desa_budget.errors import UserError
from desa_budget.paths import resources_dir
from desa_budget.rules.limits import limits_for

SHIPPED = resources_dir() / "rules"
KEPALA = "kepala_desa,2426640,2020-01,,"


def _copy(tmp_path: Path, file: str = "", old: str = "", new: str = "") -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(SHIPPED, folder)
    if file:
        text = (folder / file).read_text(encoding="utf-8")
        assert old in text
        (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _error(folder: Path, year: int = 2026) -> str:
    with pytest.raises(UserError) as caught:
        limits_for(year, folder)
    return str(caught.value)


def test_the_limits_of_a_year_are_pp_11_2019() -> None:
    limits = limits_for(2026)
    assert limits.siltap_minimum == {
        "kepala_desa": 2_426_640,
        "sekretaris_desa": 2_224_420,
        "perangkat_desa": 2_022_200,
    }
    assert limits.batas_persen == Decimal("30")


def test_before_the_minimums_only_the_ceiling_applies() -> None:
    limits = limits_for(2019)  # the ceiling from March 2019, the minimums from January 2020
    assert limits.siltap_minimum == {} and limits.batas_persen == Decimal("30")


def test_a_year_without_a_ceiling_is_refused_naming_the_table() -> None:
    message = _error(resources_dir() / "rules", 2018)
    assert "batas_belanja.csv" in message and "2018" in message


def test_a_new_minimum_from_mid_year_counts_for_that_year(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "siltap_minimum.csv", KEPALA, "kepala_desa,2426640,2020-01,2025-06,")
    with (folder / "siltap_minimum.csv").open("a", encoding="utf-8") as handle:
        handle.write("kepala_desa,2600000,2025-07,,Contoh kenaikan,L\n")
    assert limits_for(2024, folder).siltap_minimum["kepala_desa"] == 2_426_640
    assert limits_for(2025, folder).siltap_minimum["kepala_desa"] == 2_600_000
    assert limits_for(2025, folder).siltap_minimum["perangkat_desa"] == 2_022_200


def test_overlapping_rows_are_refused_with_file_and_row(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / "siltap_minimum.csv").open("a", encoding="utf-8") as handle:
        handle.write("kepala_desa,2600000,2025-07,,Contoh kenaikan,L\n")
    message = _error(folder)
    assert "siltap_minimum.csv baris 5" in message and "tumpang tindih" in message
    assert "baris 2" in message


def test_a_bad_period_is_refused_with_file_and_row(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "siltap_minimum.csv", KEPALA, "kepala_desa,2426640,2020-13,,")
    message = _error(folder)
    assert "siltap_minimum.csv baris 2" in message and "valid_from" in message
    assert "2020-13" in message


def test_an_end_before_the_start_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "batas_belanja.csv", "30,2019-03,,", "30,2019-03,2018-12,")
    message = _error(folder)
    assert "batas_belanja.csv baris 2" in message and "lebih awal" in message


def test_bad_values_are_refused_with_file_and_row(tmp_path: Path) -> None:
    message = _error(_copy(tmp_path, "batas_belanja.csv", "persen,30,", "persen,130,"))
    assert "batas_belanja.csv baris 2" in message and "0–100" in message
    shutil.rmtree(tmp_path / "rules")
    message = _error(_copy(tmp_path, "siltap_minimum.csv", KEPALA, "staf_desa,2426640,2020-01,,"))
    assert "siltap_minimum.csv baris 2" in message and "staf_desa" in message
    shutil.rmtree(tmp_path / "rules")
    message = _error(
        _copy(tmp_path, "siltap_minimum.csv", KEPALA, "kepala_desa,2.426.640,2020-01,,")
    )
    assert "siltap_minimum.csv baris 2" in message and "minimum" in message


def test_a_row_without_its_source_is_refused(tmp_path: Path) -> None:
    source = "PP 11/2019 Pasal 81 ayat (2) huruf c: 100% gaji pokok PNS golongan II/a"
    message = _error(_copy(tmp_path, "siltap_minimum.csv", source, ""))
    assert "siltap_minimum.csv baris 4" in message and "source" in message
