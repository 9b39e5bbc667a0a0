"""Render every annex of the demo village, and the hard cases, as PDF and PNG pages.

    python scripts/render_annex_pngs.py OUT_DIR [--year 2026] [--dpi 70]

Desa Sukamaju in a temporary data folder (a made-up logo, a pagu so the ringkasan shows the
planner, the Siskeudes code notation on one print):

- ``draft-A4``: the draft, every document; ``errors-draft-A4``: the draft with Dana Desa on the
  kepala desa's line, which the checks call an error;
- ``{A4,F4}-{portrait,landscape}``: APBDes Murni adopted (Perdes 2, Perkades penjabaran 3,
  Perkades iuran 4 numbered after the adoption, 2 Januari) on every paper and orientation, F4
  landscape with Siskeudes code notation;
- ``perubahan-A4`` and ``perubahan-A4-portrait``: APBDes Perubahan (wages raised, pekerja rentan
  added, RT heads moved to the Pemda) with Semula / Menjadi / Bertambah (Berkurang);
- ``long-name-A4`` and ``long-name-A4-portrait``: a 40-character village name, long kecamatan and
  kabupaten names, a Pj. kepala desa in the roster and a sekretaris with academic titles.

Each PDF goes to OUT_DIR with its pages as PNG (``pdftoppm``, from poppler-utils) for looking at
what a camat will see.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select

from desa_budget.budget import regulations, versions
from desa_budget.budget import settings as budget_settings
from desa_budget.demo import create_demo_village
from desa_budget.reports import gather_annex_data, write_pdf
from desa_budget.roster import service as roster
from desa_budget.roster.data import CoverageData, PersonData, PostData
from desa_budget.roster.read import coverage_data
from desa_budget.rules import load_rules
from desa_budget.store.models import Coverage, Person, Post, VillageProfile
from desa_budget.store.opening import Database, open_database
from desa_budget.village import profile as village_profile

OP = "demo"


def demo_logo() -> bytes:
    """A plain round emblem, only so the kop's logo slot is exercised."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (240, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 232, 232), fill=(20, 90, 50, 255), outline=(200, 160, 30, 255), width=10)
    draw.polygon([(120, 40), (190, 180), (50, 180)], fill=(240, 200, 40, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def to_png(pdf: Path, out: Path, dpi: int) -> None:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / pdf.stem)], check=True)


def demo(data_dir: str, year: int) -> Database:
    db = open_database(data_dir=data_dir)
    with db.session() as session:
        create_demo_village(session, operator=OP, year=year)
        session.scalars(select(VillageProfile)).one().logo_png = demo_logo()
        budget_settings.set_budget_year(
            session, year, total_belanja=1_250_000_000, pagu=45_000_000, operator=OP
        )
    return db


def _person_id(session: object, nama: str) -> int:
    found: int = session.scalar(select(Person.id).where(Person.nama == nama))  # type: ignore[attr-defined]
    return found


