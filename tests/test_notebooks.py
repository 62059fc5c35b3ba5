"""The example notebooks: committed without outputs, and each runs from a fresh kernel.

The four notebooks run concurrently (one kernel each) to keep the default test run short;
each still gets its own test result.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = (
    "01_plan_at_a_glance.ipynb",
    "02_attainment_what_if.ipynb",
    "03_work_rules.ipynb",
    "04_extract_targets.ipynb",
)
CELL_TIMEOUT = 120  # seconds per cell
RUN_TIMEOUT = 400  # seconds for all four notebooks
CJK = re.compile(r"[\u4e00-\u9fff]")
# Text each notebook must print or display when it runs, as evidence it did its job.
EXPECTED_OUTPUT = {
    "01_plan_at_a_glance.ipynb": ("全市实现地区生产总值12027.5亿元", "发放科学健身礼包"),
    "02_attainment_what_if.ipynb": ("9486 rows assessed for 527 scenarios", "10 assessed"),
    "03_work_rules.ipynb": ("CalendarNotPublishedError: date 2030-01-02", "2023, 5, 9"),
    "04_extract_targets.ipynb": (
        "same as targets_2023(): True",
        "城乡居民人均可支配收入分别增长5%、6.5%左右 == 城乡居民人均可支配收入分别增长5%、6.5%左右",
    ),
}

BUILDERS = {
    "01_plan_at_a_glance.ipynb": "widgets.plan_explorer(",
    "02_attainment_what_if.ipynb": "widgets.attainment_what_if(",
    "03_work_rules.ipynb": "widgets.rules_explorer(",
    "04_extract_targets.ipynb": "widgets.extraction_explorer(",
}


def _read(name: str) -> nbformat.NotebookNode:
    notebook: nbformat.NotebookNode = nbformat.read(  # type: ignore[no-untyped-call]
        NOTEBOOKS / name, as_version=4
    )
    return notebook


def test_the_notebooks_are_the_numbered_four() -> None:
    assert tuple(sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name: str) -> None:
    notebook = _read(name)
    nbformat.validate(notebook)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name} cell {index} has outputs: strip them"
            assert cell.execution_count is None, f"{name} cell {index} has an execution count"
    assert "widgets" not in notebook.metadata, f"{name} holds saved widget state"


@pytest.mark.parametrize("name", NAMES)
def test_opens_with_an_english_and_chinese_introduction(name: str) -> None:
    first = _read(name).cells[0]
    assert first.cell_type == "markdown"
    number = int(name[:2])
    assert first.source.startswith(f"# {number} · ")
    assert "**English.**" in first.source
    assert "**中文。**" in first.source
    assert len(CJK.findall(first.source)) > 50
    assert f"voila notebooks/{name}" in first.source


async def _run_all() -> dict[str, nbformat.NotebookNode | BaseException]:
    async def run(name: str) -> nbformat.NotebookNode:
        notebook = _read(name)
        client = NotebookClient(
            notebook,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(NOTEBOOKS)}},
        )
        await client.async_execute()
        return notebook

    results = await asyncio.wait_for(
        asyncio.gather(*(run(name) for name in NAMES), return_exceptions=True),
        timeout=RUN_TIMEOUT,
    )
    return dict(zip(NAMES, results, strict=True))


@pytest.fixture(scope="module")
def executed() -> dict[str, nbformat.NotebookNode | BaseException]:
    """Every notebook executed from a fresh kernel (concurrently), or the error it raised.

    The event loop runs in a thread of its own, so a loop left running in the main thread
    (Playwright's sync API keeps one while its browser is open) cannot interfere.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _run_all()).result()


def _text(notebook: nbformat.NotebookNode) -> str:
    parts: list[str] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            for key, value in output.get("data", {}).items():
                if key.startswith("text/"):
                    parts.append(value)
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_executes_from_a_fresh_kernel(
    executed: dict[str, nbformat.NotebookNode | BaseException], name: str
) -> None:
    result = executed[name]
    if isinstance(result, BaseException):
        raise result
    errors = [
        output
        for cell in result.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert errors == []
    text = _text(result)
    for expected in EXPECTED_OUTPUT[name]:
        assert expected in text, f"{name}: {expected!r} not in its outputs"
    builder = BUILDERS[name]
    (cell,) = [c for c in result.cells if c.cell_type == "code" and builder in c.source]
    views = [
        o for o in cell.outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert views, f"{name}: the cell calling {builder} did not display a widget"
