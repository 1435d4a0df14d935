"""The package's layers: imports only point down, and no module imports itself back.

Every `import` of an `ipu_cli` module is read from the source (module level,
inside functions and under TYPE_CHECKING alike: a lazy import is still a
dependency). Layers, bottom up: domain, store, checks, queries, documents,
edits, cli. `errors.py` may be imported from anywhere; the entry point only
from `__main__`.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ipu_cli"
LAYERS = ("domain", "store", "checks", "queries", "documents", "edits", "cli")
TOP = {"__init__", "__main__", "entry", "errors"}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The ipu_cli modules `path` imports (a `from X import name` of a submodule counts as X.name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {_module(p) for p in PACKAGE.rglob("*.py")}
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("ipu_cli"))
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; use absolute ipu_cli imports"
            if node.module and node.module.startswith("ipu_cli"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in modules else node.module)
    return found


def _rank(module: str) -> float:
    parts = module.split(".")
    if len(parts) == 1:
        return -1  # the package itself (__version__)
    if parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    return {"errors": -1, "entry": len(LAYERS), "__main__": len(LAYERS) + 1}.get(parts[1], 99)


def _graph() -> dict[str, set[str]]:
    return {_module(path): _imports(path) for path in PACKAGE.rglob("*.py")}


def test_top_level_holds_only_the_entry_point_and_errors():
    loose = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in TOP)
    assert loose == []
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(
        LAYERS
    )


def test_subpackage_inits_import_nothing():
    for init in PACKAGE.glob("*/__init__.py"):
        assert init.read_text(encoding="utf-8").strip() == "", init


def test_imports_only_point_down():
    upward = []
    for module, imported in _graph().items():
        for target in imported:
            if _rank(target) > _rank(module):
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt == node:
                continue
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_module_names_are_unique_across_layers():
    names: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.stem != "__init__":
            names.setdefault(path.stem, []).append(_module(path))
    assert {name: where for name, where in names.items() if len(where) > 1} == {}


def test_the_check_sees_an_upward_import(tmp_path):
    """The rank of a layer is its place in LAYERS: a store module importing checks is upward."""
    assert _rank("ipu_cli.checks.pipeline") > _rank("ipu_cli.store.scan")
    assert _rank("ipu_cli.domain.cases") < _rank("ipu_cli.store.scan")
    assert _rank("ipu_cli.errors") < _rank("ipu_cli.domain.cases")
