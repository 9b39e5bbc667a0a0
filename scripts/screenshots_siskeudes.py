"""Screenshots of the Siskeudes pieces: the import preview (both tabs, with and without a profile)
the "Cek Siskeudes" tab holding equal, different and missing lines, and the chooser of a file of
several desa; used by screenshots.py."""

import dataclasses
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the CSV helpers the tests use: Siskeudes' own columns

Save = Callable[[QWidget, Path, QApplication], None]


def siskeudes_views(
    window: Any, ctx: Any, app: QApplication, out: Path, suffix: str, save: Save
) -> None:
    from siskeudes_helpers import desa_rows, rab_row, write_tables

    from desa_budget.budget import versions
    from desa_budget.budget.codes.notation import siskeudes_kegiatan, siskeudes_rekening
    from desa_budget.siskeudes.import_preview import preview_import
    from desa_budget.siskeudes.source import read_siskeudes
    from ui.dialogs.siskeudes_preview import SiskeudesPreviewDialog
    from ui.pages.kode_anggaran import TAB_SISKEUDES

    folder = Path(tempfile.mkdtemp(prefix="jamsos_shots_")) / "DataAPBDES_csv"
    rows = desa_rows(ctx.year)
    with ctx.db.session() as session:
        lines = versions.current_lines(session, ctx.rules, ctx.year).lines
    rab = [
        rab_row(
            ctx.year,
            siskeudes_kegiatan(ln.kegiatan),
            siskeudes_rekening(ln.rekening),
            ln.sumber_dana,
            ln.jumlah,
            no=f"{i:02d}",
        )
        for i, ln in enumerate(lines[:-1], 1)
    ]  # the last line not keyed in Siskeudes
    if rab:
        rab[0] = {
            **rab[0],
            "Anggaran": str(int(rab[0]["Anggaran"]) + 150_000),  # type: ignore[call-overload]
            "AnggaranStlhPAK": str(int(rab[0]["AnggaranStlhPAK"]) + 150_000),
        }  # type: ignore[call-overload]
        first = lines[0]
        other = "PAD" if first.sumber_dana != "PAD" else "DDS"
        rab.append(
            rab_row(
                ctx.year,
                siskeudes_kegiatan(first.kegiatan),
                siskeudes_rekening(first.rekening),
                other,
                600_000,
                no="99",
            )
        )
    rows["Ta_RABRinci"] = rab  # fmt: skip
    data = read_siskeudes(write_tables(folder, rows))

    with ctx.db.session() as session:
        preview = preview_import(session, data, year=ctx.year)
    for name, shown in (
        ("54_siskeudes_preview", preview),
        ("55_siskeudes_preview_new", dataclasses.replace(preview, new_profile=True)),
    ):
        dialog = SiskeudesPreviewDialog(window, shown)
        dialog.show()
        tabs = dialog.findChild(QTabWidget)
        save(dialog, out / f"{name}{suffix}.png", app)
        if name == "54_siskeudes_preview" and tabs is not None:
            tabs.setCurrentIndex(1)
            save(dialog, out / f"54_siskeudes_preview_perangkat{suffix}.png", app)
        dialog.hide()

    page = window.show_page("kode")
    page.tabs.setCurrentIndex(TAB_SISKEUDES)
    save(window, out / f"56_kode_siskeudes_kosong{suffix}.png", app)
    tab = page.siskeudes_tab
    tab.data = data
    tab.refresh()
    save(window, out / f"57_kode_siskeudes{suffix}.png", app)
    page.tabs.setCurrentIndex(0)
    desa_chooser(window, ctx, app, out / f"58_siskeudes_pilih_desa{suffix}.png", save)


def desa_chooser(window: Any, ctx: Any, app: QApplication, path: Path, save: Save) -> None:
    """A kecamatan operator's file of three desa; the village's own one chosen already."""
    from desa_budget.siskeudes.desa_choice import DesaOption, default_desa
    from desa_budget.village.profile import get_profile
    from ui.dialogs.siskeudes_desa import SiskeudesDesaDialog

    options = (
        DesaOption("12.01.", "Karangsari", "Kutasari"),
        DesaOption("12.05.", "Sukamaju", "Kutasari"),
        DesaOption("12.09.", "Tambaksogra", "Kutasari"),
    )
    with ctx.db.session() as session:
        profile = get_profile(session)
    kode = profile.kode_desa if profile else ""
    dialog = SiskeudesDesaDialog(window, options, year=ctx.year,
                                 default=default_desa(options, kode_desa=kode))  # fmt: skip
    dialog.show()
    save(dialog, path, app)
    dialog.hide()
