"""Roster import checks found by the fault campaign: every check on every row in the first pass,
a NIK that Excel turned into a float, an exact duplicate row, and the field limits."""

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from roster_helpers import make_nik, new_db, row, write_rows
from sqlalchemy import func, select

from desa_budget.errors import UserError
from desa_budget.roster.workbook.apply import apply_import, plan_import
from desa_budget.roster.workbook.parse import read_roster
from desa_budget.roster.workbook.problems import ImportRefused
from desa_budget.store.models import Post

YEAR = 2025
NIK_A = make_nik(date(1980, 1, 1), "L", 1)
NIK_B = make_nik(date(1985, 5, 5), "L", 2)


def refused(path: Path) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        read_roster(path, year=YEAR, kode_desa=None)
    return info.value


def found(error: ImportRefused) -> set[tuple[int | None, str]]:
    return {(p.row, p.column) for p in error.problems}


SEMANTIC = {"Tanggal Lahir", "NIK", "Mulai Bertugas", "Program"}  # the four the campaign saw late


def wrong_person_row(nik: str, **kwargs: object) -> list[object]:
    """Born in the future (and so not as the NIK says), in post before birth, BPU with JP."""
    return row(
        nik, "Budi", "L", "01-01-2030", "RT/RW", segmen="BPU", program="JKK, JKM, JP",
        mulai="01-01-2020", dasar=1_000_000, **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip


def test_bpu_jht_without_jkk_and_jkm_is_refused(tmp_path: Path) -> None:
    rows = [
        row(NIK_A, "Ani", "L", "01-01-1980", "Pekerja Rentan", "Petani", segmen="BPU",
            dasar=1_000_000, program="JHT"),
    ]  # fmt: skip
    error = refused(write_rows(tmp_path / "a.xlsx", rows))
    assert found(error) == {(2, "Program")}
    assert "JKK dan JKM" in error.problems[0].message


def test_siltap_minimums_are_those_of_the_import_year(tmp_path: Path) -> None:
    # PP 11/2019's minimums start in 2020: a kaur on Rp1.500.000 in 2019 draws no warning
    rows = [row(NIK_A, "Ani", "L", "01-01-1980", "Perangkat Desa", "Kaur Umum", dasar=1_500_000)]
    path = write_rows(tmp_path / "a.xlsx", rows)
    assert not [
        w for w in read_roster(path, year=2019, kode_desa=None).warnings if w.column == "Dasar Upah"
    ]
    assert [w.column for w in read_roster(path, year=2025, kode_desa=None).warnings] == [
        "Dasar Upah"
    ]


def test_a_row_with_an_unreadable_cell_gets_every_other_check(tmp_path: Path) -> None:
    rows = [
        row(NIK_A, "Ani", "L", "01-01-1980", bpjs="Sudah"),
        wrong_person_row(NIK_B, bpjs="Sudah"),  # "Sudah" is no Status BPJS
    ]
    error = refused(write_rows(tmp_path / "a.xlsx", rows))
    assert found(error) == {(2, "Status BPJS"), (3, "Status BPJS")} | {
        (3, column) for column in SEMANTIC
    }


def test_every_row_of_a_person_is_checked_not_only_the_first(tmp_path: Path) -> None:
    rows = [
        row(NIK_A, "Ani", "L", "01-01-1980"),
        wrong_person_row(NIK_B, bpjs="Sudah"),
        wrong_person_row(NIK_B, jabatan="Ketua RW 02"),
    ]
    error = refused(write_rows(tmp_path / "a.xlsx", rows))
    # row 3's own checks are there although row 3 also has an unreadable cell, and the problems
    # the two rows share are said once, at the first of them
    assert {(3, column) for column in SEMANTIC} <= found(error)
    assert (4, "Mulai Bertugas") in found(error)
    assert (4, "Tanggal Lahir") not in found(error) and (4, "NIK") not in found(error)


def test_a_row_whose_person_differs_is_checked_on_its_own(tmp_path: Path) -> None:
    rows = [
        row(NIK_B, "Budi", "L", "05-05-1985"),
        row(NIK_B, "Budi", "L", "01-01-2030", jabatan="Ketua RW 02"),  # differs, and is wrong
    ]
    error = refused(write_rows(tmp_path / "a.xlsx", rows))
    said = {(p.row, p.column, p.message.split(" ")[0]) for p in error.problems}
    assert (3, "Tanggal Lahir", "Berbeda") in said  # with the first row
    assert (3, "Tanggal Lahir", "Tanggal") in said  # "Tanggal lahir tidak boleh di masa depan."
    assert (3, "NIK", "Tanggal") in said  # the NIK does not say 2030 either


def test_unreadable_cells_do_not_raise_checks_that_need_them(tmp_path: Path) -> None:
    rows = [row(NIK_B, "Budi", "L", "31-02-1985", segmen="XX", program="JKK, JKM, JP")]
    error = refused(write_rows(tmp_path / "a.xlsx", rows))
    # no "NIK does not match the birth date", no "BPU cannot have JP": their inputs are unknown
    assert found(error) == {(2, "Tanggal Lahir"), (2, "Segmen")}


def excel_float_nik(path: Path, nik: str) -> Path:
    """What Excel writes for a NIK typed as a number: 15 significant digits, E notation."""
    shown = f"{float(nik):.14E}".replace("E+", "E+")
    mantissa, exponent = shown.split("E")
    excel = f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent)}"
    broken = path.with_name("excel.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<v>\d{16}</v>", f"<v>{excel}</v>".encode(), content, count=1)
            dst.writestr(info, content)
    return broken


