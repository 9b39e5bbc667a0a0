"""The PDF annexes read back as text: totals to the rupiah, terbilang, paper, pages, NIK, drafts."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from report_helpers import (
    DESA_TOTAL,
    KADES_NIK,
    POTONGAN_TOTAL,
    YEAR,
    annex_data,
    page_sizes,
    pages,
    profile,
    text,
)

from desa_budget.budget.checks import CheckResult, ratio_30
from desa_budget.contributions.results import CoverageNote
from desa_budget.errors import UserError
from desa_budget.format import format_number, terbilang_rupiah
from desa_budget.reports import jp_ceiling_text, render_documents, write_pdf
from desa_budget.rules import load_rules

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)


def render(doc: str = "all", **kwargs: object) -> bytes:
    data = kwargs.pop("data", None) or annex_data()
    return render_documents(data, docs=[doc], **kwargs)  # type: ignore[arg-type]


def test_daftar_nominatif_totals_and_terbilang() -> None:
    data = annex_data()
    out = text(render("lampiran", data=data))
    assert data.simulation.desa == DESA_TOTAL  # the fixture's hand sums
    assert (
        f"JUMLAH TOTAL (4 orang) {format_number(DESA_TOTAL)} {format_number(POTONGAN_TOTAL)}" in out
    )
    # Subtotals per group: A (kades + kaur), D (RT/RW), F (pekerja rentan).
    assert f"Jumlah A (2 orang) {format_number(2_845_440 + 3_334_696)} 1.368.000" in out
    assert "Jumlah B (1 orang) 97.200 -" in out
    assert "Jumlah C (1 orang) 151.200 -" in out
    assert f"Terbilang: {terbilang_rupiah(DESA_TOTAL)}" in out
    # Withheld shares are never added to spending.
    assert format_number(DESA_TOTAL + POTONGAN_TOTAL) not in out
    # The Pemda-paid Ketua RW is not listed and is said to be left out.
    assert "KARTO" not in out
    assert "1 peserta lain dibiayai Pemerintah Daerah (APBD)" in out


def test_daftar_nominatif_shows_last_month_and_marks_the_jp_step() -> None:
    out = text(render("lampiran"))
    assert "279.400*" in out  # Bambang's March-December amount, marked as varying
    assert "237.120 12 2.845.440 1.368.000" in out
    assert "iuran bulan terakhir yang ditanggung" in out
    assert "Rp10.547.400 (Januari–Februari 2026) dan Rp11.086.300 (mulai Maret 2026)" in out


def test_daftar_nominatif_names_a_bpu_worker_s_share_as_their_own_payment() -> None:
    out = text(render("lampiran"))
    assert "iuran mandiri yang dibayar sendiri oleh peserta" in out


def test_daftar_nominatif_states_how_the_shares_are_rounded() -> None:
    out = " ".join(text(render("lampiran")).split())
    assert "iuran penuh tiap program dibulatkan" in out and "desa membayar selisihnya" in out


def test_jp_ceiling_text_from_the_rules() -> None:
    rules = load_rules()
    assert jp_ceiling_text(rules, 2026) == (
        "batas upah JP Rp10.547.400 (Januari–Februari 2026) dan Rp11.086.300 (mulai Maret 2026)"
    )
    assert "asumsi" in jp_ceiling_text(rules, 2027)


def test_penjabaran_every_level_adds_up() -> None:
    data = annex_data()
    out = text(render("penjabaran", data=data))
    total = data.lines.total
    assert total == DESA_TOTAL
    assert f"JUMLAH {format_number(total)}" in out
    assert f"Terbilang: {terbilang_rupiah(total)}" in out
    bidang1 = 2_845_440 + 3_334_696 + 97_200
    assert f"1 BIDANG PENYELENGGARAAN PEMERINTAHAN DESA {format_number(bidang1)}" in out
    assert f"1.1.03 Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa " \
           f"{format_number(2_845_440 + 3_334_696)}" in out  # fmt: skip
    for line in data.lines.lines:
        assert f"{line.uraian} {format_number(line.volume)} OB {format_number(line.jumlah)}" in out
    assert "(Rp1.368.000) disetor atas nama peserta" in out


def test_rab_one_per_kegiatan_with_header_and_signatures() -> None:
    data = annex_data()
    pdf = render("rab", data=data)
    texts = pages(pdf)
    kegiatan = sorted({line.kegiatan for line in data.lines.lines})
    assert len(texts) == len(kegiatan) == 3
    totals = []
    for page, code in zip(texts, kegiatan, strict=True):
        assert "RENCANA ANGGARAN BIAYA (RAB)" in page
        assert f"Kegiatan : {code} " in page
        amount = sum(ln.jumlah for ln in data.lines.lines if ln.kegiatan == code)
        totals.append(amount)
        assert f"JUMLAH {format_number(amount)}" in page
        assert f"Terbilang: {terbilang_rupiah(amount)}" in page
        for title in ("KEPALA DESA SUKAMAJU", "SEKRETARIS DESA", "PELAKSANA KEGIATAN"):
            assert title in page
        assert "SUPARNO" in page and "SRI WAHYUNI" in page and "DARSIH" in page
    assert sum(totals) == data.lines.total
    first = texts[0]
    assert "Waktu Pelaksanaan : Januari – Desember 2026" in first
    assert "Keluaran : 2 orang terlindungi jaminan sosial ketenagakerjaan" in first
    # Bambang's varying months are priced per tarif so volume x harga = jumlah.
    assert "tarif Rp270.348 per orang-bulan (1 orang) 2 OB 270.348 540.696" in first
    assert "tarif Rp279.400 per orang-bulan (1 orang) 10 OB 279.400 2.794.000" in first
    assert "Waktu Pelaksanaan : April – Desember 2026" in texts[2]


def test_ringkasan_is_one_page_with_figures_and_notes() -> None:
    data = annex_data(pagu=7_000_000)
    pdf = render("ringkasan", data=data)
    assert len(pages(pdf)) == 1
    out = text(pdf)
    assert f"Rp{format_number(DESA_TOTAL)}" in out
    assert f"Rp{format_number(POTONGAN_TOTAL)}" in out
    # Counted as the daftar nominatif counts: the Ketua RW paid by the Pemda apart.
    assert "4 orang dari 5 orang dalam daftar; 1 lagi dibayar Pemda" in out
    assert f"sisa Rp{format_number(7_000_000 - DESA_TOTAL)}" in out
    assert "angka rancangan" in out


def test_one_head_count_rule_in_ringkasan_and_daftar() -> None:
    # The Ketua RW paid by the Pemda is covered but never inside the count of peserta: the
    # ringkasan's plan summary, its boxes and the daftar nominatif all say 4, and say why.
    data = annex_data()
    note = CoverageNote(
        pagu=9_000_000, mode="ketat", used=DESA_TOTAL, diterapkan=datetime(YEAR - 1, 11, 2, 9),
        operator="sekdes", tiers=(), left_out=(),
    )  # fmt: skip
    data = replace(data, simulation=replace(data.simulation, coverage=note))
    ringkasan = text(render("ringkasan", data=data))
    assert "4 dari 5 orang dalam daftar" in ringkasan and "1 orang lagi dibayar Pemda" in ringkasan
    assert "5 dari 5 orang" not in ringkasan
    daftar = text(render("lampiran", data=data))
    assert "JUMLAH TOTAL (4 orang)" in daftar
    rule = "Jumlah peserta menghitung orang yang iurannya dibayar desa"
    assert rule in " ".join(daftar.split()) and rule in " ".join(ringkasan.split())


def test_ringkasan_says_the_30_percent_ratio_and_its_figures() -> None:
    data = annex_data()
    ratio = ratio_30(data.simulation, 500_000_000)
    out = text(render("ringkasan", data=replace(data, checks=CheckResult((), (), ratio=ratio))))
    assert f"batas 30% {ratio.teks_tanpa} tanpa iuran" in out
    assert "dasar upah × bulan kepesertaan" in out  # the figure used, said


@pytest.mark.parametrize(
    ("paper", "landscape", "size"),
    [
        ("A4", False, A4),
        ("A4", True, (A4[1], A4[0])),
        ("F4", False, F4),
        ("F4", True, (F4[1], F4[0])),
    ],
)
def test_paper_sizes(paper: str, landscape: bool, size: tuple[float, float]) -> None:
    for width, height in page_sizes(render(paper=paper, landscape=landscape)):
        assert width == pytest.approx(size[0], abs=0.05)
        assert height == pytest.approx(size[1], abs=0.05)


def test_default_orientation_and_documents_in_order() -> None:
    pdf = render("all")
    sizes = page_sizes(pdf)
    texts = pages(pdf)
    assert sizes[0][0] > sizes[0][1]  # the daftar nominatif is landscape
    assert sizes[-1][0] < sizes[-1][1]  # the ringkasan portrait
    order = [t for t in ("DAFTAR NOMINATIF", "PENJABARAN", "RENCANA ANGGARAN", "RINGKASAN")]
    firsts = [next(i for i, p in enumerate(texts) if title in p) for title in order]
    assert firsts == sorted(firsts)


def test_same_data_same_bytes() -> None:
    assert render() == render()
    assert render() != render(data=annex_data(profile=profile(nama_desa="Sukamulya")))


def test_nik_masked_unless_asked() -> None:
    masked = text(render("lampiran"))
    assert KADES_NIK not in masked and "3302 12** **** 0001" in masked
    full = text(render("lampiran", full_nik=True))
    assert KADES_NIK in full


def test_draft_prints_dotted_number_and_date() -> None:
    out = text(render("lampiran"))
    assert "NOMOR : . . . . . . TAHUN 2026" in out
    assert "TANGGAL : . . . . ." in out
    assert "Sukamaju, . . . . ." in out
    assert "3 TAHUN 2026" not in out


def test_adopted_prints_number_date_and_title() -> None:
    data = annex_data(adopted=True, profile=profile(kepala_desa_status="pj"))
    pdf = render("all", data=data)
    out = text(pdf)
    assert "PERATURAN KEPALA DESA SUKAMAJU NOMOR : 3 TAHUN 2026 TANGGAL : 2 JANUARI 2026" in out
    assert "PERATURAN KEPALA DESA SUKAMAJU NOMOR : 4 TAHUN 2026" in out  # the penjabaran's
    assert "Sukamaju, 2 Januari 2026 Pj. KEPALA DESA SUKAMAJU" in out
    assert ". . . . . . TAHUN" not in out


def test_kop_on_first_page_of_each_document() -> None:
    texts = pages(render("all"))
    kop = "PEMERINTAH KABUPATEN BANYUMAS KECAMATAN SUMBANG DESA SUKAMAJU"
    assert texts[0].startswith(kop) or kop in texts[0]
    assert sum(kop in p for p in texts) == 1 + 1 + 3 + 1  # lampiran, penjabaran, 3 RAB, ringkasan


def test_write_pdf_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "lampiran.pdf"
    target.write_bytes(b"old")
    write_pdf(target, annex_data(), docs=["lampiran"])
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["lampiran.pdf"]
    with pytest.raises(UserError):
        write_pdf(tmp_path / "missing" / "x.pdf", annex_data(), docs=["lampiran"])


def test_unknown_doc_or_paper_is_a_user_error() -> None:
    with pytest.raises(UserError):
        render("anggaran")
    with pytest.raises(UserError):
        render(paper="A3")


def test_year_shown_in_titles() -> None:
    data = replace(annex_data(), jenis="perubahan")
    out = text(render("all", data=data))
    assert f"TAHUN ANGGARAN {YEAR} (PERUBAHAN)" in out
    assert "PENJABARAN PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DESA" in out
