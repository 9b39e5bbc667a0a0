"""Roster workbook import and export: all or nothing, every problem listed, re-import by NIK."""

import zipfile
from dataclasses import replace
from datetime import date, datetime

import pytest
from open_files import assert_closed
from openpyxl import Workbook, load_workbook
from roster_helpers import make_nik, new_db, row, write_rows
from sqlalchemy import func, select

from desa_budget.cli import main
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.roster.workbook.apply import apply_import, plan_import
from desa_budget.roster.workbook.export import export_roster, write_template
from desa_budget.roster.workbook.layout import ALL_HEADERS, HEADERS
from desa_budget.roster.workbook.parse import read_roster
from desa_budget.roster.workbook.problems import ImportRefused
from desa_budget.store.models import Person, Post

YEAR = 2025
BORN = date(1975, 8, 17)
NIK1 = make_nik(BORN, "L", 1)
NIK2 = make_nik(date(1990, 1, 5), "P", 2)
NIK3 = make_nik(date(1968, 12, 1), "L", 3)


def good_rows() -> list[list[object]]:
    return [
        row(NIK1, "Sugeng", "L", datetime(1975, 8, 17), "Sekretaris Desa", "Sekretaris Desa",
            dasar=2_600_000, program="JKK, JKM, JHT, JP", iuran="Potong Siltap", kpj="12345678901"),
        row(NIK1, "Sugeng", "L", datetime(1975, 8, 17), "Perangkat Desa", "Plt. Kaur Keuangan",
            status="Plt", mulai="01-07-2025", akhir="31-07-2025",
            dasar=2_600_000, program="JKK, JKM, JHT, JP", iuran="Potong Siltap", kpj="12345678901"),
        row(NIK2, "Siti Aminah", "P", "05-01-1990", "Pekerja Rentan", None, segmen="BPU",
            dasar=1_000_000, mulai="01-07-2025", bpjs=None),
        row(NIK3, "Karto", "L", "01-12-1968"),
    ]  # fmt: skip


def count(db, model=Person) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def do_import(db, path, year=YEAR):  # type: ignore[no-untyped-def]
    with db.session() as s:
        plan = plan_import(s, path, year=year)
        apply_import(s, plan, operator="uji")
    return plan


def test_good_import(tmp_path):
    db = new_db(tmp_path)
    plan = do_import(db, write_rows(tmp_path / "d.xlsx", good_rows()))
    assert len(plan.adds) == 3 and not plan.changed
    assert count(db) == 3 and count(db, Post) == 4
    with db.session() as s:
        rows = {r.nik: r for r in roster.list_roster(s, YEAR)}
        assert rows[NIK2].desa == 6 * 16_800 and rows[NIK2].jabatan == "Pekerja Rentan"
        assert rows[NIK3].desa == 129_600
        assert rows[NIK1].jumlah_jabatan == 2 and rows[NIK1].kategori == "sekretaris_desa"
        sugeng = roster.get_person(s, rows[NIK1].person_id)
        cov = sugeng.coverage_for(YEAR)
        assert cov is not None and cov.iuran_pekerja == "potong" and cov.nomor_kpj == "12345678901"
        plt = [p.data for p in sugeng.posts if p.data.status == "plt"]
        assert plt and plt[0].mulai == date(2025, 7, 1) and plt[0].akhir == date(2025, 7, 31)