def test_a_nik_excel_stored_as_a_float_is_refused_never_guessed(tmp_path: Path) -> None:
    nik = "3302120101600123"  # born 01-01-60, L
    rows = [row(int(nik), "Sri", "L", "01-01-1960")]
    path = excel_float_nik(write_rows(tmp_path / "n.xlsx", rows), nik)
    db = new_db(tmp_path)
    with pytest.raises(ImportRefused) as info, db.session() as s:
        plan_import(s, path, year=YEAR)
    [problem] = info.value.problems
    assert (problem.row, problem.column) == (2, "NIK")
    assert "Teks" in problem.message and "ketik ulang" in problem.message
    assert "3302120101600120" not in str(info.value)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0


def test_a_whole_16_digit_integer_nik_is_still_accepted(tmp_path: Path) -> None:
    rows = [row(int(NIK_B), "Budi", "L", "05-05-1985")]
    plan = read_roster(write_rows(tmp_path / "n.xlsx", rows), year=YEAR, kode_desa=None)
    assert plan.entries[0].person.nik == NIK_B


def test_an_exact_duplicate_row_is_refused_naming_both_rows(tmp_path: Path) -> None:
    same = row(NIK_B, "Budi", "L", datetime(1985, 5, 5), mulai="01-01-2020")
    rows = [row(NIK_A, "Ani", "L", "01-01-1980"), same, list(same)]
    db = new_db(tmp_path)
    with pytest.raises(ImportRefused) as info, db.session() as s:
        plan = plan_import(s, write_rows(tmp_path / "d.xlsx", rows), year=YEAR)
        apply_import(s, plan, operator="uji")
    [problem] = info.value.problems
    assert problem.row == 4 and "baris 3" in problem.message
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0


def test_two_posts_with_other_dates_are_not_duplicates(tmp_path: Path) -> None:
    rows = [
        row(NIK_B, "Budi", "L", "05-05-1985", mulai="01-01-2020", akhir="31-12-2024"),
        row(NIK_B, "Budi", "L", "05-05-1985", mulai="01-01-2025"),
    ]
    plan = read_roster(write_rows(tmp_path / "d.xlsx", rows), year=YEAR, kode_desa=None)
    assert len(plan.entries[0].posts) == 2


