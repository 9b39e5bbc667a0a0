"""An import adds its people in bulk: the same rows, versions and audit entries as adding each
person by hand, and the same refusals."""

from pathlib import Path
from typing import Any

import pytest
from roster_helpers import new_db
from sqlalchemy import select
from test_roster_import import YEAR, good_rows, write_rows

from desa_budget.roster import service as roster
from desa_budget.roster.bulk_add import NewPerson, add_people
from desa_budget.roster.rows import DuplicateNikError
from desa_budget.roster.workbook.apply import apply_import, plan_import
from desa_budget.store.database import Database
from desa_budget.store.models import AuditEntry, Coverage, Person, Post, content_version


def _snapshot(db: Database) -> dict[str, list[Any]]:
    """Every roster row (ids and versions included) and every audit entry but its time."""
    tables: dict[str, list[Any]] = {}
    with db.session() as s:
        for model in (Person, Post, Coverage):
            rows = s.scalars(select(model).order_by(model.id)).all()
            for r in rows:
                assert r.version_id == content_version(r)  # what a later edit will check
            columns = [c.key for c in model.__table__.columns]
            tables[model.__name__] = [[getattr(r, c) for c in columns] for r in rows]
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        tables["audit"] = [
            (a.operator, a.entitas, a.entitas_id, a.label, a.kolom, a.nilai_lama, a.nilai_baru,
             a.keterangan)
            for a in audit
        ]  # fmt: skip
    return tables


def test_an_import_writes_what_adding_each_person_writes(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.xlsx", good_rows())
    imported = new_db(tmp_path / "imported")
    with imported.session() as s:
        plan = plan_import(s, path, year=YEAR)
        apply_import(s, plan, operator="uji")
    by_hand = new_db(tmp_path / "by_hand")
    with by_hand.session() as s:
        for entry in plan.entries:
            roster.add_person(s, entry.person, entry.posts, entry.coverage, operator="uji")
    ours, theirs = _snapshot(imported), _snapshot(by_hand)
    assert len(ours["Person"]) == 3 and len(ours["Post"]) == 4 and len(ours["audit"]) > 20
    assert ours == theirs


def _new(plan_entry: Any) -> NewPerson:
    return NewPerson(plan_entry.person, plan_entry.posts, plan_entry.coverage)


def test_a_nik_on_the_roster_or_twice_in_the_batch_is_refused(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.xlsx", good_rows())
    db = new_db(tmp_path)
    with db.session() as s:
        entries = plan_import(s, path, year=YEAR).entries
    with db.session() as s:
        add_people(s, [_new(entries[0])], operator="uji")
    for batch in ([_new(entries[1]), _new(entries[0])], [_new(entries[1]), _new(entries[1])]):
        with pytest.raises(DuplicateNikError, match="sudah terdaftar atas nama"):
            with db.session() as s:
                add_people(s, batch, operator="uji")
    with db.session() as s:
        assert s.scalars(select(Person.nik)).all() == [entries[0].person.nik]


def test_an_import_says_how_far_it_is(tmp_path: Path) -> None:
    from datetime import date

    from roster_helpers import make_nik, row

    people = [
        row(
            make_nik(date(1980, 1, 1 + n % 28), "L", n),
            f"Warga {n}",
            "L",
            f"{1 + n % 28:02d}-01-1980",
        )
        for n in range(1, 601)
    ]
    path = write_rows(tmp_path / "banyak.xlsx", people)
    db = new_db(tmp_path)
    seen: list[tuple[int, int]] = []
    with db.session() as s:
        plan = plan_import(s, path, year=YEAR)
        apply_import(
            s, plan, operator="uji", progress=lambda done, total: seen.append((done, total))
        )
    assert len(seen) >= 3  # not only at the end
    assert seen[-1] == (600, 600)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
