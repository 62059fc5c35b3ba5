"""Time assess() against a bare join-and-compare, and measure its peak memory.

Speed: ``assess`` and a minimal hand-written join-and-compare run alternately in one process
on the same 1,000,000 scenario rows; each pair gives a ratio (wall clock and CPU time of the
process), and the script prints min/median/max of the ratios, so load on a shared machine
hits both sides alike. Two layouts: a scenario grid (each scenario one run of rows, targets
in a fixed order: how simulations write their output) and the same rows shuffled.

Memory: a fresh subprocess reads 10,000,000 rows from an Arrow IPC file and assesses them;
it reports its peak resident memory against the input frame's size.

Run: ``uv run python benchmarks/bench_assess.py [--rows N] [--repeat K] [--memory-rows M]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

from jinan_gov.attainment import assess
from jinan_gov.plan import targets_2023

SPEED_GOAL = 3.0
MEMORY_GOAL = 3.0


def scenario_frame(rows: int, *, shuffled: bool = False) -> tuple[pl.DataFrame, list[str]]:
    """``rows`` actuals over the numeric main targets, one per target per scenario.

    Scenario names are strings, ids strings, actuals pseudo-random around 5 (built in Polars,
    deterministic).
    """
    ids = targets_2023().filter(pl.col("value").is_not_null())["id"].to_list()
    scenarios = rows // len(ids)
    n = scenarios * len(ids)
    row = pl.int_range(n, eager=True, dtype=pl.UInt64)
    noise = (row.hash(seed=1) % 10_000).cast(pl.Float64) / 10_000
    frame = pl.DataFrame(
        {
            "scenario": (row // len(ids)).cast(pl.String),
            "id": pl.Series(ids).gather(row % len(ids)),
            "actual": 1.0 + 8.0 * noise,
        }
    )
    if shuffled:
        frame = frame.sample(fraction=1.0, shuffle=True, seed=3)
    return frame.rechunk(), ids


def baseline(actuals: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    """The minimal hand-written version: join the target figure and compare."""
    return actuals.join(targets, on="id", how="left").with_columns(
        attained=pl.col("actual") >= pl.col("value")
    )


def _timed(function: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def _spread(values: list[float]) -> str:
    return (
        f"min {min(values):.2f}x  median {statistics.median(values):.2f}x  max {max(values):.2f}x"
    )


def speed(rows: int, repeat: int, *, shuffled: bool) -> float:
    """Print the ratios assess / bare join for one layout; return the median CPU-time ratio."""
    actuals, ids = scenario_frame(rows, shuffled=shuffled)
    targets = targets_2023().select("id", "value")
    assess(actuals.head(1000))  # warm up: tables loaded and validated once
    walls: list[float] = []
    cpus: list[float] = []
    ours: list[float] = []
    for _ in range(repeat):  # alternate so drifting machine load hits both alike
        ours_wall, ours_cpu = _timed(lambda: assess(actuals))
        base_wall, base_cpu = _timed(lambda: baseline(actuals, targets))
        walls.append(ours_wall / base_wall)
        cpus.append(ours_cpu / base_cpu if base_cpu else float("nan"))
        ours.append(ours_wall)
    layout = "shuffled rows" if shuffled else "scenario grid"
    print(f"{layout}: {actuals.height:,} rows over {len(ids)} targets, {repeat} pairs")
    print(f"  assess() median {statistics.median(ours) * 1000:.1f} ms")
    print(f"  ratio assess/bare join, wall: {_spread(walls)}")
    print(f"  ratio assess/bare join, CPU:  {_spread(cpus)}")
    return statistics.median(cpus)


_CHILD = """
import resource, sys, time
import polars as pl
from jinan_gov.attainment import assess
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * {page}
frame = pl.read_ipc(sys.argv[1])
assess(frame.head(1000))
before = rss()
size = frame.estimated_size()
start = time.perf_counter()
result = assess(frame)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(size, before, peak, result.height, seconds)
"""


def memory(rows: int) -> float:
    """Print and return the peak memory of assess() in a fresh process, per input byte."""
    frame, _ = scenario_frame(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actuals.arrow"
        frame.write_ipc(path)
        del frame
        code = _CHILD.replace("{page}", str(os.sysconf("SC_PAGE_SIZE")))
        output = subprocess.run(
            [sys.executable, "-c", code, str(path)], check=True, stdout=subprocess.PIPE, text=True
        ).stdout.split()
    size, before, peak, height, seconds = (float(x) for x in output)
    mb = 2**20
    print(f"memory: {int(height):,} rows, input frame {size / mb:.0f} MB, assess {seconds:.1f} s")
    print(f"  process peak {peak / mb:.0f} MB = {peak / size:.2f}x the input")
    print(f"  (input already in memory and imports: {before / mb:.0f} MB before assess)")
    return peak / size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--memory-rows", type=int, default=10_000_000)
    args = parser.parse_args()
    grid = speed(args.rows, args.repeat, shuffled=False)
    speed(args.rows, args.repeat, shuffled=True)
    print(f"goal: assess <= {SPEED_GOAL}x the bare join (scenario grid, median CPU {grid:.2f}x)")
    if args.memory_rows:
        ratio = memory(args.memory_rows)
        print(f"goal: peak memory <= {MEMORY_GOAL}x the input ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
