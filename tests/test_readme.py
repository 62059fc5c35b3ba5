"""The README and the documentation pages say only what is true.

The README's examples are doctests; its quickstart commands are the ones CI runs; it stays
short; every count it or a documentation page states is computed here from the data; every
``jinan-gov`` command either mentions exists; every relative link leads to a file.
"""

from __future__ import annotations

import doctest
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import jinan_gov as jg
from jinan_gov.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").rglob("*.md"))
MAX_LINES = 150
RUNTIME_COMMAND = "pip install uv && uv run --no-default-groups jinan-gov overview"
# What the README and the docs count, and how to count it from the data.
COUNTS: dict[str, Callable[[], int]] = {
    "articles": lambda: jg.rules.articles().height,
    "chapters": lambda: jg.rules.chapters().height,
    "facts": lambda: jg.rules.facts().height,
    "rule facts": lambda: jg.rules.facts().height,
    "main targets": lambda: jg.targets_2023().height,
    "targets": lambda: jg.targets_2023().height,
    "task targets": lambda: jg.tasks_2023().height,
    "outcomes": lambda: jg.outcomes_2022().height,
    "documents": lambda: jg.documents().height,
    "counsellors": lambda: jg.appointments().height,
}
# A count: a number of at most three digits (never a year) before one of the nouns above.
COUNT = re.compile(r"(?<![\d.,])(\d{1,3}) (" + "|".join(sorted(COUNTS, key=len)[::-1]) + r")\b")
# A command as typed: at the start of a line of a code block, or in backticks.
COMMAND = re.compile(r"(?:^|`|\| )(?:\$ )?jinan-gov ([a-z][a-z-]*)", re.MULTILINE)
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _texts() -> list[tuple[Path, str]]:
    return [(path, path.read_text(encoding="utf-8")) for path in [README, *PAGES]]


def _ci_command() -> str:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    (command,) = [line for line in lines if line.strip() and "uv run nox" in line]
    return command.strip()


def _quickstart_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_examples_run() -> None:
    # A code fence right after an expected output would otherwise be read as part of it.
    text = README.read_text(encoding="utf-8").replace("\n```\n", "\n\n```\n")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "README.md", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 5
    assert result.failed == 0


def test_quickstart_commands_are_the_ones_ci_runs() -> None:
    assert _quickstart_commands() == [RUNTIME_COMMAND, _ci_command()]
    assert _ci_command() == "pip install uv && uv run nox"


def test_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES, f"README.md has {len(lines)} lines; move details to docs/"


@pytest.mark.parametrize(("path", "text"), _texts(), ids=lambda value: getattr(value, "name", ""))
def test_stated_counts_are_the_data(path: Path, text: str) -> None:
    for number, noun in COUNT.findall(text):
        assert int(number) == COUNTS[noun](), f"{path.name} says {number} {noun}"


def test_count_pattern_reads_counts_not_years() -> None:
    found = COUNT.findall("76 articles, 73 rule facts, the 2023 main targets, 21 main targets")
    assert found == [("76", "articles"), ("73", "rule facts"), ("21", "main targets")]


@pytest.mark.parametrize(("path", "text"), _texts(), ids=lambda value: getattr(value, "name", ""))
def test_every_command_mentioned_exists(path: Path, text: str) -> None:
    mentioned = set(COMMAND.findall(text))
    unknown = sorted(mentioned - set(COMMANDS))
    assert not unknown, f"{path.name} mentions jinan-gov commands that do not exist: {unknown}"


def test_command_pattern_reads_commands_not_prose() -> None:
    text = "the jinan-gov command\njinan-gov rule 39\n`jinan-gov generate-scenarios | x`"
    assert COMMAND.findall(text) == ["rule", "generate-scenarios"]


def test_every_command_is_documented() -> None:
    cli_page = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    assert set(COMMANDS) <= set(COMMAND.findall(cli_page))


def test_readme_links_lead_to_files() -> None:
    text = README.read_text(encoding="utf-8")
    targets = [link for link in LINK.findall(text) if "://" not in link]
    assert len(targets) > 10
    for target in targets:
        assert (ROOT / target).exists(), f"README.md links to missing {target}"
