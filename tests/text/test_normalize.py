from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov import rules, search_indicators
from jinan_gov.errors import InvalidTextError
from jinan_gov.text import normalize
from jinan_gov.text.normalize import fold_text, is_cjk, normalize_text, split_raw_lines
from tests.strategies import ASCII_ALNUM, CJK, PUNCTUATION, RAW_FRAGMENT, SPACES

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


# Full-width forms (U+FF01..U+FF5E), the ideographic space and traditional characters.
FULL_WIDTH = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)
TRADITIONAL = st.sampled_from("會簽國務機關後發開關議長為區縣員協調審")
FOLDABLE = st.lists(
    st.one_of(CJK, ASCII_ALNUM, PUNCTUATION, SPACES, FULL_WIDTH, TRADITIONAL, st.just("\u3000")),
    max_size=40,
).map("".join)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("會簽文件", "会签文件"),
        ("市政府常務會議", "市政府常务会议"),
        ("ｅｘｅｃｕｔｉｖｅ", "executive"),
        ("增长３.１％", "增长3.1%"),
        ("第三十九条\u3000会议", "第三十九条 会议"),
        ("主要目标，部门（单位）：", "主要目标,部门(单位):"),
        ("NIO House", "NIO House"),
        # a variant OpenCC maps in two steps (薴 → 苧 → 苎): folded all the way
        ("薴", "苎"),
        ("", ""),
    ],
)
def test_fold_text(text: str, expected: str) -> None:
    assert fold_text(text) == expected


@given(FOLDABLE)
def test_fold_text_is_idempotent(text: str) -> None:
    once = fold_text(text)
    assert fold_text(once) == once


@given(FOLDABLE)
def test_fold_text_leaves_no_full_width_or_traditional_form(text: str) -> None:
    folded = fold_text(text)
    assert not any("\uff01" <= char <= "\uff5e" or char == "\u3000" for char in folded)
    assert not set(folded) & set("會簽國務機關後發開關議長為區縣員協調審")


@pytest.mark.parametrize("bad", [b"bytes", None, 3])
def test_fold_text_rejects_non_string(bad: object) -> None:
    with pytest.raises(TypeError, match="fold_text\\(\\) expects str, got"):
        fold_text(bad)  # type: ignore[arg-type]


@given(
    st.text(
        alphabet=st.sampled_from(
            list("ａＺ０９，：（）　\u3000abc 12,.会簽\u0301\u0308\u3099か\uff76\uff9eｶﾞ①㎡ﬁ")
        ),
        max_size=40,
    )
)
def test_nfkc_is_unicode_nfkc(text: str) -> None:
    import unicodedata  # noqa: PLC0415

    from jinan_gov.text.normalize import nfkc  # noqa: PLC0415

    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("function", ["normalize_text", "fold_text", "clean_web_text"])
def test_lone_surrogate_is_one_line_of_our_error(function: str) -> None:
    with pytest.raises(InvalidTextError, match=rf"{function}\(\) got text with a lone surrogate"):
        getattr(normalize, function)("會簽\ud800文件")


def test_lone_surrogate_in_searches() -> None:

    with pytest.raises(InvalidTextError, match="lone surrogate"):
        rules.search("會簽\ud800")
    with pytest.raises(InvalidTextError, match="lone surrogate"):
        search_indicators("會簽\ud800")


_HEADER_PIECES = ["市政府文件", "济南市人民政府公报", "(", "(", "2023年第10期", ")", ")", "x", "高"]


def _headers_until_fixpoint(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, normalize._HEADER_INLINE.sub("", text)
    return text


@given(st.lists(st.sampled_from(_HEADER_PIECES), max_size=40))
def test_inline_headers_removed_as_by_repeated_substitution(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert normalize._drop_inline_headers(text) == _headers_until_fixpoint(text)


def test_nested_page_headers_take_linear_time() -> None:
    opening, closing = "市政府文件济南市人民政府公报(", "2023年第10期)"
    levels = 100_000 // (len(opening) + len(closing))
    text = opening * levels + "正文" + closing * levels
    started = time.perf_counter()
    # The innermost header encloses text, so nothing nests: only the text is left.
    assert normalize_text(opening * levels + closing * levels) == ""
    assert normalize_text(text).startswith("市政府文件")
    assert time.perf_counter() - started < 1.0
