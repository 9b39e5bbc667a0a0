"""Reading Siskeudes: the empty BPKP database through access-parser (from a copy, the original
unchanged, the same as mdb-export gives), CSV folders and zips, the mapping, and a refusal for
anything that is not a Siskeudes database."""

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from siskeudes_helpers import KD_DESA, desa_rows, fixture_path, rab_row, sha256, write_tables

from desa_budget.cli import build_parser, run_command
from desa_budget.errors import UserError
from desa_budget.siskeudes.access_reader import read_access
from desa_budget.siskeudes.csv_reader import read_csv_folder
from desa_budget.siskeudes.mapping import load_mapping, map_tables
from desa_budget.siskeudes.source import read_siskeudes

FIXTURE = fixture_path()
needs_fixture = pytest.mark.skipif(
    FIXTURE is None,
    reason="../shared/fixtures/siskeudes/DataAPBDES.mde (the empty BPKP database) is absent",
)


def run(argv: list[str]) -> int:
    return run_command(build_parser().parse_args(argv))


@pytest.fixture
def mde(tmp_path: Path) -> Path:
    assert FIXTURE is not None
    copy = tmp_path / "DataAPBDES.mde"
    shutil.copyfile(FIXTURE, copy)
    copy.chmod(0o444)  # as Siskeudes' file may be: reading must not need to write
    return copy


@needs_fixture
def test_the_empty_bpkp_database_reads_as_it_is(mde: Path) -> None:
    before = sha256(mde)
    data = read_siskeudes(mde)
    assert sha256(mde) == before  # byte for byte unchanged
    assert data.version == "V1.2 R1.0.0." and not data.chart_2018
    [pemda] = data.pemda
    assert (pemda.tahun, pemda.kode_provinsi, pemda.kode_kabupaten) == ("2017", "33", "18")
    assert pemda.nama_pemda == "PEMERINTAH KABUPATEN PATI"
    assert pemda.logo is not None and pemda.logo[:2] == b"BM"  # the BMP logo, whole
    # The file still holds freed pages with a demo desa and 159 RAB rows from before it was
    # emptied; only the pages each table's usage map owns are read, as Access does.
    assert data.desa == () and data.perangkat == () and data.lines == ()
    assert data.unmatched == ()


