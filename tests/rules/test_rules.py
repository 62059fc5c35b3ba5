from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections import Counter
from pathlib import Path

import pandera.errors
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jinan_gov import rules
from jinan_gov.errors import ArticleNotFoundError, CalendarNotPublishedError, UnknownIdError
from jinan_gov.rules import Article, article, articles, chapters, due_date, facts
from jinan_gov.schemas import (
    FACT_KINDS,
    MEETINGS,
    ArticleSchema,
    ChapterSchema,
    RuleFactSchema,
)
from jinan_gov.schemas.tables import read_package_text
from jinan_gov.search.bm25 import QUERY_CHARS
from jinan_gov.text.numerals import parse_chinese_numeral, to_chinese_numeral
from jinan_gov.text.sources import locate_quote, source_text
from jinan_gov.workdays import is_working_day, working_days_between

DOC = "work_rules_2023"
DATA = Path(__file__).parents[1] / "data"


def _text() -> str:
    return source_text(DOC)


# --- Public surface ----------------------------------------------------------------------


def test_public_surface() -> None:
    assert rules.__all__ == (
        "TIME_LIMIT_FACTS",
        "Article",
        "article",
        "articles",
        "chapters",
        "due_date",
        "facts",
        "search",
        "select_facts",
    )


# --- Chapters and articles ---------------------------------------------------------------


def test_chapters_table() -> None:
    frame = chapters()
    ChapterSchema.validate(frame)
    assert frame.height == 13
    assert frame["chapter_no"].to_list() == list(range(1, 14))
    assert frame.filter(chapter_no=8).row(0, named=True) == {
        "chapter_no": 8,
        "chapter_title_zh": "会议制度",
        "chapter_title_en": "Meetings",
        "first_article": 36,
        "last_article": 47,
        "doc_id": DOC,
    }
    for number, title in frame.select("chapter_no", "chapter_title_zh").iter_rows():
        assert f"\n第{to_chinese_numeral(number)}章\u3000{title}\n" in _text()


def test_articles_table() -> None:
    frame = articles()
    ArticleSchema.validate(frame)
    assert frame.height == 76
    assert frame["article_no"].to_list() == list(range(1, 77))
    assert frame["label_zh"][38] == "第三十九条"
    assert frame["doc_id"].unique().to_list() == [DOC]
    assert frame.select(pl.col("title_en", "summary_en").str.len_chars().min()).row(0) > (0, 0)


def test_chapter_ranges_match_article_chapters() -> None:
    per_chapter = (
        articles()
        .group_by("chapter_no", "chapter_title_zh", "chapter_title_en")
        .agg(first_article=pl.col("article_no").min(), last_article=pl.col("article_no").max())
        .sort("chapter_no")
    )
    expected = chapters().select(per_chapter.columns)
    assert per_chapter.equals(expected)


def test_article_texts_reassemble_the_rules_body() -> None:
    lines: list[str] = []
    arts = articles()
    for number, title, first, last in (
        chapters()
        .select("chapter_no", "chapter_title_zh", "first_article", "last_article")
        .iter_rows()
    ):
        lines.append(f"第{to_chinese_numeral(number)}章\u3000{title}")
        lines.extend(arts["text_zh"][first - 1 : last])
    body = "\n".join(lines)
    text = _text()
    start = text.index("第一章\u3000总则")
    assert text[start:] == body + "\n(2023年5月6日印发)"
    assert text[:start].endswith("济南市人民政府工作规则\n")


def test_enumerated_items_belong_to_their_article() -> None:
    four = article(4).text.split("\n")
    assert len(four) == 7
    assert [line[:3] for line in four[1:]] == [f"({n})" for n in "一二三四五六"]
    assert len(article(38).text.split("\n")) == 8
    assert len(article(65).text.split("\n")) == 8
    assert "\n" not in article(50).text


def test_chinese_text_is_not_duplicated_in_the_curated_csv() -> None:
    raw = read_package_text("rules_articles.csv")
    header = raw.splitlines()[0].split(",")
    assert header == ["article_no", "title_en", "summary_en", "keywords_en"]
    assert not re.search(r"[\u4e00-\u9fff]{8}", raw)


# --- article() ------------------------------------------------------------------------


def test_article_forms() -> None:
    expected = article(39)
    assert isinstance(expected, Article)
    for ref in ("39", " 39 ", "第三十九条", " 第三十九条 ", "三十九", "第39条", "３９"):
        assert article(ref) == expected, ref
    assert expected.number == 39
    assert expected.label_zh == "第三十九条"
    assert expected.chapter_no == 8
    assert expected.text.startswith("第三十九条\u3000对需市政府全体会议")
    assert expected.doc_id == DOC


