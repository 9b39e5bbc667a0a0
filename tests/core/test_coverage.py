"""The year's coverage decision on SQLite and PostgreSQL: applying a plan pays only whom it covers,
clearing returns to the roster, restoring (undo) brings the same decision back, a stale step is
refused, and later roster changes are never paid silently. Figures: coverage_helpers."""

from dataclasses import replace

import pytest
from coverage_helpers import (
    PAGU,
    PLAN,
    RENTAN_YEAR,
    ROSTER_TOTAL,
    USED,
    YEAR,
    add_rentan,
    plan_village,
)
from store_helpers import Backend, backend_fixture

from desa_budget.budget import coverage
from desa_budget.budget import settings as bs
from desa_budget.budget.findings import coverage_findings, pagu_gap, year_findings
from desa_budget.contributions.simulation import simulate
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.roster.read import DITANGGUNG, SEBAGIAN, TIDAK, list_roster
from desa_budget.rules import load_rules
from desa_budget.store.audit import list_audit
from desa_budget.store.database import ConcurrentEditError, Database
from desa_budget.store.versioning import ABSENT

backend = backend_fixture()
RULES = load_rules()
STALE = "diubah oleh pengguna lain"


@pytest.fixture
def village(backend: Backend) -> tuple[Database, dict[str, int]]:
    db = backend.open()
    return db, plan_village(db)


def desa_total(db: Database) -> int:
    with db.session() as s:
        return simulate(s, RULES, YEAR).desa


def paid_names(db: Database) -> list[str]:
    with db.session() as s:
        return [p.nama for p in simulate(s, RULES, YEAR).persons]


def test_apply_pays_only_whom_the_plan_covers(village) -> None:  # type: ignore[no-untyped-def]
    db, _ids = village
    assert desa_total(db) == ROSTER_TOTAL  # nothing applied: the whole roster
    with db.session() as s:
        applied = coverage.apply_plan(s, RULES, YEAR, PLAN, operator="Ani")
    assert (applied.pagu, applied.mode, applied.used) == (PAGU, "strict", USED)
    assert applied.version != ABSENT
    assert desa_total(db) == USED == sum(p.desa for p in applied.persons)
    assert paid_names(db) == ["Suparno", "Tarno", "Painem", "Sumiyati"]
    with db.session() as s:
        sim = simulate(s, RULES, YEAR)
        rows = {r.nama: r for r in list_roster(s, YEAR, rules=RULES)}
    assert sim.roster_total == 6
    assert sim.coverage is not None
    assert [(p.nama, p.programs, p.paid) for p in sim.coverage.left_out] == [
        ("Tumini", ("JKK", "JKM"), ()),
        ("Wartini", ("JKK", "JKM"), ()),
    ]
    assert {n: r.ditanggung for n, r in rows.items()} == {
        "Suparno": DITANGGUNG, "Tarno": DITANGGUNG, "Painem": DITANGGUNG,
        "Sumiyati": DITANGGUNG, "Tumini": TIDAK, "Wartini": TIDAK,
    }  # fmt: skip
    assert (rows["Tumini"].desa, rows["Painem"].desa) == (0, RENTAN_YEAR)
    with db.session() as s:
        (entry, *_rest) = [e for e in list_audit(s) if e.entitas == "rencana_tahun"]
    assert entry.operator == "Ani" and entry.keterangan == "rencana diterapkan ke anggaran"


def test_clear_returns_to_the_roster_and_restore_brings_the_same_decision(village) -> None:  # type: ignore[no-untyped-def]
    db, ids = village
    with db.session() as s:
        applied = coverage.apply_plan(s, RULES, YEAR, PLAN, operator="Ani")
    with db.session() as s:
        cleared = coverage.clear_plan(s, YEAR, operator="Ani", version=applied.version)
    assert cleared == applied
    assert desa_total(db) == ROSTER_TOTAL
    # Restored as decided, not planned anew: a rentan added meanwhile is still not paid.
    add_rentan(db, "Ngatini", 9)
    with db.session() as s:
        restored = coverage.restore_plan(s, cleared, operator="Ani", version=ABSENT)
    # the same decision is the same content: the same version, so an older undo step still fits
    assert restored.persons == applied.persons and restored.version == applied.version
    assert desa_total(db) == USED
    assert "Ngatini" not in paid_names(db)
    with db.session() as s:
        assert coverage.read_applied(s, YEAR) == restored
        kinds = [e.keterangan for e in list_audit(s) if e.entitas == "rencana_tahun"]
    assert list(dict.fromkeys(kinds)) == [  # one entry per column changed
        "rencana dipulihkan",
        "rencana dilepas: anggaran kembali ke daftar peserta",
        "rencana diterapkan ke anggaran",
    ]
    assert ids  # the village's people are untouched by all of this


