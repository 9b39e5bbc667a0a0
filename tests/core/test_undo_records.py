"""What the window's undo builds on: a delete returns the rows with their ids, a restore puts them
back under the same ids, and either is refused when a colleague changed the rows in between."""

from dataclasses import replace

import pytest
from sqlalchemy import select
from store_helpers import Backend, backend_fixture
from village_helpers import YEAR, Village, one_person_village

from desa_budget.budget import scenarios, versions
from desa_budget.budget import settings as bs
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import AuditEntry
from desa_budget.store.versioning import ABSENT
from desa_budget.village.profile import get_profile, remove_profile, save_profile

backend = backend_fixture()


@pytest.fixture
def village(backend: Backend) -> Village:
    return one_person_village(backend.open())


def test_a_deleted_person_comes_back_with_the_same_ids(village: Village) -> None:
    db, pid = village.db, village.person_id
    with db.session() as s:
        roster.set_coverage(
            s, pid, roster.CoverageData(YEAR + 1, "BPU", 1_000_000, ("JKK", "JKM")), operator="x"
        )
        before = roster.get_person(s, pid)
    with db.session() as s:
        removed = roster.delete_person(s, pid, operator="A", expected=before)
    assert removed == before
    with db.session() as s:
        assert roster.find_person_id(s, before.person.nik) is None
        back = roster.restore_person(s, removed, operator="A")
    assert back.id == pid
    assert [p.id for p in back.posts] == [p.id for p in before.posts]
    assert [c.id for c in back.coverages] == [c.id for c in before.coverages]
    assert (back.person, [p.data for p in back.posts], [c.data for c in back.coverages]) == (
        before.person,
        [p.data for p in before.posts],
        [c.data for c in before.coverages],
    )
    with db.session() as s:
        notes = s.scalars(select(AuditEntry.keterangan).where(AuditEntry.operator == "A")).all()
    assert "hapus orang" in notes and "pulihkan orang" in notes


def test_a_delete_from_a_stale_read_is_refused(village: Village) -> None:
    db, pid = village.db, village.person_id
    with db.session() as s:
        seen = roster.get_person(s, pid)
    with db.session() as s:  # a colleague edits one of the person's posts
        roster.update_post(
            s, village.post_id, roster.PostData("rt_rw", "Ketua RT 07"), operator="B"
        )
    with pytest.raises(ConcurrentEditError), db.session() as s:
        roster.delete_person(s, pid, operator="A", expected=seen)
    with db.session() as s:
        assert roster.get_person(s, pid).posts[0].data.jabatan == "Ketua RT 07"


def test_a_restore_is_refused_when_the_nik_or_an_id_is_taken(village: Village) -> None:
    db, pid = village.db, village.person_id
    with db.session() as s:
        removed = roster.delete_person(s, pid, operator="A")
    with db.session() as s:  # a colleague adds the same person again
        roster.add_person(s, removed.person, [p.data for p in removed.posts], None, operator="B")
    with pytest.raises(UserError, match="sudah terdaftar"), db.session() as s:
        roster.restore_person(s, removed, operator="A")
    with db.session() as s:
        twin = roster.find_person_id(s, removed.person.nik)
        assert twin is not None
        roster.delete_person(s, twin, operator="B")
    other = replace(removed, person=replace(removed.person, nik=removed.person.nik[:-1] + "9"))
    with db.session() as s:
        roster.restore_person(s, removed, operator="A")
    with pytest.raises(ConcurrentEditError), db.session() as s:  # the id is in use again
        roster.restore_person(s, other, operator="A")


