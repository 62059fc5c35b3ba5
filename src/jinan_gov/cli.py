"""Command line: ``jinan-gov`` / ``python -m jinan_gov``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import polars as pl

from jinan_gov.sources import appointments, documents

__all__ = ("main",)


def _overview(_: argparse.Namespace) -> int:
    with pl.Config(
        tbl_rows=-1, tbl_hide_dataframe_shape=True, fmt_str_lengths=60, tbl_width_chars=160
    ):
        print("Documents (济南市人民政府公报 2023年第10期)")
        print(documents().select("doc_id", "doc_no", "issued_on", "title_en"))
        print("\nCounsellors appointed (市政府参事)")
        print(appointments().select("name_zh", "name_pinyin", "appointed_on"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jinan-gov",
        description="Jinan municipal government documents (2023 plan, Work Rules) as data.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    overview = commands.add_parser("overview", help="what the library holds, at a glance")
    overview.set_defaults(handler=_overview)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 data error, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except LookupError as error:
        print(f"jinan-gov: error: {error}", file=sys.stderr)
        return 1
    return code
