from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl
import pytest

import jinan_gov as jg
from jinan_gov import rules
from jinan_gov.attainment import assess, attainment_summary, read_actuals, read_benchmarks
from jinan_gov.cli import COMMANDS, main, target_text
from jinan_gov.cli import _assess as _cli_assess
from jinan_gov.plan import indicators, outcomes_2022, targets_2023, tasks_2023
from jinan_gov.schemas import AssessmentSchema, IndicatorSchema, SearchResultSchema
from jinan_gov.schemas.tables import polars_schema
from jinan_gov.text.sources import documents

Result = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must fail with a data error; return its one-line message."""
    code, out, err = run(capsys, *argv)
    assert code == 1, (out, err)
    assert out == ""
    assert err.startswith("jinan-gov: error: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.removeprefix("jinan-gov: error: ").strip()


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert err.startswith("usage: jinan-gov")
    return err


def csv_frame(text: str, schema: pl.Schema) -> pl.DataFrame:
    return pl.read_csv(io.StringIO(text), schema=schema)


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- overview -------------------------------------------------------------------------


def test_overview_shows_targets_headline_outcomes_and_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "overview")
    assert code == 0
    assert err == ""
    for target_id in targets_2023()["id"]:
        assert target_id in out
    for fragment in (
        "≥ 5.5 %",
        "≈ 6 % (左右)",
        "≤ ≈ 3 % (控制在…左右)",
        "> provincial avg",
        "qualitative",
        "binding",
        "indicative",
        "12027.5 亿元",
        "3.1 %",
        "济政发〔2023〕4号",
    ):
        assert fragment in out, fragment
    headline = outcomes_2022().filter(section="一")["id"].to_list()
    assert headline[:2] == ["gdp_2022", "gdp_growth_2022"]
    for outcome_id in headline:
        assert outcome_id in out
    assert "gdp_growth_2022" in out
    assert "digital_economy_share_2022" not in out
    counts = out.splitlines()[1]
    for number, word in (
        (documents().height, "documents"),
        (outcomes_2022().height, "outcomes"),
        (targets_2023().height, "targets"),
        (tasks_2023().height, "tasks"),
        (rules.articles().height, "articles"),
        (rules.facts().height, "facts"),
    ):
        assert f"{number} {word}" in counts
    # Readable in a terminal: the lines stay within 120 columns.
    assert max(len(line) for line in out.splitlines()[:40]) <= 120


def test_target_text_renders_each_qualifier() -> None:
    base = {"value_upper": None, "value_target": None, "value_stretch": None}
    cases = {
        ("plain", 15.0, "万人", None): "15 万人",
        ("at_least", 5.5, "%", "以上"): "≥ 5.5 %",
        ("about", 6.0, "%", "左右"): "≈ 6 % (左右)",
        ("cap_about", 3.0, "%", "控制在…左右"): "≤ ≈ 3 % (控制在…左右)",
        ("at_most", 8.0, "%", "以内"): "≤ 8 %",
        ("exceed", 700.0, "亿元", "突破"): "> 700 亿元 (突破)",
        ("reach", 17.0, "%", "达到"): "17 % (达到)",
        ("strive", 4.0, "平方公里", "力争"): "≥ 4 平方公里 (力争)",
        ("above_benchmark", None, "%", "高于全省平均水平"): "> provincial avg",
        ("qualitative", None, None, None): "qualitative",
        ("plain", -49.2, "%", None): "-49.2 %",
    }
    for (qualifier, value, unit, wording), expected in cases.items():
        row = base | {"qualifier": qualifier, "value": value, "unit": unit, "qualifier_zh": wording}
        assert target_text(row) == expected
    every = [target_text(r) for r in indicators().iter_rows(named=True)]
    assert all(every)
    assert not any("None" in text for text in every)


# --- targets / outcomes / tasks ------------------------------------------------------------


def test_targets_binding_and_indicative(capsys: pytest.CaptureFixture[str]) -> None:
    binding = targets_2023().filter(pl.col("binding"))["id"].to_list()
    code, out, _ = run(capsys, "targets", "--binding")
    assert code == 0
    body = out.splitlines()[2:]
    assert [line.split()[0] for line in body] == binding
    code, out, _ = run(capsys, "targets", "--indicative", "--json")
    rows = json.loads(out)
    assert {r["id"] for r in rows} == set(targets_2023()["id"]) - set(binding)
    assert all(r["binding"] is False for r in rows)
    usage_error(capsys, "targets", "--binding", "--indicative")


def test_targets_json_and_csv_are_the_full_filtered_rows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = targets_2023().filter(measure="share", qualifier="reach")
    assert expected.height >= 1
    _, out, _ = run(capsys, "targets", "--measure", "share", "--qualifier", "reach", "--json")
    assert json.loads(out) == expected.to_dicts()
    _, out, _ = run(capsys, "targets", "--measure", "share", "--qualifier", "reach", "--csv")
    assert csv_frame(out, polars_schema(IndicatorSchema)).equals(expected)
    usage_error(capsys, "targets", "--json", "--csv")


def test_section_prefix_filters_and_accepts_full_width_brackets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = tasks_2023().filter(pl.col("section").str.starts_with("三(一)一是"))
    assert 0 < expected.height < tasks_2023().height
    for spelling in ("三(一)一是", "三（一）一是", " 三（一） 一是"):
        _, out, _ = run(capsys, "tasks", "--section", spelling, "--csv")
        assert csv_frame(out, polars_schema(IndicatorSchema))["id"].equals(expected["id"])
    code, out, _ = run(capsys, "tasks", "--section", "三(四)二是")
    assert code == 0
    assert "≥ 20 天 · target 25 · stretch 30" in out
    assert "suspect_unit" in out  # a flag column appears when a listed row is flagged


def test_outcomes_listing_and_empty_results(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "outcomes", "--section", "一", "--measure", "growth_rate")
    assert code == 0
    assert "gdp_growth_2022" in out
    assert "3.1 %" in out
    assert "gdp_2022 " not in out
    # An empty filter is not an error: an empty table, an empty list, a header-only CSV.
    assert run(capsys, "outcomes", "--section", "九")[:2] == (0, "(no rows)\n")
    assert json.loads(run(capsys, "outcomes", "--section", "九", "--json")[1]) == []
    assert run(capsys, "outcomes", "--section", "九", "--csv")[1].startswith("id,indicator,")
    usage_error(capsys, "outcomes", "--measure", "bogus")
    usage_error(capsys, "tasks", "--qualifier", "roughly")
    usage_error(capsys, "outcomes", "--binding")  # only targets have a type


# --- assess ---------------------------------------------------------------------------------

ACTUALS = (
    "id,actual\n"
    "gdp_growth_2023,6.1\n"
    "cpi_growth_2023,2.0\n"
    "foreign_trade_growth_2023,5.0\n"
    "new_urban_jobs_2023,16\n"
    "energy_emission_targets_2023,1\n"
    "power_coal_stock_days_2023,26\n"
)


@pytest.fixture
def actuals(tmp_path: Path) -> str:
    return write(tmp_path / "actuals.csv", ACTUALS)


@pytest.fixture
def benchmarks(tmp_path: Path) -> str:
    return write(tmp_path / "benchmarks.csv", "id,benchmark\nforeign_trade_growth_2023,4.2\n")


def test_assess_table_and_summary(
    capsys: pytest.CaptureFixture[str], actuals: str, benchmarks: str
) -> None:
    code, out, err = run(capsys, "assess", actuals, "--benchmarks", benchmarks)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == [
        "id",
        "name",
        "target",
        "actual",
        "status",
        "gap",
        "tier",
        "binding",
    ]
    gdp = next(line for line in lines if line.startswith("gdp_growth_2023"))
    assert "≥ 5.5 %" in gdp
    assert "6.1" in gdp
    assert "exceeded" in gdp
    assert "+0.6" in gdp
    trade = next(line for line in lines if line.startswith("foreign_trade_growth_2023"))
    assert " met " in trade
    assert "+0.8" in trade
    coal = next(line for line in lines if line.startswith("power_coal_stock_days_2023"))
    assert coal.split()[-3:] == ["met", "+6", "target"]  # the middle tier (目标) reached
    assert lines[-1] == (
        "6 assessed: 3 exceeded, 3 met, 0 missed, 0 not assessable; attained 100%; "
        "all binding targets attained: yes"
    )


def test_assess_without_benchmark_json_and_csv(
    capsys: pytest.CaptureFixture[str], actuals: str
) -> None:
    expected = assess(read_actuals(actuals))
    _, out, _ = run(capsys, "assess", actuals, "--json")
    data = json.loads(out)
    assert data["assessment"] == expected.to_dicts()
    assert data["summary"][0]["not_assessable"] == 1  # the relative target without benchmark
    _, out, _ = run(capsys, "assess", actuals, "--csv")
    assert csv_frame(out, polars_schema(AssessmentSchema)).equals(expected)


def test_assess_tolerance_and_scenarios(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.csv",
        "id,actual,scenario\n"
        "services_value_added_growth_2023,5.8,low\n"
        "services_value_added_growth_2023,6.0,base\n",
    )
    _, out, _ = run(capsys, "assess", path)
    assert out.splitlines()[0].split()[0] == "scenario"
    assert "scenario low: 1 assessed: 0 exceeded, 1 met" in out
    _, out, _ = run(capsys, "assess", path, "--tolerance", "0.01", "--json")
    statuses = {r["scenario"]: r["status"] for r in json.loads(out)["assessment"]}
    assert statuses == {"low": "missed", "base": "met"}


def test_assess_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, actuals: str
) -> None:
    assert "no such actuals file" in fails(capsys, "assess", str(tmp_path / "missing.csv"))
    path = write(tmp_path / "typo.csv", "id,actual\ngdp_growht_2023,6\n")
    message = fails(capsys, "assess", path)
    assert "unknown target id 'gdp_growht_2023'" in message
    assert "did you mean 'gdp_growth_2023'" in message
    path = write(tmp_path / "text.csv", "id,actual\ngdp_growth_2023,abc\n")
    assert "'actual' must be numeric" in fails(capsys, "assess", path)
    path = write(tmp_path / "noid.csv", "id,actual\n,6.1\n")
    assert "invalid actuals (id: not_nullable)" in fails(capsys, "assess", path)
    path = write(tmp_path / "cols.csv", "target,value\nx,1\n")
    assert "missing column(s)" in fails(capsys, "assess", path)
    path = write(tmp_path / "dup.csv", "id,actual\ngdp_growth_2023,6\ngdp_growth_2023,7\n")
    assert "duplicate actual for id 'gdp_growth_2023'" in fails(capsys, "assess", path)
    path = write(tmp_path / "outcome.csv", "id,actual\ngdp_2022,1\n")
    assert "is a 2022 outcome, not a target" in fails(capsys, "assess", path)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"id,actual\n\xff\xfe,1\n")
    assert str(binary) in fails(capsys, "assess", str(binary))
    assert "tolerance" in fails(capsys, "assess", actuals, "--tolerance", "1.5")
    usage_error(capsys, "assess", actuals, "--tolerance", "lots")
    usage_error(capsys, "assess")


def test_assess_benchmark_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, actuals: str
) -> None:
    missing = str(tmp_path / "none.csv")
    assert "no such benchmarks file" in fails(capsys, "assess", actuals, "--benchmarks", missing)
    path = write(tmp_path / "b1.csv", "id,value\nforeign_trade_growth_2023,4\n")
    assert "missing column(s) ['benchmark']" in fails(
        capsys, "assess", actuals, "--benchmarks", path
    )
    path = write(tmp_path / "b2.csv", "id,benchmark\nforeign_trade_growth_2023,high\n")
    assert "'benchmark' must be numeric" in fails(capsys, "assess", actuals, "--benchmarks", path)
    path = write(tmp_path / "b3.csv", "id,benchmark\ngdp_growth_2023,5\n")
    assert "not relative" in fails(capsys, "assess", actuals, "--benchmarks", path)
    path = write(tmp_path / "b4.csv", "id,benchmark,extra\nforeign_trade_growth_2023,4,1\n")
    assert "unexpected column(s) ['extra']" in fails(
        capsys, "assess", actuals, "--benchmarks", path
    )


def test_assess_reads_standard_input_fifos_and_refuses_a_directory(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    actuals: str,
) -> None:
    expected = run(capsys, "assess", actuals, "--csv")[1]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ACTUALS.encode())))
    assert run(capsys, "assess", "-", "--csv") == (0, expected, "")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"target,value\nx,1\n")))
    message = fails(capsys, "assess", "-")
    assert message.startswith("<stdin>: missing column(s)")
    assert "jinan-gov-" not in message  # never the temporary copy's name
    fifo = tmp_path / "actuals.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as writer:
            writer.write(ACTUALS)

    feeder = threading.Thread(target=feed)
    feeder.start()
    assert run(capsys, "assess", str(fifo), "--csv") == (0, expected, "")
    feeder.join()
    message = fails(capsys, "assess", str(tmp_path))
    assert message == (
        f"cannot read actuals from {str(tmp_path)!r}: it is a directory; give a CSV file "
        "(or - for standard input)"
    )
    assert "is a directory" in fails(capsys, "assess", actuals, "--benchmarks", str(tmp_path))
    assert "only one input can be -" in fails(capsys, "assess", "-", "--benchmarks", "-")


HOSTILE = "run\x1b]0;owned\x07\x1b[2J\u202eevil\nline"


def test_untrusted_text_is_escaped_in_tables_summaries_and_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "hostile.csv"
    frame = pl.DataFrame({"id": ["gdp_growth_2023"], "actual": [6.1], "scenario": [HOSTILE]})
    frame.write_csv(path)
    code, out, err = run(capsys, "assess", str(path))
    assert (code, err) == (0, "")
    shown = "run\\x1b]0;owned\\x07\\x1b[2J\\u202eevil\\nline"
    assert out.splitlines()[2].startswith(shown + "  gdp_growth_2023")
    assert f"scenario {shown}: 1 assessed" in out
    assert not {"\x1b", "\x07", "\u202e"} & set(out)
    assert len(out.splitlines()) == 5  # header, rule, one row, blank line, summary
    bad = tmp_path / "bad.csv"
    pl.DataFrame({"id": ["gdp\x1b[2J_2023"], "actual": [1.0]}).write_csv(bad)
    message = fails(capsys, "assess", str(bad))
    assert "\x1b" not in message
    assert "gdp\\x1b[2J_2023" in message
    weird = tmp_path / "new\nline\x1b[31m.csv"
    message = fails(capsys, "assess", str(weird))
    assert "\x1b" not in message
    assert "new\\nline\\x1b[31m.csv" in message


def scenarios_csv(path: Path, count: int) -> pl.DataFrame:
    """``count`` scenarios of every numeric main target, written to ``path``."""
    ids = targets_2023().filter(pl.col("value").is_not_null())["id"]
    frame = pl.DataFrame(
        {
            "id": pl.concat([ids] * count),
            "actual": [5.0 + (i % 7) / 10 for i in range(count * ids.len())],
            "scenario": [f"s{i // ids.len()}" for i in range(count * ids.len())],
        }
    )
    frame.write_csv(path)
    return frame


def test_large_results_print_a_summary_and_stream_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    frame = scenarios_csv(path, 120)
    expected = assess(read_actuals(path))
    assert expected.height == frame.height > 1000
    code, out, err = run(capsys, "assess", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"120 scenarios, {expected.height} rows: ")
    assert "--summary" in lines[1]
    assert lines[2] == (
        f"{expected.height} rows are not shown as a table: write them with --output FILE "
        "(.csv, .parquet or .jsonl), or print them with --csv or --json"
    )
    assert len(lines) == 3
    _, out, _ = run(capsys, "assess", str(path), "--csv")
    assert out.encode() == expected.write_csv(line_terminator="\n").encode()
    _, out, _ = run(capsys, "assess", str(path), "--json")
    document = json.loads(out)
    assert document["assessment"] == expected.to_dicts()
    summary = attainment_summary(expected)
    assert document["summary"] == summary.to_dicts()
    assert out.count("\n") == expected.height + summary.height + 4  # one row per line
    _, out, _ = run(capsys, "assess", str(path), "--summary", "--csv")
    assert csv_frame(out, summary.schema).equals(summary)
    code, out, _ = run(capsys, "assess", str(path), "--summary")
    assert out.splitlines()[0].startswith("scenario s0: 17 assessed:")
    assert len(out.splitlines()) == 120


@pytest.mark.parametrize("interleaved", [False, True])
def test_batched_assessment_equals_the_whole(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    interleaved: bool,
) -> None:
    path = tmp_path / "many.csv"
    frame = scenarios_csv(path, 90)
    if interleaved:  # scenarios not in runs: assessed in one piece, with the same result
        frame.sort("id", maintain_order=True).write_csv(path)
    bench = tmp_path / "bench.csv"
    pl.DataFrame(
        {"id": ["foreign_trade_growth_2023"] * 2, "benchmark": [4.2, 9.9], "scenario": ["s1", None]}
    ).write_csv(bench)
    expected = assess(read_actuals(path), benchmarks=read_benchmarks(bench))
    summary = attainment_summary(expected)
    base = ["assess", str(path), "--benchmarks", str(bench)]
    monkeypatch.setattr(_cli_assess, "BATCH_ROWS", 100)  # about 20 batches of 6 scenarios
    batched = list(_cli_assess.batches(read_actuals(path), 100))
    assert len(batched) == (1 if interleaved else 15)
    assert all(b.height % 17 == 0 for b in batched)
    _, out, _ = run(capsys, *base, "--csv")
    assert out == expected.write_csv(line_terminator="\n")
    _, out, _ = run(capsys, *base, "--json")
    assert json.loads(out) == {"assessment": expected.to_dicts(), "summary": summary.to_dicts()}
    _, out, _ = run(capsys, *base, "--summary", "--csv")
    assert out == summary.write_csv(line_terminator="\n")
    for name in ("rows.parquet", "rows.csv", "rows.jsonl"):
        assert run(capsys, *base, "--output", str(tmp_path / name))[0] == 0
    assert pl.read_parquet(tmp_path / "rows.parquet").equals(expected)
    assert pl.read_csv(tmp_path / "rows.csv", schema=expected.schema).equals(expected)
    assert pl.read_ndjson(tmp_path / "rows.jsonl", schema=expected.schema).equals(expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["many.csv", "bench.csv", "rows.parquet", "rows.csv", "rows.jsonl"]
    )  # no parts left behind
    _, out, _ = run(capsys, *base)
    counts = summary.select(pl.exclude("scenario", "share_attained", "all_binding_attained"))
    totals = {name: int(counts[name].sum()) for name in counts.columns}
    assert out.splitlines()[0] == (
        f"90 scenarios, {expected.height} rows: {totals['assessed']} assessed: "
        f"{totals['exceeded']} exceeded, {totals['met']} met, {totals['missed']} missed, "
        f"{totals['not_assessable']} not assessable; attained "
        f"{expected['attained'].sum() / totals['assessed']:.0%}"
    )


def test_an_error_in_a_later_batch_leaves_no_output_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    frame = scenarios_csv(path, 60)
    frame.with_columns(
        id=pl.when(pl.int_range(pl.len()) == frame.height - 1)
        .then(pl.lit("gdp_growht_2023"))
        .otherwise(pl.col("id"))
    ).write_csv(path)
    monkeypatch.setattr(_cli_assess, "BATCH_ROWS", 100)
    out_file = tmp_path / "rows.parquet"
    out_file.write_bytes(b"previous")
    assert "unknown target id 'gdp_growht_2023'" in fails(
        capsys, "assess", str(path), "--output", str(out_file)
    )
    assert out_file.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.csv", "rows.parquet"]


def test_output_files_by_suffix_or_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    scenarios_csv(path, 80)
    expected = assess(read_actuals(path))
    readers: dict[str, Callable[[Path], pl.DataFrame]] = {
        "rows.csv": lambda p: pl.read_csv(p, schema=expected.schema),
        "rows.parquet": pl.read_parquet,
        "rows.jsonl": lambda p: pl.read_ndjson(p, schema=expected.schema),
        "rows.ndjson": lambda p: pl.read_ndjson(p, schema=expected.schema),
    }
    for name, reader in readers.items():
        code, out, err = run(capsys, "assess", str(path), "--output", str(tmp_path / name))
        assert (code, err) == (0, ""), err
        fmt = {"rows.ndjson": "jsonl"}.get(name, name.split(".")[1])
        assert out.splitlines()[0] == (f"wrote {expected.height} rows ({fmt}) to {tmp_path / name}")
        assert out.splitlines()[1].startswith("80 scenarios, ")
        assert reader(tmp_path / name).equals(expected), name
    target = tmp_path / "rows.data"
    assert run(capsys, "assess", str(path), "--output", str(target), "--format", "parquet")[0] == 0
    assert pl.read_parquet(target).equals(expected)
    message = fails(capsys, "assess", str(path), "--output", str(tmp_path / "rows.txt"))
    assert "cannot tell the format of" in message
    assert "rows.txt" in message
    assert "is a directory" in fails(capsys, "assess", str(path), "--output", str(tmp_path))
    missing = tmp_path / "nowhere" / "rows.csv"
    message = fails(capsys, "assess", str(path), "--output", str(missing))
    assert message == f"cannot write {str(missing)!r}: no such directory {str(missing.parent)!r}"
    usage_error(capsys, "assess", str(path), "--output", "x.csv", "--csv")
    usage_error(capsys, "assess", str(path), "--output", "x.csv", "--format", "xlsx")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", "utf-8")
    (tmp_path / "link.csv").symlink_to(victim)
    assert run(capsys, "targets", "--output", str(tmp_path / "link.csv"))[0] == 0
    assert victim.read_text("utf-8") == "keep"
    back = pl.read_csv(tmp_path / "link.csv", schema=polars_schema(IndicatorSchema))
    assert back.equals(targets_2023())
    _, out, _ = run(capsys, "search", "会签", "--output", str(tmp_path / "hits.jsonl"))
    assert out.startswith("wrote ")
    assert pl.read_ndjson(tmp_path / "hits.jsonl")["matched"].dtype == pl.List(pl.String)


# --- rule / search --------------------------------------------------------------------------


def test_rule_in_every_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {run(capsys, "rule", spelling)[1] for spelling in ("39", "第三十九条", "三十九")}
    assert len(outputs) == 1
    out = outputs.pop()
    article = rules.article(39)
    assert out.startswith("第三十九条 (article 39) · chapter 8 会议制度 (Meetings)\n")
    assert article.title_en in out
    assert article.summary_en in out
    assert article.text in out
    _, out, _ = run(capsys, "rule", "50")
    assert "countersign_reply_working_days" in out  # the facts the article states
    _, out, _ = run(capsys, "rule", "26", "--json")
    data = json.loads(out)
    assert data["number"] == 26
    assert data["text"] == rules.article(26).text


def test_rule_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("77", "0", "-3"):
        assert "the Work Rules have articles 1-76" in fails(capsys, "rule", bad)
    assert "give an article number" in fails(capsys, "rule", "abc")
    usage_error(capsys, "rule")


def test_search_chinese_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "会签文件一般应在几个工作日内回复?", "--limit", "1")
    assert code == 0
    assert out.startswith("第五十条 (article 50, score ")
    assert len(out.splitlines()) == 3
    assert out.splitlines()[2].startswith("    matched: ")
    assert "会签" in out.splitlines()[2]
    _, out, _ = run(capsys, "search", "How", "often", "does", "the", "executive", "meeting", "meet")
    assert out.startswith("第三十八条 (article 38")
    expected = rules.search("executive meeting", limit=3)
    _, out, _ = run(capsys, "search", "executive meeting", "--limit", "3", "--json")
    assert json.loads(out) == expected.to_dicts()
    _, out, _ = run(capsys, "search", "executive meeting", "--limit", "3", "--csv")
    schema = pl.Schema(polars_schema(SearchResultSchema) | {"matched": pl.String()})
    joined = expected.with_columns(pl.col("matched").list.join("; "))
    assert csv_frame(out, schema).equals(joined)
    assert run(capsys, "search", "zzzz")[:2] == (0, "no article matches 'zzzz'\n")


def test_search_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert "query is empty" in fails(capsys, "search", "  ")
    assert "limit must be >= 1" in fails(capsys, "search", "会签", "--limit", "0")
    usage_error(capsys, "search", "会签", "--limit", "many")
    usage_error(capsys, "search")


# --- due --------------------------------------------------------------------------------------


def test_due_by_rule_across_may_day(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "due", "2023-04-28", "--rule", "countersign_reply_working_days")
    assert code == 0
    assert "due      2023-05-09 Tue (5 working days after the start)" in out
    assert "counted  05-04 Thu, 05-05 Fri, 05-06 Sat, 05-08 Mon, 05-09 Tue" in out
    assert "make-up  05-06 Sat" in out
    assert "skipped  04-29 Sat–05-03 Wed, 05-07 Sun" in out
    assert "article 50" in out
    assert "5个工作日" in out


def test_due_by_days_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "due", "2023-09-28", "--days", "3", "--json")
    assert json.loads(out) == {
        "start": "2023-09-28",
        "due": "2023-10-09",
        "unit": "working_days",
        "count": 3,
        "fact_id": None,
        "article_no": None,
        "counted": ["2023-10-07", "2023-10-08", "2023-10-09"],
        "skipped": [f"2023-{d}" for d in ("09-29", "09-30")]
        + [f"2023-10-0{d}" for d in range(1, 7)],
    }
    _, out, _ = run(capsys, "due", "2023-05-01", "--days", "0")
    assert "due      2023-05-01 Mon (0 working days after the start)" in out
    _, out, _ = run(capsys, "due", "2023-12-20", "--days", "60")
    assert "counted  60 working days, 2023-12-21 Thu to" in out  # long counts are summarised


def test_due_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("2023-02-30", "28/04/2023", "2023-4-28", "tomorrow"):
        assert f"bad date '{bad}'" in fails(capsys, "due", bad, "--days", "1")
    assert "2031" in fails(capsys, "due", "2031-01-05", "--days", "1")
    assert "2031" in fails(capsys, "due", "2031-01-05", "--days", "0")
    assert "2027" in fails(capsys, "due", "2026-12-01", "--days", "100")
    message = fails(capsys, "due", "2023-04-28", "--rule", "countersign_reply_workingdays")
    assert "unknown rule fact" in message
    assert "did you mean 'countersign_reply_working_days'" in message
    message = fails(capsys, "due", "2023-04-28", "--rule", "executive_meeting_per_month")
    assert "not a time limit; --rule takes:" in message
    assert "n must be >= 0" in fails(capsys, "due", "2023-04-28", "--days", "-1")
    usage_error(capsys, "due", "2023-04-28")
    usage_error(capsys, "due", "2023-04-28", "--days", "1", "--rule", "x")
    usage_error(capsys, "due", "2023-04-28", "--days", "1.5")


def _notice_file(tmp_path: Path, year: int, encoding: str, edit: Callable[[str], str]) -> str:
    stored = Path(__file__).parents[1] / "data" / "holiday_notices" / f"{year}.txt"
    text = "\n".join(x for x in stored.read_text("utf-8").splitlines() if not x.startswith("#"))
    path = tmp_path / f"notice-{year}.txt"
    path.write_bytes(edit(text).encode(encoding))
    return str(path)


def test_due_with_a_notice_beyond_the_bundled_calendar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.workdays.test_holiday_notices import bundled_until  # noqa: PLC0415

    notice = _notice_file(tmp_path, 2026, "gb18030", lambda text: text)
    with bundled_until(2025):
        message = fails(capsys, "due", "2025-12-30", "--days", "3")
        assert "schedule for 2026 is not in the bundled calendar" in message
        assert "jinan-gov due --notice FILE" in message
        code, out, _ = run(capsys, "due", "2025-12-30", "--days", "3", "--notice", notice)
        assert code == 0
        assert "due      2026-01-05 Mon (3 working days after the start)" in out
        assert "make-up  2026-01-04 Sun" in out
        _, out, _ = run(
            capsys, "due", "2025-12-30", "--rule", "countersign_reply_working_days",
            "--notice", notice, "--json",
        )  # fmt: skip
        assert json.loads(out)["due"] == "2026-01-07"
        message = fails(capsys, "due", "2025-12-30", "--days", "3", "--notice", notice,
                        "--notice", notice)  # fmt: skip
        assert "two notices for 2026" in message


def test_due_with_a_bad_notice_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    truncated = _notice_file(tmp_path, 2026, "utf-8", lambda text: text.split("五、")[0])
    message = fails(capsys, "due", "2025-12-30", "--days", "3", "--notice", truncated)
    assert message.startswith(f"{truncated}: notice for 2026: no item for 端午节, 中秋节, 国庆节")
    amended = _notice_file(tmp_path, 2020, "utf-8", lambda text: text)
    message = fails(capsys, "due", "2020-01-20", "--days", "3", "--notice", amended)
    assert "the notice for 2020 disagrees with the bundled calendar" in message
    assert "2020-01-31 (notice: working)" in message
    (tmp_path / "latin1.txt").write_bytes(b"\xff\xfe\x00\x81")
    message = fails(
        capsys, "due", "2025-12-30", "--days", "3", "--notice", str(tmp_path / "latin1.txt")
    )
    assert "neither UTF-8 nor GB18030" in message
    assert "No such file" in fails(
        capsys, "due", "2025-12-30", "--days", "1", "--notice", "nope.txt"
    )


# --- export -----------------------------------------------------------------------------------


def test_export_each_format_and_refusal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for fmt, suffix in (("csv", ".csv"), ("parquet", ".parquet"), ("datapackage", ".json")):
        target = tmp_path / fmt
        code, out, _ = run(capsys, "export", "--format", fmt, str(target))
        assert code == 0
        assert out.startswith(f"wrote {len(list(target.iterdir()))} files ({fmt}) to {target}")
        assert any(p.suffix == suffix for p in target.iterdir())
    message = fails(capsys, "export", "--format", "csv", str(tmp_path / "csv"))
    assert "not empty" in message
    assert "--overwrite" in message
    assert run(capsys, "export", "--format", "csv", str(tmp_path / "csv"), "--overwrite")[0] == 0
    file = write(tmp_path / "file.txt", "x")
    assert "not a directory" in fails(capsys, "export", "--format", "csv", file)
    usage_error(capsys, "export", "--format", "xlsx", str(tmp_path / "x"))
    usage_error(capsys, "export", str(tmp_path / "x"))


def test_export_excel_writes_a_bom_and_refuses_parquet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "export", "--format", "csv", "--excel", str(tmp_path / "x"))
    assert code == 0
    assert "UTF-8 with BOM for Excel" in out
    assert (tmp_path / "x" / "targets_2023.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")
    message = fails(capsys, "export", "--format", "parquet", "--excel", str(tmp_path / "y"))
    assert "--excel applies to CSV output" in message
    assert not (tmp_path / "y").exists()


def test_export_overwrite_replaces_links_and_reports_blockers_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", "utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "rules_facts.csv").symlink_to(victim)
    assert run(capsys, "export", "--format", "csv", str(out_dir), "--overwrite")[0] == 0
    assert victim.read_text("utf-8") == "keep"
    assert not (out_dir / "rules_facts.csv").is_symlink()
    (out_dir / "documents.csv").unlink()
    (out_dir / "documents.csv").mkdir()
    message = fails(capsys, "export", "--format", "csv", str(out_dir), "--overwrite")
    assert f"{out_dir / 'documents.csv'} is a directory" in message
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    message = fails(capsys, "export", "--format", "csv", str(tmp_path / "new"))
    monkeypatch.setattr(os, "write", real_write)
    assert message == (
        f"cannot write {tmp_path / 'new' / 'documents.csv'}: No space left on device; "
        "nothing was changed"
    )
    assert not (tmp_path / "new").exists()
    monkeypatch.setenv("HOME", str(tmp_path))
    code, out, _ = run(capsys, "export", "--format", "csv", "~/home_export")
    assert code == 0
    assert f"to {tmp_path / 'home_export'}:" in out


# --- the parser and main ----------------------------------------------------------------------


def test_usage_errors_return_2_and_help_returns_0(capsys: pytest.CaptureFixture[str]) -> None:
    usage_error(capsys)
    assert "invalid choice: 'bogus'" in usage_error(capsys, "bogus")
    usage_error(capsys, "overview", "--frobnicate")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("overview", "targets", "outcomes", "tasks", "assess", "rule", "search"):
        assert command in out
    assert "due" in out
    assert "export" in out
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, "jinan-gov 0.1.0\n")


def test_broken_pipe_and_ctrl_c_are_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", Closed())
        patched.setattr(sys, "stderr", err)
        for argv in (["tasks"], ["tasks", "--csv"], ["tasks", "--json"]):
            assert main(argv) == 141
    assert err.getvalue() == ""

    def interrupted() -> pl.DataFrame:
        raise KeyboardInterrupt

    monkeypatch.setattr("jinan_gov.cli._plan.targets_2023", interrupted)
    assert run(capsys, "targets") == (130, "", "")


def test_an_unexpected_error_is_still_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> pl.DataFrame:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("jinan_gov.cli._plan.targets_2023", broken)
    message = fails(capsys, "targets")
    assert message == "unexpected RuntimeError: boom (set JINAN_GOV_DEBUG=1 to see where)"

    def overflow() -> pl.DataFrame:
        raise OverflowError("int too large to convert to float: 10**400")

    monkeypatch.setattr("jinan_gov.cli._plan.targets_2023", overflow)
    assert fails(capsys, "targets") == "int too large to convert to float: 10**400"
    monkeypatch.setenv("JINAN_GOV_DEBUG", "1")
    monkeypatch.setattr("jinan_gov.cli._plan.targets_2023", broken)
    with pytest.raises(RuntimeError, match="boom"):
        main(["targets"])


# --- one subprocess per command, all started at once -----------------------------------------
# The interpreters start with the first test of this module and run while the in-process tests
# do; the smoke tests at the end only collect their output.

SMOKE = {
    "overview": ["overview"],
    "targets": ["targets", "--binding"],
    "outcomes": ["outcomes", "--section", "一", "--csv"],
    "tasks": ["tasks", "--qualifier", "tiers", "--json"],
    "assess": ["assess", "{actuals}"],
    "rule": ["rule", "第五十条"],
    "search": ["search", "会签", "--limit", "1"],
    "due": ["due", "2023-04-28", "--rule", "countersign_reply_working_days"],
    "export": ["export", "--format", "datapackage", "{out}"],
    "error": ["rule", "77"],
    # Two exports into one directory at the same time: the files must not mix.
    "export_plain": ["export", "--format", "datapackage", "{shared}", "--overwrite"],
    "export_excel": ["export", "--format", "datapackage", "{shared}", "--overwrite", "--excel"],
    # Standard input, as - and as /dev/stdin.
    "stdin": ["assess", "-", "--csv"],
    "dev_stdin": ["assess", "/dev/stdin", "--csv"],
    # A reader that goes away after the first line.
    "pipe": ["outcomes", "--json"],
}
STDIN = {"stdin", "dev_stdin"}


@pytest.fixture(scope="module", autouse=True)
def smoke(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, subprocess.Popen[bytes]]]:
    tmp = tmp_path_factory.mktemp("smoke")
    write(tmp / "actuals.csv", ACTUALS)
    (tmp / "shared").mkdir()
    write(tmp / "shared" / "notes.txt", "mine")
    # Ten interpreters share the machine's cores: one Polars thread each is faster overall.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "POLARS_MAX_THREADS": "1"}
    started = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jinan_gov",
                *(
                    a.format(actuals=tmp / "actuals.csv", out=tmp / "dp", shared=tmp / "shared")
                    for a in argv
                ),
            ],
            stdin=subprocess.PIPE if name in STDIN else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for name, argv in SMOKE.items()
    }
    for name in STDIN:
        stdin = started[name].stdin
        assert stdin is not None
        stdin.write(ACTUALS.encode())  # small: fits in the pipe's buffer
        stdin.close()
        started[name].stdin = None
    yield started
    for process in started.values():
        if process.poll() is None:
            process.kill()
        process.communicate()


def finished(process: subprocess.Popen[bytes]) -> Result:
    out, err = process.communicate(timeout=120)
    return process.returncode, out.decode("utf-8"), err.decode("utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("overview", "≤ ≈ 3 % (控制在…左右)"),
        ("targets", "new_urban_jobs_2023"),
        ("outcomes", "gdp_2022,gdp,outcomes_2022"),
        ("tasks", '{"id":"power_coal_stock_days_2023",'),
        ("assess", "all binding targets attained: yes"),
        ("rule", "第五十条　"),
        ("search", "第五十条 (article 50"),
        ("due", "due      2023-05-09 Tue"),
        ("export", "datapackage.json"),
    ],
)
def test_subprocess_smoke(
    smoke: dict[str, subprocess.Popen[bytes]], name: str, expected: str
) -> None:
    code, out, err = finished(smoke[name])
    assert code == 0, err
    assert err == ""
    assert expected in out


def test_subprocess_error_is_one_line_without_traceback(
    smoke: dict[str, subprocess.Popen[bytes]],
) -> None:
    code, out, err = finished(smoke["error"])
    assert (code, out) == (1, "")
    assert err == "jinan-gov: error: no article '77': the Work Rules have articles 1-76\n"


def test_subprocess_concurrent_exports_do_not_mix(
    smoke: dict[str, subprocess.Popen[bytes]],
) -> None:
    results = [finished(smoke[name]) for name in ("export_plain", "export_excel")]
    assert [code for code, _, _ in results] == [0, 0], results
    directory = Path(results[0][1].splitlines()[0].split(" to ", 1)[1].rstrip(":"))
    descriptor = json.loads((directory / "datapackage.json").read_text("utf-8"))
    for resource in descriptor["resources"]:
        data = (directory / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert data.startswith(b"\xef\xbb\xbf") == (resource["encoding"] == "utf-8-sig")
    assert (directory / "notes.txt").read_text("utf-8") == "mine"


def test_search_indicators_verb(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search-indicators", "GDP", "growth", "--limit", "2")
    assert code == 0
    assert out.splitlines()[0].startswith("gdp_growth_2023 (score ")
    assert out.splitlines()[1].startswith("    matched: gdp, growth")
    expected = jg.search_indicators("城镇新增就业", limit=3)
    _, out, _ = run(capsys, "search-indicators", "城镇新增就业", "--limit", "3", "--json")
    assert json.loads(out) == expected.to_dicts()
    _, out, _ = run(capsys, "search-indicators", "城镇新增就业", "--limit", "3", "--csv")
    assert out.splitlines()[0] == "id,score,name_en,name_zh,kind,year,matched"
    assert len(out.splitlines()) == 4
    assert run(capsys, "search-indicators", "zzzz")[:2] == (0, "no indicator matches 'zzzz'\n")
    code, _, err = run(capsys, "search-indicators", " ")
    assert code == 1
    assert "query is empty" in err


# --- the README's main command ----------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
DEV_FLAGS = ("--group", "--all-groups", "--only-group", "--dev", "--extra", "--all-extras")


def quickstart_commands() -> list[str]:
    """The command lines of the README's Quickstart block, comments removed."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def uv_arguments(command: str) -> list[str]:
    """The arguments of the ``uv run`` (or ``uvx``) step of a ``cmd && cmd`` line."""
    steps = [shlex.split(step) for step in command.split("&&")]
    uv = [step for step in steps if step[:2] == ["uv", "run"] or step[:1] == ["uvx"]]
    assert len(uv) == 1, command
    return uv[0]


