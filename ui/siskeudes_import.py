""" "Ambil dari Siskeudes": choose the file, read it (a copy; the original is never written), show
the preview, apply it in one transaction, and offer the workbook of perangkat to complete.
Used by the first-start wizard and by Pengaturan."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desa_budget.errors import UserError
from desa_budget.siskeudes.data import SiskeudesData
from desa_budget.siskeudes.import_apply import ImportResult, apply_import, write_completion_workbook
from desa_budget.siskeudes.import_preview import latest_year, preview_import
from desa_budget.siskeudes.source import read_siskeudes
from desa_budget.store.database import Database
from ui import errors, file_dialogs, msgbox
from ui.dialogs import file_choosers
from ui.dialogs.siskeudes_preview import SiskeudesPreviewDialog
from ui.i18n import _, ngettext


def read_with_wait(path: Path) -> SiskeudesData:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return read_siskeudes(path)
    finally:
        QGuiApplication.restoreOverrideCursor()


def choose_siskeudes(parent: QWidget | None, folder: str = "") -> Path | None:
    return file_dialogs.open_siskeudes(parent, title=_("Pilih basis data Siskeudes"), folder=folder)


def import_siskeudes(
    parent: QWidget | None, db: Database, *, operator: str, path: Path, year: int | None = None
) -> ImportResult | None:
    """The whole flow for ``path``; None when cancelled or refused (the reason already shown)."""
    try:
        data = read_with_wait(path)
        years = {int(d.tahun) for d in data.desa if d.tahun.isdigit()}
        chosen = year if year in years else latest_year(data)
        with db.session() as session:
            preview = preview_import(session, data, year=chosen)
    except UserError as exc:
        errors.show_user_error(parent, exc)
        return None
    choice = SiskeudesPreviewDialog.ask(parent, preview)
    if choice is None:
        return None
    try:
        with db.session() as session:
            result = apply_import(session, data, year=chosen, operator=operator, confirmed=preview,
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