def test_applying_again_replaces_and_restoring_the_old_one_is_the_undo(village) -> None:  # type: ignore[no-untyped-def]
    db, _ids = village
    with db.session() as s:
        first = coverage.apply_plan(s, RULES, YEAR, PLAN, operator="Ani")
    bigger = replace(PLAN, pagu=ROSTER_TOTAL)
    with db.session() as s:
        second = coverage.apply_plan(s, RULES, YEAR, bigger, operator="Ani", version=first.version)
    assert desa_total(db) == ROSTER_TOTAL and second.used == ROSTER_TOTAL
    with db.session() as s:
        back = coverage.restore_plan(s, first, operator="Ani", version=second.version)
    assert desa_total(db) == USED and back.pagu == PAGU


def stale(db: Database, step) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConcurrentEditError, match=STALE), db.session() as s:
        step(s)


def test_a_stale_apply_clear_or_restore_is_refused(village) -> None:  # type: ignore[no-untyped-def]
    db, _ids = village
    with db.session() as s:
        seen = coverage.apply_plan(s, RULES, YEAR, PLAN, operator="A")  # A's page shows this
    with db.session() as s:  # B applies another plan meanwhile
        theirs = coverage.apply_plan(
            s, RULES, YEAR, replace(PLAN, pagu=ROSTER_TOTAL), operator="B", version=seen.version
        )
    stale(db, lambda s: coverage.clear_plan(s, YEAR, operator="A", version=seen.version))
    stale(db, lambda s: coverage.apply_plan(s, RULES, YEAR, PLAN, operator="A", version=ABSENT))
    stale(db, lambda s: coverage.restore_plan(s, seen, operator="A", version=seen.version))
    with db.session() as s:  # B clears; A's undo of a clear that B already undid is refused
        coverage.clear_plan(s, YEAR, operator="B", version=theirs.version)
    stale(db, lambda s: coverage.clear_plan(s, YEAR, operator="A", version=theirs.version))
    stale(db, lambda s: coverage.restore_plan(s, seen, operator="A", version=theirs.version))
    assert desa_total(db) == ROSTER_TOTAL  # B's clear stands


def test_the_roster_changed_after_applying_is_not_paid_silently(village) -> None:  # type: ignore[no-untyped-def]
    db, ids = village
    with db.session() as s:
        bs.set_pagu(s, YEAR, PAGU, operator="Ani")
        coverage.apply_plan(s, RULES, YEAR, PLAN, operator="Ani")
    with db.session() as s:
        assert [f.kode for f in coverage_findings(s, simulate(s, RULES, YEAR))] == ["rencana"]
    add_rentan(db, "Ngatini", 9)
    with db.session() as s:  # the kades' JP is taken off the roster
        detail = roster.get_person(s, ids["Suparno"])
        kept = replace(detail.coverages[-1].data, programs=("JKK", "JKM", "JHT"))
        roster.set_coverage(s, ids["Suparno"], kept, operator="Ani")
    with db.session() as s:
        sim = simulate(s, RULES, YEAR)
        found = coverage_findings(s, sim)
        rows = {r.nama: r for r in list_roster(s, YEAR, rules=RULES)}
    assert sim.desa == USED - 1_368_000  # JP no longer paid, Ngatini not paid
    assert rows["Ngatini"].ditanggung == TIDAK and rows["Suparno"].ditanggung == DITANGGUNG
    assert [f.message for f in found if f.severity == "warning"] == [
        "Rencana perlu diterapkan ulang: 1 orang masuk daftar sesudah rencana diterapkan dan "
        "belum ditanggung (Ngatini).",
        "Rencana perlu diterapkan ulang: program 1 orang di daftar berubah sesudah rencana "
        "diterapkan (Suparno).",
    ]
    (ngatini,) = [p for p in sim.coverage.left_out if p.nama == "Ngatini"]  # type: ignore[union-attr]
    assert ngatini.after_plan and not ngatini.paid


def test_a_program_added_to_someone_after_applying_is_not_paid(village) -> None:  # type: ignore[no-untyped-def]
    db, ids = village
    with db.session() as s:
        coverage.apply_plan(s, RULES, YEAR, PLAN, operator="Ani")
    with db.session() as s:  # Painem now also wants JHT (2 % of 1.000.000 = 20.000 a month)
        detail = roster.get_person(s, ids["Painem"])
        more = replace(detail.coverages[-1].data, programs=("JKK", "JKM", "JHT"))
        roster.set_coverage(s, ids["Painem"], more, operator="Ani")
    with db.session() as s:
        rows = {r.nama: r for r in list_roster(s, YEAR, rules=RULES)}
    assert desa_total(db) == USED
    assert (rows["Painem"].ditanggung, rows["Painem"].paid) == (SEBAGIAN, ("JKK", "JKM"))