def test_readme_main_command_installs_only_runtime_dependencies() -> None:
    main_command, test_command = quickstart_commands()
    assert test_command == "pip install uv && uv run nox"
    assert test_command in (ROOT / ".ci" / "run").read_text("utf-8")
    arguments = uv_arguments(main_command)
    assert arguments[-2:] == ["jinan-gov", "overview"]
    flags = arguments[:-2]
    assert not [f for f in flags if f.split("=")[0] in DEV_FLAGS], flags
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    groups = set(pyproject["dependency-groups"])
    default = set(pyproject["tool"]["uv"].get("default-groups", ["dev"]))
    if flags[0] == "uv":
        excluded = groups if "--no-default-groups" in flags else set()
        excluded |= {flags[i + 1] for i, f in enumerate(flags) if f == "--no-group"}
        if "--no-dev" in flags:
            excluded.add("dev")
        assert default <= excluded, f"{main_command!r} installs the groups {default - excluded}"


@pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv on PATH")
def test_readme_main_command_resolves_to_a_dozen_locked_packages(tmp_path: Path) -> None:
    flags = [f for f in uv_arguments(quickstart_commands()[0])[2:-2] if f.startswith("--no-")]
    exported = subprocess.run(
        ["uv", "export", "--frozen", "--no-hashes", "--no-emit-project", *flags],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "UV_OFFLINE": "1"},
    ).stdout
    packages = {line.split("==")[0] for line in exported.splitlines() if "==" in line}
    assert {"polars", "pandera", "chinesecalendar"} <= packages
    assert not packages & {"pytest", "mypy", "nox", "jupyterlab", "voila", "playwright", "altair"}
    assert len(packages) <= 20, sorted(packages)


