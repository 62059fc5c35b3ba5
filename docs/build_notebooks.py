"""Execute the example notebooks and publish them, with their outputs, as HTML.

``uv run nox -s docs`` (or ``uv run python docs/build_notebooks.py``) runs every notebook of
``notebooks/`` from a fresh kernel and writes ``docs/notebooks/<name>.html``: the committed
notebooks stay output-free, the pages show what they print and draw. Charts appear as the
static SVG every explorer and chart widget carries beside its live view, so the pages need
no kernel, no widget JavaScript and no network. Each page records the SHA-256 of the
notebook it was built from; ``tests/test_docs.py`` fails when a notebook changed since.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PAGES = ROOT / "docs" / "notebooks"
SOURCE_META = "jinan-gov-notebook-sha256"
CELL_TIMEOUT = 300  # seconds
# What a page shows of an output, best first: the static views, never the live widget.
PRIORITY = ("text/html", "text/markdown", "image/svg+xml", "image/png", "text/plain")
# Script tags that would load code from the network (require.js, MathJax): a static page
# needs none of them.
REMOTE_SCRIPT = re.compile(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>\s*')
STYLE = re.compile(r"<style[^>]*>(.*?)</style>\s*", re.DOTALL)
# The template's inline scripts in the head (and their comments) configure MathJax and
# Mermaid, which load from the network and which no page uses: about 450 lines of every page.
HEAD_SCRIPT = re.compile(r"<script[^>]*>.*?</script>\s*|<!--.*?-->\s*", re.DOTALL)
STYLESHEET = "notebook.css"  # the JupyterLab styles every page shares, written once


def notebook_digest(path: Path) -> str:
    """The SHA-256 of a notebook file, as recorded in its page."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(path: Path) -> tuple[str, str]:
    """Execute one notebook from a fresh kernel: its static HTML page and the page's styles.

    The styles of the page's head (JupyterLab's, the same for every page) are returned apart,
    to be written once as :data:`STYLESHEET`, which the page links to.
    """
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    notebook.metadata.pop("widgets", None)  # no live widgets on a static page
    config = Config()
    config.NbConvertBase.display_data_priority = list(PRIORITY)
    exporter = HTMLExporter(config=config, template_name="lab")  # type: ignore[no-untyped-call]
    page, _ = exporter.from_notebook_node(notebook)
    head, body = REMOTE_SCRIPT.sub("", page).split("</head>", 1)
    styles = "\n".join(STYLE.findall(head))
    meta = f'<meta name="{SOURCE_META}" content="{notebook_digest(path)}">'
    link = f'<link rel="stylesheet" href="{STYLESHEET}">'
    head = HEAD_SCRIPT.sub("", STYLE.sub("", head)).replace("<head>", f"<head>\n{meta}\n{link}", 1)
    return f"{head}</head>{body}", styles


def main(names: list[str]) -> int:
    """Build the pages of the notebooks named (all of them by default)."""
    paths = [NOTEBOOKS / name for name in names] or sorted(NOTEBOOKS.glob("*.ipynb"))
    PAGES.mkdir(parents=True, exist_ok=True)
    for path in paths:
        target = PAGES / f"{path.stem}.html"
        page, styles = render(path)
        target.write_text(page, encoding="utf-8")
        (PAGES / STYLESHEET).write_text(styles, encoding="utf-8")
        print(f"{path.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
