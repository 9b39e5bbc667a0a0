"""Tentang / Manfaat: what each BPJS Ketenagakerjaan program protects (domain.md §2.6), the app's
version, and where the data, backups and logs live."""

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

import desa_budget
from desa_budget.logging_setup import LOG_FILENAME
from ui.app_context import AppContext
from ui.i18n import N_, _
from ui.pages import Page

# (program, what it protects). Benefits are shown, never computed (domain.md §2.6).
BENEFITS: tuple[tuple[str, str], ...] = (
    (
        N_("JKK — Jaminan Kecelakaan Kerja"),
        N_(
            "Melindungi dari kecelakaan kerja, termasuk dalam perjalanan pergi dan pulang kerja, "
            "dan penyakit akibat kerja: perawatan medis sesuai kebutuhan tanpa batas biaya; bila "
            "meninggal karena kecelakaan kerja, ahli waris menerima 48 kali upah yang dilaporkan."
        ),
    ),
    (
        N_("JKM — Jaminan Kematian"),
        N_(
            "Bila peserta meninggal bukan karena kecelakaan kerja, ahli waris menerima Rp42 juta "
            "(santunan kematian Rp20 juta, santunan berkala Rp12 juta, biaya pemakaman Rp10 juta), "
            "ditambah beasiswa untuk paling banyak 2 anak (sampai Rp174 juta) sesudah 3 tahun "
            "menjadi peserta."
        ),
    ),
    (
        N_("JHT — Jaminan Hari Tua"),
        N_(
            "Tabungan hari tua: iuran dan hasil pengembangannya dibayarkan sekaligus saat peserta "
            "berhenti bekerja, pensiun, cacat total tetap atau meninggal."
        ),
    ),
    (
        N_("JP — Jaminan Pensiun"),
        N_(
            "Uang pensiun bulanan sesudah mencapai usia pensiun bila masa iur paling sedikit 15 "
            "tahun (bila kurang, iuran dan hasil pengembangannya dibayar sekaligus); juga bagi "
            "peserta yang cacat total tetap dan bagi ahli waris. Hanya untuk peserta penerima upah."
        ),
    ),
)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TentangPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        body = QWidget()
        layout = QVBoxLayout(body)

        benefits = QGroupBox(_("Apa yang dilindungi setiap program"))
        form = QVBoxLayout(benefits)
        for title, text in BENEFITS:
            heading = QLabel(f"<b>{_(title)}</b>")
            form.addWidget(heading)
            form.addWidget(_selectable(_(text)))
        note = _selectable(
            _(
                "Manfaat ditampilkan sebagai informasi; aplikasi ini tidak menghitung klaim. "
                "Ketentuan resmi ada pada BPJS Ketenagakerjaan."
            )
        )
        note.setStyleSheet("color: #555555;")
        form.addWidget(note)
        layout.addWidget(benefits)

        paths = ctx.db.paths
        about = QGroupBox(_("Aplikasi dan data"))
        info = QFormLayout(about)
        info.addRow(_("Versi Jamsos Desa"), _selectable(desa_budget.__version__))
        info.addRow(
            _("Python / Qt"),
            _selectable(f"{platform.python_version()} / PySide6 {pyside_version} ({sys.platform})"),
        )
        info.addRow(_("Basis data"), _selectable(ctx.db.location))
        info.addRow(_("Folder data"), _selectable(str(paths.root)))
        info.addRow(_("Cadangan"), _selectable(str(paths.backups)))
        info.addRow(_("Berkas log"), _selectable(str(paths.logs / LOG_FILENAME)))
        info.addRow(_("Pengaturan"), _selectable(ctx.settings.file_name))
        buttons = QHBoxLayout()
        open_data = QPushButton(_("Buka folder data"))
        open_logs = QPushButton(_("Buka folder log"))
        open_data.clicked.connect(lambda: _open_folder(str(paths.root)))
        open_logs.clicked.connect(lambda: _open_folder(str(paths.logs)))
        buttons.addWidget(open_data)
        buttons.addWidget(open_logs)
        buttons.addStretch()
        info.addRow(buttons)
        layout.addWidget(about)
        layout.addStretch()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)


def _open_folder(path: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def create_page(ctx: AppContext) -> Page:
    return TentangPage(ctx)
