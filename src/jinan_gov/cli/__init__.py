"""Command line: ``jinan-gov`` / ``python -m jinan_gov``.

::

    jinan-gov overview
    jinan-gov targets  [--section PREFIX] [--measure M] [--qualifier Q]
                       [--binding | --indicative] [OUTPUT]
    jinan-gov outcomes [--section PREFIX] [--measure M] [--qualifier Q] [OUTPUT]
    jinan-gov tasks    [--section PREFIX] [--measure M] [--qualifier Q] [OUTPUT]
    jinan-gov assess ACTUALS.csv [--benchmarks FILE] [--targets EXTRACTED.csv] [--tolerance F]
                     [--blank-unknown] [--summary] [OUTPUT]
    jinan-gov extract FILE... [--outcomes | --pairs] [OUTPUT]
                                          (reports as UTF-8 or GB18030 text; - for stdin)
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
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import polars as pl

import jinan_gov
from jinan_gov.cli import _plan, _rules
from jinan_gov.cli._input import DATA_ERRORS, one_line, report, schema_errors, silence_stdout
from jinan_gov.cli._io import OUTPUT_FORMATS, PROG, OutputSpec
from jinan_gov.errors import brief
from jinan_gov.plan import outcomes_2022, tasks_2023
from jinan_gov.schemas.vocab import (
    DEFAULT_TOLERANCE,
    EXPORT_FORMATS,
    MEASURES,
    QUALIFIERS,
    TIME_LIMIT_FACTS,
)
from jinan_gov.text.wording import target_text

__all__ = ("COMMANDS", "build_parser", "main", "run", "target_text")

Handler = Callable[[argparse.Namespace, OutputSpec], int]


# The assess and extract modules (and what they import) load only when their command runs;
# the functions are not named like the modules, which become attributes of this package.
def _assess_command(args: argparse.Namespace, out: OutputSpec) -> int:
    from jinan_gov.cli._assess import run  # noqa: PLC0415

    return run(args, out)


def _extract_command(args: argparse.Namespace, out: OutputSpec) -> int:
    from jinan_gov.cli._extract import extract_command  # noqa: PLC0415

    return extract_command(args, out)


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
    parser.add_argument(
        "--excel",
        dest="output_excel",
        action="store_true",
        help="CSV for spreadsheets: UTF-8 with a BOM, and text cells beginning with = + - @ "
        "(not numbers) prefixed with ' so they are not run as formulas",
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
    parser.set_defaults(handler=_plan.targets)


def _configure_listing(loader: Callable[[], pl.DataFrame], value_header: str) -> _Configure:
    def configure(parser: argparse.ArgumentParser) -> None:
        _add_filters(parser)
        _add_output(parser)
        parser.set_defaults(handler=_plan.listing(loader, value_header))

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
        "--blank-unknown",
        action="store_true",
        help="an empty actual cell means not yet known (not_assessable); by default it is an "
        "error naming its line",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="one row per scenario (counts by status, share attained) instead of every target",
    )
    _add_output(parser)
    parser.set_defaults(handler=_assess_command)


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="+",
        help="UTF-8 or GB18030 text; - reads stdin (alone); several files give one frame "
        "with a doc column (the file name without its suffix) first",
    )
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--outcomes",
        action="store_true",
        help="last year's outcomes that the review states, instead of the targets",
    )
    kind.add_argument(
        "--pairs",
        action="store_true",
        help="each target beside last year's outcome of its indicator, with the gap",
    )
    _add_output(parser)
    parser.set_defaults(handler=_extract_command)


def _configure_rule(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="N", help="article number: 39, 第三十九条 or 三十九")
    parser.add_argument("--json", action="store_true", help="the article as JSON")
    parser.set_defaults(handler=_rules.rule)


def _configure_search(handler: Handler, limit: int, example: str) -> _Configure:
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
        help="a time limit of the Work Rules: "
        + ", ".join(TIME_LIMIT_FACTS[:2])
        + " (a number of working days: the due date), or one without a number of days: "
        + ", ".join(TIME_LIMIT_FACTS[2:]),
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
    parser.set_defaults(handler=_rules.due)


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
    parser.set_defaults(handler=_plan.export)


def _configure_overview(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(handler=_plan.overview)


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
        "read the main targets (or last year's outcomes, or both paired) of any plans or "
        "work reports (text files)",
        _configure_extract,
    ),
    ("rule", "one article of the Work Rules, e.g. 39 or 第三十九条", _configure_rule),
    (
        "search",
        "search the Work Rules (Chinese or English)",
        _configure_search(_rules.search, 5, "question or keywords"),
    ),
    (
        "search-indicators",
        "find the plan's indicators by name (Chinese or English)",
        _configure_search(_plan.search_indicators, 10, "keywords, e.g. GDP growth"),
    ),
    ("due", "deadline in official working days (weekends, holidays, 调休)", _configure_due),
    ("export", "write every table as CSV, Parquet or a Data Package", _configure_export),
)
COMMANDS = tuple(name for name, _, _ in _COMMANDS)


def build_parser() -> argparse.ArgumentParser:
    """The ``jinan-gov`` argument parser (one sub-parser per command)."""
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
        configure(commands.add_parser(name, help=helptext))
    return parser


# --- main -----------------------------------------------------------------------------------

_DEBUG = "JINAN_GOV_DEBUG"  # set it to see the traceback of an unexpected error


def _undecodable(argv: Sequence[str]) -> str | None:
    """The first argument holding bytes the locale could not decode (lone surrogates)."""
    for number, argument in enumerate(argv, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError as error:
            return (
                f"argument {number} ({brief(argument)}) holds bytes that are not valid "
                f"UTF-8 at position {error.start}; give arguments as UTF-8 text"
            )
        except AttributeError:  # not a str: argparse reports it
            return None
    return None


def _run(argv: Sequence[str] | None) -> int:
    undecodable = _undecodable(sys.argv[1:] if argv is None else argv)
    if undecodable:
        report(undecodable)
        return 2
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    handler: Handler = args.handler
    try:
        out = OutputSpec(
            path=getattr(args, "output", None),
            fmt=getattr(args, "output_format", None),
            json=getattr(args, "json", False),
            csv=getattr(args, "csv", False),
            excel=getattr(args, "output_excel", False),
        )
        code = handler(args, out)
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
