"""The grammar of one target paragraph: clauses, figures and their qualifiers.

A main-target paragraph is a list of clauses separated by ，and ；(and 。
between sentences). Inside a clause, 、 separates either subjects that share
one predicate (进出口总额、实际使用外资增速高于全省平均水平) or predicates that
share one subject (增长5%以上、力争6%; 高于全国平均水平、高于城镇居民收入增速).
A predicate is one of:

* a figure (5%, 1.4万亿斤, 5%—5.5%) with the qualifying words around it
  (控制在 … 左右, 达到 … 以上, 不低于, 力争 …);
* a benchmark (高于/快于/好于/优于 全国, 全省, 经济增长 …);
* a step with another growth (与经济增长同步, 和经济增长基本同步);
* a commitment to complete assigned targets (完成国家下达目标, 达到国家要求).

Everything works on spans of the normalised text, so every row keeps the
offsets of its quote. All regular expressions here are linear: no nested
quantifiers, every repetition bounded or over a character class that the next
token cannot match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jinan_gov.extract._figures import Figure, between_digits, find_figures

__all__ = (
    "Row",
    "add_note",
    "new_context",
    "numbering_end",
    "parse_sentence",
    "sentence_spans",
)

_SUFFIXES = ("及以上", "以上", "及以下", "以下", "以内", "之内", "左右", "上下")
# A quality class held at a level: 水质保持在Ⅱ类及以上 (Ⅱ is "II" after NFKC). Only a class
# followed by a bound is a figure; 达到或好于Ⅲ类水体比例 merely names what is counted.
_STRIVE = ("力争达到", "争取达到", "努力达到", "力争突破", "力争实现", "力争", "争取")
_AT_LEAST = ("不低于", "不少于", "至少")
_AT_MOST = ("不超过", "不高于", "控制在", "低于", "少于")
_EXCEED = ("突破", "超过", "高于", "多于", "超")
_REACH = ("达到", "稳定在", "保持在", "维持在", "稳定", "保持", "达")
_ABOUT = ("大约", "约")
_NEUTRAL = ("在", "为")
_PREFIXES = tuple(
    sorted(
        (*_STRIVE, *_AT_LEAST, *_AT_MOST, *_EXCEED, *_REACH, *_ABOUT, *_NEUTRAL),
        key=len,
        reverse=True,
    )
)
# A level the figure is held at: 达到 … 以上 reads "达到…以上".
_LEVEL = ("达到", "稳定在", "保持在", "维持在", "控制在", "达")

# --- predicates without a figure ----------------------------------------------------------

# 高于/快于/好于/优于 anything; 超过/不低于 only a benchmark of this kind (超过去年 is not one).
_BENCHMARK_VERB = re.compile(
    r"高于|快于|好于|优于|(?:超过|不低于)(?=全国|全省|全市|经济|地区生产总值|国内生产总值|GDP)"
)
_STEP = re.compile(r"(?:保持)?(?:基本)?(?:同步|相协调|相适应|相匹配)")
_STEP_CONNECTORS = "与和同"
_COMPLETION = re.compile(
    r"(?:完成|达到|符合|控制在)(?P<object>[^，；。,;]{0,40})(?:目标|任务|指标|要求|标准)(?:以内)?"
)
_ASSIGNED = re.compile(r"国家|中央|省|市|上级|下达|分解|规定")
_ADVERBS = re.compile(r"(?:全面|确保|均|按期|圆满|坚决|努力|如期|全部|都|也)+$")
_GENERIC_OBJECT = re.compile(r"(?:以上|上述|全年|这些|各项|年度|今年)")
_RIDER = re.compile(r"争取|力争|努力|跑赢|更好|更优")
_GROWTH_WORDS = re.compile(r"增速|增长|增幅|涨幅|上涨|提高|下降")
_NUMBERING = re.compile(
    r"(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是])"
)
_CONNECTIVES = ("其中", "同时", "并且", "并", "以及", "确保")
_CHANGE_VERBS = re.compile(r"(?:增长|下降|降低|提高|提升|上涨|减少|增加|增速|涨幅)$")
_ECONOMY = re.compile(r"经济增长|经济增速|生产总值增速|生产总值增长|GDP增速|GDP增长|经济发展")

_CLAUSE_BREAKS = frozenset("，；,;：:")
_ENUMERATION = frozenset("、")
_SENTENCE_BREAKS = frozenset("。！？!?")
_OPEN = frozenset("（(")
_CLOSE = frozenset("）)")


@dataclass(slots=True)
class Row:
    """One target found in a paragraph; offsets are into the normalised text."""

    name_zh: str
    value: float | None
    value_upper: float | None
    unit: str | None
    qualifier: str
    qualifier_zh: str | None
    benchmark: str | None
    start: int
    end: int
    note: str | None = None


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences at 。！？ (the mark is left out)."""
    spans: list[tuple[int, int]] = []
    begin = start
    for index in range(start, end):
        if text[index] in _SENTENCE_BREAKS:
            spans.append((begin, index))
            begin = index + 1
    if begin < end:
        spans.append((begin, end))
    return spans


