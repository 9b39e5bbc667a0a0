"""The budget commands: the stable JSON shapes of ``plan`` and ``lines``, versions, scenarios."""

import argparse
import json
from collections.abc import Sequence

import pytest
from budget_helpers import BORN, DESA_TOTAL, RENTAN_YEAR, RT_YEAR, YEAR, small_village
from roster_helpers import make_nik

from desa_budget.cli import EXIT_USER_ERROR, budget_cmds, build_parser, run_command

KADES_BASIC = 246_240


def parser() -> argparse.ArgumentParser:
    made = build_parser()
    sub = next(a for a in made._actions if isinstance(a, argparse._SubParsersAction))
    if "plan" not in sub.choices:  # the registry may not list the budget commands yet
        budget_cmds.register(sub)
    return made


def cli(tmp_path, argv: Sequence[str]) -> int:  # type: ignore[no-untyped-def]
    args = parser().parse_args(["--data-dir", str(tmp_path / "data"), *argv])
    return run_command(args)


def test_plan_json_shape_and_figures(tmp_path, capsys):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    # 300.000: the kades' JKK+JKM (246.240) fits; the RT (97.200) does not fit in 53.760
    code = cli(tmp_path, ["plan", "--year", str(YEAR), "--pagu", "300000", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    keys = ["year", "pagu", "mode", "tiers", "used", "left", "cost_full", "persons", "applied"]
    assert list(data) == keys
    assert data["applied"] is False  # nothing applied: the budget is the whole roster
    assert (data["year"], data["pagu"], data["mode"]) == (YEAR, 300_000, "strict")
    assert [list(t) for t in data["tiers"]] == [["tier", "name", "eligible", "covered", "cost"]] * 8
    tiers = {t["tier"]: t for t in data["tiers"]}
    assert tiers[1]["covered"] == 1 and tiers[1]["cost"] == KADES_BASIC
    assert tiers[4]["eligible"] == 1 and tiers[4]["covered"] == 0
    assert data["used"] == KADES_BASIC and data["left"] == 300_000 - KADES_BASIC
    # everyone with every tier: the roster's own programs, which are exactly the tiers here
    assert data["cost_full"] == DESA_TOTAL


def test_plan_fill_mode(tmp_path, capsys):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    # 550.000 covers tier 1 (246.240) and tier 4 (97.200): 206.560 left; tier 5 JHT
    # (12 x 216.600 = 2.599.200) does not fit, nor JP (1.368.000); fill still fits the rentan
    # (201.600), leaving 4.960.
    argv = ["plan", "--year", str(YEAR), "--pagu", "550000", "--mode", "fill", "--json"]
    assert cli(tmp_path, argv) == 0
    data = json.loads(capsys.readouterr().out)
    covered = {t["tier"]: t["covered"] for t in data["tiers"]}
    assert covered == {1: 1, 2: 0, 3: 0, 4: 1, 5: 0, 6: 0, 7: 1, 8: 0}
    assert data["used"] == KADES_BASIC + RT_YEAR + RENTAN_YEAR
    assert data["left"] == 4_960


def test_plan_json_lists_every_person_and_their_desa_adds_up_to_used(tmp_path, capsys):  # type: ignore[no-untyped-def]
    _, ids = small_village(tmp_path)
    # 300.000 strict: the kades' JKK+JKM (246.240) fits; the RT (97.200) does not fit in 53.760,
    # so strict stops at tier 4 and nothing after it is paid.
    assert cli(tmp_path, ["plan", "--year", str(YEAR), "--pagu", "300000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    keys = [
        "nik",
        "nama",
        "covered",
        "programs",
        "left_out",
        "months",
        "desa",
        "potongan",
        "reason",
    ]
    assert [list(p) for p in data["persons"]] == [keys] * 3
    suparno, tarno, painem = data["persons"]
    assert suparno == {
        "nik": make_nik(BORN, "L", 1), "nama": "Suparno", "covered": True,
        "programs": ["JKK", "JKM"], "left_out": ["JHT", "JP"], "months": 12,
        "desa": KADES_BASIC, "potongan": 0,
        "reason": "mode strict sudah berhenti di tingkat 4, tingkat 5 dan 6",
    }  # fmt: skip
    assert len(suparno["nik"]) == 16  # whole, as simulate --json prints it
    assert (tarno["covered"], tarno["programs"], tarno["left_out"]) == (False, [], ["JKK", "JKM"])
    assert (tarno["months"], tarno["desa"], tarno["reason"]) == (
        0,
        0,
        "tidak cukup pagu, tingkat 4",
    )
    assert painem["reason"] == "mode strict sudah berhenti di tingkat 4, tingkat 7"
    assert sum(p["desa"] for p in data["persons"]) == data["used"] == KADES_BASIC
    # A pagu that pays the roster: everyone covered as the roster asks, nothing to explain.
    argv = ["plan", "--year", str(YEAR), "--pagu", str(DESA_TOTAL), "--json"]
    assert cli(tmp_path, argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["programs"], p["reason"]) for p in data["persons"]] == [
        (["JKK", "JKM", "JHT", "JP"], ""), (["JKK", "JKM"], ""), (["JKK", "JKM"], "")
    ]  # fmt: skip
    assert sum(p["desa"] for p in data["persons"]) == data["used"] == data["cost_full"]
    assert data["left"] == 0


@pytest.mark.parametrize("pagu", ["-5", "1.5", "1.000.000", "abc", "1e6", "", "12,5"])
def test_bad_pagu_exits_2(tmp_path, capsys, pagu):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    assert cli(tmp_path, ["plan", "--year", str(YEAR), f"--pagu={pagu}"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "Pagu" in err and "bilangan bulat" in err


def test_plan_table_is_indonesian(tmp_path, capsys):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    assert cli(tmp_path, ["plan", "--year", str(YEAR), "--pagu", "300000"]) == 0
    out = capsys.readouterr().out
    assert "Sisa: Rp53.760" in out and "JKK+JKM Ketua RT/RW" in out and "0/1" in out


def test_scenario_commands(tmp_path, capsys):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    y = str(YEAR)
    assert (
        cli(tmp_path, ["scenario", "save", "--year", y, "--name", "Kecil", "--pagu", "300000"]) == 0
    )
    argv = ["scenario", "save", "--year", y, "--name", "Besar", "--pagu", "10000000",
            "--mode", "fill", "--iuran-pekerja", "potong", "--programs", "rt_rw=JKK,JKM"]  # fmt: skip
    assert cli(tmp_path, argv) == 0
    assert cli(tmp_path, ["scenario", "list", "--year", y]) == 0
    out = capsys.readouterr().out
    assert "Besar: pagu Rp10.000.000, mode fill" in out and "Kecil: pagu Rp300.000" in out
    assert cli(tmp_path, ["scenario", "compare", "--year", y, "Kecil", "Besar"]) == 0
    out = capsys.readouterr().out
    assert "Sisa" in out and "53.760" in out and "6.855.760" in out
    bad = ["scenario", "save", "--year", y, "--name", "X", "--pagu", "1", "--programs", "rt=JKK"]
    assert cli(tmp_path, bad) == EXIT_USER_ERROR
    assert cli(tmp_path, ["scenario", "compare", "--year", y, "Kecil", "Tidak"]) == EXIT_USER_ERROR


def lines_json(tmp_path, capsys, *extra: str):  # type: ignore[no-untyped-def]
    assert cli(tmp_path, ["lines", "--year", str(YEAR), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_lines_json_shape_sums_to_simulation(tmp_path, capsys):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    data = lines_json(tmp_path, capsys)
    assert list(data) == ["year", "lines", "total", "potongan", "warnings", "errors"]
    assert data["year"] == YEAR and data["total"] == DESA_TOTAL and data["potongan"] == 0
    assert all(
        list(line)
        == ["kegiatan", "rekening", "sumber_dana", "uraian", "volume", "satuan", "jumlah"]
        for line in data["lines"]
    )
    assert sum(line["jumlah"] for line in data["lines"]) == DESA_TOTAL
    assert all(isinstance(w, str) for w in data["warnings"] + data["errors"])
    kades = [line for line in data["lines"] if line["rekening"] == "5.1.3.03"]
    assert sum(line["jumlah"] for line in kades) == 4_213_440


def test_version_commands_freeze_the_lines(tmp_path, capsys):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from desa_budget.roster import service as roster

    db, ids = small_village(tmp_path)
    y = str(YEAR)
    argv = ["version", "adopt", "--year", y, "--jenis", "murni", "--nomor-perdes", "3",
            "--tanggal-perdes", f"{YEAR - 1}-12-20"]  # fmt: skip
    assert cli(tmp_path, argv) == 0
    assert "APBDes Murni 2025 ditetapkan" in capsys.readouterr().out
    assert cli(tmp_path, argv) == EXIT_USER_ERROR
    assert "sudah ditetapkan" in capsys.readouterr().err
    with db.session() as s:  # RT basis 1.500.000 -> 2.000.000: +32.400 a year
        cov = roster.get_person(s, ids["Tarno"]).coverages[-1].data
        roster.set_coverage(s, ids["Tarno"], replace(cov, dasar_upah=2_000_000), operator="uji")
    assert lines_json(tmp_path, capsys, "--version", "murni")["total"] == DESA_TOTAL
    assert lines_json(tmp_path, capsys)["total"] == DESA_TOTAL + 32_400
    assert cli(tmp_path, ["version", "diff", "--year", y, "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert diff["perubahan_adopted"] is False
    assert [(d["lama"], d["baru"], d["selisih"]) for d in diff["lines"]] == [
        (97_200, 129_600, 32_400)
    ]
    assert cli(tmp_path, ["version", "list", "--year", y]) == 0
    assert "APBDes Murni" in capsys.readouterr().out
    bad_date = [
        "version",
        "adopt",
        "--year",
        y,
        "--jenis",
        "perubahan",
        "--tanggal-perdes",
        "20-12",
    ]
    assert cli(tmp_path, bad_date) == EXIT_USER_ERROR
    assert cli(tmp_path, ["lines", "--year", y, "--version", "perubahan"]) == EXIT_USER_ERROR