@needs_fixture
def test_the_copy_is_read_not_the_original(mde: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    import access_parser

    real = access_parser.AccessParser

    def spy(path: str) -> object:
        opened.append(path)
        return real(path)

    monkeypatch.setattr(access_parser, "AccessParser", spy)
    read_siskeudes(mde)
    assert opened and all(Path(p) != mde and "jamsos-siskeudes-" in p for p in opened)


@needs_fixture
@pytest.mark.skipif(
    shutil.which("mdb-export") is None, reason="mdbtools (mdb-export) not installed"
)
def test_access_parser_reads_what_mdb_export_reads(mde: Path, tmp_path: Path) -> None:
    names = subprocess.run(["mdb-tables", "-1", str(mde)], capture_output=True, check=True,
                           text=True).stdout.split()  # fmt: skip
    folder = tmp_path / "csv"
    folder.mkdir()
    for name in names:
        out = subprocess.run(["mdb-export", "-b", "hex", str(mde), name], capture_output=True,
                             check=True).stdout  # fmt: skip
        (folder / f"{name}.csv").write_bytes(out)
    ours, theirs = read_access(mde, names), read_csv_folder(folder, names)
    assert len(names) > 60 and set(ours) == set(theirs) == set(names)
    for name in names:
        assert ours[name].columns == theirs[name].columns, name
        assert len(ours[name].rows) == len(theirs[name].rows), name
    mapped, exported = map_tables(ours), map_tables(theirs)
    assert mapped == exported and mapped.pemda[0].logo == exported.pemda[0].logo


def test_a_csv_folder_and_its_zip_read_the_same(tmp_path: Path) -> None:
    rows = desa_rows(2025)
    rows["Ta_RABRinci"] = [rab_row(2025, "01.01.03.", "5.1.3.03.", "ADD", 4_213_440)]
    folder = write_tables(tmp_path / "csv", rows)
    archive = tmp_path / "siskeudes.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in folder.iterdir():
            z.write(f, f"export/{f.name}")
    from_folder, from_zip = read_siskeudes(folder), read_siskeudes(archive)
    assert from_folder.lines == from_zip.lines and from_folder.desa == from_zip.desa
    [desa] = from_folder.desa
    assert (desa.kd_desa, desa.nama_desa, desa.kecamatan) == (KD_DESA, "Uji", "Sumbang")
    assert (desa.kepala_desa, desa.sekretaris_desa) == ("Suparno", "Sri Wahyuni")
    assert [(p.jenis, p.nomor, p.tanggal) for p in desa.perdes] == [
        ("apbdes", "3 Tahun 2025", date(2024, 12, 30))
    ]
    [line] = from_folder.lines
    assert (line.kegiatan, line.rekening, line.sumber_dana) == ("01.01.03.", "5.1.3.03.", "ADD")
    assert (line.volume, line.harga_satuan, line.anggaran) == ("12", 351_120, 4_213_440)
    kinds = {p.nama: (p.jabatan, p.kategori) for p in from_folder.perangkat}
    assert kinds == {"Suparno": ("Kepala Desa", "kepala_desa"), "TARNO": ("Ketua RT", "rt_rw"),
                     "Wagiman": ("Kepala Dusun", "perangkat_desa")}  # fmt: skip
    assert from_folder.chart_2018 and from_folder.unmatched == ()


def test_an_unknown_version_reads_what_matches_and_says_what_did_not(tmp_path: Path) -> None:
    folder = write_tables(tmp_path / "csv", desa_rows(2025), version="V3.1 R0.0.1.")
    text = (folder / "Ta_Perangkat.csv").read_text(encoding="utf-8")
    (folder / "Ta_Perangkat.csv").write_text(text.replace("Nomor_HP", "No_HP"), encoding="utf-8")
    (folder / "Ref_Kecamatan.csv").unlink()
    data = read_siskeudes(folder)
    assert data.version == "V3.1 R0.0.1." and len(data.perangkat) == 3
    assert {p.no_hp for p in data.perangkat} == {""}  # the renamed column is not guessed
    assert data.desa[0].kecamatan == "" and data.desa[0].kepala_desa == "Suparno"
    assert data.unmatched == ("Ref_Kecamatan", "Ta_Perangkat.Nomor_HP")


def test_the_mapping_is_data_naming_the_version_it_was_seen_in() -> None:
    raw = json.loads(
        (Path(__file__).resolve().parents[2] / "resources/siskeudes/mapping.json").read_text()
    )
    assert all(t["seen_in"] for t in raw["tables"].values())
    assert load_mapping().jabatan["07"].kategori == "rt_rw"


@pytest.mark.parametrize("content", [b"just text\n", b"\x00\x01\x00\x00Standard Jet DB\x00junk"])
def test_a_file_that_is_no_siskeudes_database_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "DataAPBDES.mde"
    path.write_bytes(content)
    assert run(["siskeudes", "read", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Galat: ") and err.count("\n") == 1 and "Traceback" not in err
    with pytest.raises(UserError):
        read_siskeudes(tmp_path)  # an empty folder holds no Siskeudes table either


def test_read_json_gives_version_pemda_desa_perangkat_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = desa_rows(2025)
    rows["Ta_RABRinci"] = [rab_row(2025, "01.01.03.", "5.1.3.03.", "ADD", 4_213_440),
                           rab_row(2024, "01.01.03.", "5.1.3.03.", "ADD", 1_000)]  # fmt: skip
    folder = write_tables(tmp_path / "csv", rows)
    assert run(["siskeudes", "read", str(folder), "--year", "2025", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["version"] == "V2.0 R2.0.0." and out["pemda"]["kode_kabupaten"] == "02"
    assert [d["kepala_desa"] for d in out["desa"]] == ["Suparno"]
    assert len(out["perangkat"]) == 3 and [ln["anggaran"] for ln in out["lines"]] == [4_213_440]
