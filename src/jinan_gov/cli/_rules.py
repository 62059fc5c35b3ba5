"""The ``rule``, ``search`` and ``due`` commands: the Work Rules and their deadlines."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from jinan_gov import rules
from jinan_gov.cli._input import readable_file
from jinan_gov.cli._io import OutputSpec, escape, print_json, print_ranked
from jinan_gov.errors import InvalidHolidayNoticeError, UnknownIdError, brief
from jinan_gov.workdays import HolidayNotice, add_working_days, is_working_day, load_holiday_notice

__all__ = (
    "due",
    "rule",
    "search",
)

_TEXT_LIMIT = 31  # working days listed one by one by `due`; longer counts are summarised

# --- rule / search ------------------------------------------------------------------------


def rule(args: argparse.Namespace, out: OutputSpec) -> int:
    article = rules.article(args.number)
    if out.json:
        print_json(dataclasses.asdict(article))
        return 0
    print(
        f"{article.label_zh} (article {article.number}) · chapter {article.chapter_no} "
        f"{article.chapter_title_zh} ({article.chapter_title_en})"
    )
    print(article.title_en)
    print(article.summary_en)
    print()
    print(article.text)
    stated = rules.facts().filter(article_no=article.number)
    if stated.height:
        print("\nFacts stated here (jinan_gov.rules.facts()):")
        for fact_id, subject in stated.select("fact_id", "subject_en").iter_rows():
            print(f"  {fact_id}: {subject}")
    return 0


def search(args: argparse.Namespace, out: OutputSpec) -> int:
    query = " ".join(args.query)
    return print_ranked(
        out,
        rules.search(query, limit=args.limit),
        f"no article matches {escape(repr(query))}",
        _article_lines,
    )


def _article_lines(r: Mapping[str, Any]) -> list[str]:
    return [
        f"{r['label_zh']} (article {r['article_no']}, score {r['score']:.2f}) {r['title_en']}",
        f"    {r['snippet']}",
    ]


# --- due ------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(text: str) -> dt.date:
    try:
        if _ISO_DATE.match(text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError as error:
        raise ValueError(f"bad date {text!r}: {error}; expected YYYY-MM-DD") from None
    raise ValueError(f"bad date {text!r}: expected YYYY-MM-DD, e.g. 2023-04-28")


def _day(day: dt.date, full: bool) -> str:
    return f"{day.isoformat() if full else day.strftime('%m-%d')} {day.strftime('%a')}"


def _runs(days: Sequence[dt.date], full: bool) -> str:
    """Consecutive days as ranges: '04-29 Sat–05-03 Wed, 05-07 Sun'."""
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(
        _day(r[0], full) if len(r) == 1 else f"{_day(r[0], full)}–{_day(r[-1], full)}" for r in runs
    )


def _notices(files: Sequence[str]) -> list[HolidayNotice]:
    """The holiday notices named by ``--notice`` (UTF-8 or GB18030 text, read like reports)."""
    if not files:
        return []
    from jinan_gov.extract import read_report  # noqa: PLC0415 - only --notice needs it

    notices = []
    for argument in files:
        with readable_file(argument, "holiday notice") as (path, shown):
            try:
                text = read_report(path)
            except ValueError as error:
                raise ValueError(str(error).replace(str(path), escape(shown))) from None
        try:
            notices.append(load_holiday_notice(text))
        except InvalidHolidayNoticeError as error:
            raise InvalidHolidayNoticeError(f"{escape(shown)}: {error}") from None
    return notices


def _time_limit(fact_id: str) -> dict[str, Any]:
    """The fact row of a time limit; an error listing every time limit for anything else."""
    accepted = ", ".join(rules.TIME_LIMIT_FACTS)
    table = rules.facts()
    rows = table.filter(fact_id=fact_id)
    if rows.is_empty():
        raise UnknownIdError("rule fact", fact_id, rules.TIME_LIMIT_FACTS)
    row = rows.row(0, named=True)
    if row["kind"] != "time_limit":
        raise ValueError(
            f"fact {brief(fact_id)} is a {row['kind']}, not a time limit; --rule takes: {accepted}"
        )
    return row


def _undated(fact_id: str, start: dt.date, fact: dict[str, Any], out: OutputSpec) -> int:
    """A time limit that the Rules state without a number of days: the rule, no date."""
    if out.json:
        print_json(
            {
                "start": start,
                "due": None,
                "unit": None,
                "count": None,
                "fact_id": fact_id,
                "article_no": fact["article_no"],
                "counted": [],
                "skipped": [],
            }
        )
        return 0
    print(f"start    {_day(start, True)}")
    print(f"rule     {fact_id} (article {fact['article_no']}): {fact['subject_zh']}")
    print(f"         {fact['detail_en']}")
    print("due      no date: the Rules set no number of days for this limit")
    return 0


def due(args: argparse.Namespace, out: OutputSpec) -> int:
    start = _parse_date(args.start)
    notices = _notices(args.notice)
    # A start in an unpublished year fails here, even for --days 0.
    is_working_day(start, notices=notices)
    fact: dict[str, Any] | None = None
    if args.rule is not None:
        fact = _time_limit(args.rule)
        if fact["value"] is None:
            return _undated(args.rule, start, fact, out)
        due = rules.due_date(args.rule, start, notices=notices)
        unit, count = str(fact["unit"]), int(fact["value"])
    else:
        due = add_working_days(start, args.days, notices=notices)
        unit, count = "working_days", args.days
    span = [start + dt.timedelta(days=i) for i in range(1, (due - start).days + 1)]
    counted = span
    if unit == "working_days":
        counted = [d for d in span if is_working_day(d, notices=notices)]
    counted_set = set(counted)
    skipped = [d for d in span if d not in counted_set]
    if out.json:
        print_json(
            {
                "start": start,
                "due": due,
                "unit": unit,
                "count": count,
                "fact_id": args.rule,
                "article_no": fact["article_no"] if fact else None,
                "counted": counted,
                "skipped": skipped,
            }
        )
        return 0
    full = start.year != due.year
    label = "working days" if unit == "working_days" else "calendar days"
    print(f"start    {_day(start, True)} (not counted)")
    if fact is not None:
        print(f"rule     {args.rule} (article {fact['article_no']}): {fact['figure_zh']}")
        print(f"         {fact['detail_en']}")
    print(f"due      {_day(due, True)} ({count} {label} after the start)")
    if unit == "working_days" and 0 < len(counted) <= _TEXT_LIMIT:
        makeup = [d for d in counted if d.weekday() >= 5]
        print(f"counted  {', '.join(_day(d, full) for d in counted)}")
        if makeup:
            days = ", ".join(_day(d, full) for d in makeup)
            print(f"make-up  {days} (weekend working days, 调休)")
    elif counted:
        print(f"counted  {len(counted)} {label}, {_day(counted[0], True)} to {_day(due, True)}")
    if skipped and len(skipped) <= 2 * _TEXT_LIMIT:
        print(f"skipped  {_runs(skipped, full)} (weekends and public holidays)")
    elif skipped:
        print(f"skipped  {len(skipped)} weekend days and public holidays")
    return 0


def __dir__() -> list[str]:
    return list(__all__)
