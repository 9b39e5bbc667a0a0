"""Blocks every document shares: text styles, the kop (letterhead), the LAMPIRAN block, titles,
totals in words and the ruled tables."""

import io
import logging
from collections.abc import Sequence
from datetime import date
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
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

from desa_budget.budget.regulations import KINDS
from desa_budget.format import tanggal_indonesia, terbilang_rupiah
from desa_budget.reports.data import AnnexData, Regulation
from desa_budget.reports.fonts import BOLD, REGULAR, text_width
from desa_budget.reports.paged_table import PagedTable
from desa_budget.reports.text import CellParagraph
from desa_budget.reports.text import filled as filled  # every document's paragraphs, from here
from desa_budget.reports.text import line as line
from desa_budget.reports.text import markup as markup
from desa_budget.reports.text import para as para
from desa_budget.reports.text import style as style

log = logging.getLogger(__name__)

DOTS = ". . . . . . . . . . . . . . . . . . ."
SHORT_DOTS = ". . . . . ."
HEADER_FILL = colors.HexColor("#E6E6E6")
GROUP_FILL = colors.HexColor("#F2F2F2")
CELL_PADDING = 2  # points left and right of a ruled table's cell


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
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
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
