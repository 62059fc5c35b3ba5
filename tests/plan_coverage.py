"""Completeness scanner for the plan: every Arabic figure in the text is accounted for.

A figure (digit run such as ``12027.5``) is accounted for when

* a row of the indicator tables quotes it: the occurrence lies inside an occurrence of
  the row's quote and equals one of the row's values (value, value_upper, value_target,
  value_stretch; declines are stored negative, so the absolute value is compared), or
* a generic rule explains it (a year, list numbering such as ``1.``, a document number), or
* an explicit exclusion in ``tests/data/plan_number_exclusions.csv`` names its context.

Run ``uv run python -m tests.plan_coverage [CSV ...]`` to list what is not accounted for.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinan_gov.sources import source_text

NUMBER = re.compile(r"\d+(?:\.\d+)?")
EXCLUSIONS_CSV = Path(__file__).parent / "data" / "plan_number_exclusions.csv"
VALUE_COLUMNS = ("value", "value_upper", "value_target", "value_stretch")

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 2022年, 2023年, "2022全国数字经济城市排名", 2017年4月 ...: calendar years
    ("year", re.compile(r"(?<![\d.])(?:19|20)\d\d(?=年|全国|—20\d\d|-20\d\d)")),
    # month and day of a date: 2023年5月2日
    ("date", re.compile(r"(?<=年)\d{1,2}(?=月)|(?<=月)\d{1,2}(?=日)")),
    # list numbering: "。1.构建", ":1.经济增长" (a figure never runs straight into CJK after ".")
    ("list_numbering", re.compile(r"(?<![\d.])\d{1,2}(?=\.[\u4e00-\u9fff“])")),
    # document numbers: 济政发〔2023〕4号
    ("document_number", re.compile(r"(?<=〔)\d{4}(?=〕)|(?<=〕)\d+(?=号)")),
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    token: str

    def context(self, text: str, width: int = 12) -> str:
        return text[max(0, self.start - width) : self.end + width]


@dataclass(frozen=True, slots=True)
class Exclusion:
    context: str
    number: str
    reason: str


def mentions(text: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), m.group()) for m in NUMBER.finditer(text)]


def load_exclusions(path: Path = EXCLUSIONS_CSV) -> list[Exclusion]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Exclusion(r["context"], r["number"], r["reason"]) for r in csv.DictReader(handle)]


def rule_spans(text: str) -> dict[tuple[int, int], str]:
    spans: dict[tuple[int, int], str] = {}
    for name, pattern in _RULES:
        for match in pattern.finditer(text):
            spans[(match.start(), match.end())] = name
    return spans


def exclusion_spans(text: str, exclusions: Iterable[Exclusion]) -> dict[tuple[int, int], str]:
    """Spans of excluded figures; raises if an exclusion no longer matches the text."""
    spans: dict[tuple[int, int], str] = {}
    for exclusion in exclusions:
        found = False
        for context in re.finditer(re.escape(exclusion.context), text):
            for number in NUMBER.finditer(exclusion.context):
                if number.group() == exclusion.number:
                    begin = context.start() + number.start()
                    spans[(begin, begin + len(number.group()))] = "excluded: " + exclusion.reason
                    found = True
        if not found:
            raise ValueError(f"stale exclusion: {exclusion.number!r} in {exclusion.context!r}")
    return spans


def row_spans(text: str, rows: Iterable[dict[str, object]]) -> dict[tuple[int, int], str]:
    """Spans of figures that a row quotes and whose value equals the figure."""
    spans: dict[tuple[int, int], str] = {}
    for row in rows:
        quote = str(row["quote"])
        values = {abs(float(str(row[c]))) for c in VALUE_COLUMNS if row.get(c) not in (None, "")}
        for occurrence in re.finditer(re.escape(quote), text):
            for number in NUMBER.finditer(quote):
                if float(number.group()) in values:
                    begin = occurrence.start() + number.start()
                    spans[(begin, begin + len(number.group()))] = str(row["id"])
    return spans


@dataclass(frozen=True, slots=True)
class Coverage:
    total: int
    by_row: int
    by_rule: Counter[str]
    by_exclusion: int
    unaccounted: list[Mention]


def coverage(rows: Sequence[dict[str, object]], exclusions: Iterable[Exclusion]) -> Coverage:
    text = source_text("plan_2023")
    found = mentions(text)
    covered = row_spans(text, rows)
    rules = rule_spans(text)
    excluded = exclusion_spans(text, exclusions)
    by_rule: Counter[str] = Counter()
    by_row = by_exclusion = 0
    unaccounted: list[Mention] = []
    for mention in found:
        key = (mention.start, mention.end)
        if key in covered:
            by_row += 1
        elif key in rules:
            by_rule[rules[key]] += 1
        elif key in excluded:
            by_exclusion += 1
        else:
            unaccounted.append(mention)
    return Coverage(len(found), by_row, by_rule, by_exclusion, unaccounted)


def _read_rows(paths: Sequence[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def main(argv: Sequence[str]) -> int:
    data = Path(__file__).parents[1] / "src" / "jinan_gov" / "data"
    default = [str(data / f"{t}.csv") for t in ("outcomes_2022", "targets_2023", "tasks_2023")]
    paths = list(argv) or [p for p in default if Path(p).exists()]
    result = coverage(_read_rows(paths), load_exclusions())
    text = source_text("plan_2023")
    print(f"figures: {result.total}, quoted by rows: {result.by_row}, ", end="")
    print(f"rules: {dict(result.by_rule)}, explicit exclusions: {result.by_exclusion}")
    print(f"unaccounted: {len(result.unaccounted)}")
    for mention in result.unaccounted:
        line = text.count("\n", 0, mention.start) + 1
        print(f"  paragraph {line}: {mention.token!r} in …{mention.context(text)}…")
    return 1 if result.unaccounted else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
