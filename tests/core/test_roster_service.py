"""The roster editing service: validation, every change audited, the year's amounts per person."""

from dataclasses import replace
from datetime import date

import pytest
from roster_helpers import make_nik, new_db
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.roster.data import Limits
from desa_budget.store.models import AuditEntry, Coverage, Person, Post

YEAR = 2025
BORN = date(1980, 5, 17)


def rt_person(serial: int = 1, nama: str = "Slamet") -> roster.PersonData:
    return roster.PersonData(make_nik(BORN, "L", serial), nama, "L", BORN)


def rt_post(**changes: object) -> roster.PostData:
    values: dict[str, object] = {"kategori": "rt_rw", "jabatan": "Ketua RT 01"} | changes
    return roster.PostData(**values)  # type: ignore[arg-type]


def pu_2jt(year: int = YEAR) -> roster.CoverageData:
    return roster.CoverageData(year, "PU", 2_000_000, ("JKK", "JKM"), status_bpjs="terdaftar")


def bpu_1jt(year: int = YEAR) -> roster.CoverageData:
    return roster.CoverageData(year, "BPU", 1_000_000, ("JKK", "JKM"))


def audit_rows(s, entitas: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    return list(s.scalars(select(AuditEntry).where(AuditEntry.entitas == entitas)))


def test_add_and_get_person_with_audit(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        pid = roster.add_person(s, rt_person(), [rt_post()], pu_2jt(), operator="Budi")
    with db.session() as s:
        detail = roster.get_person(s, pid)
        assert detail.person == rt_person()
        assert [p.data for p in detail.posts] == [rt_post()]
        assert detail.coverage_for(YEAR) == pu_2jt()
        assert detail.coverage_for(YEAR - 1) is None
        people = audit_rows(s, "person")
        assert {e.operator for e in people} == {"Budi"}
        nama = [e for e in people if e.kolom == "nama"]
        assert nama and nama[0].nilai_lama is None and nama[0].nilai_baru == "Slamet"
        assert audit_rows(s, "post") and audit_rows(s, "coverage")


def test_invalid_person_is_refused_and_nothing_written(tmp_path):
    db = new_db(tmp_path)
    woman_with_male_nik = roster.PersonData(make_nik(BORN, "L", 1), "Sri", "P", BORN)
    with pytest.raises(UserError) as info, db.session() as s:
        roster.add_person(s, woman_with_male_nik, [rt_post()], pu_2jt(), operator="x")
    assert any(line.startswith("NIK:") for line in info.value.details)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_duplicate_nik_is_refused(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        roster.add_person(s, rt_person(), [rt_post()], pu_2jt(), operator="x")
    with pytest.raises(UserError, match="sudah terdaftar atas nama Slamet"), db.session() as s:
        roster.add_person(s, rt_person(nama="Lain"), [rt_post()], pu_2jt(), operator="x")


def test_validation_rules():
    person = rt_person()
    low_bpu = roster.CoverageData(YEAR, "BPU", 900_000, ("JKK", "JKM"))
    jp_bpu = roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JKM", "JP"))
    kaur = roster.PostData("perangkat_desa", "Kaur Umum")
    low_pu = roster.CoverageData(YEAR, "PU", 2_000_000, ("JKK", "JKM"))
    limits = Limits(siltap_minimum={"perangkat_desa": 2_022_200})

    def found(coverage, post=kaur):  # type: ignore[no-untyped-def]
        problems = roster.validate_person(person, [post], coverage, limits=limits)
        return {(p.field, p.severity) for p in problems}

    assert ("dasar_upah", "error") in found(low_bpu)
    assert ("programs", "error") in found(jp_bpu)
    # BPU JHT is an addition to JKK + JKM, never on its own (the form and the import both use this)
    jht_only = roster.CoverageData(YEAR, "BPU", 1_000_000, ("JHT",))
    jht_jkk = roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JHT"))
    for coverage in (jht_only, jht_jkk):
        problems = roster.validate_person(person, [rt_post()], coverage, limits=limits)
        (message,) = [p.message for p in problems if p.field == "programs" and p.is_error]
        assert "JHT" in message and "JKK dan JKM" in message
    with_all = roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JKM", "JHT"))
    assert ("programs", "error") not in found(with_all, rt_post())
    assert ("dasar_upah", "warning") in found(low_pu)
    assert ("dasar_upah", "warning") not in found(low_pu, rt_post())
    ended_first = roster.PostData(
        "rt_rw", "Ketua RT", mulai=date(2025, 5, 1), akhir=date(2025, 1, 1)
    )
    assert ("akhir", "error") in found(pu_2jt(), ended_first)
    no_pay = roster.PostData("kepala_desa", "Kepala Desa", penghasilan=0)
    assert ("penghasilan", "error") in found(pu_2jt(), no_pay)
    assert ("penghasilan", "error") not in found(pu_2jt(), replace(no_pay, penghasilan=4_000_000))


def test_siltap_minimums_are_those_of_the_coverage_year_not_the_clock_s() -> None:
    # PP 11/2019's minimums apply from January 2020: a 2019 basis of Rp1.500.000 for a kaur is
    # no breach, the same basis in 2025 is.
    kaur = ["perangkat_desa"]
    before = roster.validate_coverage(
        roster.CoverageData(2019, "PU", 1_500_000, ("JKK", "JKM")), kaur
    )
    assert not [p for p in before if p.field == "dasar_upah"]
    after = roster.validate_coverage(
        roster.CoverageData(2025, "PU", 1_500_000, ("JKK", "JKM")), kaur
    )
    assert [p.severity for p in after if p.field == "dasar_upah"] == ["warning"]


def test_update_person_audits_old_and_new(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        pid = roster.add_person(s, rt_person(), [rt_post()], pu_2jt(), operator="x")
    with db.session() as s:
        roster.update_person(s, pid, rt_person(nama="Slamet Riyadi"), operator="Ani")
    with db.session() as s:
        assert roster.get_person(s, pid).person.nama == "Slamet Riyadi"
        change = [e for e in audit_rows(s, "person") if e.operator == "Ani"]
        assert [(e.kolom, e.nilai_lama, e.nilai_baru) for e in change] == [
            ("nama", "Slamet", "Slamet Riyadi")
        ]


def test_stale_version_is_refused(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        pid = roster.add_person(s, rt_person(), [rt_post()], pu_2jt(), operator="x")
    with db.session() as s:
        seen = roster.get_person(s, pid).version
    with db.session() as s:
        roster.update_person(s, pid, rt_person(nama="Pertama"), operator="a", version=seen)
    with pytest.raises(StaleDataError), db.session() as s:
        roster.update_person(s, pid, rt_person(nama="Kedua"), operator="b", version=seen)


def test_list_roster_amounts_end_post_and_coverage_years(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        rt = roster.add_person(s, rt_person(1), [rt_post()], pu_2jt(), operator="x")
        rentan_post = roster.PostData("pekerja_rentan", "Petani", mulai=date(YEAR, 7, 1))
        rentan = roster.add_person(
            s, rt_person(2, "Paimin"), [rentan_post], bpu_1jt(), operator="x"
        )
        gone_post = rt_post(jabatan="Ketua RT 02", akhir=date(YEAR - 1, 12, 31))
        gone = roster.add_person(s, rt_person(3, "Karto"), [gone_post], pu_2jt(), operator="x")
    with db.session() as s:
        rows = {r.person_id: r for r in roster.list_roster(s, YEAR)}
        assert rows[rt].desa == 129_600 and rows[rt].months == 12 and rows[rt].aktif
        assert rows[rentan].desa == 100_800 and rows[rentan].months == 6
        assert rows[gone].keadaan == "berakhir" and rows[gone].desa == 0
    with db.session() as s:
        post_id = roster.get_person(s, rt).posts[0].id
        roster.end_post(s, post_id, date(YEAR, 3, 15), operator="x")
        roster.set_coverage(s, rt, bpu_1jt(YEAR + 1), operator="x")
    with db.session() as s:
        rows = {r.person_id: r for r in roster.list_roster(s, YEAR)}
        assert rows[rt].months == 3 and rows[rt].desa == 3 * 10_800
        detail = roster.get_person(s, rt)
        assert detail.coverage_for(YEAR) == pu_2jt() and detail.coverage_for(YEAR + 1) == bpu_1jt(
            YEAR + 1
        )
        assert any(
            e.keterangan == "akhiri jabatan" and e.kolom == "akhir" for e in audit_rows(s, "post")
        )


def test_delete_person_removes_posts_and_coverage(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        pid = roster.add_person(s, rt_person(), [rt_post()], pu_2jt(), operator="x")
    with db.session() as s:
        roster.delete_person(s, pid, operator="x")
    with db.session() as s:
        for model in (Person, Post, Coverage):
            assert s.scalar(select(func.count()).select_from(model)) == 0
        removed = [e for e in audit_rows(s, "person") if e.keterangan == "hapus orang"]
        assert any(e.kolom == "nama" and e.nilai_lama == "Slamet" for e in removed)


def test_roster_totals_count_everyone_listed_but_only_the_village_s_money() -> None:
    from desa_budget.roster.read import RosterRow, roster_totals

    def row(person_id: int, dibayar_oleh: str, desa: int, potongan: int) -> RosterRow:
        return RosterRow(
            **{
                **{f: None for f in RosterRow.__dataclass_fields__},
                "person_id": person_id,
                "dibayar_oleh": dibayar_oleh,
                "desa": desa,
                "potongan": potongan,
            }
        )

    rows = [row(1, "desa", 201_600, 0), row(2, "pemda", 194_400, 0), row(3, "desa", 1_000, 500)]
    totals = roster_totals(rows)
    # three persons listed; the Pemda-paid 194.400 is not APBDes spending
    assert (totals.persons, totals.desa, totals.potongan) == (3, 202_600, 500)
