"""Optional personal data BPJS TK registration asks for (telephone, e-mail, address, birth place,
mother's name): validated, in the roster workbook both ways, kept when an older workbook lacks it,
never in a DPMD export."""

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from roster_helpers import new_db, row, write_rows

from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.roster.data import PersonData, phone_digits, validate_person_data
from desa_budget.roster.read import get_person
from desa_budget.roster.workbook.apply import apply_import, plan_import
from desa_budget.roster.workbook.export import export_roster
from desa_budget.roster.workbook.layout import ALL_HEADERS, HEADERS, PERSONAL_HEADERS

YEAR = 2025
NIK = "3302121708750001"
BORN = datetime(1975, 8, 17).date()


def person(**personal: str) -> PersonData:
    return PersonData(NIK, "Sugeng", "L", BORN, **personal)


def test_telephone_and_email_are_checked() -> None:
    good = person(no_hp="0812-3456-7890", email="sugeng@contoh.id", alamat="RT 01 RW 02")
    assert validate_person_data(good) == []
    assert phone_digits("+62 812 3456 7890") == "081234567890"
    fields = {p.field for p in validate_person_data(person(no_hp="12345", email="sugeng@"))}
    assert fields == {"no_hp", "email"}
    assert validate_person_data(person(no_hp="0812 3456 78x0"))[0].field == "no_hp"
    assert validate_person_data(person(alamat="x" * 301))[0].field == "alamat"


def personal_row(no_hp: object, email: str = "") -> list[object]:
    base = row(NIK, "Sugeng", "L", datetime(1975, 8, 17), "Sekretaris Desa", "Sekretaris Desa")
    return [*base, "Banyumas", "Painah", no_hp, email, "Dusun I RT 01/02"]


def import_file(db: object, path: Path) -> None:
    with db.session() as s:  # type: ignore[attr-defined]
        apply_import(s, plan_import(s, path, year=YEAR), operator="uji")


def test_the_roster_workbook_carries_them_both_ways(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    # A spreadsheet turned the telephone into a number: 0812... comes back with its zero.
    path = write_rows(tmp_path / "d.xlsx", [personal_row(81234567890, "s@contoh.id")], ALL_HEADERS)
    import_file(db, path)
    with db.session() as s:
        pid = roster.find_person_id(s, NIK)
        stored = get_person(s, pid).person  # type: ignore[arg-type]
    assert (stored.tempat_lahir, stored.nama_ibu, stored.no_hp) == (
        "Banyumas",
        "Painah",
        "081234567890",
    )
    assert (stored.email, stored.alamat) == ("s@contoh.id", "Dusun I RT 01/02")
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_roster(s, out, year=YEAR)
    sheet = load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert [values[h] for h in PERSONAL_HEADERS] == [
        "Banyumas", "Painah", "081234567890", "s@contoh.id", "Dusun I RT 01/02",
    ]  # fmt: skip
    assert sheet[2][header.index("No HP")].data_type == "s"


def test_an_older_workbook_leaves_them_alone(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    import_file(db, write_rows(tmp_path / "a.xlsx", [personal_row("081234567890")], ALL_HEADERS))
    old = row(NIK, "Sugeng", "L", datetime(1975, 8, 17), "Sekretaris Desa", "Sekretaris Desa",
              dasar=2_700_000)  # fmt: skip
    import_file(db, write_rows(tmp_path / "lama.xlsx", [old], HEADERS))
    with db.session() as s:
        stored = get_person(s, roster.find_person_id(s, NIK)).person  # type: ignore[arg-type]
    assert stored.no_hp == "081234567890" and stored.nama_ibu == "Painah"


def test_a_wrong_telephone_in_the_workbook_names_row_and_column(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    path = write_rows(tmp_path / "x.xlsx", [personal_row("12-34", "bukan email")], ALL_HEADERS)
    with db.session() as s, pytest.raises(UserError) as info:
        plan_import(s, path, year=YEAR)
    details = " ".join(info.value.details)
    assert "Baris 2, kolom No HP" in details and "Baris 2, kolom Email" in details
