"""One article of the Work Rules as an object, looked up by number in any usual spelling."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import SupportsIndex

from jinan_gov.errors import ArticleNotFoundError, brief
from jinan_gov.schemas.vocab import RULES_ARTICLE_COUNT
from jinan_gov.text.numerals import parse_chinese_numeral

__all__ = ("Article", "article")

_VALID = f"the Work Rules have articles 1-{RULES_ARTICLE_COUNT}"


@dataclass(frozen=True, slots=True, repr=False)
class Article:
    """One article of the Work Rules, as returned by :func:`article`.

    ``text`` is the Chinese text verbatim from the normalised source, label
    included, paragraphs (enumerated items) separated by ``"\\n"``. It shows
    itself as a short line (``repr``) and, in a notebook, as a card with the
    chapter, the English title and summary and the Chinese text.

    Examples
    --------
    >>> article(26)
    <Article 26 第二十六条 · chapter 5 依法行政 (Law-based administration) · Leaders studying law together>
    """  # noqa: E501

    number: int
    label_zh: str
    chapter_no: int
    chapter_title_zh: str
    chapter_title_en: str
    title_en: str
    summary_en: str
    text: str
    doc_id: str

    def __repr__(self) -> str:
        return (
            f"<Article {self.number} {self.label_zh} · chapter {self.chapter_no} "
            f"{self.chapter_title_zh} ({self.chapter_title_en}) · {self.title_en}>"
        )

    def _heading(self) -> tuple[str, str]:
        return (
            f"{self.label_zh} · article {self.number}",
            f"chapter {self.chapter_no} {self.chapter_title_zh} ({self.chapter_title_en})",
        )

    def _repr_markdown_(self) -> str:
        label, chapter = (_markdown_escape(part) for part in self._heading())
        quoted = "\n>\n".join(f"> {_markdown_escape(line)}" for line in self.text.split("\n"))
        return (
            f"**{label}** · {chapter}\n\n**{_markdown_escape(self.title_en)}**. "
            f"{_markdown_escape(self.summary_en)}\n\n{quoted}\n"
        )

    def _repr_html_(self) -> str:
        from html import escape  # noqa: PLC0415 - only notebooks need it

        label, chapter = (escape(part) for part in self._heading())
        paragraphs = "".join(f'<p lang="zh">{escape(line)}</p>' for line in self.text.split("\n"))
        return (
            f'<div class="jinan-gov-article"><p><strong>{label}</strong> · {chapter}</p>'
            f"<p><strong>{escape(self.title_en)}</strong>. {escape(self.summary_en)}</p>"
            f"<blockquote>{paragraphs}</blockquote></div>"
        )


def _markdown_escape(text: str) -> str:
    """Backslash-escape the characters Markdown would read as markup (and raw HTML)."""
    return re.sub(r"([\\`*_{}\[\]<>#+!|~])", r"\\\1", text)


def _article_number(ref: object) -> int:
    """Turn 39, "39", "第三十九条", "三十九" (…) into 39; raise for anything else."""
    if isinstance(ref, bool) or not isinstance(ref, str | SupportsIndex):
        raise TypeError(
            f"article() expects an int or a str such as 39, '39' or '第三十九条', "
            f"got {type(ref).__name__} {brief(ref)}; {_VALID}"
        )
    if isinstance(ref, str):
        text = ref.strip()
        if text.startswith("第") and text.endswith("条"):
            text = text[1:-1].strip()
        if text.isdecimal():
            # More digits than any article number has: no int() of an arbitrarily long string.
            digits = text.lstrip("0")
            number = int(digits or "0") if len(digits) <= 3 else 0
        else:
            try:
                number = parse_chinese_numeral(text)
            except ValueError:
                raise ArticleNotFoundError(
                    f"no article {brief(ref)}: give an article number such as 39, '39', "
                    f"'第三十九条' or '三十九'; {_VALID}"
                ) from None
    else:
        number = operator.index(ref)
    if not 1 <= number <= RULES_ARTICLE_COUNT:
        raise ArticleNotFoundError(f"no article {brief(ref)}: {_VALID}")
    return number


def article(ref: int | str) -> Article:
    """One article, looked up by number in any of the usual spellings.

    Parameters
    ----------
    ref
        The article number as an ``int`` (``39``), a decimal string (``"39"``,
        surrounding spaces ignored), the printed label (``"第三十九条"``) or a
        bare Chinese numeral (``"三十九"``).

    Returns
    -------
    Article

    Raises
    ------
    ArticleNotFoundError
        ``ref`` is outside 1-76 or a string that names no article (a
        ``LookupError``; the message gives the valid range).
    TypeError
        ``ref`` is neither an ``int`` nor a ``str``; ``bool`` and ``float``
        are refused rather than silently truncated.

    Examples
    --------
    >>> a = article("第三十九条")
    >>> a.number, a.chapter_title_zh, a.chapter_title_en
    (39, '会议制度', 'Meetings')
    >>> article(39) == article("39") == article(" 39 ") == article("三十九")
    True
    >>> article(77)
    Traceback (most recent call last):
    ...
    jinan_gov.errors.ArticleNotFoundError: no article 77: the Work Rules have articles 1-76
    """
    from jinan_gov.rules import articles  # noqa: PLC0415 - the package imports this module

    number = _article_number(ref)
    row = articles().row(number - 1, named=True)
    return Article(
        number=row["article_no"],
        label_zh=row["label_zh"],
        chapter_no=row["chapter_no"],
        chapter_title_zh=row["chapter_title_zh"],
        chapter_title_en=row["chapter_title_en"],
        title_en=row["title_en"],
        summary_en=row["summary_en"],
        text=row["text_zh"],
        doc_id=row["doc_id"],
    )


def __dir__() -> list[str]:
    return list(__all__)
