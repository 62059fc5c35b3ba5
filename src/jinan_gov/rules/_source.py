"""The Work Rules' chapters and articles, split from the normalised source text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jinan_gov.schemas.vocab import RULES_ARTICLE_COUNT, RULES_CHAPTER_COUNT, RULES_DOC_ID
from jinan_gov.text.numerals import parse_chinese_numeral
from jinan_gov.text.sources import source_text

__all__ = ("Parsed", "parsed")

_NUM = "一二三四五六七八九十"
_CHAPTER_LINE = re.compile(rf"^第([{_NUM}]+)章\u3000(.+)$")
_ARTICLE_LINE = re.compile(rf"^第([{_NUM}]+)条\u3000")
_ISSUED_LINE = re.compile(r"^[((]\d{4}年\d{1,2}月\d{1,2}日印发[))]$")


@dataclass(frozen=True, slots=True)
class Parsed:
    """The Rules' body split into chapters and articles (all from the source)."""

    body: str
    chapters: tuple[tuple[int, str, int, int], ...]  # (no, title_zh, first, last)
    articles: tuple[tuple[int, int, str], ...]  # (no, chapter_no, text_zh)


@cache
def parsed() -> Parsed:
    lines = source_text(RULES_DOC_ID).splitlines()
    start = next(i for i, line in enumerate(lines) if _CHAPTER_LINE.match(line))
    end = next(i for i, line in enumerate(lines) if _ISSUED_LINE.match(line))
    heads: list[tuple[int, str, int]] = []  # (chapter_no, title_zh, first article)
    articles: list[tuple[int, int, list[str]]] = []  # (article_no, chapter_no, lines)
    for line in lines[start:end]:
        if head := _CHAPTER_LINE.match(line):
            heads.append((parse_chinese_numeral(head.group(1)), head.group(2), len(articles) + 1))
        elif head := _ARTICLE_LINE.match(line):
            number = parse_chinese_numeral(head.group(1))
            if number != len(articles) + 1:
                raise RuntimeError(f"Work Rules source: article {number} out of sequence")
            articles.append((number, heads[-1][0], [line]))
        elif articles:
            articles[-1][2].append(line)  # an enumerated item (一)… of the current article
        else:
            raise RuntimeError(f"Work Rules source: text before the first article: {line!r}")
    if [h[0] for h in heads] != list(range(1, RULES_CHAPTER_COUNT + 1)):
        raise RuntimeError("Work Rules source: expected chapters 1-13 in order")
    if len(articles) != RULES_ARTICLE_COUNT:
        raise RuntimeError(f"Work Rules source: expected 76 articles, found {len(articles)}")
    lasts = [first - 1 for _, _, first in heads[1:]] + [len(articles)]
    return Parsed(
        body="\n".join(lines[start:end]),
        chapters=tuple((n, t, f, last) for (n, t, f), last in zip(heads, lasts, strict=True)),
        articles=tuple((n, c, "\n".join(text)) for n, c, text in articles),
    )


def __dir__() -> list[str]:
    return list(__all__)
