"""The roster categories of domain.md §1: keys, Indonesian labels and printing order."""

from dataclasses import dataclass

from desa_budget.i18n import N_


@dataclass(frozen=True)
class Category:
    key: str
    label: str  # as written in the roster spreadsheet's "Kategori" column
    usual_segment: str
    rank: int  # lower = printed first, and wins when one person holds two posts


CATEGORIES: tuple[Category, ...] = (
    Category("kepala_desa", "Kepala Desa", "PU", 1),
    Category("sekretaris_desa", "Sekretaris Desa", "PU", 2),
    Category("perangkat_desa", "Perangkat Desa", "PU", 3),
    Category("staf_desa", "Staf Desa", "PU", 4),
    Category("bpd", "BPD", "PU", 5),
    Category("lkd", "LKD", "PU", 6),
    Category("rt_rw", "RT/RW", "PU", 7),
    Category("pekerja_rentan", "Pekerja Rentan", "BPU", 8),
)

BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}
BY_LABEL: dict[str, Category] = {c.label.casefold(): c for c in CATEGORIES}
KEYS: tuple[str, ...] = tuple(c.key for c in CATEGORIES)

# Kepala desa, sekretaris and perangkat: the apparatus whose siltap PP 11/2019 sets and DDS may not insure.
APPARATUS = frozenset({"kepala_desa", "sekretaris_desa", "perangkat_desa"})
# Whose siltap + tunjangan the 30 % ceiling (PP 11/2019) counts: the apparatus and the BPD.
CEILING_GROUP = APPARATUS | {"bpd"}

POST_STATUSES = {"definitif": "Definitif", "plt": "Plt", "pj": "Pj"}
# Spreadsheet words, marked so the window can show them in its language (``_(label)``).
BPJS_STATUSES: dict[str, str] = {
    "belum": N_("Belum Terdaftar"),
    "terdaftar": N_("Terdaftar"),
    "nonaktif": N_("Nonaktif"),
}
WORKER_SHARE: dict[str, str] = {"desa": N_("Desa"), "potong": N_("Potong Siltap")}


def label(key: str) -> str:
    return BY_KEY[key].label


def from_label(text: str) -> Category | None:
    """The category whose spreadsheet label is ``text`` (case and spaces ignored), or None."""
    return BY_LABEL.get(" ".join(text.split()).casefold())
