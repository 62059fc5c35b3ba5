"""The ranking machinery shared by every search of the package: one index, one analyser.

An :class:`Index` ranks a fixed list of documents for a free-text query in
Chinese or English with Okapi BM25 over several weighted fields. Each field
is in one language:

- Chinese fields are indexed on character unigrams and bigrams and digit runs
  (no segmenter: the documents are short, and bigrams match every word of two
  or more characters without a dictionary);
- English fields on lower-cased words without stop words, stemmed with the
  Snowball (Porter 2) English stemmer.

The query is folded (NFKC, traditional → simplified, lower case) and then
*expanded* with a curated bilingual glossary of government terms
(``data/search_glossary.csv``): each row is a group of equivalent terms, the
term of art, its colloquial wordings and its English renderings
(``会签 | 一起签字 | countersign | co-sign``). When the query contains any term
of a group, the whole group becomes one extra query concept whose score in a
document is the best score of any of its terms there. The glossary is about
words, never about articles: the same row serves every document of every index.

A word of the query that belongs to several groups (``check``: review,
inspection, vetting) shares its weight equally among them, so an ambiguous
word counts once, not once for each of its meanings.

Scores are then scaled by the square root of the share of the query's words a
document matches, directly or through the glossary (a coordination factor), so
that one rare word cannot outrank a document that answers the whole query.

Every hit explains itself: the query's own words found in the document and the
glossary terms that matched, as ``"会签 ← co-sign"``.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal

from jinan_gov.text.normalize import fold_text

__all__ = ("QUERY_CHARS", "Field", "Hit", "Index", "Query", "fold", "tokens_en", "tokens_zh")

Lang = Literal["zh", "en"]

#: A query is analysed up to this many characters; the rest is ignored (time stays bounded).
QUERY_CHARS = 1000
K1 = 1.2
B = 0.75
#: Weight of a glossary concept relative to one of the query's own words.
EXPANSION_WEIGHT = 0.6
#: A glossary group scores its best term in one language plus this share of its best
#: term in the other: an article whose English and Chinese text both carry the concept
#: is better evidence than one that has it in one language only.
SECOND_LANGUAGE_WEIGHT = 0.5
#: Weight of a Chinese single character relative to a bigram.
UNIGRAM_WEIGHT = 0.3
#: Scores are scaled by (share of the query's words a document matches) ** COORD_POWER,
#: computed for the COORD_DEPTH best documents.
COORD_POWER = 0.5
COORD_DEPTH = 20

_EN_STOP_WORDS = (
    "a an the of to in on for and or is are be been was were do does did what who whom whose "
    "which how when where why must should can could may might will would shall by with from at "
    "as it its that this these those there their they them he she his her i we you me my our "
    "your if not no any some than then so such into about after before over under up out has "
    "have had get gets got does anyone someone something there s t "
    # Everyday question words that say nothing about which rule is meant.
    "give gives given go goes going kind kinds sort thing things happen "
    "happens need needs want wants allowed let lets way ways also just really actually "
    "anybody anything everyone everything whether yes one"
)
_EN_STOP = frozenset(_EN_STOP_WORDS.split())
# Glossary phrases are matched in the query on every word but these, so that the particle of
# a phrasal verb counts: "make up" and "take over" are not "make" and "take".
_EN_PHRASE_SKIP_WORDS = "a an the his her its their my your our s t"
_EN_PHRASE_SKIP = frozenset(_EN_PHRASE_SKIP_WORDS.split())
_WORD_EN = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")
_RUN_ZH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+|\d+(?:\.\d+)?")
# Question and filler words: they carry no content but are rare in formal text, so their
# characters would get a high idf.
_ZH_FILLER = re.compile(
    r"多久|多长时间|多少|什么|哪些|哪个|哪|谁|如何|怎么办|怎么样|怎么|怎样|咋|是否|能否|能不能|"
    r"要不要|有没有|是不是|可不可以|可以|必须|应当|应该|吗|呢|吧|啊|呀|啥|几|请问|一下"
)

# Function characters trimmed from the ends of a matched stretch shown to the user (的文件 → 文件).
_FUNCTION_CHARS = "的了和与及或也都之"


def _is_cjk(text: str) -> bool:
    return "\u3400" <= text[0] <= "\u9fff"


def fold(text: str) -> str:
    """Fold what a user types to the form the index uses: NFKC, simplified, lower case."""
    return fold_text(text).lower()


@cache
def _stemmer() -> Callable[[str], str]:
    import Stemmer  # type: ignore[import-not-found]  # noqa: PLC0415  (PyStemmer, C Snowball)

    stem: Callable[[str], str] = Stemmer.Stemmer("english").stemWord
    return stem


@cache
def _stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of a lower-case word."""
    return _stemmer()(word)


