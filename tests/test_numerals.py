from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.numerals import parse_chinese_numeral, to_chinese_numeral


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("两", 2),
        ("九", 9),
        ("十", 10),
        ("一十", 10),
        ("十一", 11),
        ("一十一", 11),
        ("二十", 20),
        ("三十九", 39),
        ("七十六", 76),
        ("九十九", 99),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("一百一十五", 115),
        ("两百", 200),
        ("两百零二", 202),
        ("九百九十九", 999),
        (" 三十 ", 30),
    ],
)
def test_parse(text: str, value: int) -> None:
    assert parse_chinese_numeral(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "零",
        "百",
        "十十",
        "两十",
        "十两",
        "一百五",
        "一百十",
        "一百零",
        "一千",
        "三九",
        "39",
        "第三十九",
        "三十九条",
        "一百零十",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        parse_chinese_numeral(text)


@pytest.mark.parametrize("bad", [39, None, b"\xe5\x8d\x81", 3.0])
def test_parse_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        parse_chinese_numeral(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (39, "三十九"),
        (76, "七十六"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (200, "二百"),
        (999, "九百九十九"),
    ],
)
def test_to_chinese(value: int, text: str) -> None:
    assert to_chinese_numeral(value) == text


@pytest.mark.parametrize("bad", [0, -1, 1000])
def test_to_chinese_range(bad: int) -> None:
    with pytest.raises(ValueError, match="1-999"):
        to_chinese_numeral(bad)


@pytest.mark.parametrize("bad", [True, 3.0, "3", None])
def test_to_chinese_type(bad: object) -> None:
    with pytest.raises(TypeError, match="expects int"):
        to_chinese_numeral(bad)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=999))
def test_round_trip(n: int) -> None:
    text = to_chinese_numeral(n)
    assert parse_chinese_numeral(text) == n
    assert "两" not in text
    assert not text.startswith("一十")


def test_round_trip_exhaustive_and_injective() -> None:
    texts = [to_chinese_numeral(n) for n in range(1, 1000)]
    assert len(set(texts)) == 999
    assert [parse_chinese_numeral(t) for t in texts] == list(range(1, 1000))


@given(st.text(alphabet="一二三四五六七八九十百零两", max_size=6))
def test_parse_is_inverse_where_defined(text: str) -> None:
    try:
        value = parse_chinese_numeral(text)
    except ValueError:
        return
    assert 1 <= value <= 999
    # The canonical form differs only by 两 -> 二 and a leading 一十 -> 十.
    expected = text.strip().replace("两", "二")
    if expected.startswith("一十"):
        expected = expected[1:]
    assert to_chinese_numeral(value) == expected
