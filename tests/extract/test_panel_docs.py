"""The indicator-key table of docs/guide/panels.md is the vocabulary of the code.

Regenerate the table after changing ``jinan_gov.extract.INDICATORS`` with
``uv run python -m tests.extract.test_panel_docs``.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinan_gov.extract import INDICATORS, indicator_key

PAGE = Path(__file__).parents[2] / "docs" / "guide" / "panels.md"
_TABLE = re.compile(r"(<!-- indicator-keys -->\n)(.*?)(\n<!-- /indicator-keys -->)", re.S)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def indicator_table() -> str:
    """The Markdown table of every indicator key, in the order of ``INDICATORS``."""
    lines = [
        "| key | English | Chinese names (pattern) | measure | better |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| `{i.key}` | {_cell(i.name_en)} | `{_cell(i.names_zh)}` | {i.measure} | {i.direction} |"
        for i in INDICATORS
    ]
    return "\n".join(lines)


def test_the_page_lists_every_key_as_the_code_defines_it() -> None:
    found = _TABLE.search(PAGE.read_text(encoding="utf-8"))
    assert found, "the indicator-keys markers are missing from docs/guide/panels.md"
    assert found.group(2) == indicator_table(), (
        "docs/guide/panels.md is out of date: run uv run python -m tests.extract.test_panel_docs"
    )
    assert f"{len(INDICATORS)} indicator keys" in PAGE.read_text(encoding="utf-8")


def test_keys_are_unique_snake_case() -> None:
    keys = [i.key for i in INDICATORS]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", key) for key in keys)
    assert indicator_key("地区生产总值增长") in keys


if __name__ == "__main__":
    text = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(_TABLE.sub(lambda m: m[1] + indicator_table() + m[3], text), encoding="utf-8")
    print(f"rewrote the table of {PAGE}")
