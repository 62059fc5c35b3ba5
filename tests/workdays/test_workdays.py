from __future__ import annotations

import datetime as dt
import itertools

import chinese_calendar
import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.errors import CalendarNotPublishedError
from jinan_gov.workdays import (
    DAY_KINDS,
    add_working_days,
    day_kind,
    holiday_name,
    is_working_day,
    published_years,
    working_days_between,
)

D = dt.date
FIRST = D(published_years()[0], 1, 1)
LAST = D(published_years()[-1], 12, 31)
PUBLISHED_DATES = st.dates(min_value=FIRST, max_value=LAST)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# --- reference implementations: day by day, straight on chinese_calendar -------------------


def _ref_is_working_day(day: dt.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        raise CalendarNotPublishedError(str(exc)) from exc


def _ref_add(start: dt.date, n: int) -> dt.date:
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        n -= _ref_is_working_day(day)
    return day


def _ref_between(start: dt.date, end: dt.date) -> int:
    if end < start:
        return -_ref_between(end, start)
    return sum(_ref_is_working_day(d) for d in _days(start + dt.timedelta(days=1), end))


# --- the official 2023 schedule (国办发明电〔2022〕16号) -------------------------------------

MAKE_UP_2023 = [D(2023, 1, 28), D(2023, 1, 29), D(2023, 4, 23), D(2023, 5, 6)]
MAKE_UP_2023 += [D(2023, 6, 25), D(2023, 10, 7), D(2023, 10, 8)]
HOLIDAYS_2023 = [
    D(2023, 1, 2),  # New Year (observed; 01-01 is a Sunday anyway)
    *_days(D(2023, 1, 21), D(2023, 1, 27)),  # Spring Festival
    D(2023, 4, 5),  # Qingming
    *_days(D(2023, 4, 29), D(2023, 5, 3)),  # Labour Day
    *_days(D(2023, 6, 22), D(2023, 6, 24)),  # Dragon Boat
    *_days(D(2023, 9, 29), D(2023, 10, 6)),  # Mid-Autumn + National Day
]


def test_published_years() -> None:
    years = published_years()
    assert years.step == 1
    assert years[0] <= 2004
    assert 2023 in years
    assert 2026 in years
    # The range is exactly what chinese_calendar answers: one year beyond either end raises.
    assert chinese_calendar.is_workday(FIRST) in (True, False)
    assert chinese_calendar.is_workday(LAST) in (True, False)
    for outside in (FIRST - dt.timedelta(days=1), LAST + dt.timedelta(days=1)):
        with pytest.raises(NotImplementedError):
            chinese_calendar.is_workday(outside)


@pytest.mark.parametrize("day", MAKE_UP_2023, ids=str)
def test_2023_make_up_days_are_working_days(day: dt.date) -> None:
    assert day.weekday() >= 5  # all are weekend days ...
    assert is_working_day(day)  # ... that are worked


@pytest.mark.parametrize("day", HOLIDAYS_2023, ids=str)
def test_2023_holidays_are_off(day: dt.date) -> None:
    assert not is_working_day(day)


def test_2023_rest_of_year_follows_the_weekday() -> None:
    special = set(MAKE_UP_2023) | set(HOLIDAYS_2023)
    for day in _days(D(2023, 1, 1), D(2023, 12, 31)):
        if day not in special:
            assert is_working_day(day) == (day.weekday() < 5), day
    assert working_days_between(D(2022, 12, 31), D(2023, 12, 31)) == 249


def test_agrees_with_holidays_package_2023_to_2026() -> None:
    china = holidays.country_holidays("CN", years=range(2023, 2027))
    disagreements = {
        day: (is_working_day(day), china.is_working_day(day))
        for day in _days(D(2023, 1, 1), D(2026, 12, 31))
        if is_working_day(day) != china.is_working_day(day)
    }
    assert disagreements == {}


def test_known_disagreement_with_holidays_package_over_published_range() -> None:
    # The only disagreement over 2004-2026: 2005-12-31 (a Saturday worked in exchange for
    # 2006-01-03 under the 2006 New Year notice). `holidays` has it as a working day,
    # chinesecalendar 1.11.0 misses it (reported upstream: liriansu-opus/chinese-calendar#125).
    # We follow chinesecalendar; this pins the discrepancy so a change on either side shows up.
    china = holidays.country_holidays("CN", years=published_years())
    disagreements = {
        day: (is_working_day(day), china.is_working_day(day))
        for day in _days(FIRST, LAST)
        if is_working_day(day) != china.is_working_day(day)
    }
    assert disagreements == {D(2005, 12, 31): (False, True)}


# --- add_working_days / working_days_between: documented edge cases -------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2023, 3, 10), 1, D(2023, 3, 13)),  # Friday -> Monday
        (D(2023, 3, 13), 1, D(2023, 3, 14)),  # a working start does not count
        (D(2023, 3, 11), 1, D(2023, 3, 13)),  # Saturday start
        (D(2023, 5, 1), 0, D(2023, 5, 1)),  # n == 0: unchanged, even on a holiday
        (D(2023, 3, 13), 0, D(2023, 3, 13)),
        (D(2023, 5, 1), 1, D(2023, 5, 4)),  # start on a holiday
        (D(2023, 4, 28), 1, D(2023, 5, 4)),  # over the May Day break
        (D(2023, 4, 28), 3, D(2023, 5, 6)),  # ... onto the make-up Saturday
        (D(2023, 5, 5), 1, D(2023, 5, 6)),  # Friday -> make-up Saturday
        (D(2023, 5, 6), 1, D(2023, 5, 8)),  # start on a make-up day
        (D(2023, 4, 22), 1, D(2023, 4, 23)),  # Saturday -> make-up Sunday
        (D(2023, 9, 28), 1, D(2023, 10, 7)),  # National Day: make-up Saturday ...
        (D(2023, 9, 28), 2, D(2023, 10, 8)),  # ... and Sunday
        (D(2023, 9, 28), 3, D(2023, 10, 9)),
        (D(2023, 12, 29), 1, D(2024, 1, 2)),  # over New Year into the next year
        (D(2023, 12, 31), 251, D(2024, 12, 31)),  # 2024 has 251 working days ...
        (D(2023, 12, 31), 252, D(2025, 1, 2)),  # ... and 2025-01-01 is off
    ],
)
def test_add_working_days_examples(start: dt.date, n: int, expected: dt.date) -> None:
    assert add_working_days(start, n) == expected
    assert working_days_between(start, expected) == n


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2023, 9, 28), D(2023, 10, 8), 2),
        (D(2023, 10, 8), D(2023, 9, 28), -2),
        (D(2023, 5, 1), D(2023, 5, 1), 0),
        (D(2023, 5, 6), D(2023, 5, 6), 0),  # equal dates: 0 even on a working day
        (D(2023, 5, 5), D(2023, 5, 6), 1),
        (D(2023, 4, 28), D(2023, 5, 3), 0),  # whole holiday
        (D(2022, 12, 30), D(2023, 1, 3), 1),
        (FIRST, LAST, _ref_between(FIRST, LAST)),
    ],
)
def test_working_days_between_examples(start: dt.date, end: dt.date, expected: int) -> None:
    assert working_days_between(start, end) == expected


