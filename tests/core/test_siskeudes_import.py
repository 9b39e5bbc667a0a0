"""Importing a Siskeudes database: a preview that writes nothing, then profile, logo, Perdes
number and perangkat contacts in one transaction; perangkat not on the roster are added incomplete
(Siskeudes keeps no NIK or birth date), test_incomplete_person.py follows them further."""

import io
from dataclasses import replace
from pathlib import Path

import pytest
from budget_helpers import YEAR, small_village
from PIL import Image
from roster_helpers import KODE_DESA, new_db
from siskeudes_helpers import desa_rows, write_tables

from desa_budget.budget import regulations, versions
from desa_budget.cli import build_parser, run_command
from desa_budget.errors import UserError
from desa_budget.roster.read import get_person, list_roster
from desa_budget.rules import load_rules
from desa_budget.siskeudes.import_apply import apply_import
from desa_budget.siskeudes.import_preview import ADA, BEDA, DITAMBAH, preview_import
from desa_budget.siskeudes.source import read_siskeudes
from desa_budget.store.models import VillageProfile
from desa_budget.village.profile import get_profile, save_profile


def folder_with(tmp_path: Path, logo: bytes | None = None) -> Path:
    rows = desa_rows(YEAR)
    if logo is not None:
        rows["Ta_Pemda"] = [
            {**rows["Ta_Pemda"][0], "Logo": logo.hex().upper()}
        ]  # mdb-export -b hex
    return write_tables(tmp_path / "siskeudes", rows)