def test_pagu_gap_before_a_plan_and_a_changed_pagu_after(village) -> None:  # type: ignore[no-untyped-def]
    db, _ids = village
    with db.session() as s:
        assert coverage_findings(s, simulate(s, RULES, YEAR)) == ()  # no pagu saved
        bs.set_pagu(s, YEAR, PAGU, operator="Ani")
    with db.session() as s:
        sim = simulate(s, RULES, YEAR)
        gap = pagu_gap(s, sim)
        (warning,) = coverage_findings(s, sim)
        assert warning in year_findings(s, sim)
    assert gap is not None and gap.selisih == ROSTER_TOTAL - PAGU == 317_040
    assert warning.message == (
        "Iuran seluruh daftar peserta Rp5.117.040 melebihi pagu Rp4.800.000: selisih "
        "Rp317.040. Terapkan rencana di Simulasi & Rencana, atau ubah pagu."
    )
    assert (warning.target_kind, warning.target) == ("rencana", str(YEAR))
    with db.session() as s:
        coverage.apply_plan(s, RULES, YEAR, PLAN, operator="Ani")
    with db.session() as s:
        assert pagu_gap(s, simulate(s, RULES, YEAR)) is None
        bs.set_pagu(s, YEAR, 4_500_000, operator="Ani")
    with db.session() as s:
        messages = [f.message for f in coverage_findings(s, simulate(s, RULES, YEAR))]
    assert messages[0] == (
        "Rencana perlu diterapkan ulang: pagu tahun ini Rp4.500.000, rencana yang diterapkan "
        "memakai pagu Rp4.800.000."
    )


def test_a_scenario_narrows_programs_and_refuses_choices_the_budget_does_not_pay(village) -> None:  # type: ignore[no-untyped-def]
    db, _ids = village
    basic_only = replace(PLAN, programs={"kepala_desa": ("JKK", "JKM")})
    with db.session() as s:
        applied = coverage.apply_plan(s, RULES, YEAR, basic_only, operator="Ani")
    suparno = next(p for p in applied.persons if p.nama == "Suparno")
    assert suparno.programs == ("JKK", "JKM") and suparno.desa == 246_240
    assert desa_total(db) == applied.used
    for refused in (replace(PLAN, bpu_discount=True), replace(PLAN, iuran_pekerja="potong")):
        with pytest.raises(UserError, match="iuran pekerja atau diskon BPU"), db.session() as s:
            coverage.apply_plan(s, RULES, YEAR, refused, operator="Ani", version=applied.version)
    # A scenario giving every pekerja rentan JHT would pay what their roster rows lack.
    more = replace(PLAN, pagu=99_000_000, programs={"pekerja_rentan": ("JKK", "JKM", "JHT")})
    with pytest.raises(UserError, match=r"tidak ada di daftar peserta: Painem \(JHT\)"):
        with db.session() as s:
            coverage.apply_plan(s, RULES, YEAR, more, operator="Ani", version=applied.version)
    assert desa_total(db) == applied.used  # the refused plans changed nothing


def test_clearing_a_year_without_a_plan_says_so(village) -> None:  # type: ignore[no-untyped-def]
    db, _ids = village
    with pytest.raises(UserError, match="belum punya rencana"), db.session() as s:
        coverage.clear_plan(s, YEAR, operator="Ani")


def test_a_program_that_costs_nothing_this_year_is_not_called_left_out(village) -> None:  # type: ignore[no-untyped-def]
    """Kasi Karto, born 1 January 1960, reached the JP age (57/58/59) years before 2025: his JP
    costs nothing all year, so the planner never prices it. He is covered in full ("Ya"), not
    "partly", and the plan's cost is unchanged (the roster costs his JKK+JKM+JHT only:
    2.000.000 x (0,24 + 0,30 + 5,7) % = 124.800 a month, 1.497.600 a year)."""
    from datetime import date

    from roster_helpers import make_nik

    db, _ids = village
    born = date(1960, 1, 1)
    with db.session() as s:
        roster.add_person(
            s,
            roster.PersonData(make_nik(born, "L", 21), "Karto", "L", born),
            [roster.PostData("perangkat_desa", "Kasi Pelayanan")],
            roster.CoverageData(YEAR, "PU", 2_000_000, ("JKK", "JKM", "JHT", "JP")),
            operator="uji",
        )
    with db.session() as s:
        applied = coverage.apply_plan(s, RULES, YEAR, replace(PLAN, pagu=99_000_000), operator="A")
    karto = next(p for p in applied.persons if p.nama == "Karto")
    assert karto.programs == ("JKK", "JKM", "JHT", "JP") and karto.desa == 1_497_600
    with db.session() as s:
        rows = {r.nama: r for r in list_roster(s, YEAR, rules=RULES)}
        sim = simulate(s, RULES, YEAR)
    assert rows["Karto"].ditanggung == DITANGGUNG
    assert sim.coverage is not None and sim.coverage.left_out == ()
    assert sim.desa == applied.used == ROSTER_TOTAL + 1_497_600
