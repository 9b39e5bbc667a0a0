"""A 400-person roster: the daftar nominatif runs over many pages and repeats its header on each."""

from report_helpers import YEAR, annex_data, base_persons, pages, person

from desa_budget.format import format_number
from desa_budget.reports import render_documents


def test_long_roster_repeats_header_on_every_page() -> None:
    rentan = [
        person(100 + n, f"Peserta {n:03d}", "pekerja_rentan", jabatan="Buruh Tani", segmen="BPU",
               dasar=1_000_000, amounts={"JKK": (10_000, 0), "JKM": (6_800, 0)})
        for n in range(396)
    ]  # fmt: skip
    data = annex_data(base_persons()[:4] + rentan)
    assert len(data.simulation.apbdes_persons) == 399  # one of the 400 is paid by the Pemda
    texts = pages(render_documents(data, docs=["lampiran"], paper="A4"))
    total = len(texts)
    assert total >= 10
    for number, page in enumerate(texts, start=1):
        assert "No Nama / NIK Jabatan Seg Dasar Upah Iuran per bulan (Rp)" in page, number
        assert f"Halaman {number} dari {total}" in page
    joined = " ".join(texts)
    assert all(f"PESERTA {n:03d}" in joined for n in range(396))
    assert f"JUMLAH TOTAL (399 orang) {format_number(data.simulation.desa)}" in joined
    assert data.simulation.year == YEAR