def test_add_working_days_up_to_the_last_published_day() -> None:
    last_working = max(d for d in _days(D(LAST.year, 12, 1), LAST) if is_working_day(d))
    total = working_days_between(FIRST, last_working)
    assert add_working_days(FIRST, total) == last_working
    with pytest.raises(CalendarNotPublishedError, match=f"{LAST.year + 1}-01-01"):
        add_working_days(FIRST, total + 1)
    assert add_working_days(LAST, 0) == LAST


# --- hypothesis properties ------------------------------------------------------------------


@given(start=PUBLISHED_DATES, n=st.integers(min_value=1, max_value=6000))
def test_result_is_a_working_day_after_start(start: dt.date, n: int) -> None:
    try:
        result = add_working_days(start, n)
    except CalendarNotPublishedError:
        # Only when the count genuinely runs out of published days.
        assert working_days_between(start, LAST) < n
        return
    assert result > start
    assert is_working_day(result)
    assert working_days_between(start, result) == n
    # Nothing skipped: the day before the result is still short of n.
    assert working_days_between(start, result - dt.timedelta(days=1)) == n - 1


@given(start=PUBLISHED_DATES, n=st.integers(min_value=0, max_value=3000))
def test_round_trip(start: dt.date, n: int) -> None:
    try:
        result = add_working_days(start, n)
    except CalendarNotPublishedError:
        return
    assert working_days_between(start, result) == n
    assert working_days_between(result, start) == -n


