"""What the camat checks: an error is marked on the page, an exceeded pagu is warned about, the
head counts agree between documents, the RAB shows its sumber dana, Siskeudes code notation."""

import re
from dataclasses import replace

from report_helpers import MAPPING, Codes, annex_data, pages, text

from desa_budget.budget.checks import check_budget
from desa_budget.budget.codes.catalog import load_catalog
from desa_budget.budget.codes.notation import siskeudes_kegiatan, siskeudes_rekening
from desa_budget.budget.codes.profiles import load_kabupaten_profiles
from desa_budget.budget.lines import build_lines
from desa_budget.reports import render_documents


def with_dds_for_the_kepala_desa() -> object:
    data = annex_data()
    mapping = {**MAPPING, "kepala_desa": Codes("1.1.03", "5.1.3.03", "DDS")}
    lines = build_lines(data.simulation, catalog=load_catalog(), mapping=mapping)
    checks = check_budget(
        data.simulation, lines, catalog=load_catalog(),
        profile=load_kabupaten_profiles()["nasional"], total_belanja=None,
    )  # fmt: skip
    assert len(checks.errors) == 1 and checks.errors[0].kode == "dds"
    return replace(data, lines=lines, checks=checks)


def test_a_forbidden_dana_desa_line_is_marked_on_the_penjabaran_and_rab() -> None:
    data = with_dds_for_the_kepala_desa()
    out = text(render_documents(data, docs=["penjabaran"]))  # type: ignore[arg-type]
    assert "PERHATIAN: Rancangan ini memuat 1 kesalahan anggaran" in out
    assert "Iuran JKK, JKM, JHT dan JP Kepala Desa [!1] 12 OB 2.845.440 DDS" in out
    assert "Kesalahan anggaran: [!1] Dana Desa (DDS) tidak boleh membiayai" in out
    assert out.count("[!1]") == 3  # the objek, its line, the explanation
    rab = pages(render_documents(data, docs=["rab"]))  # type: ignore[arg-type]
    kades, rt, rentan = rab
    assert "[!1]" in kades and "DDS" in kades and "PERHATIAN" in kades
    assert "[!1]" not in rt and "PERHATIAN" not in rentan  # only the RAB with the wrong line
    clean = text(render_documents(annex_data(), docs=["penjabaran", "rab"]))
    assert "[!" not in clean and "PERHATIAN" not in clean


def test_an_exceeded_pagu_is_in_the_warnings() -> None:
    data = annex_data(pagu=5_000_000)
    out = text(render_documents(data, docs=["ringkasan"]))
    assert "kurang Rp1.428.536" in out  # the box, as before
    assert (
        "Peringatan: iuran dibayar desa Rp6.428.536 melebihi pagu Rp5.000.000 sebesar "
        "Rp1.428.536." in out
    )
    assert "melebihi pagu" not in text(
        render_documents(annex_data(pagu=7_000_000), docs=["ringkasan"])
    )


def test_head_counts_agree_between_the_daftar_and_the_ringkasan() -> None:
    data = annex_data()
    daftar = text(render_documents(data, docs=["lampiran"]))
    ringkasan = text(render_documents(data, docs=["ringkasan"]))
    total = int(re.search(r"JUMLAH TOTAL \((\d+) orang\)", daftar).group(1))  # type: ignore[union-attr]
    rt = int(re.search(r"Jumlah B \((\d+) orang\) 97.200", daftar).group(1))  # type: ignore[union-attr]
    # Kategori | in the roster | paid by the desa | paid by the Pemda
    assert f"RT/RW 2 {rt} 1 " in ringkasan
    assert f"JUMLAH 5 {total} 1 " in ringkasan
    assert f"{total} orang dari 5 orang dalam daftar; 1 lagi dibayar Pemda" in ringkasan


def test_the_rab_has_a_sumber_dana_column() -> None:
    for page in pages(render_documents(annex_data(), docs=["rab"])):
        assert "HARGA SATUAN (Rp) JUMLAH (Rp) SUMBER DANA" in page
        assert re.search(r"\(\d+ orang\) [\d.]+ OB [\d.]+ [\d.]+ ADD", page)


def test_siskeudes_code_notation_as_an_option() -> None:
    assert siskeudes_kegiatan("1.1.03") == "01.01.03." and siskeudes_kegiatan("3") == "03."
    assert (
        siskeudes_rekening("5.1.3.04") == "5.1.3.04."
        and siskeudes_rekening("5.2.7.9") == "5.2.7.09."
    )
    data = annex_data()
    plain = text(render_documents(data, docs=["penjabaran", "rab"]))
    siskeudes = text(render_documents(data, docs=["penjabaran", "rab"], notation="siskeudes"))
    assert "01.01.03. Penyediaan Jaminan Sosial" in siskeudes
    assert "5.1.3.03. Jaminan Ketenagakerjaan Kepala Desa" in siskeudes
    assert "Kegiatan : 01.01.03. Penyediaan" in siskeudes
    assert "01.01.03." not in plain and "1.1.03 Penyediaan" in plain