def test_every_problem_listed_and_nothing_written(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        person = roster.PersonData(NIK3, "Karto", "L", date(1968, 12, 1))
        roster.add_person(s, person, [roster.PostData("rt_rw", "RT")], None, operator="x")
    rows = good_rows()
    rows[1][11] = "BPU"  # disagrees with the person's other row
    rows[2][12] = 500_000  # BPU below 1.000.000
    rows[3][0] = "123"  # not a NIK
    rows[3][3] = "31-02-1968"  # no such day
    rows[3][4] = "Lurah"  # not a category
    rows.append(row(make_nik(date(1990, 1, 5), "L", 9), "Budi", "P", "05-01-1990"))  # gender
    path = write_rows(tmp_path / "bad.xlsx", rows)
    with pytest.raises(UserError) as info:
        do_import(db, path)
    message, details = info.value.message, info.value.details
    assert message.startswith("Impor dibatalkan:") and f"{len(details)} masalah" in message
    text = "\n".join(details)
    assert "Baris 3, kolom Segmen: Berbeda dengan baris 2" in text
    assert "Baris 4, kolom Dasar Upah: " in text
    assert "Baris 5, kolom NIK: " in text and "Baris 5, kolom Kategori: " in text
    assert "Baris 5, kolom Tanggal Lahir: Tanggal tidak ada di kalender" in text
    assert "Baris 6, kolom NIK: " in text
    assert count(db) == 1 and count(db, Post) == 1


def test_reimport_by_nik_updates_and_does_not_duplicate(tmp_path):
    db = new_db(tmp_path)
    path = write_rows(tmp_path / "d.xlsx", good_rows())
    do_import(db, path)
    rows = good_rows()
    rows[3][12] = 2_100_000
    rows[3][5] = "Ketua RT 01 "  # same post (spaces ignored)
    plan = do_import(db, write_rows(tmp_path / "d2.xlsx", rows))
    assert len(plan.changed) == 1 and len(plan.unchanged) == 2 and not plan.adds
    [change] = plan.changed[0].changes
    assert (change.kolom, change.lama, change.baru) == ("Dasar Upah", "2.000.000", "2.100.000")
    assert count(db) == 3 and count(db, Post) == 4
    again = do_import(db, write_rows(tmp_path / "d3.xlsx", rows))
    assert len(again.unchanged) == 3


def test_reimport_keeps_the_siltap_entered_on_a_post(tmp_path):
    # The workbook has no column for siltap + tunjangan: an import leaves the entered figure alone.
    db = new_db(tmp_path)
    do_import(db, write_rows(tmp_path / "d.xlsx", good_rows()))
    with db.session() as s:
        sugeng = roster.get_person(
            s, next(r.person_id for r in roster.list_roster(s, YEAR) if r.nik == NIK1)
        )
        main_post = next(p for p in sugeng.posts if p.data.status == "definitif")
        roster.update_post(
            s, main_post.id, replace(main_post.data, penghasilan=4_100_000), operator="x"
        )
    again = do_import(db, write_rows(tmp_path / "d2.xlsx", good_rows()))
    assert len(again.unchanged) == 3 and not again.changed
    rows = good_rows()
    rows[0][5] = "Sekretaris Desa "  # same post
    rows[0][12] = rows[1][12] = 2_700_000
    changed = do_import(db, write_rows(tmp_path / "d3.xlsx", rows))
    assert [c.kolom for c in changed.changed[0].changes] == ["Dasar Upah"]
    with db.session() as s:
        stored = s.scalars(
            select(Post.penghasilan).where(
                Post.status == "definitif", Post.kategori == "sekretaris_desa"
            )
        ).all()
    assert stored == [4_100_000]


def test_dry_run_writes_nothing(tmp_path, capsys):
    db = new_db(tmp_path)
    path = write_rows(tmp_path / "d.xlsx", good_rows())
    data = str(tmp_path / "data")
    assert (
        main(["--data-dir", data, "roster", "import", str(path), "--dry-run", "--year", "2025"])
        == 0
    )
    out = capsys.readouterr().out
    assert "ditambah: 3 orang" in out and "tidak ada yang disimpan" in out
    assert count(db) == 0


def test_cli_import_errors_exit_2_with_every_problem(tmp_path, capsys):
    new_db(tmp_path)
    rows = good_rows()
    rows[0][2] = "X"
    rows[2][13] = "JKK, JKN"
    path = write_rows(tmp_path / "bad.xlsx", rows)
    assert main(["--data-dir", str(tmp_path / "data"), "roster", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Baris 2, kolom Jenis Kelamin" in err and "Baris 4, kolom Program" in err


def test_equals_name_survives_export_and_import(tmp_path):
    db = new_db(tmp_path)
    with db.session() as s:
        person = roster.PersonData(NIK1, "=SUM(A1:A9)", "L", BORN)
        post = roster.PostData("staf_desa", "=Operator", mulai=date(2020, 1, 1))
        cov = roster.CoverageData(YEAR, "PU", 2_000_000, ("JKK", "JKM"), nomor_kpj="0012345678")
        roster.add_person(s, person, [post], cov, operator="x")
    path = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        assert export_roster(s, path, year=YEAR) == 1
    sheet = load_workbook(path).worksheets[0]
    assert [c.value for c in sheet[1]] == list(ALL_HEADERS)
    assert sheet["B2"].data_type == "s" and sheet["B2"].value == "=SUM(A1:A9)"
    assert sheet["A2"].value == NIK1 and sheet["R2"].value == "0012345678"
    assert isinstance(sheet["J2"].value, datetime) and sheet["M2"].number_format == "#,##0"
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    other = new_db(tmp_path / "lain")
    plan = do_import(other, path)
    assert plan.adds[0].person.nama == "=SUM(A1:A9)"
    assert plan.adds[0].posts[0].jabatan == "=Operator"
    assert plan.adds[0].coverage.nomor_kpj == "0012345678"
    with db.session() as s:
        same = plan_import(s, path, year=YEAR)
    assert len(same.unchanged) == 1 and not same.changed


def test_nik_stored_as_number_is_read_as_text(tmp_path):
    rows = good_rows()[3:]
    rows[0][0] = int(NIK3)
    plan = read_roster(write_rows(tmp_path / "n.xlsx", rows), year=YEAR, kode_desa=None)
    assert plan.adds[0].person.nik == NIK3


def test_scientific_nik_is_refused(tmp_path):
    rows = good_rows()[3:]
    rows[0][0] = "3.30212E+15"
    with pytest.raises(UserError) as info:
        read_roster(write_rows(tmp_path / "n.xlsx", rows), year=YEAR, kode_desa=None)
    assert "notasi ilmiah" in info.value.details[0]


def test_wrong_headers_name_the_column(tmp_path):
    headers = list(HEADERS)
    headers[3] = "Tgl Lahir"
    path = write_rows(tmp_path / "h.xlsx", good_rows(), headers=headers)
    with pytest.raises(UserError, match="Judul kolom tidak sesuai") as info:
        read_roster(path, year=YEAR, kode_desa=None)
    assert info.value.details == [
        "Kolom D (4) harus berjudul 'Tanggal Lahir', tertulis 'Tgl Lahir'."
    ]


def test_a_refused_workbook_is_closed_at_once(tmp_path):
    headers = list(HEADERS)
    headers[3] = "Tgl Lahir"
    path = write_rows(tmp_path / "h.xlsx", good_rows(), headers=headers)
    with pytest.raises(UserError, match="Judul kolom tidak sesuai") as info:
        read_roster(path, year=YEAR, kode_desa=None)
    # The error is still held (its traceback keeps the reading frames alive), and yet:
    assert info.value.__traceback__ is not None
    assert_closed(path)


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "daftar.xlsx"
    path.write_text("NIK;Nama\n", encoding="utf-8")
    with pytest.raises(UserError, match="bukan berkas Excel .xlsx"):
        read_roster(path, year=YEAR, kode_desa=None)


def test_damaged_zip(tmp_path):
    path = write_rows(tmp_path / "d.xlsx", good_rows())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError, match="rusak|bukan berkas Excel"):
        read_roster(path, year=YEAR, kode_desa=None)


def test_corrupt_member_is_damaged(tmp_path):
    path = write_rows(tmp_path / "d.xlsx", good_rows())
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/workbook.xml":
                content = content[:40]
            dst.writestr(info, content)
    with pytest.raises(UserError, match="rusak"):
        read_roster(broken, year=YEAR, kode_desa=None)


def test_formula_without_value(tmp_path):
    rows = good_rows()
    rows[3][12] = "=1000000*2"  # openpyxl saves the formula with no cached value
    path = write_rows(tmp_path / "f.xlsx", rows)
    with pytest.raises(UserError, match="rumus tanpa nilai") as info:
        read_roster(path, year=YEAR, kode_desa=None)
    assert info.value.details == ["Baris 5, kolom Dasar Upah: rumus tanpa nilai."]


def test_too_many_rows(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADERS))
    for _ in range(5_001):
        ws.append(["x"])
    wb.save(tmp_path / "big.xlsx")
    with pytest.raises(UserError, match="lebih dari 5.000 baris"):
        read_roster(tmp_path / "big.xlsx", year=YEAR, kode_desa=None)


def test_template_has_headers_and_imports_as_empty(tmp_path):
    path = tmp_path / "templat.xlsx"
    write_template(path)
    sheet = load_workbook(path).worksheets[0]
    assert [c.value for c in sheet[1]] == list(ALL_HEADERS)
    with pytest.raises(UserError, match="tidak berisi baris data"):
        read_roster(path, year=YEAR, kode_desa=None)


def test_absurd_sizes_are_refused(tmp_path, monkeypatch):
    from desa_budget.roster.workbook import safe_read as roster_xlsx_read

    path = write_rows(tmp_path / "d.xlsx", good_rows())
    monkeypatch.setattr(roster_xlsx_read, "MAX_UNPACKED_BYTES", 1_000)
    with pytest.raises(UserError, match="tidak wajar"):
        read_roster(path, year=YEAR, kode_desa=None)
    monkeypatch.setattr(roster_xlsx_read, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(UserError, match="terlalu besar"):
        read_roster(path, year=YEAR, kode_desa=None)


def test_too_many_columns(tmp_path):
    rows = good_rows()
    rows[0] = rows[0] + [None] * 30 + ["catatan"]
    with pytest.raises(UserError, match="terlalu lebar"):
        read_roster(write_rows(tmp_path / "w.xlsx", rows), year=YEAR, kode_desa=None)
    rows = good_rows()
    rows[0] = rows[0] + ["catatan"]
    with pytest.raises(UserError, match="Baris 2, kolom S: ada isian di luar"):
        read_roster(write_rows(tmp_path / "s.xlsx", rows), year=YEAR, kode_desa=None)


def test_problems_are_records_with_row_column_and_value(tmp_path):
    rows = good_rows()
    rows[3][0] = "123"
    rows[3][3] = "31-02-1968"
    rows[2][13] = "JKK, JKN"
    with pytest.raises(ImportRefused) as info:
        read_roster(write_rows(tmp_path / "bad.xlsx", rows), year=YEAR, kode_desa=None)
    found = {(p.row, p.column, p.value) for p in info.value.problems}
    assert found == {
        (5, "NIK", "123"),
        (5, "Tanggal Lahir", "31-02-1968"),
        (4, "Program", "JKK, JKN"),
    }
    assert [p.row for p in info.value.problems] == [4, 5, 5]
    assert info.value.details == [str(p) for p in info.value.problems]
    program = next(p for p in info.value.problems if p.column == "Program")
    assert program.message == "Tidak dikenal: JKN; pilih JKK, JKM, JHT, JP."


def test_headers_and_warnings_are_records_too(tmp_path):
    headers = list(HEADERS)
    headers[3] = "Tgl Lahir"
    with pytest.raises(ImportRefused) as info:
        read_roster(
            write_rows(tmp_path / "h.xlsx", good_rows(), headers=headers), year=YEAR, kode_desa=None
        )
    [header] = info.value.problems
    assert (header.row, header.column, header.value) == (None, "D (4)", "Tgl Lahir")
    rows = good_rows()[3:]
    nik = make_nik(date(1968, 12, 1), "L", 10)
    rows[0][0] = int(nik)  # Excel keeps 15 digits: a NIK ending in 0 may have lost its last one
    plan = read_roster(write_rows(tmp_path / "n.xlsx", rows), year=YEAR, kode_desa=None)
    [warning] = plan.warnings
    assert (warning.row, warning.column, warning.value) == (2, "NIK", nik)
    assert "15 digit" in warning.message


def test_siltap_column_exports_and_imports_and_is_optional(tmp_path):
    # The optional last column "Siltap + Tunjangan": written on export, read on import; an
    # older workbook without it leaves the stored figure alone (see the test above).
    db = new_db(tmp_path)
    with db.session() as s:
        person = roster.PersonData(NIK1, "Sugeng", "L", BORN)
        post = roster.PostData("sekretaris_desa", "Sekretaris Desa", penghasilan=3_900_000)
        cov = roster.CoverageData(YEAR, "PU", 2_600_000, ("JKK", "JKM"))
        roster.add_person(s, person, [post], cov, operator="x")
    path = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_roster(s, path, year=YEAR)
    sheet = load_workbook(path).worksheets[0]
    assert sheet.cell(row=1, column=len(ALL_HEADERS)).value == "Siltap + Tunjangan"
    assert sheet.cell(row=2, column=len(ALL_HEADERS)).value == 3_900_000
    sheet.cell(row=2, column=len(ALL_HEADERS)).value = 4_200_000
    sheet.parent.save(path)
    plan = do_import(db, path)
    [change] = plan.changed[0].changes
    assert (change.kolom, change.lama, change.baru) == (
        "Jabatan Sekretaris Desa: Siltap + Tunjangan", "3.900.000", "4.200.000",
    )  # fmt: skip
    with db.session() as s:
        assert s.scalars(select(Post.penghasilan)).all() == [4_200_000]
    sheet.cell(row=2, column=len(ALL_HEADERS)).value = -5
    sheet.parent.save(path)
    with pytest.raises(UserError) as info:
        do_import(db, path)
    assert any("Siltap + Tunjangan" in d for d in info.value.details)
