"""Search of the Work Rules and of the plan's indicators: quality, explanations, bad input."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jinan_gov as jg
from jinan_gov import search_indicators
from jinan_gov.rules import article, search
from jinan_gov.schemas import IndicatorSearchSchema, SearchResultSchema
from jinan_gov.search.bm25 import Field, Index, glossary

DATA = Path(__file__).parents[1] / "data"


def _questions(name: str) -> list[tuple[str, str, frozenset[int]]]:
    """(lang, question, articles that count as a hit): the expected one and any also acceptable."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return [
            (
                r["lang"],
                r["question"],
                frozenset(
                    {int(r["expected_article"])}
                    | {int(n) for n in re.split(r"[|;, ]+", r.get("also_acceptable") or "") if n}
                ),
            )
            for r in csv.DictReader(handle)
        ]


def _hits(name: str, lang: str) -> tuple[int, int, int]:
    questions = [(q, e) for lg, q, e in _questions(name) if lg == lang]
    top = [search(q, limit=3)["article_no"].to_list() for q, _ in questions]
    top1 = sum(bool(t) and t[0] in e for t, (_, e) in zip(top, questions, strict=True))
    top3 = sum(bool(e & set(t)) for t, (_, e) in zip(top, questions, strict=True))
    return len(questions), top1, top3


@pytest.mark.parametrize(
    "name",
    [
        "rules_search_questions.csv",
        "rules_search_questions_dev.csv",
        "rules_search_questions_unseen.csv",
        "rules_search_questions_unseen2.csv",
        "rules_search_questions_unseen3.csv",
        "rules_search_questions_unseen4.csv",
        "rules_search_questions_unseen5.csv",
        "rules_search_questions_unseen6.csv",
        "rules_search_questions_unseen7.csv",
        "rules_search_questions_unseen8.csv",
    ],
)
def test_question_set_size(name: str) -> None:
    counts = Counter(lang for lang, _, _ in _questions(name))
    assert counts["zh"] >= 30
    assert counts["en"] >= 30
    for _, _, expected in _questions(name):
        assert all(1 <= number <= 76 for number in expected)


# Measured with benchmarks/bench_search.py, top-1 and top-3 (a hit is the expected article or
# one the set marks also acceptable): first set zh 37, 39 of 39, en 36, 37 of 37; held out
# zh 11, 12 of 12, en 12, 12 of 12; development zh 74, 76 of 76, en 69, 75 of 76; unseen sets
# 1-5 (each measured once when new, since used for tuning) zh 79, 90 of 90 / 37, 40 of 40 /
# 30, 30 of 30 / 27, 29 of 30 / 29, 30 of 30 and en 69, 78 of 81 / 34, 38 of 40 / 42, 48 of 50
# / 43, 47 of 50 / 41, 45 of 50; unseen sets 6, 7 and 8 (written independently from the Rules
# text alone, measured once after tuning was frozen, never tuned on) zh 27, 30 / 28, 29 / 27, 29
# of 30, en 39, 46 / 47, 50 / 44, 48 of 50. Floors are a question or two below, so they can fail.
@pytest.mark.parametrize(
    ("name", "lang", "min_top1", "min_top3"),
    [
        ("rules_search_questions.csv", "zh", 36, 38),
        ("rules_search_questions.csv", "en", 35, 36),
        ("rules_search_questions_holdout.csv", "zh", 10, 11),
        ("rules_search_questions_holdout.csv", "en", 11, 11),
        ("rules_search_questions_dev.csv", "zh", 72, 75),
        ("rules_search_questions_dev.csv", "en", 67, 73),
        ("rules_search_questions_unseen.csv", "zh", 77, 89),
        ("rules_search_questions_unseen.csv", "en", 67, 76),
        ("rules_search_questions_unseen2.csv", "zh", 35, 38),
        ("rules_search_questions_unseen2.csv", "en", 32, 36),
        ("rules_search_questions_unseen3.csv", "zh", 28, 29),
        ("rules_search_questions_unseen3.csv", "en", 40, 46),
        ("rules_search_questions_unseen4.csv", "zh", 25, 28),
        ("rules_search_questions_unseen4.csv", "en", 41, 45),
        ("rules_search_questions_unseen5.csv", "zh", 27, 29),
        ("rules_search_questions_unseen5.csv", "en", 39, 43),
        ("rules_search_questions_unseen6.csv", "zh", 25, 29),
        ("rules_search_questions_unseen6.csv", "en", 37, 44),
        ("rules_search_questions_unseen7.csv", "zh", 26, 28),
        ("rules_search_questions_unseen7.csv", "en", 45, 48),
        ("rules_search_questions_unseen8.csv", "zh", 25, 28),
        ("rules_search_questions_unseen8.csv", "en", 42, 46),
    ],
)
def test_search_accuracy_does_not_regress(
    name: str, lang: str, min_top1: int, min_top3: int
) -> None:
    _, top1, top3 = _hits(name, lang)
    assert top1 >= min_top1
    assert top3 >= min_top3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("会签文件一般应在几个工作日内回复?", 50),
        ("逾期不回复", 50),
        ("常务会议每月召开几次", 38),
        ("5000字", 56),
        ("市政府领导每年到基层调研多少天?", 70),
        ("How often does the executive meeting meet?", 38),
        ("Who signs formal documents issued in the name of the municipal government?", 54),
        ("word limit", 56),
        ("mayor's office meeting", 41),
        ("When do the work rules take effect?", 76),
    ],
)
def test_search_specific_questions(query: str, expected: int) -> None:
    assert search(query, limit=1)["article_no"].item() == expected


