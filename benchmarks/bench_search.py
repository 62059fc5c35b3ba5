"""Accuracy and latency of the searches against a naive baseline, measured in one run.

Run with ``uv run python benchmarks/bench_search.py``. Question sets
(``tests/data/rules_search_questions*.csv``: lang, question, expected_article and,
in the unseen sets, also_acceptable: other articles that answer the question too, separated
by ``|``; a hit is the expected article or one of these):

- ``rules_search_questions.csv``: written from reading the Rules before the
  ranking was implemented; ``..._holdout.csv``: written after, never tuned on;
- ``..._dev.csv``: colloquial questions in everyday words (both languages),
  written before the glossary and the plain-English notes were tuned on them;
- ``..._unseen.csv``: colloquial questions written by someone who never saw
  the search code, glossary or notes; measured once, since used for tuning
  (the first unseen set);
- ``..._unseen2.csv``: the second unseen set, written independently from the
  Rules text alone and measured once after tuning was frozen; since used for tuning;
- ``..._unseen3.csv`` to ``..._unseen5.csv``: the third to fifth unseen sets (50 English,
  30 Chinese each), written independently from the Rules text alone, each measured once
  after tuning was frozen; since used for tuning;
- ``..._unseen6.csv`` to ``..._unseen8.csv``: the sixth to eighth unseen sets, written the
  same way and measured once after the last round of tuning; never tuned on.

How each unseen set was written: ``tests/data/rules_search_sets/``.

The baseline scores each article by naive substring counting: how often each
CJK character of the question occurs in the article's Chinese text, plus how
often each English word of the question occurs in its English title and
summary. Latency is CPU time per query after the first (indexes built before
timing), the median of several passes; the ratio search / baseline is printed
for both :func:`jinan_gov.rules.search` and :func:`jinan_gov.search_indicators`.
"""

from __future__ import annotations

import csv
import re
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from jinan_gov import indicators, search_indicators
from jinan_gov.rules import articles, search

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = {
    "": DATA / "rules_search_questions.csv",
    "holdout": DATA / "rules_search_questions_holdout.csv",
    "dev": DATA / "rules_search_questions_dev.csv",
    "unseen": DATA / "rules_search_questions_unseen.csv",
    "unseen2": DATA / "rules_search_questions_unseen2.csv",
    "unseen3": DATA / "rules_search_questions_unseen3.csv",
    "unseen4": DATA / "rules_search_questions_unseen4.csv",
    "unseen5": DATA / "rules_search_questions_unseen5.csv",
    "unseen6": DATA / "rules_search_questions_unseen6.csv",
    "unseen7": DATA / "rules_search_questions_unseen7.csv",
    "unseen8": DATA / "rules_search_questions_unseen8.csv",
}
NEVER_TUNED = ("unseen6", "unseen7", "unseen8")
INDICATOR_QUERIES = (
    "GDP growth",
    "城镇新增就业",
    "digital economy share of GDP",
    "R&D spending",
    "研发经费占比",
    "air quality",
)
PASSES = 7
TARGET_MS = 1.0


def load_questions(path: Path) -> list[tuple[str, str, set[int]]]:
    """(lang, question, the articles that count as a hit) for each row of a question set."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (
                r["lang"],
                r["question"],
                {int(r["expected_article"])}
                | {int(n) for n in re.split(r"[|;, ]+", r.get("also_acceptable") or "") if n},
            )
            for r in csv.DictReader(handle)
        ]


def make_baseline() -> tuple[list[str], list[str]]:
    frame = articles()
    zh = list(frame["text_zh"])
    en = [f"{t} {s}".lower() for t, s in zip(frame["title_en"], frame["summary_en"], strict=True)]
    return zh, en


def baseline_top(question: str, zh: Sequence[str], en: Sequence[str], k: int) -> list[int]:
    chars = [c for c in question if "\u4e00" <= c <= "\u9fff"]
    words = re.findall(r"[a-z0-9]+", question.lower())
    scores = [
        sum(z.count(c) for c in chars) + sum(e.count(w) for w in words)
        for z, e in zip(zh, en, strict=True)
    ]
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return [i + 1 for i in order[:k] if scores[i] > 0]


def cpu_ms_per_call(call: Callable[[str], object], texts: Sequence[str]) -> float:
    """Median over passes of the CPU milliseconds per call (process time, not wall time)."""
    passes = []
    for _ in range(PASSES):
        start = time.process_time()
        for text in texts:
            call(text)
        passes.append((time.process_time() - start) * 1000 / len(texts))
    return statistics.median(passes)


def main() -> None:
    zh, en = make_baseline()
    search("warm up")  # build the index outside the timings
    results: dict[str, dict[str, list[bool]]] = {}
    texts: list[str] = []
    for suffix, path in SETS.items():
        if not path.exists():
            print(f"  ({path.name} not present: skipped)")
            continue
        for lang, question, expected in load_questions(path):
            name = f"{lang}-{suffix}" if suffix else lang
            texts.append(question)
            ours = search(question, limit=3)["article_no"].to_list()
            base = baseline_top(question, zh, en, 3)
            row = results.setdefault(name, {"bm25@1": [], "bm25@3": [], "base@1": [], "base@3": []})
            row["bm25@1"].append(bool(ours) and ours[0] in expected)
            row["bm25@3"].append(bool(expected & set(ours)))
            row["base@1"].append(bool(base) and base[0] in expected)
            row["base@3"].append(bool(expected & set(base)))
            if not (ours and ours[0] in expected):
                print(f"  miss [{name}] {question!r}: expected {sorted(expected)}, got {ours}")

    for lang in ("zh", "en"):  # the sets never tuned on, pooled: the figure to quote
        parts = [results.get(f"{lang}-{suffix}") for suffix in NEVER_TUNED]
        pooled = {
            key: [hit for p in parts if p for hit in p[key]]
            for key in ("bm25@1", "bm25@3", "base@1", "base@3")
        }
        if pooled["bm25@1"]:
            results[f"{lang}-never-tuned"] = pooled
    print(f"\n{'set':<16}{'n':>4}{'search top1':>13}{'top3':>8}{'base top1':>11}{'top3':>8}")
    for name, row in sorted(results.items()):
        n = len(row["bm25@1"])
        cells = [100 * sum(row[key]) / n for key in ("bm25@1", "bm25@3", "base@1", "base@3")]
        print(
            f"{name:<16}{n:>4}{cells[0]:>12.1f}%{cells[1]:>7.1f}%{cells[2]:>10.1f}%{cells[3]:>7.1f}%"
        )

    rules_ms = cpu_ms_per_call(lambda text: search(text, limit=5), texts)
    base_ms = cpu_ms_per_call(lambda text: baseline_top(text, zh, en, 5), texts)
    indicators()  # loaded before timing, like the Rules above
    search_indicators("warm up")
    found_ms = cpu_ms_per_call(search_indicators, INDICATOR_QUERIES * 10)
    print(f"\nCPU time per query after the first (median of {PASSES} passes):")
    print(f"  rules.search()        {rules_ms:.3f} ms   ({rules_ms / base_ms:.2f}x the baseline)")
    print(f"  search_indicators()   {found_ms:.3f} ms   ({found_ms / base_ms:.2f}x the baseline)")
    print(f"  naive baseline        {base_ms:.3f} ms")
    for name, value in (("rules.search", rules_ms), ("search_indicators", found_ms)):
        verdict = "within" if value <= TARGET_MS else "OVER"
        print(f"  {name}: {verdict} the {TARGET_MS:g} ms target")


if __name__ == "__main__":
    main()
