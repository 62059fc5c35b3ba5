"""Command line: ``jinan-gov`` / ``python -m jinan_gov``.

::

    jinan-gov overview
    jinan-gov targets  [--section PREFIX] [--measure M] [--qualifier Q]
                       [--binding | --indicative] [OUTPUT]
    jinan-gov outcomes [--section PREFIX] [--measure M] [--qualifier Q] [OUTPUT]
    jinan-gov tasks    [--section PREFIX] [--measure M] [--qualifier Q] [OUTPUT]
    jinan-gov assess ACTUALS.csv [--benchmarks FILE] [--targets EXTRACTED.csv] [--tolerance F]
                     [--summary] [OUTPUT]
    jinan-gov extract FILE [OUTPUT]       (a report as UTF-8 or GB18030 text; - for stdin)
    jinan-gov rule N [--json]
    jinan-gov search QUERY... [--limit K] [OUTPUT]
    jinan-gov search-indicators QUERY... [--limit K] [OUTPUT]
    jinan-gov due START (--days N | --rule FACT_ID) [--notice FILE]... [--json]
    jinan-gov export --format {csv,parquet,datapackage} DIR [--overwrite] [--excel]

OUTPUT is ``--json``, ``--csv`` (to standard output) or ``--output FILE [--format F]`` (CSV,
Parquet or JSON lines, chosen by the suffix or ``--format``); ACTUALS.csv may be ``-`` for
standard input, a FIFO or ``/dev/stdin``.

Exit status: 0 on success, 1 on a data error (unknown id, article out of range, unreadable or
malformed CSV, bad date, unpublished calendar year, non-empty export directory), with one line
``jinan-gov: error: ...`` on stderr (untrusted text escaped), 2 on a usage error (argparse),
130 when interrupted (Ctrl-C) and 141 when the reader of the output went away (``| head``),
both without a message.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

import polars as pl

import jinan_gov
from jinan_gov import rules
from jinan_gov._cli_io import (
    DATA_ERRORS,
    OUTPUT_FORMATS,
    PROG,
    binding_text,
    emit,
    escape,
    one_line,
    output_format,
    print_json,
    readable_file,
    report,
    schema_errors,
    silence_stdout,
    table,
)
from jinan_gov._lazy_re import lazy_compile
from jinan_gov._vocab import DEFAULT_TOLERANCE, EXPORT_FORMATS, MEASURES, QUALIFIERS
from jinan_gov.errors import InvalidHolidayNoticeError
from jinan_gov.plan import outcomes_2022, targets_2023, tasks_2023
from jinan_gov.sources import appointments, documents
from jinan_gov.wording import target_text
from jinan_gov.workdays import HolidayNotice, add_working_days, is_working_day, load_holiday_notice

__all__ = ("COMMANDS", "build_parser", "main", "run", "target_text")

_NAME_WIDTH = 44
_TEXT_LIMIT = 31  # working days listed one by one by `due`; longer counts are summarised

# --- Rendering ----------------------------------------------------------------------------


# --- overview -----------------------------------------------------------------------------


def _overview(_: argparse.Namespace) -> int:
    targets, outcomes, tasks = targets_2023(), outcomes_2022(), tasks_2023()
    docs = documents()
    counts = (
        f"Holds {docs.height} documents · {outcomes.height} outcomes · {targets.height} targets · "
        f"{tasks.height} tasks · {rules.articles().height} articles · "
        f"{rules.facts().height} facts · {appointments().height} appointments"
    )
    gazette = docs.row(0, named=True)
    print(f"jinan_gov {jinan_gov.__version__} · {gazette['gazette_zh']} ({gazette['gazette_en']})")
    print(counts)
    documents_by_id = {r["doc_id"]: r for r in docs.iter_rows(named=True)}
    plan = documents_by_id["plan_2023"]
    print(
        f"\n2023 main targets ({plan['doc_no']}, part 二; binding 约束性, indicative 预期性)",
    )
    rows = [
        (r["id"], r["name_en"], target_text(r), binding_text(r["binding"]))
        for r in targets.iter_rows(named=True)
    ]
    print(table(("id", "name", "target", "type"), rows, limits={"name": _NAME_WIDTH}))
    print("\n2022 headline outcomes (part 一)")
    outcome_rows = [
        (r["id"], r["name_en"], target_text(r))
        for r in outcomes.iter_rows(named=True)
        if r["section"] == "一"
    ]
    print(table(("id", "name", "value"), outcome_rows, limits={"name": _NAME_WIDTH}))
    print("\nDocuments")
    doc_rows = [
        (r["doc_id"], r["doc_no"], r["issued_on"].isoformat(), r["title_en"])
        for r in documents_by_id.values()
    ]
    print(table(("doc_id", "number", "issued", "title"), doc_rows))
    print(f"\nMore: {PROG} targets --binding · tasks --section 三(一) · rule 39 · search 会签")
    print(f"      {PROG} due 2023-04-28 --rule countersign_reply_working_days")
    print(f"      {PROG} export --format datapackage DIR · {PROG} --help")
    return 0


# --- targets / outcomes / tasks -------------------------------------------------------------


_FULL_WIDTH = str.maketrans({"\uff08": "(", "\uff09": ")", "\uff0e": "."})


def _section_prefix(text: str) -> str:
    """Accept full-width brackets and stray spaces: '三（一） 一是' -> '三(一)一是'.

    >>> _section_prefix("三\uff08一\uff09 一是")
    '三(一)一是'
    """
    return "".join(text.split()).translate(_FULL_WIDTH)


def _filtered(frame: pl.DataFrame, args: argparse.Namespace) -> pl.DataFrame:
    if args.section:
        frame = frame.filter(pl.col("section").str.starts_with(_section_prefix(args.section)))
    if args.measure:
        frame = frame.filter(pl.col("measure") == args.measure)
    if args.qualifier:
        frame = frame.filter(pl.col("qualifier") == args.qualifier)
    if getattr(args, "binding", False):
        frame = frame.filter(pl.col("binding"))
    if getattr(args, "indicative", False):
        frame = frame.filter(~pl.col("binding"))
    return frame


def _targets(args: argparse.Namespace) -> int:
    frame = _filtered(targets_2023(), args)

    def render() -> str:
        rows = [
            (r["id"], r["section"], r["name_en"], target_text(r), binding_text(r["binding"]))
            for r in frame.iter_rows(named=True)
        ]
        header = ("id", "section", "name", "target", "type")
        return table(header, rows, limits={"name": _NAME_WIDTH})

    emit(args, frame, render)
    return 0


def _listing(loader: Callable[[], pl.DataFrame], value_header: str) -> Callable[..., int]:
    def handler(args: argparse.Namespace) -> int:
        frame = _filtered(loader(), args)

        def render() -> str:
            flagged = bool(frame["flag"].is_not_null().any())
            rows = [
                (r["id"], r["section"], r["name_en"], target_text(r), r["measure"])
                + ((r["flag"] or "",) if flagged else ())
                for r in frame.iter_rows(named=True)
            ]
            header = ("id", "section", "name", value_header, "measure", "flag")
            return table(
                header[: 6 if flagged else 5], rows, limits={"name": _NAME_WIDTH, "id": 48}
            )

        emit(args, frame, render)
        return 0

    return handler


# --- assess / extract (their modules are imported when the command runs) --------------------


def _assess(args: argparse.Namespace) -> int:
    from jinan_gov._cli_assess import run  # noqa: PLC0415

    return run(args)


def _extract(args: argparse.Namespace) -> int:
    from jinan_gov._cli_extract import extract_command  # noqa: PLC0415

    return extract_command(args)


# --- rule / search ------------------------------------------------------------------------


def _rule(args: argparse.Namespace) -> int:
    article = rules.article(args.number)
    if args.json:
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


def _search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    return _print_ranked(
        args,
        rules.search(query, limit=args.limit),
        f"no article matches {escape(repr(query))}",
        _article_lines,
    )


def _article_lines(r: Mapping[str, Any]) -> list[str]:
    return [
        f"{r['label_zh']} (article {r['article_no']}, score {r['score']:.2f}) {r['title_en']}",
        f"    {r['snippet']}",
    ]


def _print_ranked(
    args: argparse.Namespace,
    found: pl.DataFrame,
    nothing: str,
    lines: Callable[[Mapping[str, Any]], list[str]],
) -> int:
    """Write a ranked search result to ``--output``, as JSON or CSV (the ``matched`` list
    joined by "; "), or print it as readable lines with what matched."""
    if args.output or args.json or args.csv:
        fmt = output_format(args.output, args.output_format) if args.output else None
        flat = found.with_columns(pl.col("matched").list.join("; "))
        emit(args, flat if args.csv or fmt == "csv" else found, str)
    elif found.is_empty():
        print(nothing)
    else:
        for r in found.iter_rows(named=True):
            print("\n".join(lines(r)))
            print(f"    matched: {', '.join(r['matched'])}")
    return 0


def _search_indicators(args: argparse.Namespace) -> int:
    from jinan_gov.search import search_indicators  # noqa: PLC0415

    query = " ".join(args.query)
    found = search_indicators(query, limit=args.limit)
    return _print_ranked(
        args, found, f"no indicator matches {escape(repr(query))}", _indicator_lines
    )


def _indicator_lines(r: Mapping[str, Any]) -> list[str]:
    score = f"score {r['score']:.2f}, {r['kind']} {r['year']}"
    return [f"{r['id']} ({score}) {r['name_en']} · {r['name_zh']}"]


# --- due ------------------------------------------------------------------------------------

_ISO_DATE = lazy_compile(r"^\d{4}-\d{2}-\d{2}$")


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


def _due(args: argparse.Namespace) -> int:
    start = _parse_date(args.start)
    notices = _notices(args.notice)
    # A start in an unpublished year fails here, even for --days 0.
    is_working_day(start, notices=notices)
    fact: dict[str, Any] | None = None
    if args.rule is not None:
        due = rules.due_date(args.rule, start, notices=notices)
        fact = rules.facts().filter(fact_id=args.rule).row(0, named=True)
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
    if args.json:
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


# --- export ---------------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    from jinan_gov.export import export  # noqa: PLC0415

    if args.excel and args.format == "parquet":
        raise ValueError("--excel applies to CSV output; use it with --format csv or datapackage")
    written = export(args.directory, args.format, overwrite=args.overwrite, excel=args.excel)
    directory = written[0].parent
    bom = ", UTF-8 with BOM for Excel" if args.excel else ""
    print(f"wrote {len(written)} files ({args.format}{bom}) to {escape(str(directory))}:")
    for path in written:
        print(f"  {path.name}")
    if args.format == "datapackage":
        shown = escape(str(directory / "datapackage.json"))
        print(f"validate with: frictionless validate {shown}")
    return 0


# --- parser ---------------------------------------------------------------------------------


def _add_output(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="all columns as a JSON list of rows")
    group.add_argument("--csv", action="store_true", help="all columns as UTF-8 CSV")
    group.add_argument(
        "--output",
        metavar="FILE",
        help="write all columns to FILE: CSV, Parquet or JSON lines by its suffix "
        "(.csv, .parquet, .jsonl) or --format; replaced only once complete",
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=OUTPUT_FORMATS,
        help="format of --output FILE when its suffix does not say",
    )


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--section", metavar="PREFIX", help="section path prefix, e.g. 三(一) or 三(一)一是"
    )
    parser.add_argument(
        "--measure", choices=MEASURES, metavar="M", help="kind of quantity: " + ", ".join(MEASURES)
    )
    parser.add_argument(
        "--qualifier",
        choices=QUALIFIERS,
        metavar="Q",
        help="how the figure is qualified: " + ", ".join(QUALIFIERS),
    )


def _configure_targets(parser: argparse.ArgumentParser) -> None:
    _add_filters(parser)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--binding", action="store_true", help="only binding (约束性) targets")
    kind.add_argument("--indicative", action="store_true", help="only indicative (预期性) targets")
    _add_output(parser)
    parser.set_defaults(handler=_targets)


def _configure_listing(loader: Callable[[], pl.DataFrame], value_header: str) -> _Configure:
    def configure(parser: argparse.ArgumentParser) -> None:
        _add_filters(parser)
        _add_output(parser)
        parser.set_defaults(handler=_listing(loader, value_header))

    return configure


def _configure_assess(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "actuals",
        metavar="ACTUALS.csv",
        help="CSV with id,actual[,scenario]; - (or a FIFO, /dev/stdin) reads standard input",
    )
    parser.add_argument(
        "--benchmarks",
        metavar="FILE",
        help="CSV id,benchmark[,scenario] for relative targets (高于全省平均水平)",
    )
    parser.add_argument(
        "--targets",
        metavar="EXTRACTED.csv",
        help="assess against targets saved by `extract --csv` (ids t01 …) instead of the plan's",
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        metavar="F",
        help=f"relative tolerance of 左右 targets (default {DEFAULT_TOLERANCE})",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="one row per scenario (counts by status, share attained) instead of every target",
    )
    _add_output(parser)
    parser.set_defaults(handler=_assess)


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="UTF-8 or GB18030 text; - reads stdin")
    _add_output(parser)
    parser.set_defaults(handler=_extract)


def _configure_rule(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="N", help="article number: 39, 第三十九条 or 三十九")
    parser.add_argument("--json", action="store_true", help="the article as JSON")
    parser.set_defaults(handler=_rule)


def _configure_search(
    handler: Callable[[argparse.Namespace], int], limit: int, example: str
) -> _Configure:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("query", nargs="+", metavar="QUERY", help=example)
        parser.add_argument(
            "--limit", type=int, default=limit, metavar="K", help=f"at most K results ({limit})"
        )
        _add_output(parser)
        parser.set_defaults(handler=handler)

    return configure


def _configure_due(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("start", metavar="START", help="day the clock starts, YYYY-MM-DD")
    limit = parser.add_mutually_exclusive_group(required=True)
    limit.add_argument("--days", type=int, metavar="N", help="N working days after START")
    limit.add_argument(
        "--rule",
        metavar="FACT_ID",
        help="a time limit of the Work Rules, e.g. countersign_reply_working_days",
    )
    parser.add_argument(
        "--notice",
        action="append",
        default=[],
        metavar="FILE",
        help="the State Council's holiday notice for a year the bundled calendar lacks "
        "(国务院办公厅关于YYYY年部分节假日安排的通知, UTF-8 or GB18030 text); repeatable",
    )
    parser.add_argument("--json", action="store_true", help="the result as JSON")
    parser.set_defaults(handler=_due)


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="output format")
    parser.add_argument("directory", metavar="DIR", help="output directory (created if missing)")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="write into a non-empty directory, replacing files (or links) of the same names",
    )
    parser.add_argument(
        "--excel",
        action="store_true",
        help="CSV as UTF-8 with a byte-order mark, so that Excel shows the Chinese text",
    )
    parser.set_defaults(handler=_export)


def _configure_overview(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(handler=_overview)


_Configure = Callable[[argparse.ArgumentParser], None]

# Every command: its name, its one-line help and what defines its arguments and handler.
_COMMANDS: tuple[tuple[str, str, _Configure], ...] = (
    (
        "overview",
        "what the library holds: main targets, headline outcomes, counts",
        _configure_overview,
    ),
    ("targets", "the main targets of 2023 (plan part 二)", _configure_targets),
    ("outcomes", "the 2022 outcomes (plan part 一)", _configure_listing(outcomes_2022, "value")),
    ("tasks", "the 2023 task targets (plan part 三)", _configure_listing(tasks_2023, "target")),
    (
        "assess",
        "assess actual values (CSV id,actual[,scenario]) against the targets",
        _configure_assess,
    ),
    (
        "extract",
        "read the annual main targets of any plan or work report (text file)",
        _configure_extract,
    ),
    ("rule", "one article of the Work Rules, e.g. 39 or 第三十九条", _configure_rule),
    (
        "search",
        "search the Work Rules (Chinese or English)",
        _configure_search(_search, 5, "question or keywords"),
    ),
    (
        "search-indicators",
        "find the plan's indicators by name (Chinese or English)",
        _configure_search(_search_indicators, 10, "keywords, e.g. GDP growth"),
    ),
    ("due", "deadline in official working days (weekends, holidays, 调休)", _configure_due),
    ("export", "write every table as CSV, Parquet or a Data Package", _configure_export),
)
COMMANDS = tuple(name for name, _, _ in _COMMANDS)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``jinan-gov`` argument parser (one sub-parser per command).

    With ``command``, only that command's arguments are defined (the others are listed by
    name and help only): enough to parse a command line that starts with it, at a fraction
    of the cost.
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Jinan municipal government documents (2023 plan, Work Rules) as data. "
        "Everything is bundled and works offline.",
        epilog="Exit status: 0 ok, 1 data error (one line on stderr), 2 usage error, "
        "130 interrupted, 141 output closed early.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {jinan_gov.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, helptext, configure in _COMMANDS:
        sub = commands.add_parser(name, help=helptext)
        if command is None or command == name:
            configure(sub)
    return parser


# --- main -----------------------------------------------------------------------------------

_DEBUG = "JINAN_GOV_DEBUG"  # set it to see the traceback of an unexpected error


def _run(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words and words[0] in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        raise
    except DATA_ERRORS + schema_errors() as error:  # evaluated only once an error is raised
        report(one_line(error))
        return 1
    except Exception as error:
        if os.environ.get(_DEBUG):
            raise
        report(
            f"unexpected {type(error).__name__}: {one_line(error)} (set {_DEBUG}=1 to see where)"
        )
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 data error, 2 usage error,
    130 interrupted, 141 output closed early).

    Callable in-process: ``main(["rule", "39"])``. Usage errors print argparse's usage
    message and return 2 instead of raising ``SystemExit``. Every other error is one line
    ``jinan-gov: error: ...`` on stderr, never a traceback.
    """
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return 141


def run() -> NoReturn:
    """The ``jinan-gov`` program: :func:`main`, then exit with its status.

    The process ends here, with the output flushed and every file closed, so the objects
    left are frozen out of the garbage collector first: otherwise Python spends some 40 ms of
    CPU at exit searching all of them (Polars', Pandera's and the tables') for reference
    cycles that the operating system frees anyway. ``main`` itself never does this, so
    calling it in-process leaves the collector alone.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def __dir__() -> list[str]:
    return list(__all__)
