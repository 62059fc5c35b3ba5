"""Time ``extract_many`` on 1,000 and 4,000 small texts, and ``extract_outcomes`` per report.

Run with ``uv run python benchmarks/bench_panel.py [--processes N]``.

1. Panels: ``extract_many`` (targets, then outcomes) on 1,000 and 4,000 small texts (a
   review sentence and a target paragraph each, every text different), best of ``REPEATS``
   runs, sizes in alternation. Linear time means a ratio of about 4.0 between the two; the
   peak of traced Python memory (``tracemalloc``) is printed for each size, and its ratio.
2. ``extract_outcomes`` on each report-sized text of ``bench_extract.py`` (the gazette and
   the eight sample paragraphs embedded in the plan's text), warm, best of ``REPEATS``,
   timed in alternation with ``normalize_text`` on the same text: the ratio is what reading
   the review costs beyond normalising the text once. Goal: at most 30 ms per report.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from jinan_gov.extract import extract_many, extract_outcomes
from jinan_gov.text.normalize import normalize_text

sys.path.insert(0, str(Path(__file__).parent))
from bench_extract import best_ms, default_texts

REPEATS = 3
SIZES = (1000, 4000)
GOAL_MS = 30.0


def small_texts(count: int) -> dict[str, str]:
    """``count`` different small reports: a review sentence and a target paragraph."""
    return {
        f"doc{i:05d}": (
            f"一、2025年工作回顾。全省地区生产总值增长{4 + i % 30 / 10}%，"
            f"城镇新增就业{40 + i % 50}万人。"
            f"今年主要预期目标是：地区生产总值增长{4 + i % 20 / 10}%左右，"
            f"城镇新增就业{50 + i % 40}万人以上，居民消费价格涨幅2%左右。"
        )
        for i in range(count)
    }


def panel_seconds(texts: dict[str, str], processes: int | None) -> tuple[float, float]:
    """Best seconds for targets + outcomes of ``texts``, and the peak traced MiB."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        extract_many(texts, processes=processes, progress=False)
        extract_many(texts, outcomes=True, processes=processes, progress=False)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    extract_many(texts, processes=processes, progress=False)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=None)
    args = parser.parse_args()
    extract_many(small_texts(50), progress=False)  # warm: models, caches
    texts = {size: small_texts(size) for size in SIZES}
    results = {size: panel_seconds(texts[size], args.processes) for size in SIZES}
    small, large = SIZES
    for size in SIZES:
        seconds, peak = results[size]
        print(
            f"extract_many x{size:>5}: {seconds:6.2f} s ({seconds / size * 1000:.2f} ms a text, "
            f"targets + outcomes), peak traced memory {peak:6.1f} MiB"
        )
    print(
        f"ratio {large}/{small}: time {results[large][0] / results[small][0]:.2f}, "
        f"memory {results[large][1] / results[small][1]:.2f} (linear: {large / small:.1f})"
    )
    ratios = []
    for label, text in default_texts():
        extract_outcomes(text)
        outcomes_ms, normalize_ms = best_ms([extract_outcomes, normalize_text], text)
        ratios.append(outcomes_ms / normalize_ms)
        print(
            f"extract_outcomes {label:<34} {outcomes_ms:6.2f} ms  "
            f"{outcomes_ms / normalize_ms:5.1f}x normalize_text ({normalize_ms:.2f} ms)"
        )
    worst = max(best_ms([extract_outcomes], text)[0] for _, text in default_texts())
    print(
        f"extract_outcomes: median {statistics.median(ratios):.1f}x normalize_text, "
        f"slowest {worst:.1f} ms a report (goal: at most {GOAL_MS:.0f} ms)"
    )


if __name__ == "__main__":
    main()
