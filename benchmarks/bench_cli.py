"""Peak memory and time of ``jinan-gov assess`` on large inputs, one fresh process per run.

Writes an actuals CSV of N rows (scenarios x the numeric main targets), then runs the
command line in each output mode and reports its peak resident memory (from the kernel's
accounting of the finished child), the peak above a process that only loads the library
and the bundled tables, and that excess as a multiple of the input: the CSV's size and the
size of the actuals frame in memory.
Run: ``uv run python benchmarks/bench_cli.py [--rows 1000000 5000000]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from jinan_gov.attainment import read_actuals
from jinan_gov.plan import targets_2023

MODES: dict[str, list[str]] = {
    "summary (default)": [],
    "--output rows.parquet": ["--output", "{dir}/rows.parquet"],
    "--output rows.csv": ["--output", "{dir}/rows.csv"],
    "--csv > /dev/null": ["--csv"],
    "--json > /dev/null": ["--json"],
    "--summary --output s.csv": ["--summary", "--output", "{dir}/summary.csv"],
}
_BASELINE = "import jinan_gov, jinan_gov.cli; jinan_gov.targets_2023(); jinan_gov.indicators()"


def write_actuals(path: Path, rows: int) -> None:
    """``rows`` actuals: the numeric main targets repeated over numbered scenarios."""
    numeric = targets_2023().filter(pl.col("value").is_not_null())
    count = numeric.height
    (
        pl.select(row=pl.int_range(rows))
        .with_columns(
            id=pl.col("row").mod(count).replace_strict(list(range(count)), numeric["id"]),
            actual=(pl.col("row") * 7919 % 1000 / 100).round(2),
            scenario=pl.format("run{}", pl.col("row") // count),
        )
        .drop("row")
        .write_csv(path)
    )


def peak(argv: list[str]) -> tuple[float, float]:
    """Seconds and peak resident MB of one run of ``argv`` (its output discarded)."""
    start = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as child:
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        assert child.stderr is not None
        error = child.stderr.read().decode()
    if child.returncode:
        raise SystemExit(f"{argv} failed: {error}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024  # Linux: kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    args = parser.parse_args()
    command = [sys.executable, "-m", "jinan_gov", "assess"]
    _, base = peak([sys.executable, "-c", _BASELINE])
    print(f"library loaded, no input: {base:.0f} MB peak")
    for rows in args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            csv = Path(tmp) / "actuals.csv"
            write_actuals(csv, rows)
            frame_mb = read_actuals(csv).estimated_size() / 2**20
            csv_mb = csv.stat().st_size / 2**20
            print(f"\n{rows:,} rows: CSV {csv_mb:.0f} MB, actuals frame {frame_mb:.0f} MB")
            print(f"{'mode':26} {'s':>6} {'peak MB':>8} {'excess':>7} {'x CSV':>6} {'x frame':>7}")
            for mode, extra in MODES.items():
                argv = [*command, str(csv), *(a.format(dir=tmp) for a in extra)]
                seconds, mb = peak(argv)
                excess = mb - base
                print(
                    f"{mode:26} {seconds:6.1f} {mb:8.0f} {excess:7.0f} "
                    f"{excess / csv_mb:6.1f} {excess / frame_mb:7.1f}"
                )


if __name__ == "__main__":
    main()
