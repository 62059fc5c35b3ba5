"""The bundled source documents: metadata, normalised text and quote verification.

Everything in the library is derived from one raw text, the extraction of the
Jinan municipal gazette 2023 No. 10, shipped verbatim. This module splits it
into its three documents, normalises each (see :mod:`jinan_gov.text.normalize`)
into paragraphs, and lets any table prove its rows by locating their quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from jinan_gov.errors import QuoteNotFoundError, UnknownDocumentError
from jinan_gov.schemas.tables import cached_frame, read_package_text, read_table
from jinan_gov.schemas.vocab import DOC_IDS
from jinan_gov.text.normalize import fold_text, normalize_lines, normalize_text, split_raw_lines

if TYPE_CHECKING:  # the models (and pandera) are imported on first validation
    from collections.abc import Iterable

    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import AppointmentSchema, DocumentSchema

__all__ = (
    "QuoteLocation",
    "appointments",
    "documents",
    "locate_quote",
    "quote_in_source",
    "raw_text",
    "source_text",
)

RAW_FILENAME = "gazette_2023_10_raw.txt"

_NUMERAL = "一二三四五六七八九十百"
# A raw line that is a paragraph on its own (document furniture).
_STANDALONE = (
    r"^(?:济南市人民政府"
    r"|济政[发字]\s*〔\d{4}〕\d+号"
    r"|各区县人民政府.*[::]"
    r"|\d{4}年\d{1,2}月\d{1,2}日"
    r"|[((]\d{4}年\d{1,2}月\d{1,2}日印发[))]"
    r"|济南市2023年国民经济和社会发展计划"
    r"|济南市人民政府工作规则"
    rf"|第[{_NUMERAL}]+章.*)$"
)
# A raw line that starts a new paragraph: headings, articles, numbered items, notices.
_STARTER = rf"^(?:[{_NUMERAL}]+、|[((][{_NUMERAL}]+[))]|第[{_NUMERAL}]+条\s|关于|《|根据)"
_ARTICLE_HEAD = rf"^(第[{_NUMERAL}]+[章条])"
# Part headings of the plan run straight into their first paragraph in the raw text.
_PLAN_PART_HEADINGS = (
    "一、2022年国民经济和社会发展计划执行情况",
    "二、2023年经济社会发展总体要求和主要目标",
    "三、2023年经济社会发展重点任务和政策措施",
)
# Where each document starts in the raw text: its title block.
_DOC_START = re.compile(r"^\s*济南市人民政府\s*$")


@dataclass(frozen=True, slots=True)
class QuoteLocation:
    """Where a quote stands in a document's normalised text.

    ``start``/``end`` are character offsets into :func:`source_text`;
    ``paragraph`` is the 1-based paragraph (line) number; ``occurrences``
    counts how often the quote appears in the document.
    """

    doc_id: str
    quote: str
    start: int
    end: int
    paragraph: int
    occurrences: int


def raw_text() -> str:
    """The gazette text exactly as extracted from the PDF (not normalised).

    >>> raw_text().splitlines()[0]
    ' 济南市人民政府'
    """
    return _raw_text()


@cache
def _raw_text() -> str:
    return read_package_text(RAW_FILENAME)


def _paragraphs(lines: list[str]) -> list[str]:
    """Group wrapped raw lines into paragraphs and normalise each one."""
    standalone_line, starter, article_head = (
        re.compile(pattern) for pattern in (_STANDALONE, _STARTER, _ARTICLE_HEAD)
    )
    groups: list[list[str]] = []
    previous_standalone = True
    for line in lines:
        stripped = line.strip()
        standalone = bool(standalone_line.match(stripped))
        if standalone or previous_standalone or starter.match(stripped) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
        previous_standalone = standalone
    paragraphs: list[str] = []
    for group in groups:
        text = normalize_lines(group)  # the lines are split_raw_lines' already
        # Headings and article labels are typeset with an ideographic space.
        head = article_head.match(group[0].strip())
        if head and len(text) > len(head.group(1)):
            text = head.group(1) + "\u3000" + text[len(head.group(1)) :]
        heading = next((h for h in _PLAN_PART_HEADINGS if text.startswith(h)), None)
        if heading and len(text) > len(heading):
            paragraphs.extend((heading, text[len(heading) :]))
        else:
            paragraphs.append(text)
    return paragraphs


@cache
def _document_texts() -> dict[str, str]:
    lines = split_raw_lines(_raw_text())
    starts = [
        index
        for index, line in enumerate(lines)
        if _DOC_START.match(line)
        and index + 1 < len(lines)
        and lines[index + 1].strip().startswith("关于")
    ]
    if len(starts) != len(DOC_IDS):
        raise RuntimeError(f"expected {len(DOC_IDS)} documents in the gazette, found {len(starts)}")
    bounds = [*starts, len(lines)]
    return {
        doc_id: "\n".join(_paragraphs(lines[bounds[i] : bounds[i + 1]]))
        for i, doc_id in enumerate(DOC_IDS)
    }


def _check_doc_id(doc_id: object) -> str:
    if not isinstance(doc_id, str) or doc_id not in DOC_IDS:
        raise UnknownDocumentError(doc_id, DOC_IDS)
    return doc_id


def source_text(doc_id: str) -> str:
    """The normalised text of one document, one paragraph per line.

    Parameters
    ----------
    doc_id
        One of ``"plan_2023"``, ``"work_rules_2023"``, ``"counsellors_2023"``.

    Raises
    ------
    UnknownDocumentError
        For any other id (a ``LookupError``); the message lists the valid ids.

    Examples
    --------
    >>> source_text("counsellors_2023").splitlines()[2]
    '济政字〔2023〕25号'
    >>> "第三十九条\\u3000" in source_text("work_rules_2023")
    True
    """
    return _document_texts()[_check_doc_id(doc_id)]


def _match_key(text: str) -> tuple[str, tuple[int, ...]]:
    """The folded text without whitespace, and each kept character's offset in ``text``.

    Matching on this key makes a quote independent of Unicode width forms,
    traditional characters, spaces and paragraph breaks, while the offsets
    still point into the original text.
    """
    folded = fold_text(text)
    if len(folded) == len(text):
        pairs: Iterable[tuple[str, int]] = zip(folded, range(len(text)), strict=True)
    else:  # a compatibility character folded to several (or none): fold one by one
        pairs = ((piece, i) for i, char in enumerate(text) for piece in fold_text(char))
    kept = [(char, offset) for char, offset in pairs if not char.isspace()]
    return "".join(char for char, _ in kept), tuple(offset for _, offset in kept)


@cache
def _document_key(doc_id: str) -> tuple[str, tuple[int, ...]]:
    return _match_key(source_text(doc_id))


def locate_quote(doc_id: str, quote: str) -> QuoteLocation:
    """Find a quote in a document; the quote is normalised and folded first.

    The quote gets the same normalisation as the source (so ASCII or
    full-width punctuation and stray spaces do not matter), and both are
    compared through :func:`jinan_gov.text.normalize.fold_text`: full-width
    letters and digits, traditional characters and line or paragraph breaks
    (as in a passage copied from :func:`source_text`) do not matter either.
    Nothing fuzzy beyond that: a quote that is not there raises.

    Parameters
    ----------
    doc_id
        One of ``"plan_2023"``, ``"work_rules_2023"``, ``"counsellors_2023"``.
    quote
        The text to find.

    Returns
    -------
    QuoteLocation
        ``quote`` is the passage as it stands in :func:`source_text` (which
        equals the normalised quote when the quote is verbatim), with its
        offsets, paragraph number and number of occurrences.

    Raises
    ------
    QuoteNotFoundError
        The quote is empty or not in the document.
    UnknownDocumentError
        ``doc_id`` is not a bundled document.
    TypeError
        ``quote`` is not a ``str``.

    Examples
    --------
    >>> loc = locate_quote("plan_2023", "全市实现地区生产总值12027.5亿元, 增长3.1%")
    >>> loc.quote, loc.occurrences
    ('全市实现地区生产总值12027.5亿元,增长3.1%', 1)
    >>> locate_quote("work_rules_2023", "會簽文件").quote
    '会签文件'
    """
    text = source_text(doc_id)
    if not isinstance(quote, str):
        raise TypeError(f"quote must be str, got {type(quote).__name__}")
    needle = _match_key(normalize_text(quote))[0]
    if not needle:
        raise QuoteNotFoundError(f"empty quote: nothing to locate in {doc_id!r}")
    key, offsets = _document_key(doc_id)
    found = key.find(needle)
    if found < 0:
        shown = normalize_text(quote)
        raise QuoteNotFoundError(f"quote not found verbatim in {doc_id!r}: {shown!r}")
    start = offsets[found]
    end = offsets[found + len(needle) - 1] + 1
    return QuoteLocation(
        doc_id=doc_id,
        quote=text[start:end],
        start=start,
        end=end,
        paragraph=text.count("\n", 0, start) + 1,
        occurrences=key.count(needle),
    )


def quote_in_source(doc_id: str, quote: str) -> bool:
    """Whether ``quote`` (normalised) occurs verbatim in the document.

    >>> quote_in_source("plan_2023", "新建高标准农田27.5万亩")
    True
    >>> quote_in_source("plan_2023", "新建高标准农田28万亩")
    False
    """
    try:
        locate_quote(doc_id, quote)
    except QuoteNotFoundError:
        return False
    return True


@cached_frame
def _documents() -> DataFrame[DocumentSchema]:
    from jinan_gov.schemas import DocumentSchema  # noqa: PLC0415

    return read_table("documents.csv", DocumentSchema)


def documents() -> DataFrame[DocumentSchema]:
    """The three documents of the gazette issue, one row each.

    >>> documents()["doc_no"].to_list()
    ['济政发〔2023〕4号', '济政发〔2023〕6号', '济政字〔2023〕25号']
    """
    return _documents()


@cached_frame
def _appointments() -> DataFrame[AppointmentSchema]:
    from jinan_gov.schemas import AppointmentSchema  # noqa: PLC0415

    return read_table("appointments.csv", AppointmentSchema)


def appointments() -> DataFrame[AppointmentSchema]:
    """Government counsellors (市政府参事) appointed by 济政字〔2023〕25号.

    >>> appointments()["name_zh"].to_list()
    ['辛全龙', '石万鹏', '张子信']
    """
    return _appointments()


def __dir__() -> list[str]:
    return list(__all__)