def test_article_is_frozen() -> None:
    with pytest.raises(AttributeError):
        article(1).number = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    "ref", [0, -1, 77, 1000, "0", "77", "第七十七条", "七十七", "abc", "", "   ", "第条", "39.0"]
)
def test_article_not_found(ref: object) -> None:
    with pytest.raises(ArticleNotFoundError, match="1-76") as info:
        article(ref)  # type: ignore[arg-type]
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize("ref", [True, False, 3.5, 39.0, None, [39], b"39"])
def test_article_wrong_type(ref: object) -> None:
    with pytest.raises(TypeError, match="1-76"):
        article(ref)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ref", "named"),
    [
        ("9" * 5000, "(5000 characters)"),
        ("第" + "9" * 5000 + "条", "(5002 characters)"),
        ("0" * 5000, "(5000 characters)"),
        ("九" * 5000, "(5000 characters)"),
        (10**5000, "an int of 5001 digits"),
        (-(10**400), "an int of 401 digits"),
    ],
    ids=["digits", "label", "zeros", "chinese", "int", "negative-int"],
)
def test_article_huge_reference_is_not_found_and_named(ref: object, named: str) -> None:
    with pytest.raises(ArticleNotFoundError, match=re.escape(named)) as info:
        article(ref)  # type: ignore[arg-type]
    assert len(str(info.value)) < 200


def test_article_leading_zeros_are_fine() -> None:
    assert article("0" * 5000 + "39").number == article("039").number == 39


@given(st.integers(min_value=1, max_value=76))
def test_article_forms_agree(n: int) -> None:
    a = article(n)
    assert a.number == n
    assert article(str(n)) == article(a.label_zh) == article(to_chinese_numeral(n)) == a
    assert a.text.startswith(a.label_zh + "\u3000")


@given(st.integers().filter(lambda n: not 1 <= n <= 76))
def test_article_out_of_range(n: int) -> None:
    with pytest.raises(ArticleNotFoundError):
        article(n)


# --- facts() ----------------------------------------------------------------------------


def test_facts_schema_and_ids() -> None:
    frame = facts()
    RuleFactSchema.validate(frame)
    assert frame["fact_id"].is_unique().all()
    assert set(frame["kind"]) == set(FACT_KINDS)
    assert frame.schema["value"] == pl.Float64


def test_fact_counts_by_kind() -> None:
    assert Counter(facts()["kind"]) == {
        "meeting": 29,
        "signature": 20,
        "time_limit": 10,
        "frequency": 7,
        "length_limit": 4,
        "silence": 3,
    }


# Verbs of the Rules that say what someone does; who_zh names the someone only.
ACTION_VERBS = (
    "主持", "召集", "提出", "确定", "签发", "签批", "审核", "审签", "审阅", "审定",
    "请假", "报告", "报备", "组织", "参加", "列席", "出席", "办理", "回复", "印发", "公布",
)  # fmt: skip


def test_who_names_persons_or_bodies_never_actions() -> None:
    for fact_id, who in facts().select("fact_id", "who_zh").drop_nulls().iter_rows():
        # 主持人 (the chair) is a person; 主持 (to chair) is an action
        assert not re.search(f"(?:{'|'.join(ACTION_VERBS)})(?!人)", who), (fact_id, who)


def test_leave_rule_of_article_72_binds_vice_mayors_secretary_general_and_county_heads() -> None:
    row = facts().filter(fact_id="leave_requested_in_advance").row(0, named=True)
    assert row["article_no"] == 72
    assert row["kind"] == "time_limit"
    assert row["who_zh"] == "副市长、秘书长、各区县长"
    assert all(name in row["quote"] for name in row["who_zh"].split("、"))
    assert "vice mayors" in row["who_en"]
    assert "secretary-general" in row["who_en"]
    assert "county heads" in row["who_en"]


def test_silence_facts_say_what_silence_or_delay_entails() -> None:
    silence = facts().filter(kind="silence")
    assert silence["fact_id"].to_list() == [
        "countersign_silence_no_objection",
        "late_submission_circulated",
        "delay_accountability",
    ]
    for quote in silence["quote"]:
        assert re.search("逾期|延误|拖延", quote), quote
        assert re.search("视为|通报|追究", quote), quote
    agree = facts().filter(fact_id="countersign_delay_agree_deadline").row(0, named=True)
    assert agree["kind"] == "time_limit"


