"""Document settings as undo steps: where a document sits, a regulation's number, a pelaksana."""

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desa_budget.budget import regulations
from desa_budget.budget.regulations import NumberData, Pelaksana, Placement
from desa_budget.store.versioning import ABSENT
from ui.app_context import AppContext
from ui.commands.base import SwapCommand
from ui.i18n import _


class PlacementCommand(SwapCommand):
    """Annex a document to another regulation (or to none)."""

    def __init__(self, ctx: AppContext, before: Placement, peraturan: str, lampiran: str) -> None:
        label = _(regulations.DOCUMENT_LABELS[before.dokumen])
        super().__init__(
            ctx, _("Peraturan {dokumen}").format(dokumen=label),
            before=(before.peraturan, before.lampiran), after=(peraturan, lampiran),
            version=before.version,
        )  # fmt: skip
        self.dokumen = before.dokumen

    def write(self, session: Session, *values: Any) -> int:
        peraturan, lampiran = values
        return regulations.set_placement(
            session, dokumen=self.dokumen, peraturan=peraturan, lampiran=lampiran,
            version=self.version, operator=self.ctx.operator,
        ).version  # fmt: skip


class RegulationNumberCommand(SwapCommand):
    """Set or correct the number and date of one regulation of an adopted version."""

    def __init__(
        self, ctx: AppContext, *, year: int, jenis: str, before: NumberData, nomor: str,
        tanggal: date | None,
    ) -> None:  # fmt: skip
        label = _(regulations.KINDS[before.peraturan].label)
        super().__init__(
            ctx, _("Nomor {peraturan}").format(peraturan=label),
            before=(before.nomor, before.tanggal), after=(nomor, tanggal), version=before.version,
        )  # fmt: skip
        self.year, self.jenis, self.peraturan = year, jenis, before.peraturan

    def write(self, session: Session, *values: Any) -> int:
        nomor, tanggal = values
        return regulations.set_regulation_number(
            session, year=self.year, jenis=self.jenis, peraturan=self.peraturan,
            nomor=nomor, tanggal=tanggal, version=self.version, operator=self.ctx.operator,
        ).version  # fmt: skip


class PelaksanaCommand(SwapCommand):
    """Name who prepares one kegiatan's RAB (an empty name: the profile's pelaksana again)."""

    def __init__(self, ctx: AppContext, before: Pelaksana, nama: str, jabatan: str) -> None:
        # A kegiatan without its own pelaksana shows the profile's; undoing goes back to none.
        unset = before.version == ABSENT
        super().__init__(
            ctx, _("Pelaksana kegiatan {kode}").format(kode=before.kode_kegiatan),
            before=("", "") if unset else (before.nama, before.jabatan), after=(nama, jabatan),
            version=before.version,
        )  # fmt: skip
        self.kode_kegiatan = before.kode_kegiatan

    def write(self, session: Session, *values: Any) -> int:
        nama, jabatan = values
        return regulations.set_pelaksana(
            session, kode_kegiatan=self.kode_kegiatan, nama=nama, jabatan=jabatan,
            version=self.version, operator=self.ctx.operator,
        ).version  # fmt: skip
