"""The working-day functions of :mod:`jinan_gov.workdays`, over the bundled calendar and notices.

A year's working days come from the bundled calendar (:mod:`._bundled`) when it covers the
year, else from a State Council notice passed for it (:mod:`._notice`), else the year raises
:class:`~jinan_gov.errors.CalendarNotPublishedError`; a notice's December days of the year
before amend that year. Each year's working days are a sorted tuple of ordinals, computed
once and bisected.
"""

from __future__ import annotations

import datetime as dt
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import SupportsIndex

from jinan_gov.errors import CalendarNotPublishedError
from jinan_gov.workdays import _bundled
from jinan_gov.workdays._notice import HolidayNotice, notices_by_year

__all__ = (
    "DAY_KINDS",
    "add_working_days",
    "day_kind",
    "holiday_name",
    "is_working_day",
    "working_days_between",
)

Notices = Iterable[HolidayNotice]
_ByYear = Mapping[int, HolidayNotice]

_EXAMPLE_DAY = "2023-05-06"

DAY_KINDS = ("working", "makeup", "weekend", "holiday")
"""What a day is on the official calendar: an ordinary working day, a make-up working day
on a weekend (调休上班), an ordinary weekend day, or a day off for a public holiday."""


def is_working_day(day: dt.date, *, notices: Notices = ()) -> bool:
    """Whether ``day`` is a working day on China's official calendar.

    Weekends are off, public holidays are off, and weekend days designated as
    make-up working days (调休) are working days.

    Parameters
    ----------
    day : datetime.date
        A plain date (``datetime.datetime`` is rejected: which calendar day a
        moment falls on depends on its time zone, so convert it yourself).
    notices : iterable of HolidayNotice, optional
        State Council notices (:func:`load_holiday_notice`), at most one a year. A
        notice decides the days of its year (and the December days of the year
        before that it names); other years come from the bundled calendar.

    Returns
    -------
    bool

    Raises
    ------
    TypeError
        If ``day`` is not a ``datetime.date`` (strings and datetimes included), or
        ``notices`` is not an iterable of ``HolidayNotice``.
    InvalidHolidayNoticeError
        If two notices are for the same year.
    CalendarNotPublishedError
        If the schedule for ``day.year`` is neither in the bundled calendar nor in
        a notice passed.

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
    return _is_working(day, notices_by_year(notices))


def _is_working(day: dt.date, by_year: _ByYear) -> bool:
    days = _days_of(day, by_year)
    ordinal = day.toordinal()
    i = bisect_left(days, ordinal)
    return i < len(days) and days[i] == ordinal


def day_kind(day: dt.date, *, notices: Notices = ()) -> str:
    """What ``day`` is on China's official calendar: one of :data:`DAY_KINDS`.

    ``notices`` as for :func:`is_working_day`.

    Raises
    ------
    TypeError
        If ``day`` is not a ``datetime.date``.
    CalendarNotPublishedError
        If the schedule for ``day.year`` is neither bundled nor in a notice passed.

    Examples
    --------
    >>> from datetime import date
    >>> [day_kind(date(2023, 5, d)) for d in (1, 4, 6, 7)]
    ['holiday', 'working', 'makeup', 'weekend']
    """
    day = _check_date(day, "day")
    by_year = notices_by_year(notices)
    if _is_working(day, by_year):
        return "makeup" if day.weekday() >= 5 else "working"
    return "holiday" if _holiday_name(day, by_year) else "weekend"


def holiday_name(day: dt.date, *, notices: Notices = ()) -> str | None:
    """The Chinese name of the public holiday ``day`` belongs to, else ``None``.

    A day off for a holiday and a make-up working day (调休) for it both belong to it. Raises
    like :func:`day_kind` for a non-date or a year whose schedule is not published. For a
    year decided by a notice (``notices`` as for :func:`is_working_day`) the name is the
    notice's heading, e.g. ``'劳动节'`` or ``'国庆节、中秋节'``.

    Examples
    --------
    >>> from datetime import date
    >>> holiday_name(date(2023, 5, 1)), holiday_name(date(2023, 5, 6)), holiday_name(date(2023, 5, 7))
    ('劳动节', '劳动节', None)
    """  # noqa: E501
    day = _check_date(day, "day")
    return _holiday_name(day, notices_by_year(notices))


def _holiday_name(day: dt.date, by_year: _ByYear) -> str | None:
    _days_of(day, by_year)  # the year must be covered
    if day.year in _bundled.published_years():
        name = _bundled.holiday(day)
        if name is not None:
            return _bundled.holiday_zh(name)
    for notice in (by_year.get(day.year), by_year.get(day.year + 1)):
        for holiday in notice.holidays if notice is not None else ():
            if day in holiday.days_off or day in holiday.working_days:
                return holiday.name_zh
    return None


def add_working_days(start: dt.date, n: int, *, notices: Notices = ()) -> dt.date:
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
        published (or given by a notice), also when ``n == 0``.
    n : int
        Number of working days to advance, ``n >= 0``.
    notices : iterable of HolidayNotice, optional
        State Council notices for years the bundled calendar does not know yet
        (:func:`load_holiday_notice`); see :func:`is_working_day`.

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
        is not (e.g. a huge ``n``) and no notice for it is given: the result is
        never guessed.

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

    Running past the last published year raises instead of guessing (pass the State
    Council's notice for the next year as ``notices=`` to go on).

    >>> from jinan_gov.workdays import published_years
    >>> last = published_years()[-1]
    >>> add_working_days(date(last, 12, 1), 100)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    jinan_gov.errors.CalendarNotPublishedError: add_working_days(...) needs dates from ...
    """
    start = _check_date(start, "start")
    k = _check_n(n)
    by_year = notices_by_year(notices)
    days = _days_of(start, by_year)
    if k == 0:
        return start
    # Index, in this year's list, of the k-th working day strictly after start.
    i = bisect_right(days, start.toordinal()) + k - 1
    year = start.year
    while i >= len(days):
        i -= len(days)
        year += 1
        following = _year_days(year, by_year)
        if following is None:
            raise CalendarNotPublishedError(
                f"add_working_days({start.isoformat()}, {k}) needs dates from "
                f"{year}-01-01 on, but {_bundled.unpublished_reason(year)}"
            )
        days = following
    return dt.date.fromordinal(days[i])


