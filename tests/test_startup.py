"""What ``import jinan_gov`` costs: no pandera, no notebook stack, no data read."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jinan_gov import schemas
from jinan_gov.schemas import vocab as _vocab

HEAVY = ("pandera", "pydantic", "altair", "ipywidgets", "IPython", "opencc", "pandas")


def _modules_after(code: str) -> set[str]:
    """Top-level modules loaded by a fresh interpreter after running ``code``."""
    script = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return {name.split(".")[0] for name in result.stdout.split()}


def test_import_pulls_in_neither_pandera_nor_the_notebook_stack() -> None:
    loaded = _modules_after("import jinan_gov\nfrom jinan_gov import rules")
    assert "jinan_gov" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_first_validation_imports_pandera() -> None:
    loaded = _modules_after("import jinan_gov\njinan_gov.documents()")
    assert "pandera" in loaded


def test_schemas_module_gives_vocabularies_at_once_and_models_on_first_use() -> None:
    assert "pandera" not in _modules_after("import jinan_gov.schemas")
    assert "pandera" in _modules_after("import jinan_gov.schemas as s\ns.IndicatorSchema")
    assert "qualifier" in schemas.IndicatorSchema.to_schema().columns
    for name in _vocab.__all__:  # the documented ones and the rest, importable as before
        assert getattr(schemas, name) is getattr(_vocab, name), name


@pytest.mark.parametrize("name", ["QUALIFIERS", "MEASURES", "STATUSES", "DOC_IDS", "FACT_KINDS"])
def test_vocabularies_are_public_in_schemas(name: str) -> None:
    assert name in schemas.__all__


def test_import_compiles_no_pattern_of_the_package() -> None:
    script = (
        "import re\n"
        "compiled = []\n"
        "original = re.compile\n"
        "def spy(pattern, flags=0):\n"
        "    import sys\n"
        "    caller = sys._getframe(1).f_globals.get('__name__', '')\n"
        "    if caller.startswith('jinan_gov'):\n"
        "        compiled.append((caller, pattern))\n"
        "    return original(pattern, flags)\n"
        "re.compile = spy\n"
        "import jinan_gov\n"
        "print(len(compiled), compiled[:3])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("0 "), result.stdout


def test_the_command_line_imports_a_command_module_only_when_it_runs() -> None:
    script = "import sys, jinan_gov.cli\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    lazy = {
        "jinan_gov.cli._assess",
        "jinan_gov.cli._extract",
        "jinan_gov.attainment",
        "jinan_gov.extract",
        "jinan_gov.export",
        "jinan_gov.search",
        "pandera",
    }
    assert not loaded & lazy, sorted(loaded & lazy)
