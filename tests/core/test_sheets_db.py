"""The exports from a real (migrated) database: gather_*_data and the export / consolidate commands."""

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from budget_helpers import DESA_TOTAL, KADES_YEAR, RENTAN_YEAR, YEAR, small_village
from openpyxl import load_workbook
from sqlalchemy import select

from desa_budget.budget import versions
from desa_budget.cli import IndonesianArgumentParser, export_cmds, run_command
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules
from desa_budget.sheets import dpmd_layout as L
from desa_budget.sheets.dpmd import export_dpmd, gather_dpmd_data
from desa_budget.sheets.sipp import HEADER_ROW, export_sipp, gather_sipp_data
from desa_budget.store.database import Database
from desa_budget.store.models import Coverage


def _parser() -> IndonesianArgumentParser:
    # The app's registry wires export_cmds in; the tests build a parser of this module alone.
    parser = IndonesianArgumentParser(prog="app.py")
    parser.add_argument("--data-dir")
    parser.add_argument("--db")
    sub = parser.add_subparsers(dest="command", parser_class=IndonesianArgumentParser)
    export_cmds.register(sub)
    return parser


def _run(*argv: str) -> int:
    args: argparse.Namespace = _parser().parse_args(list(argv))
    return run_command(args)


def _values(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    # A read-only workbook keeps its file open until closed; left to the garbage collector, the
    # ResourceWarning fails whichever later test happens to be running.
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()


def _rekap_total(path: Path) -> dict[str, Any]:
    header, *rows = _values(path, L.REKAP)
    return dict(zip(header, rows[-1], strict=True))


def _set_status(db: Database, person_id: int, status: str, kpj: str | None = None) -> None:
    with db.session() as s:
        cov = s.scalars(select(Coverage).where(Coverage.person_id == person_id)).one()
        cov.status_bpjs = status
        cov.nomor_kpj = kpj


def test_draft_then_adopted_murni(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    rules = load_rules()
    with db.session() as s:
        draft = gather_dpmd_data(s, rules, year=YEAR)
    assert draft.versi == "draf" and draft.simulation.desa == DESA_TOTAL
    assert draft.kode_desa == "33.02.12.2005" and draft.kecamatan == "Sumbang"
    with db.session() as s:
        versions.adopt_version(
            s, rules, year=YEAR, jenis="murni", nomor_perdes="3 Tahun 2024",
            tanggal_perdes=date(2024, 12, 30), operator="uji",
        )  # fmt: skip
    _set_status(db, ids["Suparno"], "terdaftar", kpj="12345678901")
    with db.session() as s:
        data = gather_dpmd_data(s, rules, year=YEAR, include_kpj=True)
        with pytest.raises(UserError, match="Perubahan tahun 2025 belum ditetapkan"):
            gather_dpmd_data(s, rules, year=YEAR, jenis="perubahan")
    assert data.versi == "murni" and data.nomor_perdes == "3 Tahun 2024"
    kades = next(p for p in data.simulation.persons if p.person_id == ids["Suparno"])
    assert kades.status_bpjs == "terdaftar"  # the roster's current status, not the frozen one
    assert kades.desa == KADES_YEAR
    assert data.kpj == {ids["Suparno"]: "12345678901"}
    path = export_dpmd(tmp_path / "murni.xlsx", data)
    total = _rekap_total(path)
    assert total["Iuran Desa Setahun"] == DESA_TOTAL
    assert (total["Terdaftar"], total["Belum Terdaftar"]) == (1, 2)


def test_export_dpmd_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_village(tmp_path)
    out = tmp_path / "dpmd.xlsx"
    data_dir = str(tmp_path / "data")
    assert (
        _run("--data-dir", data_dir, "export", "dpmd", "--year", str(YEAR), "--out", str(out)) == 0
    )
    assert "Rp4.512.240" in capsys.readouterr().out
    assert _rekap_total(out)["Iuran Desa Setahun"] == DESA_TOTAL
    header = _values(out, L.RINCIAN)[0]
    assert "Nomor KPJ" not in header
    code = _run("--data-dir", data_dir, "export", "dpmd", "--year", str(YEAR),
                "--out", str(tmp_path / "x.csv"))  # fmt: skip
    assert code == 2 and "berakhiran .xlsx" in capsys.readouterr().err


def test_sipp_lists_only_unregistered(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    _set_status(db, ids["Tarno"], "terdaftar")
    with db.session() as s:
        nik = roster.PersonData(
            "3302124107900005", "=Siti", "P", date(1990, 7, 1), "Purwokerto", "Ibu",
            no_hp="+62 812-3456-7890", email="siti@contoh.id", alamat="Dusun I RT 01/02",
        )  # fmt: skip
        post = roster.PostData("perangkat_desa", "Kasi Pelayanan", mulai=date(2025, 4, 14))
        cover = roster.CoverageData(YEAR, "PU", 2_022_200, ("JKK", "JKM"))
        ids["Siti"] = roster.add_person(s, nik, [post], cover, operator="uji")
        data = gather_sipp_data(s, year=YEAR, rules=load_rules())
    assert sorted(p.nama for p in data.persons) == ["=Siti", "Painem", "Suparno"]
    path = tmp_path / "sipp.xlsx"
    warnings = export_sipp(path, data)
    assert any("Suparno" in w and "Tempat Lahir" in w and "No HP" in w for w in warnings)
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["PU", "BPU", "BPU Kolektif"]
    header = [c.value for c in wb["PU"][HEADER_ROW]]  # under the confidentiality notice
    pu = {
        r[header.index("Nama Lengkap")].value: r for r in wb["PU"].iter_rows(min_row=HEADER_ROW + 1)
    }
    siti = dict(zip(header, pu["=Siti"], strict=True))
    assert siti["NIK"].value == "3302124107900005" and siti["NIK"].data_type == "s"
    assert (
        siti["Jenis Identitas"].value == "KTP"
        and siti["Nomor Identitas"].value == siti["NIK"].value
    )
    assert siti["Nama Lengkap"].data_type == "s"
    assert siti["Tanggal Lahir"].value == "01-07-1990" and siti["Tanggal Lahir"].data_type == "s"
    assert siti["Tanggal Mulai Kepesertaan"].value == "14-04-2025"  # the TMT
    assert siti["Tanggal Awal Bekerja"].value == "14-04-2025"
    assert siti["Jenis Kelamin"].value == "P" and siti["Tempat Lahir"].value == "Purwokerto"
    assert siti["No HP"].value == "081234567890" and siti["No HP"].data_type == "s"
    assert siti["Email"].value == "siti@contoh.id" and siti["Alamat"].value == "Dusun I RT 01/02"
    assert siti["Status Pegawai"].value == "Definitif"
    assert siti["Upah"].value == 2_022_200 and siti["Upah"].data_type == "n"
    assert "Program" not in header and "Kelas Risiko JKK" not in header  # set per employer
    suparno = dict(zip(header, pu["Suparno"], strict=True))
    assert suparno["Tanggal Mulai Kepesertaan"].value == "01-01-2025"  # no TMT: 1 January
    assert suparno["Tanggal Awal Bekerja"].value is None
    assert list(wb["BPU"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)) == []
    _notice, kolektif_header, *kolektif = wb["BPU Kolektif"].iter_rows(values_only=True)
    painem = dict(zip(kolektif_header, kolektif[0], strict=True))
    assert len(kolektif) == 1 and painem["Nama Lengkap"] == "Painem" and painem["Desa"] == "Uji"
    assert (painem["Jumlah Bulan"], painem["Iuran per Bulan"], painem["Iuran Setahun"]) == (
        12, 16_800, RENTAN_YEAR,
    )  # fmt: skip
    assert "Tarno" not in pu
    groups = list(wb["Pemberi Kerja"].iter_rows(values_only=True))
    assert ("PU", "JKK, JKM, JHT, JP", 1, 1) in groups and ("PU", "JKK, JKM", 1, 1) in groups
    kolom = list(wb["Kolom"].iter_rows(values_only=True))[HEADER_ROW:]
    assert all(k[3] in ("belum dikonfirmasi", "aplikasi") for k in kolom)
    assert ("PU", "No HP", "ya", "belum dikonfirmasi") == kolom[
        [k[1] for k in kolom].index("No HP")
    ][:4]


def test_export_sipp_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_village(tmp_path)
    out = tmp_path / "sipp.xlsx"
    assert _run("--data-dir", str(tmp_path / "data"), "export", "sipp", "--year", str(YEAR),
                "--out", str(out)) == 0  # fmt: skip
    assert "3 orang belum terdaftar (2 PU, 1 BPU)" in capsys.readouterr().out
    assert out.is_file()


def test_personal_contact_data_never_goes_to_the_dpmd(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    with db.session() as s:
        detail = roster.get_person(s, ids["Suparno"])
        roster.update_person(
            s, ids["Suparno"],
            replace(detail.person, no_hp="081298765432", email="kades@contoh.id",
                    alamat="Jl. Rahasia No. 9", nama_ibu="Ibu Kandung Rahasia"),
            operator="uji",
        )  # fmt: skip
        data = gather_dpmd_data(s, load_rules(), year=YEAR, include_kpj=True)
    path = export_dpmd(tmp_path / "dpmd.xlsx", data, full_nik=True, include_kpj=True)
    cells = {
        str(v) for ws in load_workbook(path).worksheets for r in ws.iter_rows(values_only=True)
        for v in r if v is not None
    }  # fmt: skip
    secret = ("081298765432", "kades@contoh.id", "Jl. Rahasia No. 9", "Ibu Kandung Rahasia")
    assert not any(s in c for s in secret for c in cells)