def working_days_between(start: dt.date, end: dt.date, *, notices: Notices = ()) -> int:
    """Number of working days ``d`` with ``start < d <= end``.

    The inverse of :func:`add_working_days`: for ``n >= 0``,
    ``working_days_between(a, add_working_days(a, n)) == n``. When
    ``end < start`` the result is minus the count from ``end`` to ``start``,
    so ``working_days_between(a, b) == -working_days_between(b, a)``; equal
    dates give 0.

    Parameters
    ----------
    start, end : datetime.date
        Plain dates; every year from one to the other must be published (or given
        by a notice).
    notices : iterable of HolidayNotice, optional
        As for :func:`is_working_day`.

    Returns
    -------
    int

    Raises
    ------
    TypeError
        If either argument is not a ``datetime.date`` (strings and datetimes
        included).
    CalendarNotPublishedError
        If either date, or a year between them, is in a year that is not
        published and has no notice.

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
    by_year = notices_by_year(notices)
    _days_of(start, by_year)
    _days_of(end, by_year)
    if end < start:
        return -_count_after(end, start, by_year)
    return _count_after(start, end, by_year)


def _count_after(start: dt.date, end: dt.date, by_year: _ByYear) -> int:
    """Working days in ``(start, end]`` for covered ``start <= end``."""
    total = 0
    for year in range(start.year, end.year):
        days = _year_days(year, by_year)
        if days is None:
            raise CalendarNotPublishedError(
                f"counting from {start.isoformat()} to {end.isoformat()} needs the days of "
                f"{year}, but {_bundled.unpublished_reason(year)}"
            )
        total += len(days)
    total += bisect_right(_days_of(end, by_year), end.toordinal())
    return total - bisect_right(_days_of(start, by_year), start.toordinal())


# --- where a year's working days come from -------------------------------------------------


def _year_days(year: int, by_year: _ByYear) -> tuple[int, ...] | None:
    """Sorted working-day ordinals of ``year``, or ``None`` if nothing covers the year."""
    own, following = by_year.get(year), by_year.get(year + 1)
    published = year in _bundled.published_years()
    if own is None and following is None:
        return _bundled.working_ordinals(year) if published else None
    return _noticed_ordinals(year, published, own, following)


def _days_of(day: dt.date, by_year: _ByYear) -> tuple[int, ...]:
    """:func:`_year_days` of ``day.year``, or :class:`CalendarNotPublishedError`."""
    days = _year_days(day.year, by_year)
    if days is None:
        raise CalendarNotPublishedError(
            f"date {day.isoformat()}: {_bundled.unpublished_reason(day.year)}"
        )
    return days


@lru_cache(maxsize=64)
def _noticed_ordinals(
    year: int, published: bool, own: HolidayNotice | None, following: HolidayNotice | None
) -> tuple[int, ...] | None:
    """A year's working days from the bundled calendar (or, unpublished, its notice ``own``)
    with the days of ``year`` that ``own`` and the next year's notice ``following`` name."""
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    if published:
        days = set(_bundled.working_ordinals(year))
    elif own is not None:
        days = {o for o in range(first, last + 1) if dt.date.fromordinal(o).weekday() < 5}
    else:
        return None
    for notice in (own, following):
        if notice is None:
            continue
        days.difference_update(d.toordinal() for d in notice.days_off if d.year == year)
        days.update(d.toordinal() for d in notice.working_days if d.year == year)
    return tuple(sorted(days))


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