def _split(
    text: str,
    start: int,
    end: int,
    breaks: frozenset[str],
    protected: tuple[tuple[int, int], ...] = (),
) -> list[tuple[int, int]]:
    """Split a span at ``breaks`` outside parentheses, ``protected`` spans and 1,200."""
    spans: list[tuple[int, int]] = []
    depth = 0
    begin = start
    for index in range(start, end):
        char = text[index]
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
        elif char in breaks and depth == 0:
            if char == "," and between_digits(text, index):
                continue
            if any(a <= index < b for a, b in protected):
                continue
            spans.append((begin, index))
            begin = index + 1
    spans.append((begin, end))
    return [(a, b) for a, b in spans if a < b]


def _strip_prefixes(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """Peel qualifying words off the end of ``text[start:end]``; return the new end."""
    words: list[str] = []
    while end > start:
        for word in _PREFIXES:
            if text.startswith(word, end - len(word)) and end - len(word) >= start:
                words.insert(0, word)
                end -= len(word)
                break
        else:
            break
    return end, words


def numbering_end(text: str, start: int, end: int) -> int:
    """Where a list number (1. （一） 一、 一是) at ``start`` ends; ``start`` without one."""
    match = _NUMBERING.match(text, start, end)
    return start if match is None else match.end()


def _name_start(text: str, start: int, end: int) -> int:
    """Skip list numbering, connectives and spaces at the start of a name."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in " 、":
            start += 1
            changed = True
        numbering = _NUMBERING.match(text, start, end)
        if numbering:
            start = numbering.end()
            changed = True
        for word in _CONNECTIVES:
            if text.startswith(word, start) and start + len(word) < end:
                start += len(word)
                changed = True
                break
    return start


def _qualify(words: list[str], suffix: str, separator: str | None) -> tuple[str, str | None]:
    """Map the qualifying words of one figure to (qualifier, qualifier_zh)."""
    level = next((word for word in words if word in _LEVEL), None)
    if separator is not None:
        return "range", f"…{separator}…"
    strive = next((word for word in words if word in _STRIVE), None)
    if strive is not None:
        return "strive", strive
    if suffix in ("左右", "上下"):
        if "控制在" in words:
            return "cap_about", f"控制在…{suffix}"
        return "about", f"{level}…{suffix}" if level else suffix
    if suffix in ("以上", "及以上"):
        return "at_least", f"{level}…{suffix}" if level else suffix
    if suffix in ("以内", "以下", "之内", "及以下"):
        return "at_most", f"{level}…{suffix}" if level else suffix
    for group, qualifier in (
        (_AT_LEAST, "at_least"),
        (_AT_MOST, "at_most"),
        (_EXCEED, "exceed"),
        (_ABOUT, "about"),
        (_REACH, "reach"),
    ):
        word = next((word for word in words if word in group), None)
        if word is not None:
            return qualifier, word
    return "plain", None


def _suffix_at(text: str, index: int, end: int) -> str:
    for suffix in _SUFFIXES:
        if text.startswith(suffix, index) and index + len(suffix) <= end:
            return suffix
    return ""


@dataclass(slots=True)
class _Context:
    """What a clause without its own subject inherits: the last row's name and quote start."""

    name: str | None = None
    quote_start: int = 0
    last: Row | None = None
    notes: list[tuple[Row, str]] = field(default_factory=list)


def _benchmark_of(words: str) -> str:
    for canonical in ("全国", "全省", "全市"):
        if words.startswith(canonical):
            return canonical
    if _ECONOMY.search(words):
        return "经济增长"
    return words


def _relative_unit(qualifier: str, name: str, benchmark: str) -> str | None:
    """'%' for a comparison of growth rates (every in_step row), else None."""
    if qualifier == "in_step" or _GROWTH_WORDS.search(name + benchmark):
        return "%"
    return None


def _inherit(text: str, start: int, end: int, context: _Context) -> tuple[str, int]:
    """The name and quote start of a predicate whose subject is ``text[start:end]``."""
    name = text[start:end]
    if (not name or _CHANGE_VERBS.fullmatch(name)) and context.name is not None:
        subject = _CHANGE_VERBS.sub("", context.name) if name else context.name
        return subject + name, context.quote_start
    return name, start


def _figure_row(
    name: str, figure: Figure, qualified: tuple[str, str | None], start: int, end: int
) -> Row:
    qualifier, qualifier_zh = qualified
    return Row(
        name_zh=name,
        value=figure.value,
        value_upper=figure.value_upper,
        unit=figure.unit,
        qualifier=qualifier,
        qualifier_zh=qualifier_zh,
        benchmark=None,
        start=start,
        end=end,
    )


def _figure_rows(
    text: str, start: int, end: int, figures: list[Figure], context: _Context
) -> list[Row]:
    rows: list[Row] = []
    cursor = start
    for figure in figures:
        name_end, words = _strip_prefixes(text, cursor, figure.start)
        name_start = _name_start(text, cursor, name_end)
        suffix = _suffix_at(text, figure.end, end)
        qualified = _qualify(words, suffix, figure.separator)
        name, quote_start = _inherit(text, name_start, name_end, context)
        quote_end = figure.end + len(suffix)
        row = _figure_row(name, figure, qualified, quote_start, quote_end)
        rows.append(row)
        context.name, context.quote_start, context.last = row.name_zh, row.start, row
        cursor = quote_end
    return rows


def _respectively(
    text: str, start: int, end: int, marker: int, context: _Context
) -> list[Row] | None:
    """城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右: one row per figure."""
    figures = find_figures(text, marker + 2, end)
    if len(figures) < 2:
        return None
    name_start = _name_start(text, start, marker)
    subject = text[name_start:marker]
    verb_end, _ = _strip_prefixes(text, marker + 2, figures[0].start)
    verb = text[marker + 2 : verb_end]
    items = _subjects(subject, len(figures))
    suffixes = [_suffix_at(text, figure.end, end) for figure in figures]
    trailing = suffixes[-1]
    rows: list[Row] = []
    cursor = marker + 2
    for index, figure in enumerate(figures):
        _, own_words = _strip_prefixes(text, cursor, figure.start)
        suffix = suffixes[index]
        bare = not suffix and not own_words
        qualified = _qualify(own_words, trailing if bare else suffix, figure.separator)
        quote_end = figures[-1].end + len(trailing)
        rows.append(_figure_row(items[index] + verb, figure, qualified, name_start, quote_end))
        cursor = figure.end + len(suffix)
    context.name, context.quote_start, context.last = subject + verb, name_start, rows[-1]
    return rows


def _subjects(subject: str, count: int) -> list[str]:
    """Names of the subjects of a 分别 clause, built from their shared part."""
    items = [item for item in re.split(r"[、和及与]", subject) if item]
    if len(items) == 1 and count == 2 and subject.startswith("城乡"):
        rest = subject[2:]
        return ["城镇" + rest, "农村" + rest]
    if len(items) != count:
        return [subject] * count
    head = items[0]
    shared = items[-1][len(head) :] if len(items[-1]) > len(head) else ""
    return [item + shared for item in items[:-1]] + [items[-1]]


def _completion_spans(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(verb start, span end, match end) of commitments to complete assigned targets."""
    spans: list[tuple[int, int, int]] = []
    for match in _COMPLETION.finditer(text, start, end):
        verb = text[match.start() : match.start() + 2]
        if verb != "完成" and not _ASSIGNED.search(match["object"]):
            continue
        if match.group().endswith("标准") and verb not in ("达到", "符合"):
            continue  # a standard is met (达到国家二级标准), not completed
        if _GENERIC_OBJECT.match(match["object"]):
            continue  # 完成以上目标任务, 完成全年目标: the paragraph's targets as a whole
        spans.append((match.start(), match.end(), match.end()))
    return spans


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a clause at 、 outside parentheses and outside completion commitments."""
    protected = tuple((a, b) for a, b, _ in _completion_spans(text, start, end))
    return _split(text, start, end, _ENUMERATION, protected)


def _relative_row(
    text: str,
    span: tuple[int, int, int],
    qualifier: str,
    benchmark: str,
    context: _Context,
) -> Row:
    """A row for a subject ``text[start:verb]`` compared with a benchmark up to ``end``."""
    start, verb, end = span
    name, quote_start = _inherit(text, _name_start(text, start, verb), verb, context)
    return Row(
        name_zh=name,
        value=None,
        value_upper=None,
        unit=_relative_unit(qualifier, name, benchmark),
        qualifier=qualifier,
        qualifier_zh=text[verb:end],
        benchmark=_benchmark_of(benchmark),
        start=quote_start,
        end=end,
    )


def _predicate_rows(text: str, start: int, end: int, context: _Context) -> list[Row]:
    """The rows of one 、-segment; empty for a bare subject or an aspiration."""
    figures = find_figures(text, start, end)
    if figures:
        return _figure_rows(text, start, end, figures, context)
    benchmark = _BENCHMARK_VERB.search(text, start, end)
    if benchmark is not None:
        span = (start, benchmark.start(), end)
        words = text[benchmark.end() : end]
        return [_relative_row(text, span, "above_benchmark", words, context)]
    step = _STEP.search(text, start, end)
    if step is not None:
        connector = max(text.rfind(char, start, step.start()) for char in _STEP_CONNECTORS)
        if connector >= start:
            span = (start, connector, step.end())
            words = text[connector + 1 : step.start()]
            return [_relative_row(text, span, "in_step", words, context)]
    completions = _completion_spans(text, start, end)
    if completions:
        verb, span_end, _ = completions[0]
        subject_end = verb
        adverbs = _ADVERBS.search(text, start, verb)
        if adverbs is not None:
            subject_end = adverbs.start()
        name_start = _name_start(text, start, subject_end)
        name = text[name_start:subject_end] or text[verb:span_end]
        row = Row(
            name_zh=name,
            value=None,
            value_upper=None,
            unit=None,
            qualifier="qualitative",
            qualifier_zh=text[verb:span_end],
            benchmark=None,
            start=name_start,
            end=span_end,
        )
        return [row]
    return []


def _shared(row: Row, name: str, start: int) -> Row:
    """A copy of ``row`` for another subject that shares its predicate."""
    return Row(
        name_zh=name,
        value=row.value,
        value_upper=row.value_upper,
        unit=row.unit,
        qualifier=row.qualifier,
        qualifier_zh=row.qualifier_zh,
        benchmark=row.benchmark,
        start=start,
        end=row.end,
    )


def add_note(row: Row, note: str) -> None:
    """Record a rider on the row it qualifies."""
    row.note = note if row.note is None else f"{row.note}；{note}"


def _clause_rows(text: str, start: int, end: int, context: _Context) -> list[Row]:
    marker = text.find("分别", start, end)
    if marker != -1:
        respectively = _respectively(text, start, end, marker, context)
        if respectively is not None:
            return respectively
    rows: list[Row] = []
    pending: list[tuple[int, int]] = []  # bare subjects waiting for a shared predicate
    for seg_start, seg_end in _segments(text, start, end):
        found = _predicate_rows(text, seg_start, seg_end, context)
        if found:
            head = found[0]
            for sub_start, sub_end in pending:
                name_start = _name_start(text, sub_start, sub_end)
                rows.append(_shared(head, text[name_start:sub_end], name_start))
            pending = []
            rows.extend(found)
            last = found[-1]
            context.name, context.quote_start, context.last = last.name_zh, last.start, last
            continue
        words = text[seg_start:seg_end]
        if _RIDER.search(words) and context.last is not None:
            context.notes.append((context.last, words))
            pending = []
        else:
            pending.append((seg_start, seg_end))
    return rows


def parse_sentence(text: str, start: int, end: int, context: _Context | None = None) -> list[Row]:
    """The target rows stated in the sentence ``text[start:end]``.

    ``context`` carries the last row across sentences of one paragraph, so a
    clause such as 力争6% can borrow its subject; pass the same object for every
    sentence of a paragraph.
    """
    context = _Context() if context is None else context
    rows: list[Row] = []
    for clause_start, clause_end in _split(text, start, end, _CLAUSE_BREAKS):
        first = _skip_space(text, clause_start, clause_end)
        if first < clause_end:
            rows.extend(_clause_rows(text, first, clause_end, context))
    return rows


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def new_context() -> _Context:
    """A fresh paragraph context for :func:`parse_sentence`."""
    return _Context()


def __dir__() -> list[str]:
    return list(__all__)
