"""Find the annual main-target paragraph of a plan or report, in any layout.

Every opening (主要预期目标是：, 主要目标为：, 主要预期目标——, a heading 主要预期目标
followed by a list) is a candidate; the one whose paragraph holds the most target
clauses wins, so a headline that repeats the opening loses to the paragraph itself.
Openings after a five-year heading (十四五, 十五五, 到2030年), about another year
(去年, 上年, 年初…确定的, an earlier year than the latest named) are skipped. Without
any opening, a dense run of qualified target clauses (…增长5%左右；…以上；…以内) is the
paragraph, unless it reads as a review or a news summary. A paragraph ends at the next
section heading (三、重点任务).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from jinan_gov.extract._clause_grammar import (
    Row,
    add_note,
    new_context,
    numbering_end,
    parse_sentence,
)
from jinan_gov.text.numerals import parse_chinese_numeral, to_chinese_numeral

__all__ = ("Paragraph", "find_paragraph", "sentence_spans")

# 主要预期目标是：, 主要目标为：, 预期目标建议为：, a heading 主要预期目标 …
_OPENING = re.compile(
    r"(?P<head>主要|预期|今年)[^，。；：:,;、“”\d]{0,12}?目标(?:任务)?"
    r"(?P<lead>(?:建议|安排|设定|确定|拟定)?(?:是|为|包括|如下))?(?P<colon>[:：]|——|—)?"
)
# A five-year section, or last year's review, right before the opening.
_NOT_ANNUAL = re.compile(
    r"十[一二三四五六七八九]五”?(?:时期|规划|期间|末)|五年|规划|纲要|20[3-9]\d|远景|中长期"
)
# Another year's targets (去年/上年/年初确定的), or a review of how they went.
_OTHER_YEAR = re.compile(r"去年|上年|年初|确定的|过去|回顾|完成情况|执行情况")
_THIS_YEAR = re.compile(r"今年|全年|本年|明年|20\d\d年")
_YEAR = re.compile(r"20\d\d(?=年)")
_WIDE_WINDOW = 300  # without a year of its own, an opening looks this far back for 十五五
_FIGURE_LOOKAHEAD = 300  # a target list states a figure this close to its opening
_RIVAL_SPAN = 4000  # openings this far after the best paragraph may still beat it
# The next section (三、重点任务) ends the paragraph.
_SECTION = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[^，,;；]{0,20}(?:重点任务|主要任务))")
# A run of target clauses without an opening: qualified figures, and no review or report.
_QUALIFIED = re.compile(r"左右|以上|以内|控制在|不低于|不超过|力争")
_STRONG = frozenset(
    ("about", "at_least", "at_most", "cap_about", "range", "strive", "in_step", "above_benchmark")
)
_REVIEW = re.compile(r"过去|去年|上年|同比|实现了|完成了|达到了|增长了|提出|省份|各地|记者|分别为")
_MIN_STRONG = 3
# At least one clause in four qualified: local lists state many plain growth rates
# (增长13%；增长15%), while a review states nearly only plain ones.
_MAX_PLAIN_PER_STRONG = 4
_DENSE_CONTEXT = 1000  # a five-year heading this far before a run makes it five-year targets
_FIVE_YEAR_TARGETS = re.compile(
    r"(?:十[一二三四五六七八九]五”?(?:时期|期间)|到20[2-9]\d年)[^。\n]{0,40}目标"
)
_FIVE_YEAR_CLAUSE = re.compile(r"年均|累计|到20\d\d年|20[3-9]\d年")
# Sentences that discuss the targets rather than state them end the paragraph.
_DISCUSSION_START = re.compile(
    r"(?:上述|以上|这些|这样|这一|提出|需要说明|实现上述|完成上述|完成以上|完成全年|为此|对此)"
)
_DISCUSSION = re.compile(r"预期目标|目标为|目标是")
_HEADING = re.compile(
    r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
    r"[^，；,;\d]{0,15}$"
)
_DIGIT = re.compile(r"\d")
_SENTENCE_BREAK = re.compile("[。！？!?]")
# A section number (二、) at a line start or after the end of the heading before it.
_SECTION_MARK = re.compile(r"(?:^|(?<=[。;；)）\s]))[一二三四五六七八九十]{1,2}、", re.MULTILINE)
_WINDOW = 80  # characters before an opening searched for five-year markers
_PARAGRAPH_LIMIT = 6000  # no target paragraph is longer; bounds the work on any input
_PARSE_BUDGET = 200_000  # characters parsed at most over all openings: never hang
_HEADING_LOOKAHEAD = 40  # a heading 主要预期目标 is followed by a figure this close
_FIRST_SENTENCE_LIMIT = 1200


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    rows: list[Row]


def _is_heading(text: str, start: int, end: int) -> bool:
    return _HEADING.match(text[start:end]) is not None


def _continues(text: str, start: int, end: int, rows: list[Row]) -> bool:
    """Whether a sentence after the first still states targets."""
    if not rows or _DISCUSSION_START.match(text, start, end):
        return False
    if _DISCUSSION.search(text, start, end):
        return False
    first_clause_end = end
    for mark in "，；,;":
        found = text.find(mark, start, end)
        if found != -1:
            first_clause_end = min(first_clause_end, found)
    return rows[0].start < first_clause_end


def _paragraph(
    text: str, start: int, heading_form: bool, breaks: frozenset[int], stop: int | None = None
) -> Paragraph | None:
    """The target paragraph starting at ``start``, or None when it states no target.

    ``breaks`` are the starts of the input's paragraphs (lines) where the text has them; a
    paragraph break is crossed only by a numbered item (2.城镇调查失业率…; （二）…).
    """
    limit = min(len(text) if stop is None else stop, start + _PARAGRAPH_LIMIT)
    first_end = min(limit, start + _FIRST_SENTENCE_LIMIT)
    spans = sentence_spans(text, start, limit)
    context = new_context()
    rows: list[Row] = []
    end = start
    index = 0
    last_number: str | None = None
    while index < len(spans):
        a, b = spans[index]
        if index == 0 and b > first_end:
            b = first_end
        token = _numbering(text, a, b)
        if index and a in breaks and (token is None or token != _successor(last_number)):
            break  # a new paragraph of the input: only the next numbered item continues
        last_number = token or last_number
        if index and _SECTION.match(text, a, b):
            break  # the next section: 三、重点任务
        if _is_heading(text, a, b):
            following = spans[index + 1] if index + 1 < len(spans) else None
            if following is None or (index and not parse_sentence(text, *following, new_context())):
                break
            index += 1
            continue
        noted = len(context.notes)
        found = parse_sentence(text, a, b, context)
        if index == 0:
            if not found or _FIVE_YEAR_CLAUSE.search(text, a, found[0].end):
                return None
            if heading_form and found[0].start != numbering_end(text, _skip(text, a), b):
                return None
        elif not (_continues(text, a, b, found) or _is_heading(text, *spans[index - 1])):
            del context.notes[noted:]
            break
        rows.extend(found)
        end = b
        index += 1
    if not rows:
        return None
    for row, note in context.notes:
        add_note(row, note)
    return Paragraph(start, end, rows)


_NUMBER_PARTS = re.compile(
    r"(?P<before>[（(]?)(?P<number>\d{1,2}|[一二三四五六七八九十]{1,3})(?P<after>.*)"
)


def _numbering(text: str, start: int, end: int) -> str | None:
    """The list number (1. （二） 三是) a sentence starts with, if any."""
    first = _skip(text, start)
    stop = numbering_end(text, first, end)
    return text[first:stop] if stop > first else None


def _successor(token: str | None) -> str | None:
    """The next list number in the same style: 1. -> 2., （一） -> （二）, 二是 -> 三是."""
    parts = _NUMBER_PARTS.fullmatch(token or "")
    if parts is None:
        return None
    number = parts["number"]
    if number.isdigit():
        following = str(int(number) + 1)
    else:
        try:
            following = to_chinese_numeral(parse_chinese_numeral(number) + 1)
        except ValueError:
            return None
    return parts["before"] + following + parts["after"]


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _annual(text: str, match: re.Match[str]) -> int | None:
    """The year an opening names (0 for none), or None when it is not this year's list."""
    # The window is the opening's own sentence and line: a review heading or a sentence
    # about last year on an earlier line (一、过去一年工作回顾) says nothing of this one.
    sentence_start = text.rfind("。", max(0, match.start() - _WINDOW), match.start()) + 1
    line_start = text.rfind("\n", max(0, match.start() - _WINDOW), match.start()) + 1
    window_start = max(sentence_start, line_start, match.start() - _WINDOW)
    headings = list(_SECTION_MARK.finditer(text, window_start, match.start()))
    if headings:  # the opening's own section heading (二、2018年…目标) starts its window
        window_start = headings[-1].start()
    window = text[window_start : match.end()]
    if _NOT_ANNUAL.search(window) or _OTHER_YEAR.search(window):
        return None
    wide_start = max(0, match.start() - _WIDE_WINDOW)
    for earlier in _OPENING.finditer(text, wide_start, match.start()):
        if earlier["colon"] or earlier["lead"]:
            wide_start = earlier.end()  # a five-year marker before another list is that list's
    if not _THIS_YEAR.search(window) and _NOT_ANNUAL.search(text, wide_start, match.start()):
        return None  # 主要目标是： under a five-year heading a sentence or two before
    return max((int(year) for year in _YEAR.findall(window)), default=0)


