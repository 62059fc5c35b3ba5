"""The bundled calendar: the official schedules shipped with ``chinesecalendar``.

Everything :mod:`jinan_gov.workdays` knows about years without a State Council notice
passed comes from here; :func:`published_years` says which years those are.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from functools import cache
from importlib import metadata
from typing import Any

from jinan_gov.errors import CalendarNotPublishedError

__all__ = (
    "holiday",
    "holiday_zh",
    "is_working_day",
    "published_years",
    "source",
    "unpublished_reason",
    "working_ordinals",
)


@cache
def _chinese_calendar() -> Any:
    """The ``chinese_calendar`` module, imported on the first date question, not at import."""
    import chinese_calendar  # noqa: PLC0415

    return chinese_calendar


@cache
def published_years() -> range:
    """The calendar years whose official holiday schedule the bundled calendar knows.

    Derived from the data shipped with ``chinesecalendar`` exactly the way that
    package bounds its own look-ups, so every year in the range is answerable
    and every year outside it raises
    :class:`~jinan_gov.errors.CalendarNotPublishedError` (unless a State Council
    notice for it is passed as ``notices=``, see :func:`load_holiday_notice`).

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
    known = list(_chinese_calendar().constants.holidays)
    return range(min(known).year, max(known).year + 1)


@cache
def working_ordinals(year: int) -> tuple[int, ...]:
    """Sorted ordinals of the working days of a published ``year`` (computed once)."""
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    try:
        return tuple(
            o
            for o in range(first, last + 1)
            if _chinese_calendar().is_workday(dt.date.fromordinal(o))
        )
    except NotImplementedError as exc:  # pragma: no cover - guarded by published_years
        raise CalendarNotPublishedError(unpublished_reason(year)) from exc


def is_working_day(day: dt.date) -> bool:
    """Whether the bundled calendar has ``day`` (of a published year) as a working day."""
    days = working_ordinals(day.year)
    i = bisect_left(days, day.toordinal())
    return i < len(days) and days[i] == day.toordinal()


def holiday(day: dt.date) -> str | None:
    """The bundled calendar's English name of the holiday ``day`` (off or 调休) belongs to."""
    _, name = _chinese_calendar().get_holiday_detail(day)
    return str(name) if name else None


def holiday_zh(name: str) -> str:
    """The Chinese name of a holiday of the bundled calendar: ``"Labour Day"`` -> ``'劳动节'``."""
    return _holiday_names_zh().get(name, name)


@cache
def _holiday_names_zh() -> dict[str, str]:
    return {holiday.value: holiday.chinese for holiday in _chinese_calendar().Holiday}


def source() -> str:
    """``'chinesecalendar 1.11.0'``: the bundled calendar and its version."""
    try:
        return f"chinesecalendar {metadata.version('chinesecalendar')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - vendored/odd installs
        return "chinesecalendar"


def unpublished_reason(year: int) -> str:
    """Why ``year`` cannot be answered from the bundled calendar, and what to do about it."""
    years = published_years()
    reason = (
        f"China's official working-day schedule for {year} is not in the bundled calendar "
        f"({source()} covers {years[0]}-{years[-1]}); refusing to guess"
    )
    if year > years[-1]:
        reason += (
            f"; pass notices=[load_holiday_notice(text)] with the State Council's notice for "
            f"{year} (国务院办公厅关于{year}年部分节假日安排的通知), or `jinan-gov due --notice "
            f"FILE`, or upgrade chinesecalendar once it ships that notice"
        )
    return reason


def __dir__() -> list[str]:
    return list(__all__)
