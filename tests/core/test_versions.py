"""Budget versions: an adopted version stays as adopted while the draft follows the roster."""

from dataclasses import replace
from datetime import date

import pytest
from budget_helpers import DESA_TOTAL, YEAR, small_village
from roster_helpers import new_db

from desa_budget import demo
from desa_budget.budget import versions
from desa_budget.budget.version_snapshot import simulation_from_data, simulation_to_data
from desa_budget.contributions.simulation import simulate
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules
from desa_budget.store.models import BudgetVersion

RULES = load_rules()


def raise_rt_wage(db, person_id: int) -> None:  # type: ignore[no-untyped-def]
    # Tarno's basis 1.500.000 -> 2.000.000: 12 x (4.800 + 6.000) = 129.600 instead of 97.200
    with db.session() as s:
        cov = roster.get_person(s, person_id).coverages[-1].data
        roster.set_coverage(s, person_id, replace(cov, dasar_upah=2_000_000), operator="uji")


def adopt(db, jenis: str, nomor: str = "1"):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return versions.adopt_version(
            s, RULES, year=YEAR, jenis=jenis, nomor_perdes=nomor,
            tanggal_perdes=date(YEAR - 1, 12, 20), operator="uji",
        )  # fmt: skip


def test_snapshot_rebuilds_the_same_simulation(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        sim = simulate(s, RULES, YEAR)
    assert sim.desa == DESA_TOTAL
    assert simulation_from_data(simulation_to_data(sim)) == sim
    with pytest.raises(UserError):
        simulation_from_data({"year": YEAR, "persons": [{"nama": "x"}]})


def test_adopted_murni_does_not_change_with_the_roster(tmp_path):  # type: ignore[no-untyped-def]
    db, ids = small_village(tmp_path)
    info = adopt(db, "murni")
    assert info.total == DESA_TOTAL and info.nomor_perdes == "1"
    with db.session() as s:
        before = versions.load_version(s, YEAR, "murni")
    assert before.lines.total == DESA_TOTAL and before.simulation.desa == DESA_TOTAL
    assert sum(line.jumlah for line in before.lines.lines) == DESA_TOTAL

    raise_rt_wage(db, ids["Tarno"])
    with db.session() as s:
        after = versions.load_version(s, YEAR, "murni")
        live = versions.draft(s, RULES, YEAR)
    assert after.lines == before.lines and after.simulation == before.simulation
    assert after.lines.total == DESA_TOTAL
    assert live.jenis == "perubahan" and not live.adopted
    assert live.lines.total == DESA_TOTAL + 32_400


def test_perubahan_diff_lists_the_changed_line(tmp_path):  # type: ignore[no-untyped-def]
    db, ids = small_village(tmp_path)
    adopt(db, "murni")
    raise_rt_wage(db, ids["Tarno"])
    adopt(db, "perubahan", nomor="7")
    with db.session() as s:
        murni = versions.load_version(s, YEAR, "murni")
        perubahan = versions.load_version(s, YEAR, "perubahan")
        listed = versions.list_versions(s, YEAR)
        with pytest.raises(UserError, match="keduanya"):
            versions.draft(s, RULES, YEAR)
    assert [(v.jenis, v.total) for v in listed] == [
        ("murni", DESA_TOTAL), ("perubahan", DESA_TOTAL + 32_400)
    ]  # fmt: skip
    diffs = versions.diff_versions(murni, perubahan)
    assert len(diffs) == 1
    (d,) = diffs
    assert (d.old, d.new, d.selisih) == (97_200, 129_600, 32_400)
    rt_line = next(line for line in murni.lines.lines if line.jumlah == 97_200)
    assert (d.kegiatan, d.rekening, d.uraian) == (
        rt_line.kegiatan,
        rt_line.rekening,
        rt_line.uraian,
    )


def test_double_adoption_and_perubahan_first_are_refused(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with pytest.raises(UserError, match="sesudah APBDes Murni"):
        adopt(db, "perubahan")
    adopt(db, "murni")
    with pytest.raises(UserError, match="sudah ditetapkan"):
        adopt(db, "murni")
    with db.session() as s, pytest.raises(UserError, match="belum ditetapkan"):
        versions.load_version(s, YEAR, "perubahan")
    with pytest.raises(UserError):
        adopt(db, "sementara")


def test_damaged_snapshot_is_a_user_error(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    adopt(db, "murni")
    with db.session() as s:
        row = s.query(BudgetVersion).one()
        row.snapshot_json = '{"format": 1, "simulation": {}, "lines": {}}'
    with db.session() as s, pytest.raises(UserError, match="rusak"):
        versions.load_version(s, YEAR, "murni")


def test_demo_village_lines_sum_to_the_simulation(tmp_path):  # type: ignore[no-untyped-def]
    db = new_db(tmp_path, profile=False)
    with db.session() as s:
        demo.create_demo_village(s, operator="uji", year=YEAR)
    with db.session() as s:
        sim, lines = versions.current(s, RULES, YEAR)
        checked = versions.check_version(s, versions.FrozenVersion(YEAR, "murni", sim, lines))
    assert sim.desa > 0 and lines.total == sim.desa
    assert sum(line.jumlah for line in lines.lines) == sim.desa
    assert lines.potongan == sim.potongan
    assert not checked.errors
    adopt(db, "murni")
    with db.session() as s:
        frozen = versions.load_version(s, YEAR, "murni")
    assert frozen.lines == lines and frozen.simulation == sim
