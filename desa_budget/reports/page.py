"""Page machinery: A4 / F4 paper in either orientation, frames, the footer with "Halaman x dari y"
(drawn by a deferred canvas once each document's page count is known) and the deterministic build.
"""

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.reports.fonts import REGULAR, ensure_fonts, text_width

PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "F4": (215 * mm, 330 * mm)}
FOOTER_SIZE = 7.5
FOOTER_Y = 9 * mm
RIGHT_MARGIN = 14 * mm
GREY = 0.35
PAGE_NUMBER_ROOM = 68  # points kept free at the right of the footer for "Halaman 10 dari 12"


@dataclass(frozen=True)
class Layout:
    """One paper size and orientation: page size, margins and the frame the story flows in."""

    paper: str
    landscape: bool

    @property
    def pagesize(self) -> tuple[float, float]:
        if self.paper not in PAPERS:
            raise UserError(
                _("Ukuran kertas '{paper}' tidak dikenal; pilih A4 atau F4.").format(
                    paper=self.paper
                )
            )
        size = PAPERS[self.paper]
        return landscape(size) if self.landscape else size

    @property
    def margins(self) -> tuple[float, float, float, float]:
        """Left, right, top, bottom: a wider binding margin on the left in portrait."""
        left = 14 * mm if self.landscape else 20 * mm
        return left, RIGHT_MARGIN, 12 * mm, 16 * mm

    @property
    def width(self) -> float:
        left, right, _top, _bottom = self.margins
        return self.pagesize[0] - left - right

    @property
    def height(self) -> float:
        _left, _right, top, bottom = self.margins
        return self.pagesize[1] - top - bottom

    def frame(self, name: str) -> Frame:
        left, _right, _top, bottom = self.margins
        return Frame(
            left,
            bottom,
            self.width,
            self.height,
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )


@dataclass(frozen=True)
class Section:
    """One document of the file: its page template id, footer text, layout and flowables."""

    key: str
    footer: str
    layout: Layout
    story: Sequence[Flowable]


class DocumentStart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Marks where a document of the file begins: its pages are numbered on their own
    ("Halaman 1 dari 3"), as each lampiran or RAB is a document of its own."""

    _ZEROSIZE = True

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.jamsos_document = getattr(self.canv, "jamsos_document", 0) + 1


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Keeps every page until ``save`` so each footer can say "Halaman x dari y" of its own
    document (the pages between two :class:`DocumentStart` marks). The file's creation date is
    ``document_date``, so the same data still give the same bytes."""

    def __init__(self, *args: Any, document_date: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        if document_date is not None:
            stamp = f"D:{document_date:%Y%m%d}000000"
            self.setDateFormatter(lambda *_parts: stamp)

    def showPage(self) -> None:  # noqa: N802  (reportlab's name)
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        documents = [state.get("jamsos_document", 0) for state in self._held_pages]
        totals = {doc: documents.count(doc) for doc in documents}
        seen: dict[int, int] = {}
        for state, doc in zip(self._held_pages, documents, strict=True):
            seen[doc] = seen.get(doc, 0) + 1
            self.__dict__.update(state)
            width = self._pagesize[0]
            self.saveState()
            self.setFont(REGULAR, FOOTER_SIZE)
            self.setFillGray(GREY)
            self.drawRightString(
                width - RIGHT_MARGIN, FOOTER_Y, f"Halaman {seen[doc]} dari {totals[doc]}"
            )
            self.restoreState()
            super().showPage()
        super().save()


def fit_footer(parts: Sequence[str], width: float) -> str:
    """The footer's parts joined with " · ", dropping middle parts and then shortening the
    first until the text fits ``width`` points (it never runs into the page number)."""
    kept = list(parts)
    text = " · ".join(kept)
    while text_width(text, FOOTER_SIZE) > width and len(kept) > 2:
        kept.pop(1)
        text = " · ".join(kept)
    first = kept[0]
    while text_width(text, FOOTER_SIZE) > width and len(first) > 8:
        first = first[: len(first) - 2].rstrip() + "…"
        first = first.replace("……", "…")
        text = " · ".join([first, *kept[1:]])
    return text


def _footer(text: str, layout: Layout) -> Any:
    left = layout.margins[0]
    shown = fit_footer(text.split(" · "), layout.width - PAGE_NUMBER_ROOM)

    def draw(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.4)
        canvas.line(
            left, FOOTER_Y + 3.6 * mm, layout.pagesize[0] - RIGHT_MARGIN, FOOTER_Y + 3.6 * mm
        )
        canvas.setFont(REGULAR, FOOTER_SIZE)
        canvas.setFillGray(GREY)
        canvas.drawString(left, FOOTER_Y, shown)
        canvas.restoreState()

    return draw


def build_pdf(
    sections: Sequence[Section],
    *,
    title: str,
    author: str,
    subject: str,
    document_date: date | None = None,
) -> bytes:
    """The sections in order in one PDF; ``invariant`` so the same data gives the same bytes,
    dated ``document_date`` (reportlab's invariant date, 1 January 2000, when None)."""
    ensure_fonts()
    if not sections:
        raise UserError(_("Tidak ada dokumen yang dipilih untuk dicetak."))
    buffer = io.BytesIO()
    first = sections[0].layout
    doc = BaseDocTemplate(
        buffer,
        pagesize=first.pagesize,
        invariant=1,
        title=title,
        author=author,
        subject=subject,
        creator="Jamsos Desa",
        keywords="",
        initialFontName=REGULAR,
    )
    templates = [
        PageTemplate(
            id=s.key,
            frames=[s.layout.frame(s.key)],
            onPage=_footer(s.footer, s.layout),
            pagesize=s.layout.pagesize,
        )
        for s in sections
    ]
    doc.addPageTemplates(templates)
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        if index:
            story += [NextPageTemplate(section.key), PageBreak()]
        story.append(DocumentStart())
        story += list(section.story)
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, document_date=document_date))
    return buffer.getvalue()
