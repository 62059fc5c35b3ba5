"""Command-line behaviour hardened in issue 22 (round two)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jinan_gov.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


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
