from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.text.numerals import (
    parse_chinese_numeral,
    parse_chinese_quantity,
    to_chinese_numeral,
)


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


# --- parse_chinese_quantity: counts of running text ----------------------------------------


def _write_section(n: int) -> str:
    """Reference writer for 1-9999: 一千零五, 两百 is written 二百, 十 after a leading place."""
    digits = "零一二三四五六七八九"
    places = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    out, zero = "", False
    for size, unit in places:
        digit, n = divmod(n, size)
        if digit:
            if zero:
                out += "零"
            out += digits[digit] + unit
            zero = False
        elif out:
            zero = n > 0
    return out


def _write(n: int) -> str:
    """Reference writer for 1-(10**12 - 1): sections of 亿 and 万, 零 for gaps."""
    yi, rest = divmod(n, 10**8)
    wan, low = divmod(rest, 10**4)
    out = _write_section(yi) + "亿" if yi else ""
    if wan:
        out += ("零" if yi and wan < 1000 else "") + _write_section(wan) + "万"
    elif yi and low:
        out += "零"
    if low:
        out += "零" if (yi or wan) and low < 1000 and not out.endswith("零") else ""
        out += _write_section(low)
    return out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("万", 10_000),
        ("十", 10),
        ("百", 100),
        ("千", 1000),
        ("百亿", 10**10),
        ("千亿", 10**11),
        ("十万", 100_000),
        ("两万", 20_000),
        ("三千万", 30_000_000),
        ("两万三千", 23_000),
        ("一亿二千万", 120_000_000),
        ("一亿零五万", 100_050_000),
        ("一千零一", 1001),
        (" 二十 ", 20),
    ],
)
def test_parse_chinese_quantity(text: str, value: int) -> None:
    assert parse_chinese_quantity(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "零", "二二", "百十", "一百五", "一万二", "万亿", "两十", "十百", "亿万", "三零", "九a"],
)
def test_parse_chinese_quantity_rejects_malformed(text: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese count"):
        parse_chinese_quantity(text)


@pytest.mark.parametrize("bad", [None, 5, b"\xe4\xb8\x87"])
def test_parse_chinese_quantity_rejects_non_strings(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        parse_chinese_quantity(bad)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=999))
def test_parse_chinese_quantity_agrees_with_parse_chinese_numeral(n: int) -> None:
    assert parse_chinese_quantity(to_chinese_numeral(n)) == n


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_parse_chinese_quantity_round_trips(n: int) -> None:
    assert parse_chinese_quantity(_write(n)) == n
