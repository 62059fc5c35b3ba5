"""Read the State Council's annual holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知).

The notice is published weeks before its year starts, months before the bundled calendar
ships it; :func:`load_holiday_notice` turns its text into a :class:`HolidayNotice` that the
working-day functions accept as ``notices=``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from jinan_gov.errors import InvalidHolidayNoticeError, brief
from jinan_gov.text.normalize import fold_text, require_text
from jinan_gov.workdays import _bundled

__all__ = ("FESTIVALS", "HolidayNotice", "NoticeHoliday", "load_holiday_notice", "notices_by_year")

FESTIVALS = {
    "元旦": "New Year's Day",
    "春节": "Spring Festival",
    "清明节": "Qingming Festival",
    "劳动节": "Labour Day",
    "端午节": "Dragon Boat Festival",
    "中秋节": "Mid-Autumn Festival",
    "国庆节": "National Day",
}
"""The seven festivals every notice schedules (since 2008), Chinese name -> English name."""

_NAME = "|".join(FESTIVALS)
# 一、元旦: / 六、中秋节、国庆节: (after NFKC the colon is ASCII; the numbering is optional)
_HEADING = re.compile(rf"(?:[一二三四五六七八九十]{{1,2}}、)?((?:{_NAME})(?:、(?:{_NAME}))*):")
_TITLE_YEAR = re.compile(r"关于(\d{4})年部分节假日安排")
_PREAMBLE_YEAR = re.compile(r"现将(\d{4})年元旦")
_DATE = r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:\([^()]*\))?"
_DATE_PARTS = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?")
_DAYS_OFF = re.compile(rf"({_DATE})(?:至({_DATE}))?放假")
_TOTAL = re.compile(r"共(\d+)天|放假(\d+)天")
_COMPENSATORY = re.compile(rf"((?:{_DATE}、)*{_DATE})补休")
_MAKE_UP = re.compile(rf"((?:{_DATE}、)*{_DATE})上班")
_WEEKDAY = re.compile(r"(?:星期|周)([一二三四五六日天])")
_WEEKDAYS = "一二三四五六日"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class NoticeHoliday:
    """One festival item of a notice, e.g. ``二、春节：2月10日至17日放假调休，共8天。…上班。``

    Attributes
    ----------
    name_zh : str
        The item's heading as written: ``'春节'``, or ``'中秋节、国庆节'`` for a combined item.
    name_en : str
        ``'Spring Festival'``, ``'Mid-Autumn Festival and National Day'`` ...
    first_day : datetime.date
        The first day of the break as stated.
    last_day : datetime.date
        The last day of the break as stated (``first_day`` for a single day).
    total_days : int or None
        The length the notice states (``共N天`` or ``放假N天``), else ``None``.
    days_off : tuple of datetime.date
        Every day off of the item: ``first_day`` to ``last_day``, plus any day given
        as 补休 (compensatory day off, in older notices).
    working_days : tuple of datetime.date
        The weekend days worked for the item (调休上班).
    """

    name_zh: str
    name_en: str
    first_day: dt.date
    last_day: dt.date
    total_days: int | None
    days_off: tuple[dt.date, ...]
    working_days: tuple[dt.date, ...]


@dataclass(frozen=True, repr=False)
class HolidayNotice:
    """A State Council holiday notice for one year, as read by :func:`load_holiday_notice`.

    Pass notices as ``notices=[...]`` to :func:`is_working_day`, :func:`add_working_days`,
    :func:`working_days_between`, :func:`day_kind` and :func:`jinan_gov.rules.due_date`.

    Attributes
    ----------
    year : int
        The year the notice schedules.
    holidays : tuple of NoticeHoliday
        The festival items in the notice's order (six when 中秋节 and 国庆节 are combined).
    days_off : frozenset of datetime.date
        Every day off the notice names (weekend days inside a break included).
    working_days : frozenset of datetime.date
        The make-up working days (调休上班), all of them weekend days.
    """

    year: int
    holidays: tuple[NoticeHoliday, ...]
    days_off: frozenset[dt.date]
    working_days: frozenset[dt.date]

    def __repr__(self) -> str:
        return (
            f"HolidayNotice(year={self.year}, {len(self.holidays)} holidays, "
            f"{len(self.days_off)} days off, {len(self.working_days)} make-up working days)"
        )


def load_holiday_notice(text: str) -> HolidayNotice:
    """Read the State Council's holiday notice for a year from its text.

    The notice 国务院办公厅关于YYYY年部分节假日安排的通知 is published weeks before
    its year; the bundled calendar (``chinesecalendar``) knows the year only once a new
    release ships it. Pass the result as ``notices=[notice]`` to the working-day
    functions to count working days in that year meanwhile.

    **Format accepted.** The text of the notice as published, in simplified or
    traditional characters, with full-width or ASCII digits and punctuation, and with
    line breaks anywhere (as copied from a PDF or web page; all whitespace is ignored).
    The title, the document number, the addressees, the preamble and the closing
    (国务院办公厅 and the date) may be present or not. What is read:

    - the year, from the title (…关于2027年部分节假日安排的通知) or else the preamble
      (现将2027年元旦、春节…); without either, from an explicit year in the first item
      (一、元旦：2027年1月1日…);
    - one item per festival, ``一、元旦：…`` (the numbering is optional), whose first
      sentence gives the break: a day or a range (``2月10日至17日``, ``1月28日
      （农历除夕、周二）至2月4日（…）``, ``2022年12月31日至2023年1月2日``) followed by
      放假, optionally with the length ``共N天`` or ``放假N天`` and days of 补休;
      any later sentence of the item with 上班 lists its make-up working days
      (``2月4日（星期日）、2月18日（星期日）上班``). Other sentences (such as
      recommendations to rest on 除夕) are ignored. A combined item
      (``六、中秋节、国庆节：``) covers both festivals.

    Dates without a year are in the notice's year; a range's end inherits the month
    and year of its start. New Year's Day may start in December of the year before
    (the 2019 notice: 2018年12月30日至2019年1月1日 off, 2018年12月29日 worked); those
    December days amend the year before (they are not in its own notice).

    **Validation.** Each of these raises :class:`~jinan_gov.errors.InvalidHolidayNoticeError`
    with a one-line message naming the offending value:

    - no text, no year, or no festival item at all;
    - a missing festival (a truncated notice: all seven of 元旦, 春节, 清明节, 劳动节,
      端午节, 中秋节 and 国庆节 must be there) or a festival listed twice;
    - an item whose break cannot be read, a make-up sentence that cannot be read, an
      impossible date (2月30日), a range that ends before it starts;
    - a weekday annotation that contradicts the date (``2月4日（星期六）`` in 2024);
    - a date outside the notice's year (except New Year's Day in December of the year
      before), a stated length ``共N天`` that differs from the range, a make-up working
      day that is not a Saturday or Sunday, a day both off and worked;
    - a notice for a year the bundled calendar already covers that disagrees with it on
      any day (the message lists the days): a notice never silently overrides the
      bundled calendar. One that agrees is accepted and changes nothing. (The original
      2019 and 2020 notices disagree, because later notices changed 2019's Labour Day
      and extended 2020's Spring Festival; such amending notices are not read.)

    Parameters
    ----------
    text : str
        The notice's text. Decode a file first (UTF-8 or GB18030).

    Returns
    -------
    HolidayNotice

    Raises
    ------
    TypeError
        ``text`` is not a ``str`` (for ``bytes``, the message says to decode it first).
    InvalidHolidayNoticeError
        The text is not a complete, consistent notice (see Validation); a
        ``ValueError``.

    Examples
    --------
    The 2026 notice (its items; the title gives the year):

    >>> text = '''国务院办公厅关于2026年部分节假日安排的通知
    ... 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    ... 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，
    ... 共9天。2月14日（周六）、2月28日（周六）上班。
    ... 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    ... 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
    ... 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
    ... 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
    ... 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、
    ... 10月10日（周六）上班。'''
    >>> notice = load_holiday_notice(text)
    >>> notice
    HolidayNotice(year=2026, 7 holidays, 33 days off, 6 make-up working days)
    >>> spring = notice.holidays[1]
    >>> spring.name_en, spring.first_day, spring.last_day, spring.total_days
    ('Spring Festival', datetime.date(2026, 2, 15), datetime.date(2026, 2, 23), 9)
    >>> from datetime import date
    >>> from jinan_gov.workdays import add_working_days
    >>> add_working_days(date(2026, 2, 13), 1, notices=[notice])  # make-up Saturday
    datetime.date(2026, 2, 14)

    A truncated copy is refused:

    >>> load_holiday_notice(text.split("五、")[0])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    jinan_gov.errors.InvalidHolidayNoticeError: notice for 2026: no item for 端午节, 中秋节, 国庆节 ...
    """  # noqa: E501
    folded = _SPACE.sub("", fold_text(require_text(text, "load_holiday_notice")))
    if not folded:
        raise InvalidHolidayNoticeError(
            "no text: pass the text of the notice 国务院办公厅关于YYYY年部分节假日安排的通知"
        )
    headings = list(_HEADING.finditer(folded))
    if not headings:
        raise InvalidHolidayNoticeError(
            f"no festival item (一、元旦:… 二、春节:…) in {brief(text.strip(), 40)}: "
            "is it the State Council's notice 国务院办公厅关于YYYY年部分节假日安排的通知?"
        )
    year = _year(folded, headings[0])
    holidays: list[NoticeHoliday] = []
    seen: set[str] = set()
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(folded)
        names = heading.group(1).split("、")
        for name in names:
            if name in seen:
                raise InvalidHolidayNoticeError(f"notice for {year}: {name} is listed twice")
            seen.add(name)
        holidays.append(_holiday(year, names, folded[heading.end() : end]))
    missing = [name for name in FESTIVALS if name not in seen]
    if missing:
        raise InvalidHolidayNoticeError(
            f"notice for {year}: no item for {', '.join(missing)} (a truncated notice? "
            f"every notice schedules all of {', '.join(FESTIVALS)})"
        )
    notice = _build(year, holidays)
    _check_against_bundled(notice)
    return notice


def _year(folded: str, first: re.Match[str]) -> int:
    """The notice's year: title, else preamble, else an explicit year in the first item."""
    found = {int(m.group(1)) for rx in (_TITLE_YEAR, _PREAMBLE_YEAR) if (m := rx.search(folded))}
    if len(found) > 1:
        raise InvalidHolidayNoticeError(
            f"the title and the preamble name different years: {sorted(found)}"
        )
    if found:
        return found.pop()
    explicit = _DATE_PARTS.match(folded, first.end())
    if first.group(1).startswith("元旦") and explicit and explicit.group(1) and explicit.group(2):
        # 元旦:2021年1月1日… is in 2021; 元旦:2018年12月30日至2019年1月1日… in 2019.
        return int(explicit.group(1)) + (int(explicit.group(2)) == 12)
    raise InvalidHolidayNoticeError(
        "cannot tell the notice's year: include its title "
        "(国务院办公厅关于YYYY年部分节假日安排的通知) or its preamble (现将YYYY年元旦、…)"
    )


def _holiday(year: int, names: list[str], body: str) -> NoticeHoliday:
    name_zh = "、".join(names)
    where = f"notice for {year}, {name_zh}"
    sentences = body.split("。")
    off = _DAYS_OFF.match(sentences[0])
    if off is None:
        raise InvalidHolidayNoticeError(
            f"{where}: cannot read the days off in {brief(sentences[0], 50)} "
            "(expected e.g. 2月10日至17日放假调休,共8天)"
        )
    first = _date(off.group(1), year, None, where)
    last = _date(off.group(2), first.year, first.month, where) if off.group(2) else first
    if last < first:
        raise InvalidHolidayNoticeError(f"{where}: the break ends ({last}) before it starts")
    span = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    total_match = _TOTAL.search(sentences[0], off.end(1))
    total = int(total_match.group(1) or total_match.group(2)) if total_match else None
    if total is not None and total != len(span):
        raise InvalidHolidayNoticeError(
            f"{where}: {first} to {last} is {len(span)} days, but the notice says 共{total}天"
        )
    extra = _COMPENSATORY.search(sentences[0], off.end())
    days_off = span + (_dates(extra.group(1), year, where) if extra else [])
    working: list[dt.date] = []
    for sentence in sentences[1:]:
        if "上班" not in sentence:
            continue  # e.g. 鼓励各单位…安排职工在除夕(2月9日)休息
        make_up = _MAKE_UP.fullmatch(sentence)
        if make_up is None:
            raise InvalidHolidayNoticeError(
                f"{where}: cannot read the make-up working days in {brief(sentence, 50)} "
                "(expected e.g. 2月4日(星期日)、2月18日(星期日)上班)"
            )
        working += _dates(make_up.group(1), year, where)
    for day in [*days_off, *working]:
        if day.year != year and not (name_zh == "元旦" and (day.year, day.month) == (year - 1, 12)):
            raise InvalidHolidayNoticeError(
                f"{where}: {day} is not in {year} (only New Year's Day may reach back into "
                f"December {year - 1})"
            )
    for day in working:
        if day.weekday() < 5:
            raise InvalidHolidayNoticeError(
                f"{where}: make-up working day {day} is a {day:%A}, not a weekend day"
            )
    name_en = " and ".join(FESTIVALS[name] for name in names)
    return NoticeHoliday(name_zh, name_en, first, last, total, tuple(days_off), tuple(working))


def _dates(listed: str, year: int, where: str) -> list[dt.date]:
    """The dates of ``3月1日(星期六)、3月2日(星期日)``; each must name its month."""
    return [_date(m.group(0), year, None, where) for m in _DATE_PARTS.finditer(listed)]


def _date(text: str, year: int, month: int | None, where: str) -> dt.date:
    """One date of the notice: ``2月4日(星期日)``, ``2022年12月31日``, ``17日`` (``month``)."""
    parts = _DATE_PARTS.fullmatch(text)
    assert parts is not None, text  # matched by _DATE already
    y, m, d, note = parts.groups()
    if m is None and month is None:
        raise InvalidHolidayNoticeError(f"{where}: the date {text!r} has no month")
    try:
        day = dt.date(int(y or year), int(m or month or 0), int(d))
    except ValueError:
        raise InvalidHolidayNoticeError(f"{where}: {text!r} is not a date in {y or year}") from None
    weekday = _WEEKDAY.search(note or "")
    if weekday and _WEEKDAYS.index(weekday.group(1).replace("天", "日")) != day.weekday():
        raise InvalidHolidayNoticeError(
            f"{where}: {day} is a {day:%A}, but the notice says {weekday.group(0)} ({text!r})"
        )
    return day


def _build(year: int, holidays: list[NoticeHoliday]) -> HolidayNotice:
    days_off = frozenset(d for h in holidays for d in h.days_off)
    working = frozenset(d for h in holidays for d in h.working_days)
    both = sorted(days_off & working)
    if both:
        raise InvalidHolidayNoticeError(
            f"notice for {year}: {', '.join(map(str, both))} both a day off and a make-up "
            "working day"
        )
    return HolidayNotice(year, tuple(holidays), days_off, working)


def _check_against_bundled(notice: HolidayNotice) -> None:
    """Raise unless ``notice`` says what the bundled calendar says, for a year it covers."""
    years = _bundled.published_years()
    if notice.year not in years:
        return
    first = dt.date(notice.year, 1, 1)
    says = {
        first + dt.timedelta(days=i): (first + dt.timedelta(days=i)).weekday() < 5
        for i in range((dt.date(notice.year, 12, 31) - first).days + 1)
    }
    says |= dict.fromkeys(notice.days_off, False) | dict.fromkeys(notice.working_days, True)
    named = notice.days_off | notice.working_days
    differ = []
    for day, working in sorted(says.items()):
        if day.year not in years or _bundled.is_working_day(day) == working:
            continue
        if day.month == 12 and day not in named and _bundled.holiday(day) == "New Year's Day":
            continue  # a day of the next year's New Year break, named by the next notice
        differ.append(f"{day} (notice: {'working' if working else 'off'})")
    if differ:
        shown = ", ".join(differ[:8]) + (f" and {len(differ) - 8} more" if len(differ) > 8 else "")
        raise InvalidHolidayNoticeError(
            f"the notice for {notice.year} disagrees with the bundled calendar "
            f"({_bundled.source()}) on {shown}; a notice never overrides the bundled "
            "calendar: check the text (was the schedule amended later?) or pass no notice "
            f"for {notice.year}"
        )


def notices_by_year(notices: object) -> Mapping[int, HolidayNotice]:
    """The notices passed as ``notices=``, by year (``TypeError`` for anything else)."""
    if isinstance(notices, tuple) and not notices:
        return {}
    if isinstance(notices, HolidayNotice):
        raise TypeError(
            "notices must be an iterable of HolidayNotice, got one HolidayNotice; "
            "pass notices=[notice]"
        )
    if isinstance(notices, str | bytes | bytearray) or not isinstance(notices, Iterable):
        raise TypeError(
            f"notices must be an iterable of HolidayNotice, got {type(notices).__name__}; "
            "read a notice's text with load_holiday_notice(text) and pass notices=[notice]"
        )
    found: dict[int, HolidayNotice] = {}
    for notice in notices:
        if not isinstance(notice, HolidayNotice):
            raise TypeError(
                f"notices must hold HolidayNotice objects, got {type(notice).__name__}; "
                "read a notice's text with load_holiday_notice(text)"
            )
        if notice.year in found:
            raise InvalidHolidayNoticeError(
                f"two notices for {notice.year} given; pass one notice per year"
            )
        found[notice.year] = notice
    return found


def __dir__() -> list[str]:
    return list(__all__)
