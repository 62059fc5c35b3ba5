"""What assess() and read_actuals()/read_benchmarks() accept: dtypes, pandas, Arrow, CSV files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from jinan_gov.attainment import assess, read_actuals, read_benchmarks
from jinan_gov.errors import InvalidActualsError, UnknownIdError
from jinan_gov.schemas import AssessmentSchema

IDS = ["gdp_growth_2023", "cpi_growth_2023", "new_urban_jobs_2023"]
VALUES = [6.1, 3.1, 14.0]
STATUSES = ["exceeded", "met", "missed"]


def grid(scenarios: list[Any], dtype: pl.DataType) -> pl.DataFrame:
    """The three targets in every scenario, the scenario column in ``dtype``."""
    return pl.DataFrame(
        {
            "scenario": pl.Series([s for s in scenarios for _ in IDS]).cast(dtype),
            "id": IDS * len(scenarios),
            "actual": VALUES * len(scenarios),
        }
    )


# --- label dtypes: kept in the result ------------------------------------------------------


@pytest.mark.parametrize(
    "dtype",
    [pl.Int64(), pl.UInt8(), pl.Int32(), pl.Categorical(), pl.Enum(["run 0", "run 1", "x"])],
)
def test_scenario_dtypes_are_accepted_and_kept(dtype: pl.DataType) -> None:
    names: list[Any] = [0, 1] if dtype.is_integer() else ["run 0", "run 1"]
    frame = grid(names, dtype)
    result = assess(frame)
    assert result.schema["scenario"] == dtype
    assert result["scenario"].cast(pl.String).to_list() == [str(n) for n in names for _ in IDS]
    assert result["status"].to_list() == STATUSES * 2
    AssessmentSchema.validate(result)


@pytest.mark.parametrize("dtype", [pl.Categorical(), pl.Enum(["zzz", *reversed(IDS)]), pl.String()])
def test_id_dtypes_are_accepted_and_kept(dtype: pl.DataType) -> None:
    frame = grid(["a", "b"], pl.String()).with_columns(pl.col("id").cast(dtype))
    result = assess(frame)
    assert result.schema["id"] == dtype
    assert result["id"].cast(pl.String).to_list() == IDS * 2
    assert result["status"].to_list() == STATUSES * 2
    assert result.drop("id").equals(assess(grid(["a", "b"], pl.String())).drop("id"))


def test_unknown_id_in_an_enum_column_is_named() -> None:
    frame = pl.DataFrame(
        {"id": pl.Series(["gdp_grwth_2023"], dtype=pl.Enum(["gdp_grwth_2023"])), "actual": [1.0]}
    )
    with pytest.raises(UnknownIdError, match="'gdp_grwth_2023'; did you mean 'gdp_growth_2023'"):
        assess(frame)


def test_missing_id_is_named() -> None:
    frame = pl.DataFrame({"id": ["gdp_growth_2023", None], "actual": [1.0, 2.0]})
    with pytest.raises(InvalidActualsError, match=r"id is missing \(null\) on 1 row"):
        assess(frame)


@pytest.mark.parametrize(
    ("column", "dtype", "message"),
    [
        ("id", pl.Int64(), "column 'id' must hold String, Categorical or Enum, got Int64"),
        ("scenario", pl.Float64(), "column 'scenario' must hold String, an integer type"),
        ("actual", pl.String(), "column 'actual' must be numeric, got String"),
    ],
)
def test_wrong_dtypes_name_the_column(column: str, dtype: pl.DataType, message: str) -> None:
    frame = pl.DataFrame({"scenario": [1], "id": ["5"], "actual": [1]}).with_columns(
        pl.col(column).cast(dtype)
    )
    with pytest.raises(InvalidActualsError, match=message):
        assess(frame)


def test_empty_frame_gives_an_empty_typed_result() -> None:
    empty = assess(pl.DataFrame({"id": [], "actual": []}))
    assert empty.height == 0
    assert empty.columns == list(AssessmentSchema.to_schema().columns)
    assert empty.schema["id"] == pl.String
    AssessmentSchema.validate(empty)
    with_scenario = assess(pl.DataFrame({"scenario": [], "id": [], "actual": []}))
    assert with_scenario.schema == empty.schema


def test_header_only_csv_gives_an_empty_typed_result(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("id,actual,scenario\n")
    frame = read_actuals(path)
    assert frame.height == 0
    assert frame.schema == pl.Schema({"id": pl.String, "actual": pl.Float64, "scenario": pl.String})
    AssessmentSchema.validate(assess(frame))


def test_lazy_frames_keep_dtypes_too() -> None:
    frame = grid([0, 1], pl.Int16())
    lazy = assess(frame.lazy())
    assert lazy.collect_schema()["scenario"] == pl.Int16
    assert lazy.collect().equals(assess(frame))


# --- pandas and Arrow ----------------------------------------------------------------------


def test_pandas_frame_gives_the_polars_result() -> None:
    frame = grid(["a", "b"], pl.String())
    result = assess(frame.to_pandas())
    assert isinstance(result, pl.DataFrame)
    assert result.equals(assess(frame))


def test_pandas_with_arrow_dtypes_and_categorical_ids() -> None:
    frame = grid(["a", "b"], pl.String())
    pandas = frame.to_pandas(use_pyarrow_extension_array=True)
    assert assess(pandas)["status"].to_list() == STATUSES * 2
    pandas = frame.to_pandas().astype({"id": "category"})
    result = assess(pandas)
    assert result.schema["id"] == pl.Categorical
    assert result["status"].to_list() == STATUSES * 2


def test_pandas_object_numbers_are_read_when_they_are_numbers() -> None:
    pandas = pd.DataFrame({"id": IDS, "actual": pd.Series(VALUES, dtype=object)})
    assert assess(pandas)["status"].to_list() == STATUSES


@pytest.mark.parametrize(
    ("actual", "message"),
    [
        (pd.Series(["6.1", 3.1, 14.0], dtype=object), "pandas object dtype holding str '6.1'"),
        (pd.Series(VALUES, dtype="category"), "must be numeric, got a pandas Categorical"),
        (pd.Series([np.nan, 3.1, 14.0]), r"NaN or infinite for \['gdp_growth_2023'\]"),
    ],
)
def test_pandas_bad_values_give_the_polars_errors(actual: pd.Series[Any], message: str) -> None:
    with pytest.raises(InvalidActualsError, match=message):
        assess(pd.DataFrame({"id": IDS, "actual": actual}))


def test_pandas_missing_value_is_not_assessable() -> None:
    pandas = pd.DataFrame({"id": IDS, "actual": pd.array([6.1, None, 14.0], dtype="Float64")})
    result = assess(pandas, missing="unknown")
    assert result["status"].to_list() == ["exceeded", "not_assessable", "missed"]


class _Stream:
    """A foreign object that only speaks the Arrow C stream interface (like a DuckDB relation)."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.table.__arrow_c_stream__(requested_schema)


