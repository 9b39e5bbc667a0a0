"""The code catalog: shipped lists, the Siskeudes form both ways, local codes, loader errors."""

from pathlib import Path

import pytest
from codes_helpers import CATALOG

from desa_budget.budget.codes.catalog import load_catalog
from desa_budget.budget.codes.forms import format_siskeudes, parse_code
from desa_budget.budget.codes.profiles import catalog_for
from desa_budget.errors import UserError

HEADER = "kode,level,uraian,source,confidence\n"


def test_shipped_lists_hold_the_domain_codes_with_sources() -> None:
    assert CATALOG.uraian("kegiatan", "1.1.03") == (
        "Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa"
    )
    assert CATALOG.uraian("rekening", "5.1.3.04") == "Jaminan Ketenagakerjaan Perangkat Desa"
    assert [r.kode for r in CATALOG.items("sumber_dana")] == [
        "PAD", "ADD", "DDS", "PBH", "PBP", "PBK", "SWD", "DLL",
    ]  # fmt: skip
    bidang = [r.kode for r in CATALOG.items("kegiatan") if r.level == "bidang"]
    assert bidang == ["1", "2", "3", "4", "5"]
    for code in ("1.1.90", "3.1.90"):
        row = CATALOG.get("kegiatan", code)
        assert row is not None and row.confidence == "L" and "kode lokal" in row.uraian
    for code in ("5.1.3.90", "5.2.7.90"):
        row = CATALOG.get("rekening", code)
        assert row is not None and row.confidence == "L" and "kode lokal" in row.uraian
    every = [*CATALOG.items("kegiatan"), *CATALOG.items("rekening"), *CATALOG.items("sumber_dana")]
    assert all(r.source and r.confidence in "HML" for r in every)


def test_every_sub_bidang_and_jenis_is_a_parent_a_village_can_use() -> None:
    # Permendagri 20/2018 (Kepmendagri 050-3708/2020): five bidang with their sub bidang, and the
    # jenis of Belanja Barang dan Jasa, so the alternatives used in practice can be added.
    sub = [r.kode for r in CATALOG.items("kegiatan") if r.level == "sub_bidang"]
    assert len(sub) == 27 and {"1.5", "2.8", "3.4", "4.4", "4.7", "5.3"} <= set(sub)
    jenis = [r.kode for r in CATALOG.items("rekening") if r.kode.startswith("5.2.")]
    assert {f"5.2.{n}" for n in range(1, 8)} <= set(jenis)
    for kode in ("4.4", "5.2.5"):
        row = CATALOG.get("kegiatan" if kode == "4.4" else "rekening", kode)
        assert row is not None and "Permendagri 20/2018" in row.source
    assert CATALOG.validate_local("kegiatan", "4.4.90") == "4.4.90"  # pekerja rentan
    assert CATALOG.validate_local("rekening", "5.2.5.90") == "5.2.5.90"  # RT/RW


def test_siskeudes_form_both_ways() -> None:
    assert format_siskeudes("1.1.03") == "01.01.03."
    assert format_siskeudes("5.1.3.04") == "5.1.3.04."
    assert format_siskeudes("3.1.90") == "03.01.90."
    assert format_siskeudes("1.1", "kegiatan") == "01.01."
    assert format_siskeudes("5.1.3") == "5.1.3."  # a jenis: one-digit last segment
    assert format_siskeudes("01.01.03.") == "01.01.03."  # already printed: unchanged
    assert parse_code("01.01.03.", "kegiatan") == "1.1.03"
    assert parse_code("5.1.3.04.", "rekening") == "5.1.3.04"
    assert parse_code("1.1.3", "kegiatan") == "1.1.03"
    assert CATALOG.find("kegiatan", "01.01.03.") == "1.1.03"
    assert CATALOG.find("rekening", " 5.1.3.04. ") == "5.1.3.04"
    assert CATALOG.find("sumber_dana", "add") == "ADD"
    assert CATALOG.find("kegiatan", "1.1.88") is None
    with pytest.raises(UserError, match="tidak berbentuk angka"):
        parse_code("1.a.03", "kegiatan")
    with pytest.raises(UserError, match="terlalu panjang"):
        parse_code("5.1.3.04.01", "rekening")
    assert [r.kode for r in CATALOG.chain("kegiatan", "1.1.03")] == ["1", "1.1", "1.1.03"]