def test_agenda_proposer_and_setter_are_separate_facts() -> None:
    agenda = facts().filter(pl.col("role").str.starts_with("agenda"))
    assert sorted(agenda.select("meeting", "role", "who_zh").rows()) == [
        ("executive", "agenda_proposed_by", "分管副市长"),
        ("executive", "agenda_set_by", "市长"),
        ("plenary", "agenda_proposed_by", "分管副市长"),
        ("plenary", "agenda_set_by", "市长"),
    ]


def test_every_quote_is_in_the_source_and_in_its_article() -> None:
    for fact_id, number, quote in facts().select("fact_id", "article_no", "quote").iter_rows():
        location = locate_quote(DOC, quote)
        assert location.quote == quote, fact_id
        assert location.occurrences == 1, fact_id
        assert quote in article(number).text, fact_id


def _figure_value(figure: str) -> int:
    digits = re.match(r"\d+", figure)
    if digits:
        return int(digits.group())
    numeral = re.match(r"[一二两三四五六七八九十百]+", figure)
    assert numeral, figure
    return parse_chinese_numeral(numeral.group())


def test_every_figure_is_in_its_quote_and_equals_the_value() -> None:
    with_figure = facts().filter(pl.col("value").is_not_null())
    assert with_figure.height == 10
    for fact_id, value, figure, quote in with_figure.select(
        "fact_id", "value", "figure_zh", "quote"
    ).iter_rows():
        assert figure in quote, fact_id
        assert _figure_value(figure) == value, fact_id


def test_units_match_figures() -> None:
    units = {"个工作日": "working_days", "天": "days", "次": "times", "字": "characters"}
    for fact_id, unit, figure in (
        facts().filter(pl.col("value").is_not_null()).select("fact_id", "unit", "figure_zh").rows()
    ):
        suffix = re.sub(r"^[\d一二两三四五六七八九十百]+", "", figure)
        if suffix in units:
            assert units[suffix] == unit, fact_id


def test_four_meetings_are_covered() -> None:
    meetings = facts().filter(kind="meeting")
    roles = {meeting: set(meetings.filter(meeting=meeting)["role"]) for meeting in MEETINGS}
    for meeting in MEETINGS:
        assert {"convened_by", "attendees", "tasks", "leave"} <= roles[meeting], meeting
    for meeting in ("plenary", "executive", "mayor_office"):
        assert {"members", "chaired_by"} <= roles[meeting], meeting
    chairs = meetings.filter(role="chaired_by")
    assert set(chairs["who_zh"]) == {"市长"}
    executive = facts().filter(meeting="executive", kind="frequency", unit="times")
    assert executive.select("value", "period", "qualifier").row(0) == (3.0, "per_month", "at_least")


def test_key_facts() -> None:
    frame = facts()

    def row(fact_id: str) -> dict[str, object]:
        return frame.filter(fact_id=fact_id).row(0, named=True)

    assert row("countersign_reply_working_days")["value"] == 5
    assert row("countersign_reply_working_days")["hedge"] == "generally"
    assert row("meeting_documents_issue_working_days")["hedge"] == "in_principle"
    assert row("comprehensive_document_characters")["value"] == 5000
    assert row("specific_task_document_characters")["value"] == 3000
    assert row("grassroots_research_days_per_year")["value"] == 50
    assert row("law_study_per_quarter")["period"] == "per_quarter"
    assert row("countersign_silence_no_objection")["quote"] == "逾期不回复视为无不同意见"
    signers = frame.filter(kind="signature", article_no=54, role="signs")
    assert signers.height == 9
    assert set(signers["who_zh"]) == {
        "市长",
        "分管副市长",
        "市长或分管副市长",
        "分管副市长或秘书长",
    }


def test_schema_rejects_broken_facts() -> None:
    frame = facts()
    broken = [
        # the figure is not in the quote
        frame.with_columns(
            pl.when(pl.col("fact_id") == "countersign_reply_working_days")
            .then(pl.lit("6个工作日"))
            .otherwise(pl.col("figure_zh"))
            .alias("figure_zh")
        ),
        # a figure without a unit
        frame.with_columns(
            pl.when(pl.col("value").is_not_null())
            .then(None)
            .otherwise(pl.col("unit"))
            .alias("unit")
        ),
        # a signature without a signer role
        frame.with_columns(
            pl.when(pl.col("kind") == "signature")
            .then(pl.lit("members"))
            .otherwise(pl.col("role"))
            .alias("role")
        ),
        # a hedge whose word is not in the quote
        frame.with_columns(pl.lit("in_principle").alias("hedge")),
        # duplicate ids
        pl.concat([frame, frame.head(1)]),
    ]
    for bad in broken:
        with pytest.raises(pandera.errors.SchemaErrors):
            RuleFactSchema.validate(bad, lazy=True)


