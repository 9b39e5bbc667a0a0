"""The core's layout: packages depend one way, so a newcomer can read them bottom up."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desa_budget"


def module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Every core module and the core modules it imports, at module level or inside functions."""
    modules = {module_name(p): p for p in CORE.rglob("*.py") if "versions" not in p.parts}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom) and node.module in modules and not node.level:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    edges.add(sub if sub in modules else node.module)
        edges.discard(name)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_core_has_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same edges between the core's packages (a top-level module counts as its own package)."""

    def package(module: str) -> str:
        return module.split(".")[1] if "." in module else module

    out: dict[str, set[str]] = {package(m): set() for m in graph}
    for module, edges in graph.items():
        out[package(module)].update(package(e) for e in edges if package(e) != package(module))
    return out


def test_the_core_packages_depend_one_way() -> None:
    """store ← village ← rules ← contributions ← roster ← budget ← reports, sheets ← cli."""
    assert cycles(package_graph(import_graph())) == []


def test_the_foundations_import_nothing_above_them() -> None:
    packages = package_graph(import_graph())
    assert packages["store"] <= {"errors", "paths", "i18n"}
    assert packages["village"] <= {"errors", "paths", "i18n", "format", "store"}
    assert "budget" not in packages["roster"] | packages["contributions"] | packages["rules"]
