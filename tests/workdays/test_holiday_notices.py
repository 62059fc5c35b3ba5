"""State Council holiday notices: reading them, and counting working days with them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov import rules
from jinan_gov.errors import CalendarNotPublishedError, InvalidHolidayNoticeError
from jinan_gov.workdays import (
    HolidayNotice,
    _bundled,
    add_working_days,
    day_kind,
    holiday_name,
    is_working_day,
    load_holiday_notice,
    published_years,
    working_days_between,
)

D = dt.date
NOTICES = Path(__file__).parents[1] / "data" / "holiday_notices"
AGREEING = range(2021, 2027)  # reproduce the bundled calendar exactly
AMENDED = (2019, 2020)  # changed by later notices, which the bundled calendar follows


def _text(year: int) -> str:
    """A stored notice without its header comment."""
    lines = (NOTICES / f"{year}.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#"))


def _days(year: int) -> list[dt.date]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((D(year, 12, 31) - first).days + 1)]


@contextmanager
def bundled_until(last: int) -> Iterator[None]:
    """Pretend the bundled calendar ends with ``last`` (as it does every December)."""
    real = _bundled.published_years()
    with mock.patch.object(_bundled, "published_years", return_value=range(real[0], last + 1)):
        yield


def _load_unchecked(year: int) -> HolidayNotice:
    """A notice read as if the bundled calendar did not cover its year yet."""
    with bundled_until(year - 1):
        return load_holiday_notice(_text(year))


def test_every_fixture_has_a_header_naming_title_source_and_date() -> None:
    years = sorted(int(p.stem) for p in NOTICES.glob("*.txt"))
    assert years == [*AMENDED, *AGREEING]
    for year in years:
        header = [x for x in (NOTICES / f"{year}.txt").read_text().splitlines() if x[:1] == "#"]
        assert f"关于{year}年部分节假日安排的通知" in header[0]
        assert "dated" in header[0]
        assert any("Source: http" in line for line in header)


# --- real notices reproduce the bundled calendar ---------------------------------------------


@pytest.mark.parametrize("year", AGREEING)
def test_a_real_notice_reproduces_the_bundled_calendar(year: int) -> None:
    notice = load_holiday_notice(_text(year))  # agrees, so it loads with the year covered
    assert notice.year == year
    bundled = {day: is_working_day(day) for day in _days(year)}
    with bundled_until(year - 1):  # now the notice alone decides the year
        noticed = {day: is_working_day(day, notices=[notice]) for day in _days(year)}
        with pytest.raises(CalendarNotPublishedError):
            is_working_day(D(year, 6, 1))
    assert noticed == bundled


def test_notices_in_a_row_reproduce_the_bundled_years() -> None:
    notices = [_load_unchecked(year) for year in AGREEING]
    first, last = D(AGREEING[0], 1, 1), D(AGREEING[-1], 12, 31)
    expected = working_days_between(first, last)
    days = [d for y in AGREEING for d in _days(y)]
    kinds = [_kind(d, day_kind(d)) for d in days]
    with bundled_until(AGREEING[0] - 1):
        assert working_days_between(first, last, notices=notices) == expected
        assert [_kind(d, day_kind(d, notices=notices)) for d in days] == kinds


def _kind(day: dt.date, kind: str) -> str:
    # The bundled calendar counts the weekend a one-day holiday is "joined with" (与周末连休)
    # as part of the holiday; the notice names the one day. Both are days off.
    return "weekend" if kind == "holiday" and day.weekday() >= 5 else kind


@pytest.mark.parametrize("year", AGREEING)
def test_the_notice_items(year: int) -> None:
    notice = load_holiday_notice(_text(year))
    names = [h.name_zh for h in notice.holidays]
    assert {n for name in names for n in name.split("、")} == {
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "中秋节",
        "国庆节",
    }
    assert all(d.weekday() >= 5 for d in notice.working_days)
    for holiday in notice.holidays:
        span = (holiday.last_day - holiday.first_day).days + 1
        assert holiday.total_days in (None, span)
        assert set(holiday.days_off) <= notice.days_off


def test_the_2024_notice_in_detail() -> None:
    notice = load_holiday_notice(_text(2024))
    spring = notice.holidays[1]
    assert (spring.name_zh, spring.name_en) == ("春节", "Spring Festival")
    assert (spring.first_day, spring.last_day, spring.total_days) == (
        D(2024, 2, 10),
        D(2024, 2, 17),
        8,
    )
    assert spring.working_days == (D(2024, 2, 4), D(2024, 2, 18))
    assert D(2024, 2, 9) not in notice.days_off  # 除夕: only a recommendation to rest
    new_year = notice.holidays[0]
    assert (new_year.first_day, new_year.last_day, new_year.total_days) == (D(2024, 1, 1),) * 2 + (
        None,
    )
    assert notice.working_days == {
        D(2024, 2, 4),
        D(2024, 2, 18),
        D(2024, 4, 7),
        D(2024, 4, 28),
        D(2024, 5, 11),
        D(2024, 9, 14),
        D(2024, 9, 29),
        D(2024, 10, 12),
    }
    assert (
        repr(notice) == "HolidayNotice(year=2024, 7 holidays, 28 days off, 8 make-up working days)"
    )


def test_combined_items_and_a_new_year_break_from_the_year_before() -> None:
    notice_2023 = load_holiday_notice(_text(2023))
    combined = notice_2023.holidays[-1]
    assert combined.name_zh == "中秋节、国庆节"
    assert combined.name_en == "Mid-Autumn Festival and National Day"
    assert (combined.first_day, combined.last_day, combined.total_days) == (
        D(2023, 9, 29),
        D(2023, 10, 6),
        8,
    )
    assert notice_2023.holidays[0].first_day == D(2022, 12, 31)
    assert load_holiday_notice(_text(2025)).holidays[-1].name_en == (
        "National Day and Mid-Autumn Festival"
    )


@pytest.mark.parametrize(
    ("year", "days"),
    [
        (
            2019,
            "2019-04-28 (notice: off), 2019-05-02 (notice: working), "
            "2019-05-03 (notice: working), 2019-05-05 (notice: off)",
        ),
        (2020, "2020-01-31 (notice: working), 2020-02-01 (notice: working)"),
    ],
)
def test_an_amended_notice_disagrees_with_the_bundled_calendar_and_is_refused(
    year: int, days: str
) -> None:
    with pytest.raises(InvalidHolidayNoticeError) as info:
        load_holiday_notice(_text(year))
    message = str(info.value)
    assert f"the notice for {year} disagrees with the bundled calendar" in message
    assert f" on {days}; a notice never overrides" in message
    assert "\n" not in message
    _load_unchecked(year)  # the text itself is fine


def test_the_2019_notice_reaches_into_december_2018() -> None:
    notice = _load_unchecked(2019)
    assert notice.holidays[0].days_off == (D(2018, 12, 30), D(2018, 12, 31), D(2019, 1, 1))
    assert D(2018, 12, 29) in notice.working_days


# --- beyond the bundled calendar -----------------------------------------------------------


def test_a_deadline_into_a_year_the_bundled_calendar_lacks() -> None:
    notice = load_holiday_notice(_text(2026))
    start = D(2025, 12, 30)  # Tuesday; 2026-01-01..03 off, Sunday 01-04 worked
    with bundled_until(2025):
        notice = _load_unchecked(2026)
        with pytest.raises(CalendarNotPublishedError) as info:
            add_working_days(start, 3)
        message = str(info.value)
        assert "needs dates from 2026-01-01 on" in message
        assert "pass notices=[load_holiday_notice(text)]" in message
        assert "国务院办公厅关于2026年部分节假日安排的通知" in message
        assert "jinan-gov due --notice FILE" in message
        assert add_working_days(start, 1, notices=[notice]) == D(2025, 12, 31)
        assert add_working_days(start, 2, notices=[notice]) == D(2026, 1, 4)
        assert add_working_days(start, 3, notices=(n for n in [notice])) == D(2026, 1, 5)
        assert working_days_between(start, D(2026, 1, 5), notices=[notice]) == 3
        assert day_kind(D(2026, 1, 4), notices=[notice]) == "makeup"
        assert day_kind(D(2026, 1, 2), notices=[notice]) == "holiday"
        assert day_kind(D(2026, 1, 10), notices=[notice]) == "weekend"
        assert holiday_name(D(2026, 2, 14), notices=[notice]) == "春节"
        due = rules.due_date("countersign_reply_working_days", start, notices=[notice])
        assert due == D(2026, 1, 7)  # 12-31, 01-04, 01-05, 01-06, 01-07
        with pytest.raises(CalendarNotPublishedError, match="2026"):
            rules.due_date("countersign_reply_working_days", start)
        with pytest.raises(CalendarNotPublishedError, match="needs dates from 2027-01-01"):
            add_working_days(start, 300, notices=[notice])
        with pytest.raises(CalendarNotPublishedError, match="2026"):
            working_days_between(start, D(2026, 1, 5))


def test_a_notice_names_december_days_of_the_year_before() -> None:
    # Made up after the 2023 and 2019 notices: the 2027 notice starting New Year's Day in 2026.
    text = _text(2026).replace("2026", "2027")
    for old, new in [
        (
            "一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。",
            "一、元旦:2026年12月31日至2027年1月2日放假调休,共3天。2026年12月27日(星期日)上班。",
        ),
    ]:
        assert old in text
        text = text.replace(old, new)
    text = text.split("二、")[0] + "二、春节:2月5日至11日放假调休,共7天。"
    text += "三、清明节:4月5日放假。四、劳动节:5月1日放假。五、端午节:6月9日放假。"
    text += "六、中秋节:9月15日放假。七、国庆节:10月1日至7日放假调休,共7天。"
    notice = load_holiday_notice(text)
    assert notice.year == 2027
    assert is_working_day(D(2026, 12, 31))
    assert not is_working_day(D(2026, 12, 31), notices=[notice])
    assert is_working_day(D(2026, 12, 27), notices=[notice])
    assert not is_working_day(D(2026, 12, 27))
    assert add_working_days(D(2026, 12, 30), 1, notices=[notice]) == D(2027, 1, 4)


# --- traditional characters, full-width forms, PDF line breaks --------------------------------


@pytest.mark.parametrize("year", [2023, 2025, 2026])
def test_traditional_full_width_and_broken_lines_parse_the_same(year: int) -> None:
    text = _text(year)
    expected = load_holiday_notice(text)
    traditional = opencc.OpenCC("s2t").convert(text)
    assert traditional != text
    assert "國務院辦公廳" in traditional
    assert load_holiday_notice(traditional) == expected
    full_width = text.translate(str.maketrans(",:()0123456789", "，：（）０１２３４５６７８９"))
    assert "２０２" in full_width
    assert load_holiday_notice(full_width) == expected
    wrapped = "\n".join(text[i : i + 17] for i in range(0, len(text), 17))  # a PDF's columns
    assert load_holiday_notice(wrapped) == expected


def test_title_preamble_and_closing_are_optional() -> None:
    text = _text(2024)
    expected = load_holiday_notice(text)
    items = text[text.index("一、元旦") :]
    preamble = text[text.index("经国务院批准") :]
    without_closing = text[: text.index("节假日期间")]
    assert load_holiday_notice(preamble) == expected  # no title
    assert load_holiday_notice("国务院办公厅关于2024年部分节假日安排的通知\n" + items) == expected
    assert load_holiday_notice(without_closing) == expected
    explicit = _text(2022)[_text(2022).index("一、元旦") :]  # 元旦:2022年1月1日… names the year
    assert load_holiday_notice(explicit) == load_holiday_notice(_text(2022))
    with pytest.raises(InvalidHolidayNoticeError, match="cannot tell the notice's year"):
        load_holiday_notice(items)


# --- bad input -------------------------------------------------------------------------------

_2026 = _text(2026)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no text"),
        (" \n\u3000", "no text"),
        ("国务院办公厅关于印发某某方案的通知", "no festival item"),
        (_2026.split("五、")[0], "no item for 端午节, 中秋节, 国庆节 (a truncated notice?"),
        (_2026.replace("六、中秋节", "六、端午节"), "端午节 is listed twice"),
        (
            _2026.replace("共9天", "共8天"),
            "2026-02-15 to 2026-02-23 is 9 days, but the notice says 共8天",
        ),
        (
            _2026.replace("2月14日(周六)", "2月13日(周五)"),
            "make-up working day 2026-02-13 is a Friday",
        ),
        (
            _2026.replace("2月14日(周六)", "2月14日(周日)"),
            "2026-02-14 is a Saturday, but the notice says 周日",
        ),
        (
            _2026.replace("5月9日(周六)上班", "5月2日(周六)上班"),
            "2026-05-02 both a day off and a make-up",
        ),
        (
            _2026.replace("1月4日(周日)上班", "2025年1月4日(星期六)上班"),
            "2025-01-04 is not in 2026",
        ),
        (
            _2026.replace("10月1日(周四)至7日", "10月1日(周四)至32日"),
            "'32日(周三)' is not a date in 2026",
        ),
        (
            _2026.replace("9月25日(周五)至27日(周日)", "9月27日(周日)至25日(周五)"),
            "the break ends (2026-09-25) before it starts",
        ),
        (
            _2026.replace("三、清明节:4月4日(周六)", "三、清明节:四月四日"),
            "清明节: cannot read the days off",
        ),
        (
            _2026.replace("5月9日(周六)上班", "五月九日上班"),
            "劳动节: cannot read the make-up working days",
        ),
        (
            _2026.replace("关于2026年", "关于2027年"),
            "the title and the preamble name different years: [2026, 2027]",
        ),
        (_2026.replace("1月4日(周日)上班", "1月3日(周六)上班"), "2026-01-03 both a day off"),
        (
            _2026.replace("10月10日(周六)", "10月11日(周日)"),
            "the notice for 2026 disagrees with the bundled calendar",
        ),
    ],
)
def test_bad_notices_are_one_line_errors(text: str, message: str) -> None:
    with pytest.raises(InvalidHolidayNoticeError) as info:
        load_holiday_notice(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (_2026.encode(), "expects str, got bytes: decode it first, e.g. data.decode('utf-8')"),
        (bytearray(b"x"), "expects str, got bytearray: decode it first"),
        (None, "expects str, got NoneType"),
        (Path("2026.txt"), "expects str, got PosixPath"),
    ],
)
def test_non_text_is_a_type_error(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_holiday_notice(value)  # type: ignore[arg-type]


def test_bad_notices_arguments() -> None:
    notice = load_holiday_notice(_2026)
    day = D(2026, 3, 2)
    with pytest.raises(TypeError, match=r"got one HolidayNotice; pass notices=\[notice\]"):
        is_working_day(day, notices=notice)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got str; read a notice's text with load_holiday_notice"):
        add_working_days(day, 1, notices=_2026)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must hold HolidayNotice objects, got str"):
        working_days_between(day, day, notices=[_2026])  # type: ignore[list-item]
    with pytest.raises(InvalidHolidayNoticeError, match="two notices for 2026 given"):
        day_kind(day, notices=[notice, notice])
    with pytest.raises(InvalidHolidayNoticeError, match="two notices for 2026"):
        rules.due_date("countersign_reply_working_days", day, notices=[notice, notice])


# --- properties on notice-derived years ------------------------------------------------------

NOTICED = st.sampled_from(AGREEING)


@given(year=NOTICED, offset=st.integers(0, 364), n=st.integers(min_value=1, max_value=400))
def test_notice_years_add_lands_on_a_working_day_and_round_trips(
    year: int, offset: int, n: int
) -> None:
    notices = [NOTICE_CACHE[y] for y in AGREEING]
    start = D(year, 1, 1) + dt.timedelta(days=offset)
    with bundled_until(AGREEING[0] - 1):
        try:
            result = add_working_days(start, n, notices=notices)
        except CalendarNotPublishedError:
            assert working_days_between(start, D(AGREEING[-1], 12, 31), notices=notices) < n
            return
        assert result > start
        assert is_working_day(result, notices=notices)
        assert working_days_between(start, result, notices=notices) == n
        assert working_days_between(result, start, notices=notices) == -n
        assert working_days_between(start, result - dt.timedelta(days=1), notices=notices) == n - 1
    assert result == add_working_days(start, n)  # the bundled calendar agrees


NOTICE_CACHE = {year: load_holiday_notice(_text(year)) for year in AGREEING}


def test_notices_change_nothing_for_the_years_the_bundled_calendar_covers() -> None:
    notices = list(NOTICE_CACHE.values())
    years = published_years()
    assert all(year in years for year in AGREEING)
    for year in AGREEING:
        for day in _days(year)[::7]:
            assert is_working_day(day, notices=notices) == is_working_day(day)