def test_schema_rejects_broken_chapters() -> None:
    frame = chapters()
    gap = frame.with_columns(
        pl.when(pl.col("chapter_no") == 2)
        .then(pl.col("first_article") + 1)
        .otherwise(pl.col("first_article"))
        .alias("first_article")
    )
    for bad in (gap, frame.head(12)):
        with pytest.raises(pandera.errors.SchemaErrors):
            ChapterSchema.validate(bad, lazy=True)


# --- Completeness: every figure in the Rules is a fact or excluded for a reason ----------

# Digit runs of the Work Rules that are not rules, with the reason.
DIGIT_EXCLUSIONS = {
    r"济政发〔\d{4}〕\d+号": "document numbers: these Rules' own and the repealed 2017 Rules'",
    r"\d{4}年\d{1,2}月\d{1,2}日": "dates: issue date (twice), date of the repealed 2017 Rules",
    r"第36次常务会议": "the notice: ordinal of the executive meeting that adopted the Rules",
    r"12345市民服务热线": "the name of the citizen service hotline (arts. 13, 28, 34)",
}
# Chinese counts (两个, 一次, 一种 …) that are names or phrases, not rules.
CHINESE_COUNT_EXCLUSIONS = {
    r"“两个确立”|“四个意识”|“四个自信”|“两个维护”|“两个大局”|“三个务必”": "political slogans",
    r"八项规定": "name of the Party's eight-point regulation (art. 68)",
    r"一个地方、一个点": "art. 72: not sending leaders en masse to one place; no count limit",
}
# (第…条 labels are ordinals, not counts: the lookbehind skips them.)
CHINESE_COUNT = r"(?<![第一二两三四五六七八九十百])[一二两三四五六七八九十百]+[个次种天字项事]"
# Words that mark time limits and frequencies.
TIME_WORDS = r"工作日|日内|以内|不少于|每月|每季度|每年|定期|随时|逾期|按期|限时|时限"


def _spans(text: str, pattern: str, literal: bool = False) -> list[tuple[int, int]]:
    regex = re.escape(pattern) if literal else pattern
    return [m.span() for m in re.finditer(regex, text)]


def _uncovered(pattern: str, exclusions: dict[str, str]) -> list[str]:
    text = _text()
    covered = [span for q in facts()["quote"] for span in _spans(text, q, literal=True)]
    for exclusion in exclusions:
        found = _spans(text, exclusion)
        assert found, f"stale exclusion {exclusion!r}"
        covered += found
    return [
        f"{m.group()!r} in …{text[max(0, m.start() - 12) : m.end() + 8]}…"
        for m in re.finditer(pattern, text)
        if not any(a <= m.start() and m.end() <= b for a, b in covered)
    ]


def test_every_digit_run_is_a_fact_or_excluded() -> None:
    assert _uncovered(r"\d+", DIGIT_EXCLUSIONS) == []


def test_every_chinese_count_is_a_fact_or_excluded() -> None:
    assert _uncovered(CHINESE_COUNT, CHINESE_COUNT_EXCLUSIONS) == []


def test_every_working_day_and_frequency_word_is_a_fact() -> None:
    # 时限 in art. 57 and the 按期/时限 of art. 50 are inside fact quotes too: no exclusions.
    assert _uncovered(TIME_WORDS, {}) == []
    assert _text().count("工作日") == 2


# --- due_date() -------------------------------------------------------------------------


def test_due_date_may_day_2023() -> None:
    # Friday 04-28; 04-29..05-03 off; 05-04 Thu, 05-05 Fri, 05-06 make-up Sat, 05-08, 05-09.
    due = due_date("countersign_reply_working_days", dt.date(2023, 4, 28))
    assert due == dt.date(2023, 5, 9)
    assert is_working_day(dt.date(2023, 5, 6))


def test_due_date_national_day_2023() -> None:
    # 09-29..10-06 off, 10-07 and 10-08 make-up days: 10-07, 10-08, 10-09, 10-10, 10-11.
    due = due_date("meeting_documents_issue_working_days", dt.date(2023, 9, 28))
    assert due == dt.date(2023, 10, 11)


def test_due_date_ordinary_week() -> None:
    assert due_date("countersign_reply_working_days", dt.date(2023, 3, 13)) == dt.date(2023, 3, 20)
    # starting on a Sunday: Mon-Fri of the next week
    assert due_date("countersign_reply_working_days", dt.date(2023, 3, 12)) == dt.date(2023, 3, 17)


def test_due_date_calendar_days_branch() -> None:
    assert rules._due("days", 5, dt.date(2023, 4, 28)) == dt.date(2023, 5, 3)


