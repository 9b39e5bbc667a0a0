"""The shipped TTF font (DejaVu Sans Condensed), registered with reportlab once, on first use."""

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.paths import resources_dir

REGULAR = "JamsosSans"
BOLD = "JamsosSans-Bold"
_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def ensure_fonts() -> None:
    """Register the font family (regular + bold; ``<b>`` in paragraphs picks the bold face)."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = resources_dir() / "fonts"
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.is_file():
                raise UserError(
                    _("Berkas huruf {file} tidak ditemukan di {folder}.").format(
                        file=filename, folder=folder
                    )
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _registered = True


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The printed width of ``text`` in points."""
    ensure_fonts()
    width: float = pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size)
    return width
