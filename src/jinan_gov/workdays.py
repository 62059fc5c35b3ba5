"""Working-day arithmetic on China's official calendar (法定工作日).

A day is a working day when it is a Monday-Friday that is not a public holiday,
or a weekend day that the State Council's annual holiday notice turns into a
make-up working day (调休). The schedule comes from the bundled
``chinesecalendar`` package (import ``chinese_calendar``); years whose schedule
it does not know raise :class:`~jinan_gov.errors.CalendarNotPublishedError`
instead of being guessed from the weekday.

Deadlines in the Work Rules are counted in working days, so the two central
operations are :func:`add_working_days` (the n-th working day *after* a date)
and its inverse :func:`working_days_between`.

Each year's working days are computed once, lazily, as a sorted tuple of
ordinals; lookups bisect into it, so every function costs O(log 365) per
calendar year spanned (at most the ~two dozen published years), never a
day-by-day walk.

>>> from datetime import date
>>> is_working_day(date(2023, 5, 6))  # Saturday, make-up day for May Day
True
>>> add_working_days(date(2023, 4, 28), 1)  # Friday before the May Day break
datetime.date(2023, 5, 4)
>>> working_days_between(date(2023, 4, 28), date(2023, 5, 6))
3
"""

from __future__ import annotations

import datetime as dt
import operator
from bisect import bisect_left, bisect_right
from functools import cache
from importlib import metadata
from typing import Any, SupportsIndex

from jinan_gov.errors import CalendarNotPublishedError

__all__ = (
    "DAY_KINDS",
    "add_working_days",
    "day_kind",
    "holiday_name",
    "is_working_day",
    "published_years",
    "working_days_between",
)

_EXAMPLE_DAY = "2023-05-06"

DAY_KINDS = ("working", "makeup", "weekend", "holiday")
"""What a day is on the official calendar: an ordinary working day, a make-up working day
on a weekend (调休上班), an ordinary weekend day, or a day off for a public holiday."""


@cache
def _calendar() -> Any:
    """The ``chinese_calendar`` module, imported on the first date question, not at import."""
    import chinese_calendar  # noqa: PLC0415

    return chinese_calendar


