"""Time ``extract_targets`` per whole report, as a ratio against ``normalize_text``.

Run with ``uv run python benchmarks/bench_extract.py [REPORT.txt ...]``.

Without arguments it times the bundled gazette text (raw PDF extraction, three documents,
the plan's target paragraph in the middle) and eight report-sized texts: each target
paragraph of ``jinan_gov.extract.sample_reports()`` embedded, at a random place, in the
plan's own normalised text with its target paragraph removed (about the length of a
provincial work report). Give file paths (UTF-8 or GB18030) to time real reports instead.

Both functions are timed warm, on the same text, in alternation, best of ``REPEATS`` runs
each; ``extract_targets`` includes its own folding, web-text cleaning and normalising, so the
ratio is how much the extraction costs beyond normalising the text once. Goals: the median
ratio over the texts at most 12x, and under 20 ms per report.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import jinan_gov
from jinan_gov.extract import extract_targets, read_report, sample_reports

REPEATS = 15
GOAL_MS = 20.0
GOAL_RATIO = 12.0


def best_ms(functions: Sequence[Callable[[str], object]], text: str) -> list[float]:
    """Best time of each function on ``text``, the functions run in alternation."""
    timings: list[list[float]] = [[] for _ in functions]
    for _ in range(REPEATS):
        for function, times in zip(functions, timings, strict=True):
            started = time.perf_counter()
            function(text)
            times.append(time.perf_counter() - started)
    return [min(times) * 1000 for times in timings]


def default_texts() -> list[tuple[str, str]]:
    plan = jinan_gov.source_text("plan_2023")
    start = plan.index("(二)主要目标") if "(二)主要目标" in plan else plan.index("（二）主要目标")
    end = plan.index("三、2023年经济社会发展重点任务")
    filler = plan[:start] + plan[end:]
    rng = random.Random(2026)
    texts = [("gazette (raw PDF text)", jinan_gov.raw_text())]
    for slug, sample in sample_reports().items():
        paragraph = "\n".join(sample.split("\n")[3:])
        cut = filler.index("\n", rng.randrange(len(filler) // 2)) + 1
        text = filler[:cut] + paragraph + "\n" + filler[cut:]
        texts.append((f"{slug} (paragraph in plan text)", text))
    return texts


def main(paths: list[str]) -> None:
    texts = [(Path(p).name, read_report(p)) for p in paths] if paths else default_texts()
    extract_targets(texts[0][1])  # warm up: imports, OpenCC dictionaries, schema
    print(f"{'text':42} {'chars':>7} {'normalize':>10} {'extract':>9} {'ratio':>6} {'rows':>5}")
    total = 0.0
    ratios = []
    for name, text in texts:
        normalise, extract = best_ms((jinan_gov.normalize_text, extract_targets), text)
        rows = extract_targets(text).height
        total += extract
        ratios.append(extract / normalise)
        print(
            f"{name:42} {len(text):7d} {normalise:8.1f}ms {extract:7.1f}ms "
            f"{extract / normalise:6.2f} {rows:5d}"
        )
    mean = total / len(texts)
    verdict = "within" if mean < GOAL_MS else "OVER"
    print(
        f"\nmean extract_targets time per text: {mean:.1f} ms ({verdict} the {GOAL_MS:.0f} ms goal)"
    )
    median = statistics.median(ratios)
    verdict = "within" if median <= GOAL_RATIO else "OVER"
    print(
        f"median ratio extract_targets / normalize_text: {median:.1f}x "
        f"({verdict} the {GOAL_RATIO:.0f}x goal)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