def test_posts_and_coverage_years_come_back_with_their_ids(village: Village) -> None:
    db, pid, post_id = village.db, village.person_id, village.post_id
    with db.session() as s:
        post = roster.get_post(s, post_id)
        removed_post = roster.delete_post(s, post_id, operator="A", version=post.version)
        cover = roster.set_coverage(
            s, pid, roster.CoverageData(YEAR + 1, "BPU", 1_000_000, ("JKK", "JKM")), operator="A"
        )
        removed_cover = roster.delete_coverage(
            s, pid, YEAR + 1, operator="A", version=cover.version
        )
    assert removed_post.id == post_id and removed_cover is not None
    with db.session() as s:
        assert roster.restore_post(s, pid, removed_post, operator="A").id == post_id
        assert roster.restore_coverage(s, pid, removed_cover, operator="A").id == cover.id
        detail = roster.get_person(s, pid)
    assert [p.data for p in detail.posts] == [post.data]
    assert [c.data.tahun for c in detail.coverages] == [YEAR, YEAR + 1]
    with pytest.raises(ConcurrentEditError), db.session() as s:  # that year has a row again
        roster.restore_coverage(s, pid, removed_cover, operator="A")


def test_local_codes_scenarios_and_the_profile_come_back(village: Village) -> None:
    db = village.db
    with db.session() as s:
        added = bs.add_local_code(
            s, jenis="rekening", kode="5.1.3.93", uraian="Iuran Linmas", operator="A"
        )
        code = bs.remove_local_code(
            s, jenis="rekening", kode="5.1.3.93", operator="A", version=added.version
        )
        assert code == added
        code = bs.restore_local_code(s, code, operator="A")
        assert bs.local_codes(s) == [code] and code.id == added.id
        saved = scenarios.save_scenario(
            s, year=YEAR, name="Hemat", params=scenarios.ScenarioParams(pagu=5), operator="A",
            version=ABSENT,
        )  # fmt: skip
        gone = scenarios.delete_scenario(
            s, year=YEAR, name="Hemat", operator="A", version=saved.version
        )
        back = scenarios.restore_scenario(s, gone, operator="A")
        assert (back.id, back.dibuat, back.params_json) == (
            saved.id,
            saved.dibuat,
            saved.params_json,
        )
        profile = get_profile(s)
        assert profile is not None
        removed = remove_profile(s, version=profile.version, operator="A")
        assert get_profile(s) is None
        assert save_profile(s, replace(removed, version=None), operator="A").nama_desa == "Uji"
    with db.session() as s:  # a colleague removes the code and adds it again: a new row
        bs.remove_local_code(s, jenis="rekening", kode="5.1.3.93", operator="B")
        bs.add_local_code(s, jenis="rekening", kode="5.1.3.93", uraian="Linmas B", operator="B")
    with pytest.raises(ConcurrentEditError), db.session() as s:
        bs.remove_local_code(
            s, jenis="rekening", kode="5.1.3.93", operator="A", version=code.version
        )
    with pytest.raises(ConcurrentEditError), db.session() as s:
        bs.restore_local_code(s, code, operator="A")


def test_an_adoption_is_withdrawn_and_restored_exactly(village: Village) -> None:
    db, rules = village.db, load_rules()
    with db.session() as s:
        murni = versions.adopt_version(
            s, rules, year=YEAR, jenis="murni", nomor_perdes="3", operator="A"
        )
    with db.session() as s:
        record = versions.withdraw_version(
            s, year=YEAR, jenis="murni", version=murni.version, operator="A"
        )
        assert versions.list_versions(s, YEAR) == []
    with db.session() as s:  # the roster changes meanwhile; the restored murni keeps its numbers
        cover = roster.get_person(s, village.person_id).coverages[0]
        roster.set_coverage(
            s, village.person_id, replace(cover.data, dasar_upah=3_000_000), operator="B"
        )
        restored = versions.restore_version(s, record, operator="A")
    assert replace(restored, version=murni.version) == murni
    with db.session() as s:
        versions.adopt_version(s, rules, year=YEAR, jenis="perubahan", operator="B")
    with pytest.raises(UserError, match="sudah ditetapkan"), db.session() as s:
        versions.withdraw_version(
            s, year=YEAR, jenis="murni", version=restored.version, operator="A"
        )
    with pytest.raises(ConcurrentEditError), db.session() as s:  # not the adoption A made
        versions.withdraw_version(
            s, year=YEAR, jenis="perubahan", version=restored.version, operator="A"
        )
    with db.session() as s:
        assert [v.jenis for v in versions.list_versions(s, YEAR)] == ["murni", "perubahan"]
