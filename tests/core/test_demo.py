"""The demo village: the roster the issue promises, valid identifiers, deterministic."""

from collections import Counter
from datetime import date

import pytest
from roster_helpers import new_db

from desa_budget.demo import KODE_DESA, create_demo_village
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.roster.data import load_limits
from desa_budget.roster.workbook.apply import plan_import
from desa_budget.roster.workbook.export import export_roster
from desa_budget.village import identifiers

YEAR = 2025


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    db = new_db(tmp_path_factory.mktemp("demo"), profile=False)
    with db.session() as s:
        create_demo_village(s, operator="uji", year=YEAR)
    return db


def details(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = roster.list_roster(s, YEAR)
        return rows, [roster.get_person(s, r.person_id) for r in rows]


def test_counts_per_category(demo_db):
    rows, _ = details(demo_db)
    counts = Counter(r.kategori for r in rows)
    assert counts["kepala_desa"] == 1 and counts["sekretaris_desa"] == 1
    assert 8 <= counts["perangkat_desa"] <= 10
    assert counts["staf_desa"] == 3 and counts["bpd"] == 9 and counts["rt_rw"] == 12
    assert counts["pekerja_rentan"] == 100
    rt = [r for r in rows if r.kategori == "rt_rw"]
    assert {r.segmen for r in rt} == {"PU", "BPU"}
    assert {r.status_bpjs for r in rows} >= {"belum", "terdaftar"}
    assert sum(1 for r in rows if r.kategori == "pekerja_rentan" and "JHT" in r.programs) >= 3


def test_every_nik_valid_for_the_desa(demo_db):
    _, people = details(demo_db)
    niks = [p.person.nik for p in people]
    assert len(set(niks)) == len(niks)
    for p in people:
        check = identifiers.check_nik(
            p.person.nik,
            jenis_kelamin=p.person.jenis_kelamin,
            tanggal_lahir=p.person.tanggal_lahir,
            kode_desa=KODE_DESA,
        )
        assert not check.errors and not check.warnings, (p.person, check)


def test_wages_at_or_above_minimums(demo_db):
    limits = load_limits(YEAR)  # the demo year's minimums, not the clock's year
    assert set(limits.siltap_minimum) >= {"kepala_desa", "sekretaris_desa", "perangkat_desa"}
    _, people = details(demo_db)
    for p in people:
        cov = p.coverage_for(YEAR)
        assert cov is not None
        for post in p.posts:
            assert cov.dasar_upah >= limits.siltap_minimum.get(post.data.kategori, 0)
        if cov.segmen == "BPU":
            assert cov.dasar_upah >= 1_000_000 and "JP" not in cov.programs


def test_mid_year_posts_and_double_post(demo_db):
    _, people = details(demo_db)
    posts = [post.data for p in people for post in p.posts]
    in_year = date(YEAR, 1, 1), date(YEAR, 12, 31)
    assert any(p.akhir and in_year[0] <= p.akhir < in_year[1] for p in posts)
    assert any(p.mulai and in_year[0] < p.mulai <= in_year[1] for p in posts)
    sekdes = [p for p in people if any(x.data.kategori == "sekretaris_desa" for x in p.posts)]
    assert len(sekdes[0].posts) == 2


def test_deterministic_and_refuses_a_filled_database(demo_db, tmp_path):
    other = new_db(tmp_path, profile=False)
    with other.session() as s:
        create_demo_village(s, operator="lain", year=YEAR)
    first = [(p.person, [x.data for x in p.posts]) for p in details(demo_db)[1]]
    second = [(p.person, [x.data for x in p.posts]) for p in details(other)[1]]
    assert first == second
    with pytest.raises(UserError, match="sudah berisi"), other.session() as s:
        create_demo_village(s, operator="lain", year=YEAR)


def test_demo_export_reimports_unchanged(demo_db, tmp_path):
    path = tmp_path / "demo.xlsx"
    with demo_db.session() as s:
        export_roster(s, path, year=YEAR)
        plan = plan_import(s, path, year=YEAR)
    assert not plan.adds and not plan.changed and len(plan.unchanged) == 135
