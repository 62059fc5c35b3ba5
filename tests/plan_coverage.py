"""Completeness scanner for the plan: every figure in the text is accounted for.

A figure is a digit run such as ``12027.5`` or a run of Chinese numerals such as ``万``
(赋能万家以上企业), ``千亿`` (过千亿元) or ``四`` (四大主导产业) that is not the
multiplier of a digit run (the ``万`` of ``1.3万个`` belongs to its Arabic figure). It is
accounted for when

* a row of the indicator tables quotes it: the occurrence lies inside an occurrence of
  the row's quote and equals one of the row's values (value, value_upper, value_target,
  value_stretch; declines are stored negative, so the absolute value is compared); a
  Chinese run is read with :func:`jinan_gov.text.numerals.parse_chinese_quantity`, whole or
  without a trailing 万/亿 that belongs to the unit (``千亿元`` is 1000 亿元), or
* a generic rule explains it (a year, list numbering such as ``1.`` or ``一是``, a document
  number, an ordinal 第…, the ``一`` of words such as 一批 or 统一), or
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

from jinan_gov.text.numerals import parse_chinese_quantity
from jinan_gov.text.sources import source_text

ARABIC = re.compile(r"\d+(?:\.\d+)?")
CN_DIGITS = "零一二两三四五六七八九十百千万亿"
# A run of Chinese numerals that is not the multiplier of an Arabic figure (1.3万个, 4300余万元).
CHINESE = re.compile(rf"(?<![\d.{CN_DIGITS}])(?<!\d余)[{CN_DIGITS}]+")
NUMBER = re.compile(f"{ARABIC.pattern}|{CHINESE.pattern}")
_UNIT_MAGNITUDES = ("万亿", "亿", "万")
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
    # Chinese list numbering: 一、 (一) 一是 …
    (
        "cn_list_numbering",
        re.compile(
            rf"(?<![{CN_DIGITS}])[{CN_DIGITS}]+(?=是)"
            rf"|(?<=[((])[{CN_DIGITS}]+(?=[))])"
            rf"|(?<![^\n])[{CN_DIGITS}]+(?=、)"
        ),
    ),
    # ordinals: 第一批, 第十八届, 第五次
    ("cn_ordinal", re.compile(rf"(?<=第)[{CN_DIGITS}]+")),
    # a lone 一 is the article "a" or part of a word: 一批, 一体化, 统一, 进一步, 一流
    ("cn_one_in_words", re.compile(rf"(?<![{CN_DIGITS}])一(?![{CN_DIGITS}])")),
    # a lone 零 is a word: 零售, 零工, 零碳, 清零
    ("cn_zero_in_words", re.compile(rf"(?<![{CN_DIGITS}])零(?![{CN_DIGITS}])")),
    # 百分点, 百分比: a unit word, not a hundred
    ("cn_percent_word", re.compile(rf"(?<![\d.{CN_DIGITS}])百(?=分)")),
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


def readings(token: str) -> set[float]:
    """The values a figure can stand for: a digit run, or a Chinese run read whole or
    without a trailing 万/亿 that belongs to the unit (千亿 → 10**11 or 1000)."""
    if ARABIC.fullmatch(token):
        return {float(token)}
    found: set[float] = set()
    candidates = [token] + [
        token.removesuffix(suffix)
        for suffix in _UNIT_MAGNITUDES
        if token.endswith(suffix) and len(token) > len(suffix)
    ]
    for candidate in candidates:
        try:
            found.add(float(parse_chinese_quantity(candidate)))
        except ValueError:
            continue
    return found


def load_exclusions(path: Path = EXCLUSIONS_CSV) -> list[Exclusion]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Exclusion(r["context"], r["number"], r["reason"]) for r in csv.DictReader(handle)]


def rule_spans(text: str) -> dict[tuple[int, int], str]:
    """Spans explained by a generic rule; the first rule in ``_RULES`` that matches names it."""
    spans: dict[tuple[int, int], str] = {}
    for name, pattern in _RULES:
        for match in pattern.finditer(text):
            spans.setdefault((match.start(), match.end()), name)
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
                if readings(number.group()) & values:
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
