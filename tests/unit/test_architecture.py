"""The package's shape, as ARCHITECTURE.md describes it: each part imports only the parts below it,
there is no import cycle (imports inside functions count too), nothing outside ``mkdocs/`` knows
MkDocs, no module reaches into another's private names, and nothing edits ``sys.path``."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "sosial_is"

#: Which parts each part may import (besides itself): the table of ARCHITECTURE.md.
ALLOWED: dict[str, set[str]] = {
    "locale": set(),
    "core": {"locale"},
    "text": {"core", "locale"},
    "markdown": {"core", "locale"},
    "curriculum": {"core", "locale", "markdown"},
    "project": {"core", "locale", "markdown", "curriculum"},
    "render": {"core", "locale", "markdown", "curriculum"},
    "pages": {"core", "locale", "markdown", "curriculum", "project", "render"},
    "checks": {"core", "locale", "markdown", "curriculum", "project", "render", "pages", "text"},
    "pipeline": {"core", "locale", "markdown", "curriculum", "project", "render", "pages", "checks"},
    "scaffold": {"core", "locale", "markdown", "curriculum"},
    "review": {"core", "locale", "markdown", "curriculum", "pages"},
    "mkdocs": {"core", "locale", "markdown", "curriculum", "project", "render", "pages", "checks",
               "pipeline", "text"},
    "publish": {"core", "locale", "mkdocs"},
    "bench": {"core", "locale", "markdown", "curriculum", "project", "pages", "checks", "pipeline", "scaffold",
              "mkdocs", "publish", "text"},
    "audit": {"core", "locale", "bench", "publish"},
    "cli": {"core", "locale", "markdown", "curriculum", "project", "render", "pages", "checks",
            "pipeline", "mkdocs", "publish", "scaffold", "review", "bench", "audit", "text"},
    "__main__": {"cli"},
    "__init__": set(),
}
MKDOCS_WORLD = ("mkdocs", "material", "mkdocs_static_i18n")


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(["sosial_is", *parts])


def role(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> list[tuple[str, int, list[str]]]:
    """(imported module, line, names) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [alias.name for alias in node.names]
            out.append((target, node.lineno, names))
            # "from . import x" imports the submodule x
            out += [(f"{target}.{name}", node.lineno, []) for name in names
                    if (PACKAGE.parent / f"{target}.{name}".replace(".", "/")).exists()
                    or (PACKAGE.parent / (f"{target}.{name}".replace(".", "/") + ".py")).exists()]
    return out


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(p) for p in FILES}


def internal(target: str) -> str | None:
    """The package module ``target`` refers to (a module, or the module holding a name)."""
    while target and target not in MODULES:
        target = target.rsplit(".", 1)[0] if "." in target else ""
    return target or None


def test_the_package_was_found():
    assert len(FILES) > 40 and "sosial_is.mkdocs.plugin" in MODULES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_part_imports_only_the_parts_below_it(path: Path):
    mine = role(module_name(path))
    assert mine in ALLOWED, f"{mine}: a new part; add it to ALLOWED and to ARCHITECTURE.md"
    wrong = []
    for target, line, _ in imports(path):
        theirs = internal(target)
        if theirs and role(theirs) != mine and role(theirs) not in ALLOWED[mine]:
            wrong.append(f"line {line}: {mine} imports {theirs} ({role(theirs)})")
    assert not wrong, wrong


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_mkdocs_part_knows_mkdocs(path: Path):
    if role(module_name(path)) == "mkdocs":
        return
    leaks = [f"line {line}: {target}" for target, line, _ in imports(path)
             if target.split(".")[0] in MKDOCS_WORLD]
    assert not leaks, leaks


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_private_name_from_another_module_and_no_sys_path(path: Path):
    text = path.read_text(encoding="utf-8")
    assert "sys.path" not in text, "no sys.path edits: the package is installed (pip install -e)"
    here = module_name(path)
    private = [f"line {line}: {name} from {target}" for target, line, names in imports(path)
               for name in names if name.startswith("_") and not name.startswith("__")
               and internal(target) not in (None, here)]
    assert not private, private


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif not state.get(nxt):
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [])
    return cycles


def test_no_import_cycle():
    graph: dict[str, set[str]] = defaultdict(set)
    for path in FILES:
        here = module_name(path)
        graph[here]
        for target, _, _ in imports(path):
            theirs = internal(target)
            if theirs and theirs != here and not here.startswith(theirs + "."):
                graph[here].add(theirs)
    cycles = find_cycles(graph)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_a_cycle_would_be_found():
    """The cycle search itself works (the test above would otherwise pass vacuously)."""
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []
