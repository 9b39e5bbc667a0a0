"""Siskeudes files of a kecamatan operator (several desa in one database): the window asks which
desa to take, the village's own one chosen already, for the import and for Cek Siskeudes; and
the file is read in a worker thread behind a busy dialog, the window running on meanwhile."""

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from siskeudes_helpers import KD_DESA, desa_rows, rab_row, write_tables
from ui_helpers import YEAR

from desa_budget.budget import versions
from desa_budget.budget.codes.notation import siskeudes_kegiatan, siskeudes_rekening
from desa_budget.siskeudes.data import SiskeudesData
from desa_budget.siskeudes.desa_choice import default_desa, desa_options
from desa_budget.siskeudes.import_preview import ImportPreview
from desa_budget.village.profile import get_profile
from ui import msgbox, siskeudes_import
from ui.app_context import AppContext
from ui.dialogs.siskeudes_desa import SiskeudesDesaDialog
from ui.dialogs.siskeudes_preview import SiskeudesChoice, SiskeudesPreviewDialog
from ui.pages.kode_anggaran import KodeAnggaranPage
from ui.pages.pengaturan import PengaturanPage

OTHER = "12.05."  # kecamatan 12, desa 05: the demo village's kode desa is 33.02.12.2005


def two_desa(folder: Path, rab: list[dict[str, object]] | None = None) -> Path:
    """Desa Uji (KD_DESA) and the demo village Sukamaju (OTHER), each with its own sekdes."""
    rows = desa_rows(YEAR)
    rows["Ref_Kecamatan"].append({"Kd_Kec": "12", "Nama_Kecamatan": "Kutasari"})
    rows["Ref_Desa"].append({"Kd_Kec": "12", "Kd_Desa": OTHER, "Nama_Desa": "Sukamaju"})
    rows["Ta_Desa"].append({**rows["Ta_Desa"][0], "Kd_Desa": OTHER, "Nm_Sekdes": "Budi Santoso"})
    rows["Ta_Perangkat"].append({"Tahun": str(YEAR), "Kd_Desa": OTHER, "Kd_Jabatan": "05",
                                 "No_ID": "01", "Nama_Perangkat": "Slamet"})  # fmt: skip
    rows["Ta_RABRinci"] = rab or []
    return write_tables(folder, rows)


def answer_desa(monkeypatch: pytest.MonkeyPatch, pick: str | None) -> list[SiskeudesDesaDialog]:
    """Show the real chooser but answer it at once: ``pick`` chosen (None: cancelled)."""
    shown: list[SiskeudesDesaDialog] = []

    def exec_(self: SiskeudesDesaDialog) -> int:
        shown.append(self)
        if pick is None:
            return QDialog.DialogCode.Rejected.value
        row = next(i for i in range(self.list.count())
                   if self.list.item(i).text().startswith(pick))  # fmt: skip
        self.list.setCurrentRow(row)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SiskeudesDesaDialog, "exec", exec_)
    return shown


def answer_preview(monkeypatch: pytest.MonkeyPatch) -> list[ImportPreview]:
    seen: list[ImportPreview] = []

    def ask(cls: Any, parent: Any, preview: ImportPreview) -> SiskeudesChoice:
        seen.append(preview)
        return SiskeudesChoice("")

    monkeypatch.setattr(SiskeudesPreviewDialog, "ask", classmethod(ask))
    monkeypatch.setattr(msgbox, "confirm", lambda *a, **k: False)
    return seen