def test_preview_lists_changes_and_writes_nothing(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    data = read_siskeudes(folder_with(tmp_path))
    with db.session() as s:
        before = get_profile(s)
        preview = preview_import(s, data, year=YEAR)
        assert get_profile(s) == before
    changed = {c.field: (c.old, c.new) for c in preview.profile}
    assert changed == {"alamat": ("-", "Jl. Balai Desa 1"), "kepala_desa_nama": ("-", "Suparno"),
                       "sekretaris_desa_nama": ("-", "Sri Wahyuni")}  # fmt: skip
    persons = {p.nama: p for p in preview.persons}
    assert persons["Suparno"].status == BEDA and persons["Suparno"].person_id == ids["Suparno"]
    assert {c.field: c.new for c in persons["Suparno"].changes} == {
        "no_hp": "081234567890", "alamat": "RT 01 RW 02"}  # fmt: skip
    assert persons["TARNO"].status == ADA and persons["TARNO"].person_id == ids["Tarno"]
    wagiman = persons["Wagiman"]
    assert wagiman.status == DITAMBAH and wagiman.kategori == "perangkat_desa"
    assert "NIK" in wagiman.missing and "tanggal lahir" in wagiman.missing
    assert preview.notes == () and not preview.new_profile and preview.perdes == ()


def test_dry_run_command_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ids = small_village(tmp_path)
    folder = folder_with(tmp_path)
    argv = ["--data-dir", str(tmp_path / "data"), "siskeudes", "import", str(folder),
            "--year", str(YEAR), "--dry-run"]  # fmt: skip
    assert run_command(build_parser().parse_args(argv)) == 0
    out = capsys.readouterr().out
    assert "Wagiman - Ditambahkan (belum lengkap)" in out and "belum ada: NIK" in out
    with db.session() as s:
        assert get_profile(s).kepala_desa_nama == ""  # type: ignore[union-attr]


def test_apply_writes_profile_and_contacts_and_lists_who_to_complete(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    data = read_siskeudes(folder_with(tmp_path))
    with db.session() as s:
        preview = preview_import(s, data, year=YEAR)
        result = apply_import(s, data, year=YEAR, operator="uji", confirmed=preview)
    with db.session() as s:
        profile = get_profile(s)
        assert profile is not None and profile.kepala_desa_nama == "Suparno"
        assert profile.sekretaris_desa_nama == "Sri Wahyuni" and profile.kode_desa == KODE_DESA
        suparno = get_person(s, ids["Suparno"]).person
        assert (suparno.no_hp, suparno.alamat) == ("081234567890", "RT 01 RW 02")
        assert sorted(r.nama for r in list_roster(s, YEAR)) == [
            "Painem", "Suparno", "Tarno", "Wagiman"]  # fmt: skip
        # Applied: a second preview finds nothing left to change (Wagiman is on the roster now).
        again = preview_import(s, data, year=YEAR)
    assert not again.changes_anything
    assert result.persons_updated == 1 and [p.nama for p in result.added] == ["Wagiman"]


def test_apply_is_refused_when_the_village_changed_since_the_preview(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    data = read_siskeudes(folder_with(tmp_path))
    with db.session() as s:
        preview = preview_import(s, data, year=YEAR)
    with db.session() as s:
        profile = get_profile(s)
        assert profile is not None
        save_profile(s, replace(profile, kepala_desa_nama="Budi"), operator="lain")
    with pytest.raises(UserError, match="pratinjau"), db.session() as s:
        apply_import(s, data, year=YEAR, operator="uji", confirmed=preview)
    with db.session() as s:
        assert get_profile(s).kepala_desa_nama == "Budi"  # type: ignore[union-attr]


def test_a_new_village_starts_from_siskeudes_with_its_logo(tmp_path: Path) -> None:
    db = new_db(tmp_path, profile=False)
    bmp = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 0, 0)).save(bmp, format="BMP")
    data = read_siskeudes(folder_with(tmp_path, bmp.getvalue()))
    with db.session() as s:
        preview = preview_import(s, data, year=YEAR)
        assert preview.new_profile and preview.logo
        with pytest.raises(UserError, match="kode desa"):
            apply_import(s, data, year=YEAR, operator="uji", confirmed=preview)
    with db.session() as s:
        apply_import(s, data, year=YEAR, operator="uji", confirmed=preview, kode_desa=KODE_DESA)
    with db.session() as s:
        profile = get_profile(s)
        assert profile is not None
        assert (profile.nama_desa, profile.kecamatan, profile.kabupaten, profile.provinsi) == (
            "Uji", "Sumbang", "Banyumas", "Jawa Tengah")  # fmt: skip
        logo = s.query(VillageProfile.logo_png).scalar()
        assert logo is not None and logo.startswith(b"\x89PNG")
        assert Image.open(io.BytesIO(logo)).size == (4, 3)


def test_perdes_number_goes_to_the_adopted_version(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    with db.session() as s:
        versions.adopt_version(s, load_rules(), year=YEAR, jenis="murni", operator="uji")
    data = read_siskeudes(folder_with(tmp_path))
    with db.session() as s:
        preview = preview_import(s, data, year=YEAR)
        assert [(p.jenis, p.nomor, p.old) for p in preview.perdes] == [
            ("murni", "3 Tahun 2025", "-")]  # fmt: skip
        apply_import(s, data, year=YEAR, operator="uji", confirmed=preview)
    with db.session() as s:
        number = regulations.regulation_numbers(s, YEAR, "murni")["perdes_apbdes"]
        assert (number.nomor, str(number.tanggal)) == ("3 Tahun 2025", "2024-12-30")


def test_import_command_adds_the_perangkat_incomplete_and_writes_the_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ids = small_village(tmp_path)
    book = tmp_path / "lengkapi.xlsx"
    argv = ["--data-dir", str(tmp_path / "data"), "siskeudes", "import", str(folder_with(tmp_path)),
            "--daftar", str(book)]  # fmt: skip
    assert run_command(build_parser().parse_args(argv)) == 0
    assert "1 perangkat ditambahkan ke daftar peserta dengan data belum lengkap" in (
        capsys.readouterr().out)  # fmt: skip
    assert book.is_file()  # the workbook to complete them in Excel (test_incomplete_person.py)
    with db.session() as s:
        assert get_profile(s).sekretaris_desa_nama == "Sri Wahyuni"  # type: ignore[union-attr]
