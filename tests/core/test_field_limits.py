"""One length limit per text field, the columns' own, enforced by the core on every database: the
form (the service), the import and the command line refuse an over-long Jabatan or Nomor SK with
one sentence, and nothing reaches the tables or the audit log."""

from dataclasses import replace

import pytest
from roster_helpers import make_nik, row, write_rows
from sqlalchemy import String, func, select
from store_helpers import Backend, backend_fixture
from village_helpers import BORN, YEAR, one_person_village

from desa_budget.cli import main
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.roster.data import MAX_LENGTH
from desa_budget.store.models import AuditEntry, Coverage, Person, Post, VillageProfile
from desa_budget.village.profile import _TEXT_FIELDS as PROFILE_FIELDS

backend = backend_fixture()


def column_length(name: str) -> int:
    for model in (Person, Post, Coverage):
        if name in model.__table__.c:
            kind = model.__table__.c[name].type
            assert isinstance(kind, String) and kind.length is not None
            return int(kind.length)
    raise AssertionError(f"no column {name}")


def test_every_limit_is_its_columns_length() -> None:
    for name, limit in MAX_LENGTH.items():
        assert limit == column_length(name), name
    for name, (_label, _required, limit) in PROFILE_FIELDS.items():
        assert limit == VillageProfile.__table__.c[name].type.length, name  # type: ignore[attr-defined]
    texts = {
        c.name for m in (Person, Post) for c in m.__table__.c if isinstance(c.type, String)
    } - {"nik", "jenis_kelamin", "kategori", "status"}  # chosen from lists, never typed
    assert texts <= set(MAX_LENGTH)


@pytest.mark.parametrize("field", ["jabatan", "nomor_sk"])
def test_an_over_long_post_field_is_refused_on_every_database(backend: Backend, field: str) -> None:
    village = one_person_village(backend.open())
    db = village.db
    with db.session() as s:
        seen = roster.get_post(s, village.post_id)
    too_long = "x" * (MAX_LENGTH[field] + 1)
    with pytest.raises(UserError, match="paling banyak"), db.session() as s:
        roster.update_post(
            s, village.post_id, replace(seen.data, **{field: too_long}), operator="A"
        )
    with pytest.raises(UserError, match="paling banyak"), db.session() as s:
        roster.add_post(s, village.person_id, replace(seen.data, **{field: too_long}), operator="A")
    exactly = "y" * MAX_LENGTH[field]
    with db.session() as s:  # the limit itself fits every database
        roster.update_post(s, village.post_id, replace(seen.data, **{field: exactly}), operator="A")
    with db.session() as s:
        assert getattr(roster.get_post(s, village.post_id).data, field) == exactly
        assert not s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.nilai_baru == too_long)
        )


def test_the_command_line_import_refuses_a_million_character_nomor_sk(
    backend: Backend, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    one_person_village(backend.open())
    rows = [row(make_nik(BORN, "L", 7), "Parman", "L", BORN)]
    rows[0][7] = "SK/" + "9" * 1_000_000
    rows[0][5] = "J" * 151
    path = write_rows(backend.data_dir.parent / "panjang.xlsx", rows)
    args = ["--data-dir", str(backend.data_dir), "roster", "import", str(path), "--year", str(YEAR)]
    if backend.url:
        args[2:2] = ["--db", backend.url]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Baris 2, kolom Nomor SK" in err
    assert "Baris 2, kolom Jabatan" in err and len(err) < 2_000
    with backend.open().session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
