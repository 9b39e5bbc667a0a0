"""A table that writes its plain-text cells' PDF operators itself, byte for byte as reportlab would.

reportlab's Table draws every string cell with canvas.drawString (or its right / centred twin):
a text object built, bidi and shaping checked, the generic text formatter run, for each of the
some 20.000 figures of a 2.000-person daftar nominatif: most of a long table's drawing time.
For the plain case (a TrueType font, no direction, shaping, link or decimal alignment) the
operators are a short fixed pattern; this table writes that pattern directly, so the PDF's
content is the same bytes, only made with less work.
"""

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import LongTable

_ALIGNED = frozenset({"LEFT", "RIGHT", "CENTER", "CENTRE"})
_VALIGNED = frozenset({"TOP", "BOTTOM", "MIDDLE"})


class BatchedTextTable(LongTable):  # type: ignore[misc]  # reportlab is untyped
    """A LongTable that sets plain string cells itself (see the module's docstring); any other
    cell is drawn by reportlab."""

    _curcellstyle: Any = None  # reportlab's: the style the canvas is set to (draw() resets it)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:  # noqa: N802
        if (
            type(cellval) is not str
            or cellstyle.href
            or cellstyle.destination
            or cellstyle.direction
            or cellstyle.shaping
            or cellstyle.alignment not in _ALIGNED
            or cellstyle.valign not in _VALIGNED
            or not self.canv.bottomup
            or not getFont(cellstyle.fontname)._dynamicFont
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        current = self._curcellstyle
        if current is not cellstyle:  # colour and font, set as Table._drawCell sets them
            if current is None or cellstyle.color != current.color:
                self.canv.setFillColor(cellstyle.color)
            if (
                current is None
                or cellstyle.leading != current.leading
                or cellstyle.fontname != current.fontname
                or cellstyle.fontsize != current.fontsize
            ):
                self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        self._set(cellval, cellstyle, pos, size)

    def _set(self, text: str, style: Any, pos: tuple[float, float], size: Any) -> None:
        """What canvas.drawString (or drawRightString, drawCentredString) writes for each line
        of ``text``, placed as Table._drawCell places it: one BT ... ET block a line."""
        canv = self.canv
        colpos, rowpos = pos
        colwidth, rowheight = size
        fontsize, leading = style.fontsize, style.leading
        lines = text.split("\n")
        if style.valign == "BOTTOM":
            y = rowpos + style.bottomPadding + len(lines) * leading - fontsize
        elif style.valign == "TOP":
            y = rowpos + rowheight - style.topPadding - fontsize
        else:
            y = rowpos + (style.bottomPadding + rowheight - style.topPadding + len(lines) * leading) / 2.0 - fontsize  # fmt: skip  # noqa: E501
        align = style.alignment
        known = _shown(canv)
        for line in lines:
            key = (style.fontname, fontsize, leading, line)
            found = known.get(key)
            if found is None:
                found = known[key] = _glyphs(canv, key)
            width, shown = found
            if align == "LEFT":
                x = colpos + style.leftPadding
            elif align == "RIGHT":
                x = colpos + colwidth - style.rightPadding
                x = x - width
            else:
                x = colpos + (colwidth + style.leftPadding - style.rightPadding) * 0.5
                x = x - 0.5 * width
            canv._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {shown} T* ET")
            y -= leading


def _shown(canv: Any) -> dict[tuple[str, float, float, str], tuple[float, str]]:
    """The canvas's texts already set: the same text in the same font on any page of the same
    document writes the same glyph operators (a character keeps the font subset it was given)."""
    known: dict[tuple[str, float, float, str], tuple[float, str]] | None = getattr(
        canv, "_jamsos_shown", None
    )
    if known is None or canv.__dict__.get("_jamsos_shown_doc") is not canv._doc:
        known = {}
        canv._jamsos_shown, canv._jamsos_shown_doc = known, canv._doc
    return known


def _glyphs(canv: Any, key: tuple[str, float, float, str]) -> tuple[float, str]:
    """A line's width and its operators from the font to the shown text, as reportlab's text
    object writes them."""
    fontname, fontsize, leading, line = key
    font, doc = getFont(fontname), canv._doc
    tf = f"{fp_str(fontsize)} Tf {fp_str(leading)} TL"
    shown = []
    subset_now = -1
    for subset, piece in font.splitString(line, doc):
        if subset != subset_now:
            shown.append(f"{font.getSubsetInternalName(subset, doc)} {tf}")
            subset_now = subset
        shown.append(f"({canv._escape(piece)}) Tj")
    return font.stringWidth(line, fontsize), " ".join(shown)