def murni_and_perubahan(db: Database, out: Path, year: int) -> list[Path]:
    rules = load_rules()
    written: list[Path] = []
    day = date(year - 1, 12, 20)
    with db.session() as session:
        mapping = budget_settings.effective_mapping(session)["kepala_desa"]
        budget_settings.set_category_mapping(
            session, "kepala_desa", kode_kegiatan=mapping.kode_kegiatan,
            kode_rekening=mapping.kode_rekening, sumber_dana="DDS", operator=OP,
        )  # fmt: skip
    with db.session() as session:
        data = gather_annex_data(session, rules, year=year, today=day)
    written.append(write_pdf(out / "errors-draft-A4.pdf", data, docs=["penjabaran", "rab"]))
    with db.session() as session:
        budget_settings.reset_category_mapping(session, "kepala_desa", operator=OP)
    with db.session() as session:
        data = gather_annex_data(session, rules, year=year, today=day)
    written.append(write_pdf(out / "draft-A4.pdf", data, docs=["all"], paper="A4"))
    with db.session() as session:
        versions.adopt_version(
            session, rules, year=year, jenis="murni",
            nomor_perdes="2", tanggal_perdes=date(year, 1, 2),
            nomor_perkades="3", tanggal_perkades=date(year, 1, 2), operator=OP,
        )  # fmt: skip
        regulations.set_regulation_number(
            session, year=year, jenis="murni", peraturan="perkades_iuran", nomor="4",
            tanggal=date(year, 1, 2), operator=OP,
        )  # fmt: skip
        regulations.set_pelaksana(
            session, kode_kegiatan="1.1.03", nama="Rini Astuti, S.E.", jabatan="Kaur Keuangan",
            operator=OP,
        )  # fmt: skip
    with db.session() as session:
        adopted = gather_annex_data(session, rules, year=year, jenis="murni")
    for paper in ("A4", "F4"):
        for orientation, landscape in (("portrait", False), ("landscape", True)):
            path = out / f"{paper}-{orientation}.pdf"
            notation = "siskeudes" if paper == "F4" and landscape else "app"
            written.append(
                write_pdf(
                    path, adopted, docs=["all"], paper=paper, landscape=landscape, notation=notation
                )  # fmt: skip
            )
    with db.session() as session:
        for row in session.scalars(select(Coverage).where(Coverage.tahun == year)):
            data_row = coverage_data(row)
            if data_row.segmen == "PU" and data_row.dasar_upah < 2_200_000:
                raised = replace(data_row, dasar_upah=data_row.dasar_upah + 150_000)
                roster.set_coverage(session, row.person_id, raised, operator=OP)
            elif row.person.posts[0].jabatan.startswith("Ketua RT 0"):
                roster.set_coverage(session, row.person_id, replace(data_row, dibayar_oleh="pemda"),
                                    operator=OP)  # fmt: skip
        for n in range(12):
            roster.add_person(
                session,
                PersonData(f"3302120101{70 + n:02d}{n + 101:04d}", f"Warga Baru {n + 1}", "L",
                           date(1970 + n, 1, 1)),
                [PostData("pekerja_rentan", "Buruh Tani", mulai=date(year, 8, 1))],
                CoverageData(year, "BPU", 1_000_000, ("JKK", "JKM")),
                operator=OP,
            )  # fmt: skip
        versions.adopt_version(
            session, rules, year=year, jenis="perubahan",
            nomor_perdes="9", tanggal_perdes=date(year, 9, 15),
            nomor_perkades="11", tanggal_perkades=date(year, 9, 16), operator=OP,
        )  # fmt: skip
    with db.session() as session:
        perubahan = gather_annex_data(session, rules, year=year, jenis="perubahan")
    written.append(write_pdf(out / "perubahan-A4.pdf", perubahan, docs=["all"]))
    written.append(
        write_pdf(out / "perubahan-A4-portrait.pdf", perubahan, docs=["all"], landscape=False)
    )
    return written


def long_name(db: Database, out: Path, year: int) -> list[Path]:
    rules = load_rules()
    with db.session() as session:
        profile = village_profile.get_profile(session)
        assert profile is not None
        village_profile.save_profile(
            session,
            replace(
                profile,
                nama_desa="Karangsalam Kidul Wetan Lor Sukamakmur Jaya",  # 42 characters
                kecamatan="Kecamatan Kedungbanteng Baturraden Utara",
                kabupaten="Kabupaten Banyumas Raya Selatan",
                sekretaris_desa_nama="Sri Handayani, S.Pd., M.Si.",
            ),
            operator=OP,
        )
        kades = _person_id(session, "Suparno")
        post = session.scalar(select(Post).where(Post.person_id == kades))
        assert post is not None
        roster.end_post(session, post.id, date(year, 3, 31), operator=OP)
        roster.add_person(
            session,
            PersonData("3302121505800003", "Drs. Bambang Wijaya Kusuma, M.M.", "L", date(1980, 5, 15)),
            [PostData("kepala_desa", "Pj. Kepala Desa", "pj", mulai=date(year, 4, 1))],
            CoverageData(year, "PU", 3_000_000, ("JKK", "JKM")),
            operator=OP,
        )  # fmt: skip
    with db.session() as session:
        data = gather_annex_data(session, rules, year=year, today=date(year, 5, 2))
    return [
        write_pdf(out / "long-name-A4.pdf", data, docs=["all"]),
        write_pdf(out / "long-name-A4-portrait.pdf", data, docs=["all"], landscape=False),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder for the PDF and PNG files")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm tidak ditemukan: pasang poppler-utils.", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as data_dir:
        db = demo(data_dir, args.year)
        try:
            written += murni_and_perubahan(db, args.out, args.year)
        finally:
            db.dispose()
    with tempfile.TemporaryDirectory() as data_dir:
        db = demo(data_dir, args.year)
        try:
            written += long_name(db, args.out, args.year)
        finally:
            db.dispose()
    for pdf in written:
        to_png(pdf, args.out, args.dpi)
        print(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