def test_subprocess_reads_dash_and_dev_stdin(
    smoke: dict[str, subprocess.Popen[bytes]], actuals: str
) -> None:
    expected = assess(read_actuals(actuals)).write_csv(line_terminator="\n")
    for name in ("stdin", "dev_stdin"):
        assert finished(smoke[name]) == (0, expected, ""), name


def test_subprocess_closed_pipe_exits_141_without_a_traceback(
    smoke: dict[str, subprocess.Popen[bytes]],
) -> None:
    process = smoke["pipe"]
    assert process.stdout is not None
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()  # like `| head -1`: the rest (over 64 KiB) cannot be written
    process.wait(timeout=120)
    assert process.stderr is not None
    assert (process.returncode, process.stderr.read()) == (141, b"")


def test_subprocess_ctrl_c_exits_130_quietly(tmp_path: Path) -> None:
    fifo = tmp_path / "actuals.fifo"
    os.mkfifo(fifo)
    # A shell may start background jobs with Ctrl-C ignored, and children inherit that;
    # a user at a terminal has it. Start the command with it handled, as a terminal would.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "jinan_gov", "assess", str(fifo)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    deadline = time.monotonic() + 120
    writer = -1
    while writer < 0:  # the FIFO opens for writing once the command opened it for reading
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
    try:
        time.sleep(0.2)  # now blocked reading the FIFO, with every library loaded
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        os.close(writer)
    assert (process.returncode, out, err) == (130, b"", b"")


