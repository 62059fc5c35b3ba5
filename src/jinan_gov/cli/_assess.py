"""``jinan-gov assess``: assess a CSV of actuals and print, stream or save the result.

Large inputs (many scenarios) are assessed in batches of whole scenarios, and each batch's
rows go straight to their destination (standard output or a file) before the next batch is
assessed: memory holds the input and one batch, never the whole result. Batching needs each
scenario to be one contiguous run of rows (as a generator of scenarios writes them); if they
are interleaved, the input is assessed in one piece. Per-scenario summaries and totals are
gathered batch by batch; they are exactly those of the whole, since no scenario spans two
batches and :func:`jinan_gov.assess` keeps the input's row order.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any, Literal

import polars as pl

from jinan_gov.attainment import (
    assess,
    attainment_summary,
    check_benchmark_scenarios,
    read_actuals,
    read_benchmarks,
)
from jinan_gov.cli._input import read_input
from jinan_gov.cli._io import (
    PROG,
    TABLE_ROWS,
    OutputSpec,
    binding_text,
    check_output,
    emit,
    escape,
    rows_hint,
    table,
    write_csv,
    write_json,
    write_output,
)
from jinan_gov.errors import brief
from jinan_gov.extract import read_extracted_targets
from jinan_gov.plan import indicators
from jinan_gov.schemas.vocab import STATUSES
from jinan_gov.text.wording import format_number, target_text

__all__ = ("BATCH_ROWS", "batches", "run")

BATCH_ROWS = 50_000
"""Rows of actuals assessed at a time (rounded up to whole scenarios)."""
_SUMMARY_LINES = 20  # scenarios summarised one by one; more get one line in total
_COUNTS = ("rows", "assessed", "attained", *STATUSES)


def batches(actuals: pl.DataFrame, rows: int = BATCH_ROWS) -> Iterator[pl.DataFrame]:
    """Consecutive slices of about ``rows`` rows that never split a scenario.

    One slice (the whole frame) when it is small or its scenarios are not contiguous runs.

    >>> frame = pl.DataFrame({"scenario": ["a", "a", "b", "b", "b", "c"], "x": range(6)})
    >>> [b["scenario"].to_list() for b in batches(frame, rows=2)]
    [['a', 'a'], ['b', 'b', 'b'], ['c']]
    >>> [b.height for b in batches(frame.sort("x", descending=True).sort("scenario"), 100)]
    [6]
    """
    scenario = actuals["scenario"]
    if actuals.height <= rows:
        yield actuals
        return
    starts = scenario.ne_missing(scenario.shift(1)).fill_null(value=True).arg_true()
    if starts.len() != scenario.n_unique():  # interleaved scenarios: assess in one piece
        yield actuals
        return
    position = 0
    while position < actuals.height:
        cut = int(starts.search_sorted(position + rows, side="left"))
        end = int(starts[cut]) if cut < starts.len() else actuals.height
        yield actuals.slice(position, end - position)
        position = end


def _counts(result: pl.DataFrame) -> dict[str, int]:
    """Row counts of one batch: rows, assessed, attained and one per status."""
    assessed = (pl.col("status") != "not_assessable").sum()
    row = result.select(
        pl.len().alias("rows"),
        assessed.alias("assessed"),
        pl.col("attained").sum().alias("attained"),
        *((pl.col("status") == status).sum().alias(status) for status in STATUSES),
    ).row(0, named=True)
    return {name: int(row[name] or 0) for name in _COUNTS}


class _Totals:
    """Per-scenario summaries and counts, gathered from the batches as they pass."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(_COUNTS, 0)
        self.summaries: list[pl.DataFrame] = []
        self.warnings = 0
        self.first_warning: dict[str, Any] | None = None

    def add(self, result: pl.DataFrame) -> pl.DataFrame:
        for name, value in _counts(result).items():
            self.counts[name] += value
        self.summaries.append(attainment_summary(result))
        flagged = result.filter(pl.col("warning").is_not_null())
        if flagged.height and self.first_warning is None:
            self.first_warning = flagged.row(0, named=True)
        self.warnings += flagged.height
        return result

    def warn(self) -> None:
        """One line on stderr when some actuals look like the wrong unit (never changed)."""
        row = self.first_warning
        if row is None:
            return
        actual = format_number(row["actual"])
        print(
            f"warning: {self.warnings} actual(s) look like the wrong unit (kept as given), "
            f"e.g. {escape(brief(str(row['id'])))} = {actual}: {row['warning']}; "
            "see the warning column",
            file=sys.stderr,
        )

    def summary(self) -> pl.DataFrame:
        return pl.concat(self.summaries)

    def summaries_later(self) -> Iterator[pl.DataFrame]:
        """The summary, once every batch has passed (for the end of a streamed document)."""
        yield self.summary()


