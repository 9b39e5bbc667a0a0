"""Paragraphs of the documents: text styles by name and size, and table cells that run
reportlab's markup parser and line breaking once, not on every measure, split and draw."""

from collections.abc import Sequence
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from desa_budget.reports.fonts import BOLD, REGULAR, ensure_fonts, text_width


@cache
def style(name: str, size: float = 9.0) -> ParagraphStyle:
    """Paragraph styles by name ("body", "bold", "center", "title", "right", "small") and size."""
    ensure_fonts()
    bold = name in ("bold", "title", "center-bold", "right-bold")
    align = {"center": TA_CENTER, "title": TA_CENTER, "center-bold": TA_CENTER}.get(name, TA_LEFT)
    if name in ("right", "right-bold"):
        align = TA_RIGHT
    return ParagraphStyle(
        f"{name}-{size}",
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=round(size * 1.22, 2),
        alignment=align,
        textColor=colors.black,
    )


class CellParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A Paragraph that breaks its lines once per width. A table measures, splits and draws a
    cell at the same width, and reportlab broke the lines anew each time (the same lines: the
    height a paragraph is given does not change them).

    It also draws once per document and size: a table's header, repeated on every page, draws
    the same paragraphs again at a new place, and drawOn places them (save, translate, draw,
    restore), so the operators draw() writes are the same each time; they are kept and
    written again (the fonts' subsets they use are already registered with the document)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None
    _drawn: tuple[Any, tuple[float, float], list[str]] | None = None  # document, size, operators

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth:
            return wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size

    def draw(self) -> None:
        code: list[str] = self.canv._code
        doc, size, drawn = self.canv._doc, (self.width, self.height), self._drawn
        if drawn is not None and drawn[0] is doc and drawn[1] == size:
            code.extend(drawn[2])
            return
        start = len(code)
        super().draw()
        self._drawn = (doc, size, code[start:])


_SLOT = "@@{}@@"


@cache
def _template(layout: str, slots: int, name: str, size: float) -> tuple[Any, ...] | None:
    """The fragments reportlab's parser makes of ``layout`` (a markup with ``{0}``, ``{1}`` ...),
    each with the slot it holds (or None); None when a slot is not one whole fragment."""
    parsed = Paragraph(layout.format(*(_SLOT.format(i) for i in range(slots))), style(name, size))
    out = []
    for frag in parsed.frags:
        text = getattr(frag, "text", "")
        slot = next((i for i in range(slots) if text == _SLOT.format(i)), None)
        if slot is None and "@@" in text:
            return None
        out.append((frag, slot))
    return tuple(out)


def _plain(value: str) -> bool:
    """Text the parser would keep as it is: no markup characters, single spaces, not empty."""
    return (
        bool(value) and not any(c in value for c in "&<>\xa0") and value == " ".join(value.split())
    )


def filled(layout: str, values: Sequence[str], name: str = "body", size: float = 9.0) -> Paragraph:
    """``markup(layout.format(*escaped values))`` without running reportlab's markup parser for
    every cell: the layout is parsed once and its fragments copied with each row's text. The
    same fragments, so the same page; values the parser would change go the long way."""
    template = _template(layout, len(values), name, size)
    text = layout.format(*(escape(v) for v in values))
    if template is None or not all(_plain(v) for v in values):
        return CellParagraph(text, style(name, size))
    frags = [
        frag.clone(text=values[slot] if slot is not None else frag.text, link=[], us_lines=[])
        for frag, slot in template
    ]
    return CellParagraph(cleanBlockQuotedText(text), style(name, size), frags=frags)


def para(text: str, name: str = "body", size: float = 9.0) -> Paragraph:
    """A paragraph of plain text (escaped); use :func:`markup` for text with tags."""
    return filled("{0}", (text,), name, size)


def line(text: str, room: float, size: float = 9.0) -> Paragraph | str:
    """Plain body text for a ruled table's left-aligned cell set in the regular font at ``size``:
    the text itself when it fits on one line of ``room`` points (the table sets it where the
    paragraph would, with far less work), else a paragraph that wraps."""
    if _plain(text) and text_width(text, size) < room:
        return text
    return para(text, "body", size)


def markup(text: str, name: str = "body", size: float = 9.0) -> Paragraph:
    return CellParagraph(text, style(name, size))
