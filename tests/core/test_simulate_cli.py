"""The simulate command: hand-computed figures, JSON totals that add up, and the default run."""

import json
from datetime import date

from roster_helpers import make_nik, new_db

from desa_budget.cli import main
from desa_budget.roster import service as roster

YEAR = 2025


def small_roster(tmp_path):  # type: ignore[no-untyped-def]
    db = new_db(tmp_path)
    born = date(1970, 3, 3)
    with db.session() as s:
        roster.add_person(
            s,
            roster.PersonData(make_nik(born, "L", 1), "Tarno", "L", born),
            [roster.PostData("rt_rw", "Ketua RT 01")],
            roster.CoverageData(YEAR, "PU", 2_000_000, ("JKK", "JKM")),
            operator="x",
        )
        roster.add_person(
            s,
            roster.PersonData(make_nik(born, "P", 2), "Painem", "P", born),
            [roster.PostData("pekerja_rentan", "Petani", mulai=date(YEAR, 7, 1))],
            roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JKM")),
            operator="x",
        )
    return db


def simulate_json(tmp_path, capsys):  # type: ignore[no-untyped-def]
    argv = ["--data-dir", str(tmp_path / "data"), "simulate", "--year", str(YEAR), "--json"]
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_hand_computed_small_roster(tmp_path, capsys):
    small_roster(tmp_path)
    data = simulate_json(tmp_path, capsys)
    assert data["year"] == YEAR and data["desa"] == 129_600 + 100_800 and data["potongan"] == 0
    assert data["by_category"] == {
        "rt_rw": {"persons": 1, "desa": 129_600, "potongan": 0},
        "pekerja_rentan": {"persons": 1, "desa": 100_800, "potongan": 0},
    }
    assert data["by_program"]["JKK"] == {"desa": 12 * 4_800 + 6 * 10_000, "potongan": 0}
    assert data["by_program"]["JKM"] == {"desa": 12 * 6_000 + 6 * 6_800, "potongan": 0}
    assert data["by_program"]["JP"] == {"desa": 0, "potongan": 0}
    assert data["by_month"]["2025-06"]["desa"] == 10_800
    assert data["by_month"]["2025-07"]["desa"] == 10_800 + 16_800
    persons = {p["nama"]: p for p in data["persons"]}
    assert persons["Painem"]["months"] == 6 and persons["Painem"]["kategori"] == "pekerja_rentan"
    assert persons["Tarno"]["desa"] == 129_600 and len(persons["Tarno"]["nik"]) == 16


def test_demo_totals_add_up(tmp_path, capsys):
    data_dir = str(tmp_path / "data")
    assert main(["--data-dir", data_dir, "init", "--demo", "--year", str(YEAR)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "simulate", "--year", str(YEAR), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("desa", "potongan"):
        total = data[key]
        assert total == sum(p[key] for p in data["persons"])
        assert total == sum(c[key] for c in data["by_category"].values())
        assert total == sum(m[key] for m in data["by_month"].values())
        assert total == sum(p[key] for p in data["by_program"].values())
    assert data["potongan"] > 0 and data["pemda"]["persons"] == 1
    assert sum(c["persons"] for c in data["by_category"].values()) == len(data["persons"])


def test_table_output(tmp_path, capsys):
    small_roster(tmp_path)
    assert main(["--data-dir", str(tmp_path / "data"), "simulate", "--year", str(YEAR)]) == 0
    out = capsys.readouterr().out
    assert "RT/RW" in out and "Pekerja Rentan" in out and "Rp230.400" in out


def test_a_bpu_worker_s_jht_is_their_own_payment_in_the_table(tmp_path, capsys):
    db = small_roster(tmp_path)
    born = date(1975, 4, 4)
    with db.session() as s:
        roster.add_person(
            s,
            roster.PersonData(make_nik(born, "L", 3), "Wagiman", "L", born),
            [roster.PostData("pekerja_rentan", "Nelayan")],
            roster.CoverageData(
                YEAR, "BPU", 1_000_000, ("JKK", "JKM", "JHT"), iuran_pekerja="potong"
            ),
            operator="x",
        )
    assert main(["--data-dir", str(tmp_path / "data"), "simulate", "--year", str(YEAR)]) == 0
    out = capsys.readouterr().out
    # 2 % of Rp1.000.000 a month, paid by the worker: no siltap is withheld
    assert "Iuran mandiri peserta BPU (dibayar sendiri, bukan belanja): Rp240.000" in out
    assert "Dipotong dari siltap" not in out