def test_search_result_shape() -> None:
    result = search("会签文件一般应在几个工作日内回复?")
    SearchResultSchema.validate(result)
    assert result.height == 5
    assert result.columns == ["article_no", "score", "label_zh", "title_en", "snippet", "matched"]
    assert result["score"].is_sorted(descending=True)
    top = result.row(0, named=True)
    assert top["label_zh"] == "第五十条"
    assert "5个工作日内回复" in top["snippet"]
    assert len(top["snippet"]) <= 62


def test_search_snippet_for_english_query_uses_the_fact() -> None:
    snippet = search("How often does the executive meeting meet?", limit=1)["snippet"].item()
    assert "每月召开不少于3次" in snippet


def test_search_nothing_matches_gives_empty_frame() -> None:
    for query in ("zzzz qqqq", "?!", "the of and"):
        result = search(query)
        assert result.height == 0
        assert result.schema == search("会签").schema
        SearchResultSchema.validate(result)


@pytest.mark.parametrize("limit", [1, 3, 76, 1000])
def test_search_limit(limit: int) -> None:
    assert search("市政府", limit=limit).height == min(limit, 76)


@pytest.mark.parametrize("query", ["", "   ", "\n\t\u3000"])
def test_search_rejects_empty(query: str) -> None:
    with pytest.raises(ValueError, match="query is empty"):
        search(query)


@pytest.mark.parametrize("query", [None, 39, b"query", ["会签"]])
def test_search_rejects_non_str(query: object) -> None:
    with pytest.raises(TypeError, match="query must be a str"):
        search(query)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("limit", "error"),
    [
        (0, ValueError),
        (-1, ValueError),
        (True, TypeError),
        (2.0, TypeError),
        ("3", TypeError),
        (None, TypeError),
    ],
)
def test_search_rejects_bad_limit(limit: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="limit"):
        search("会签", limit=limit)  # type: ignore[arg-type]


@settings(max_examples=40)
@given(st.text(max_size=30), st.integers(min_value=1, max_value=20))
def test_searches_never_crash(query: str, limit: int) -> None:
    for find in (search, search_indicators):
        if not query.strip():
            with pytest.raises(ValueError, match="empty"):
                find(query, limit=limit)
            continue
        result = find(query, limit=limit)
        assert result.height <= limit
        assert result["score"].is_sorted(descending=True)
        assert (result["score"] > 0).all()
    if query.strip():
        rules = search(query, limit=limit)
        for number, snippet in rules.select("article_no", "snippet").iter_rows():
            assert snippet.strip("…") in article(number).text