def find_paragraph(text: str, breaks: frozenset[int] = frozenset()) -> Paragraph | None:
    """The annual target paragraph of ``text``: the opening whose list is longest wins."""
    budget = _PARSE_BUDGET
    best: Paragraph | None = None
    best_year = 0
    openings = list(_OPENING.finditer(text))
    stops = [m.start() for m in openings if m["colon"] or m["lead"]]
    for match in openings:
        if budget <= 0 or (best is not None and match.start() > best.end + _RIVAL_SPAN):
            break
        heading_form = match["lead"] is None and match["colon"] is None
        if heading_form and match["head"] == "今年":
            continue  # 今年…目标 opens a paragraph only as 今年…目标是：
        if heading_form and not _DIGIT.search(text, match.end(), match.end() + _HEADING_LOOKAHEAD):
            continue
        if not _DIGIT.search(text, match.end(), match.end() + _FIGURE_LOOKAHEAD):
            continue  # no figure in sight: not a target list
        year = _annual(text, match)
        if year is None or (year and year < best_year):
            continue
        stop = (
            stops[bisect_right(stops, match.start())]
            if stops and stops[-1] > match.start()
            else None
        )
        paragraph = _paragraph(text, match.end(), heading_form, breaks, stop)
        budget -= _FIRST_SENTENCE_LIMIT if paragraph is None else _PARAGRAPH_LIMIT
        if paragraph is None:
            continue
        if best is None or year > best_year or len(paragraph.rows) > len(best.rows):
            best, best_year = paragraph, max(year, best_year)
    return best if best is not None else _dense_run(text, breaks)