def words_en(text: str) -> list[str]:
    """The content words of folded text, unstemmed (``"co-sign"`` gives ``co``, ``sign``)."""
    return [w for w in _WORD_EN.findall(text.replace("'s", "")) if w not in _EN_STOP]


def phrase_en(text: str) -> list[str]:
    """Every stemmed word of folded text but articles and possessives: how phrases match."""
    words = _WORD_EN.findall(text.replace("'s", ""))
    return [_stem(w) for w in words if w not in _EN_PHRASE_SKIP]


def tokens_en(text: str) -> list[str]:
    """Stemmed content words of folded text."""
    return [_stem(w) for w in words_en(text)]


def tokens_zh(text: str, *, unigrams: bool = True) -> list[str]:
    """Character bigrams (and unigrams) of every CJK run of folded text, plus digit runs."""
    tokens: list[str] = []
    for run in _RUN_ZH.findall(text):
        if not "\u3400" <= run[0] <= "\u9fff":
            tokens.append(run)
            continue
        if unigrams or len(run) == 1:
            tokens.extend(run)
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


@cache
def _key(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """English stems and Chinese bigrams of a short text: what it matches in an index."""
    return tuple(tokens_en(text)), tuple(tokens_zh(text, unigrams=False))


def _tokens(lang: Lang, text: str, *, unigrams: bool = True) -> list[str]:
    return tokens_zh(text, unigrams=unigrams) if lang == "zh" else tokens_en(text)


# --- The glossary ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Term:
    """One term of a glossary group: its text, language and index tokens."""

    text: str
    lang: Lang
    tokens: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Glossary:
    """Groups of equivalent terms and the lookup tables to find them in a query."""

    groups: tuple[tuple[_Term, ...], ...]
    # first two characters -> ((Chinese term, group, its bigrams), ...)
    zh: Mapping[str, tuple[tuple[str, int, tuple[str, ...]], ...]]
    en: Mapping[
        str, tuple[tuple[tuple[str, ...], str, int], ...]
    ]  # first stem -> (stems, text, group)
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], str, int], ...]]

    def find(self, folded: str) -> list[tuple[int, str, frozenset[str]]]:
        """The groups whose terms occur in the query: (group, query words, query tokens covered).

        ``folded`` is the folded query. An English term of several words that stop words
        reduce to one (``make up``, ``take over``, ``check with``) matches only as the
        whole phrase, particle included, never on its one generic verb. Matches are taken
        longest first (in characters of the query) and may not overlap a longer match, so
        ``government regulations`` hides ``regulations``, ``can't agree`` hides ``agree``
        and ``市长办公会`` hides ``市长``.
        """
        found: list[tuple[int, int, int, str, tuple[str, ...]]] = []
        for start in range(len(folded) - 1):
            for term, group, covered in self.zh.get(folded[start : start + 2], ()):
                if folded.startswith(term, start):
                    found.append((start, start + len(term), group, term, covered))
        # The "s" of a possessive is one of the skipped words, so positions index ``folded``.
        every = [
            (m.group(), m.start(), m.end())
            for m in _WORD_EN.finditer(folded)
            if m.group() not in _EN_PHRASE_SKIP
        ]
        offset = len(folded) + 1  # English positions after the Chinese ones: no overlap
        content = [word for word in every if word[0] not in _EN_STOP]
        for words, table, is_phrase in ((content, self.en, False), (every, self.phrases, True)):
            stems = [_stem(w) for w, _, _ in words]
            for i, stem in enumerate(stems):
                for sequence, _, group in table.get(stem, ()):
                    if tuple(stems[i : i + len(sequence)]) != sequence:
                        continue
                    span = words[i : i + len(sequence)]
                    covered = (
                        tuple(_stem(w) for w, _, _ in span if w not in _EN_STOP)
                        if is_phrase
                        else sequence
                    )
                    start, end = span[0][1], span[-1][2]
                    found.append((offset + start, offset + end, group, folded[start:end], covered))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken: list[tuple[int, int]] = []
        groups: dict[int, tuple[str, set[str]]] = {}
        for start, end, group, term_text, covered in found:
            if any(a < end and start < b and (a, b) != (start, end) for a, b in taken):
                continue
            taken.append((start, end))
            groups.setdefault(group, (term_text, set()))[1].update(covered)
        return [(g, t, frozenset(units)) for g, (t, units) in sorted(groups.items())]


