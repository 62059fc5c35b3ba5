"""The shape of the package: one folder per concept, imports flowing one way, no loops.

Layers, lowest first (a module may import its own layer and the ones below):

errors <- schemas <- text, atomic, workdays <- plan <- attainment, extract, search, rules
<- export, cli, widgets, the package itself.

Within a layer the packages' imports must not form a loop, and no package imports another
package's private names (a module or a name starting with ``_``). CONTRIBUTING.md describes
the same layout.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "jinan_gov"
MAX_LINES = 500
MAX_TOP_MODULES = 8

LAYERS: dict[str, int] = {
    "errors": 0,
    "schemas": 1,
    "text": 2,
    "atomic": 2,
    "workdays": 2,
    "plan": 3,
    "attainment": 4,
    "extract": 4,
    "search": 4,
    "rules": 4,
    "export": 5,
    "cli": 5,
    "widgets": 5,
    "__init__": 5,
    "__main__": 5,
}


def _modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name relative to it (``cli._io``, ``plan``)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _concept(module: str) -> str:
    """The package (or top-level module) a module belongs to: ``cli`` for ``cli._io``."""
    return module.split(".", maxsplit=1)[0]


def _imports(path: Path) -> set[str]:
    """What a file imports from jinan_gov, as ``module`` or ``module:name`` (relative to it)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "jinan_gov":
                found |= {f"__init__:{alias.name}" for alias in node.names}
            elif node.module.startswith("jinan_gov."):
                base = node.module.removeprefix("jinan_gov.")
                found |= {f"{base}:{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "jinan_gov":
                    found.add("__init__")
                elif alias.name.startswith("jinan_gov."):
                    found.add(alias.name.removeprefix("jinan_gov."))
    return found


def _target(imported: str, modules: dict[str, Path]) -> tuple[str, str | None]:
    """The module an import reaches and the name taken from it (``from jinan_gov import rules``
    reaches the module ``rules``)."""
    module, _, name = imported.partition(":")
    if module == "__init__" and name and name in modules:
        return name, None
    if name and f"{module}.{name}" in modules:
        return f"{module}.{name}", None
    return module, name or None


def violations(modules: dict[str, Path]) -> list[str]:
    """Every upward import, private import across packages, and loop between packages."""
    found: list[str] = []
    graph: dict[str, set[str]] = {_concept(m): set() for m in modules}
    for name, path in modules.items():
        home = _concept(name)
        for imported in _imports(path):
            target, taken = _target(imported, modules)
            concept = _concept(target)
            if concept not in LAYERS or home not in LAYERS:
                found.append(f"{name} or {target} has no layer")
                continue
            if LAYERS[concept] > LAYERS[home]:
                found.append(f"{name} (layer {LAYERS[home]}) imports {target} ({LAYERS[concept]})")
            if concept == "widgets" and home != "widgets":
                found.append(f"{name} imports the optional widgets")
            private = any(p.startswith("_") for p in target.split(".")[1:]) or (
                taken is not None and taken.startswith("_") and taken != "__version__"
            )
            if concept != home and private:
                found.append(f"{name} imports a private name of {concept}: {imported}")
            if home not in (concept, "__init__"):
                graph[home].add(concept)
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        found.append(f"import loop between packages: {' -> '.join(error.args[1])}")
    return found


def test_imports_flow_one_way_without_loops_or_private_names() -> None:
    assert violations(_modules()) == []


def test_every_module_has_a_layer() -> None:
    assert sorted({_concept(m) for m in _modules()} - set(LAYERS)) == []


def test_no_source_module_over_the_size_limit() -> None:
    sizes = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
    }
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines (split them by concept): {too_long}"


def test_few_modules_directly_under_the_package() -> None:
    top = sorted(
        p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")
    )
    assert len(top) <= MAX_TOP_MODULES, top


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"plan.py": "from jinan_gov.attainment import assess\n"},
            "plan (layer 3) imports attainment",
        ),
        ({"plan.py": "import jinan_gov.widgets\n"}, "imports the optional widgets"),
        ({"extract/__init__.py": "from jinan_gov.attainment._engine import x\n"}, "private name"),
        ({"extract/__init__.py": "from jinan_gov.search import _check\n"}, "private name"),
        (
            {
                "rules/__init__.py": "import jinan_gov.search\n",
                "search/__init__.py": "from jinan_gov.rules import facts\n",
            },
            "import loop between packages",
        ),
    ],
)
def test_the_check_catches_each_kind_of_violation(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    for name in ("attainment/__init__.py", "attainment/_engine.py", "widgets/__init__.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    for name, code in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(code)
    found = violations(_modules(tmp_path))
    assert any(expected in line for line in found), found
