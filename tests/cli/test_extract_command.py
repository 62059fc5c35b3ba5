"""`jinan-gov extract`: files in UTF-8 or GB18030, stdin, table/JSON/CSV, errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from jinan_gov.export import csv_bytes
from jinan_gov.extract import (
    decode_report,
    extract_targets,
    read_extracted_targets,
    read_report,
    sample_reports,
)
from tests.cli.test_cli import fails, run

REPORT = sample_reports()["gansu"]


def test_table_lists_each_target_with_its_wording(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "name", "target", "english"]
    assert len(lines) == 2 + 17
    assert "t01  地区生产总值增长" in lines[2]
    assert "≈ 5.5 % (左右)" in lines[2]
    assert "≥ 1300 万吨" in out


def test_gb18030_file_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("gb18030"))
    code, out, _ = run(capsys, "extract", str(path), "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows == extract_targets(REPORT).to_dicts()


def test_csv_round_trips_through_read_extracted_targets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8-sig")  # a byte-order mark is fine
    code, out, _ = run(capsys, "extract", str(path), "--csv")
    assert code == 0
    saved = tmp_path / "targets.csv"
    saved.write_text(out, encoding="utf-8")
    assert read_extracted_targets(saved).equals(extract_targets(REPORT))


def test_stdin_in_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jinan_gov", "extract", "-", "--csv"],
        input=REPORT.encode("gb18030"),
        capture_output=True,
        check=True,
    )
    assert done.stdout.decode("utf-8").splitlines()[0].startswith("id,target_no,name_zh")
    assert len(done.stdout.decode("utf-8").splitlines()) == 1 + 17


def test_stdin_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = io.TextIOWrapper(io.BytesIO("今年主要预期目标是：地区生产总值增长5%左右。".encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    code, out, _ = run(capsys, "extract", "-", "--json")
    assert code == 0
    assert [row["quote"] for row in json.loads(out)] == ["地区生产总值增长5%左右"]


def test_no_paragraph_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("没有目标。", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 0
    assert "no main-target paragraph" in out
    code, out, _ = run(capsys, "extract", str(path), "--csv")
    assert out.splitlines() == [csv_bytes(extract_targets("")).decode().strip()]


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "No such file" in fails(capsys, "extract", str(tmp_path / "missing.txt"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(128, 256)) * 4)
    assert "neither UTF-8 nor GB18030" in fails(capsys, "extract", str(binary))


def test_read_report_and_decode_report_bad_input(tmp_path: Path) -> None:
    assert decode_report("目标".encode("gb18030")) == "目标"
    assert decode_report(bytearray("目标".encode())) == "目标"
    with pytest.raises(TypeError, match="expects bytes, got str"):
        decode_report("目标")  # type: ignore[arg-type]
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\xfd" * 10)
    with pytest.raises(ValueError, match=r"b\.txt: text is neither UTF-8 nor GB18030"):
        read_report(binary)
    with pytest.raises(FileNotFoundError):
        read_report(tmp_path / "missing.txt")


def test_read_extracted_targets_bad_files(tmp_path: Path) -> None:
    wrong_columns = tmp_path / "wrong.csv"
    wrong_columns.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a CSV of extracted targets"):
        read_extracted_targets(wrong_columns)
    frame = extract_targets(REPORT)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(
        csv_bytes(frame.with_columns(qualifier=frame["qualifier"].str.replace("about", "roughly")))
    )
    with pytest.raises(ValueError, match="break the extracted-target schema"):
        read_extracted_targets(broken)


def test_assess_against_extracted_targets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "gansu.txt"
    report.write_text(REPORT, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(report), "--csv")
    assert code == 0
    targets = tmp_path / "targets.csv"
    targets.write_text(out, encoding="utf-8")
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,actual\nt01,5.8\nt10,6.0\nt15,1250\nt16,1\n", encoding="utf-8")
    code, out, err = run(capsys, "assess", str(actuals), "--targets", str(targets))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[2].split()[:2] == ["t01", "GDP,"]
    assert "≈ 5.5 % (左右)" in lines[2]
    assert "exceeded" in lines[2]  # 5.8 > 5.5 + 5 %
    assert "missed" in lines[3]  # unemployment 6.0 above the 左右 band of 5.5
    assert "missed" in lines[4]  # grain 1250 below the floor of 1300
    assert "met" in lines[5]  # the qualitative target reported as done
    code, out, _ = run(capsys, "assess", str(actuals), "--targets", str(targets), "--csv")
    saved = pl.read_csv(io.StringIO(out))
    assert saved["id"].to_list() == ["t01", "t10", "t15", "t16"]
    assert saved["status"].to_list() == ["exceeded", "missed", "missed", "met"]


def test_assess_targets_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,actual\nt01,5.8\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,value\nt01,5\n", encoding="utf-8")
    assert "bad.csv" in fails(capsys, "assess", str(actuals), "--targets", str(bad))
    plan_id = tmp_path / "plan.csv"
    plan_id.write_text("id,actual\ngdp_growth_2023,5.8\n", encoding="utf-8")
    report = tmp_path / "gansu.txt"
    report.write_text(REPORT, encoding="utf-8")
    run(capsys, "extract", str(report), "--csv")
    saved = tmp_path / "targets.csv"
    saved.write_bytes(csv_bytes(extract_targets(REPORT)))
    assert "gdp_growth_2023" in fails(capsys, "assess", str(plan_id), "--targets", str(saved))
    message = fails(capsys, "assess", "-", "--targets", "-")
    assert "only one input can be -" in message
