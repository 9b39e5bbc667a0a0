"""Pengaturan and Riwayat tables: backups, and the audit log."""

from typing import ClassVar

from desa_budget.format import format_time
from desa_budget.history import HistoryRow
from desa_budget.store.audit import AuditRow
from desa_budget.store.backup import KIND_WORDS, BackupInfo
from ui.i18n import N_, _
from ui.models.table_model import Column, DtoTableModel


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(size // 1000, 1)} KB"


class BackupModel(DtoTableModel[BackupInfo]):
    WAKTU, JENIS, UKURAN, BERKAS = range(4)
    COLUMNS: ClassVar[tuple[Column[BackupInfo], ...]] = (
        Column(
            N_("Waktu"),
            lambda b: format_time(b.time, seconds=True),
            lambda b: b.time.isoformat(),
        ),
        Column(N_("Jenis"), lambda b: KIND_WORDS[b.kind]),
        Column(N_("Ukuran"), lambda b: _size(b.size), lambda b: b.size, True),
        Column(N_("Berkas"), lambda b: b.path.name, tooltip=lambda b: str(b.path)),
    )


class AuditModel(DtoTableModel[AuditRow]):
    WAKTU, OPERATOR, ENTITAS, LABEL, KOLOM, LAMA, BARU = range(7)
    COLUMNS: ClassVar[tuple[Column[AuditRow], ...]] = (
        Column(
            N_("Waktu"),
            lambda a: format_time(a.waktu, seconds=True),
            lambda a: (a.waktu.isoformat(), a.id),
        ),
        Column(N_("Operator"), lambda a: a.operator),
        Column(N_("Entitas"), lambda a: a.entitas, tooltip=lambda a: a.keterangan),
        Column(N_("Label"), lambda a: a.label, tooltip=lambda a: a.label),
        Column(N_("Kolom"), lambda a: a.kolom),
        Column(N_("Lama"), lambda a: a.nilai_lama or "—", tooltip=lambda a: a.nilai_lama or ""),
        Column(N_("Baru"), lambda a: a.nilai_baru or "—", tooltip=lambda a: a.nilai_baru or ""),
    )


class HistoryModel(DtoTableModel[HistoryRow]):
    """Riwayat: the core's rows, labels shown in the window's language."""

    WAKTU, OPERATOR, JENIS, DATA, KOLOM, LAMA, BARU = range(7)
    COLUMNS: ClassVar[tuple[Column[HistoryRow], ...]] = (
        Column(
            N_("Waktu"),
            lambda h: format_time(h.waktu, seconds=True),
            lambda h: (h.waktu.isoformat(), h.id),
        ),
        Column(N_("Operator"), lambda h: h.operator),
        Column(N_("Jenis"), lambda h: _(h.jenis), tooltip=lambda h: h.keterangan),
        Column(N_("Data"), lambda h: h.data, tooltip=lambda h: h.data),
        Column(N_("Kolom"), lambda h: _(h.kolom)),
        Column(N_("Lama"), lambda h: h.lama, tooltip=lambda h: h.lama),
        Column(N_("Baru"), lambda h: h.baru, tooltip=lambda h: h.baru),
    )
