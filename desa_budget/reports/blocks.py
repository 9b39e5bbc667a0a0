"""Blocks every document shares: text styles, the kop (letterhead), the LAMPIRAN block, titles,
totals in words and the ruled tables."""

import io
import logging
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText

from desa_budget.budget.regulations import KINDS
from desa_budget.format import tanggal_indonesia, terbilang_rupiah
from desa_budget.reports.data import AnnexData, Regulation
from desa_budget.reports.fonts import BOLD, REGULAR, ensure_fonts, text_width
from desa_budget.reports.paged_table import PagedTable

log = logging.getLogger(__name__)

DOTS = ". . . . . . . . . . . . . . . . . . ."
SHORT_DOTS = ". . . . . ."
HEADER_FILL = colors.HexColor("#E6E6E6")
GROUP_FILL = colors.HexColor("#F2F2F2")


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
    height a paragraph is given does not change them)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth:
            return wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


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


def markup(text: str, name: str = "body", size: float = 9.0) -> Paragraph:
    return CellParagraph(text, style(name, size))


@cache
def _indented(name: str, size: float, indent: float) -> ParagraphStyle:
    return ParagraphStyle(f"{name}-{size}-{indent}", parent=style(name, size), leftIndent=indent)


def indented(
    text: str, level: int, *, bold: bool = False, size: float = 9.0, mark: str = ""
) -> Paragraph:
    """Plain text indented by hierarchy level (bidang 0, sub bidang 1, ...), with an error
    ``mark`` ("[!1]") in bold after it."""
    shown = escape(text) + (f" <b>{escape(mark)}</b>" if mark else "")
    return CellParagraph(shown, _indented("bold" if bold else "body", size, level * 7.0))


def prefixed(value: str, prefix: str, alternatives: Sequence[str] = ()) -> str:
    text = " ".join(value.split()).upper()
    if any(text.startswith(p + " ") for p in (prefix, *alternatives)):
        return text
    return f"{prefix} {text}"


def desa_upper(data: AnnexData) -> str:
    return " ".join(data.profile.nama_desa.split()).upper()


class DoubleRule(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The kop's closing double rule: a thick line over a thin one."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 3.2

    def draw(self) -> None:
        self.canv.setLineWidth(1.6)
        self.canv.line(0, 2.6, self.width, 2.6)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 0.2, self.width, 0.2)


def _logo(png: bytes | None, size: float) -> Flowable | None:
    if not png:
        return None
    try:
        reader = ImageReader(io.BytesIO(png))
        w, h = reader.getSize()
    except Exception:  # a broken logo must not stop the print; the kop goes without it
        log.warning("Logo desa tidak dapat dibaca; kop dicetak tanpa logo.")
        return None
    scale = size / max(w, h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale)


def kop(data: AnnexData, width: float) -> list[Flowable]:
    """PEMERINTAH KABUPATEN X / KECAMATAN Y / DESA Z / alamat, logo on the left, double rule."""
    p = data.profile
    side = 24 * mm
    room = width - 2 * side
    desa = "DESA " + desa_upper(data)
    # A long name is set smaller (down to 11 pt) before it is allowed to wrap.
    size = max(11.0, min(15.0, 15.0 * room / max(text_width(desa, 15.0, bold=True), 1.0)))
    lines = [
        markup(escape("PEMERINTAH " + prefixed(p.kabupaten, "KABUPATEN", ("KOTA",))), "title", 12),
        markup(escape(prefixed(p.kecamatan, "KECAMATAN", ("DISTRIK",))), "title", 12),
        markup(escape(desa), "title", round(size * 4) / 4),
    ]
    if p.alamat.strip():
        lines.append(para(p.alamat.strip(), "center", 8.5))
    logo = _logo(data.logo_png, 21 * mm)
    table = Table([[logo or "", lines, ""]], colWidths=[side, room, side])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [table, DoubleRule(width), Spacer(1, 3 * mm)]


def nomor_text(reg: Regulation, year: int, adopted: bool) -> str:
    """ "3 TAHUN 2026"; a draft or an unnumbered version: ". . . . TAHUN 2026"."""
    nomor = " ".join(reg.nomor.split()).upper()
    if not adopted or not nomor:
        return f"{SHORT_DOTS} TAHUN {year}"
    if "TAHUN" in nomor:
        return nomor
    return f"{nomor} TAHUN {reg.tanggal.year if reg.tanggal else year}"


