"""The Dokumen page's box for the annexes' data: which regulation each document annexes and its
number, who signs on the version's date, and each RAB's pelaksana; edited in one dialog, pushed as
one undoable step."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desa_budget.errors import UserError
from ui import errors
from ui.app_context import AppContext
from ui.i18n import _, ngettext


class DocumentSettingsBox(QWidget):
    """A tab of the page: the summary in full, and the button that opens the dialog."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = ctx.year
        self.jenis: str | None = None
        self.settings: Any = None  # the chosen version's DocumentSettings
        self.settings_label = QLabel()
        self.settings_label.setWordWrap(True)
        self.settings_button = QPushButton(_("Atur peraturan dan pelaksana…"))
        self.settings_button.clicked.connect(self.edit_document_settings)
        self.settings_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        intro = QLabel(
            _(
                "Dokumen yang menjadi lampiran peraturan dicetak dengan blok LAMPIRAN; RAB dan "
                "ringkasan berdiri sendiri. Penanda tangan diambil dari daftar peserta pada "
                "tanggal dokumen."
            )
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.settings_label, 1)

    def load(self, year: int, jenis: str | None) -> None:
        """Show the settings of ``jenis`` of ``year`` (None: the newest adopted, else the draft)."""
        self.year, self.jenis = year, jenis
        self.reload()

    def reload(self) -> None:
        from desa_budget.budget.document_settings import document_settings

        with self.ctx.db.session() as session:
            self.settings = document_settings(session, self.year, self.jenis)
        short, full = settings_summary(self.settings)
        self.settings_label.setText(full)
        self.settings_label.setToolTip(short)

    def _load_settings(self) -> None:
        from desa_budget.budget.document_settings import document_settings

        with self.ctx.db.session() as session:
            self.settings = document_settings(session, self.year, self.jenis)
        short, full = settings_summary(self.settings)
        self.settings_label.setText(full)
        self.settings_label.setToolTip(short)

    def edit_document_settings(self) -> None:
        from ui.commands import documents
        from ui.commands.base import EditCommand, push_macro
        from ui.dialogs.document_settings import DocumentSettingsDialog

        self.reload()
        settings = self.settings
        form = DocumentSettingsDialog.ask(self, settings)
        if form is None:
            return
        commands: list[EditCommand] = []
        for doc, (peraturan, lampiran) in form.placements.items():
            before = settings.placements[doc]
            if (peraturan, lampiran.upper()) != (before.peraturan, before.lampiran):
                commands.append(documents.PlacementCommand(self.ctx, before, peraturan, lampiran))
        for key, (nomor, tanggal) in form.numbers.items():
            number = settings.numbers[key]
            if (nomor, tanggal) != (number.nomor, number.tanggal):
                commands.append(documents.RegulationNumberCommand(
                    self.ctx, year=settings.year, jenis=settings.jenis, before=number,
                    nomor=nomor, tanggal=tanggal))  # fmt: skip
        for code, (nama, jabatan) in form.pelaksana.items():
            who = settings.pelaksana[code]
            now = (who.nama, who.jabatan) if who.version else ("", "")
            if (nama, jabatan) != now:
                commands.append(documents.PelaksanaCommand(self.ctx, who, nama, jabatan))
        if not commands:
            return
        try:
            push_macro(self.ctx, _("Peraturan dan pelaksana dokumen"), commands)
        except UserError as exc:
            errors.show_user_error(self, exc)
        self.reload()


def settings_summary(settings: Any) -> tuple[str, str]:
    """A short text for the page (each document's regulation and number, who signs, the RAB
    pelaksana) and the full one for its tooltip."""
    from desa_budget.budget import regulations
    from desa_budget.format import format_date

    short, full = [], []
    alone = []
    for doc in regulations.DOCUMENTS:
        placement = settings.placements[doc]
        label = _(regulations.DOCUMENT_LABELS[doc])
        if placement.peraturan == regulations.NONE:
            alone.append(label)
            full.append(_("{dokumen}: tanpa lampiran").format(dokumen=label))
            continue
        kind = regulations.KINDS[placement.peraturan]
        number = settings.numbers.get(placement.peraturan)
        nomor = number.nomor if number and number.nomor else "…"
        tanggal = format_date(number.tanggal, "…") if number else "…"
        lampiran = f" {placement.lampiran}" if placement.lampiran else ""
        text = _("{dokumen}: Lampiran{lampiran} {peraturan}, nomor {nomor}")
        short.append(text.format(dokumen=label, lampiran=lampiran, peraturan=_(kind.short),
                                 nomor=nomor))  # fmt: skip
        full.append(text.format(dokumen=label, lampiran=lampiran, peraturan=_(kind.label),
                                nomor=nomor) + f", {tanggal}")  # fmt: skip
    if alone:
        short.append(_("{dokumen}: tanpa lampiran").format(dokumen=", ".join(alone)))
    kepala = settings.signers.kepala
    title = {"pj": "Pj. ", "plt": "Plt. ", "an": "a.n. "}.get(kepala.status, "")
    signs = _("Ditandatangani {title}Kepala Desa {nama}").format(
        title=title, nama=kepala.nama or "…"
    )
    short.append(signs)
    full.append(signs)
    named = [who for who in settings.pelaksana.values() if who.nama]
    missing = len(settings.pelaksana) - len(named)
    short.append(
        _("Pelaksana RAB: {named} diisi, {missing} belum").format(named=len(named), missing=missing)
    )
    full += [
        _("RAB {kode}: {nama}").format(kode=who.kode_kegiatan, nama=who.nama or "…")
        for who in settings.pelaksana.values()
    ]
    warnings = [_(w) for w in settings.signers.warnings]
    if warnings:
        short.append(ngettext("{n} peringatan penanda tangan", "{n} peringatan penanda tangan",
                              len(warnings)).format(n=len(warnings)))  # fmt: skip
    return "\n".join(short), "\n".join(full + warnings)
