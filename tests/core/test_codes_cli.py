"""The ``codes`` and ``budget-year`` commands change what ``lines`` prints."""

import json
from pathlib import Path

import pytest

from desa_budget.cli import main


def _lines(data: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["--data-dir", data, "lines", "--year", "2026", "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_mapping_local_code_and_person_override(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path)
    assert main(["--data-dir", data, "init", "--demo", "--year", "2026"]) == 0
    before = _lines(data, capsys)
    assert before["lines"] and all(line["sumber_dana"] == "ADD" for line in before["lines"])

    assert main(["--data-dir", data, "codes", "map", "--kategori", "perangkat_desa",
                 "--kegiatan", "01.01.03.", "--rekening", "5.1.3.04", "--sumber-dana", "dds"]) == 0  # fmt: skip
    after = _lines(data, capsys)
    assert after["total"] == before["total"]
    assert any("Perangkat Desa" in e and "DDS" in e for e in after["errors"])

    assert main(["--data-dir", data, "codes", "local", "add", "--jenis", "rekening",
                 "--kode", "5.1.3.95", "--uraian", "Jamsos honorer"]) == 0  # fmt: skip
    nik = next(p["nik"] for p in _simulated(data, capsys) if p["kategori"] == "staf_desa")
    assert main(["--data-dir", data, "codes", "person", "--nik", nik, "--year", "2026",
                 "--rekening", "5.1.3.95"]) == 0  # fmt: skip
    moved = _lines(data, capsys)
    assert any(line["rekening"] == "5.1.3.95" for line in moved["lines"])
    assert moved["total"] == before["total"]


def _simulated(data: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["--data-dir", data, "simulate", "--year", "2026", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["persons"]  # type: ignore[no-any-return]


def test_bad_local_code_and_bad_total_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path)
    assert main(["--data-dir", data, "init", "--demo", "--year", "2026"]) == 0
    assert main(["--data-dir", data, "codes", "local", "add", "--jenis", "rekening",
                 "--kode", "5.1.3.45", "--uraian", "x"]) == 2  # fmt: skip
    assert "90 sampai 99" in capsys.readouterr().err
    assert (
        main(["--data-dir", data, "budget-year", "--year", "2026", "--total-belanja", "1,5 M"]) == 2
    )
    assert "Galat:" in capsys.readouterr().err


def test_lines_say_the_30_percent_ratio_and_the_figures_it_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path)
    assert main(["--data-dir", data, "init", "--demo", "--year", "2026"]) == 0
    assert main(["--data-dir", data, "budget-year", "--year", "2026",
                 "--total-belanja", "1500000000"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["--data-dir", data, "lines", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    (said,) = [line for line in out.splitlines() if line.startswith("Batas 30%")]
    assert "tanpa iuran" in said and "dengan iuran" in said
    assert "dasar upah BPJS untuk" in said  # which figure the pay was taken from
