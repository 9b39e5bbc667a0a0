"""Amounts in Indonesian words ("terbilang"), as printed under totals."""

_UNITS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))
MAX_AMOUNT = 10**15 - 1


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 0:
        return words
    if rest < 12:
        words.append(_UNITS[rest])
    elif rest < 20:
        words += [_UNITS[rest - 10], "belas"]
    else:
        tens, ones = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"]
        if ones:
            words.append(_UNITS[ones])
    return words


def _words(n: int) -> list[str]:
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            words += _words(count) + [name]
    thousands, n = divmod(n, 1000)
    if thousands == 1:
        words.append("seribu")
    elif thousands > 1:
        words += _below_thousand(thousands) + ["ribu"]
    return words + _below_thousand(n)


def terbilang(amount: int) -> str:
    """1001000 -> "satu juta seribu"; 0 -> "nol". Up to 999 triliun."""
    if amount < 0:
        return "minus " + terbilang(-amount)
    if amount > MAX_AMOUNT:
        raise ValueError(f"angka terlalu besar untuk terbilang: {amount}")
    if amount == 0:
        return "nol"
    return " ".join(_words(amount))


def terbilang_rupiah(amount: int) -> str:
    """2426640 -> "dua juta empat ratus dua puluh enam ribu enam ratus empat puluh rupiah"."""
    return terbilang(amount) + " rupiah"