@given(start=PUBLISHED_DATES, ns=st.lists(st.integers(0, 500), min_size=2, max_size=6, unique=True))
def test_strictly_increasing_in_n(start: dt.date, ns: list[int]) -> None:
    ns.sort()
    try:
        results = [add_working_days(start, n) for n in ns]
    except CalendarNotPublishedError:
        return
    assert all(a < b for a, b in itertools.pairwise(results))


@given(a=PUBLISHED_DATES, b=PUBLISHED_DATES, c=PUBLISHED_DATES)
def test_between_is_antisymmetric_and_additive(a: dt.date, b: dt.date, c: dt.date) -> None:
    assert working_days_between(a, b) == -working_days_between(b, a)
    assert working_days_between(a, c) == working_days_between(a, b) + working_days_between(b, c)


@given(start=PUBLISHED_DATES, n=st.integers(min_value=0, max_value=80))
def test_add_agrees_with_day_by_day_reference(start: dt.date, n: int) -> None:
    try:
        expected = _ref_add(start, n)
    except CalendarNotPublishedError:
        with pytest.raises(CalendarNotPublishedError):
            add_working_days(start, n)
    else:
        assert add_working_days(start, n) == expected


@given(start=PUBLISHED_DATES, offset=st.integers(min_value=-120, max_value=120))
def test_between_agrees_with_day_by_day_reference(start: dt.date, offset: int) -> None:
    end = start + dt.timedelta(days=offset)
    if end.year not in published_years():
        with pytest.raises(CalendarNotPublishedError):
            working_days_between(start, end)
        return
    assert working_days_between(start, end) == _ref_between(start, end)


@given(day=PUBLISHED_DATES)
def test_is_working_day_agrees_with_chinese_calendar(day: dt.date) -> None:
    assert is_working_day(day) == chinese_calendar.is_workday(day)


# --- bad input ------------------------------------------------------------------------------

NOT_DATES: list[object] = [
    "2023-05-06",
    "not a date",
    20230506,
    None,
    1.5,
    (2023, 5, 6),
]
DATETIMES = [dt.datetime(2023, 5, 6), dt.datetime(2023, 5, 6, 23, tzinfo=dt.UTC)]


@pytest.mark.parametrize("bad", NOT_DATES, ids=repr)
def test_non_dates_are_type_errors(bad: object) -> None:
    hint = r"pass a datetime\.date, e\.g\. datetime\.date\.fromisoformat\('2023-05-06'\)"
    with pytest.raises(TypeError, match=hint):
        is_working_day(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"start must be a datetime\.date"):
        add_working_days(bad, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"start must be a datetime\.date"):
        working_days_between(bad, D(2023, 5, 6))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"end must be a datetime\.date"):
        working_days_between(D(2023, 5, 6), bad)  # type: ignore[arg-type]


def test_iso_string_hint_echoes_the_string() -> None:
    with pytest.raises(TypeError, match=r"fromisoformat\('2024-10-08'\)"):
        is_working_day("2024-10-08")  # type: ignore[arg-type]


@pytest.mark.parametrize("moment", DATETIMES, ids=repr)
def test_datetimes_are_rejected(moment: dt.datetime) -> None:
    with pytest.raises(TypeError, match=r"not datetime\.datetime.*time zone.*\.date\(\)"):
        is_working_day(moment)
    with pytest.raises(TypeError, match=r"not datetime\.datetime"):
        add_working_days(moment, 0)
    with pytest.raises(TypeError, match=r"not datetime\.datetime"):
        working_days_between(D(2023, 5, 6), moment)


