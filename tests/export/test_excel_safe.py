"""CSV for spreadsheets: one formula-safe implementation (issue 22, item 10)."""

from __future__ import annotations

import codecs

import polars as pl
import pytest

from jinan_gov.export import csv_bytes, excel_safe


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+1", "'+1+1"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("-5", "-5"),
        ("+1.5e3", "+1.5e3"),
        (".5", ".5"),
        ("ok", "ok"),
    ],
)
def test_formula_cells_are_prefixed_numbers_are_not(cell: str, written: str) -> None:
    frame = pl.DataFrame({"text": [cell], "n": [1]})
    assert excel_safe(frame)["text"].to_list() == [written]


def test_csv_bytes_for_excel_is_bom_and_formula_safe() -> None:
    frame = pl.DataFrame({"name": ["=cmd|' /C calc'!A0"]}, schema={"name": pl.Categorical})
    assert csv_bytes(frame) == b"name\n=cmd|' /C calc'!A0\n"
    assert csv_bytes(frame, excel=True) == codecs.BOM_UTF8 + b"name\n'=cmd|' /C calc'!A0\n"
