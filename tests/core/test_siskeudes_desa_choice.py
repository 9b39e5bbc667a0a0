"""A Siskeudes file of several desa: which ones it holds for the year, and which one is this village."""

from pathlib import Path

from siskeudes_helpers import KD_DESA, desa_rows, write_tables

from desa_budget.siskeudes.desa_choice import DesaOption, default_desa, desa_options
from desa_budget.siskeudes.source import read_siskeudes

YEAR = 2026


def test_the_options_are_the_desa_of_the_year_with_their_names(tmp_path: Path) -> None:
    rows = desa_rows(YEAR)
    rows["Ref_Desa"].append({"Kd_Kec": "12", "Kd_Desa": "12.05.", "Nama_Desa": "Sukamaju"})
    rows["Ta_Desa"].append({**rows["Ta_Desa"][0], "Kd_Desa": "12.05."})
    rows["Ta_Desa"].append({**rows["Ta_Desa"][0], "Tahun": str(YEAR - 1), "Kd_Desa": "12.07."})
    data = read_siskeudes(write_tables(tmp_path / "s", rows))
    options = desa_options(data, YEAR)
    assert [(o.kd_desa, o.nama_desa) for o in options] == [(KD_DESA, "Uji"), ("12.05.", "Sukamaju")]


def test_the_default_is_the_village_by_kode_then_by_name() -> None:
    options = (DesaOption("05.03.", "Uji", "Sumbang"), DesaOption("12.05.", "Lain", "Kutasari"),
               DesaOption("12.06.", "Sukamaju", "Kutasari"))  # fmt: skip
    assert default_desa(options, kode_desa="33.02.12.2005", nama_desa="Sukamaju") == "12.05."
    assert default_desa(options, kode_desa="33.02.09.2001", nama_desa="sukamaju ") == "12.06."
    assert default_desa(options, kode_desa="", nama_desa="Entah") == "05.03."
    assert default_desa((), kode_desa="33.02.12.2005") == ""