@pytest.mark.parametrize("bad_n", [True, False, 1.0, 2.5, "3", None], ids=repr)
def test_non_int_n_is_a_type_error(bad_n: object) -> None:
    with pytest.raises(TypeError, match="n must be an int"):
        add_working_days(D(2023, 5, 6), bad_n)  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [-1, -250])
def test_negative_n_is_a_value_error(n: int) -> None:
    with pytest.raises(ValueError, match=f"n must be >= 0, got {n}") as info:
        add_working_days(D(2023, 5, 6), n)
    assert not isinstance(info.value, CalendarNotPublishedError)


def test_calendar_error_is_a_value_error() -> None:
    assert issubclass(CalendarNotPublishedError, ValueError)


@pytest.mark.parametrize(
    "day", [D(2003, 1, 1), D(2003, 12, 31), D(2030, 1, 1), LAST + dt.timedelta(1)]
)
def test_unpublished_years_raise(day: dt.date) -> None:
    supported = f"{FIRST.year}-{LAST.year}"
    message = rf"date {day.isoformat()}: .*schedule for {day.year} .*{supported}"
    ok = D(2023, 5, 6)
    with pytest.raises(CalendarNotPublishedError, match=message):
        is_working_day(day)
    with pytest.raises(CalendarNotPublishedError, match=message):
        add_working_days(day, 1)
    with pytest.raises(CalendarNotPublishedError, match=message):
        add_working_days(day, 0)  # the start's year must be published even for n == 0
    with pytest.raises(CalendarNotPublishedError, match=message):
        working_days_between(day, ok)
    with pytest.raises(CalendarNotPublishedError, match=message):
        working_days_between(ok, day)
    with pytest.raises(CalendarNotPublishedError, match=message):
        working_days_between(day, day)


def test_huge_n_runs_out_of_the_published_calendar() -> None:
    message = rf"add_working_days\(2023-05-06, {10**30}\) needs dates from {LAST.year + 1}-01-01"
    with pytest.raises(CalendarNotPublishedError, match=message):
        add_working_days(D(2023, 5, 6), 10**30)
    with pytest.raises(CalendarNotPublishedError, match=f"{LAST.year + 1}"):
        add_working_days(D(LAST.year, 12, 20), 30)


def test_day_kind_and_holiday_name_on_the_2023_may_day_break() -> None:
    kinds = {d: day_kind(dt.date(2023, 4, d)) for d in (22, 23, 28, 29, 30)}
    assert kinds == {22: "weekend", 23: "makeup", 28: "working", 29: "holiday", 30: "holiday"}
    assert holiday_name(dt.date(2023, 4, 23)) == holiday_name(dt.date(2023, 5, 3)) == "劳动节"
    assert holiday_name(dt.date(2023, 4, 22)) is None
    assert set(DAY_KINDS) == {"working", "makeup", "weekend", "holiday"}


@given(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2025, 12, 31)))
def test_day_kind_agrees_with_is_working_day(day: dt.date) -> None:
    kind = day_kind(day)
    assert kind in DAY_KINDS
    assert (kind in ("working", "makeup")) == is_working_day(day)
    assert (kind == "holiday") <= (holiday_name(day) is not None)


@pytest.mark.parametrize("bad", ["2023-05-01", dt.datetime(2023, 5, 1), None])
def test_day_kind_and_holiday_name_reject_non_dates(bad: object) -> None:
    for function in (day_kind, holiday_name):
        with pytest.raises(TypeError, match=r"day must be a datetime\.date"):
            function(bad)  # type: ignore[arg-type]


def test_day_kind_unpublished_year() -> None:
    for function in (day_kind, holiday_name):
        with pytest.raises(CalendarNotPublishedError, match="2030"):
            function(dt.date(2030, 1, 2))
