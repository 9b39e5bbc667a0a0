"""``app.py quote``: the stable JSON, the readable table, and bad input as one Indonesian line."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desa_budget.cli import main

ROOT = Path(__file__).resolve().parents[2]
RT_RW = ["quote", "--segment", "PU", "--basis", "2000000", "--programs", "JKK,JKM"]
RENTAN = ["quote", "--segment", "BPU", "--basis", "1000000", "--programs", "JKK,JKM"]


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def quote_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = run_main([*argv, "--json"], capsys)
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    return data


def test_rt_rw_month_exact_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert quote_json([*RT_RW, "--month", "2026-03"], capsys) == {
        "months": [
            {
                "month": "2026-03",
                "programs": {
                    "JKK": {"desa": 4800, "potongan": 0},
                    "JKM": {"desa": 6000, "potongan": 0},
                },
                "desa": 10800,
                "potongan": 0,
            }
        ],
        "desa": 10800,
        "potongan": 0,
        "assumptions": [],
    }


def test_programs_are_case_insensitive_and_listed_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [
        "quote",
        "--segment",
        "pu",
        "--basis",
        "2000000",
        "--programs",
        "jkm, Jkk",
        "--month",
        "2026-03",
    ]
    data = quote_json(argv, capsys)
    assert list(data["months"][0]["programs"]) == ["JKK", "JKM"] and data["desa"] == 10_800


def test_bpu_year_with_and_without_discount(capsys: pytest.CaptureFixture[str]) -> None:
    full = quote_json([*RENTAN, "--year", "2026"], capsys)
    assert [m["month"] for m in full["months"]] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert full["desa"] == 201_600 and full["potongan"] == 0
    assert len(full["assumptions"]) == 1 and "tidak diterapkan" in full["assumptions"][0]
    half = quote_json([*RENTAN, "--year", "2026", "--bpu-discount", "on"], capsys)
    assert [m["desa"] for m in half["months"]] == [16_800] * 3 + [8_400] * 9
    assert half["desa"] == 126_000
    jht = ["quote", "--segment", "BPU", "--basis", "1000000", "--programs", "JKK,JKM,JHT"]
    assert quote_json([*jht, "--month", "2026-01"], capsys)["desa"] == 36_800


def test_jht_jp_withheld_and_the_march_ceiling(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["quote", "--segment", "PU", "--basis", "12000000", "--programs", "JKK,JKM,JHT,JP",
            "--worker-share", "potong", "--birth-date", "1980-01-01", "--year", "2026"]  # fmt: skip
    data = quote_json(argv, capsys)
    jan, mar = data["months"][0], data["months"][2]
    assert jan["programs"]["JP"] == {"desa": 210_948, "potongan": 105_474}  # on 10.547.400
    assert mar["programs"]["JP"] == {"desa": 221_726, "potongan": 110_863}  # on 11.086.300
    assert jan["programs"]["JHT"] == {"desa": 444_000, "potongan": 240_000}  # 3,7 % / 2 %
    assert jan["desa"] == 28_800 + 36_000 + 444_000 + 210_948
    assert data["desa"] == sum(m["desa"] for m in data["months"])
    assert data["potongan"] == 12 * 240_000 + 2 * 105_474 + 10 * 110_863


def test_jp_age_and_assumed_ceiling(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["quote", "--segment", "PU", "--basis", "12000000", "--programs", "JP",
            "--birth-date", "1967-05-20", "--year", "2026"]  # fmt: skip
    data = quote_json(argv, capsys)
    assert [m["desa"] for m in data["months"]][4:6] == [332_589, 0]
    later = [
        "quote",
        "--segment",
        "PU",
        "--basis",
        "12000000",
        "--programs",
        "JP",
        "--month",
        "2027-03",
    ]
    data = quote_json(later, capsys)
    # Issue 18: no longer the last ceiling reused (332.589) but 11.561.900 × 3 %, said so
    assert data["desa"] == 346_857
    assert any(
        "Maret 2027" in a and "Rp11.561.900" in a and "4,29%" in a for a in data["assumptions"]
    )
    assert any("Tanggal lahir" in a for a in data["assumptions"])


def test_readable_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main([*RT_RW, "--year", "2026"], capsys)
    assert (code, err) == (0, "")
    assert "Januari 2026" in out and "Desember 2026" in out
    jumlah = next(line for line in out.splitlines() if line.startswith("Jumlah"))
    assert jumlah.split() == ["Jumlah", "57.600", "72.000", "129.600", "-"]
    maret = next(line for line in out.splitlines() if line.startswith("Maret 2026"))
    assert maret.split() == ["Maret", "2026", "4.800", "6.000", "10.800", "-"]
    assert "Rp2.000.000" in out


def test_a_bpu_worker_s_jht_is_their_own_payment_not_withheld(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["quote", "--segment", "BPU", "--basis", "1000000", "--programs", "JKK,JKM,JHT",
            "--worker-share", "potong", "--month", "2026-03"]  # fmt: skip
    code, out, err = run_main(argv, capsys)
    assert (code, err) == (0, "")
    assert "dipotong" not in out.lower()
    assert "iuran mandiri peserta" in out
    heads = next(line for line in out.splitlines() if line.startswith("Bulan"))
    assert heads.split()[-2:] == ["Iuran", "mandiri"]


def test_the_text_says_how_the_shares_are_rounded(capsys: pytest.CaptureFixture[str]) -> None:
    # 3,7 % and 2 % of 2.426.640 rounded apart would be 89.786 + 48.533 = 138.319; the full
    # 5,7 % is 138.318: the full amount and the withheld share are rounded, the desa pays the rest.
    argv = ["quote", "--segment", "PU", "--basis", "2426640", "--programs", "JHT",
            "--worker-share", "potong", "--month", "2026-03"]  # fmt: skip
    code, out, err = run_main(argv, capsys)
    assert (code, err) == (0, "")
    assert "89.785 / Rp48.533" in out.replace("Rp89.785", "89.785")
    said = " ".join(out.split())
    assert "iuran penuh tiap program dibulatkan" in said and "desa membayar selisihnya" in said


def test_app_py_from_the_repository_root() -> None:
    done = subprocess.run(
        [sys.executable, "app.py", *RT_RW, "--month", "2026-03", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["desa"] == 10_800


BAD_INPUT = [
    pytest.param([*RT_RW[:5], "--programs", "JKK,JKP", "--month", "2026-03"], "JKP", id="program"),
    pytest.param([*RT_RW[:3], "--basis", "2.5", *RT_RW[5:], "--month", "2026-03"], "2.5", id="decimal"),
    pytest.param([*RT_RW[:3], "--basis", "-1", *RT_RW[5:], "--month", "2026-03"], "-1", id="negative"),
    pytest.param([*RT_RW[:3], "--basis", "abc", *RT_RW[5:], "--month", "2026-03"], "abc", id="text"),
    pytest.param([*RT_RW[:3], "--basis", "2.000.000", *RT_RW[5:], "--month", "2026-03"], "2.000.000", id="dots"),
    pytest.param([*RENTAN[:3], "--basis", "900000", *RENTAN[5:], "--month", "2026-03"], "minimum", id="bpu-minimum"),
    pytest.param([*RENTAN[:5], "--programs", "JKK,JKM,JP", "--month", "2026-03"], "JP", id="bpu-jp"),
    pytest.param([*RENTAN[:5], "--programs", "JHT", "--month", "2026-03"], "JKK dan JKM", id="bpu-jht-alone"),
    pytest.param([*RT_RW, "--month", "2015-06"], "Juni 2015", id="before-rules"),
    pytest.param([*RT_RW, "--year", "2015"], "Januari 2015", id="year-before-rules"),
    pytest.param([*RT_RW, "--month", "2026-03", "--frobnicate"], "--frobnicate", id="unknown-option"),
    pytest.param([*RT_RW, "--month", "2026-13"], "2026-13", id="bad-month"),
    pytest.param([*RT_RW, "--month", "2026-03", "--jkk-class", "6"], "6", id="jkk-class"),
    pytest.param([*RT_RW, "--month", "2026-03", "--birth-date", "1970-02-30"], "1970-02-30", id="birth-date"),
    pytest.param([*RT_RW, "--month", "2026-03", "--worker-share", "pemda"], "pemda", id="worker-share"),
    pytest.param([*RT_RW, "--month", "2026-03", "--year", "2026"], "--year", id="month-and-year"),
    pytest.param(RT_RW, "--month", id="no-month-or-year"),
]  # fmt: skip


def _one_indonesian_line(err: str, names: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Galat: ") and names in lines[0]
    assert not any(word in lines[0] for word in ("error", "invalid", "argument", "required"))


@pytest.mark.parametrize(("argv", "names"), BAD_INPUT)
def test_bad_input_through_main(
    argv: list[str], names: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(argv, capsys)
    assert code == 2 and out == ""
    _one_indonesian_line(err, names)


@pytest.mark.parametrize(("argv", "names"), BAD_INPUT)
def test_bad_input_through_app_py(argv: list[str], names: str) -> None:
    done = subprocess.run(
        [sys.executable, "app.py", *argv], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and done.stdout == ""
    _one_indonesian_line(done.stderr, names)