@pytest.mark.parametrize(("column", "index"), [("Jabatan", 5), ("Nomor SK", 7), ("Nama", 1)])
def test_an_over_long_cell_is_refused_with_the_limit(
    tmp_path: Path, column: str, index: int
) -> None:
    rows = [row(NIK_B, "Budi", "L", "05-05-1985")]
    rows[0][index] = "x" * 1_000_000 if column != "Nama" else "x" * 151
    error = refused(write_rows(tmp_path / "l.xlsx", rows))
    [problem] = error.problems
    assert (problem.row, problem.column) == (2, column)
    assert "paling banyak" in problem.message
    assert len(problem.value) < 200  # the record does not carry the whole cell around


SST = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def with_shared_strings(path: Path, extra: bytes, *, runs: int = 1) -> Path:
    """The workbook at ``path`` with a shared strings part holding ``extra`` ``runs`` times."""
    bomb = path.with_name("bomb.xlsx")
    with (
        zipfile.ZipFile(path) as src,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/>'
                content = content.replace(b"</Types>", override.encode() + b"</Types>")
            if info.filename == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Type="{SST_REL}" Target="sharedStrings.xml" Id="rId9"/>'
                content = content.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            dst.writestr(info.filename, content)
        dst.writestr("xl/sharedStrings.xml", SST + extra * runs + b"</sst>")
    return bomb


@pytest.mark.parametrize(
    ("extra", "runs"),
    [
        (b"<si><t>x</t></si>", 2_000_000),  # two million strings in ~60 KB
        (b"<si><t>" + b"x" * 50_000_000 + b"</t></si>", 1),  # one string of 50 million letters
        (b"<si>" + b"<r><t>x</t></r>" * 1_000_000 + b"</si>", 1),  # a million runs in one
    ],
    ids=["many", "long", "runs"],
)
def test_a_shared_strings_bomb_is_refused_before_it_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: bytes, runs: int
) -> None:
    from desa_budget.roster.workbook import safe_read

    good = write_rows(tmp_path / "ok.xlsx", [row(NIK_B, "Budi", "L", "05-05-1985")])
    bomb = with_shared_strings(good, extra, runs=runs)
    assert bomb.stat().st_size < 600_000

    class Loaded(BaseException):  # not an Exception: no "damaged file" handler may take it
        pass

    def never(*args: object, **kwargs: object) -> None:
        raise Loaded("the workbook was loaded")

    monkeypatch.setattr(safe_read, "load_workbook", never)
    with pytest.raises(UserError, match="tidak wajar"):
        read_roster(bomb, year=YEAR, kode_desa=None)


def test_rows_beyond_any_roster_are_refused_even_when_empty(tmp_path: Path) -> None:
    """A million formatted empty rows took seconds per 100.000 to skip: stop counting early."""
    good = write_rows(tmp_path / "ok.xlsx", [row(NIK_B, "Budi", "L", "05-05-1985")])
    empty = tmp_path / "empty.xlsx"
    last = 150_002
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(empty, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                rows = b"".join(
                    b'<row r="%d"><c r="A%d" s="0"/></row>' % (n, n) for n in range(3, last + 1)
                )
                content = content.replace(b"</sheetData>", rows + b"</sheetData>")
                content = re.sub(
                    rb'<dimension ref="[^"]*"', b'<dimension ref="A1:R%d"' % last, content
                )
            dst.writestr(info.filename, content)
    with pytest.raises(UserError, match="100.000 baris"):
        read_roster(empty, year=YEAR, kode_desa=None)


def rezipped(path: Path, change: Any) -> Path:
    out = path.with_name("ubah.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = change(info.filename, src.read(info))
            if content is not None:
                dst.writestr(info.filename, content)
    return out


@pytest.mark.parametrize(
    "change",
    [
        lambda name, content: None if "worksheets/" in name else content,  # no sheet at all
        lambda name, content: content[: len(content) // 2] if "worksheets/" in name else content,
    ],
    ids=["tanpa lembar", "XML lembar terpotong"],
)
def test_a_workbook_broken_inside_is_damaged_not_a_crash(tmp_path: Path, change: Any) -> None:
    good = write_rows(tmp_path / "ok.xlsx", [row(NIK_B, "Budi", "L", "05-05-1985")])
    with pytest.raises(UserError, match="rusak"):
        read_roster(rezipped(good, change), year=YEAR, kode_desa=None)
