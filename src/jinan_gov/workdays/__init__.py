"""Working-day arithmetic on China's official calendar (法定工作日).

A day is a working day when it is a Monday-Friday that is not a public holiday,
or a weekend day that the State Council's annual holiday notice turns into a
make-up working day (调休). The schedule comes from the bundled
``chinesecalendar`` package (import ``chinese_calendar``); years whose schedule
it does not know raise :class:`~jinan_gov.errors.CalendarNotPublishedError`
instead of being guessed from the weekday.

The State Council publishes each year's schedule weeks before the year starts,
long before a new ``chinesecalendar`` ships it: read that notice with
:func:`load_holiday_notice` and pass it as ``notices=[notice]`` to any function
here (and to :func:`jinan_gov.rules.due_date`) to count into that year.

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

from jinan_gov.workdays._bundled import published_years
from jinan_gov.workdays._calendar import (
    DAY_KINDS,
    add_working_days,
    day_kind,
    holiday_name,
    is_working_day,
    working_days_between,
)
from jinan_gov.workdays._notice import HolidayNotice, load_holiday_notice

__all__ = (
    "DAY_KINDS",
    "HolidayNotice",
    "add_working_days",
    "day_kind",
    "holiday_name",
    "is_working_day",
    "load_holiday_notice",
    "published_years",
    "working_days_between",
)


def __dir__() -> list[str]:
    return list(__all__)