def _counts_text(row: Mapping[str, Any]) -> str:
    share = row["share_attained"]
    shown = "n/a" if share is None or math.isnan(share) else f"{share:.0%}"
    return (
        f"{row['assessed']} assessed: {row['exceeded']} exceeded, {row['met']} met, "
        f"{row['missed']} missed, {row['not_assessable']} not assessable; attained {shown}"
    )


def _summary_line(row: Mapping[str, Any]) -> str:
    binding = {True: "yes", False: "NO", None: "unknown (not every binding target assessed)"}
    scenario = row.get("scenario")
    named = "" if scenario is None else f"scenario {escape(str(scenario))}: "
    return (
        f"{named}{_counts_text(row)}; "
        f"all binding targets attained: {binding[row['all_binding_attained']]}"
    )


def _print_summary(totals: _Totals) -> None:
    """One line per scenario, or for many scenarios one line for all rows together."""
    summary = totals.summary()
    if summary.height <= _SUMMARY_LINES:
        for row in summary.iter_rows(named=True):
            print(_summary_line(row))
        return
    counts = totals.counts
    share = counts["attained"] / counts["assessed"] if counts["assessed"] else None
    together = _counts_text({**counts, "share_attained": share})
    print(f"{summary.height} scenarios, {counts['rows']} rows: {together}")
    print(f"one line per scenario: {PROG} assess ... --summary (--output FILE to save them)")


def _table(result: pl.DataFrame, targets: pl.DataFrame | None) -> str:
    wanted = set(result["id"])
    table_of_targets = indicators() if targets is None else targets
    texts = {
        r["id"]: target_text(r)
        for r in table_of_targets.filter(pl.col("id").is_in(wanted)).iter_rows(named=True)
    }
    scenarios = result["scenario"].drop_nulls().len() > 0
    header = ["id", "name", "target", "actual", "status", "gap", "tier", "binding"]
    rows = []
    for r in result.iter_rows(named=True):
        row = [
            str(r["id"]),
            r["name_en"],
            texts[r["id"]],
            "" if r["actual"] is None else format_number(r["actual"]),
            r["status"],
            "" if r["gap"] is None else f"{r['gap']:+.10g}",
            r["tier_reached"] or "",
            binding_text(r["binding"]),
        ]
        scenario = "" if r["scenario"] is None else str(r["scenario"])
        rows.append([scenario, *row] if scenarios else row)
    if scenarios:
        header.insert(0, "scenario")
    return table(header, rows, limits={"name": 40}, right=("actual", "gap"))


def run(args: argparse.Namespace, out: OutputSpec) -> int:
    """The ``assess`` command."""
    targets_file = args.targets
    if [args.actuals, args.benchmarks, targets_file].count("-") > 1:
        raise ValueError(
            "only one input can be - (standard input): ACTUALS.csv, --benchmarks or --targets"
        )
    fmt = check_output(out) if out.path else None  # before the work, not after
    targets = read_input(read_extracted_targets, targets_file, "targets") if targets_file else None
    missing: Literal["error", "unknown"] = "unknown" if args.blank_unknown else "error"
    reader = partial(read_actuals, targets=targets, missing=missing)
    actuals = read_input(reader, args.actuals, "actuals")
    benchmarks = (
        read_input(read_benchmarks, args.benchmarks, "benchmarks") if args.benchmarks else None
    )
    if benchmarks is not None:  # once for all rows: each batch gets only its own scenarios'
        check_benchmark_scenarios(benchmarks, actuals["scenario"])

    def assessed(batch: pl.DataFrame) -> pl.DataFrame:
        bench = benchmarks
        if bench is not None and batch.height < actuals.height:
            here = batch["scenario"].unique().implode()
            bench = bench.filter(pl.col("scenario").is_null() | pl.col("scenario").is_in(here))
        return assess(
            batch, benchmarks=bench, tolerance=args.tolerance, targets=targets, missing=missing
        )

    totals = _Totals()
    results = (totals.add(assessed(batch)) for batch in batches(actuals, BATCH_ROWS))
    if args.summary:
        for _ in results:
            pass
        summary = totals.summary()
        emit(out, summary, lambda: "\n".join(map(_summary_line, summary.iter_rows(named=True))))
    elif out.path and fmt is not None:
        written = write_output(out.path, results, fmt, excel=out.excel)
        print(f"wrote {totals.counts['rows']} rows ({fmt}) to {escape(str(written))}")
        _print_summary(totals)
    elif out.json:
        write_json({"assessment": results, "summary": totals.summaries_later()})
    elif out.csv:
        write_csv(results, excel=out.excel)
    else:
        first = next(results)
        if first.height <= TABLE_ROWS and first.height == actuals.height:
            print(_table(first, targets))
            print()
        else:
            for _ in results:
                pass
        _print_summary(totals)
        if totals.counts["rows"] > TABLE_ROWS:
            print(rows_hint(totals.counts["rows"]))
    totals.warn()
    return 0


def __dir__() -> list[str]:
    return list(__all__)