@settings(max_examples=60)
@given(st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2025, 12, 1)))
def test_due_date_properties(start: dt.date) -> None:
    due = due_date("countersign_reply_working_days", start)
    assert is_working_day(due)
    assert working_days_between(start, due) == 5
    assert dt.timedelta(days=5) <= due - start <= dt.timedelta(days=19)


def test_due_date_unknown_fact_suggests() -> None:
    with pytest.raises(UnknownIdError, match="did you mean 'countersign_reply_working_days'"):
        due_date("countersign_reply_workdays", dt.date(2023, 4, 28))


@pytest.mark.parametrize(
    ("fact_id", "what"),
    [
        ("executive_meeting_per_month", "is a frequency"),
        ("comprehensive_document_characters", "is a length_limit"),
        ("countersign_silence_no_objection", "is a silence"),
        ("deputy_suggestions_time_limited", "without a fixed number of days"),
    ],
)
def test_due_date_not_a_time_limit(fact_id: str, what: str) -> None:
    with pytest.raises(ValueError, match=what) as info:
        due_date(fact_id, dt.date(2023, 4, 28))
    assert "meeting_documents_issue_working_days, countersign_reply_working_days" in str(info.value)


@pytest.mark.parametrize("start", ["2023-04-28", dt.datetime(2023, 4, 28, 9), None, 20230428])
def test_due_date_rejects_non_dates(start: object) -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        due_date("countersign_reply_working_days", start)  # type: ignore[arg-type]


def test_due_date_rejects_non_str_id() -> None:
    with pytest.raises(TypeError, match="fact_id must be a str"):
        due_date(5, dt.date(2023, 4, 28))  # type: ignore[arg-type]


def test_due_date_unpublished_year() -> None:
    with pytest.raises(CalendarNotPublishedError):
        due_date("countersign_reply_working_days", dt.date(2040, 1, 2))


def test_article_repr_is_one_readable_line() -> None:
    text = repr(article(39))
    assert text == (
        "<Article 39 第三十九条 · chapter 8 会议制度 (Meetings) · "
        "Preparing items for plenary and executive meetings>"
    )
    assert all("\n" not in repr(article(n)) and len(repr(article(n))) < 160 for n in (4, 54, 72))


def test_article_notebook_views_show_everything() -> None:
    a = article(54)
    markdown, page = a._repr_markdown_(), a._repr_html_()
    for part in ("第五十四条", "chapter 9", "公文处理", a.title_en):
        assert part in markdown
        assert part in page
    # Every paragraph of the Chinese text, enumerated items included, is shown.
    for line in a.text.split("\n"):
        assert f"> {line}" in markdown
        assert f'<p lang="zh">{line}</p>' in page


def test_article_notebook_views_escape_markup() -> None:
    hostile = dataclasses.replace(
        article(1), title_en="<script>alert(1)</script>", summary_en="*bold* & [link](x)"
    )
    page = hostile._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "&amp;" in page
    markdown = hostile._repr_markdown_()
    assert "<script>" not in markdown
    assert r"\*bold\*" in markdown
    assert r"\[link\]" in markdown


def test_select_facts_filters_and_refuses_unknown_values() -> None:
    limits = rules.select_facts("time_limit")
    assert set(limits["kind"]) == {"time_limit"}
    assert rules.select_facts().height == rules.facts().height
    both = rules.select_facts("meeting", "executive")
    assert set(both["meeting"]) == {"executive"}
    assert set(both["kind"]) == {"meeting"}
    with pytest.raises(ValueError, match="unknown fact kind 'deadline'; valid: meeting"):
        rules.select_facts("deadline")
    with pytest.raises(ValueError, match="unknown meeting 'board'; valid: plenary"):
        rules.select_facts(meeting="board")


def test_time_limit_facts_are_every_time_limit_in_article_order() -> None:
    table = rules.facts().filter(kind="time_limit").sort("article_no", maintain_order=True)
    assert set(rules.TIME_LIMIT_FACTS) == set(table["fact_id"])
    dated = rules.facts().filter(kind="time_limit", unit="working_days")["fact_id"]
    assert set(rules.TIME_LIMIT_FACTS[:2]) == set(dated)


def test_a_huge_query_is_bounded() -> None:
    rules.search("会签")  # the index is built on the first search
    query = ("会签 文件 几个 工作日 " * 10_000)[:100_000]
    started = time.perf_counter()
    result = rules.search(query, limit=1)
    assert time.perf_counter() - started < 1.0
    assert (
        result["label_zh"].to_list()
        == rules.search(query[:QUERY_CHARS], limit=1)["label_zh"].to_list()
    )
