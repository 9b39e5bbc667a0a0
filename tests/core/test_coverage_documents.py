"""The applied plan is the budget everywhere: after ``plan --apply`` the simulation, the lines,
every PDF's printed total and the DPMD workbook equal the plan's ``used``; undoing the apply
returns them to the roster; an adopted version keeps the coverage it froze. Figures and the
village: coverage_helpers (used 4.713.840 of a roster costing 5.117.040)."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from coverage_helpers import PAGU, ROSTER_TOTAL, USED, YEAR, add_rentan, plan_village
from openpyxl import load_workbook
from report_helpers import text

from desa_budget.budget import coverage
from desa_budget.cli import build_parser, run_command
from desa_budget.format import format_number, format_rp
from desa_budget.sheets import dpmd_layout as L
from desa_budget.sheets.sipp import HEADER_ROW
from desa_budget.store.opening import open_database

DOCS = ("lampiran", "penjabaran", "rab", "ringkasan")


class Village:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.data_dir = tmp_path / "data"
        self.db = open_database(data_dir=self.data_dir)
        self.ids = plan_village(self.db)

    def cli(self, *argv: str, capsys: pytest.CaptureFixture[str]) -> str:
        capsys.readouterr()
        args = build_parser().parse_args(["--data-dir", str(self.data_dir), *argv])
        code = run_command(args)
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    def json(self, *argv: str, capsys: pytest.CaptureFixture[str]) -> Any:
        return json.loads(self.cli(*argv, "--json", capsys=capsys))

    def pdf(self, doc: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
        out = self.tmp / f"{doc}.pdf"
        self.cli("annex", "--year", str(YEAR), "--doc", doc, "--out", str(out), *extra,
                 capsys=capsys)  # fmt: skip
        return text(out.read_bytes())

    def dpmd_total(self, capsys: pytest.CaptureFixture[str], *extra: str) -> int:
        out = self.tmp / "dpmd.xlsx"
        self.cli("export", "dpmd", "--year", str(YEAR), "--out", str(out), *extra, capsys=capsys)
        workbook = load_workbook(out, read_only=True)
        try:
            header, *rows = workbook[L.REKAP].iter_rows(values_only=True)
        finally:
            workbook.close()
        return int(dict(zip(header, rows[-1], strict=True))["Iuran Desa Setahun"])

    def totals(self, capsys: pytest.CaptureFixture[str], *version: str) -> dict[str, int]:
        """The desa total each output gives; ``version`` ("--version", "murni") picks one."""
        found = {
            "simulate": self.json("simulate", "--year", str(YEAR), capsys=capsys)["desa"]
            if not version
            else None,
            "lines": self.json("lines", "--year", str(YEAR), *version, capsys=capsys)["total"],
            "dpmd": self.dpmd_total(capsys, *version),
        }
        for doc in DOCS:
            content = self.pdf(doc, capsys, *version)
            found[doc] = printed_total(doc, content)
        return {k: v for k, v in found.items() if v is not None}


def amount(text: str) -> int:
    return int(text.replace(".", ""))


def printed_total(doc: str, content: str) -> int:
    """The desa total a document prints (the RAB: the sum of each kegiatan's JUMLAH)."""
    if doc == "lampiran":
        return amount(re.search(r"JUMLAH TOTAL \(\d+ orang\) ([\d.]+)", content).group(1))  # type: ignore[union-attr]
    if doc == "penjabaran":
        return amount(re.search(r"JUMLAH ([\d.]+) Terbilang", content).group(1))  # type: ignore[union-attr]
    if doc == "rab":
        return sum(amount(m) for m in re.findall(r"JUMLAH ([\d.]+) Terbilang", content))
    return amount(re.search(r"Iuran dibayar desa setahun Rp([\d.]+)", content).group(1))  # type: ignore[union-attr]


def test_the_applied_plan_is_the_budget_in_every_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    village = Village(tmp_path)
    before = village.totals(capsys)
    assert set(before.values()) == {ROSTER_TOTAL}
    planned = village.json(
        "plan", "--year", str(YEAR), "--pagu", str(PAGU), "--apply", capsys=capsys
    )
    assert (planned["used"], planned["applied"]) == (USED, True)
    after = village.totals(capsys)
    assert after == dict.fromkeys(before, USED)
    ringkasan = village.pdf("ringkasan", capsys)
    assert "Peserta iuran desa 4 orang dari 6 orang dalam daftar" in ringkasan
    assert "Tidak ditanggung tahun ini: 2 Pekerja Rentan." in ringkasan
    lampiran = village.pdf("lampiran", capsys)
    assert "SUMIYATI" in lampiran and "TUMINI" not in lampiran and "WARTINI" not in lampiran
    assert "2 orang lain dalam daftar peserta desa tidak ditanggung tahun ini" in lampiran
    # The window's undo of a first apply: the plan is taken back at the version it left.
    with village.db.session() as s:
        applied = coverage.read_applied(s, YEAR)
        assert applied is not None
        coverage.clear_plan(s, YEAR, operator="uji", version=applied.version)
    assert village.totals(capsys) == before
    plan_again = village.json("plan", "--year", str(YEAR), "--pagu", str(PAGU), capsys=capsys)
    assert plan_again["applied"] is False


def test_the_sipp_sheet_lists_only_the_covered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    village = Village(tmp_path)
    village.cli("plan", "--year", str(YEAR), "--pagu", str(PAGU), "--apply", capsys=capsys)
    out = tmp_path / "sipp.xlsx"
    village.cli("export", "sipp", "--year", str(YEAR), "--out", str(out), capsys=capsys)
    workbook = load_workbook(out, read_only=True)
    try:
        bpu = [
            row[2]  # No, NIK, Nama Lengkap
            for row in workbook["BPU Kolektif"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
        ]
    finally:
        workbook.close()
    assert bpu == ["Painem", "Sumiyati"]


def test_an_adopted_version_keeps_the_coverage_it_froze(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    village = Village(tmp_path)
    village.cli("plan", "--year", str(YEAR), "--pagu", str(PAGU), "--apply", capsys=capsys)
    village.cli("version", "adopt", "--year", str(YEAR), "--jenis", "murni", "--nomor-perdes",
                "3", capsys=capsys)  # fmt: skip
    frozen = ("--version", "murni")
    assert set(village.totals(capsys, *frozen).values()) == {USED}
    # The roster grows and the plan is taken back: the live budget follows the roster again...
    add_rentan(village.db, "Ngatini", 9)
    village.cli("plan", "--year", str(YEAR), "--clear", capsys=capsys)
    live = village.json("simulate", "--year", str(YEAR), capsys=capsys)["desa"]
    assert live == ROSTER_TOTAL + 201_600
    # ...while the adopted murni prints, exports and lists what it froze.
    assert set(village.totals(capsys, *frozen).values()) == {USED}
    ringkasan = village.pdf("ringkasan", capsys, *frozen)
    assert "Tidak ditanggung tahun ini: 2 Pekerja Rentan." in ringkasan
    assert f"Iuran dibayar desa setahun {format_rp(USED)}" in ringkasan
    lampiran = village.pdf("lampiran", capsys, *frozen)
    assert "NGATINI" not in lampiran and f"JUMLAH TOTAL (4 orang) {format_number(USED)}" in lampiran
