"""The code on the documentation pages runs and prints what the pages say.

Every ```python block of ``docs/**/*.md`` runs, page by page, in order, in one namespace per
page: a block of ``>>>`` examples as a doctest (its outputs must match), any other block as
a script. A page whose examples drift from the library fails here.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def python_blocks(markdown: str) -> list[str]:
    """The bodies of the page's ```python code blocks, in page order."""
    return FENCE.findall(markdown)


def run_blocks(blocks: list[str], name: str) -> int:
    """Run the blocks in one namespace; return how many examples were checked."""
    namespace: dict[str, Any] = {"__name__": name}
    parser = doctest.DocTestParser()
    checked = 0
    for number, block in enumerate(blocks, start=1):
        if ">>>" in block:
            test = parser.get_doctest(block, namespace, f"{name}[{number}]", name, 0)
            runner = doctest.DocTestRunner(optionflags=FLAGS)
            runner.run(test, clear_globs=False)
            result = runner.summarize(verbose=False)
            namespace.update(test.globs)  # DocTest runs in a copy of the namespace
            assert result.failed == 0, f"{name}: block {number} failed (see the output above)"
            checked += result.attempted
        else:
            exec(compile(block, f"{name}[{number}]", "exec"), namespace)
            checked += 1
    return checked


def _pages() -> list[Path]:
    return sorted(path for path in DOCS.rglob("*.md") if python_blocks(path.read_text("utf-8")))


@pytest.mark.parametrize("page", _pages(), ids=lambda path: str(path.relative_to(DOCS)))
def test_page_examples_run(page: Path) -> None:
    blocks = python_blocks(page.read_text(encoding="utf-8"))
    assert run_blocks(blocks, str(page.relative_to(ROOT))) > 0


def test_every_guide_page_has_examples() -> None:
    with_examples = {path.relative_to(DOCS).as_posix() for path in _pages()}
    guides = {path.relative_to(DOCS).as_posix() for path in (DOCS / "guide").glob("*.md")}
    assert guides - with_examples <= {"guide/cli.md"}


def test_a_wrong_output_fails() -> None:
    with pytest.raises(AssertionError, match="block 1 failed"):
        run_blocks([">>> 1 + 1\n3\n"], "example")
    assert run_blocks(["x = 2\n", ">>> x * 2\n4\n"], "example") == 2