def date_text(day: date | None, adopted: bool, *, upper: bool = False) -> str:
    """A date as printed: dotted while the version is a draft or the date is not known."""
    if not adopted or day is None:
        return DOTS
    text = tanggal_indonesia(day)
    return text.upper() if upper else text


def lampiran_block(data: AnnexData, doc: str, width: float) -> Flowable | None:
    """The LAMPIRAN block at the top right, dotted while the version is a draft; None for a
    document that stands alone (the RAB, the ringkasan)."""
    placement = data.placement(doc)
    reg = data.regulation(doc)
    if reg is None or placement.peraturan not in KINDS:
        return None
    kind = KINDS[placement.peraturan]
    size = 8.0
    tentang = kind.tentang_text(data.year, data.jenis == "perubahan")
    rows = [
        [para(f"LAMPIRAN {placement.lampiran}".strip(), "body", size), "",
         para(f"{kind.bentuk} {desa_upper(data)}", "body", size)],
        [para("NOMOR", "body", size), ":", para(nomor_text(reg, data.year, data.adopted), "body", size)],
        [para("TANGGAL", "body", size), ":",
         para(date_text(reg.tanggal, data.adopted, upper=True), "body", size)],
        [para("TENTANG", "body", size), ":", para(tentang, "body", size)],
    ]  # fmt: skip
    column = min(96 * mm, max(72 * mm, width * 0.42))
    table = Table(rows, colWidths=[21 * mm, 3 * mm, column], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), REGULAR, size),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return table


def heading(data: AnnexData, doc: str, width: float) -> list[Flowable]:
    """The kop and, when the document is a regulation's lampiran, its LAMPIRAN block."""
    out = kop(data, width)
    block = lampiran_block(data, doc, width)
    return out + ([block] if block is not None else [])


def title_block(lines: Sequence[str], size: float = 11.0) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 3 * mm)]
    out += [para(line, "title", size) for line in lines]
    out.append(Spacer(1, 3 * mm))
    return out


def terbilang_line(amount: int, size: float = 8.5) -> Paragraph:
    return markup(f"<b>Terbilang:</b> <i>{escape(terbilang_rupiah(amount))}</i>", "body", size)


def grid_style(header_rows: int, size: float, data_end: int = -1) -> list[tuple[object, ...]]:
    """The ruled table look: thin grid, grey bold header, numbers right-aligned by the caller."""
    return [
        ("FONT", (0, 0), (-1, -1), REGULAR, size),
        ("FONT", (0, 0), (-1, header_rows - 1), BOLD, size),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("VALIGN", (0, header_rows), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, data_end), 0.4, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]


def ruled_table(
    rows: list[list[object]],
    widths: Sequence[float],
    *,
    header_rows: int,
    size: float,
    commands: Sequence[tuple[object, ...]],
    closing: Sequence[Flowable] = (),
    keep_rows: int = 2,
) -> PagedTable:
    """A long ruled table whose header repeats on every page. The ``closing`` flowables (terbilang,
    notes, signature) become unruled full-width rows kept on one page with the last ``keep_rows``
    rows of figures, so a signature never stands alone on a page."""
    data_end = len(rows) - 1
    style: list[tuple[object, ...]] = grid_style(header_rows, size, data_end) + list(commands)
    for index, flowable in enumerate(closing):
        r = len(rows)
        rows.append([flowable] + [""] * (len(widths) - 1))
        style += [("SPAN", (0, r), (-1, r)), ("ALIGN", (0, r), (-1, r), "LEFT"),
                  ("LEFTPADDING", (0, r), (-1, r), 0), ("RIGHTPADDING", (0, r), (-1, r), 0),
                  ("TOPPADDING", (0, r), (-1, r), 4 if index == 0 else 0.5)]  # fmt: skip
    if closing:
        style.append(("NOSPLIT", (0, max(header_rows, data_end - keep_rows)), (-1, -1)))
    return PagedTable(rows, widths, header_rows=header_rows, commands=style)
