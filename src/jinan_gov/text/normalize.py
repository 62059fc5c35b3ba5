"""Undo the PDF-extraction artefacts of the gazette text.

The gazette was extracted from a two-column PDF. The raw text breaks a line
every ~18 characters, pads justified lines with spaces *inside* words
(``高 标 准 农 田 27.5 万 亩``), puts spaces around quotation marks, repeats
the page header, leaves bare page numbers on their own lines and uses ASCII
punctuation (``,;:()?!``) where the printed text has full-width marks; the
normalised text keeps those ASCII marks, which is the NFKC form that
:func:`fold_text` gives for full-width input too. A figure can even be
split by a line break (``1.\\n\\n3万户以上`` is ``1.3万户以上``).

:func:`normalize_text` turns any such fragment into one clean line. It is
idempotent, so a quote can be normalised the same way as the source before it
is looked up, and it never drops a Chinese character except those of page
headers.

:func:`fold_text` is the comparison key for text typed or pasted by people:
it folds Unicode compatibility forms (full-width Latin letters and digits,
the ideographic space, full-width punctuation) with NFKC and converts
traditional characters to simplified ones, so ``會簽文件`` and ``会签文件``
compare equal. Apply it to both sides of a comparison.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from jinan_gov.errors import InvalidTextError

if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = (
    "clean_web_text",
    "fold_text",
    "is_cjk",
    "nfkc",
    "normalize_lines",
    "normalize_text",
    "require_text",
    "split_raw_lines",
)

_GAZETTE = r"济南市人民政府公报\s*[((]\d{4}年第\d+期[))]"
_HEADER_LINE = re.compile(rf"^\s*(?:市政府文件\s*{_GAZETTE}|{_GAZETTE}\s*市政府文件)\s*$")
# Once lines are joined and spaces folded, a header can only look like this.
_HEADER_INLINE = re.compile(
    r"市政府文件济南市人民政府公报[((]\d{4}年第\d+期[))]"
    r"|济南市人民政府公报[((]\d{4}年第\d+期[))]市政府文件"
)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")

# Angle brackets that stand for book-title marks 〈〉 beside Chinese text.
_ANGLE = {"<": "〈", ">": "〉"}


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK unified ideograph.

    >>> is_cjk("济"), is_cjk("A"), is_cjk("。")
    (True, False, False)
    """
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def split_raw_lines(text: str) -> list[str]:
    """Split raw text into non-empty lines, without page headers and page numbers.

    A line of one to three digits is a page number only when the nearest
    non-blank line before or after it is a page header; any other bare number
    is text and is kept.

    >>> split_raw_lines("产业\\n\\n8\\n\\n市政府文件  济南市人民政府公报 (2023年第10期)\\n\\n集群")
    ['产业', '集群']
    """
    lines = [line for line in text.splitlines() if line.strip()]
    is_header = [bool(_HEADER_LINE.match(line)) for line in lines]
    kept: list[str] = []
    for index, line in enumerate(lines):
        if is_header[index]:
            continue
        if _PAGE_NUMBER.match(line):
            before = index > 0 and is_header[index - 1]
            after = index + 1 < len(lines) and is_header[index + 1]
            if before or after:
                continue
        kept.append(line)
    return kept


