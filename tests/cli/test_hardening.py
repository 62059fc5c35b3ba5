"""Command-line behaviour on hostile input: argv, ids, CSV values, outputs, stdout."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from jinan_gov.cli import _assess as _cli_assess
from jinan_gov.schemas.vocab import TIME_LIMIT_FACTS
from tests.cli.test_cli import run as _run


@pytest.mark.parametrize("command", ["search", "search-indicators"])
def test_argument_with_undecodable_bytes(capsys: pytest.CaptureFixture[str], command: str) -> None:
    argument = "會簽\udced\udca0\udc80"  # what Python makes of b"\xed\xa0\x80" in argv
    code, out, err = _run(capsys, command, argument)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "argument 2" in err
    assert "not valid UTF-8" in err


def test_assess_extracted_ids_without_targets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,actual\nt01,5.0\n", encoding="utf-8")
    code, out, err = _run(capsys, "assess", str(actuals))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "looks like an id of extracted targets" in err
    assert "--targets FILE" in err


def test_assess_csv_true_for_a_qualitative_target(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,actual\nenergy_emission_targets_2023,true\n", encoding="utf-8")
    code, out, _ = _run(capsys, "assess", str(actuals), "--csv")
    assert code == 0
    assert ",met," in out


def test_due_help_lists_every_time_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "due", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for fact_id in TIME_LIMIT_FACTS:
        assert fact_id in flat


@pytest.mark.parametrize("fact_id", TIME_LIMIT_FACTS[2:])
def test_due_accepts_every_time_limit(capsys: pytest.CaptureFixture[str], fact_id: str) -> None:
    code, out, err = _run(capsys, "due", "2023-04-28", "--rule", fact_id)
    assert (code, err) == (0, "")
    assert "no date: the Rules set no number of days" in out
    code, out, _ = _run(capsys, "due", "2023-04-28", "--rule", fact_id, "--json")
    assert code == 0
    assert json.loads(out)["due"] is None


@pytest.mark.parametrize("fact_id", ["executive_meeting_per_month", "countersign_reply"])
def test_due_rule_error_lists_the_time_limits(
    capsys: pytest.CaptureFixture[str], fact_id: str
) -> None:
    code, _, err = _run(capsys, "due", "2023-04-28", "--rule", fact_id)
    assert code == 1
    assert err.count("\n") == 1
    assert "leave_requested_in_advance" in err
    assert "countersign_reply_working_days" in err


def test_assess_csv_writes_gaps_as_the_inputs_show(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,actual\ngdp_growth_2023,6.1\n", encoding="utf-8")
    code, out, _ = _run(capsys, "assess", str(actuals), "--csv")
    assert code == 0
    assert "0.5999999" not in out
    assert ",exceeded,0.6," in out


def test_assess_blank_actual_is_refused_unless_blank_unknown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,actual\ngdp_growth_2023,6.1\ncpi_growth_2023,\n", encoding="utf-8")
    code, out, err = _run(capsys, "assess", str(actuals), "--csv")
    assert (code, out) == (1, "")
    assert "line 3: no actual for 'cpi_growth_2023'" in err
    assert "--blank-unknown" in err
    code, out, _ = _run(capsys, "assess", str(actuals), "--csv", "--blank-unknown")
    assert code == 0
    assert ",not_assessable," in out


def test_assess_targets_file_in_gb18030(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    targets = tmp_path / "targets.csv"
    code, _, err = _run(capsys, "extract", str(_report(tmp_path)), "--output", str(targets))
    assert (code, err) == (0, "")
    targets.write_bytes(targets.read_text(encoding="utf-8").encode("gb18030"))
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,actual\nt01,6.0\n", encoding="utf-8")
    code, out, err = _run(capsys, "assess", str(actuals), "--targets", str(targets), "--csv")
    assert (code, err) == (0, "")
    assert ",met," in out


def test_a_huge_unknown_id_is_cut_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(f"id,actual\n{'x' * 1_000_000},6.0\n", encoding="utf-8")
    code, _, err = _run(capsys, "assess", str(actuals))
    assert code == 1
    assert len(err) < 2_000


def _report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("今年主要预期目标是：地区生产总值增长6%左右。", encoding="utf-8")
    return path


def _actuals(tmp_path: Path) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text("id,actual\ngdp_growth_2023,6.1\n", encoding="utf-8")
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_onto_a_fifo_is_refused_and_the_fifo_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    code, out, err = _run(capsys, "assess", str(_actuals(tmp_path)), "--output", str(fifo))
    assert (code, out) == (1, "")
    assert "not a regular file" in err
    assert err.count("\n") == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_keeps_the_mode_of_the_file_it_replaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    code, _, err = _run(capsys, "assess", str(_actuals(tmp_path)), "--output", str(target))
    assert (code, err) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "gdp_growth_2023" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("form", ["--csv", "--json"])
def test_stdout_is_all_or_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    form: str,
) -> None:
    rows = [f"{s},gdp_growth_2023,6.1" for s in range(300)] + ["299x,gdp_growth_2023,nan"]
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("scenario,id,actual\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(_cli_assess, "BATCH_ROWS", 100)  # the bad row is in the last batch
    code, out, err = _run(capsys, "assess", str(actuals), form)
    assert code == 1
    assert "NaN" in err
    assert out == ""


_FORMULA_REPORT = '今年主要预期目标是：=HYPERLINK("http://x")地区生产总值增长6%左右；@SUM(A1)粮食产量1300万吨以上。'


def test_extract_excel_csv_is_formula_safe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(_FORMULA_REPORT, encoding="utf-8")
    code, faithful, _ = _run(capsys, "extract", str(report), "--csv")
    assert code == 0
    assert '"=HYPERLINK(""http://x"")' in faithful  # the default output is the data as it is
    code, excel, _ = _run(capsys, "extract", str(report), "--csv", "--excel")
    assert code == 0
    assert excel.startswith("\ufeffid,")
    assert '"\'=HYPERLINK(""http://x"")' in excel
    assert ",'@SUM(A1)" in excel
    saved = tmp_path / "targets.csv"
    code, _, _ = _run(capsys, "extract", str(report), "--output", str(saved), "--excel")
    assert code == 0
    assert saved.read_bytes().decode("utf-8") == excel


def test_assess_excel_csv_prefixes_a_formula_scenario_not_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        "scenario,id,actual\n=cmd|' /C calc'!A0,gdp_growth_2023,6.1\n-2,cpi_growth_2023,-1.5\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "assess", str(actuals), "--csv", "--excel")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("'=cmd|' /C calc'!A0,gdp_growth_2023,")
    assert lines[2].startswith("-2,cpi_growth_2023,")  # a number stays a number
    assert ",-1.5," in lines[2]
    code, out, _ = _run(capsys, "assess", str(actuals), "--csv")
    assert out.splitlines()[1].startswith("=cmd|")


def test_excel_is_only_for_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "targets", "--json", "--excel")
    assert (code, out) == (1, "")
    assert "--excel applies to CSV output" in err
    code, _, err = _run(capsys, "targets", "--output", str(tmp_path / "t.parquet"), "--excel")
    assert code == 1
    assert "--excel applies to CSV output" in err
