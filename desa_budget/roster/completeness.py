"""What a person's own data still lacks ("data belum lengkap"): the one notion for every screen and paper."""

from collections.abc import Sequence
from datetime import date

from desa_budget.i18n import N_, _
from desa_budget.village.identifiers import mask_nik

# In the order the roster names them. Only a person taken from Siskeudes (which keeps none of
# these) lacks them, until the secretary fills them in.
IDENTITY_FIELDS = ("nik", "tanggal_lahir", "jenis_kelamin")
MISSING_LABELS = {"nik": N_("NIK"), "tanggal_lahir": N_("tanggal lahir"),
                  "jenis_kelamin": N_("jenis kelamin")}  # fmt: skip
# What a printed document or workbook writes where the value is missing (never a guessed value).
NOT_FILLED = "belum diisi"


def missing_fields(
    *, nik: str | None, tanggal_lahir: date | None, jenis_kelamin: str | None
) -> tuple[str, ...]:
    """The identity fields still empty, in IDENTITY_FIELDS order (empty: complete)."""
    values = {"nik": nik, "tanggal_lahir": tanggal_lahir, "jenis_kelamin": jenis_kelamin}
    return tuple(name for name in IDENTITY_FIELDS if not values[name])


def missing_text(fields: Sequence[str], *, translate: bool = False) -> str:
    """ "NIK, tanggal lahir, jenis kelamin" (Indonesian for paper; ``translate`` for the window)."""
    return ", ".join(_(MISSING_LABELS[f]) if translate else MISSING_LABELS[f] for f in fields)


def printed_nik(nik: str | None, *, full: bool = False) -> str:
    """The NIK as a paper or workbook shows it: masked unless ``full``, NOT_FILLED when missing."""
    if not nik:
        return NOT_FILLED
    return nik if full else mask_nik(nik)
