"""`jinan-gov extract FILE...`: several reports in one frame, --outcomes, --pairs, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from jinan_gov.extract import (
    extract_many,
    extract_outcomes,
    extract_targets,
    sample_reports,
    target_vs_outcome,
)
from tests.cli.test_cli import fails, run, usage_error

REVIEW = "一、2025年工作回顾。全省地区生产总值增长5.4%，城镇新增就业60万人。\n"


@pytest.fixture
def reports(tmp_path: Path) -> list[Path]:
    paths = []
    for slug in ("gansu", "hunan"):
        path = tmp_path / f"{slug}.txt"
        path.write_text(REVIEW + sample_reports()[slug], encoding="utf-8")
        paths.append(path)
    return paths


def _texts(paths: list[Path]) -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in paths}


def test_several_files_give_one_frame_with_doc_first(
    capsys: pytest.CaptureFixture[str], reports: list[Path], tmp_path: Path
) -> None:
    output = tmp_path / "panel.parquet"
    code, out, err = run(capsys, "extract", *map(str, reports), "--output", str(output))
    assert (code, err) == (0, "")
    panel = pl.read_parquet(output)
    assert panel.columns[0] == "doc"
    assert panel["doc"].unique(maintain_order=True).to_list() == ["gansu", "hunan"]
    assert_frame_equal(panel, extract_many(_texts(reports)))
    assert f"wrote {panel.height} rows (parquet)" in out


def test_outcomes_and_pairs_of_several_files(
    capsys: pytest.CaptureFixture[str], reports: list[Path]
) -> None:
    code, out, _ = run(capsys, "extract", *map(str, reports), "--outcomes", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows == extract_many(_texts(reports), outcomes=True).to_dicts()
    assert {(r["doc"], r["indicator"], r["value"]) for r in rows} >= {("gansu", "gdp_growth", 5.4)}
    code, out, _ = run(capsys, "extract", *map(str, reports), "--pairs", "--csv")
    assert code == 0
    pairs = pl.read_csv(out.encode(), infer_schema_length=0)
    assert pairs.columns[0] == "doc"
    gdp = pairs.filter(pl.col("indicator") == "gdp_growth")
    assert gdp.select("doc", "value_outcome", "gap").rows() == [
        ("gansu", "5.4", "0.1"),
        ("hunan", "5.4", "-0.4"),
    ]


def test_one_file_keeps_todays_output(
    capsys: pytest.CaptureFixture[str], reports: list[Path]
) -> None:
    text = reports[0].read_text(encoding="utf-8")
    for flag, read in (
        (None, extract_targets),
        ("--outcomes", extract_outcomes),
        ("--pairs", target_vs_outcome),
    ):
        code, out, _ = run(capsys, "extract", str(reports[0]), *([flag] if flag else []), "--json")
        assert code == 0
        assert json.loads(out) == read(text).to_dicts()


def test_tables_for_people(capsys: pytest.CaptureFixture[str], reports: list[Path]) -> None:
    code, out, _ = run(capsys, "extract", *map(str, reports))
    assert code == 0
    assert out.splitlines()[0].split() == ["doc", "id", "name", "target", "english"]
    code, out, _ = run(capsys, "extract", str(reports[0]), "--pairs")
    assert out.splitlines()[0].split() == ["id", "indicator", "target", "last", "year", "gap"]
    assert "5.5%左右" in out
    assert "+0.1" in out
    code, out, _ = run(capsys, "extract", str(reports[0]), "--outcomes")
    assert "gdp_growth" in out
    assert "2025" in out


def test_a_report_without_review_or_targets_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("没有目标，也没有回顾。", encoding="utf-8")
    for flag, words in (("--outcomes", "no outcomes"), ("--pairs", "no main-target")):
        code, out, _ = run(capsys, "extract", str(path), flag)
        assert code == 0
        assert words in out


def test_bad_input_is_one_line(capsys: pytest.CaptureFixture[str], reports: list[Path]) -> None:
    folder = reports[0].parent
    missing = folder / "missing.txt"
    assert "No such file" in fails(capsys, "extract", str(reports[0]), str(missing))
    (folder / "other").mkdir()
    twin = folder / "other" / "gansu.txt"
    twin.write_text(sample_reports()["gansu"], encoding="utf-8")
    message = fails(capsys, "extract", str(reports[0]), str(twin))
    assert "same name 'gansu'" in message
    assert "rename" in message
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(128, 256)) * 4)
    assert "neither UTF-8 nor GB18030" in fails(capsys, "extract", str(reports[0]), str(binary))
    nul = folder / "image.txt"
    nul.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    assert "not a text file" in fails(capsys, "extract", str(nul))
    assert "standard input" in fails(capsys, "extract", str(reports[0]), "-")
    assert "not allowed with argument" in usage_error(
        capsys, "extract", str(reports[0]), "--outcomes", "--pairs"
    )
    assert "FILE" in usage_error(capsys, "extract")
