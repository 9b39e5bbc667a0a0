"""Document settings as undo steps: where a document sits, a regulation's number, a pelaksana."""

from datetime import date

from sqlalchemy.orm import Session

from desa_budget.budget import regulations
from desa_budget.budget.regulations import NumberData, Pelaksana, Placement
from desa_budget.store.versioning import ABSENT
from ui.app_context import AppContext
from ui.commands.base import EditCommand
from ui.i18n import _


class PlacementCommand(EditCommand):
    """Annex a document to another regulation (or to none)."""

    def __init__(self, ctx: AppContext, before: Placement, peraturan: str, lampiran: str) -> None:
        label = _(regulations.DOCUMENT_LABELS[before.dokumen])
        super().__init__(ctx, _("Peraturan {dokumen}").format(dokumen=label))
        self.before = before
        self.after = (peraturan, lampiran)
        self.version = before.version

    def _set(self, session: Session, peraturan: str, lampiran: str) -> None:
        saved = regulations.set_placement(
            session, dokumen=self.before.dokumen, peraturan=peraturan, lampiran=lampiran,
            version=self.version, operator=self.ctx.operator,
        )  # fmt: skip
        self.version = saved.version

    def forward(self, session: Session) -> None:
        self._set(session, *self.after)

    def backward(self, session: Session) -> None:
        self._set(session, self.before.peraturan, self.before.lampiran)


class RegulationNumberCommand(EditCommand):
    """Set or correct the number and date of one regulation of an adopted version."""

    def __init__(
        self, ctx: AppContext, *, year: int, jenis: str, before: NumberData, nomor: str,
        tanggal: date | None,
    ) -> None:  # fmt: skip
        label = _(regulations.KINDS[before.peraturan].label)
        super().__init__(ctx, _("Nomor {peraturan}").format(peraturan=label))
        self.year, self.jenis = year, jenis
        self.before = before
        self.after = (nomor, tanggal)
        self.version = before.version

    def _set(self, session: Session, nomor: str, tanggal: date | None) -> None:
        saved = regulations.set_regulation_number(
            session, year=self.year, jenis=self.jenis, peraturan=self.before.peraturan,
            nomor=nomor, tanggal=tanggal, version=self.version, operator=self.ctx.operator,
        )  # fmt: skip
        self.version = saved.version

    def forward(self, session: Session) -> None:
        self._set(session, *self.after)

    def backward(self, session: Session) -> None:
        self._set(session, self.before.nomor, self.before.tanggal)


class PelaksanaCommand(EditCommand):
    """Name who prepares one kegiatan's RAB (an empty name: the profile's pelaksana again)."""

    def __init__(self, ctx: AppContext, before: Pelaksana, nama: str, jabatan: str) -> None:
        text = _("Pelaksana kegiatan {kode}").format(kode=before.kode_kegiatan)
        super().__init__(ctx, text)
        # A kegiatan without its own pelaksana shows the profile's; undoing goes back to none.
        unset = before.version == ABSENT
        self.before = Pelaksana(before.kode_kegiatan, "", "") if unset else before
        self.after = (nama, jabatan)
        self.version = before.version

    def _set(self, session: Session, nama: str, jabatan: str) -> None:
        saved = regulations.set_pelaksana(
            session, kode_kegiatan=self.before.kode_kegiatan, nama=nama, jabatan=jabatan,
            version=self.version, operator=self.ctx.operator,
        )  # fmt: skip
        self.version = saved.version

    def forward(self, session: Session) -> None:
        self._set(session, *self.after)

    def backward(self, session: Session) -> None:
        self._set(session, self.before.nama, self.before.jabatan)
