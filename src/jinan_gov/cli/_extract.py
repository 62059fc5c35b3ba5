"""The ``jinan-gov extract`` command: the targets, outcomes or pairs of any reports or plans.

Kept apart from :mod:`jinan_gov.cli`, which registers the command and imports this module
(and the extractor) only when it runs.

One file gives the rows of :func:`~jinan_gov.extract.extract_targets` (``--outcomes``:
:func:`~jinan_gov.extract.extract_outcomes`; ``--pairs``:
:func:`~jinan_gov.extract.target_vs_outcome`) as they are; several files give one frame
with the file's stem in a ``doc`` column first, keyed by (``doc``, ``id``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl

from jinan_gov.cli._input import readable_file
from jinan_gov.cli._io import OutputSpec, emit, escape, table
from jinan_gov.extract import (
    extract_many,
    extract_outcomes,
    extract_targets,
    read_report,
    target_vs_outcome,
)
from jinan_gov.text.wording import render_target, target_text

__all__ = ("extract_command", "read_reports")

_STDIN = "-"
_EMPTY = {
    "targets": "no main-target paragraph (主要预期目标是：…) found",
    "outcomes": "no outcomes of last year (a review such as 2025年工作回顾) found",
    "pairs": "no main-target paragraph (主要预期目标是：…) found",
}


def _read_one(argument: str) -> str:
    with readable_file(argument, "report") as (path, shown):
        try:
            text = read_report(path)
        except ValueError as error:
            raise ValueError(str(error).replace(str(path), escape(shown))) from None
    if "\x00" in text:
        raise ValueError(
            f"{escape(shown)}: holds NUL characters, so it is not a text file; give the "
            "report as UTF-8 or GB18030 text"
        )
    return text


def read_reports(arguments: list[str]) -> dict[str, str]:
    """The text of each file named on the command line, by its stem (``-``: stdin, alone).

    Raises
    ------
    ValueError
        Two files with the same stem (they would be one ``doc``), ``-`` among several
        files, or a file that is not text.
    OSError
        A file that cannot be read.
    """
    if len(arguments) > 1 and _STDIN in arguments:
        raise ValueError("- (standard input) can only be read alone; give several reports as files")
    names: dict[str, str] = {}
    for argument in arguments:
        stem = "stdin" if argument == _STDIN else Path(argument).stem
        if stem in names:
            raise ValueError(
                f"{escape(names[stem])} and {escape(argument)} have the same name "
                f"{escape(stem)!r}: the doc column is the file name without its suffix, so "
                "rename one of them"
            )
        names[stem] = argument
    return {stem: _read_one(argument) for stem, argument in names.items()}


def _kind(args: argparse.Namespace) -> str:
    if getattr(args, "pairs", False):
        return "pairs"
    return "outcomes" if getattr(args, "outcomes", False) else "targets"


def _pairs(texts: dict[str, str]) -> pl.DataFrame:
    frames = [
        target_vs_outcome(text).select(pl.lit(name, dtype=pl.String).alias("doc"), pl.all())
        for name, text in texts.items()
    ]
    return pl.concat(frames, how="vertical")


def _frame(texts: dict[str, str], kind: str) -> pl.DataFrame:
    if len(texts) == 1:
        (text,) = texts.values()
        if kind == "targets":
            return extract_targets(text)
        return extract_outcomes(text) if kind == "outcomes" else target_vs_outcome(text)
    if kind == "pairs":
        return _pairs(texts)
    return extract_many(texts, outcomes=kind == "outcomes")


def _outcome_text(row: dict[str, object]) -> str:
    value = row.get("value_outcome", row.get("value"))
    unit = row.get("unit_outcome", row.get("unit"))
    if not isinstance(value, int | float):
        return ""
    return render_target(value, unit if isinstance(unit, str) else None, style="symbols")


def _render(frame: pl.DataFrame, kind: str) -> str:
    if frame.is_empty():
        return _EMPTY[kind]
    doc = ["doc"] if "doc" in frame.columns else []
    rows: list[list[str]] = []
    for r in frame.iter_rows(named=True):
        first = [r["doc"]] if doc else []
        if kind == "targets":
            rows.append([*first, r["id"], r["name_zh"], target_text(r), r["name_en"] or ""])
        elif kind == "outcomes":
            year = "" if r["year"] is None else str(r["year"])
            rows.append(
                [*first, r["id"], r["name_zh"], _outcome_text(r), year, r["indicator"] or ""]
            )
        else:
            gap = "" if r["gap"] is None else f"{r['gap']:+g}"
            target = r["target_text"] or ""
            rows.append(
                [*first, r["id_target"], r["indicator"] or "", target, _outcome_text(r), gap]
            )
    headers = {
        "targets": ["id", "name", "target", "english"],
        "outcomes": ["id", "name", "value", "year", "indicator"],
        "pairs": ["id", "indicator", "target", "last year", "gap"],
    }[kind]
    return table([*doc, *headers], rows, limits={"name": 36, "indicator": 32})


def extract_command(args: argparse.Namespace, out: OutputSpec) -> int:
    """Print (or write) the targets, outcomes or pairs of the reports named by ``args.file``."""
    files = args.file if isinstance(args.file, list) else [args.file]
    kind = _kind(args)
    frame = _frame(read_reports(files), kind)
    emit(out, frame, lambda: _render(frame, kind))
    return 0


def __dir__() -> list[str]:
    return list(__all__)
