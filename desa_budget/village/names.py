"""Names as typed, made comparable and printable: region names reduced to the bare name ("Kec.
Sumbang" -> "Sumbang"), so documents do not print "KECAMATAN KECAMATAN" and a recap does not split
one kecamatan in two; officials' names in capitals with their academic titles as written
("Drs. H. SUPARNO, S.Pd., M.Si.", not "S.PD., M.SI.")."""

KECAMATAN_WORDS = ("kecamatan", "kec.", "kec", "distrik")


def bare_name(name: str, words: tuple[str, ...]) -> str:
    """``name`` without a leading region word ("Kec. Sumbang" -> "Sumbang"), spaces tidied."""
    cleaned = " ".join(name.split())
    lowered = cleaned.casefold()
    for word in words:
        if lowered.startswith(word) and len(cleaned) > len(word):
            rest = cleaned[len(word) :]
            if word.endswith(".") or rest[0] in " .":
                return rest.lstrip(" .")
    return cleaned


def bare_kecamatan(name: str) -> str:
    return bare_name(name, KECAMATAN_WORDS)


# Titles written before a name (compared without case): kept as the user typed them.
PREFIX_TITLES = frozenset(
    t.casefold()
    for t in ("Dr.", "dr.", "Drs.", "Dra.", "Ir.", "Prof.", "H.", "Hj.", "K.H.", "KH.", "Ns.")
)


def official_name(name: str) -> str:
    """The name part in capitals; prefix titles and everything after the first comma as written."""
    cleaned = " ".join(name.split())
    if not cleaned:
        return ""
    main, comma, degrees = cleaned.partition(",")
    words = main.split()
    kept: list[str] = []
    while words and words[0].casefold() in PREFIX_TITLES:
        kept.append(words.pop(0))
    shown = " ".join([*kept, *(w.upper() for w in words)])
    return f"{shown},{degrees}" if comma else shown


def name_key(name: str) -> str:
    """A person's name without titles, for comparing two spellings of one name."""
    main = " ".join(name.split(",")[0].split())
    words = [w for w in main.split() if w.casefold() not in PREFIX_TITLES]
    return " ".join(words).casefold()
