"""Perangkat taken from Siskeudes join the roster incomplete (no NIK, birth date or sex): the roster
says what is missing, the budget counts them safely (JP every month) and says so naming them, the
outputs leave the cells empty, and saving them is refused until the missing data is filled in."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from budget_helpers import BORN, YEAR, small_village
from openpyxl import load_workbook
from pypdf import PdfReader
from roster_helpers import make_nik
from siskeudes_helpers import desa_rows, write_tables

from desa_budget.errors import UserError
from desa_budget.reports.gather import gather_annex_data
from desa_budget.reports.render import render_documents
from desa_budget.roster import service as roster
from desa_budget.roster.completeness import missing_fields, missing_text
from desa_budget.roster.read import get_person, list_roster
from desa_budget.roster.workbook.export import export_roster
from desa_budget.rules import load_rules
from desa_budget.sheets.dpmd import export_dpmd, gather_dpmd_data
from desa_budget.sheets.sipp import export_sipp, gather_sipp_data
from desa_budget.siskeudes.import_apply import apply_import
from desa_budget.siskeudes.import_preview import ADA, DITAMBAH, preview_import
from desa_budget.siskeudes.source import read_siskeudes
from desa_budget.store.database import Database

RULES = load_rules()
ALL_MISSING = ("nik", "tanggal_lahir", "jenis_kelamin")


def imported(tmp_path: Path) -> tuple[Database, int]:
    """The small village after a Siskeudes import that added Wagiman (Kaur, not on the roster)."""
    db, _ids = small_village(tmp_path)
    data = read_siskeudes(write_tables(tmp_path / "siskeudes", desa_rows(YEAR)))
    with db.session() as s:
        preview = preview_import(s, data, year=YEAR)
        wagiman = next(p for p in preview.persons if p.nama == "Wagiman")
        assert wagiman.status == DITAMBAH  # shown as "Ditambahkan (belum lengkap)"
        result = apply_import(s, data, year=YEAR, operator="uji", confirmed=preview)
        assert [p.nama for p in result.added] == ["Wagiman"]
    with db.session() as s:
        again = preview_import(s, data, year=YEAR)  # a second import matches him by name and post
        assert {p.nama: p.status for p in again.persons}["Wagiman"] == ADA
        row = next(r for r in list_roster(s, YEAR, rules=RULES) if r.nama == "Wagiman")
    return db, row.person_id


def with_jp(db: Database, person_id: int) -> None:
    with db.session() as s:
        roster.set_coverage(
            s, person_id, roster.CoverageData(YEAR, "PU", 2_500_000, ("JKK", "JKM", "JHT", "JP")),
            operator="uji",
        )  # fmt: skip


def test_import_adds_the_perangkat_as_incomplete_and_the_roster_says_what_is_missing(
    tmp_path: Path,
) -> None:
    db, wagiman = imported(tmp_path)
    with db.session() as s:
        rows = {r.nama: r for r in list_roster(s, YEAR, rules=RULES)}
        detail = get_person(s, wagiman)
    assert rows["Wagiman"].missing == ALL_MISSING
    assert rows["Suparno"].missing == ()
    assert missing_text(rows["Wagiman"].missing) == "NIK, tanggal lahir, jenis kelamin"
    assert (rows["Wagiman"].kategori, rows["Wagiman"].jabatan) == ("perangkat_desa", "Kepala Dusun")
    assert rows["Wagiman"].months == 12  # in post from 1 January of the Siskeudes year
    assert (detail.person.nik, detail.person.jenis_kelamin, detail.person.tanggal_lahir) == (
        "", "", None,
    )  # fmt: skip
    assert (detail.person.no_hp, detail.person.alamat) == ("081299990000", "Dusun Kidul")
    assert detail.posts[0].data.mulai == date(YEAR, 1, 1)


def test_the_budget_counts_jp_every_month_and_names_who_lacks_a_birth_date(
    tmp_path: Path,
) -> None:
    db, wagiman = imported(tmp_path)
    with_jp(db, wagiman)
    from desa_budget.contributions.simulation import simulate

    with db.session() as s:
        sim = simulate(s, RULES, YEAR)
    (person,) = [p for p in sim.persons if p.person_id == wagiman]
    assert len(person.monthly) == 12 and person.by_program["JP"].desa > 0
    assert all(m.programs["JP"].desa > 0 for m in person.monthly)  # no month without JP
    said = [a for a in sim.assumptions if "Wagiman" in a]
    assert said and "JP dihitung untuk semua bulan" in said[0]


def test_saving_is_refused_until_the_missing_fields_are_filled_then_complete(
    tmp_path: Path,
) -> None:
    db, wagiman = imported(tmp_path)
    with db.session() as s:
        detail = get_person(s, wagiman)
    with pytest.raises(UserError) as refused, db.session() as s:
        roster.update_person(s, wagiman, replace(detail.person, nama="Wagiman S"), operator="uji")
    told = " ".join(refused.value.details)
    assert "NIK" in told and "Tanggal Lahir" in told and "Jenis Kelamin" in told
    born = date(1985, 4, 2)
    filled = replace(detail.person, nik=make_nik(born, "L", 9), jenis_kelamin="L",
                     tanggal_lahir=born)  # fmt: skip
    with db.session() as s:
        roster.update_person(s, wagiman, filled, operator="uji")
    with db.session() as s:
        row = next(r for r in list_roster(s, YEAR, rules=RULES) if r.person_id == wagiman)
        assert row.missing == () and get_person(s, wagiman).person.tanggal_lahir == born


def test_missing_fields_is_the_one_notion() -> None:
    assert missing_fields(nik=None, tanggal_lahir=None, jenis_kelamin=None) == ALL_MISSING
    assert missing_fields(nik="", tanggal_lahir=BORN, jenis_kelamin="L") == ("nik",)
    assert missing_fields(nik=make_nik(BORN, "L", 1), tanggal_lahir=BORN, jenis_kelamin="L") == ()


def test_outputs_leave_the_missing_cells_empty_and_say_so(tmp_path: Path) -> None:
    db, wagiman = imported(tmp_path)
    with_jp(db, wagiman)
    with db.session() as s:
        sipp = gather_sipp_data(s, year=YEAR, rules=RULES)
        dpmd = gather_dpmd_data(s, RULES, year=YEAR)
        annex = gather_annex_data(s, RULES, year=YEAR)
        export_roster(s, tmp_path / "daftar.xlsx", year=YEAR)
    warnings = export_sipp(tmp_path / "sipp.xlsx", sipp)
    assert any("Wagiman" in w and "NIK" in w and "Tanggal Lahir" in w for w in warnings)
    sheet = load_workbook(tmp_path / "sipp.xlsx")["PU"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(next(r for r in rows if "NIK" in r))
    (row,) = [r for r in rows if "Wagiman" in r]
    assert row[header.index("NIK")] is None and row[header.index("Tanggal Lahir")] is None
    export_dpmd(tmp_path / "dpmd.xlsx", dpmd)
    book = load_workbook(tmp_path / "dpmd.xlsx")
    (rincian,) = [r for ws in book for r in ws.iter_rows(values_only=True) if "Wagiman" in r]
    assert "belum diisi" in rincian
    pdf = render_documents(annex, docs=["lampiran"])
    text = " ".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(pdf)).pages)
    assert "Wagiman" in text and "NIK belum diisi" in text
    assert "Wagiman: tanggal lahir belum diisi" in " ".join(text.split())
    roster_book = load_workbook(tmp_path / "daftar.xlsx").active
    assert roster_book is not None
    (person_row,) = [r for r in roster_book.iter_rows(values_only=True) if "Wagiman" in r]
    header = next(roster_book.iter_rows(values_only=True))
    assert person_row[list(header).index("NIK")] is None


def test_beranda_lists_them_as_a_next_step(tmp_path: Path) -> None:
    from desa_budget.budget.findings import year_findings
    from desa_budget.contributions.simulation import simulate

    db, wagiman = imported(tmp_path)
    with db.session() as s:
        found = [f for f in year_findings(s, simulate(s, RULES, YEAR)) if f.kode == "peserta"]
    (finding,) = [f for f in found if f.target_kind == "person_identitas"]
    assert finding.message.startswith("1 peserta belum lengkap") and "Wagiman" in finding.message
    assert finding.target == str(wagiman)  # Beranda opens his form


def test_the_workbook_to_complete_completes_them_through_the_roster_import(
    tmp_path: Path,
) -> None:
    from desa_budget.roster.import_record import apply_import_recorded, swap_people
    from desa_budget.roster.workbook.apply import plan_import
    from desa_budget.siskeudes.import_apply import write_completion_workbook
    from desa_budget.siskeudes.import_preview import PersonPreview

    db, wagiman = imported(tmp_path)
    with db.session() as s:
        before = get_person(s, wagiman)
    added = PersonPreview(
        nama="Wagiman", jabatan="Kepala Dusun", kategori="perangkat_desa", alamat="Dusun Kidul",
        no_hp="081299990000", status=DITAMBAH, person_id=None, changes=(), missing=(),
    )  # fmt: skip
    book = tmp_path / "lengkapi.xlsx"
    write_completion_workbook(book, (added,))
    wb = load_workbook(book)
    ws = wb["Daftar"]
    rows = list(ws.iter_rows())
    header = next(r for r in rows if r[0].value == "NIK")
    column = {c.value: c.column - 1 for c in header}
    (row,) = [r for r in rows if r[column["Nama"]].value == "Wagiman"]
    born = date(1985, 4, 2)
    filled = {
        "NIK": make_nik(born, "L", 9), "Jenis Kelamin": "L", "Tanggal Lahir": "02-04-1985",
        "Status Jabatan": "Definitif", "Segmen": "PU", "Dasar Upah": 2_500_000,
        "Program": "JKK, JKM, JHT, JP", "Kelas Risiko JKK": 1, "Iuran Pekerja": "Desa",
        "Status BPJS": "Belum Terdaftar",
    }  # fmt: skip
    for name, value in filled.items():
        row[column[name]].value = value
    wb.save(book)
    with db.session() as s:
        plan = plan_import(s, book, year=YEAR)
        (entry,) = plan.entries
        assert entry.person_id == wagiman  # matched by name and post, not a new person
        assert any((c.kolom, c.lama, c.baru) == ("NIK", "-", filled["NIK"]) for c in entry.changes)
        record = apply_import_recorded(s, plan, operator="uji")
    with db.session() as s:
        names = [r.nama for r in list_roster(s, YEAR, rules=RULES)]
        completed = get_person(s, wagiman).person
    assert names.count("Wagiman") == 1
    assert (completed.nik, completed.tanggal_lahir) == (filled["NIK"], born)
    with db.session() as s:  # undo puts him back incomplete, under his id
        swap_people(s, record.after, record.before, operator="uji")
    with db.session() as s:
        assert get_person(s, wagiman).person == before.person


def test_the_projection_names_who_lacks_a_birth_date_too(tmp_path: Path) -> None:
    from desa_budget.projection.compute import ProjectionParams, project

    db, wagiman = imported(tmp_path)
    with_jp(db, wagiman)
    with db.session() as s:
        found = project(s, RULES, ProjectionParams(YEAR))
    assert any(a.startswith("Wagiman: tanggal lahir belum diisi") for a in found.assumptions)


def test_the_simulate_command_says_it_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from desa_budget.cli import build_parser, run_command

    db, wagiman = imported(tmp_path)
    with_jp(db, wagiman)
    db.dispose()
    argv = ["--data-dir", str(tmp_path / "data"), "simulate", "--year", str(YEAR)]
    assert run_command(build_parser().parse_args(argv)) == 0
    assert "Wagiman: tanggal lahir belum diisi" in capsys.readouterr().out
    assert run_command(build_parser().parse_args([*argv, "--json"])) == 0
    summary = json.loads(capsys.readouterr().out)
    assert [p["nik"] for p in summary["persons"] if p["nama"] == "Wagiman"] == [None]


def _reexported(db: Database, path: Path, rename: str | None = None) -> Path:
    """The whole roster exported again, Wagiman's row left as exported (no NIK typed); with
    ``rename`` his name is changed, so the row no longer belongs to a person stored incomplete."""
    with db.session() as s:
        export_roster(s, path, year=YEAR)
    if rename:
        wb = load_workbook(path)
        for cells in wb.active.iter_rows():
            for cell in cells:
                if cell.value == "Wagiman":
                    cell.value = rename
        wb.save(path)
    return path


def test_a_reexported_incomplete_row_is_skipped_with_a_warning(tmp_path: Path) -> None:
    from desa_budget.roster.workbook.apply import apply_import as apply_roster
    from desa_budget.roster.workbook.apply import plan_import

    db, wagiman = imported(tmp_path)
    book = _reexported(db, tmp_path / "daftar.xlsx")
    with db.session() as s:
        before = get_person(s, wagiman)
        plan = plan_import(s, book, year=YEAR)
        summary = apply_roster(s, plan, operator="uji")
    (skipped,) = [w for w in plan.warnings if "dilewati" in w.message.casefold()]
    assert skipped.message.startswith("Dilewati: data belum lengkap")
    assert skipped.row is not None and skipped.row > 1 and skipped.column == "NIK"
    assert len(plan.entries) >= 2 and not plan.adds  # everyone else is read and matched
    assert summary.added == 0
    with db.session() as s:
        assert get_person(s, wagiman).person == before.person  # still there, still incomplete
        names = [r.nama for r in list_roster(s, YEAR, rules=RULES)]
    assert names.count("Wagiman") == 1


def test_a_row_without_nik_for_nobody_stored_incomplete_still_refuses_the_file(
    tmp_path: Path,
) -> None:
    from desa_budget.roster.workbook.apply import plan_import
    from desa_budget.roster.workbook.problems import ImportRefused

    db, _wagiman = imported(tmp_path)
    book = _reexported(db, tmp_path / "daftar.xlsx", rename="Wagimin")
    with db.session() as s, pytest.raises(ImportRefused) as refused:
        plan_import(s, book, year=YEAR)
    assert any(p.column == "NIK" for p in refused.value.problems)
