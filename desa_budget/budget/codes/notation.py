"""Codes as Siskeudes writes them: two-digit kegiatan segments and a trailing dot (``01.01.03.``),
rekening with a two-digit objek and a trailing dot (``5.1.3.04.``)."""

NOTATIONS = ("app", "siskeudes")


def siskeudes_kegiatan(code: str) -> str:
    """ "1.1.03" -> "01.01.03."; "1" -> "01."; a code that is not all digits is kept as written."""
    parts = code.strip().rstrip(".").split(".")
    if not all(p.isdigit() for p in parts):
        return code
    return "".join(f"{int(p):02d}." for p in parts)


def siskeudes_rekening(code: str) -> str:
    """ "5.1.3.4" / "5.1.3.04" -> "5.1.3.04."; akun, kelompok and jenis keep one digit."""
    parts = code.strip().rstrip(".").split(".")
    if not all(p.isdigit() for p in parts):
        return code
    shown = [str(int(p)) for p in parts[:3]] + [f"{int(p):02d}" for p in parts[3:]]
    return ".".join(shown) + "."


def show_code(kind: str, code: str, notation: str = "app") -> str:
    """``code`` (kind "kegiatan" or "rekening") in the app's notation or Siskeudes'."""
    if notation != "siskeudes" or not code:
        return code
    return siskeudes_kegiatan(code) if kind == "kegiatan" else siskeudes_rekening(code)