def test_arrow_tables_and_streams() -> None:
    frame = grid(["a", "b"], pl.String())
    expected = assess(frame)
    assert assess(frame.to_arrow()).equals(expected)
    assert assess(_Stream(frame.to_arrow())).equals(expected)
    benchmarks = pa.table({"id": ["foreign_trade_growth_2023"], "benchmark": [4.2]})
    result = assess({"foreign_trade_growth_2023": 5.0}, benchmarks=_Stream(benchmarks))
    assert result["status"].item() == "met"


def test_pandas_benchmarks() -> None:
    benchmarks = pd.DataFrame({"id": ["foreign_trade_growth_2023"], "benchmark": [4.2]})
    result = assess({"foreign_trade_growth_2023": 5.0}, benchmarks=benchmarks)
    assert result.select("status", "benchmark").row(0) == ("met", 4.2)


def test_unsupported_type_names_what_is_supported() -> None:
    with pytest.raises(TypeError, match=r"a pandas DataFrame or an object with __arrow_c_stream__"):
        assess([("gdp_growth_2023", 6.0)])  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="pandas DataFrame"):
        assess({"gdp_growth_2023": 6.0}, benchmarks=[1.0])  # type: ignore[call-overload]


def test_read_actuals_accepts_frames() -> None:
    frame = grid([0, 1], pl.Int64())
    for source in (frame, frame.to_pandas(), frame.to_arrow()):
        read = read_actuals(source)
        assert read.schema == pl.Schema(
            {"id": pl.String, "actual": pl.Float64, "scenario": pl.String}
        )
        assert read["scenario"].to_list() == ["0"] * 3 + ["1"] * 3


# --- CSV files as people have them ----------------------------------------------------------

