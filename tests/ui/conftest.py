"""UI test fixtures: a real migrated database holding the demo village, an AppContext over it,
and safety nets — message boxes are recorded instead of shown, and a dialog exec() without a
patched ask() fails the test instead of hanging it."""

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from ui_helpers import OPERATOR, YEAR

from desa_budget.demo import create_demo_village
from desa_budget.rules import RuleSet, load_rules
from desa_budget.store.database import Database
from desa_budget.store.opening import open_database
from ui import i18n, msgbox
from ui.app_context import AppContext
from ui.settings import Settings


@dataclass
class ShownBoxes:
    """Every message box a test caused: (window title, text, detailed text)."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def titles(self) -> list[str]:
        return [title for title, _text, _details in self.shown]

    def texts(self) -> list[str]:
        return [text for _title, text, _details in self.shown]


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch, qapp: Any) -> ShownBoxes:
    record = ShownBoxes()

    def fake_exec(box: QDialog) -> None:
        details = getattr(box, "detailedText", lambda: "")()
        text = getattr(box, "text", lambda: "")()
        if isinstance(box, msgbox.CrashDialog):
            text, details = box.report, box.details.toPlainText()
        record.shown.append((box.windowTitle(), text, details))

    monkeypatch.setattr(msgbox, "_exec", fake_exec)
    return record


@pytest.fixture(autouse=True)
def no_unpatched_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: QDialog, *args: Any) -> int:
        raise AssertionError(f"{type(self).__name__}.exec() in a test: patch its ask()")

    monkeypatch.setattr(QDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo village built once per run; each test gets a copy of the folder."""
    folder = tmp_path_factory.mktemp("demo_template")
    db = open_database(data_dir=folder)
    with db.session() as session:
        create_demo_village(session, operator=OPERATOR, year=YEAR)
    db.dispose()
    return folder


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    db = open_database(data_dir=folder)
    yield db
    db.dispose()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(data_dir=tmp_path / "empty")
    yield db
    db.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.in_folder(tmp_path)


@pytest.fixture
def ctx(demo_db: Database, rules: RuleSet, settings: Settings) -> Iterator[AppContext]:
    context = AppContext(db=demo_db, rules=rules, settings=settings, operator=OPERATOR, year=YEAR)
    failures: list[BaseException] = []
    context.command_failed.connect(failures.append)
    yield context
    context.undo_stack.clear()
    assert not failures, f"an undo step failed: {failures}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot size native windows whenever a top-level
    window is shown; that is the test platform talking, not the app, so only it is ignored."""
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(
                pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
            )
