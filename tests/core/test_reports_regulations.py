"""Which regulation each document sits under (and its number), who signs, and the PDF's date:
the papers a camat's staff checks against the village's Perdes and Perkades."""

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from budget_helpers import BORN, YEAR, small_village
from pypdf import PdfReader
from report_helpers import annex_data, pages, profile, text
from roster_helpers import make_nik

from desa_budget.budget import regulations, versions
from desa_budget.budget.signers import Signer, Signers
from desa_budget.errors import UserError
from desa_budget.reports import gather_annex_data, render_documents
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules
from desa_budget.store.database import ConcurrentEditError, Database
from desa_budget.store.models import Post, VillageProfile
from desa_budget.village.names import official_name

IURAN = "TENTANG : BESARAN IURAN JAMINAN SOSIAL KETENAGAKERJAAN TAHUN ANGGARAN 2026"
PENJABARAN = "TENTANG : PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2026"


def doc_text(doc: str, **changes: object) -> str:
    return text(render_documents(annex_data(adopted=True, **changes), docs=[doc]))


def test_each_document_under_its_own_regulation() -> None:
    daftar = doc_text("lampiran")
    assert (
        "LAMPIRAN PERATURAN KEPALA DESA SUKAMAJU NOMOR : 3 TAHUN 2026 "
        f"TANGGAL : 2 JANUARI 2026 {IURAN}" in daftar
    )
    penjabaran = doc_text("penjabaran")
    assert (
        "LAMPIRAN PERATURAN KEPALA DESA SUKAMAJU NOMOR : 4 TAHUN 2026 "
        f"TANGGAL : 2 JANUARI 2026 {PENJABARAN}" in penjabaran
    )
    # The RAB (the pelaksana kegiatan's document) and the ringkasan (a working summary) stand
    # alone; nothing is printed as a lampiran of the Perdes APBDes.
    for doc in ("rab", "ringkasan"):
        assert "LAMPIRAN" not in doc_text(doc) and "PERATURAN" not in doc_text(doc)
    assert "PERATURAN DESA SUKAMAJU" not in text(
        render_documents(annex_data(adopted=True), docs=["all"])
    )


def adopted_village(tmp_path: Path) -> Database:
    db, _ids = small_village(tmp_path)
    with db.session() as s:
        versions.adopt_version(
            s, load_rules(), year=YEAR, jenis="murni", nomor_perdes="2",
            tanggal_perdes=date(YEAR, 1, 2), nomor_perkades="3",
            tanggal_perkades=date(YEAR, 1, 3), operator="uji",
        )  # fmt: skip
    return db


def annex(db: Database, doc: str, **kwargs: object) -> str:
    with db.session() as s:
        data = gather_annex_data(s, load_rules(), year=YEAR, **kwargs)  # type: ignore[arg-type]
    return text(render_documents(data, docs=[doc]))


def test_the_village_places_and_numbers_documents_itself(tmp_path: Path) -> None:
    db = adopted_village(tmp_path)
    # The adoption gave the Perdes and the Perkades on the penjabaran; the Perkades on the
    # contributions has no number yet: dotted, never invented.
    assert "NOMOR : 3 TAHUN 2025 TANGGAL : 3 JANUARI 2025 TENTANG : PENJABARAN" in annex(
        db, "penjabaran"
    )
    assert "NOMOR : . . . . . . TAHUN 2025 TANGGAL : . . ." in annex(db, "lampiran")
    with db.session() as s:
        numbers = regulations.regulation_numbers(s, YEAR, "murni")
        assert numbers["perdes_apbdes"].nomor == "2" and numbers["perkades_iuran"].nomor == ""
        regulations.set_regulation_number(
            s, year=YEAR, jenis="murni", peraturan="perkades_iuran", nomor="5",
            tanggal=date(YEAR, 1, 4), version=numbers["perkades_iuran"].version, operator="uji",
        )  # fmt: skip
        regulations.set_regulation_number(  # a correction of the number given at adoption
            s, year=YEAR, jenis="murni", peraturan="perkades_penjabaran", nomor="4",
            tanggal=date(YEAR, 1, 4), version=numbers["perkades_penjabaran"].version,
            operator="uji",
        )  # fmt: skip
        placed = regulations.set_placement(
            s, dokumen="rab", peraturan="perkades_penjabaran", lampiran="ii", operator="uji",
            version=regulations.placements(s)["rab"].version,
        )  # fmt: skip
    assert placed.lampiran == "II"
    assert (
        f"NOMOR : 5 TAHUN 2025 TANGGAL : 4 JANUARI 2025 {IURAN.replace('2026', '2025')}"
        in annex(db, "lampiran")
    )
    assert "NOMOR : 4 TAHUN 2025 TANGGAL : 4 JANUARI 2025 TENTANG : PENJABARAN" in annex(
        db, "penjabaran"
    )
    rab = annex(db, "rab")
    assert "LAMPIRAN II PERATURAN KEPALA DESA UJI NOMOR : 4 TAHUN 2025" in rab
    assert "Uji, 4 Januari 2025" in rab  # the RAB is dated with its regulation now
    with db.session() as s, pytest.raises(ConcurrentEditError):  # a stale form is refused
        regulations.set_placement(
            s, dokumen="rab", peraturan="", operator="uji", version=placed.version + 1
        )


