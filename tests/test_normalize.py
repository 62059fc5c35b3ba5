from __future__ import annotations

import pytest
from hypothesis import given

from jinan_gov.normalize import is_cjk, normalize_text, split_raw_lines
from tests.strategies import RAW_FRAGMENT

HEADER = "市政府文件              济南市人民政府公报 (2023年第10期)"
HEADER_REVERSED = "济南市人民政府公报 (2023年第10期)              市政府文件"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a line break every ~18 characters
        ("全市实现地区\n\n生产总值12027.5亿元", "全市实现地区生产总值12027.5亿元"),
        # justification spaces inside words
        ("新建高 标 准 农 田 27.5 万 亩", "新建高标准农田27.5万亩"),
        ("2023年 中 国 (济 南)科 创 金 融 论 坛", "2023年中国(济南)科创金融论坛"),
        # spaces around quotation marks
        ("新旧动能转换 “五年取得突破”主要目标", "新旧动能转换“五年取得突破”主要目标"),
        # ASCII punctuation where the print has full-width marks
        ("各部门 (单位):", "各部门(单位):"),
        (
            "《山东省 <党政机关公文处理工作条例>实施办法》",
            "《山东省〈党政机关公文处理工作条例〉实施办法》",
        ),
        # a figure split by a line break
        ("发放租赁住房补贴1.\n\n3万户以上", "发放租赁住房补贴1.3万户以上"),
        ("增长\n\n3.1%", "增长3.1%"),
        # Latin words stay apart, across a wrap too
        ("蔚来\n\nNIO\n \n\nHouse等商业品牌首店55家", "蔚来NIO House等商业品牌首店55家"),
        ("“5G\n +工业互联网”", "“5G+工业互联网”"),
        # ASCII between two digits is not punctuation to convert
        ("1,000人 9:30", "1,000人9:30"),
    ],
)
def test_each_artefact_kind(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("header", [HEADER, HEADER_REVERSED])
def test_page_header_and_page_number_removed(header: str) -> None:
    raw = f"一是加快建设高水平创新型城市。1.\n\n8\n\n{header}\n\n\n\n构建高能级创新平台。"
    assert normalize_text(raw) == "一是加快建设高水平创新型城市。1.构建高能级创新平台。"


def test_bare_number_not_next_to_a_header_is_text() -> None:
    assert split_raw_lines("达到\n\n8\n\n个") == ["达到", "8", "个"]


def test_rejects_non_string() -> None:
    with pytest.raises(TypeError, match="expects str"):
        normalize_text(b"bytes")  # type: ignore[arg-type]


@given(RAW_FRAGMENT)
def test_idempotent(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


@given(RAW_FRAGMENT)
def test_no_cjk_character_lost(raw: str) -> None:
    assert [c for c in normalize_text(raw) if is_cjk(c)] == [c for c in raw if is_cjk(c)]


@given(RAW_FRAGMENT)
def test_output_is_one_line_without_justification_spaces(raw: str) -> None:
    out = normalize_text(raw)
    assert "\n" not in out
    for index, char in enumerate(out):
        if char == " ":
            for neighbour in (out[index - 1], out[index + 1]):
                assert neighbour.isascii()
                assert neighbour.isalnum()
