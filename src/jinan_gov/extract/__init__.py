"""Read the annual main targets of any Chinese plan or government work report.

:func:`extract_targets` finds the main-target paragraph (今年经济社会发展的主要
预期目标是：…, 主要目标为：…, or a heading 主要预期目标 followed by the targets)
in a whole report or plan, raw from a PDF or clean, and returns one row per
target clause, validated by :class:`jinan_gov.schemas.ExtractedTargetSchema`.

The text is first folded (:func:`jinan_gov.text.normalize.fold_text`: full-width
digits and ％, traditional characters) and normalised
(:func:`jinan_gov.text.normalize.normalize_text`: PDF line breaks, justification
spaces, ASCII punctuation). Quotes and offsets refer to that normalised text,
which :func:`extraction_text` returns.

Only the annual main-target paragraph is read: five-year targets (十五五,
到2030年, 年均), last year's outcomes and the key tasks are out of scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from jinan_gov.extract._clause_grammar import (
    Row,
    add_note,
    new_context,
    numbering_end,
    parse_sentence,
    sentence_spans,
)
from jinan_gov.extract._indicator_names import direction_of, english_name
from jinan_gov.extract._indicators import INDICATORS, Indicator, indicator_key
from jinan_gov.extract._outcomes import extract_outcomes
from jinan_gov.extract._panel import extract_many, target_vs_outcome
from jinan_gov.schemas.tables import read_package_text
from jinan_gov.text.normalize import fold_text, normalize_text
from jinan_gov.text.numerals import base_unit, parse_chinese_numeral, to_chinese_numeral

if TYPE_CHECKING:  # the model (and pandera) is imported on first validation
    import os

    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import ExtractedTargetSchema

__all__ = (
    "INDICATORS",
    "Indicator",
    "decode_report",
    "extract_many",
    "extract_outcomes",
    "extract_targets",
    "extraction_text",
    "indicator_key",
    "read_extracted_targets",
    "read_report",
    "sample_reports",
    "target_vs_outcome",
)

# 主要预期目标是：, 主要目标为：, 预期目标建议为：, a heading 主要预期目标 …
_OPENING = re.compile(
    r"(?P<head>主要|预期|今年)[^，。；：:,;、“”\d]{0,12}?目标(?:任务)?"
    r"(?P<lead>(?:建议|安排|设定|确定|拟定)?(?:是|为|包括|如下))?(?P<colon>[:：])?"
)
# A five-year section, or last year's review, right before the opening.
_NOT_ANNUAL = re.compile(
    r"十[一二三四五六七八九]五”?(?:时期|规划|期间|末)|五年|规划|纲要|20[3-9]\d|远景|中长期"
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
_MARK = "\ue000"
_LINE_END = re.compile(r"([。!?])([ \t\r]*)$", re.MULTILINE)
_MARK_LINE_END = rf"\1{_MARK}\2"
_PARAGRAPH_LINE = 60  # lines this long are paragraphs, not PDF wraps
_WINDOW = 80  # characters before an opening searched for five-year markers
_PARAGRAPH_LIMIT = 6000  # no target paragraph is longer; bounds the work on any input
_PARSE_BUDGET = 200_000  # characters parsed at most over all openings: never hang
_HEADING_LOOKAHEAD = 40  # a heading 主要预期目标 is followed by a figure this close
_FIRST_SENTENCE_LIMIT = 1200


def _check_text(text: object) -> str:
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            f"extract_targets() expects str, got {type(text).__name__}: decode it first, "
            "e.g. data.decode('utf-8') or data.decode('gb18030')"
        )
    if not isinstance(text, str):
        raise TypeError(f"extract_targets() expects str, got {type(text).__name__}")
    return text


def extraction_text(text: str) -> str:
    """The normalised text that the quotes and offsets of :func:`extract_targets` index.

    It is ``normalize_text(fold_text(text))``: full-width forms and traditional
    characters folded, PDF artefacts undone, one line. Like
    :func:`extract_targets` it refuses anything but a ``str``.

    >>> extraction_text("地區生產總值增長５％左右")
    '地区生产总值增长5%左右'
    """
    return normalize_text(fold_text(_check_text(text)))


def _is_clean(text: str) -> bool:
    """Whether lines are paragraphs (web text) rather than PDF wraps every ~20 characters."""
    lengths = [len(line.strip()) for line in text.splitlines()]
    total = sum(lengths)
    return total > 0 and sum(n for n in lengths if n >= _PARAGRAPH_LINE) * 2 >= total


def _prepare(text: str) -> tuple[str, frozenset[int]]:
    """The normalised text and, for clean text, where its paragraphs start.

    A private-use mark put after each line that ends a sentence survives normalisation
    and is removed afterwards; the text is the same as :func:`extraction_text` gives.
    """
    folded = fold_text(text)
    if _MARK in folded or not _is_clean(folded):
        return normalize_text(folded), frozenset()
    pieces = normalize_text(_LINE_END.sub(_MARK_LINE_END, folded)).split(_MARK)
    breaks: list[int] = []
    offset = 0
    for piece in pieces[:-1]:
        offset += len(piece)
        breaks.append(offset)
    return "".join(pieces), frozenset(breaks)


@dataclass(frozen=True, slots=True)
class _Paragraph:
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
    text: str, start: int, heading_form: bool, breaks: frozenset[int]
) -> _Paragraph | None:
    """The target paragraph starting at ``start``, or None when it states no target.

    ``breaks`` are the starts of the input's paragraphs (lines) where the text has them; a
    paragraph break is crossed only by a numbered item (2.城镇调查失业率…; （二）…).
    """
    limit = min(len(text), start + _PARAGRAPH_LIMIT)
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
    return _Paragraph(start, end, rows)


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


def _find_paragraph(text: str, breaks: frozenset[int] = frozenset()) -> _Paragraph | None:
    budget = _PARSE_BUDGET
    for match in _OPENING.finditer(text):
        if budget <= 0:
            return None
        heading_form = match["lead"] is None and match["colon"] is None
        if heading_form and match["head"] == "今年":
            continue  # 今年…目标 opens a paragraph only as 今年…目标是：
        if heading_form and not _DIGIT.search(text, match.end(), match.end() + _HEADING_LOOKAHEAD):
            continue
        sentence_start = text.rfind("。", max(0, match.start() - _WINDOW), match.start()) + 1
        window_start = max(sentence_start, match.start() - _WINDOW)
        if _NOT_ANNUAL.search(text, window_start, match.start()):
            continue
        paragraph = _paragraph(text, match.end(), heading_form, breaks)
        budget -= _FIRST_SENTENCE_LIMIT if paragraph is None else _PARAGRAPH_LIMIT
        if paragraph is not None:
            return paragraph
    return None


def _frame(rows: list[Row], text: str) -> pl.DataFrame:
    columns: dict[str, list[object]] = {name: [] for name in _schema().names()}
    for number, row in enumerate(rows, start=1):
        factor, unit_base = base_unit(row.unit)
        name = row.name_zh or ""
        values: dict[str, object] = {
            "id": f"t{number:02d}",
            "target_no": number,
            "name_zh": name,
            "name_en": english_name(name),
            "indicator": None,  # set by _with_indicator
            "value": row.value,
            "value_upper": row.value_upper,
            "unit": row.unit,
            "value_base": None if row.value is None else row.value * factor,
            "unit_base": unit_base,
            "qualifier": row.qualifier,
            "qualifier_zh": row.qualifier_zh,
            "benchmark": row.benchmark,
            "direction": direction_of(name, row.qualifier, row.unit),
            "quote": text[row.start : row.end],
            "start": row.start,
            "end": row.end,
            "note": row.note,
        }
        for key, value in values.items():
            columns[key].append(value)
    return pl.DataFrame(columns, schema=_schema())


def _model() -> type[ExtractedTargetSchema]:
    from jinan_gov.schemas import ExtractedTargetSchema  # noqa: PLC0415

    return ExtractedTargetSchema


@cache
def _schema() -> pl.Schema:
    columns = _model().to_schema().columns
    return pl.Schema({name: column.dtype.type for name, column in columns.items()})


def extract_targets(text: str) -> DataFrame[ExtractedTargetSchema]:
    """Read the annual main targets of a plan or government work report.

    Parameters
    ----------
    text
        A whole report or plan, or just its target paragraph: raw PDF text
        (line breaks, justification spaces) or clean text, simplified or
        traditional characters, half- or full-width digits and punctuation.

    Returns
    -------
    DataFrame[ExtractedTargetSchema]
        One row per target clause, in text order; empty (with the schema's
        columns) when the text has no main-target paragraph. ``quote`` is
        ``extraction_text(text)[start:end]``.

    Raises
    ------
    TypeError
        ``text`` is not a ``str`` (``bytes`` must be decoded first).

    Examples
    --------
    >>> rows = extract_targets(
    ...     "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，"
    ...     "城镇调查失业率控制在5.5%以内，城乡居民人均可支配收入分别增长5%、6.5%左右。"
    ... )
    >>> rows.select("value", "unit", "qualifier").rows()
    [(5.0, '%', 'about'), (5.5, '%', 'at_most'), (5.0, '%', 'about'), (6.5, '%', 'about')]
    >>> rows["quote"][1]
    '城镇调查失业率控制在5.5%以内'
    >>> extract_targets("没有目标的文字").height
    0
    """
    normalised, breaks = _prepare(_check_text(text))
    paragraph = _find_paragraph(normalised, breaks)
    rows = [] if paragraph is None else paragraph.rows
    return _model().validate(_with_indicator(_frame(rows, normalised)))


def _with_indicator(frame: pl.DataFrame) -> pl.DataFrame:
    """Fill the ``indicator`` column with the key of each row's name (and unit)."""
    keys = [
        indicator_key(name, unit)
        for name, unit in zip(frame["name_zh"], frame["unit"], strict=True)
    ]
    return frame.with_columns(pl.Series("indicator", keys, dtype=pl.String))