def _join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no separator, except a space between two Latin words."""
    if not lines:
        return ""
    pieces = [lines[0].strip()]
    for line in lines[1:]:
        stripped = line.strip()
        left = pieces[-1][-1:] if pieces[-1] else ""
        right = stripped[:1]
        if _is_ascii_letter(left) and _is_ascii_letter(right):
            pieces.append(" ")
        pieces.append(stripped)
    return "".join(pieces)


_SPACES = re.compile("[ \t\u00a0]+")


def _fold_spaces(text: str) -> str:
    """Drop justification spaces; keep one space between two Latin letters/digits."""

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        left = text[start - 1] if start > 0 else ""
        right = text[end] if end < len(text) else ""
        if left.isdigit() and right.isdigit() and left.isascii() and right.isascii():
            return ""  # a justified PDF line spaces digits out: 1 2万人 is 12万人
        return " " if _is_ascii_alnum(left) and _is_ascii_alnum(right) else ""

    return _SPACES.sub(replace, text)


_ANGLE_BRACKET = re.compile("[<>]")


def _angle_brackets(text: str) -> str:
    """Turn ``<``/``>`` beside a Chinese character into 〈〉, looking only at the brackets."""

    def replace(match: re.Match[str]) -> str:
        char, index = match.group(), match.start()
        left = text[index - 1] if index > 0 else ""
        right = text[index + 1] if index + 1 < len(text) else ""
        return _ANGLE[char] if is_cjk(left) or is_cjk(right) else char

    return _ANGLE_BRACKET.sub(replace, text)


# A header ends in ) or ) (市政府文件 … (2023年第10期)) or in 件 (… (2023年第10期)市政府文件).
_HEADER_END = re.compile(rf"(?:{_HEADER_INLINE.pattern})\Z")
_HEADER_ENDS = frozenset(")）件")
_HEADER_WINDOW = 64  # characters of a header at most (an issue number of up to 30 digits)


def _drop_inline_headers(text: str) -> str:
    """Remove page headers, also those that removing another one brings together.

    One pass usually suffices; headers nested inside headers (``市政府文件…(市政府文件…(2023年
    第10期)2023年第10期)``) are removed in one linear scan, where repeating the substitution
    until nothing changes would take one pass per level of nesting.
    """
    once = _HEADER_INLINE.sub("", text)
    if once == text or _HEADER_INLINE.search(once) is None:
        return once
    kept: list[str] = []
    for char in once:
        kept.append(char)
        if char in _HEADER_ENDS:
            tail = "".join(kept[-_HEADER_WINDOW:])
            match = _HEADER_END.search(tail)
            if match:
                del kept[len(kept) - (len(tail) - match.start()) :]
    return "".join(kept)


def normalize_text(text: str) -> str:
    """Normalise a raw (or already normalised) fragment of the gazette to one clean line.

    Parameters
    ----------
    text
        Raw extracted text, possibly spanning several wrapped lines.

    Returns
    -------
    str
        The text on one line: wraps joined, page headers and page numbers
        removed, justification spaces dropped; punctuation stays as written
        (the gazette's ASCII marks). Applying it twice changes nothing.

    Examples
    --------
    >>> normalize_text("高 标 准 农 田 27.5 万 亩")
    '高标准农田27.5万亩'
    >>> normalize_text("发放租赁住房补贴1.\\n\\n3万户以上")
    '发放租赁住房补贴1.3万户以上'
    >>> normalize_text("蔚来\\n\\nNIO\\n \\n\\nHouse等商业品牌首店55家")
    '蔚来NIO House等商业品牌首店55家'
    >>> normalize_text("新旧动能转换 “五年取得突破”主要目标, 部门 (单位):")
    '新旧动能转换“五年取得突破”主要目标,部门(单位):'
    """
    return normalize_lines(split_raw_lines(require_text(text, "normalize_text")))


def normalize_lines(lines: list[str]) -> str:
    """:func:`normalize_text` of lines that :func:`split_raw_lines` already gave.

    >>> normalize_lines(["高 标 准 农", "田 27.5 万 亩"])
    '高标准农田27.5万亩'
    """
    joined = _join_lines(lines)
    return _drop_inline_headers(_angle_brackets(_fold_spaces(joined)))


_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# 稳(wěn)定: a pinyin annotation after a character, as some mirror sites insert them.
_PINYIN = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü{_TONES}]{{0,8}}[{_TONES}])[a-zü{_TONES}]{{1,8}}[)）]"
)
_BLOCK_TAG = re.compile(
    r"<(?:br|/?(?:p|div|h[1-6]|li|ul|ol|tr|table|section|article|header|footer))\b[^<>]{0,300}>",
    re.IGNORECASE,
)
# Only the tags pages use: "<y>" or "x<y>z" in a text is not markup.
_TAG = re.compile(
    r"</?(?:a|b|i|u|s|em|strong|span|font|sup|sub|small|big|mark|img|br|hr|p|div|h[1-6]|li|ul"
    r"|ol|tr|td|th|tbody|thead|table|section|article|header|footer|center|label|code|pre)"
    r"(?:\s[^<>]{0,300})?/?>|<!--[^<>]{0,300}-->",
    re.IGNORECASE,
)
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}
_ENTITY = re.compile("|".join(_ENTITIES))
# Doubled or stray punctuation of copied web text: ;; ,, 。, and a 。 inside a clause.
_PUNCTUATION_RUN = re.compile(r"[,;，；。][,;，；。]+")
_STRAY_STOP = re.compile(
    r"(?<=[\u4e00-\u9fff])。(?=控制在|保持在|稳定在|增长|下降|达到|不超过|不低于|提高|降低)"
)


def _one_mark(match: re.Match[str]) -> str:
    run = match.group()
    if len(set(run)) == 1:
        return run[0]
    return ";" if ";" in run or "；" in run or "。" in run else ","


def clean_web_text(text: str) -> str:
    """Remove the noise of text copied from web pages: tags, entities, pinyin, doubled marks.

    HTML block tags become line breaks and other tags disappear; ``&nbsp;`` and the
    like become their characters; a pinyin annotation after a character
    (``稳(wěn)定``) is dropped; a run of punctuation (``;;``, ``,,``, ``。,``) becomes
    one mark, and a ``。`` between a subject and its predicate (``涨幅。控制在``) goes.
    Text without such noise is returned unchanged.

    >>> clean_web_text("<p>稳(wěn)定在<b>5%</b>左右;;")
    '\\n稳定在5%左右;'
    """
    text = require_text(text, "clean_web_text")
    if "<" in text:
        text = _TAG.sub("", _BLOCK_TAG.sub("\n", text))
    if "&" in text:
        text = _ENTITY.sub(lambda match: _ENTITIES[match.group()], text)
    text = _PINYIN.sub("", text)
    text = _STRAY_STOP.sub("", text)
    return _PUNCTUATION_RUN.sub(_one_mark, text)


_MAX_FOLDS = 4


@cache
def _t2s() -> Callable[[str], str]:
    # Imported on first use: OpenCC loads its dictionaries when the converter is built.
    import opencc  # noqa: PLC0415

    converter = opencc.OpenCC("t2s")
    convert: Callable[[str], str] = converter.convert
    return convert


# Full-width ASCII forms and the ideographic space are nearly all that NFKC changes in
# Chinese text; NFKC over a whole CJK text costs about 8x more than folding those runs and
# checking that the rest is already normalised (benchmarks/bench_extract.py).
_FULL_WIDTH_RUN = re.compile("[\uff01-\uff5e\u3000]+")


def _nfkc_run(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster on Chinese text.

    >>> nfkc("ｅｘｅｃｕｔｉｖｅ　２０２３年，好")
    'executive 2023年,好'
    """
    folded = _FULL_WIDTH_RUN.sub(_nfkc_run, text)
    if unicodedata.is_normalized("NFKC", folded):
        return folded
    return unicodedata.normalize("NFKC", folded)


def fold_text(text: str) -> str:
    """Fold text to the key used to compare what people type with the source.

    Three foldings, in this order:

    1. Unicode NFKC: full-width Latin letters and digits become ASCII
       (``ｅｘｅｃｕｔｉｖｅ`` → ``executive``, ``２０２３`` → ``2023``),
       full-width punctuation becomes ASCII (``，`` → ``,``), the ideographic
       space becomes a space, half-width katakana become full-width;
    2. traditional Chinese characters become simplified ones (OpenCC ``t2s``,
       loaded on first use);
    3. nothing else: case, spaces and line breaks are kept, so the result of
       a text that is already simplified and ASCII is the text itself.

    Folding is idempotent and, for the bundled documents, keeps the length of
    the text, so offsets in the folded text are offsets in the original.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        The folded text.

    Raises
    ------
    TypeError
        ``text`` is not a ``str``.

    Examples
    --------
    >>> fold_text("會簽文件")
    '会签文件'
    >>> fold_text("ｅｘｅｃｕｔｉｖｅ　２０２３年")
    'executive 2023年'
    >>> fold_text("主要目标，部门（单位）：")
    '主要目标,部门(单位):'
    """
    folded = nfkc(require_text(text, "fold_text"))
    if folded.isascii():
        return folded
    convert = _t2s()
    # OpenCC maps a few variants in two steps (薴 → 苧 → 苎): repeat until nothing changes.
    for _ in range(_MAX_FOLDS):
        again = convert(folded)
        if again == folded:
            break
        folded = again
    return folded


def _refuse_surrogates(text: str, function: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidTextError(
            f"{function}() got text with a lone surrogate {text[error.start]!r} at position "
            f"{error.start}, which is not valid Unicode: decode the source with "
            "errors='replace' (or fix its encoding) first"
        ) from None


def require_text(text: object, function: str) -> str:
    """``text`` if it is a ``str`` of valid Unicode; else a one-line ``TypeError`` naming
    ``function`` (for bytes, saying how to decode them first), or an
    :class:`~jinan_gov.errors.InvalidTextError` for a lone surrogate (``"\\ud800"``, as
    ``errors="surrogateescape"`` leaves for undecodable bytes).

    >>> require_text(b"x", "extract_targets")
    Traceback (most recent call last):
    ...
    TypeError: extract_targets() expects str, got bytes: decode it first, e.g. data.decode('utf-8') or data.decode('gb18030')
    """  # noqa: E501
    if isinstance(text, str):
        if not text.isascii():
            _refuse_surrogates(text, function)
        return text
    got = type(text).__name__
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            f"{function}() expects str, got {got}: decode it first, "
            "e.g. data.decode('utf-8') or data.decode('gb18030')"
        )
    raise TypeError(f"{function}() expects str, got {got}")


def __dir__() -> list[str]:
    return list(__all__)
