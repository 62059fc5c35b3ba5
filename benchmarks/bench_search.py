"""Accuracy and latency of ``jinan_gov.rules.search`` against a naive baseline, in one run.

Run with ``uv run python benchmarks/bench_search.py``. The questions are
``tests/data/rules_search_questions.csv`` (lang, question, expected_article),
written from reading the Rules before the ranking was implemented, and a
held-out set ``rules_search_questions_holdout.csv`` written after tuning.

The baseline scores each article by naive substring counting: how often each
CJK character of the question occurs in the article's Chinese text, plus how
often each English word of the question occurs in its English title and
summary. Both are timed per query, warm (the BM25 index is built before
timing), and the ratio baseline / BM25 is printed.
"""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path

from jinan_gov.rules import articles, search

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
QUESTIONS = DATA / "rules_search_questions.csv"
# Written after the ranking was tuned on QUESTIONS and never tuned on: a held-out check.
HOLDOUT = DATA / "rules_search_questions_holdout.csv"
# Colloquial questions in everyday words, written before the glossary was tuned on them.
DEV = DATA / "rules_search_questions_dev.csv"
REPEATS = 20


def load_questions(path: Path = QUESTIONS) -> list[tuple[str, str, int]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (r["lang"], r["question"], int(r["expected_article"])) for r in csv.DictReader(handle)
        ]


def make_baseline() -> tuple[list[str], list[str]]:
    frame = articles()
    zh = list(frame["text_zh"])
    en = [f"{t} {s}".lower() for t, s in zip(frame["title_en"], frame["summary_en"], strict=True)]
    return zh, en


def baseline_top(question: str, zh: list[str], en: list[str], k: int) -> list[int]:
    chars = [c for c in question if "\u4e00" <= c <= "\u9fff"]
    words = re.findall(r"[a-z0-9]+", question.lower())
    scores = [
        sum(z.count(c) for c in chars) + sum(e.count(w) for w in words)
        for z, e in zip(zh, en, strict=True)
    ]
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return [i + 1 for i in order[:k] if scores[i] > 0]


def main() -> None:
    questions = load_questions()
    holdout = load_questions(HOLDOUT)
    zh, en = make_baseline()
    search("warm up")  # build the index outside the timings
    results: dict[str, dict[str, list[bool]]] = {}
    sets = [(lang, q, e) for lang, q, e in questions]
    sets += [(f"{lang}-holdout", q, e) for lang, q, e in holdout]
    sets += [(f"{lang}-dev", q, e) for lang, q, e in load_questions(DEV)]
    for lang, question, expected in sets:
        ours = search(question, limit=3)["article_no"].to_list()
        base = baseline_top(question, zh, en, 3)
        row = results.setdefault(lang, {"bm25@1": [], "bm25@3": [], "base@1": [], "base@3": []})
        row["bm25@1"].append(ours[:1] == [expected])
        row["bm25@3"].append(expected in ours)
        row["base@1"].append(base[:1] == [expected])
        row["base@3"].append(expected in base)
        if ours[:1] != [expected]:
            print(f"  miss [{lang}] {question!r}: expected {expected}, got {ours}")

    texts = [q for _, q, _ in sets]
    start = time.perf_counter()
    for _ in range(REPEATS):
        for text in texts:
            search(text, limit=5)
    ours_ms = (time.perf_counter() - start) * 1000 / (REPEATS * len(texts))
    start = time.perf_counter()
    for _ in range(REPEATS):
        for text in texts:
            baseline_top(text, zh, en, 5)
    base_ms = (time.perf_counter() - start) * 1000 / (REPEATS * len(texts))

    print(f"\n{'set':<12}{'n':>4}{'BM25 top1':>11}{'top3':>8}{'base top1':>11}{'top3':>8}")
    for lang, row in sorted(results.items()):
        n = len(row["bm25@1"])
        cells = [100 * sum(row[key]) / n for key in ("bm25@1", "bm25@3", "base@1", "base@3")]
        print(
            f"{lang:<12}{n:>4}{cells[0]:>10.1f}%{cells[1]:>7.1f}%{cells[2]:>10.1f}%{cells[3]:>7.1f}%"
        )
    print(f"\nmean latency per query: search() {ours_ms:.3f} ms, baseline {base_ms:.3f} ms")
    print(f"ratio baseline / search(): {base_ms / ours_ms:.2f}x")


if __name__ == "__main__":
    main()