def __dir__() -> list[str]:
    return list(__all__)


_ENCODINGS = ("utf-8-sig", "gb18030")


def decode_report(data: bytes | bytearray) -> str:
    """Decode a report saved as UTF-8 (with or without a byte-order mark) or GB18030.

    Parameters
    ----------
    data
        The bytes of a text file.

    Raises
    ------
    TypeError
        ``data`` is not ``bytes``.
    ValueError
        The bytes are neither valid UTF-8 nor valid GB18030.

    Examples
    --------
    >>> decode_report("主要预期目标".encode("gb18030"))
    '主要预期目标'
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"decode_report() expects bytes, got {type(data).__name__}")
    for encoding in _ENCODINGS:
        try:
            return bytes(data).decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("text is neither UTF-8 nor GB18030; save it in one of those encodings")


def read_report(path: str | os.PathLike[str]) -> str:
    """Read a report or plan from a UTF-8 or GB18030 text file.

    Raises
    ------
    FileNotFoundError
        No such file.
    ValueError
        The file is neither UTF-8 nor GB18030 text (the message names it).
    """
    source = Path(path)
    try:
        return decode_report(source.read_bytes())
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None


def read_extracted_targets(path: str | os.PathLike[str]) -> DataFrame[ExtractedTargetSchema]:
    """Read targets saved as CSV (``jinan-gov extract --csv``) and validate them.

    The CSV must have exactly the columns of
    :class:`~jinan_gov.schemas.ExtractedTargetSchema`, in order; empty cells are nulls.
    Use it to edit extracted targets by hand, then pass them to
    :func:`jinan_gov.assess` as ``targets=``.

    Raises
    ------
    FileNotFoundError
        No such file.
    ValueError
        The file is not such a CSV (wrong columns or types, or rows that break the schema).
    """
    source = Path(path)
    try:
        frame = pl.read_csv(source.read_bytes(), schema=_schema())
    except pl.exceptions.PolarsError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ValueError(f"{source}: not a CSV of extracted targets ({first})") from None
    import pandera.errors  # noqa: PLC0415 - imported with the model, on first validation

    try:
        return _model().validate(frame)
    except (pandera.errors.SchemaError, pandera.errors.SchemaErrors) as error:
        first = str(error).strip().splitlines()[0]
        raise ValueError(f"{source}: rows break the extracted-target schema ({first})") from None


_SAMPLES = ("anhui", "beijing", "gansu", "guangdong", "hunan", "jilin", "qinghai", "shanghai")


def sample_reports() -> dict[str, str]:
    """Target paragraphs of eight 2026 provincial government work reports, by slug.

    Each text is the report's title line (``# 2026年安徽省政府工作报告``), its province,
    year and publication date (``# 安徽省 2026 published 2026-02-11``), a blank line and
    the main-target paragraph as published (only that paragraph, not the whole report).
    They are what the extractor's accuracy was measured on.

    >>> reports = sample_reports()
    >>> list(reports)[:3], extract_targets(reports["hunan"]).height
    (['anhui', 'beijing', 'gansu'], 10)
    """
    return {slug: read_package_text(f"reports/{slug}.txt") for slug in _SAMPLES}