# --- a million rows -----------------------------------------------------------------------------


def peak_megabytes(argv: list[str]) -> tuple[int, str, float]:
    """Exit status, standard output and peak resident MB of a child process (small output)."""
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stderr is not None
    out, err = child.stdout.read(), child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stdout.close()
    child.stderr.close()
    # Random actuals include some that look like the wrong unit: one warning line at most.
    assert err == b"" or (err.startswith(b"warning: ") and err.count(b"\n") == 1), err
    return child.returncode, out.decode(), usage.ru_maxrss / 1024  # Linux: kilobytes


@pytest.mark.slow
def test_a_million_rows_stream_to_a_file_in_bounded_memory(tmp_path: Path) -> None:
    ids = targets_2023().filter(pl.col("value").is_not_null())["id"]
    rows = 1_000_000
    actuals = tmp_path / "actuals.csv"
    pl.select(row=pl.int_range(rows)).select(
        id=pl.col("row").mod(ids.len()).replace_strict(list(range(ids.len())), ids),
        actual=(pl.col("row") * 7919 % 1000 / 100).round(2),
        scenario=pl.format("run{}", pl.col("row") // ids.len()),
    ).write_csv(actuals)
    input_mb = actuals.stat().st_size / 2**20
    command = [sys.executable, "-m", "jinan_gov", "assess", str(actuals)]
    loaded = [sys.executable, "-c", "import jinan_gov.cli; jinan_gov.indicators()"]
    baseline = [peak_megabytes(loaded)[2] for _ in range(2)]
    code, out, summary_mb = peak_megabytes(command)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"58824 scenarios, {rows} rows: ")
    assert lines[-1].startswith(f"{rows} rows are not shown as a table")
    target = tmp_path / "rows.parquet"
    code, out, output_mb = peak_megabytes([*command, "--output", str(target)])
    assert code == 0
    assert out.startswith(f"wrote {rows} rows (parquet) to {target}\n")
    written = pl.read_parquet(target)
    assert written.height == rows
    expected = assess(read_actuals(actuals))
    assert written.equals(expected)
    # Measured: about 4.5x the CSV above a process that only loaded the library, all of it
    # reached while reading the CSV; the whole result and its summary at once took about 11x.
    for peak in (summary_mb, output_mb):
        assert peak - min(baseline) < 6 * input_mb, (peak, baseline, input_mb)