@cache
def published_years() -> range:
    """The calendar years whose official holiday schedule the bundled calendar knows.

    Derived from the data shipped with ``chinesecalendar`` exactly the way that
    package bounds its own look-ups, so every year in the range is answerable
    and every year outside it raises
    :class:`~jinan_gov.errors.CalendarNotPublishedError`.

    Returns
    -------
    range
        Consecutive years, e.g. ``range(2004, 2027)`` for chinesecalendar 1.11.

    Examples
    --------
    >>> years = published_years()
    >>> years.start
    2004
    >>> 2023 in years and 2026 in years and 2003 not in years
    True
    """
    known = list(_calendar().constants.holidays)
    return range(min(known).year, max(known).year + 1)


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a working day on China's official calendar.

    Weekends are off, public holidays are off, and weekend days designated as
    make-up working days (调休) are working days.

    Parameters
    ----------
    day : datetime.date
        A plain date (``datetime.datetime`` is rejected: which calendar day a
        moment falls on depends on its time zone, so convert it yourself).

    Returns
    -------
    bool

    Raises
    ------
    TypeError
        If ``day`` is not a ``datetime.date`` (strings and datetimes included).
    CalendarNotPublishedError
        If the schedule for ``day.year`` is not in the bundled calendar.

    Examples
    --------
    >>> from datetime import date
    >>> is_working_day(date(2023, 10, 2))   # National Day holiday (a Monday)
    False
    >>> is_working_day(date(2023, 10, 7))   # Saturday, make-up working day
    True
    >>> is_working_day(date(2023, 10, 14))  # ordinary Saturday
    False
    >>> is_working_day("2023-05-06")
    Traceback (most recent call last):
    ...
    TypeError: day must be a datetime.date, got str '2023-05-06'; pass a datetime.date, e.g. datetime.date.fromisoformat('2023-05-06')
    >>> is_working_day(date(2030, 1, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    jinan_gov.errors.CalendarNotPublishedError: date 2030-01-01: China's official working-day schedule for 2030 is not in the bundled calendar ...
    """  # noqa: E501
    day = _check_date(day, "day")
    days = _working_ordinals(_published_year(day))
    ordinal = day.toordinal()
    i = bisect_left(days, ordinal)
    return i < len(days) and days[i] == ordinal


def day_kind(day: dt.date) -> str:
    """What ``day`` is on China's official calendar: one of :data:`DAY_KINDS`.

    Raises
    ------
    TypeError
        If ``day`` is not a ``datetime.date``.
    CalendarNotPublishedError
        If the schedule for ``day.year`` is not in the bundled calendar.

    Examples
    --------
    >>> from datetime import date
    >>> [day_kind(date(2023, 5, d)) for d in (1, 4, 6, 7)]
    ['holiday', 'working', 'makeup', 'weekend']
    """
    if is_working_day(day):
        return "makeup" if day.weekday() >= 5 else "working"
    return "holiday" if holiday_name(day) else "weekend"


def holiday_name(day: dt.date) -> str | None:
    """The Chinese name of the public holiday ``day`` belongs to, else ``None``.

    A day off for a holiday and a make-up working day (调休) for it both belong to it. Raises
    like :func:`day_kind` for a non-date or a year whose schedule is not published.

    Examples
    --------
    >>> from datetime import date
    >>> holiday_name(date(2023, 5, 1)), holiday_name(date(2023, 5, 6)), holiday_name(date(2023, 5, 7))
    ('劳动节', '劳动节', None)
    """  # noqa: E501
    day = _check_date(day, "day")
    _published_year(day)
    _, holiday = _calendar().get_holiday_detail(day)
    if not holiday:
        return None
    return _holiday_names_zh().get(str(holiday), str(holiday))


@cache
def _holiday_names_zh() -> dict[str, str]:
    return {holiday.value: holiday.chinese for holiday in _calendar().Holiday}


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``start``.

    Counting starts on the day *after* ``start``: ``start`` itself never
    counts, whether or not it is a working day, so ``n == 1`` is the next
    working day strictly after ``start``. ``n == 0`` returns ``start``
    unchanged (even when it is a holiday). For ``n >= 1`` the result is always
    a working day, and ``working_days_between(start, result) == n``.

    Parameters
    ----------
    start : datetime.date
        The day the count runs from (excluded from the count). Its year must be
        published, also when ``n == 0``.
    n : int
        Number of working days to advance, ``n >= 0``.

    Returns
    -------
    datetime.date

    Raises
    ------
    TypeError
        If ``start`` is not a ``datetime.date`` (strings and datetimes included)
        or ``n`` is not an integer (``bool``, ``float`` and ``str`` included).
    ValueError
        If ``n`` is negative.
    CalendarNotPublishedError
        If ``start``'s year is not published, or the count runs into a year that
        is not (e.g. a huge ``n``): the result is never guessed.

    Examples
    --------
    >>> from datetime import date

    An ordinary Friday: the next working day is the Monday.

    >>> add_working_days(date(2023, 3, 10), 1)
    datetime.date(2023, 3, 13)

    The start never counts, even when it is a working day; ``n == 0`` is a no-op.

    >>> add_working_days(date(2023, 3, 13), 1)
    datetime.date(2023, 3, 14)
    >>> add_working_days(date(2023, 5, 1), 0)
    datetime.date(2023, 5, 1)

    Starting on a holiday (Labour Day, off 04-29..05-03) counts from the next day.

    >>> add_working_days(date(2023, 5, 1), 1)
    datetime.date(2023, 5, 4)

    Spanning the 2023 May Day break: Friday 04-28 -> Thu 05-04, Fri 05-05, and the
    make-up Saturday 05-06; the Friday before that Saturday is followed by it.

    >>> add_working_days(date(2023, 4, 28), 3)
    datetime.date(2023, 5, 6)
    >>> add_working_days(date(2023, 5, 5), 1)
    datetime.date(2023, 5, 6)

    National Day 2023 (off 09-29..10-06, make-up Saturday 10-07 and Sunday 10-08):

    >>> [add_working_days(date(2023, 9, 28), k).isoformat() for k in (1, 2, 3)]
    ['2023-10-07', '2023-10-08', '2023-10-09']

    Running past the last published year raises instead of guessing.

    >>> last = published_years()[-1]
    >>> add_working_days(date(last, 12, 1), 100)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    jinan_gov.errors.CalendarNotPublishedError: add_working_days(...) needs dates from ...
    """
    start = _check_date(start, "start")
    k = _check_n(n)
    year = _published_year(start)
    if k == 0:
        return start
    days = _working_ordinals(year)
    # Index, in this year's list, of the k-th working day strictly after start.
    i = bisect_right(days, start.toordinal()) + k - 1
    years = published_years()
    while i >= len(days):
        i -= len(days)
        year += 1
        if year not in years:
            raise CalendarNotPublishedError(
                f"add_working_days({start.isoformat()}, {k}) needs dates from "
                f"{year}-01-01 on, but {_unpublished_reason(year)}"
            )
        days = _working_ordinals(year)
    return dt.date.fromordinal(days[i])


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Number of working days ``d`` with ``start < d <= end``.

    The inverse of :func:`add_working_days`: for ``n >= 0``,
    ``working_days_between(a, add_working_days(a, n)) == n``. When
    ``end < start`` the result is minus the count from ``end`` to ``start``,
    so ``working_days_between(a, b) == -working_days_between(b, a)``; equal
    dates give 0.

    Parameters
    ----------
    start, end : datetime.date
        Plain dates; both years must be published.

    Returns
    -------
    int

    Raises
    ------
    TypeError
        If either argument is not a ``datetime.date`` (strings and datetimes
        included).
    CalendarNotPublishedError
        If either date lies in a year that is not published.

    Examples
    --------
    >>> from datetime import date
    >>> working_days_between(date(2023, 9, 28), date(2023, 10, 8))  # 10-07, 10-08
    2
    >>> working_days_between(date(2023, 10, 8), date(2023, 9, 28))
    -2
    >>> working_days_between(date(2023, 5, 1), date(2023, 5, 1))
    0
    >>> working_days_between(date(2022, 12, 30), date(2023, 1, 3))  # 01-02 is off
    1
    """
    start = _check_date(start, "start")
    end = _check_date(end, "end")
    _published_year(start)
    _published_year(end)
    if end < start:
        return -_count_after(end, start)
    return _count_after(start, end)


def _count_after(start: dt.date, end: dt.date) -> int:
    """Working days in ``(start, end]`` for published ``start <= end``."""
    total = sum(len(_working_ordinals(y)) for y in range(start.year, end.year))
    total += bisect_right(_working_ordinals(end.year), end.toordinal())
    return total - bisect_right(_working_ordinals(start.year), start.toordinal())


@cache
def _working_ordinals(year: int) -> tuple[int, ...]:
    """Sorted ordinals of the working days of a published ``year`` (computed once)."""
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    try:
        return tuple(
            o for o in range(first, last + 1) if _calendar().is_workday(dt.date.fromordinal(o))
        )
    except NotImplementedError as exc:  # pragma: no cover - guarded by _published_year
        raise CalendarNotPublishedError(_unpublished_reason(year)) from exc


def _published_year(day: dt.date) -> int:
    """``day.year``, or :class:`CalendarNotPublishedError` if its schedule is unknown."""
    if day.year not in published_years():
        raise CalendarNotPublishedError(f"date {day.isoformat()}: {_unpublished_reason(day.year)}")
    return day.year


def _unpublished_reason(year: int) -> str:
    years = published_years()
    try:
        source = f"chinesecalendar {metadata.version('chinesecalendar')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - vendored/odd installs
        source = "chinesecalendar"
    reason = (
        f"China's official working-day schedule for {year} is not in the bundled calendar "
        f"({source} covers {years[0]}-{years[-1]}); refusing to guess"
    )
    if year > years[-1]:
        reason += f"; upgrade chinesecalendar once it ships the State Council's {year} notice"
    return reason


def _check_date(value: object, name: str) -> dt.date:
    """Return ``value`` if it is a plain ``datetime.date``, else raise ``TypeError``."""
    if isinstance(value, dt.datetime):
        raise TypeError(
            f"{name} must be a datetime.date, not datetime.datetime ({value!r}): the calendar "
            "day of a moment depends on its time zone; convert to China Standard Time if "
            "needed and pass .date()"
        )
    if isinstance(value, dt.date):
        return value
    example = repr(_EXAMPLE_DAY)
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            example = repr(value)
    raise TypeError(
        f"{name} must be a datetime.date, got {type(value).__name__} {value!r}; "
        f"pass a datetime.date, e.g. datetime.date.fromisoformat({example})"
    )


def _check_n(n: object) -> int:
    """Return ``n`` as a non-negative ``int``; ``TypeError``/``ValueError`` otherwise."""
    if isinstance(n, bool):
        raise TypeError(f"n must be an int, not bool ({n!r})")
    if not isinstance(n, SupportsIndex):
        raise TypeError(f"n must be an int, got {type(n).__name__} {n!r}")
    k = operator.index(n)
    if k < 0:
        raise ValueError(f"n must be >= 0, got {k} (counting backwards is not supported)")
    return k


def __dir__() -> list[str]:
    return list(__all__)