def test_numbers_need_an_adopted_version_and_go_with_it(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    with db.session() as s, pytest.raises(UserError, match="belum ditetapkan"):
        regulations.set_regulation_number(
            s, year=YEAR, jenis="murni", peraturan="perkades_penjabaran", nomor="4",
            tanggal=None, operator="uji",
        )  # fmt: skip
    with db.session() as s, pytest.raises(UserError, match="Romawi"):
        regulations.set_placement(s, dokumen="rab", peraturan="perdes_apbdes", lampiran="2",
                                  operator="uji")  # fmt: skip
    db = adopted_village(tmp_path / "second")
    with db.session() as s:
        regulations.set_regulation_number(
            s, year=YEAR, jenis="murni", peraturan="perkades_iuran", nomor="7", tanggal=None,
            operator="uji",
        )  # fmt: skip
        info = versions.list_versions(s, YEAR)[0]
        versions.withdraw_version(s, year=YEAR, jenis="murni", version=info.version, operator="uji")
    with db.session() as s:
        assert regulations.regulation_numbers(s, YEAR, "murni") == {}


def _set_profile(db: Database, **values: str) -> None:
    with db.session() as s:
        row = s.query(VillageProfile).one()
        for key, value in values.items():
            setattr(row, key, value)


def test_the_signer_comes_from_the_roster_on_the_documents_date(tmp_path: Path) -> None:
    db, ids = small_village(tmp_path)
    _set_profile(db, kepala_desa_nama="Budi Santoso")
    out = annex(db, "ringkasan", today=date(YEAR, 2, 1))
    assert "Budi Santoso" in out and "SUPARNO" not in out  # the ringkasan has no signature
    assert "Profil desa mencatat Budi Santoso sebagai kepala desa" in out
    assert "ditandatangani Suparno" in out
    daftar = annex(db, "lampiran", today=date(YEAR, 2, 1))
    assert "KEPALA DESA UJI SUPARNO" in daftar and "BUDI SANTOSO" not in daftar
    with db.session() as s:
        post = s.query(Post).filter_by(person_id=ids["Suparno"]).one()
        roster.end_post(s, post.id, date(YEAR, 3, 31), operator="uji")
        roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "L", 8), "Drs. Bambang Wijaya, M.Si.", "L", BORN),
            [roster.PostData("kepala_desa", "Pj. Kepala Desa", "pj", mulai=date(YEAR, 4, 1))],
            roster.CoverageData(YEAR, "PU", 3_000_000, ("JKK", "JKM")),
            operator="uji",
        )
        roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "P", 9), "Sri Handayani", "P", BORN),
            [roster.PostData("sekretaris_desa", "Sekretaris Desa", "plt")],
            roster.CoverageData(YEAR, "PU", 2_600_000, ("JKK", "JKM")),
            operator="uji",
        )
    before = annex(db, "lampiran", today=date(YEAR, 3, 31))
    assert "Uji, . . ." in before and "KEPALA DESA UJI SUPARNO" in before
    rab = annex(db, "rab", today=date(YEAR, 4, 1))
    assert "Pj. KEPALA DESA UJI" in rab and "Drs. BAMBANG WIJAYA, M.Si." in rab
    assert "Plt. SEKRETARIS DESA" in rab and "SRI HANDAYANI" in rab


def test_a_n_when_nobody_heads_the_village() -> None:
    signers = Signers(Signer("Sri Wahyuni", "an", "SEKRETARIS DESA"), Signer("Sri Wahyuni"))
    out = text(render_documents(annex_data(signers=signers), docs=["lampiran"]))
    assert "a.n. KEPALA DESA SUKAMAJU SEKRETARIS DESA SRI WAHYUNI" in out


def test_academic_titles_are_kept_as_written() -> None:
    assert official_name("sri wahyuni, S.Pd., M.Si.") == "SRI WAHYUNI, S.Pd., M.Si."
    assert official_name("Drs. H. Suparno") == "Drs. H. SUPARNO"
    out = text(render_documents(annex_data(profile=profile(
        kepala_desa_nama="Dr. Suparno, S.Pd., M.Si.")), docs=["penjabaran"]))  # fmt: skip
    assert "Dr. SUPARNO, S.Pd., M.Si." in out and "S.PD." not in out


def test_the_pdf_is_dated_with_the_documents_date() -> None:
    adopted = annex_data(adopted=True)
    meta = PdfReader(io.BytesIO(render_documents(adopted, docs=["lampiran"]))).metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.creation_date.replace(tzinfo=None) == datetime(2026, 1, 2)
    draft = annex_data(tanggal=date(2025, 11, 20))
    pdf = render_documents(draft, docs=["lampiran"])
    assert PdfReader(io.BytesIO(pdf)).metadata.creation_date.date() == date(2025, 11, 20)  # type: ignore[union-attr]
    assert pdf == render_documents(draft, docs=["lampiran"])  # same data, same bytes
    assert "TANGGAL : . . ." in pages(pdf)[0]  # a draft still prints dots


def test_pelaksana_per_kegiatan_signs_the_rab(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    with db.session() as s:
        regulations.set_pelaksana(s, kode_kegiatan="1.1.03", nama="Darsih", jabatan="Kasi Pemerintahan",
                                  operator="uji")  # fmt: skip
    rab = pages_of(db, "rab")
    kades_rab = next(p for p in rab if "Kegiatan : 1.1.03" in p)
    assert "PELAKSANA KEGIATAN KASI PEMERINTAHAN" in kades_rab and "DARSIH" in kades_rab
    assert all("DARSIH" not in p for p in rab if p is not kades_rab)
    with db.session() as s:  # an empty name goes back to the profile's pelaksana
        regulations.set_pelaksana(s, kode_kegiatan="1.1.03", nama="", operator="uji")
        assert regulations.pelaksana_list(s) == {}


def pages_of(db: Database, doc: str) -> list[str]:
    with db.session() as s:
        data = gather_annex_data(s, load_rules(), year=YEAR)
    return pages(render_documents(data, docs=[doc]))
