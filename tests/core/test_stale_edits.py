"""Two operators on one database (SQLite file and PostgreSQL): an edit made from a stale read is
refused with "diubah oleh pengguna lain" and the colleague's later value stays, for every kind of
edit the window makes — person, post, coverage, codes, budget year, profile, scenario."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from store_helpers import Backend, backend_fixture
from village_helpers import YEAR, Village, one_person_village

from desa_budget.budget import scenarios
from desa_budget.budget import settings as bs
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.store.database import ConcurrentEditError, Database
from desa_budget.store.models import Person
from desa_budget.store.versioning import ABSENT
from desa_budget.village.profile import get_profile, save_profile

backend = backend_fixture()

STALE = "diubah oleh pengguna lain"


@pytest.fixture
def village(backend: Backend) -> Village:
    return one_person_village(backend.open())


def refused(db: Database, edit: Callable[..., object]) -> None:
    """``edit(session)`` made by operator A from what A read earlier: refused, nothing written."""
    with pytest.raises(ConcurrentEditError, match=STALE), db.session() as s:
        edit(s)


def test_a_stale_person_edit_is_refused(village: Village) -> None:
    db, pid = village.db, village.person_id
    with db.session() as s:  # A opens the form
        seen = roster.get_person(s, pid)
    with db.session() as s:  # B saves first
        roster.update_person(s, pid, replace(seen.person, nama="Slamet B"), operator="B")
    refused(
        db,
        lambda s: roster.update_person(
            s, pid, replace(seen.person, nama="Slamet A"), operator="A", version=seen.version
        ),
    )
    with db.session() as s:
        assert roster.get_person(s, pid).person.nama == "Slamet B"


def test_a_stale_post_edit_and_end_are_refused(village: Village) -> None:
    db, post_id = village.db, village.post_id
    with db.session() as s:
        seen = roster.get_post(s, post_id)
    with db.session() as s:
        roster.update_post(s, post_id, replace(seen.data, jabatan="Ketua RT 02"), operator="B")
    refused(
        db,
        lambda s: roster.update_post(
            s, post_id, replace(seen.data, nomor_sk="SK A"), operator="A", version=seen.version
        ),
    )
    refused(
        db,
        lambda s: roster.end_post(
            s, post_id, date(YEAR, 6, 30), operator="A", version=seen.version
        ),
    )
    with db.session() as s:
        now = roster.get_post(s, post_id).data
    assert (now.jabatan, now.nomor_sk, now.akhir) == ("Ketua RT 02", "", None)


def test_a_stale_coverage_edit_is_refused(village: Village) -> None:
    db, pid = village.db, village.person_id
    with db.session() as s:
        seen = roster.get_person(s, pid).coverages[0]
    with db.session() as s:
        roster.set_coverage(s, pid, replace(seen.data, dasar_upah=2_500_000), operator="B")
    refused(
        db,
        lambda s: roster.set_coverage(
            s, pid, replace(seen.data, dasar_upah=3_000_000), operator="A", version=seen.version
        ),
    )
    # A read no row for next year; B adds one meanwhile: A's "new" row is refused too.
    with db.session() as s:
        roster.set_coverage(s, pid, replace(seen.data, tahun=YEAR + 1), operator="B")
    refused(
        db,
        lambda s: roster.set_coverage(
            s, pid, replace(seen.data, tahun=YEAR + 1, dasar_upah=1), operator="A", version=ABSENT
        ),
    )
    with db.session() as s:
        amounts = [c.data.dasar_upah for c in roster.get_person(s, pid).coverages]
    assert amounts == [2_500_000, 2_000_000]


def test_stale_code_edits_are_refused(village: Village) -> None:
    db, pid = village.db, village.person_id
    with db.session() as s:
        seen = bs.effective_mapping(s)["rt_rw"]
        cover = roster.get_person(s, pid).coverages[0]
    assert seen.version == ABSENT  # the profile's default: no village row yet
    with db.session() as s:
        bs.set_category_mapping(
            s, "rt_rw", kode_kegiatan="1.1.07", kode_rekening="5.2.2.03", sumber_dana="PAD",
            operator="B",
        )  # fmt: skip
    refused(
        db,
        lambda s: bs.set_category_mapping(
            s,
            "rt_rw",
            kode_kegiatan="1.1.07",
            kode_rekening="5.2.2.03",
            sumber_dana="PBK",
            operator="A",
            version=seen.version,
        ),  # fmt: skip
    )
    with db.session() as s:  # A reads B's codes, B changes them once more
        read_by_a = bs.effective_mapping(s)["rt_rw"]
    with db.session() as s:
        bs.set_category_mapping(
            s, "rt_rw", kode_kegiatan="1.1.07", kode_rekening="5.2.2.03", sumber_dana="DDS",
            operator="B", version=read_by_a.version,
        )  # fmt: skip
        village_row = bs.effective_mapping(s)["rt_rw"]
        bs.set_person_codes(
            s, pid, YEAR, kode_kegiatan=None, kode_rekening=None, sumber_dana="PBK", operator="B"
        )
    refused(
        db, lambda s: bs.reset_category_mapping(s, "rt_rw", operator="A", version=read_by_a.version)
    )
    refused(
        db,
        lambda s: bs.set_person_codes(
            s,
            pid,
            YEAR,
            kode_kegiatan=None,
            kode_rekening=None,
            sumber_dana="PAD",
            operator="A",
            version=cover.version,
        ),  # fmt: skip
    )
    with db.session() as s:
        assert bs.effective_mapping(s)["rt_rw"] == village_row
        assert village_row.sumber_dana == "DDS"
        assert roster.get_person(s, pid).coverages[0].data.sumber_dana == "PBK"


def test_a_stale_budget_year_edit_is_refused(village: Village) -> None:
    db = village.db
    with db.session() as s:  # the Kode Anggaran page and the Rencana page both read the year
        seen = bs.get_budget_year(s, YEAR)
    with db.session() as s:
        bs.set_pagu(s, YEAR, 45_000_000, operator="B", version=seen.version)
    refused(
        db,
        lambda s: bs.set_total_belanja(s, YEAR, 900_000_000, operator="A", version=seen.version),
    )
    with db.session() as s:
        after_b = bs.get_budget_year(s, YEAR)
        bs.set_total_belanja(s, YEAR, 800_000_000, operator="B", version=after_b.version)
    refused(db, lambda s: bs.set_pagu(s, YEAR, 1, operator="A", version=after_b.version))
    with db.session() as s:
        now = bs.get_budget_year(s, YEAR)
    assert (now.total_belanja, now.pagu) == (800_000_000, 45_000_000)


def test_a_stale_profile_save_is_refused(village: Village) -> None:
    db = village.db
    with db.session() as s:
        seen = get_profile(s)
    assert seen is not None
    with db.session() as s:
        save_profile(s, replace(seen, alamat="Jl. B"), operator="B")
    refused(db, lambda s: save_profile(s, replace(seen, alamat="Jl. A"), operator="A"))
    with db.session() as s:
        profile = get_profile(s)
    assert profile is not None and profile.alamat == "Jl. B"


def test_a_stale_scenario_overwrite_or_delete_is_refused(village: Village) -> None:
    db = village.db
    params = scenarios.ScenarioParams(pagu=1_000_000)
    with db.session() as s:
        saved = scenarios.save_scenario(s, year=YEAR, name="Hemat", params=params, operator="A")
    with db.session() as s:
        scenarios.save_scenario(
            s, year=YEAR, name="Hemat", params=replace(params, pagu=2_000_000), operator="B"
        )
    for edit in (
        lambda s: scenarios.save_scenario(
            s,
            year=YEAR,
            name="Hemat",
            params=replace(params, pagu=3_000_000),
            operator="A",
            version=saved.version,
        ),  # fmt: skip
        lambda s: scenarios.delete_scenario(
            s, year=YEAR, name="Hemat", operator="A", version=saved.version
        ),
    ):
        refused(db, edit)
    with db.session() as s:
        assert scenarios.load_scenario(s, YEAR, "Hemat").pagu == 2_000_000


def test_two_open_transactions_the_later_writer_is_refused(village: Village) -> None:
    """Even without a version from an earlier read: A's transaction read, B committed, A writes."""
    db, pid = village.db, village.person_id
    with pytest.raises(UserError, match=STALE):
        with db.session() as first:
            mine = first.get(Person, pid)
            assert mine is not None
            with db.session() as second:
                roster.update_post(
                    second, village.post_id, roster.PostData("rt_rw", "Ketua RT 05"), operator="B"
                )
                theirs = second.get(Person, pid)
                assert theirs is not None
                theirs.nama = "Slamet B"
            mine.nama = "Slamet A"
    with db.session() as s:
        assert s.scalar(select(Person.nama).where(Person.id == pid)) == "Slamet B"
