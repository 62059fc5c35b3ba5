"""Start-up cost of jinan_gov, measured as users meet it: a fresh venv with only the wheel.

The script builds the wheel, installs it with its runtime dependencies (and nothing else)
into a new venv under a temporary directory, then runs whole Python processes in that venv
and measures each one's CPU time (user + system, from ``os.wait4``). The commands run in
alternation, so drifting machine load hits all alike, and the script prints min / median /
max per command and the ratios of medians against the floors:

- ``import jinan_gov`` against ``import polars`` (goal ≤ 1.15×);
- importing jinan_gov and loading every table against ``import polars, pandera.polars``
  (goal ≤ 1.3×: loading validates every table, so pandera is part of the floor);
- ``jinan-gov overview`` against the same floor (goal ≤ 1.3×), and the same overview run
  by ``main()`` with a normal interpreter shutdown, for comparison: the program freezes the
  garbage collector before it exits, which the floor's processes do not.

Run: ``uv run python benchmarks/bench_startup.py [--repeat K] [--venv DIR]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOAD_ALL = """
import jinan_gov as jg
from jinan_gov import rules
for load in (jg.documents, jg.appointments, jg.outcomes_2022, jg.targets_2023,
             jg.tasks_2023, jg.indicators, rules.chapters, rules.articles, rules.facts):
    load()
"""


def build_venv(where: Path) -> Path:
    """Build the wheel and install it alone (with its runtime dependencies) into a new venv."""
    dist = where / "dist"
    subprocess.run(
        ["uv", "build", "--wheel", "--quiet", "--out-dir", str(dist)], cwd=ROOT, check=True
    )
    (wheel,) = dist.glob("jinan_gov-*.whl")
    venv = where / "venv"
    subprocess.run(["uv", "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    python = venv / "bin" / "python"
    # Compiled to bytecode as pip does on install: the console script honours
    # PYTHONDONTWRITEBYTECODE, so without it every run would compile the CLI modules again.
    subprocess.run(
        [
            "uv",
            "pip",
            "install",
            "--quiet",
            "--compile-bytecode",
            "--python",
            str(python),
            str(wheel),
        ],
        check=True,
    )
    return venv


def cpu_seconds(command: list[str], cwd: Path) -> float:
    """CPU time (user + system) of one whole process, children included."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return usage.ru_utime + usage.ru_stime


def commands(venv: Path) -> dict[str, list[str]]:
    python = str(venv / "bin" / "python")
    return {
        "import polars": [python, "-I", "-c", "import polars"],
        "import jinan_gov": [python, "-I", "-c", "import jinan_gov"],
        "import polars, pandera.polars": [python, "-I", "-c", "import polars, pandera.polars"],
        "import jinan_gov + load every table": [python, "-I", "-c", LOAD_ALL],
        "jinan-gov overview": [str(venv / "bin" / "jinan-gov"), "overview"],
        # The same command without the program's exit (main() in-process, then a normal
        # interpreter shutdown): what the overview costs before Python tears everything down.
        "main(['overview']), normal exit": [
            python,
            "-I",
            "-c",
            "import sys; from jinan_gov.cli import main; main(['overview']); sys.stdout.flush()",
        ],
    }


def measure(venv: Path, repeat: int) -> dict[str, list[float]]:
    runs = commands(venv)
    times: dict[str, list[float]] = {name: [] for name in runs}
    with tempfile.TemporaryDirectory() as cwd:
        for command in runs.values():  # warm the file cache and __pycache__ once
            cpu_seconds(command, Path(cwd))
        for _ in range(repeat):
            for name, command in runs.items():
                times[name].append(cpu_seconds(command, Path(cwd)))
    return times


def report(times: dict[str, list[float]]) -> None:
    print(f"CPU seconds per process, {len(next(iter(times.values())))} alternating runs")
    for name, values in times.items():
        low, mid, high = min(values), statistics.median(values), max(values)
        print(f"  {name:<40} min {low:.3f}  median {mid:.3f}  max {high:.3f}")
    median = {name: statistics.median(values) for name, values in times.items()}
    ratios = (
        ("import jinan_gov", "import polars", 1.15),
        ("import jinan_gov + load every table", "import polars, pandera.polars", 1.3),
        ("jinan-gov overview", "import polars, pandera.polars", 1.3),
        ("main(['overview']), normal exit", "import polars, pandera.polars", 1.3),
    )
    print("ratios (goal): of the medians; and the median of each round's own ratio, which")
    print("cancels load that drifts between rounds (each round runs every command once)")
    for name, floor, goal in ratios:
        ratio = median[name] / median[floor]
        paired = statistics.median(a / b for a, b in zip(times[name], times[floor], strict=True))
        verdict = "ok" if max(ratio, paired) <= goal else "over"
        print(f"  {name} / {floor}: {ratio:.2f}x, paired {paired:.2f}x (<= {goal}x: {verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--venv", type=Path, help="reuse a venv built by an earlier run")
    args = parser.parse_args()
    if args.venv is not None:
        report(measure(args.venv, args.repeat))
        return
    with tempfile.TemporaryDirectory(prefix="jinan-gov-startup-") as where:
        venv = build_venv(Path(where))
        report(measure(venv, args.repeat))


if __name__ == "__main__":
    main()
