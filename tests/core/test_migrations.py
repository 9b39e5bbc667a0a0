"""Migrations: an empty database and the first release's database both reach head, with their
data and no drift between the models and the migrated schema."""

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, MetaData, create_engine, func, insert, inspect, select, text
from store_helpers import Backend, backend_fixture, pg_database

from desa_budget.budget.scenarios import list_scenarios
from desa_budget.budget.settings import (
    effective_mapping,
    get_budget_year,
    local_codes,
)
from desa_budget.budget.versions import draft, list_versions, load_version
from desa_budget.roster import service as roster
from desa_budget.roster.read import find_person_id, get_person, list_roster
from desa_budget.rules import load_rules
from desa_budget.store.audit import list_audit
from desa_budget.store.backup import list_backups
from desa_budget.store.database import (
    Database,
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    read_sqlite_state,
)
from desa_budget.store.opening import open_database
from desa_budget.village.profile import get_profile

backend = backend_fixture()
RULES = load_rules()


def test_empty_database_reaches_head_and_matches_the_models(backend: Backend) -> None:
    db = backend.open()
    with db.engine.connect() as conn:
        # alembic check: raises when the models hold changes no migration has made yet
        command.check(alembic_config(conn))
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )


def _at_revision(url: str, revision: str) -> Engine:
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    return engine


# The village the first release left behind (tests/fixtures/make_rev0001_db.py made it through
# ``alembic upgrade 0001`` and the app's services). Hand-computed yearly amounts for 2025:
#   Slamet Riyadi, kepala desa, 3.800.000 PU JKK+JKM+JHT+JP, 12 months   4.213.440
#   Sri Wahyuni, sekdes, 2.500.000, worker share withheld (potongan 900.000)  1.872.000
#   Bambang Wibowo, kaur until 30-09, 2.100.000, JKK class 2, 9 months     1.803.060
#   Dewi Lestari, staf, 1.500.000 JKK+JKM (on the local rekening 5.1.3.95)    97.200
#   Haryanto, ketua BPD, paid by the pemda: not in the desa's lines           (77.760)
#   Tarno, ketua RT, 1.500.000 JKK+JKM when the murni was adopted             97.200
#   Painem, pekerja rentan from March, BPU 1.000.000 JKK+JKM, 10 months      168.000
#   APBDes Murni = 8.250.900; Tarno was then raised to 2.000.000 (+32.400 a year).
# When a migration is added, leave the file as it is: this test is what shows the new migration
# keeps a real village's data (and takes the pre-migrate branch below).
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "rev0001.sqlite3"
FIXTURE_REVISION = "0001"
YEAR = 2025
MURNI_TOTAL = 8_250_900
DRAFT_TOTAL = MURNI_TOTAL + 32_400
# In the order they were added.
NAMES = ["Slamet Riyadi", "Sri Wahyuni", "Bambang Wibowo", "Dewi Lestari", "Tarno", "Haryanto",
         "Painem"]  # fmt: skip
AUDIT_ENTRIES = 168


def load_fixture_into(url: str) -> None:
    """The fixture's rows in a server database at the fixture's revision (made by Alembic)."""
    source = create_engine(f"sqlite:///{FIXTURE.as_uri()}?mode=ro&immutable=1&uri=true")
    target = _at_revision(url, FIXTURE_REVISION)
    try:
        old, new = MetaData(), MetaData()
        old.reflect(source)
        new.reflect(target)
        with source.connect() as read, target.begin() as write:
            for table in new.sorted_tables:
                if table.name == "alembic_version":
                    continue
                rows = [dict(r._mapping) for r in read.execute(select(old.tables[table.name]))]
                if rows:
                    write.execute(insert(table), rows)
                if "id" in table.c:  # the next id after the copied ones, as the app left it
                    last = select(func.max(table.c.id)).scalar_subquery()
                    sequence = func.pg_get_serial_sequence(table.name, "id")
                    write.execute(select(func.setval(sequence, last)))
    finally:
        source.dispose()
        target.dispose()


def assert_the_village_is_intact(db: Database) -> None:
    """What the secretary saved before the upgrade: roster, codes, budget, versions, history."""
    with db.session() as s:
        profile = get_profile(s)
        assert profile is not None
        assert (profile.nama_desa, profile.kepala_desa_nama, profile.target_pekerja_rentan) == (
            "Karangcegak", "Slamet Riyadi", 50,
        )  # fmt: skip
        rows = list_roster(s, YEAR, rules=RULES)
        assert sorted(r.nama for r in rows) == sorted(NAMES)
        by_name = {r.nama: r for r in rows}
        assert by_name["Bambang Wibowo"].months == 9  # his post ended on 30 September
        assert by_name["Sri Wahyuni"].jumlah_jabatan == 2
        slamet = get_person(s, by_name["Slamet Riyadi"].person_id)
        assert slamet.person.nik == "3302121405720001"
        assert slamet.person.tanggal_lahir == date(1972, 5, 14)
        assert [(c.data.tahun, c.data.dasar_upah) for c in slamet.coverages] == [
            (YEAR - 1, 3_500_000), (YEAR, 3_800_000),
        ]  # fmt: skip
        assert slamet.coverages[-1].data.nomor_kpj == "19011234567"
        sri = get_person(s, by_name["Sri Wahyuni"].person_id)
        assert [(p.data.jabatan, p.data.mulai, p.data.akhir) for p in sri.posts] == [
            ("Sekretaris Desa", date(2020, 3, 1), None),
            ("Plt. Kaur Keuangan", date(YEAR, 7, 1), date(YEAR, 7, 31)),
        ]
        assert local_codes(s)[0].kode == "5.1.3.95"
        assert effective_mapping(s)["rt_rw"].sumber_dana == "PAD"
        budget_year = get_budget_year(s, YEAR)
        assert (budget_year.tahun, budget_year.total_belanja, budget_year.pagu) == (
            YEAR, 1_450_000_000, 12_000_000,
        )  # fmt: skip
        (murni,) = list_versions(s, YEAR)
        assert (murni.jenis, murni.nomor_perdes, murni.total, murni.potongan) == (
            "murni", "7", MURNI_TOTAL, 900_000,
        )  # fmt: skip
        frozen = load_version(s, YEAR, "murni")
        assert frozen.lines.total == sum(line.jumlah for line in frozen.lines.lines) == MURNI_TOTAL
        assert {line.rekening for line in frozen.lines.lines} >= {"5.1.3.95", "5.2.2.03"}
        live = draft(s, RULES, YEAR)
        assert (live.jenis, live.lines.total) == ("perubahan", DRAFT_TOTAL)
        assert [sc.nama for sc in list_scenarios(s, YEAR)] == ["Dasar saja"]
        history = list_audit(s, limit=1000)
        assert len(history) == AUDIT_ENTRIES
        assert {e.operator for e in history} == {"Sri Wahyuni"}
        assert any(e.keterangan == "versi anggaran ditetapkan" for e in history)


