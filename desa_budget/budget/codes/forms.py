"""Code shapes: the dotted form (1.1.03, 5.1.3.04) and Siskeudes' form (01.01.03., 5.1.3.04.)."""

import re

from desa_budget.errors import UserError
from desa_budget.i18n import _

_KEGIATAN = re.compile(r"^\d{1,2}(\.\d{1,2}(\.\d{2})?)?$")
_REKENING = re.compile(r"^\d(\.\d(\.\d(\.\d{2})?)?)?$")
LOCAL_RANGE = range(90, 100)


def _segments(text: str) -> list[str]:
    cleaned = text.strip().rstrip(".")
    if not cleaned or not all(part.isdigit() for part in cleaned.split(".")):
        raise UserError(
            _("Kode '{kode}' tidak berbentuk angka bertitik (mis. 1.1.03).").format(
                kode=text.strip()
            )
        )
    return cleaned.split(".")


def normalize_kegiatan(text: str) -> str:
    """'01.01.03.' or '1.1.3' -> '1.1.03' (bidang.sub bidang.kegiatan; kegiatan two digits)."""
    parts = [int(p) for p in _segments(text)]
    if len(parts) > 3:
        raise UserError(
            _("Kode kegiatan '{kode}' terlalu panjang (bidang.sub bidang.kegiatan).").format(
                kode=text.strip()
            )
        )
    shown = [str(p) for p in parts[:2]] + [f"{p:02d}" for p in parts[2:]]
    code = ".".join(shown)
    if not _KEGIATAN.match(code):
        raise UserError(_("Kode kegiatan '{kode}' tidak sah.").format(kode=text.strip()))
    return code


def normalize_rekening(text: str) -> str:
    """'5.1.3.04.' or '5.1.3.4' -> '5.1.3.04' (akun.kelompok.jenis.objek; objek two digits)."""
    parts = [int(p) for p in _segments(text)]
    if len(parts) > 4:
        raise UserError(
            _("Kode rekening '{kode}' terlalu panjang (akun.kelompok.jenis.objek).").format(
                kode=text.strip()
            )
        )
    shown = [str(p) for p in parts[:3]] + [f"{p:02d}" for p in parts[3:]]
    code = ".".join(shown)
    if not _REKENING.match(code):
        raise UserError(_("Kode rekening '{kode}' tidak sah.").format(kode=text.strip()))
    return code


def format_siskeudes(code: str, kind: str | None = None) -> str:
    """Siskeudes' printed form of a code (domain.md §3), always with a trailing dot:

    - kegiatan: every segment in two digits, '1.1.03' -> '01.01.03.' ('3.1.90' -> '03.01.90.');
    - rekening: the digits as they are (akun, kelompok, jenis one digit, objek two),
      '5.1.3.04' -> '5.1.3.04.'.

    Either form is accepted as input. ``kind`` ("kegiatan" / "rekening") settles short codes;
    without it a code with four segments, or three whose last is one digit (a jenis, 5.1.3), is a
    rekening, anything else a kegiatan. :func:`parse_code` turns the printed form back. A code that
    is not of either shape comes back as written: this is for display, codes.checks reports it."""
    parts = code.strip().rstrip(".").split(".")
    if kind is None:
        kind = (
            "rekening"
            if len(parts) == 4 or (len(parts) == 3 and len(parts[2]) == 1)
            else "kegiatan"
        )
    try:
        if kind == "rekening":
            return normalize_rekening(code) + "."
        return ".".join(f"{int(p):02d}" for p in normalize_kegiatan(code).split(".")) + "."
    except UserError:
        return code.strip()


def parse_code(text: str, kind: str) -> str:
    """Either form back to the dotted one: ('01.01.03.', 'kegiatan') -> '1.1.03';
    ('5.1.3.04.', 'rekening') -> '5.1.3.04'. A bad shape is a UserError."""
    if kind == "kegiatan":
        return normalize_kegiatan(text)
    if kind == "rekening":
        return normalize_rekening(text)
    raise UserError(
        _("Jenis kode '{jenis}' tidak dikenal (kegiatan atau rekening).").format(jenis=kind)
    )


def parent(code: str) -> str | None:
    """'1.1.03' -> '1.1'; '1' -> None."""
    return code.rsplit(".", 1)[0] if "." in code else None


def is_local(code: str) -> bool:
    """Kegiatan and objek numbered 90–99 are reserved for local additions."""
    return "." in code and int(code.rsplit(".", 1)[1]) in LOCAL_RANGE
