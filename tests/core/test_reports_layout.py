"""Layout that survives real villages: each document numbers its own pages, long names keep the
table on page 1 and the footer off the page number, and no text is set under 7 pt."""

import io
import re

import pytest
from pypdf import PdfReader
from report_helpers import annex_data, base_persons, font_sizes, page_sizes, pages, person, profile

from desa_budget.reports import render_documents
from desa_budget.reports.fonts import text_width
from desa_budget.reports.page import FOOTER_SIZE, fit_footer

LONG = "Karangsalam Kidul Wetan Lor Sukamakmur Jay"  # 42 characters
assert len(LONG) >= 40


def long_profile() -> object:
    return profile(nama_desa=LONG, kecamatan="Kecamatan Kedungbanteng Baturraden Utara",
                   kabupaten="Kabupaten Banyumas Raya Selatan")  # fmt: skip


def numbers(page: str) -> tuple[int, int]:
    found = re.findall(r"Halaman (\d+) dari (\d+)", page)
    assert len(found) == 1, page[-120:]
    return int(found[0][0]), int(found[0][1])


def test_each_document_numbers_its_own_pages() -> None:
    data = annex_data()
    texts = pages(render_documents(data, docs=["all"]))
    alone = {doc: len(pages(render_documents(data, docs=[doc]))) for doc in
             ("lampiran", "penjabaran", "rab", "ringkasan")}  # fmt: skip
    assert alone["rab"] == 3  # one RAB per kegiatan, each a document of its own
    expected = [(n, alone["lampiran"]) for n in range(1, alone["lampiran"] + 1)]
    expected += [(n, alone["penjabaran"]) for n in range(1, alone["penjabaran"] + 1)]
    expected += [(1, 1)] * 3 + [(1, 1)]
    assert [numbers(p) for p in texts] == expected


def rentan(n: int) -> list:  # type: ignore[type-arg]
    return [
        person(100 + i, f"Peserta {i:03d}", "pekerja_rentan", jabatan="Buruh Tani", segmen="BPU",
               dasar=1_000_000, amounts={"JKK": (10_000, 0), "JKM": (6_800, 0)})
        for i in range(n)
    ]  # fmt: skip


@pytest.mark.parametrize("landscape", [None, False])
def test_a_long_village_name_keeps_the_table_on_page_one(landscape: bool | None) -> None:
    data = annex_data(base_persons() + rentan(40), profile=long_profile())
    first = pages(render_documents(data, docs=["lampiran"], landscape=landscape))[0]
    assert f"DESA {LONG.upper()}" in first
    assert "No Nama / NIK" in first and "SUPARNO" in first
    assert "KECAMATAN KECAMATAN" not in text_of(data)


def text_of(data: object) -> str:
    return " ".join(pages(render_documents(data, docs=["all"])))  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("landscape", [None, True, False])
def test_no_text_under_7_pt(paper: str, landscape: bool | None) -> None:
    data = annex_data(base_persons() + rentan(30), profile=long_profile())
    pdf = render_documents(data, docs=["all"], paper=paper, landscape=landscape)
    sizes = font_sizes(pdf)
    assert sizes and min(sizes)[0] >= 7.0, sorted(sizes)[:5]


def test_portrait_daftar_stays_readable() -> None:
    """--portrait used to shrink the daftar to about 5 pt; now it stacks columns instead."""
    pdf = render_documents(annex_data(), docs=["lampiran"], landscape=False)
    assert min(font_sizes(pdf))[0] >= 7.0
    first = pages(pdf)[0]
    assert "Nama / NIK / Jabatan" in first
    assert "140.600 76.000" in first  # the JHT desa and withheld shares stacked in one cell
    assert page_sizes(pdf)[0][0] < page_sizes(pdf)[0][1]


def footer_runs(pdf: bytes) -> list[list[tuple[float, str]]]:
    """Per page: the text runs on the footer line, with their x position."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[float, str]] = []

        def visit(t: str, cm: list[float], tm: list[float], _f: object, _s: float) -> None:
            if t.strip() and abs(tm[5] - 25.51) < 1:  # FOOTER_Y = 9 mm
                runs.append((tm[4], t.strip()))  # noqa: B023

        page.extract_text(visitor_text=visit)
        out.append(runs)
    return out


def test_a_long_footer_never_runs_into_the_page_number() -> None:
    parts = [f"Desa {LONG}", "Penjabaran APBDes: Belanja Jaminan Sosial Ketenagakerjaan",
             "TA 2026", "APBDes Murni (rancangan)"]  # fmt: skip
    for width in (200.0, 300.0, 420.0):
        assert text_width(fit_footer(parts, width), FOOTER_SIZE) <= width
    pdf = render_documents(annex_data(profile=long_profile()), docs=["all"], landscape=False)
    for runs in footer_runs(pdf):
        (left_x, left), (number_x, number) = sorted(runs)
        assert number.startswith("Halaman")
        assert left_x + text_width(left, FOOTER_SIZE) < number_x - 10
        assert "TA 2026" in left


def test_the_rab_date_line_stays_one_line_with_a_long_name() -> None:
    data = annex_data(adopted=True, profile=long_profile())
    pdf = render_documents(data, docs=["rab"], landscape=False)
    runs: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=lambda t, *_a: runs.append(t.strip()))
    assert f"{LONG}, 2 Januari 2026" in runs


def test_the_last_page_of_the_daftar_holds_rows_with_the_totals() -> None:
    for n in range(30, 70, 3):  # wherever the page break falls
        texts = pages(render_documents(annex_data(base_persons() + rentan(n)), docs=["lampiran"]))
        last = texts[-1]
        assert "JUMLAH TOTAL" in last
        assert len(re.findall(r"PESERTA \d{3}", last)) >= 3, (n, last[:300])