@pytest.fixture
def pengaturan(qtbot: QtBot, ctx: AppContext) -> PengaturanPage:
    page = PengaturanPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_the_import_asks_which_desa_with_the_village_chosen(
    pengaturan: PengaturanPage, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = two_desa(tmp_path / "siskeudes")
    shown = answer_desa(monkeypatch, KD_DESA)  # the user takes the other desa, Uji
    seen = answer_preview(monkeypatch)
    pengaturan.take_from_siskeudes(folder)
    (chooser,) = shown
    assert chooser.list.count() == 2
    texts = [chooser.list.item(i).text() for i in range(2)]
    assert texts == [f"{KD_DESA}  Uji, Kec. Sumbang", f"{OTHER}  Sukamaju, Kec. Kutasari"]
    assert seen[0].kd_desa == KD_DESA and "Slamet" not in [p.nama for p in seen[0].persons]
    with ctx.db.session() as s:
        assert get_profile(s).sekretaris_desa_nama == "Sri Wahyuni"  # type: ignore[union-attr]


def test_the_chooser_starts_on_the_village_by_its_kode_desa(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    data = siskeudes_import.read_in_background(None, two_desa(tmp_path / "siskeudes"))
    options = desa_options(data, YEAR)
    default = default_desa(options, kode_desa="33.02.12.2005", nama_desa="")
    dialog = SiskeudesDesaDialog(None, options, year=YEAR, default=default)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == OTHER
    assert dialog.list.currentItem().text().startswith(f"{OTHER}  Sukamaju")


def test_taking_the_default_desa_imports_the_village_itself(
    pengaturan: PengaturanPage, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[SiskeudesDesaDialog] = []

    def accept_as_shown(self: SiskeudesDesaDialog) -> int:
        shown.append(self)
        return QDialog.DialogCode.Accepted.value  # the user presses Pilih without choosing

    monkeypatch.setattr(SiskeudesDesaDialog, "exec", accept_as_shown)
    seen = answer_preview(monkeypatch)
    pengaturan.take_from_siskeudes(two_desa(tmp_path / "siskeudes"))
    assert shown[0].chosen() == OTHER and seen[0].kd_desa == OTHER
    assert [p.nama for p in seen[0].persons] == ["Slamet"]
    with ctx.db.session() as s:
        assert get_profile(s).sekretaris_desa_nama == "Budi Santoso"  # type: ignore[union-attr]


def test_cancelling_the_chooser_writes_nothing(
    pengaturan: PengaturanPage, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.db.session() as s:
        before = get_profile(s)
    answer_desa(monkeypatch, None)
    seen = answer_preview(monkeypatch)
    pengaturan.take_from_siskeudes(two_desa(tmp_path / "siskeudes"))
    assert seen == []  # no preview after a cancelled choice
    with ctx.db.session() as s:
        assert get_profile(s) == before
    assert pengaturan.siskeudes_button.isEnabled()


def _rab(ctx: AppContext) -> list[dict[str, object]]:
    """Uji keyed every line Rp1.000 too high; Sukamaju keyed them as the app has them."""
    with ctx.db.session() as s:
        lines = versions.current_lines(s, ctx.rules, YEAR).lines
    rows = []
    for i, ln in enumerate(lines, 1):
        keg, rek = siskeudes_kegiatan(ln.kegiatan), siskeudes_rekening(ln.rekening)
        rows.append(rab_row(YEAR, keg, rek, ln.sumber_dana, ln.jumlah + 1_000, no=f"{i:02d}"))
        same = rab_row(YEAR, keg, rek, ln.sumber_dana, ln.jumlah, no=f"{i:02d}")
        rows.append({**same, "Kd_Desa": OTHER, "Kd_Keg": OTHER + keg})
    return rows


def test_cek_siskeudes_compares_the_chosen_desa_read_in_a_worker(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = two_desa(tmp_path / "siskeudes", _rab(ctx))
    page = KodeAnggaranPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    tab = page.siskeudes_tab
    threads: list[threading.Thread] = []
    real = siskeudes_import.read_siskeudes

    def read(path: Path) -> SiskeudesData:
        threads.append(threading.current_thread())
        return real(path)

    monkeypatch.setattr(siskeudes_import, "read_siskeudes", read)
    shown = answer_desa(monkeypatch, None)  # first: the chooser cancelled, nothing compared
    tab.choose(folder)
    assert tab.task is not None and not tab.choose_button.isEnabled()  # reading, not yet read
    assert tab.data is None
    qtbot.waitUntil(lambda: tab.task is None)
    assert len(shown) == 1 and tab.data is None and tab.comparison is None
    answer_desa(monkeypatch, OTHER)
    with qtbot.waitSignal(tab.compared):
        tab.choose(folder)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert tab.comparison is not None and tab.comparison.kd_desa == OTHER
    assert "Semua baris sama" in tab.summary.text() and "desa 12.05." in tab.summary.text()
    assert tab.choose_button.isEnabled()
    answer_desa(monkeypatch, KD_DESA)
    with qtbot.waitSignal(tab.compared):
        tab.choose(folder)
    assert tab.comparison.kd_desa == KD_DESA
    assert {row[3] for row in tab.model.rows()} == {"Berbeda"}


def test_the_import_reads_the_file_in_a_worker_behind_a_busy_dialog(
    pengaturan: PengaturanPage, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_tables(tmp_path / "siskeudes", desa_rows(YEAR))
    threads: list[threading.Thread] = []
    labels: list[str] = []
    real_read, real_start = siskeudes_import.read_siskeudes, siskeudes_import.start_reading

    def read(path: Path) -> SiskeudesData:
        threads.append(threading.current_thread())
        return real_read(path)

    def start(*args: Any, **kwargs: Any) -> Any:
        task = real_start(*args, **kwargs)
        labels.append(task.dialog.labelText())
        return task

    monkeypatch.setattr(siskeudes_import, "read_siskeudes", read)
    monkeypatch.setattr(siskeudes_import, "start_reading", start)
    seen = answer_preview(monkeypatch)
    pengaturan.take_from_siskeudes(folder)
    assert labels == ["Membaca basis data Siskeudes…"]
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert seen and seen[0].year == YEAR  # the preview was built from what the worker read


def test_a_damaged_file_is_said_after_the_worker_fails(
    pengaturan: PengaturanPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "DataAPBDES.mde"
    bad.write_bytes(b"not a database")
    said: list[str] = []
    monkeypatch.setattr(siskeudes_import.errors, "show_user_error",
                        lambda parent, exc: said.append(exc.message))  # fmt: skip
    seen = answer_preview(monkeypatch)
    pengaturan.take_from_siskeudes(bad)
    assert seen == [] and len(said) == 1 and "bukan basis data Siskeudes" in said[0]
