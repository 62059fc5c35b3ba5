"""Accuracy of extract_targets on eight 2026 provincial government work reports.

The fixtures (:func:`jinan_gov.extract.sample_reports`, shipped in the package) hold each
report's title and date and its main-target paragraph only. ``tests/data/reports/labels.csv``
was written independently of the extractor from the same row conventions (see
``LABELLING_NOTES.md`` beside it). A predicted row matches a labelled row of the same report
when value, value_upper, unit and qualifier are all equal (numbers to 1e-9, nulls equal),
each row used once.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from jinan_gov.extract import extract_targets, extraction_text, sample_reports

REPORTS = Path(__file__).parents[1] / "data" / "reports"
LABELS = list(csv.DictReader((REPORTS / "labels.csv").open(encoding="utf-8")))
SLUGS = sorted({row["report"] for row in LABELS})
RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.95

Key = tuple[float | None, float | None, str | None, str]


Cell = float | str | None


def _number(value: Cell) -> float | None:
    if value is None or value == "":
        return None
    return round(float(value), 9)


def _key(value: Cell, upper: Cell, unit: Cell, qualifier: Cell) -> Key:
    written_unit = None if unit in (None, "") else str(unit)
    return (_number(value), _number(upper), written_unit, str(qualifier))


def labelled(slug: str) -> Counter[Key]:
    return Counter(
        _key(row["value"], row["value_upper"], row["unit"], row["qualifier"])
        for row in LABELS
        if row["report"] == slug
    )


def fixture(slug: str) -> str:
    return sample_reports()[slug]


def predicted(slug: str) -> Counter[Key]:
    frame = extract_targets(fixture(slug)).select("value", "value_upper", "unit", "qualifier")
    return Counter(_key(*row) for row in frame.rows())


def test_there_are_eight_reports_with_labels() -> None:
    assert len(SLUGS) == 8
    assert sorted(sample_reports()) == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_fixtures_hold_title_date_and_the_target_paragraph_only(slug: str) -> None:
    title, published, blank, *paragraph = fixture(slug).split("\n")
    assert re.fullmatch(r"# 2026年.{2,4}政府工作报告", title)
    assert re.fullmatch(r"# \S{2,4} 2026 published 2026-\d\d-\d\d", published)
    assert blank == ""
    assert 0 < len("".join(paragraph)) < 1500  # a paragraph, never a whole report


@pytest.mark.parametrize("slug", SLUGS)
def test_label_quotes_are_in_the_normalised_fixture(slug: str) -> None:
    text = extraction_text(fixture(slug))
    for row in LABELS:
        if row["report"] == slug:
            assert extraction_text(row["quote"]) in text, row["quote"]


def test_recall_and_precision_on_the_eight_reports() -> None:
    matched = labels = predictions = 0
    misses: dict[str, tuple[list[Key], list[Key]]] = {}
    for slug in SLUGS:
        expected, got = labelled(slug), predicted(slug)
        matched += sum((expected & got).values())
        labels += sum(expected.values())
        predictions += sum(got.values())
        if expected != got:
            misses[slug] = (list((expected - got).elements()), list((got - expected).elements()))
    recall, precision = matched / labels, matched / predictions
    assert recall >= RECALL_FLOOR, (recall, misses)
    assert precision >= PRECISION_FLOOR, (precision, misses)


@pytest.mark.parametrize("slug", SLUGS)
def test_each_report_has_at_least_the_floor(slug: str) -> None:
    expected, got = labelled(slug), predicted(slug)
    matched = sum((expected & got).values())
    assert matched / sum(expected.values()) >= RECALL_FLOOR, expected - got
    assert matched / max(sum(got.values()), 1) >= PRECISION_FLOOR, got - expected