CSV = "id,actual,scenario\ngdp_growth_2023,6.1,基准\ncpi_growth_2023,3.1,基准\n"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("gbk", b""),
        ("gb18030", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_csv_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(bom + CSV.encode(encoding))
    frame = read_actuals(path)
    assert frame["scenario"].to_list() == ["基准", "基准"]
    assert frame["actual"].to_list() == [6.1, 3.1]


def test_undecodable_csv_says_save_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(b"id,actual\ngdp_growth_2023,6.1\n\x81\x20\n")
    with pytest.raises(InvalidActualsError, match="save it as UTF-8"):
        read_actuals(path)


def test_values_with_spaces_and_full_width_digits(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    rows = [" gdp_growth_2023 , 6.1", "cpi_growth_2023,３．１ ", "new_urban_jobs_2023,\u3000１４"]
    path.write_text("id, actual\n" + "\n".join(rows) + "\nretail_sales_growth_2023,－2\n")
    frame = read_actuals(path)
    assert frame["id"].to_list() == [*IDS, "retail_sales_growth_2023"]
    assert frame["actual"].to_list() == [*VALUES, -2.0]


def test_types_are_not_guessed_from_the_first_rows(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    lines = [f"gdp_growth_2023,16,s{i}" for i in range(150)] + ["gdp_growth_2023,15.5,last"]
    path.write_text("id,actual,scenario\n" + "\n".join(lines) + "\n")
    frame = read_actuals(path)
    assert frame["actual"].tail(2).to_list() == [16.0, 15.5]
    assert frame.schema["actual"] == pl.Float64


def test_a_bad_number_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("id,actual\ngdp_growth_2023,6.1\ncpi_growth_2023,about 3\n")
    with pytest.raises(InvalidActualsError, match="line 3: 'about 3'"):
        read_actuals(path)


def test_stdin_dash_and_dev_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(CSV.encode("gbk"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert read_actuals("-")["scenario"].to_list() == ["基准", "基准"]


def test_dev_stdin_in_a_process() -> None:
    code = "from jinan_gov import read_actuals; print(read_actuals('/dev/stdin').height)"
    done = subprocess.run(
        [sys.executable, "-c", code], input=CSV, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "2"


def test_named_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "actuals.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as handle:
            handle.write(CSV)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        frame = read_actuals(fifo)
    finally:
        if writer.is_alive():  # the reader gave up: drain the pipe so the writer finishes
            with fifo.open("rb") as handle:
                handle.read()
        writer.join(timeout=10)
    assert frame.height == 2


def test_open_files(tmp_path: Path) -> None:
    assert read_actuals(io.StringIO(CSV)).height == 2
    assert read_benchmarks(io.BytesIO(b"id,benchmark\nforeign_trade_growth_2023,4.2\n")).row(0) == (
        "foreign_trade_growth_2023",
        4.2,
        None,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty; expected a header id,actual"),
        ("id,value\ngdp_growth_2023,6.1\n", "missing column"),
        (
            "id,actual\ngdp_growth_2023,high\n",
            "must be numeric .or true/false.*found line 2: 'high'",
        ),
        ("id,actual,oops\ngdp_growth_2023,6.1,1\n", "unexpected column"),
        ("id,actual\n,6.1\n", r"invalid actuals \(id: not_nullable\): no id on line\(s\) \[2\]"),
    ],
)
def test_bad_csv_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text(content)
    with pytest.raises(InvalidActualsError, match=message):
        read_actuals(path)


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidActualsError, match="is a directory; give the actuals CSV file"):
        read_actuals(tmp_path)
    with pytest.raises(InvalidActualsError, match="no such benchmarks file"):
        read_benchmarks(tmp_path / "missing.csv")


def test_wrong_source_type() -> None:
    with pytest.raises(TypeError, match="a path, '-' for standard input, an open file or a frame"):
        read_actuals(3.5)  # type: ignore[arg-type]


def test_float16_is_read_as_the_decimal_it_shows_in_every_input_kind() -> None:
    import pyarrow as pa  # noqa: PLC0415

    target = "services_value_added_growth_2023"  # 6%左右: met from 5.7
    halves = np.array([5.7, 6.3, 5.69, 0.1, 65504.0], dtype=np.float16)
    shown = [float(str(h)) for h in halves]  # as NumPy shows them (65504 shows as 65500.0)
    scenarios = [str(i) for i in range(len(halves))]
    pandas_frame = pd.DataFrame({"scenario": scenarios, "id": target, "actual": halves})
    arrow = pa.table({"scenario": scenarios, "id": [target] * 5, "actual": pa.array(halves)})
    polars_frame = pl.from_arrow(arrow)
    assert isinstance(polars_frame, pl.DataFrame)
    for frame in (pandas_frame, arrow, polars_frame, polars_frame.lazy()):
        result = assess(frame)
        collected = result.collect() if isinstance(result, pl.LazyFrame) else result
        assert collected["actual"].to_list() == shown
        assert collected["status"][0] == "met"
    for half, value in zip(halves, shown, strict=True):
        assert assess({target: half})["actual"].item() == value
