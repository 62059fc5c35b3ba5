"""extract_outcomes: the plan's part 一 against outcomes_2022(), eight reviews against labels."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

import jinan_gov
from jinan_gov.extract import extract_outcomes, extraction_text, sample_reports

OUTCOMES = Path(__file__).parents[1] / "data" / "outcomes"
SLUGS = {
    "上海市": "shanghai",
    "北京市": "beijing",
    "吉林省": "jilin",
    "安徽省": "anhui",
    "广东省": "guangdong",
    "湖南省": "hunan",
    "甘肃省": "gansu",
    "青海省": "qinghai",
}


def _overlaps(row: dict[str, object], spans: list[tuple[int, int]]) -> bool:
    start, end = int(row["start"]), int(row["end"])  # type: ignore[call-overload]
    return any(start < b and a < end for a, b in spans)


def plan_scores() -> tuple[float, float]:
    """Recall of outcomes_2022() rows (|value|, unit, quote overlap) and precision."""
    text = jinan_gov.source_text("plan_2023")
    normalised = extraction_text(text)
    ours = list(extract_outcomes(text).iter_rows(named=True))
    gold = []
    for row in jinan_gov.outcomes_2022().iter_rows(named=True):
        start = normalised.find(row["quote"])
        gold.append((abs(row["value"]), row["unit"], [(start, start + len(row["quote"]))]))

    def same(o: dict[str, object], g: tuple[float, str, list[tuple[int, int]]]) -> bool:
        return abs(abs(o["value"]) - g[0]) < 1e-9 and o["unit"] == g[1] and _overlaps(o, g[2])  # type: ignore[arg-type]

    recall = sum(any(same(o, g) for o in ours) for g in gold) / len(gold)
    precision = sum(any(same(o, g) for g in gold) for o in ours) / len(ours)
    return recall, precision


def review_scores() -> tuple[float, float]:
    """Headline recall (concept not other:, scope whole, period year) and keyed precision."""
    labels = pl.read_csv(OUTCOMES / "labels.csv", infer_schema=False)
    hits = total = good = keyed = 0
    for province, slug in SLUGS.items():
        raw = (OUTCOMES / f"{slug}.txt").read_text(encoding="utf-8")
        normalised = extraction_text(raw)
        ours = list(extract_outcomes(raw).iter_rows(named=True))
        gold = []
        for row in labels.filter(report=province).iter_rows(named=True):
            quote = extraction_text(row["quote"])
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(quote), normalised)]
            headline = (
                not row["concept"].startswith("other:")
                and row["scope"] == "whole"
                and row["period"] == "year"
            )
            gold.append(
                (float(row["value"]), row["unit"], spans, headline, row["scope"] == "whole")
            )

        def same(
            o: dict[str, object], g: tuple[float, str, list[tuple[int, int]], bool, bool]
        ) -> bool:
            unit = re.sub(r"\(.*\)", "", str(o["unit"]))
            return abs(float(o["value"]) - g[0]) < 1e-9 and unit == g[1] and _overlaps(o, g[2])  # type: ignore[arg-type]

        headline = [g for g in gold if g[3]]
        total += len(headline)
        hits += sum(any(same(o, g) for o in ours) for g in headline)
        with_key = [o for o in ours if o["indicator"] is not None]
        keyed += len(with_key)
        # A keyed row is right when it is any labelled whole-jurisdiction figure: the
        # labels call a concept "other: …" when it recurs in few reports, not when it is wrong.
        whole = [g for g in gold if g[4]]
        good += sum(any(same(o, g) for g in whole) for o in with_key)
    return hits / total, good / keyed


def test_plan_outcomes_recover_the_curated_table() -> None:
    recall, precision = plan_scores()
    assert recall >= 0.95
    assert precision >= 0.95


def test_review_outcomes_match_the_labels() -> None:
    recall, precision = review_scores()
    assert recall >= 0.95
    assert precision >= 0.95


def test_fixtures_have_their_header_lines() -> None:
    for slug in SLUGS.values():
        lines = (OUTCOMES / f"{slug}.txt").read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# 2026年")
        assert lines[1].startswith("# ")


def test_signs_periods_scope_and_ranks() -> None:
    rows = extract_outcomes(
        "一、2025年工作回顾。全省地区生产总值5.2万亿元、增长5.4%，居民消费价格下降0.1%，"
        "单位地区生产总值能耗下降3.2%。其中长沙市地区生产总值增长6%，粮食产量居全国第3位。"
        "“十四五”时期，地区生产总值年均增长5.5%。"
    )
    by_quote = {row["quote"]: row for row in rows.iter_rows(named=True)}
    assert rows["indicator"].to_list()[:4] == [
        "gdp",
        "gdp_growth",
        "cpi_growth",
        "energy_intensity",
    ]
    assert rows["value"].to_list()[2:4] == [-0.1, 3.2]
    city = next(row for quote, row in by_quote.items() if "长沙市" in quote)
    assert city["indicator"] is None
    rank = rows.filter(qualifier="rank").row(0, named=True)
    assert (rank["value"], rank["unit"]) == (3.0, "位")
    multi = rows.filter(period="multi_year").row(0, named=True)
    assert multi["year"] is None
    assert multi["indicator"] is None
    assert multi["value"] == 5.5
    assert set(rows["year"].drop_nulls()) == {2025}


def test_quotes_are_substrings_at_their_offsets() -> None:
    text = jinan_gov.source_text("plan_2023")
    normalised = extraction_text(text)
    rows = extract_outcomes(text)
    assert rows.height > 150
    for row in rows.iter_rows(named=True):
        assert normalised[row["start"] : row["end"]] == row["quote"]


def test_no_review_no_rows_and_targets_are_not_outcomes() -> None:
    assert extract_outcomes("").height == 0
    assert extract_outcomes("没有数字的文字。").height == 0
    targets_only = (
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上。"
    )
    assert extract_outcomes(targets_only).height == 0


def test_duplicate_statements_are_kept_with_their_own_quotes() -> None:
    rows = extract_outcomes("2025年工作回顾。地区生产总值增长5%。全年地区生产总值增长5%。")
    assert rows["quote"].to_list() == ["地区生产总值增长5%", "全年地区生产总值增长5%"]


@pytest.mark.parametrize("bad", [None, 3, b"GDP", bytearray(b"x"), ["text"]])
def test_extract_outcomes_rejects_non_strings(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        extract_outcomes(bad)  # type: ignore[arg-type]


def test_extract_outcomes_on_huge_input() -> None:
    rows = extract_outcomes("地区生产总值增长5%。" * 20_000)
    assert rows.height == 20_000
    assert rows["id"].n_unique() == rows.height


@pytest.mark.parametrize(
    "opening", ["经济社会发展的主要预期目标是：", "今年全省发展的主要目标为："]
)
def test_targets_without_a_review_are_not_outcomes(opening: str) -> None:
    # the review ends where the main-target paragraph starts, after header lines too
    for slug, text in sample_reports().items():
        assert extract_outcomes(text).height == 0, slug
    text = (
        f"# 某省政府工作报告\n# 某省 2026\n\n{opening}地区生产总值增长5%左右，城镇新增就业50万人。"
    )
    assert extract_outcomes(text).height == 0
    review = "一、2025年工作回顾。全省地区生产总值增长5.4%。\n" + text
    assert extract_outcomes(review)["value"].to_list() == [5.4]
