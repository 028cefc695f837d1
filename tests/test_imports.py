"""The shape of the package: no import cycles, and infrastructure that imports no feature.

Reads every module's source (imports inside functions included), so a cycle
hidden behind a function-level import is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "journal"
# Shared by every feature: they may not reach into one.
INFRASTRUCTURE = (
    "journal.access",
    "journal.audit",
    "journal.auth",
    "journal.clock",
    "journal.config",
    "journal.crypto",
    "journal.database",
    "journal.device",
    "journal.errors",
    "journal.extensions",
    "journal.http",
    "journal.models",
    "journal.ops",
    "journal.ratelimits",
    "journal.routing",
    "journal.security",
    "journal.templating",
    "journal.vault",
)


# Every subpackage that is not infrastructure is a feature (a blueprint and its services): read from the tree,
# so a new feature is checked without anyone adding it here.
FEATURES = tuple(
    sorted(
        f"journal.{path.parent.name}"
        for path in PACKAGE.glob("*/__init__.py")
        if f"journal.{path.parent.name}" not in INFRASTRUCTURE and path.parent.name != "migrations"
    )
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The journal modules a module imports, anywhere in its body."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # "from journal import audit" imports the module journal.audit
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, set(known)) for name, path in known.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as a path that ends where it started, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_module_imports_itself_back():
    # The package's __init__ is the composition root: it imports every feature, and nothing imports it.
    edges = {name: targets - {"journal"} for name, targets in graph().items()}
    assert find_cycle(edges) is None, " -> ".join(find_cycle(edges))


def test_nothing_imports_the_composition_root():
    assert [name for name, targets in graph().items() if "journal" in targets] == []


@pytest.mark.parametrize("infrastructure", INFRASTRUCTURE)
def test_infrastructure_imports_no_feature(infrastructure):
    offending = {
        f"{name} -> {target}"
        for name, targets in graph().items()
        if name == infrastructure or name.startswith(infrastructure + ".")
        for target in targets
        if target.startswith(FEATURES)
    }
    assert not offending, sorted(offending)


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function(tmp_path):
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(edges) == ["a", "b", "c", "a"]
    source = tmp_path / "m.py"
    source.write_text("def later():\n    from journal.entries.rescue import rescue_response\n")
    assert imports_of("journal.errors", source, {"journal.entries.rescue"}) == {"journal.entries.rescue"}


def is_view(module: str) -> bool:
    """A module of Flask views: ``views`` or ``<something>_views``."""
    last = module.rpartition(".")[2]
    return last == "views" or last.endswith("_views")


def test_features_are_read_from_the_package():
    assert {"journal.entries", "journal.safety", "journal.therapist"} <= set(FEATURES)
    assert not set(FEATURES) & set(INFRASTRUCTURE)


def test_no_view_module_imports_another():
    """Views talk to services and helpers, never to each other: a page fragment, a post-save hook or a PDF
    response used by two features lives in a module of its own."""
    offending = {
        f"{name} -> {target}"
        for name, targets in graph().items()
        if is_view(name)
        for target in targets
        if is_view(target)
    }
    assert not offending, sorted(offending)


def test_the_view_rule_sees_a_view_imported_inside_a_function(tmp_path):
    source = tmp_path / "views.py"
    source.write_text("def later():\n    from journal.safety.views import plan\n")
    found = imports_of("journal.entries.views", source, {"journal.safety.views"})
    assert {target for target in found if is_view(target)} == {"journal.safety.views"}
