"""The shape of the package: small modules, imports flowing one way.

core (data, schemas, text, calendar) <- domain (attainment, rules) <- surface (widgets, cli,
export). The README's "For contributors" section describes the same layout.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "jinan_gov"
MAX_LINES = 700

CORE = frozenset(
    {
        "_atomic",
        "_lazy_re",
        "_ranking",
        "_rules_schemas",
        "_schema_base",
        "_tables",
        "_validation",
        "_vocab",
        "errors",
        "normalize",
        "numerals",
        "plan",
        "schemas",
        "sources",
        "wording",
        "workdays",
    }
)
DOMAIN = frozenset(
    {
        "_clauses",
        "_engine",
        "_glossary",
        "_inputs",
        "_semantics",
        "_user_csv",
        "_what_if",
        "attainment",
        "extract",
        "rules",
        "search",
    }
)
SURFACE = frozenset(
    {"__init__", "__main__", "_cli_assess", "_cli_extract", "_cli_io", "cli", "export", "widgets"}
)
LAYERS = dict.fromkeys(CORE, 0) | dict.fromkeys(DOMAIN, 1) | dict.fromkeys(SURFACE, 2)
LAYER_NAMES = ("core", "domain", "surface")


def _modules() -> dict[str, Path]:
    """Every module of the package by its top-level name (``widgets`` for widgets/*)."""
    return {
        ".".join(path.relative_to(PACKAGE).with_suffix("").parts): path
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def _imports(path: Path) -> set[str]:
    """The jinan_gov modules a file imports (``jinan_gov`` itself as ``__init__``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "jinan_gov":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("jinan_gov."):
                found.add(node.module.removeprefix("jinan_gov."))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "jinan_gov":
                    found.add("__init__")
                elif alias.name.startswith("jinan_gov."):
                    found.add(alias.name.removeprefix("jinan_gov."))
    return found


def test_no_source_module_over_the_size_limit() -> None:
    sizes = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
    }
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines (split them by concept): {too_long}"


@pytest.mark.parametrize("name", sorted(_modules()))
def test_every_module_has_a_layer(name: str) -> None:
    assert _top(name) in LAYERS, (
        f"jinan_gov.{name} has no layer: add it to CORE, DOMAIN or SURFACE in {__file__}"
    )


@pytest.mark.parametrize("name", sorted(_modules()))
def test_imports_flow_from_core_to_surface(name: str) -> None:
    layer = LAYERS.get(_top(name), 2)
    for imported in _imports(_modules()[name]):
        target = _top(imported)
        if target == "widgets":
            assert _top(name) == "widgets", f"jinan_gov.{name} imports the optional widgets"
            continue
        if target not in LAYERS:  # a name of the top level: `from jinan_gov import __version__`
            continue
        assert LAYERS[target] <= layer, (
            f"jinan_gov.{name} ({LAYER_NAMES[layer]}) imports jinan_gov.{imported} "
            f"({LAYER_NAMES[LAYERS[target]]}): imports flow core <- domain <- surface"
        )


def test_the_layering_check_catches_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from jinan_gov.attainment import assess\nimport jinan_gov.widgets\n")
    assert _imports(module) == {"attainment", "widgets"}
    assert LAYERS["attainment"] > LAYERS["plan"]