def test_the_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overview", "--help"]) == 0
    assert "usage: jinan-gov overview" in capsys.readouterr().out
    assert main(["--help"]) == 0
    shown = capsys.readouterr().out
    assert all(name in shown for name in COMMANDS)


def test_main_in_process_leaves_the_garbage_collector_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import gc  # noqa: PLC0415

    frozen = gc.get_freeze_count()
    assert main(["rule", "39"]) == 0
    capsys.readouterr()
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_the_program_exits_with_the_status_of_main(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc  # noqa: PLC0415

    from jinan_gov import cli  # noqa: PLC0415

    monkeypatch.setattr(cli, "main", lambda: 3)
    try:
        with pytest.raises(SystemExit) as exited:
            cli.run()
        assert exited.value.code == 3
    finally:
        gc.unfreeze()  # run() freezes what exists, as the process would end there


def test_the_installed_program_writes_complete_files(tmp_path: Path) -> None:
    out = tmp_path / "targets.csv"
    done = subprocess.run(
        [sys.executable, "-m", "jinan_gov", "targets", "--output", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 22  # header and 21 targets


def test_assess_warns_in_one_line_about_implausible_units(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actuals = write(
        tmp_path / "a.csv", "id,actual\nnew_urban_jobs_2023,168000\ngdp_growth_2023,6\n"
    )
    code, out, err = run(capsys, "assess", actuals, "--csv")
    assert code == 0
    lines = err.strip().splitlines()
    assert lines == [
        "warning: 1 actual(s) look like the wrong unit (kept as given), e.g. "
        "'new_urban_jobs_2023' = 168000: more than 100× the target (in 万人): check the unit; "
        "see the warning column"
    ]
    assert "168000" in out