@pytest.mark.parametrize(
    ("find", "queries"),
    [
        (
            search,
            ["会签文件一般应在几个工作日内回复?", "How often does the executive meeting meet?"],
        ),
        (search_indicators, ["GDP growth", "城镇新增就业", "R&D spending"]),
    ],
)
def test_searches_are_fast(find: Callable[[str], object], queries: list[str]) -> None:
    find("warm up")
    start = time.process_time()  # CPU time: other processes on a busy machine do not count
    for _ in range(10):
        for query in queries:
            find(query)
    mean_ms = (time.process_time() - start) * 1000 / (10 * len(queries))
    assert mean_ms < 10  # a generous bound against accidental O(n^2); the benchmark measures


def test_search_explains_each_hit() -> None:
    result = search("几个部门一起签字的文件几天内回复?", limit=3)
    top = result.row(0, named=True)
    assert top["article_no"] == 50
    countersign = {"会签", "countersign", "co-sign", "countersigning"}
    assert any(m.split(" ← ")[0] in countersign for m in top["matched"] if "← 一起签字" in m)
    assert "文件" in top["matched"]
    english = search("How many days to reply when asked to co-sign a document?", limit=1)
    assert english["article_no"].item() == 50
    assert "reply" in english["matched"].item()
    assert any(m.split(" ← ")[0] in countersign for m in english["matched"].item() if "←" in m)


def test_search_matched_terms_are_in_the_query_or_the_glossary() -> None:
    query = "副市长出差了谁来顶班?"
    for matched in search(query)["matched"]:
        for term in matched:
            own, _, words = term.partition(" ← ")
            assert (words or own) in query


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("會簽文件一般應在幾個工作日內回覆?", "会签文件一般应在几个工作日内回复?"),
        ("ｅｘｅｃｕｔｉｖｅ ｍｅｅｔｉｎｇ", "executive meeting"),
        ("EXECUTIVE Meeting", "executive meeting"),
        ("５０００字", "5000字"),
        ("市長辦公會議由誰主持", "市长办公会议由谁主持"),
    ],
)
def test_search_folds_width_case_and_traditional_characters(variant: str, plain: str) -> None:
    folded, expected = search(variant), search(plain)
    assert folded["article_no"].to_list() == expected["article_no"].to_list()
    assert folded["score"].to_list() == pytest.approx(expected["score"].to_list())


# --- search_indicators() ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("GDP growth", "gdp_growth_2023"),
        ("城镇新增就业", "new_urban_jobs_2023"),
        ("digital economy share of GDP", "digital_economy_share_2023"),
        ("R&D spending", "rd_expenditure_share_2023"),
        ("研发经费占比", "rd_expenditure_share_2023"),
        ("地区生产总值增长", "gdp_growth_2023"),
        ("ｇｄｐ　ｇｒｏｗｔｈ", "gdp_growth_2023"),
        ("new urban jobs", "new_urban_jobs_2022"),
        ("air quality", "good_air_quality_days_ratio_2022"),
    ],
)
def test_search_indicators_finds_the_right_ids_in_the_top_3(query: str, expected: str) -> None:
    assert expected in search_indicators(query, limit=3)["id"].to_list()


def test_search_indicators_result_frame() -> None:
    result = search_indicators("GDP growth")
    IndicatorSearchSchema.validate(result)
    assert result.columns == ["id", "score", "name_en", "name_zh", "kind", "year", "matched"]
    assert result.height == 10
    assert result["score"].is_sorted(descending=True)
    known = jg.indicators().select("id", "name_en", "name_zh", "kind", "year")
    assert result.drop("score", "matched").join(known, on=known.columns).height == 10
    top = result.row(0, named=True)
    assert set(top["matched"]) >= {"gdp", "growth"}


def test_search_indicators_explains_glossary_matches() -> None:
    result = search_indicators("R&D spending", limit=3)
    row = result.filter(id="rd_expenditure_share_2023").row(0, named=True)
    assert "r&d" in row["matched"]
    assert "expenditure ← spending" in row["matched"]


def test_search_indicators_no_match_is_an_empty_typed_frame() -> None:
    for query in ("zzzz", "?!", "the of"):
        result = search_indicators(query)
        assert result.height == 0
        assert result.schema == search_indicators("GDP").schema
        IndicatorSearchSchema.validate(result)


