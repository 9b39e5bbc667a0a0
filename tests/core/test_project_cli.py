"""The project command: the base year equals simulate, flags state assumptions, --save keeps them."""

import json

import pytest

from desa_budget.cli import main

YEAR = 2026


@pytest.fixture
def data_dir(tmp_path, capsys) -> str:  # type: ignore[no-untyped-def]
    folder = str(tmp_path / "data")
    assert main(["--data-dir", folder, "init", "--demo", "--year", str(YEAR)]) == 0
    capsys.readouterr()
    return folder


def output(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_base_year_equals_simulate(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    sim = output(capsys, "--data-dir", data_dir, "simulate", "--year", str(YEAR), "--json")
    data = output(capsys, "--data-dir", data_dir, "project", "--from", str(YEAR), "--json")
    assert data["from"] == YEAR and [y["year"] for y in data["years"]] == list(range(2026, 2032))
    base = data["years"][0]
    assert (base["desa"], base["potongan"]) == (sim["desa"], sim["potongan"])
    assert base["by_program"] == sim["by_program"]
    assert base["by_category"] == sim["by_category"]
    assert any("4,29% per tahun" in a for a in data["assumptions"])
    for year in data["years"]:
        assert year["desa"] == sum(c["desa"] for c in year["by_category"].values())
        assert year["desa"] == sum(p["desa"] for p in year["by_program"].values())


def test_flags_state_the_assumptions(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--data-dir", data_dir, "project", "--from", str(YEAR), "--years", "4", "--json"]
    plain = output(capsys, *args)
    more = output(capsys, *args, "--target", "pekerja_rentan:2029=160", "--jp-growth", "5")
    rentan = [y["by_category"]["pekerja_rentan"]["persons"] for y in more["years"]]
    start = plain["years"][0]["by_category"]["pekerja_rentan"]["persons"]
    assert rentan[0] == start and rentan[-1] == 160
    # 60 more pekerja rentan on the demo's BPU Rp 1.000.000 package: 60 × 201.600 in 2029
    assert more["years"][3]["desa"] - plain["years"][3]["desa"] == 60 * 201_600
    assert more["parameters"]["jp_growth"] == "5" and [y["jp_ceiling"] for y in more["years"]][
        1
    ] == {"amount": 11_640_600, "assumed": True}


def test_save_keeps_them_for_the_next_run(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", data_dir, "project", "--from", str(YEAR), "--json"]
    output(capsys, *args, "--years", "3", "--wage-growth", "perangkat_desa=5", "--save")
    again = output(capsys, *args)
    assert len(again["years"]) == 3
    assert again["parameters"]["wage_growth"] == {"perangkat_desa": "5"}


def test_a_bad_flag_is_one_sentence(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", data_dir, "project", "--target", "rentan=100"])
    assert code == 2
    assert "tidak sah; tulis KATEGORI:TAHUN=ORANG" in capsys.readouterr().err


def test_the_dpmd_workbook_takes_an_optional_proyeksi_sheet(
    data_dir: str, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from desa_budget.sheets.dpmd_read import read_village

    base = ["--data-dir", data_dir, "export", "dpmd", "--year", str(YEAR)]
    plain, more = tmp_path / "plain.xlsx", tmp_path / "proyeksi.xlsx"
    assert main([*base, "--out", str(plain)]) == 0
    assert main([*base, "--out", str(more), "--projection"]) == 0
    capsys.readouterr()
    data = output(capsys, "--data-dir", data_dir, "project", "--from", str(YEAR), "--json")
    assert "Proyeksi" not in load_workbook(plain).sheetnames
    sheet = load_workbook(more)["Proyeksi"]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[6] == "TOTAL"]
    assert [(r[5], r[9], r[10]) for r in rows] == [
        (y["year"], y["desa"], y["potongan"]) for y in data["years"]
    ]
    assert any("4,29% per tahun" in str(c.value) for c in sheet["F"])  # the assumptions, too
    assert read_village(more).nama_desa == read_village(plain).nama_desa == "Sukamaju"
