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
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from jinan_gov.errors import InvalidTargetsError
from jinan_gov.extract._clause_grammar import Row
from jinan_gov.extract._indicator_names import direction_of, english_name
from jinan_gov.extract._indicators import INDICATORS, Indicator, indicator_key
from jinan_gov.extract._outcomes import extract_outcomes
from jinan_gov.extract._panel import extract_many, target_vs_outcome
from jinan_gov.extract._paragraph import find_paragraph
from jinan_gov.schemas.tables import read_package_text
from jinan_gov.schemas.validation import validate
from jinan_gov.text.normalize import clean_web_text, fold_text, normalize_text, require_text
from jinan_gov.text.numerals import base_unit
from jinan_gov.text.user_files import read_user_bytes, to_utf8

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

_MARK = "\ue000"
_LINE_END = re.compile(r"([。!?])([ \t\r]*)$", re.MULTILINE)
_MARK_LINE_END = rf"\1{_MARK}\2"
_PARAGRAPH_LINE = 60  # lines this long are paragraphs, not PDF wraps


def _check_text(text: object) -> str:
    return require_text(text, "extract_targets")  # also refuses lone surrogates


def extraction_text(text: str) -> str:
    """The normalised text that the quotes and offsets of :func:`extract_targets` index.

    It is ``normalize_text(clean_web_text(fold_text(text)))``: full-width forms and
    traditional characters folded, web noise (HTML tags, pinyin annotations, doubled
    punctuation) removed, PDF artefacts undone, one line. Like
    :func:`extract_targets` it refuses anything but a ``str``.

    >>> extraction_text("地區生產總值增長５％左右")
    '地区生产总值增长5%左右'
    """
    return normalize_text(_folded(_check_text(text)))


def _is_clean(text: str) -> bool:
    """Whether lines are paragraphs (web text) rather than PDF wraps every ~20 characters."""
    lengths = [len(line.strip()) for line in text.splitlines()]
    total = sum(lengths)
    return total > 0 and sum(n for n in lengths if n >= _PARAGRAPH_LINE) * 2 >= total


# Circled list numbers (① ❶) would fold to bare digits (1地区…): make them 1、 first.
_CIRCLED = re.compile("[\u2460-\u2473\u2776-\u277f]")


def _list_number(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"{code - (0x2775 if code >= 0x2776 else 0x245F)}、"


def _folded(text: str) -> str:
    """The text folded and cleaned of web noise, before normalisation."""
    return clean_web_text(fold_text(_CIRCLED.sub(_list_number, text)))


def _prepare(text: str) -> tuple[str, frozenset[int]]:
    """The normalised text and, for clean text, where its paragraphs start.

    A private-use mark put after each line that ends a sentence survives normalisation
    and is removed afterwards; the text is the same as :func:`extraction_text` gives.
    """
    folded = _folded(text)
    if _MARK in folded or not _is_clean(folded):
        return normalize_text(folded), frozenset()
    pieces = normalize_text(_LINE_END.sub(_MARK_LINE_END, folded)).split(_MARK)
    breaks: list[int] = []
    offset = 0
    for piece in pieces[:-1]:
        offset += len(piece)
        breaks.append(offset)
    return "".join(pieces), frozenset(breaks)


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
            "direction": direction_of(name, row.qualifier, row.unit, row.qualifier_zh),
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
    return validate(_model(), _target_rows(text))


def _target_rows(text: str) -> pl.DataFrame:
    """The frame of :func:`extract_targets`, not yet validated (a panel validates once)."""
    normalised, breaks = _prepare(_check_text(text))
    paragraph = find_paragraph(normalised, breaks)
    rows = [] if paragraph is None else paragraph.rows
    return _with_indicator(_frame(rows, normalised))


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
    :class:`~jinan_gov.schemas.ExtractedTargetSchema`, in order; empty cells are nulls. It
    is read like a CSV of actuals (:mod:`jinan_gov.text.user_files`): UTF-8 with or without
    a BOM, UTF-16 with a BOM, or GB18030/GBK as Chinese Excel saves it.
    Use it to edit extracted targets by hand, then pass them to
    :func:`jinan_gov.assess` as ``targets=``.

    Raises
    ------
    FileNotFoundError
        No such file.
    InvalidTargetsError
        A ``ValueError``: the file is not such a CSV (an encoding it cannot read, wrong
        columns or types, or rows that break the schema).
    """
    source = Path(path)
    if not source.expanduser().exists():
        raise FileNotFoundError(f"no such targets file: {source}")
    raw, name = read_user_bytes(source, "targets", InvalidTargetsError)
    try:
        frame = pl.read_csv(to_utf8(raw, name, InvalidTargetsError), schema=_schema())
    except pl.exceptions.PolarsError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InvalidTargetsError(f"{source}: not a CSV of extracted targets ({first})") from None
    import pandera.errors  # noqa: PLC0415 - imported with the model, on first validation

    try:
        return _model().validate(frame)
    except (pandera.errors.SchemaError, pandera.errors.SchemaErrors) as error:
        first = str(error).strip().splitlines()[0]
        raise InvalidTargetsError(
            f"{source}: rows break the extracted-target schema ({first})"
        ) from None


_SAMPLES = ("anhui", "beijing", "gansu", "guangdong", "hunan", "jilin", "qinghai", "shanghai")


def sample_reports() -> dict[str, str]:
    """Target paragraphs of eight 2026 provincial government work reports, by slug.

    Each text is the report's title line (``# 2026年安徽省政府工作报告``), its province,
    year and publication date (``# 安徽省 2026 published 2026-02-11``), a blank line and
    the main-target paragraph as published (only that paragraph, not the whole report).
    They are what the extractor's accuracy was measured on.

    >>> reports = sample_reports()
    >>> list(reports)[:3], extract_targets(reports["hunan"]).height
    (['anhui', 'beijing', 'gansu'], 11)
    """
    return {slug: read_package_text(f"reports/{slug}.txt") for slug in _SAMPLES}