@pytest.mark.parametrize("query", ["", "  ", "\u3000\n"])
def test_search_indicators_rejects_empty(query: str) -> None:
    with pytest.raises(ValueError, match=r"query is empty: .*'GDP growth'"):
        search_indicators(query)


@pytest.mark.parametrize(
    ("query", "limit", "error", "match"),
    [
        (None, 10, TypeError, "query must be a str, got NoneType"),
        (b"GDP", 10, TypeError, "query must be a str, got bytes"),
        ("GDP", 0, ValueError, "limit must be >= 1, got 0"),
        ("GDP", True, TypeError, "limit must be an int, got bool"),
        ("GDP", 2.5, TypeError, "limit must be an int, got float"),
    ],
)
def test_search_indicators_rejects_bad_input(
    query: object, limit: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        search_indicators(query, limit=limit)  # type: ignore[arg-type]


# --- the glossary and the notes ----------------------------------------------------------


def test_glossary_rows_are_bilingual_groups_of_distinct_terms() -> None:
    groups = glossary().groups
    assert len(groups) >= 200
    for group in groups:
        texts = [term.text for term in group]
        assert len(set(texts)) == len(texts), texts
        assert {term.lang for term in group} == {"zh", "en"}, texts


def test_glossary_expansion_is_about_words_not_articles() -> None:
    # A query made only of a colloquial wording finds the article that uses the term of art.
    assert search("一起签字", limit=1)["article_no"].item() == 50
    assert search("co-sign", limit=3)["article_no"].to_list().count(50) == 1
    # The same row serves the indicators: no article numbers or ids in the glossary.
    raw = (Path(jg.__file__).parent / "data" / "search_glossary.csv").read_text("utf-8")
    assert not re.search(r"第[一二三四五六七八九十]+条|article \d|_20\d\d", raw)


def test_search_notes_cover_every_article_once() -> None:
    with (Path(jg.__file__).parent / "data" / "rules_search_notes.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["article_no"]) for r in rows] == list(range(1, 77))
    assert all(r["plain_en"].strip() and r["plain_zh"].strip() for r in rows)


def test_import_builds_no_index_and_loads_no_stemmer() -> None:
    code = (
        "import sys, jinan_gov\n"
        "from jinan_gov.rules import _index\n"
        "from jinan_gov import search\n"
        "from jinan_gov.search import bm25 as _ranking\n"
        "assert 'Stemmer' not in sys.modules and 'jieba' not in sys.modules\n"
        "assert _ranking.glossary.cache_info().currsize == 0\n"
        "assert _index._rules_index.cache_info().currsize == 0\n"
        "assert search._indicator_index.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_glossary_phrasal_terms_need_their_particle() -> None:
    find = glossary().find
    made_up = {g for g, _, _ in find("who makes up the government")}
    bare = {g for g, _, _ in find("who makes the decision")}
    members = next(g for g, group in enumerate(glossary().groups) if group[0].text == "组成")
    assert members in made_up
    assert members not in bare


def test_an_ambiguous_word_counts_once() -> None:
    # "check" belongs to several groups (review, inspection, vetting): each gets its share of
    # the weight, so the word counts once, not once for each of its meanings.
    reached = glossary().find("check")
    assert len(reached) >= 2
    index = Index([Field("en", ["inspection", "unrelated words"])])
    ambiguous = index.search("check", limit=1)[0]
    plain = index.search("督查", limit=1)[0]  # the inspection group only
    assert ambiguous.doc == plain.doc == 0
    assert ambiguous.score * len(reached) == pytest.approx(plain.score)


def test_a_concept_found_in_both_languages_scores_higher() -> None:
    index = Index([Field("en", ["inspection", "inspection"]), Field("zh", ["督查", "其他"])])
    both, english_only = index.search("inspection", limit=2)
    assert (both.doc, english_only.doc) == (0, 1)
    assert both.score > english_only.score


def test_a_phrase_hides_the_words_inside_it() -> None:
    texts = {glossary().groups[g][0].text for g, _, _ in glossary().find("departments can't agree")}
    approve = {group[0].text for group in glossary().groups if "approve" in {t.text for t in group}}
    assert "异议" in texts  # the disagreement group, through "can't agree"
    assert not texts & approve  # never "agree" alone, which would mean approval
