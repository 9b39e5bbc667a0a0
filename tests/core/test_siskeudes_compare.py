"""The year's budget lines against the RAB keyed in Siskeudes: equal (however Siskeudes splits
them), different by how much, missing on either side, and the perubahan (PAK) columns."""

import json
from pathlib import Path

import pytest
from budget_helpers import KADES_YEAR, RENTAN_YEAR, RT_YEAR, YEAR, small_village
from siskeudes_helpers import KD_DESA, desa_rows, rab_row, write_tables

from desa_budget.budget import versions
from desa_budget.cli import build_parser, run_command
from desa_budget.errors import UserError
from desa_budget.rules import load_rules
from desa_budget.siskeudes.compare import (
    BEDA,
    HANYA_APP,
    HANYA_SISKEUDES,
    SAMA,
    Comparison,
    compare_year,
)
from desa_budget.siskeudes.source import read_siskeudes
from desa_budget.store.database import Database

KADES = ("01.01.03.", "5.1.3.03.")
RT = ("01.01.07.", "5.2.2.03.")
RENTAN = ("03.01.90.", "5.2.7.90.")


def siskeudes(tmp_path: Path, rab: list[dict[str, object]], version: str = "V2.0 R2.0.0.") -> Path:
    rows = desa_rows(YEAR)
    rows["Ta_RABRinci"] = rab
    return write_tables(tmp_path / "siskeudes", rows, version=version)


def compare(db: Database, folder: Path, kd_desa: str | None = None) -> Comparison:
    with db.session() as s:
        return compare_year(s, load_rules(), read_siskeudes(folder), year=YEAR, kd_desa=kd_desa)


def by_key(result: Comparison) -> dict[tuple[str, str, str], object]:
    return {(ln.kegiatan, ln.rekening, ln.sumber_dana): ln for ln in result.lines}


def test_equal_different_and_missing_on_either_side(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    folder = siskeudes(tmp_path, [
        # the kades line keyed as two rows (JP apart): equal in sum
        rab_row(YEAR, *KADES, "ADD", KADES_YEAR - 1_368_000, no="01"),
        rab_row(YEAR, *KADES, "ADD", 1_368_000, no="02"),
        rab_row(YEAR, *RT, "ADD", RT_YEAR + 8_100),  # one month too many
        rab_row(YEAR, *KADES, "DDS", 50_000),  # same kegiatan and rekening, other sumber dana
        rab_row(YEAR, "01.01.01.", "5.1.1.01.", "ADD", 60_000_000),  # siltap: not ours, not listed
        rab_row(YEAR - 1, *RENTAN, "ADD", RENTAN_YEAR),  # last year's: not this year's
    ])  # fmt: skip
    result = compare(db, folder)
    lines = by_key(result)
    assert set(lines) == {(*KADES, "ADD"), (*KADES, "DDS"), (*RT, "ADD"), (*RENTAN, "ADD")}
    kades, dds, rt, rentan = (lines[(*KADES, "ADD")], lines[(*KADES, "DDS")], lines[(*RT, "ADD")],
                              lines[(*RENTAN, "ADD")])  # fmt: skip
    assert (kades.murni.status, kades.murni.app, kades.murni.siskeudes) == (SAMA, KADES_YEAR,
                                                                            KADES_YEAR)  # fmt: skip
    assert (rt.murni.status, rt.murni.selisih) == (BEDA, 8_100)
    assert (rentan.murni.status, rentan.murni.siskeudes) == (HANYA_APP, None)
    assert (dds.murni.status, dds.murni.app, dds.murni.siskeudes) == (HANYA_SISKEUDES, None, 50_000)
    assert result.versi_app == "draf" and result.kd_desa == KD_DESA and not result.all_equal
    assert all(ln.perubahan is None for ln in result.lines)  # no perubahan on either side


def test_all_equal_when_keyed_as_exported(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    folder = siskeudes(tmp_path, [rab_row(YEAR, *KADES, "ADD", KADES_YEAR),
                                  rab_row(YEAR, *RT, "ADD", RT_YEAR),
                                  rab_row(YEAR, *RENTAN, "ADD", RENTAN_YEAR)])  # fmt: skip
    assert compare(db, folder).all_equal


def test_perubahan_columns_against_the_adopted_perubahan(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    folder = siskeudes(tmp_path, [
        rab_row(YEAR, *KADES, "ADD", KADES_YEAR),
        rab_row(YEAR, *RT, "ADD", RT_YEAR, pak=RT_YEAR - 16_200),  # PAK lowered in Siskeudes
        rab_row(YEAR, *RENTAN, "ADD", RENTAN_YEAR),
    ])  # fmt: skip
    # Siskeudes has a perubahan the app has not adopted: shown, on the Siskeudes side only.
    early = by_key(compare(db, folder))
    rt = early[(*RT, "ADD")]
    assert rt.murni.status == SAMA
    assert rt.perubahan is not None and rt.perubahan.status == HANYA_SISKEUDES
    assert rt.perubahan.siskeudes == RT_YEAR - 16_200
    with db.session() as s:
        versions.adopt_version(s, load_rules(), year=YEAR, jenis="murni", operator="uji")
        versions.adopt_version(s, load_rules(), year=YEAR, jenis="perubahan", operator="uji")
    result = compare(db, folder)
    assert result.versi_app == "murni" and result.has_perubahan_app
    lines = by_key(result)
    kades, rt = lines[(*KADES, "ADD")], lines[(*RT, "ADD")]
    assert kades.perubahan is not None and kades.perubahan.status == SAMA
    assert rt.perubahan is not None and (rt.perubahan.status, rt.perubahan.selisih) == (BEDA,
                                                                                      -16_200)  # fmt: skip


def test_a_database_before_permendagri_20_2018_is_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ids = small_village(tmp_path)
    folder = siskeudes(tmp_path, [rab_row(YEAR, *KADES, "ADD", KADES_YEAR)],
                       version="V1.2 R1.0.0.")  # fmt: skip
    with pytest.raises(UserError, match="sebelum Permendagri 20/2018"):
        compare(db, folder)
    argv = ["--data-dir", str(tmp_path / "data"), "siskeudes", "compare", str(folder),
            "--year", str(YEAR)]  # fmt: skip
    assert run_command(build_parser().parse_args(argv)) == 2
    assert "Permendagri 20/2018" in capsys.readouterr().err


def test_several_desa_need_a_choice(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    other = {**rab_row(YEAR, *KADES, "ADD", 1), "Kd_Desa": "05.04.", "Kd_Keg": "05.04.01.01.03."}
    folder = siskeudes(tmp_path, [rab_row(YEAR, *KADES, "ADD", KADES_YEAR), other])
    with pytest.raises(UserError, match="beberapa desa"):
        compare(db, folder)
    assert by_key(compare(db, folder, KD_DESA))[(*KADES, "ADD")].murni.status == SAMA


def test_compare_command_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_village(tmp_path)
    folder = siskeudes(tmp_path, [rab_row(YEAR, *RT, "ADD", RT_YEAR + 8_100)])
    argv = ["--data-dir", str(tmp_path / "data"), "siskeudes", "compare", str(folder),
            "--year", str(YEAR), "--json"]  # fmt: skip
    assert run_command(build_parser().parse_args(argv)) == 0
    out = json.loads(capsys.readouterr().out)
    statuses = {
        (ln["kegiatan"], ln["murni"]["status"], ln["murni"]["selisih"]) for ln in out["lines"]
    }
    assert statuses == {("01.01.03.", HANYA_APP, None), ("01.01.07.", BEDA, 8_100),
                        ("03.01.90.", HANYA_APP, None)}  # fmt: skip