@cache
def glossary() -> Glossary:
    """The bilingual glossary shipped in ``data/search_glossary.csv``, parsed once."""
    text = files("jinan_gov.data").joinpath("search_glossary.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    if lines[0] != "terms_zh,terms_en":
        raise RuntimeError(f"search_glossary.csv: unexpected header {lines[0]!r}")
    groups: list[tuple[_Term, ...]] = []
    for number, line in enumerate(lines[1:], start=2):
        terms_zh, _, terms_en = line.partition(",")
        terms = [
            _Term(t, "zh", tuple(tokens_zh(t, unigrams=False))) for t in terms_zh.split("|") if t
        ]
        terms += [_Term(t, "en", tuple(tokens_en(t))) for t in terms_en.split("|") if t]
        bad = [t.text for t in terms if not t.tokens or (t.lang == "zh" and len(t.text) < 2)]
        if bad or len(terms) < 2:
            raise RuntimeError(f"search_glossary.csv line {number}: unusable terms {bad or line!r}")
        groups.append(tuple(terms))
    zh: dict[str, list[tuple[str, int, tuple[str, ...]]]] = defaultdict(list)
    for g, group in enumerate(groups):
        for t in group:
            if t.lang == "zh":
                zh[t.text[:2]].append((t.text, g, t.tokens))
    en: dict[str, list[tuple[tuple[str, ...], str, int]]] = defaultdict(list)
    phrases: dict[str, list[tuple[tuple[str, ...], str, int]]] = defaultdict(list)
    for g, group_terms in enumerate(groups):
        for t in group_terms:
            if t.lang != "en":
                continue
            phrase = tuple(phrase_en(t.text))
            if len(t.tokens) == 1 and len(phrase) > 1:
                phrases[phrase[0]].append((phrase, t.text, g))
            else:
                en[t.tokens[0]].append((t.tokens, t.text, g))
    return Glossary(
        tuple(groups),
        {k: tuple(v) for k, v in zh.items()},
        {k: tuple(v) for k, v in en.items()},
        {k: tuple(v) for k, v in phrases.items()},
    )


# --- BM25 over weighted fields ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Field:
    """A text field of the documents: its language, its weight and one text per document."""

    lang: Lang
    texts: Sequence[str]
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class _Postings:
    """BM25 contributions of every token of one language: token -> ((doc, score), ...)."""

    table: Mapping[str, tuple[tuple[int, float], ...]]
    present: tuple[frozenset[str], ...]  # the tokens of each document


def _bm25(fields: Sequence[Field], n_docs: int, lang: Lang) -> _Postings:
    contributions: dict[str, dict[int, float]] = defaultdict(dict)
    present: list[set[str]] = [set() for _ in range(n_docs)]
    for field in (f for f in fields if f.lang == lang):
        docs = [_tokens(lang, fold(text)) for text in field.texts]
        average = max(sum(len(d) for d in docs) / n_docs, 1.0)
        frequencies: dict[str, int] = Counter(t for d in docs for t in set(d))
        for index, doc in enumerate(docs):
            norm = K1 * (1 - B + B * len(doc) / average)
            present[index].update(doc)
            for token, tf in Counter(doc).items():
                df = frequencies[token]
                idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
                weight = UNIGRAM_WEIGHT if lang == "zh" and len(token) == 1 else 1.0
                part = field.weight * weight * idf * tf * (K1 + 1) / (tf + norm)
                cell = contributions[token]
                cell[index] = cell.get(index, 0.0) + part
    return _Postings(
        {t: tuple(sorted(c.items())) for t, c in contributions.items()},
        tuple(frozenset(p) for p in present),
    )


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked document: its position in the index, score and the terms that matched."""

    doc: int
    score: float
    matched: tuple[str, ...]
    tokens_zh: frozenset[str]  # Chinese tokens of the query and its expansions found in the doc


@dataclass(frozen=True, slots=True)
class _Concept:
    """A glossary group scored on every document: best term per document and its score."""

    scores: Mapping[int, tuple[float, str]]


@dataclass(frozen=True, slots=True)
class Query:
    """A query analysed once for any index: folded, its own tokens and its glossary groups."""

    folded: str
    content: str  # the folded query without Chinese question and filler words
    own: Mapping[Lang, list[str]]
    found: tuple[tuple[int, str, frozenset[str]], ...]  # (group, query words, tokens covered)

    @classmethod
    def of(cls, query: str) -> Query:
        folded = fold(query[:QUERY_CHARS])
        content = _ZH_FILLER.sub(" ", folded)
        own: dict[Lang, list[str]] = {"zh": tokens_zh(content), "en": tokens_en(folded)}
        return cls(folded, content, own, tuple(glossary().find(folded)))


class Index:
    """BM25 over weighted Chinese and English fields, with glossary expansion of the query.

    Parameters
    ----------
    fields
        The documents' fields; every field has one text per document.
    """

    def __init__(self, fields: Sequence[Field]) -> None:
        sizes = {len(f.texts) for f in fields}
        if len(sizes) != 1:
            raise ValueError(f"every field needs one text per document, got sizes {sizes}")
        self.size = sizes.pop()
        self._postings = {lang: _bm25(fields, self.size, lang) for lang in ("zh", "en")}
        self._glossary = glossary()
        self._concepts: dict[int, _Concept] = {}
        self._idf: dict[tuple[Lang, str], float] = {}

    def _concept(self, group: int) -> _Concept:
        """Score a glossary group on every document (cached: the index never changes).

        A term scores the mean BM25 contribution of its tokens (a term is one word,
        however many bigrams it has); the group scores its best term in one language
        plus :data:`SECOND_LANGUAGE_WEIGHT` times its best term in the other. The term
        shown to the user is the best one that occurs whole in the document.
        """
        if (done := self._concepts.get(group)) is not None:
            return done
        best: dict[tuple[Lang, int], float] = {}
        shown: dict[int, tuple[float, str]] = {}
        for term in self._glossary.groups[group]:
            postings = self._postings[term.lang]
            scores: dict[int, float] = defaultdict(float)
            for token in term.tokens:
                for doc, part in postings.table.get(token, ()):
                    scores[doc] += part / len(term.tokens)
            for doc, score in scores.items():
                best[term.lang, doc] = max(best.get((term.lang, doc), 0.0), score)
                whole = all(t in postings.present[doc] for t in term.tokens)
                if whole and score > shown.get(doc, (0.0, ""))[0]:
                    shown[doc] = (score, term.text)
        combined: dict[int, float] = {}
        for doc in {d for _, d in best}:
            pair = sorted((best.get(("zh", doc), 0.0), best.get(("en", doc), 0.0)))
            combined[doc] = pair[1] + SECOND_LANGUAGE_WEIGHT * pair[0]
        concept = _Concept({d: (s, shown.get(d, (0.0, ""))[1]) for d, s in combined.items()})
        self._concepts[group] = concept
        return concept

    def idf(self, lang: Lang, token: str) -> float:
        """Inverse document frequency of a token (0 for a token no document has)."""
        if (known := self._idf.get((lang, token))) is not None:
            return known
        df = len(self._postings[lang].table.get(token, ()))
        idf = math.log(1 + (self.size - df + 0.5) / (df + 0.5)) if df else 0.0
        self._idf[lang, token] = idf
        return idf

    def search(self, query: str | Query, limit: int) -> list[Hit]:
        """The ``limit`` best documents for ``query``, best first; only documents scoring > 0."""
        analysed = query if isinstance(query, Query) else Query.of(query)
        return [self.explain(analysed, doc, score) for score, doc in self.rank(analysed, limit)]

    def rank(self, query: Query, depth: int) -> list[tuple[float, int]]:
        """(score, document) of the ``depth`` best documents, best first, unexplained."""
        scores: dict[int, float] = defaultdict(float)  # only the documents a term reaches
        for lang, tokens in query.own.items():
            table = self._postings[lang].table
            for token in set(tokens):
                for doc, part in table.get(token, ()):
                    scores[doc] += part
        # An ambiguous word (``check``: review, inspection, vetting) shares its weight
        # among the groups it reaches instead of counting once for each.
        sharing = Counter(words for _, words, _ in query.found)
        for group, words, _ in query.found:
            weight = EXPANSION_WEIGHT / sharing[words]
            for doc, (score, _) in self._concept(group).scores.items():
                scores[doc] += weight * score
        best = heapq.nsmallest(
            max(depth, COORD_DEPTH), ((-s, d) for d, s in scores.items() if s > 0)
        )
        ranked = [(-negative, doc) for negative, doc in best]
        if COORD_POWER and ranked:
            ranked = self._coordinate(ranked, query)
        return ranked[:depth]

    def _coordinate(self, ranked: list[tuple[float, int]], query: Query) -> list[tuple[float, int]]:
        """Scale each score by the share of the query's words the document matches.

        A query word is one English stem or one Chinese bigram (or digit run); it is
        matched when the document has it or has a glossary term of a group that the
        word is part of. A document that matches every word keeps its score.
        """
        units = {
            lang: {t for t in tokens if lang == "en" or len(t) > 1 or not _is_cjk(t)}
            for lang, tokens in query.own.items()
        }
        total = len(units["zh"]) + len(units["en"])
        if not total:
            return ranked
        every_unit = units["zh"] | units["en"]
        concepts = [
            (self._concept(group).scores, covered & every_unit) for group, _, covered in query.found
        ]
        zh_present, en_present = self._postings["zh"].present, self._postings["en"].present
        result = []
        for score, doc in ranked:
            matched = (units["zh"] & zh_present[doc]) | (units["en"] & en_present[doc])
            for scores, covered in concepts:
                if doc in scores:
                    matched |= covered
            share = len(matched) / total
            if share:  # a document that matches none of the query's words is not a hit
                result.append((score * share**COORD_POWER, doc))
        return sorted(result, key=lambda x: (-x[0], x[1]))

    def explain(self, query: Query, doc: int, score: float) -> Hit:
        """The hit for ``doc`` with ``score``: which words of ``query`` it matched, and how."""
        zh_present = self._postings["zh"].present[doc]
        en_present = self._postings["en"].present[doc]
        matched: list[str] = []
        # Chinese: the longest stretches of the query whose bigrams (or digit runs) all occur.
        for run in _RUN_ZH.findall(query.content):
            if not "\u3400" <= run[0] <= "\u9fff":
                if run in zh_present:
                    matched.append(run)
                continue
            start = end = -1  # the current stretch of consecutive bigrams found: run[start:end]
            for i in range(len(run)):
                if i < len(run) - 1 and run[i : i + 2] in zh_present:
                    start, end = (start if end == i + 1 else i), i + 2
                elif end >= 0 and i >= end - 1:
                    if len(span := run[start:end].strip(_FUNCTION_CHARS)) > 1:
                        matched.append(span)
                    start = end = -1
        matched.extend(dict.fromkeys(w for w in words_en(query.folded) if _stem(w) in en_present))
        found_zh = {t for t in query.own["zh"] if t in zh_present}
        for group, words, _ in query.found:
            if (best := self._concept(group).scores.get(doc)) is not None and (term := best[1]):
                if _key(term) != _key(words):
                    matched.append(f"{term} ← {words}")
                found_zh.update(t for t in _key(term)[1] if t in zh_present)
        return Hit(doc, score, tuple(dict.fromkeys(matched)), frozenset(found_zh))


def __dir__() -> list[str]:
    return list(__all__)
