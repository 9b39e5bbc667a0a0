"""The core must stay usable without Qt: no module under desa_budget/ may import PySide6."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desa_budget"


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [f"{path.name}:{node.lineno} {n}" for n in names if n.split(".")[0] == "PySide6"]
    return found


def test_no_core_module_imports_pyside6() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 5
    offenders = [hit for m in modules for hit in _qt_imports(m)]
    assert offenders == []


def test_the_check_itself_catches_an_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport PySide6\n", encoding="utf-8")
    assert len(_qt_imports(bad)) == 2
