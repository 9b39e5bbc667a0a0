"""Render every annex of the demo village on A4 and F4, portrait and landscape, as PNG pages.

    python scripts/render_annex_pngs.py OUT_DIR [--year 2026] [--dpi 70]

Builds Desa Sukamaju in a temporary data folder (with a made-up logo and a pagu so the ringkasan
shows the planner), writes the draft set, then adopts APBDes Murni (Perdes 2 / Perkades 3, 2
Januari) and writes the adopted set on every paper and orientation. Each PDF goes to OUT_DIR
with its pages as PNG (``pdftoppm``, from poppler-utils) for looking at what a camat will see.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desa_budget.budget import settings as budget_settings
from desa_budget.budget import versions
from desa_budget.demo import create_demo_village
from desa_budget.reports import gather_annex_data, write_pdf
from desa_budget.rules import load_rules
from desa_budget.store.models import VillageProfile
from desa_budget.store.opening import open_database


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
    rules = load_rules()
    with tempfile.TemporaryDirectory() as data_dir:
        db = open_database(data_dir=data_dir)
        with db.session() as session:
            create_demo_village(session, operator="demo", year=args.year)
            row = session.query(VillageProfile).one()
            row.logo_png = demo_logo()
            budget_settings.set_budget_year(
                session, args.year, total_belanja=1_250_000_000, pagu=45_000_000, operator="demo"
            )
        written: list[Path] = []
        with db.session() as session:
            draft = gather_annex_data(session, rules, year=args.year)
        written.append(write_pdf(args.out / "draft-A4.pdf", draft, docs=["all"], paper="A4"))
        with db.session() as session:
            versions.adopt_version(
                session, rules, year=args.year, jenis="murni",
                nomor_perdes="2", tanggal_perdes=date(args.year, 1, 2),
                nomor_perkades="3", tanggal_perkades=date(args.year, 1, 2), operator="demo",
            )  # fmt: skip
        with db.session() as session:
            adopted = gather_annex_data(session, rules, year=args.year, jenis="murni")
        db.dispose()
    for paper in ("A4", "F4"):
        for orientation, landscape in (("portrait", False), ("landscape", True)):
            path = args.out / f"{paper}-{orientation}.pdf"
            written.append(write_pdf(path, adopted, docs=["all"], paper=paper, landscape=landscape))
    for pdf in written:
        to_png(pdf, args.out, args.dpi)
        print(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
