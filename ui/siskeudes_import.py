""" "Ambil dari Siskeudes": choose the file, read it (a copy; the original is never written), show
the preview, apply it in one transaction, and offer the workbook of perangkat to complete.
Used by the first-start wizard and by Pengaturan. The file is read off the GUI thread behind a
busy dialog (a real database may take a while); a file of several desa asks which one."""

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QWidget

from desa_budget.errors import UserError
from desa_budget.siskeudes.data import SiskeudesData
from desa_budget.siskeudes.desa_choice import default_desa, desa_options
from desa_budget.siskeudes.import_apply import ImportResult, apply_import, write_completion_workbook
from desa_budget.siskeudes.import_preview import latest_year, preview_import
from desa_budget.siskeudes.source import read_siskeudes
from desa_budget.store.database import Database
from desa_budget.village.profile import get_profile
from ui import errors, file_dialogs, msgbox
from ui.dialogs import file_choosers
from ui.dialogs.siskeudes_desa import SiskeudesDesaDialog
from ui.dialogs.siskeudes_preview import SiskeudesPreviewDialog
from ui.i18n import N_, _, ngettext
from ui.workers import Task, run_task

READING = N_("Membaca basis data Siskeudes…")  # translated when shown


def start_reading(
    parent: QWidget | None,
    path: Path,
    *,
    on_done: Callable[[SiskeudesData], None],
    on_error: Callable[[BaseException], None],
) -> Task:
    """Read ``path`` in a worker thread behind a busy dialog; the callbacks run on the GUI thread."""
    task = run_task(parent, lambda: read_siskeudes(path), label=_(READING), on_done=on_done,
                    on_error=on_error)  # fmt: skip
    if parent is None:  # the first-start wizard: no window behind it yet
        task.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    return task


def read_in_background(parent: QWidget | None, path: Path) -> SiskeudesData:
    """``start_reading`` for a flow that goes on once the file is read: the window keeps
    painting meanwhile (a local event loop); the reader's exception is raised here."""
    loop = QEventLoop()
    outcome: list[Any] = []
    task = start_reading(parent, path, on_done=outcome.append, on_error=outcome.append)
    task.finished.connect(loop.quit)
    loop.exec()
    (result,) = outcome
    if isinstance(result, BaseException):
        raise result
    return cast(SiskeudesData, result)


def pick_desa(parent: QWidget | None, db: Database, data: SiskeudesData, year: int) -> str | None:
    """The Siskeudes code of the desa to take: asked when the year holds several (the village's
    own one chosen already), "" when it holds none or one; None when the user cancelled."""
    options = desa_options(data, year)
    if len(options) <= 1:
        return ""
    with db.session() as session:
        profile = get_profile(session)
    default = default_desa(options, kode_desa=profile.kode_desa if profile else "",
                           nama_desa=profile.nama_desa if profile else "")  # fmt: skip
    return SiskeudesDesaDialog.ask(parent, options, year=year, default=default)


def choose_siskeudes(parent: QWidget | None, folder: str = "") -> Path | None:
    return file_dialogs.open_siskeudes(parent, title=_("Pilih basis data Siskeudes"), folder=folder)


def import_siskeudes(
    parent: QWidget | None, db: Database, *, operator: str, path: Path, year: int | None = None
) -> ImportResult | None:
    """The whole flow for ``path``; None when cancelled or refused (the reason already shown)."""
    try:
        data = read_in_background(parent, path)
        years = {int(d.tahun) for d in data.desa if d.tahun.isdigit()}
        chosen = year if year in years else latest_year(data)
        kd_desa = pick_desa(parent, db, data, chosen)
        if kd_desa is None:
            return None
        with db.session() as session:
            preview = preview_import(session, data, year=chosen, kd_desa=kd_desa or None)
    except UserError as exc:
        errors.show_user_error(parent, exc)
        return None
    choice = SiskeudesPreviewDialog.ask(parent, preview)
    if choice is None:
        return None
    try:
        with db.session() as session:
            result = apply_import(session, data, year=chosen, operator=operator, confirmed=preview,
                                  kd_desa=kd_desa or None,
                                  kode_desa=choice.kode_desa or None)  # fmt: skip
    except UserError as exc:
        errors.show_user_error(parent, exc)
        return None
    if result.added:
        offer_completion(parent, result)
    return result


def offer_completion(parent: QWidget | None, result: ImportResult) -> Path | None:
    """Offer the perangkat added incomplete as a roster workbook, to fill in Excel and import
    in Daftar Peserta (each row completes its person, matched by name and post)."""
    text = (
        added_text(result)
        + " "
        + _(
            "Atau simpan nama mereka ke berkas daftar peserta, lengkapi di Excel, lalu impor di "
            "Daftar Peserta."
        )
    )
    if not msgbox.confirm(parent, _("Ambil dari Siskeudes"), text, yes=_("Simpan berkas…"),
                          no=_("Nanti saja")):  # fmt: skip
        return None
    path = file_choosers.save_file(
        parent, title=_("Simpan perangkat untuk dilengkapi"),
        suggested=Path.home() / "perangkat_dari_siskeudes.xlsx",
        file_filter=file_choosers.XLSX_FILTER, suffix=".xlsx",
    )  # fmt: skip
    if path is None:
        return None
    try:
        write_completion_workbook(path, result.added)
    except UserError as exc:
        errors.show_user_error(parent, exc)
        return None
    return path


def added_text(result: ImportResult) -> str:
    """What the import says about the perangkat it added incomplete ("" when none)."""
    n = len(result.added)
    if not n:
        return ""
    return ngettext(
        "{n} perangkat ditambahkan ke daftar peserta dengan data belum lengkap (Siskeudes tidak "
        "menyimpan NIK, tanggal lahir dan jenis kelamin); lengkapi di Daftar Peserta.",
        "{n} perangkat ditambahkan ke daftar peserta dengan data belum lengkap (Siskeudes tidak "
        "menyimpan NIK, tanggal lahir dan jenis kelamin); lengkapi di Daftar Peserta.",
        n,
    ).format(n=n)
