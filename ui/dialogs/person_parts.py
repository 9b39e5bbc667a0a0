"""What the person form holds and reads: its result (``PersonForm``), which post it edits, the
coverage a new person starts with, and its combo boxes."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox

from desa_budget.contributions.engine import months_in_post
from desa_budget.roster.service import CoverageData, PersonData, PersonDetail, PostData, PostRecord
from desa_budget.village import categories
from ui.dialogs.post_dialog import PostEntry
from ui.i18n import _


@dataclass(frozen=True)
class PersonForm:
    """What the user asked for. ``post_id`` is the edited post (None for a new person)."""

    person: PersonData
    post: PostData
    post_id: int | None
    coverage: CoverageData
    other_posts: tuple[PostEntry, ...] = ()  # the person's other posts, as the form leaves them


def primary_post(detail: PersonDetail, year: int) -> PostRecord | None:
    """The post the form edits: the highest-ranked one held during ``year``, else the latest."""
    held = [p for p in detail.posts if months_in_post(p.data.mulai, p.data.akhir, year)]
    pool = held or list(detail.posts)
    if not pool:
        return None
    if held:
        return min(pool, key=lambda p: (categories.BY_KEY[p.data.kategori].rank, p.id))
    return max(pool, key=lambda p: (p.data.akhir or date.max, p.id))


def default_coverage(kategori: str, year: int) -> CoverageData:
    segmen = categories.BY_KEY[kategori].usual_segment
    return CoverageData(
        tahun=year,
        segmen=segmen,
        dasar_upah=1_000_000 if segmen == "BPU" else 0,
        programs=("JKK", "JKM"),
    )


def combo(items: Sequence[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for key, text in items:
        box.addItem(_(text), key)  # spreadsheet words are marked for translation
    return box


def select(box: QComboBox, key: object) -> None:
    index = box.findData(key)
    if index >= 0:
        box.setCurrentIndex(index)
