"""``annex`` on a real database: the written PDF's totals, versions, and the refusals (exit 2)."""

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from budget_helpers import BORN, DESA_TOTAL, YEAR, small_village
from report_helpers import text
from roster_helpers import make_nik, new_db

from desa_budget.budget import versions
from desa_budget.cli import EXIT_USER_ERROR, annex_cmds, build_parser, run_command
from desa_budget.format import format_number, terbilang_rupiah
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules


def cli(tmp_path: Path, argv: Sequence[str]) -> int:
    made = build_parser()
    sub = next(a for a in made._actions if isinstance(a, argparse._SubParsersAction))
    if "annex" not in sub.choices:  # the registry may not list the command yet
        annex_cmds.register(sub)
    return run_command(made.parse_args(["--data-dir", str(tmp_path / "data"), *argv]))


def annex(tmp_path: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "lampiran.pdf"
    code = cli(tmp_path, ["annex", "--year", str(YEAR), "--doc", "all", "--out", str(out), *extra])
    return code, out


def test_annex_writes_the_draft_with_the_simulation_totals(tmp_path, capsys):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    code, out = annex(tmp_path, "--paper", "F4")
    assert code == 0, capsys.readouterr().err
    content = text(out.read_bytes())
    assert f"JUMLAH TOTAL (3 orang) {format_number(DESA_TOTAL)}" in content
    assert f"JUMLAH {format_number(DESA_TOTAL)}" in content
    assert f"Terbilang: {terbilang_rupiah(DESA_TOTAL)}" in content
    assert ". . . . . . TAHUN 2025" in content
    assert "rancangan" in capsys.readouterr().out


def test_annex_of_an_adopted_version(tmp_path, capsys):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        versions.adopt_version(
            s, load_rules(), year=YEAR, jenis="murni", nomor_perkades="3",
            tanggal_perkades=date(YEAR, 1, 2), operator="uji",
        )  # fmt: skip
    code, out = annex(tmp_path, "--version", "murni", "--full-nik")
    assert code == 0, capsys.readouterr().err
    content = text(out.read_bytes())
    assert "NOMOR : 3 TAHUN 2025 TANGGAL : 2 JANUARI 2025" in content
    assert "Uji, 2 Januari 2025" in content
    assert make_nik(BORN, "L", 1) in content


def test_no_profile_exits_2_without_a_file(tmp_path, capsys):  # type: ignore[no-untyped-def]
    new_db(tmp_path, profile=False)
    code, out = annex(tmp_path)
    assert code == EXIT_USER_ERROR
    assert "Profil desa belum diisi" in capsys.readouterr().err
    assert not out.exists()


def test_empty_roster_exits_2_without_a_file(tmp_path, capsys):  # type: ignore[no-untyped-def]
    new_db(tmp_path)
    code, out = annex(tmp_path)
    assert code == EXIT_USER_ERROR
    assert "Tidak ada peserta yang ditanggung" in capsys.readouterr().err
    assert not out.exists()


def test_year_without_lines_exits_2_and_keeps_an_old_file(tmp_path, capsys):  # type: ignore[no-untyped-def]
    db = new_db(tmp_path)
    with db.session() as s:
        roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "L", 9), "Karto", "L", BORN),
            [roster.PostData("rt_rw", "Ketua RW 01")],
            roster.CoverageData(YEAR, "PU", 1_500_000, ("JKK", "JKM"), dibayar_oleh="pemda"),
            operator="uji",
        )
    (tmp_path / "lampiran.pdf").write_bytes(b"old")
    code, out = annex(tmp_path)
    assert code == EXIT_USER_ERROR
    assert "belum punya baris anggaran" in capsys.readouterr().err
    assert out.read_bytes() == b"old"


@pytest.mark.parametrize("bad", [["--paper", "A3"], ["--doc", "anggaran"]])
def test_bad_options_exit_2(tmp_path, capsys, bad):  # type: ignore[no-untyped-def]
    small_village(tmp_path)
    out = tmp_path / "x.pdf"
    with pytest.raises(SystemExit) as exc:
        cli(tmp_path, ["annex", "--year", str(YEAR), "--doc", "all", "--out", str(out), *bad])
    assert exc.value.code == EXIT_USER_ERROR
    assert not out.exists()


def dokumen(tmp_path: Path, *argv: str) -> int:
    return run_command(
        build_parser().parse_args(["--data-dir", str(tmp_path / "data"), "dokumen", *argv])
    )


def test_regulations_and_pelaksana_set_from_the_command_line(tmp_path, capsys):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        versions.adopt_version(
            s, load_rules(), year=YEAR, jenis="murni", nomor_perkades="3",
            tanggal_perkades=date(YEAR, 1, 2), operator="uji",
        )  # fmt: skip
    db.dispose()
    assert dokumen(tmp_path, "nomor", "--year", str(YEAR), "--version", "murni",
                   "--peraturan", "perkades_penjabaran", "--nomor", "4",
                   "--tanggal", f"{YEAR}-01-03") == 0  # fmt: skip
    assert dokumen(tmp_path, "letak", "--doc", "ringkasan", "--peraturan", "perkades_iuran",
                   "--lampiran", "II") == 0  # fmt: skip
    assert dokumen(tmp_path, "pelaksana", "--kegiatan", "1.1.03", "Darsih, S.E.",
                   "--jabatan", "Kaur Keuangan") == 0  # fmt: skip
    assert dokumen(tmp_path, "tampil", "--year", str(YEAR)) == 0
    shown = capsys.readouterr().out
    assert "Penjabaran APBDes: Lampiran Peraturan Kepala Desa tentang Penjabaran APBDes, " \
           "nomor 4, tanggal 3 Januari 2025" in shown  # fmt: skip
    assert "Rencana Anggaran Biaya (RAB): tanpa lampiran" in shown
    assert "Pelaksana kegiatan 1.1.03: Darsih, S.E. (Kaur Keuangan)" in shown
    code, out = annex(tmp_path, "--kode", "siskeudes")
    assert code == 0, capsys.readouterr().err
    content = text(out.read_bytes())
    assert "TANGGAL : 3 JANUARI 2025 TENTANG : PENJABARAN ANGGARAN" in content
    # The ringkasan, now Lampiran II of the Perkades on the contributions (no number yet).
    assert "LAMPIRAN II PERATURAN KEPALA DESA UJI NOMOR : . . . . . . TAHUN 2025" in content
    assert "DARSIH, S.E." in content and "KAUR KEUANGAN" in content
    assert "Kegiatan : 01.01.03. Penyediaan" in content
    # A refused edit: one sentence, exit 2.
    assert dokumen(tmp_path, "nomor", "--year", str(YEAR), "--version", "perubahan",
                   "--peraturan", "perdes_apbdes", "--nomor", "9") == EXIT_USER_ERROR  # fmt: skip
    assert "belum ditetapkan" in capsys.readouterr().err
