"""Screenshots of every page and dialog of the demo village, for looking at what we built.

Run under a real X server whose screen is the size to try, once per size and language:

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py --size 1366x768
    xvfb-run -a -s "-screen 0 1024x768x24" python scripts/screenshots.py --size 1024x768 --lang en

PNG files go to build/screenshots/<lang>_<size>/ (or --out); the Siskeudes preview and the Cek
Siskeudes comparison come from screenshots_siskeudes.py (tables made with the tests' CSV helpers). The window opens as it would on that
screen (within it), then is set to the whole screen less a taskbar.
"""

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from typing import Any  # noqa: E402

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

TASKBAR = 40  # a Windows taskbar takes this much of the screen's height


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def wait_for(app: QApplication, signal: Any, start: Any) -> None:
    """Run ``start`` and process events until ``signal`` fires (a worker finished)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    start()
    loop.exec()
    settle(app)


def second_tabs(window: Any, app: QApplication, out: Path, suffix: str) -> None:
    """The other tabs of the pages that have tabs."""
    shots = (
        ("kode", "tabs", 1, "30_kode_baris"),
        ("kode", "tabs", 2, "31_kode_lokal"),
        ("kode", "tabs", 3, "31_kode_per_orang"),
        ("rencana", "tabs", 1, "32_rencana_skenario"),
        ("rencana", "tabs", 2, "33_rencana_versi"),
        ("rencana", "tabs", 3, "37_rencana_proyeksi"),
        ("pengaturan", "tabs", 1, "34_pengaturan_profil"),
        ("pengaturan", "tabs", 2, "35_pengaturan_aturan"),
        ("pengaturan", "tabs", 3, "36_pengaturan_operator"),
    )
    for key, attr, index, name in shots:
        page = window.show_page(key)
        if page is None:
            continue
        if key == "rencana" and index == 1:
            page.scenario_tab.scenario_name.setText("Hemat")
            page.scenario_tab.save_scenario()
            page.inputs.pagu.set_value(60_000_000)
            page.scenario_tab.scenario_name.setText("Lengkap")
            page.scenario_tab.save_scenario()
            page.scenario_tab.check_scenarios(["Hemat", "Lengkap"])
            page.scenario_tab.compare_checked()
        getattr(page, attr).setCurrentIndex(index)
        save(window, out / f"{name}{suffix}.png", app)
        getattr(page, attr).setCurrentIndex(0)


def projection_tabs(window: Any, app: QApplication, out: Path, suffix: str) -> None:
    """The projection with a pekerja rentan target and total belanja growth, and its other tabs."""
    page = window.show_page("rencana")
    page.tabs.setCurrentIndex(3)
    tab = page.projection
    tab.inputs.target_year["pekerja_rentan"].setValue(2029)
    tab.inputs.target["pekerja_rentan"].setValue(150)
    tab.inputs.belanja_on.setChecked(True)
    tab.inputs.belanja.setValue(5)
    tab.recompute()
    save(window, out / f"38_proyeksi_target{suffix}.png", app)
    for index, name in (
        (1, "39_proyeksi_grafik"),
        (2, "39_proyeksi_kategori"),
        (3, "39_proyeksi_asumsi"),
    ):
        tab.details.setCurrentIndex(index)
        save(window, out / f"{name}{suffix}.png", app)
    tab.details.setCurrentIndex(0)


def more_dialogs(window: Any, ctx: Any, app: QApplication, out: Path, suffix: str) -> None:
    from desa_budget.budget import settings as budget_settings
    from ui.dialogs.adopt_dialog import AdoptDialog
    from ui.dialogs.code_dialogs import LocalCodeDialog, PersonCodesDialog
    from ui.dialogs.mapping_dialog import MappingDialog
    from ui.first_start import STEP_PROFILE, STEP_SERVER, FirstStartDialog

    with ctx.db.session() as session:
        catalog = budget_settings.catalog_for(session)
        mapping = budget_settings.effective_mapping(session)
    dialogs: list[tuple[QWidget, str]] = [
        (MappingDialog(window, mapping["rt_rw"], catalog), "24_mapping_dialog"),
        (AdoptDialog(window, year=ctx.year, jenis="murni", total=42_883_040, potongan=1_234_000),
         "26_adopt_dialog"),
    ]  # fmt: skip
    local = LocalCodeDialog(window, catalog)
    local.kode.setText("5.1.3.04")
    dialogs.append((local, "25_local_code_dialog"))
    page = window.show_page("kode")
    if page is not None and page.simulation is not None:
        dialogs.append(
            (PersonCodesDialog(window, page.simulation.persons, catalog), "27_person_codes")
        )
    wizard = FirstStartDialog(window)
    dialogs.append((wizard, "28_first_start"))
    for dialog, name in dialogs:
        dialog.show()
        save(dialog, out / f"{name}{suffix}.png", app)
        if dialog is wizard:
            wizard.steps.setCurrentIndex(STEP_PROFILE)
            wizard.form.kode_desa.setText("33.02.13.1001")
            save(dialog, out / f"29_first_start_profile{suffix}.png", app)
            wizard.form.kode_desa.setText("33.02.13.2001")  # a desa of Banyumas…
            wizard.form.kabupaten.setText("Cilacap")  # …typed as another kabupaten: a warning
            save(dialog, out / f"29_first_start_profile_kabupaten{suffix}.png", app)
            wizard.steps.setCurrentIndex(STEP_SERVER)
            save(dialog, out / f"29_first_start_server{suffix}.png", app)
        dialog.hide()


def other_views(window: Any, ctx: Any, app: QApplication, out: Path, suffix: str) -> None:
    """The Dokumen tabs and dialogs not shown above, a successful import's preview, the server
    password, the crash report and a question box."""
    from openpyxl import load_workbook

    from desa_budget.roster.workbook.apply import plan_import
    from desa_budget.roster.workbook.export import export_roster
    from ui import msgbox
    from ui.dialogs.document_settings import DocumentSettingsDialog
    from ui.dialogs.import_preview import ImportPreviewDialog
    from ui.dialogs.server_password import ServerPasswordDialog

    page = window.show_page("dokumen")
    page.tabs.setCurrentWidget(page.settings_box)
    save(window, out / f"46_dokumen_peraturan{suffix}.png", app)
    window.dpmd_action.setChecked(True)
    page.tabs.setCurrentIndex(1)
    save(window, out / f"47_dokumen_rekap_dpmd{suffix}.png", app)
    window.dpmd_action.setChecked(False)
    page.tabs.setCurrentIndex(0)
    page.settings_box.reload()
    dialogs: list[tuple[QWidget, str]] = [
        (DocumentSettingsDialog(window, page.settings_box.settings), "48_document_settings"),
        (ServerPasswordDialog(window, url="postgresql://sekdes@server-kantor/jamsos",
                              reason="Sandi server tidak ditemukan di penyimpanan sandi sistem "
                                     "operasi."), "51_server_password"),
        (msgbox.CrashDialog(window, summary="ZeroDivisionError: division by zero",
                            details="Traceback (most recent call last):\n  …",
                            log_file=str(ctx.db.paths.logs / "jamsos_desa.log")),
         "52_crash_dialog"),
    ]  # fmt: skip
    workbook_path = Path(tempfile.mkdtemp(prefix="jamsos_shots_")) / "daftar.xlsx"
    with ctx.db.session() as session:
        export_roster(session, workbook_path, year=ctx.year)
    workbook = load_workbook(workbook_path)
    sheet = workbook.worksheets[0]
    column = next(c.column for c in sheet[1] if c.value == "Dasar Upah")
    sheet.cell(row=2, column=column).value = 3_250_000  # one change to show
    workbook.save(workbook_path)
    with ctx.db.session() as session:
        plan = plan_import(session, workbook_path, year=ctx.year)
    dialogs.append(
        (ImportPreviewDialog(window, file_name=workbook_path.name, plan=plan), "50_import_preview")
    )
    for dialog, name in dialogs:
        dialog.show()
        save(dialog, out / f"{name}{suffix}.png", app)
        dialog.hide()

    def photograph(box: Any) -> None:
        box.show()
        save(box, out / f"53_confirm{suffix}.png", app)
        box.hide()

    shown_by, msgbox._exec = msgbox._exec, photograph  # type: ignore[assignment]
    msgbox.confirm(window, "Pulihkan cadangan", "Data sekarang akan diganti dengan cadangan ini.")
    msgbox._exec = shown_by  # type: ignore[assignment]


def applied_plan(window: Any, ctx: Any, app: QApplication, out: Path, suffix: str) -> None:
    """The screens again once a plan of Rp30.000.000 is applied (part of the pekerja rentan)."""
    from desa_budget.budget.coverage import apply_default_plan

    with ctx.db.session() as session:
        apply_default_plan(
            session, ctx.rules, ctx.year, pagu=30_000_000, mode="strict", operator="demo"
        )
    ctx.notify_changed()
    for number, key in enumerate(("beranda", "peserta", "kode", "rencana", "dokumen"), start=40):
        page = window.show_page(key)
        if page is None:
            continue
        if key == "dokumen":
            page.doc.setCurrentIndex(page.doc.findData("ringkasan"))
            wait_for(app, page.preview_finished, page.preview)
        save(window, out / f"{number}_{key}_rencana{suffix}.png", app)
    page = window.show_page("peserta")
    if page is not None:
        page.ditanggung.setCurrentIndex(page.ditanggung.findData("tidak"))
        save(window, out / f"45_peserta_tidak_ditanggung{suffix}.png", app)
        page.ditanggung.setCurrentIndex(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--lang", default="id", choices=["id", "en"])
    parser.add_argument("--size", default="1366x768", help="the screen, e.g. 1024x768")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out = args.out or ROOT / "build" / "screenshots" / f"{args.lang}_{width}x{height}"
    args.out.mkdir(parents=True, exist_ok=True)

    from ui import first_start, i18n
    from ui.settings import Settings

    answer = first_start.FirstStartAnswer(first_start.DEMO, operator="Sri Handayani")
    first_start.FirstStartDialog.ask = classmethod(lambda cls, parent=None: answer)  # type: ignore[method-assign]
    data_dir = Path(tempfile.mkdtemp(prefix="jamsos_shots_"))
    Settings.in_folder(data_dir).language = args.lang

    from ui.main import start

    started = start(argparse.Namespace(data_dir=str(data_dir), db=None))
    app, window, ctx = started.app, started.window, started.ctx
    assert window is not None and ctx is not None
    i18n.set_language(args.lang)
    settle(app)
    opened = window.frameGeometry()
    print(f"opened at {opened.width()} x {opened.height()} on a {width} x {height} screen")
    window.setGeometry(0, 0, width, height - TASKBAR)
    settle(app)
    suffix = ""
    with ctx.db.session() as session:  # a pagu, so the planner has something to show
        from desa_budget.budget.settings import set_budget_year

        set_budget_year(
            session, ctx.year, total_belanja=1_250_000_000, pagu=40_000_000, operator="demo"
        )
    ctx.notify_changed()  # the Beranda is already showing: it must see the pagu too
    for number, key in enumerate(window.page_keys(), start=1):
        page = window.show_page(key)
        if key == "dokumen" and page is not None:
            wait_for(app, page.preview_finished, page.preview)  # type: ignore[attr-defined]
        save(window, args.out / f"{number:02d}_{key}{suffix}.png", app)
    second_tabs(window, app, args.out, suffix)
    projection_tabs(window, app, args.out, suffix)

    # Dialogs, shown without exec() and photographed.
    from desa_budget.roster import service as roster
    from desa_budget.roster.data import load_limits
    from desa_budget.roster.workbook.problems import ImportProblem, ImportRefused
    from ui.dialogs.end_post_dialog import EndPostDialog
    from ui.dialogs.import_preview import ImportPreviewDialog
    from ui.dialogs.person_dialog import PersonDialog
    from ui.pages.roster import open_posts

    with ctx.db.session() as session:
        rows = roster.list_roster(session, ctx.year, rules=ctx.rules)
        detail = roster.get_person(session, rows[2].person_id)
        kode = roster.kode_desa(session)
    person = PersonDialog(
        window, year=ctx.year, kode_desa=kode, limits=load_limits(ctx.year), detail=detail
    )
    person.dasar_upah.set_value(900_000)  # show a problem under its field
    person.show()
    save(person, args.out / f"20_person_dialog{suffix}.png", app)
    person.hide()
    new = PersonDialog(window, year=ctx.year, kode_desa=kode, limits=load_limits(ctx.year))
    new.nik.setText("12345")
    new.show()
    save(new, args.out / f"21_person_new{suffix}.png", app)
    new.hide()
    ending = EndPostDialog(window, open_posts(detail, ctx.year), date(ctx.year, 6, 30))
    ending.show()
    save(ending, args.out / f"22_end_post{suffix}.png", app)
    ending.hide()
    error = ImportRefused(
        "Impor dibatalkan: 3 masalah di berkas daftar.xlsx. Tidak ada data yang diubah.",
        [
            ImportProblem(3, "NIK", "12345", "NIK harus 16 angka (tertulis '12345')."),
            ImportProblem(5, "Tanggal Lahir", "31-02-1980", "Tanggal tidak ada di kalender."),
            ImportProblem(6, "Dasar Upah", "banyak", "Harus bilangan rupiah, mis. 2000000."),
        ],
    )
    preview = ImportPreviewDialog(window, file_name="daftar.xlsx", error=error)
    preview.show()
    save(preview, args.out / f"23_import_errors{suffix}.png", app)
    preview.hide()
    from ui.dialogs.post_dialog import PostDialog

    post = PostDialog(window, detail.posts[0].data, lahir=detail.person.tanggal_lahir)
    post.show()
    save(post, args.out / f"37_post_dialog{suffix}.png", app)
    post.hide()
    new.show()
    new.tanggal_lahir.show_calendar()  # the calendar pop-up, in the window's language
    settle(app)
    app.primaryScreen().grabWindow(0).save(str(args.out / f"38_calendar{suffix}.png"))
    new.tanggal_lahir.menu.close()
    new.hide()
    window.show_page("peserta")
    help_box = window.show_help() or window.help_box
    save(help_box, args.out / f"39_help{suffix}.png", app)
    help_box.hide()
    window.dpmd_action.setChecked(True)
    window.show_page("dokumen")
    save(window, args.out / f"40_dokumen_dpmd{suffix}.png", app)
    window.dpmd_action.setChecked(False)
    more_dialogs(window, ctx, app, args.out, suffix)
    other_views(window, ctx, app, args.out, suffix)
    applied_plan(window, ctx, app, args.out, suffix)
    from screenshots_siskeudes import siskeudes_views

    siskeudes_views(window, ctx, app, args.out, suffix, save)
    QTimer.singleShot(0, window.close)
    app.exec()
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
