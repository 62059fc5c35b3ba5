"""Execute the example notebooks and publish them, with their outputs, for the documentation site.

``uv run nox -s notebook_pages`` (or ``uv run python docs/build_notebooks.py``) runs every
notebook of ``notebooks/`` from a fresh kernel and writes ``docs/notebooks/<name>.ipynb``
with its outputs; the site (``mkdocs.yml``, mkdocs-jupyter with ``execute: false``) renders
those pages as they are. The committed notebooks stay output-free. Each output keeps only its
static view: charts as the SVG every explorer and chart widget carries beside its live view,
tables as HTML, so the pages need no kernel, no widget JavaScript and no network. Each page
records the SHA-256 of the notebook it was built from; ``tests/test_docs.py`` fails when a
notebook changed since.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PAGES = ROOT / "docs" / "notebooks"
SOURCE_META = "jinan_gov_notebook_sha256"
CELL_TIMEOUT = 300  # seconds
# What a page shows of an output, best first: the static views, never the live widget.
PRIORITY = ("text/html", "text/markdown", "image/svg+xml", "image/png", "text/plain")


def notebook_digest(path: Path) -> str:
    """The SHA-256 of a notebook file, as recorded in its page."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def static_output(output: Any) -> None:
    """Keep the best static representation of one display output, in place."""
    data = output.get("data")
    if not data:
        return
    best = next((mime for mime in PRIORITY if mime in data), None)
    if best is not None:
        output["data"] = {best: data[best]}
    output.get("metadata", {}).pop("application/vnd.jupyter.widget-view+json", None)


def render(path: Path) -> Any:
    """Execute one notebook from a fresh kernel; return it with static outputs only."""
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    notebook.metadata.pop("widgets", None)  # no live widgets on a static page
    notebook.metadata[SOURCE_META] = notebook_digest(path)
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)  # timings would change every build
        for output in cell.get("outputs", []):
            static_output(output)
    return notebook


def main(names: list[str]) -> int:
    """Build the pages of the notebooks named (all of them by default)."""
    paths = [NOTEBOOKS / name for name in names] or sorted(NOTEBOOKS.glob("*.ipynb"))
    PAGES.mkdir(parents=True, exist_ok=True)
    for path in paths:
        target = PAGES / path.name
        nbformat.write(render(path), target)  # type: ignore[no-untyped-call]
        print(f"{path.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
