"""The core speaks Indonesian unless the window chooses English; what it stores and prints stays
Indonesian either way; every UserError it raises can be translated."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_helpers import text

from desa_budget.budget import settings as budget_settings
from desa_budget.budget import versions
from desa_budget.budget.planner import default_tiers, order_tiers
from desa_budget.demo import create_demo_village
from desa_budget.errors import UserError
from desa_budget.format import month_label
from desa_budget.i18n import N_, _, current_language, ngettext, use_language
from desa_budget.reports import gather_annex_data, render_documents
from desa_budget.rules import RuleSet, load_rules
from desa_budget.store.database import Database
from desa_budget.store.opening import open_database

CORE = Path(__file__).resolve().parents[2] / "desa_budget"
YEAR = 2026
JP_NOTE_ID = "JP tidak dihitung mulai Juli 2024"  # an assumption the demo village's roster gives
JP_NOTE_EN = "JP not computed from July 2024"


@pytest.fixture(autouse=True)
def indonesian_again() -> Iterator[None]:
    yield
    use_language("id")


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Database]:
    db = open_database(data_dir=tmp_path)
    with db.session() as session:
        create_demo_village(session, operator="penguji", year=YEAR)
        budget_settings.set_budget_year(
            session, YEAR, total_belanja=None, pagu=30_000_000, operator="penguji"
        )
    yield db
    db.dispose()


def refused_order() -> str:
    with pytest.raises(UserError) as caught:
        order_tiers(default_tiers(), [9])
    return caught.value.message


def test_indonesian_by_default_english_on_request() -> None:
    assert current_language() == "id"
    assert refused_order() == "Tingkat prioritas tidak dikenal: 9."
    assert use_language("en") == "en" and current_language() == "en"
    assert refused_order() == "Unknown priority tier: 9."
    assert ngettext("Hapus {n} orang", "Hapus {n} orang", 1) == "Delete {n} person"
    assert use_language("xx") == "id"
    assert refused_order() == "Tingkat prioritas tidak dikenal: 9."


def test_marked_text_stays_indonesian_and_shows_translated() -> None:
    use_language("en")
    rentan = default_tiers(target_pekerja_rentan=5)[6].name
    assert rentan == "JKK+JKM Pekerja Rentan (target 5 orang)"
    assert _(rentan) == "JKK+JKM vulnerable workers (target 5)"
    label = month_label(YEAR, 3)
    assert (label, _(label)) == ("Maret 2026", "March 2026")  # a marked field is translated too
    assert _(N_("Januari")) == "January" and N_("Januari") == "Januari"


def test_documents_and_adopted_versions_stay_indonesian_in_english_mode(
    demo: Database, rules: RuleSet
) -> None:
    use_language("en")
    with demo.session() as session:
        data = gather_annex_data(session, rules, year=YEAR)
    note = next(a for a in data.simulation.assumptions if a.startswith(JP_NOTE_ID))
    assert _(note).startswith(JP_NOTE_EN)  # what the window shows
    printed = text(render_documents(data, docs=["ringkasan"]))
    assert "JKK+JKM Anggota BPD" in printed and JP_NOTE_ID in printed
    assert "BPD members" not in printed and JP_NOTE_EN not in printed
    with demo.session() as session:
        versions.adopt_version(session, rules, year=YEAR, jenis="murni", operator="penguji")
    with demo.session() as session:
        stored = versions.load_version(session, YEAR, "murni").simulation.assumptions
    assert any(a.startswith(JP_NOTE_ID) for a in stored)


def marked(node: ast.expr) -> bool:
    """``_("…")``, ``ngettext(…)``, either with ``.format(…)``, or such a text ``+`` more."""
    if isinstance(node, ast.BinOp):
        return marked(node.left)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id in ("_", "ngettext")
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return marked(node.func.value)
    return False


def has_words(node: ast.expr) -> bool:
    """A literal (or an f-string's literal parts) with letters: Indonesian left untranslated."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(has_words(v) for v in node.values if isinstance(v, ast.Constant))
    return False


def test_every_user_error_of_the_core_is_translatable() -> None:
    """The command line (cli/, selftest.py) stays Indonesian; everything else can reach the window."""
    unmarked = []
    for path in sorted(CORE.rglob("*.py")):
        relative = path.relative_to(CORE).as_posix()
        if relative.startswith(("cli/", "store/migrations/")) or relative == "selftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id == "UserError" and node.args:
                message = node.args[0]
                if has_words(message) or (
                    isinstance(message, ast.Call | ast.BinOp) and not marked(message)
                ):
                    unmarked.append(f"{relative}:{node.lineno}")
    assert not unmarked, f"UserError texts not marked with _(): {unmarked}"
