"""extract_targets: the Jinan plan, synthetic paragraphs, bad input and properties."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jinan_gov
from jinan_gov.extract import _prepare, extract_targets, extraction_text
from jinan_gov.schemas import ExtractedTargetSchema

DATA = Path(__file__).parents[1] / "data"
SCORED = ("value", "value_upper", "unit", "qualifier")
SYNTHETIC: list[dict[str, Any]] = json.loads(
    (DATA / "extract_synthetic.json").read_text(encoding="utf-8")
)["cases"]


def scored(frame: pl.DataFrame) -> list[tuple[Any, ...]]:
    return [
        tuple(float(v) if isinstance(v, int) else v for v in row)
        for row in frame.select(SCORED).rows()
    ]


def expected_rows(rows: list[list[Any]]) -> list[tuple[Any, ...]]:
    return [tuple(float(v) if isinstance(v, int) else v for v in row) for row in rows]


# --- the Jinan plan ----------------------------------------------------------------------


# Clauses of the plan's list that state no figure and are not among the curated targets.
PLAN_QUALITATIVE = ["城市承载功能", "乡村振兴"]


def test_plan_reproduces_the_curated_main_targets_and_its_qualitative_clauses() -> None:
    extracted = extract_targets(jinan_gov.raw_text())
    curated = jinan_gov.targets_2023()
    extra = extracted.filter(pl.col("name_zh").is_in(PLAN_QUALITATIVE))
    assert extra["qualifier"].to_list() == ["qualitative"] * 2
    assert extracted.height == curated.height + 2 == 23
    assert scored(extracted.filter(~pl.col("name_zh").is_in(PLAN_QUALITATIVE))) == scored(curated)


def test_plan_quotes_are_in_the_normalised_plan_and_contain_the_curated_quotes() -> None:
    extracted = extract_targets(jinan_gov.raw_text())
    source = jinan_gov.source_text("plan_2023")
    figures = extracted.filter(~pl.col("name_zh").is_in(PLAN_QUALITATIVE))
    for quote, curated in zip(figures["quote"], jinan_gov.targets_2023()["quote"], strict=True):
        assert quote in source.replace("\n", "")
        assert curated in quote or quote in curated


def test_plan_from_its_normalised_text_gives_the_same_rows() -> None:
    raw = extract_targets(jinan_gov.raw_text())
    clean = extract_targets(jinan_gov.source_text("plan_2023"))
    assert scored(clean) == scored(raw)


# --- synthetic paragraphs in other styles -------------------------------------------------


@pytest.mark.parametrize("case", SYNTHETIC, ids=[case["slug"] for case in SYNTHETIC])
def test_synthetic_paragraphs(case: dict[str, Any]) -> None:
    assert case["source"] == "synthetic"
    assert scored(extract_targets(case["text"])) == expected_rows(case["rows"])


def test_columns_of_a_typical_paragraph() -> None:
    frame = extract_targets(
        "今年主要预期目标是：地区生产总值增长5%—5.5%，在实际工作中努力争取更好结果；"
        "粮食产量615亿斤左右；居民收入增速高于经济增速；城镇调查失业率5.5%左右。"
    )
    gdp, grain, income, unemployment = frame.rows(named=True)
    assert (gdp["id"], gdp["target_no"], gdp["name_en"]) == ("t01", 1, "GDP, growth")
    assert (gdp["value"], gdp["value_upper"], gdp["qualifier_zh"]) == (5.0, 5.5, "…—…")
    assert gdp["note"] == "在实际工作中努力争取更好结果"
    assert (grain["value_base"], grain["unit_base"]) == (6.15e10, "斤")
    assert grain["name_en"] == "Grain output"
    assert (income["benchmark"], income["unit"], income["direction"]) == ("经济增长", "%", "higher")
    assert (unemployment["direction"], unemployment["quote"]) == ("lower", "城镇调查失业率5.5%左右")


def test_unknown_indicators_have_no_english_name() -> None:
    frame = extract_targets("今年主要预期目标是：海洋牧场面积增加2万亩。")
    assert frame["name_en"].to_list() == [None]
    assert frame["name_zh"].to_list() == ["海洋牧场面积增加"]


def test_every_clause_without_a_figure_is_a_qualitative_row() -> None:
    frame = extract_targets(
        "今年主要预期目标是：地区生产总值增长5%左右，固定资产投资实现正增长，"
        "单位生产总值二氧化碳排放量进一步下降，国际收支基本平衡，乡村振兴取得新进展。"
    )
    assert frame["name_zh"].to_list() == [
        "地区生产总值增长",
        "固定资产投资",
        "单位生产总值二氧化碳排放量",
        "国际收支",
        "乡村振兴",
    ]
    assert frame["qualifier"].to_list()[1:] == ["qualitative"] * 4
    assert frame["direction"].to_list() == ["higher", "higher", "higher", "neutral", "higher"]


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, 5, 1.5, ["文本"], pl.Series(["文本"])])
def test_non_strings_are_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"extract_targets\(\) expects str, got "):
        extract_targets(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [b"text", bytearray(b"text"), memoryview(b"text")])
def test_bytes_are_a_type_error_with_a_hint_to_decode(bad: object) -> None:
    with pytest.raises(TypeError, match=r"decode it first"):
        extract_targets(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " \n ", "没有目标的文字。", "主要目标是：", "主要预期目标"])
def test_no_paragraph_is_an_empty_frame_of_the_schema(text: str) -> None:
    frame = extract_targets(text)
    assert frame.height == 0
    assert frame.columns == list(ExtractedTargetSchema.to_schema().columns)
    ExtractedTargetSchema.validate(frame)


def test_five_year_targets_alone_are_not_read() -> None:
    text = (
        "“十五五”时期主要目标是：地区生产总值年均增长5%以上。主要目标包括：研发投入年均增长9%以上。"
    )
    assert extract_targets(text).height == 0


def test_traditional_characters_and_full_width_forms() -> None:
    simplified = extract_targets(
        "今年主要预期目标是：城镇调查失业率控制在5.5%以内；粮食产量1.4万亿斤左右。"
    )
    traditional = extract_targets(
        "今年主要預期目標是：城鎮調查失業率控制在５．５％以內；糧食產量１．４萬億斤左右。"
    )
    assert scored(traditional) == scored(simplified)
    assert traditional["quote"].to_list() == simplified["quote"].to_list()


def test_ascii_and_full_width_punctuation_give_the_same_rows() -> None:
    full = "今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业8万人；居民消费价格涨幅2%左右。"
    ascii_ = full.replace("：", ":").replace("，", ",").replace("；", ";")
    assert scored(extract_targets(ascii_)) == scored(extract_targets(full))


def test_a_paragraph_cut_off_mid_sentence_keeps_the_complete_clauses() -> None:
    frame = extract_targets("今年主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在")
    assert scored(frame) == [(5.0, None, "%", "about")]
    cut_in_figure = extract_targets("今年主要预期目标是：地区生产总值增长5%左右，进出口增长3.")
    assert scored(cut_in_figure) == [(5.0, None, "%", "about")]


def test_ten_megabytes_finish_fast() -> None:
    report = "各位代表，今年要稳中求进，推动高质量发展，主要目标任务全面完成。" * 10
    paragraph = "今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业8万人以上。"
    text = (report * (3_000_000 // len(report) + 1))[:3_000_000] + paragraph
    text += "主要目标是：" * 50_000 + "增长5%、" * 100_000
    assert len(text.encode("utf-8")) > 10_000_000
    started = time.perf_counter()
    jinan_gov.normalize_text(text)
    normalise_seconds = time.perf_counter() - started
    started = time.perf_counter()
    frame = extract_targets(text)
    seconds = time.perf_counter() - started
    assert seconds < 3 * normalise_seconds + 5, (seconds, normalise_seconds)
    assert scored(frame) == [(5.0, None, "%", "about"), (8.0, None, "万人", "at_least")]


# --- properties ----------------------------------------------------------------------------

_SUBJECTS = ("地区生产总值", "一般公共预算收入", "社会消费品零售总额", "规模以上工业增加值")
_FORMS = (
    ("增长{n}%", "plain"),
    ("增长{n}%左右", "about"),
    ("增长{n}%以上", "at_least"),
    ("增长不低于{n}%", "at_least"),
    ("增速达到{n}%", "reach"),
    ("增速控制在{n}%左右", "cap_about"),
    ("增速控制在{n}%以内", "at_most"),
)
_CLAUSE = st.tuples(
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_FORMS),
    st.decimals(min_value="0.1", max_value="99.9", places=1).map(lambda d: f"{d.normalize():f}"),
)
_PARAGRAPH = st.lists(_CLAUSE, min_size=1, max_size=6)


def _text(clauses: list[tuple[str, tuple[str, str], str]], separators: list[str]) -> str:
    parts = [subject + form.format(n=number) for subject, (form, _), number in clauses]
    body = "".join(part + separators[i % len(separators)] for i, part in enumerate(parts))
    return "各位代表！今年主要预期目标是：" + body.rstrip("，；") + "。重点做好以下工作。"


@given(_PARAGRAPH, st.lists(st.sampled_from(["，", "；"]), min_size=1, max_size=3))
def test_generated_paragraphs_are_read_clause_by_clause(
    clauses: list[tuple[str, tuple[str, str], str]], separators: list[str]
) -> None:
    frame = extract_targets(_text(clauses, separators))
    expected = [(float(number), None, "%", form[1]) for _, form, number in clauses]
    assert scored(frame) == expected


@given(_PARAGRAPH, st.data())
def test_offsets_index_the_quote_and_the_value_is_in_it(
    clauses: list[tuple[str, tuple[str, str], str]], data: st.DataObject
) -> None:
    text = _text(clauses, ["，"])
    noise = data.draw(st.sampled_from(["", "\n", "  ", "\n\n12\n\n"]))
    text = noise.join(text[i : i + 18] for i in range(0, len(text), 18))
    normalised = extraction_text(text)
    frame = extract_targets(text)
    for row in frame.iter_rows(named=True):
        assert normalised[row["start"] : row["end"]] == row["quote"]
        assert row["value"] is not None
        assert f"{row['value']:g}" in row["quote"]


_WIDTH = str.maketrans("，；：%0123456789.", ",;:％０１２３４５６７８９．")


@given(_PARAGRAPH, st.lists(st.integers(min_value=0, max_value=400), max_size=8), st.booleans())
def test_stable_under_whitespace_and_punctuation_width(
    clauses: list[tuple[str, tuple[str, str], str]], cuts: list[int], full_width: bool
) -> None:
    text = _text(clauses, ["，", "；"])
    reference = scored(extract_targets(text))
    changed = text.translate(_WIDTH) if full_width else text
    for position in sorted(set(cuts), reverse=True):
        cut = min(position, len(changed))
        left, right = changed[cut - 1 : cut], changed[cut : cut + 1]
        if left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
            continue  # a space between two ASCII digits is kept by design (1 000 is not 1000)
        changed = changed[:cut] + " \n" + changed[cut:]
    assert scored(extract_targets(changed)) == reference


_LINE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E2F),
        st.sampled_from(list("。！？!?，,;:()<>%5Ab .\t\r　１２％")),
    ),
    max_size=120,
)


@given(st.lists(_LINE, max_size=8))
def test_paragraph_marks_do_not_change_the_normalised_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    normalised, breaks = _prepare(text)
    assert normalised == extraction_text(text)
    for position in breaks:
        assert 0 < position <= len(normalised)
        assert normalised[position - 1] in "。!?！？"


# --- layouts, web noise and the second edition of the conventions -------------------------

H = "今年经济社会发展的主要预期目标是："


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (H + "城镇新增就业11万以上，进出口1.5万亿。", [(11.0, None, "万", "at_least")]),
        (H + "居民消费价格涨幅-0.5%左右。", [(-0.5, None, "%", "about")]),
        (H + "房地产开发投资增长-1%至1%。", [(-1.0, 1.0, "%", "range")]),
        (H + "地区生产总值增长5.5%—5%。", [(5.0, 5.5, "%", "range")]),
        (H + "城镇新增就业1 2万人以上。", [(12.0, None, "万人", "at_least")]),
        (H + "地区生产总值增长5%</b>左右。", [(5.0, None, "%", "about")]),
    ],
)
def test_figures(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert scored(extract_targets(text))[: len(expected)] == expected


def test_shared_figure_with_jun_is_one_row_per_subject() -> None:
    frame = extract_targets(H + "规模以上工业增加值和固定资产投资均增长6%左右。")
    assert scored(frame) == [(6.0, None, "%", "about")] * 2


def test_margin_over_a_benchmark() -> None:
    frame = extract_targets(H + "农村居民收入增速高于全国平均水平1个百分点以上。")
    row = frame.row(0, named=True)
    assert (row["qualifier"], row["value"], row["unit"], row["benchmark"]) == (
        "above_benchmark",
        1.0,
        "个百分点",
        "全国",
    )


def test_respectively_keeps_the_target_before_it() -> None:
    frame = extract_targets(H + "粮食产量稳定在1300万吨以上、城乡居民收入分别增长5%、6%。")
    assert [row[0] for row in scored(frame)] == [1300.0, 5.0, 6.0]


def test_pinyin_and_doubled_punctuation_are_cleaned_from_quotes() -> None:
    frame = extract_targets(H + "地区生产总值增(zēng)长5%左右；；城镇调查失业率5.5%以内，，")
    assert frame["quote"].to_list() == ["地区生产总值增长5%左右", "城镇调查失业率5.5%以内"]


def test_five_year_and_last_year_paragraphs_lose_to_this_years() -> None:
    text = (
        "“十五五”时期经济社会发展的主要目标。主要目标是：经济增长保持在合理区间，"
        "城镇调查失业率控制在5.5%以内。去年主要预期目标是：地区生产总值增长6%左右。"
        + H
        + "地区生产总值增长5%左右，城镇新增就业8万人以上。三、重点任务1.新建5G基站1万个。"
    )
    assert scored(extract_targets(text)) == [
        (5.0, None, "%", "about"),
        (8.0, None, "万人", "at_least"),
    ]


def test_headline_loses_to_the_paragraph() -> None:
    text = (
        "报告提出今年主要预期目标：国内生产总值增长5%左右\n就业目标：城镇新增就业1200万人以上\n"
        + H
        + "国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；"
        "国际收支基本平衡。"
    )
    assert extract_targets(text).height == 4


@pytest.mark.parametrize(
    "layout",
    [
        "主要预期目标——{}",
        "二、2026年主要预期目标\n{}",
        "{}",
    ],
)
def test_other_layouts(layout: str) -> None:
    body = (
        "地区生产总值增长5%左右；城镇新增就业8万人以上；城镇调查失业率5.5%以内；"
        "居民消费价格涨幅2%左右。"
    )
    assert extract_targets(layout.format(body)).height == 4


def test_a_review_gives_no_rows() -> None:
    text = "过去一年，全省地区生产总值增长5.2%左右，城镇新增就业8万人以上，失业率5.1%以内。"
    assert extract_targets(text).height == 0


def test_hundred_concatenated_reports_give_the_first_paragraph_fast() -> None:
    report = (
        "各位代表，过去一年经济增长5%。" * 200 + H + "地区生产总值增长5%左右。" + "其他工作。" * 500
    )
    started = time.perf_counter()
    frame = extract_targets(report * 100)
    assert time.perf_counter() - started < 1
    assert frame.height == 1


def test_nul_gives_rows_and_lone_surrogates_a_clear_error() -> None:
    assert extract_targets("\x00" * 10 + H + "地区生产总值增长5%左右。").height == 1
    with pytest.raises(ValueError, match="lone surrogate"):
        extract_targets(H + "\ud800地区生产总值增长5%左右。")