def _dense_run(text: str, breaks: frozenset[int]) -> Paragraph | None:
    """A list of qualified target clauses with no opening before it, or None."""
    budget = _PARSE_BUDGET
    for start, end in sentence_spans(text, 0, min(len(text), _PARSE_BUDGET)):
        if len(_QUALIFIED.findall(text, start, end)) < _MIN_STRONG:
            continue
        if _REVIEW.search(text, start, end) or _NOT_ANNUAL.search(text, start, end):
            continue
        if _FIVE_YEAR_TARGETS.search(text, max(0, start - _DENSE_CONTEXT), start):
            continue  # a five-year plan's targets, under its heading
        budget -= end - start
        if budget <= 0:
            return None
        rows = parse_sentence(text, start, end)
        strong = sum(row.qualifier in _STRONG for row in rows)
        if strong >= _MIN_STRONG and strong * _MAX_PLAIN_PER_STRONG >= len(rows):
            return _paragraph(text, start, False, breaks)
    return None


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences at 。！？ (the mark is left out)."""
    spans: list[tuple[int, int]] = []
    begin = start
    for mark in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((begin, mark.start()))
        begin = mark.end()
    if begin < end:
        spans.append((begin, end))
    return spans


def __dir__() -> list[str]:
    return list(__all__)