def assert_still_editable(db: Database) -> None:
    """New rows get fresh ids and the optimistic lock still works after the upgrade."""
    with db.session() as s:
        tarno = find_person_id(s, "3302120312680005")
        assert tarno is not None
        detail = get_person(s, tarno)
        roster.update_person(
            s, tarno, replace(detail.person, nama="Tarno Wiryo"), operator="uji",
            version=detail.version,
        )  # fmt: skip
        born = date(1999, 9, 9)
        added = roster.add_person(
            s, roster.PersonData("3302120909990008", "Baru", "L", born),
            [roster.PostData("rt_rw", "Ketua RT 03")],
            roster.CoverageData(YEAR, "PU", 1_500_000, ("JKK", "JKM")), operator="uji",
        )  # fmt: skip
        assert added == len(NAMES) + 1
        # After 0006 a perangkat taken from Siskeudes is stored without NIK, sex or birth date,
        # two of them without colliding on the NIK's unique constraint.
        for nama in ("Wagiman", "Wagimin"):
            roster.add_incomplete_person(
                s, roster.PersonData("", nama, "", None),
                [roster.PostData("perangkat_desa", "Kepala Dusun")], operator="uji",
            )  # fmt: skip
    with db.session() as s:
        assert get_person(s, tarno).person.nama == "Tarno Wiryo"
        incomplete = [r for r in list_roster(s, YEAR, rules=RULES) if r.missing]
        assert sorted(r.nama for r in incomplete) == ["Wagiman", "Wagimin"]


def test_the_fixture_is_a_database_of_its_revision() -> None:
    state = read_sqlite_state(FIXTURE)
    assert state.ours and not state.empty and state.revision == FIXTURE_REVISION
    assert FIXTURE_REVISION in known_revisions()


def test_first_release_database_is_upgraded_with_its_data(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, data_dir / "jamsos_desa.sqlite3")
    db = open_database(data_dir=data_dir)
    try:
        assert current_revision(db) == head_revision()
        assert_the_village_is_intact(db)
        with db.engine.connect() as conn:
            command.check(alembic_config(conn))  # the upgraded schema is what the models say
        backups = list_backups(db)
        before = [b for b in backups if b.kind == "pre-migrate"]
        if FIXTURE_REVISION == head_revision():
            assert before == []  # already at head: opened as it is, nothing migrated
        else:  # the file as it was, kept before migrating
            assert len(before) == 1, "no backup of the file as it was before migrating"
            (kept,) = before
            assert read_sqlite_state(kept.path).revision == FIXTURE_REVISION
            with closing(sqlite3.connect(kept.path)) as conn:
                kept_names = [r[0] for r in conn.execute("SELECT nama FROM person ORDER BY id")]
            assert kept_names == NAMES
        assert [b.kind for b in backups].count("auto") == 1  # and today's daily backup
        assert_still_editable(db)
    finally:
        db.dispose()


@pytest.mark.postgres
def test_first_release_database_on_a_server_is_upgraded_with_its_data() -> None:
    with pg_database() as url:
        load_fixture_into(url)
        db = open_database(url=url)
        try:
            assert current_revision(db) == head_revision()
            assert_the_village_is_intact(db)
            with db.engine.connect() as conn:
                command.check(alembic_config(conn))
            assert_still_editable(db)
        finally:
            db.dispose()


def test_database_at_base_is_backed_up_before_upgrading(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'jamsos_desa.sqlite3'}"
    engine = _at_revision(url, "head")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
        assert inspect(conn).get_table_names() == ["alembic_version"]  # downgrade drops it all
    engine.dispose()
    db = open_database(data_dir=tmp_path)
    (before,) = [b for b in list_backups(db) if b.kind == "pre-migrate"]
    with db.engine.connect() as conn:
        assert "person" in inspect(conn).get_table_names()
    db.dispose()
    old = create_engine(f"sqlite:///{before.path}")
    with old.connect() as conn:
        assert inspect(conn).get_table_names() == ["alembic_version"]  # the state before
    old.dispose()


def test_head_constant_names_the_newest_migration() -> None:
    """A database at HEAD opens without Alembic; HEAD must follow every new migration script."""
    from desa_budget.store.database import head_revision
    from desa_budget.store.migrations import HEAD

    assert HEAD == head_revision()
