"""The layout's rules, held by reading the source: no import cycle among the package's
modules (imports inside functions and through importlib included), `kb` never imports the
stages after it, command modules never import the dispatcher, and no module outgrows one job."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_LINES = 500
LATER_STAGES = ("generator.render", "generator.output", "generator.plan", "generator.review", "generator.cli")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every module of the package that `name` imports, at any depth of its code."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in MODULES:
            targets = [node.value]  # a module named for importlib
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def test_the_scan_sees_imports_inside_functions_and_through_importlib() -> None:
    assert "generator.kb.loading" in GRAPH["generator.cli.common"]  # imported inside load()
    assert "generator.cli.check_links" in GRAPH["generator.cli"]  # named for importlib


def test_no_import_cycle() -> None:
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> None:
        if name in path:
            cycle = [*path[path.index(name) :], name]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        path.append(name)
        for other in sorted(GRAPH[name]):
            # A package's __init__ importing its own modules is how packages re-export.
            if not other.startswith(name + "."):
                visit(other)
        path.pop()
        done.add(name)

    for name in MODULES:
        visit(name)


def test_kb_never_imports_a_later_stage() -> None:
    upward = sorted(
        f"{name} imports {other}"
        for name in MODULES
        if name.startswith("generator.kb")
        for other in GRAPH[name]
        if other.startswith(LATER_STAGES)
    )
    assert not upward, "\n".join(upward)


def test_command_modules_import_cli_common_not_the_dispatcher() -> None:
    bad = sorted(name for name in MODULES if name.startswith("generator.cli.") and "generator.cli" in GRAPH[name])
    assert not bad, bad


def test_no_module_over_its_size() -> None:
    big = {name: n for name, path in MODULES.items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not big, f"split these into modules of one job each: {big}"