def test_local_codes_only_90_to_99_under_a_known_parent() -> None:
    cat = catalog_for(
        "nasional",
        [("rekening", "5.1.3.91", "Jamsos honorer"), ("kegiatan", "01.01.99.", "Jamsos lain")],
    )
    assert cat.find("rekening", "5.1.3.91.") == "5.1.3.91"
    local = cat.get("kegiatan", "1.1.99")
    assert local is not None and local.local and local.uraian == "Jamsos lain"
    assert CATALOG.validate_local("rekening", "5.1.3.99") == "5.1.3.99"
    assert CATALOG.validate_local("kegiatan", "1.1.91") == "1.1.91"
    for jenis, kode in (("rekening", "5.1.3.89"), ("kegiatan", "1.1.89"), ("kegiatan", "1.90")):
        with pytest.raises(UserError, match="bernomor 90 sampai 99"):
            CATALOG.validate_local(jenis, kode)
    with pytest.raises(UserError, match="tidak punya induk"):
        CATALOG.validate_local("kegiatan", "5.9.90")  # no sub bidang 5.9
    with pytest.raises(UserError, match="sudah ada"):
        CATALOG.validate_local("rekening", "5.1.3.90")
    with pytest.raises(UserError, match="tidak dikenal"):
        CATALOG.validate_local("sumber_dana", "X90")
    # A saved village code with a shipped number is read back; the village's wording prints.
    again = CATALOG.with_local([("rekening", "5.1.3.90", "Jamsos Operator Desa")])
    assert again.uraian("rekening", "5.1.3.90") == "Jamsos Operator Desa"


def _write(folder: Path, kegiatan: str, rekening: str, sumber: str | None = None) -> Path:
    folder.mkdir()
    (folder / "kegiatan.csv").write_text(kegiatan, encoding="utf-8")
    (folder / "rekening.csv").write_text(rekening, encoding="utf-8")
    (folder / "sumber_dana.csv").write_text(
        sumber or "kode,uraian,source,confidence\nADD,Alokasi Dana Desa,x,H\n", encoding="utf-8"
    )
    return folder


def test_load_catalog_from_a_folder(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "ok",
        HEADER + "1,bidang,Bidang,x,H\n1.1,sub_bidang,Sub,x,H\n1.1.03,kegiatan,Jamsos,x,H\n",
        HEADER + "5,akun,Belanja,x,H\n5.1,kelompok,Pegawai,x,H\n5.1.3,jenis,Jamsos,x,H\n"
        "5.1.3.04,objek,Jamsos Perangkat,x,H\n",
    )
    cat = load_catalog(folder)
    assert cat.find("kegiatan", "01.01.03.") == "1.1.03"
    row = cat.get("rekening", "5.1.3.04")
    assert row is not None and row.uraian == "Jamsos Perangkat"


def test_catalog_errors_name_the_file_and_row(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "bad",
        HEADER + "1,bidang,Bidang,x,H\n1.1,sub_bidang,Sub,x,H\n1.1.03,kegiatan,Jamsos,x,H\n"
        "1.1.03,kegiatan,Lagi,x,H\n2.4.01,kegiatan,Yatim,x,H\n1.x.05,kegiatan,Rusak,x,H\n",
        HEADER,
    )
    with pytest.raises(UserError) as err:
        load_catalog(folder)
    text = str(err.value)
    assert (
        "kegiatan.csv baris 5: kode 1.1.03 tercantum dua kali (juga di kegiatan.csv baris 4)"
        in (text)
    )
    assert "kegiatan.csv baris 6: kode 2.4.01 tidak punya induk 2.4" in text
    assert "kegiatan.csv baris 7: Kode '1.x.05' tidak berbentuk angka" in text

    bad = tmp_path / "rekening.csv"
    bad.write_text(
        HEADER + "5,akun,Belanja,x,H\n5.1,kelompok,,x,Q\n5.1.3,objek,Jamsos,x,H\n", encoding="utf-8"
    )
    folder2 = _write(tmp_path / "bad2", HEADER + "1,bidang,Bidang,x,H\n", bad.read_text())
    with pytest.raises(UserError) as err:
        load_catalog(folder2)
    text = str(err.value)
    assert "rekening.csv baris 3: uraian kosong" in text
    assert "rekening.csv baris 3: tingkat keyakinan harus H, M atau L, bukan 'Q'" in text
    assert "rekening.csv baris 4: tingkat 'objek' tidak cocok dengan bentuk kode 5.1.3" in text


def test_a_missing_column_or_file_is_named(tmp_path: Path) -> None:
    folder = _write(tmp_path / "cols", "kode,level,uraian,source\n1,bidang,Bidang,x\n", HEADER)
    with pytest.raises(UserError, match=r"kegiatan.csv .*baris 1.*confidence"):
        load_catalog(folder)
    (folder / "kegiatan.csv").unlink()
    with pytest.raises(UserError, match="kegiatan.csv tidak ditemukan"):
        load_catalog(folder)


def test_a_malformed_code_prints_as_written() -> None:
    assert format_siskeudes("5.1.3.100", "rekening") == "5.1.3.100"
    assert format_siskeudes("abc", "kegiatan") == "abc"
