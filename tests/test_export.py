from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any, ClassVar, cast

import frictionless
import pandera.polars as pa
import polars as pl
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov._tables import polars_schema
from jinan_gov.export import (
    DATAPACKAGE_PROFILE,
    FORMATS,
    TABLES,
    ExportTable,
    ForeignKey,
    csv_bytes,
    datapackage_descriptor,
    export,
    field_type,
    table_schema,
)
from jinan_gov.plan import indicators
from jinan_gov.schemas import (
    DOC_IDS,
    MEASURES,
    QUALIFIERS,
    IndicatorSchema,
    RuleFactSchema,
)
from jinan_gov.sources import documents

NAMES = [table.name for table in TABLES]


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("datapackage")
    export(directory, "datapackage")
    return directory


def _descriptor(directory: Path) -> dict[str, Any]:
    return cast(dict[str, Any], json.loads((directory / "datapackage.json").read_text("utf-8")))


def _fields(schema: dict[str, object]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in cast(list[dict[str, Any]], schema["fields"])}


# --- every format writes every table --------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_every_table(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "new" / "nested"  # created with its parents
    written = export(target, fmt)  # type: ignore[arg-type]
    suffix = ".parquet" if fmt == "parquet" else ".csv"
    expected = [f"{name}{suffix}" for name in NAMES]
    if fmt == "datapackage":
        expected.append("datapackage.json")
    assert [p.name for p in written] == expected
    assert sorted(p.name for p in target.iterdir()) == sorted(expected)
    assert all(p.stat().st_size > 0 for p in written)


def test_indicators_is_not_a_separate_resource_but_the_union_of_three() -> None:
    assert "indicators" not in NAMES
    union = pl.concat([t.load() for t in TABLES if t.model is IndicatorSchema])
    assert union.equals(indicators())


# --- round trips ----------------------------------------------------------------------


def test_each_exported_csv_reads_back_equal_to_the_loaded_frame(package_dir: Path) -> None:
    for table in TABLES:
        raw = (package_dir / f"{table.name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
        raw.decode("utf-8")  # strict UTF-8
        back = pl.read_csv(raw, schema=polars_schema(table.model))
        assert back.equals(table.load()), table.name
        table.model.validate(back)


def test_each_exported_parquet_reads_back_equal_with_its_dtypes(tmp_path: Path) -> None:
    export(tmp_path, "parquet")
    for table in TABLES:
        path = tmp_path / f"{table.name}.parquet"
        back = pl.read_parquet(path)
        assert back.schema == polars_schema(table.model), table.name
        assert back.equals(table.load()), table.name
        assert pq.read_table(path).num_rows == back.height  # readable outside polars


TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12)
COLUMNS = {
    "s": (pl.String, TEXT),
    "f": (pl.Float64, st.floats(allow_nan=False, allow_infinity=False)),
    "i": (pl.Int64, st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    "b": (pl.Boolean, st.booleans()),
    "d": (pl.Date, st.dates()),
}


@st.composite
def frames(draw: st.DrawFn) -> pl.DataFrame:
    names = draw(st.lists(st.sampled_from(sorted(COLUMNS)), min_size=1, max_size=5, unique=True))
    height = draw(st.integers(min_value=0, max_value=6))
    data = {
        name: draw(st.lists(st.none() | COLUMNS[name][1], min_size=height, max_size=height))
        for name in names
    }
    return pl.DataFrame(data, schema={name: COLUMNS[name][0] for name in names})


@given(frames())
def test_csv_export_round_trips_any_frame_of_the_schema_dtypes(frame: pl.DataFrame) -> None:
    back = pl.read_csv(csv_bytes(frame), schema=frame.schema)
    assert back.equals(frame)


@given(st.sampled_from(TABLES), st.data())
def test_any_subset_of_any_table_round_trips_through_csv(
    table: ExportTable, data: st.DataObject
) -> None:
    frame = table.load()
    rows = data.draw(st.lists(st.integers(0, frame.height - 1), max_size=10))
    subset = frame[rows]
    back = pl.read_csv(csv_bytes(subset), schema=polars_schema(table.model))
    assert back.equals(subset)


def test_csv_keeps_empty_strings_apart_from_nulls() -> None:
    frame = pl.DataFrame({"s": ["", None, "a\nb", '"q",']})
    assert csv_bytes(frame) == b's\n""\n\n"a\nb"\n"""q"","\n'
    assert pl.read_csv(csv_bytes(frame), schema=frame.schema).equals(frame)


# --- the data package -----------------------------------------------------------------


def test_exported_data_package_validates_with_frictionless(package_dir: Path) -> None:
    report = frictionless.validate(str(package_dir / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note", "rowNumber", "fieldName"])
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert rows == {t.name: t.load().height for t in TABLES}


def test_frictionless_catches_a_broken_value_and_a_broken_reference(
    package_dir: Path, tmp_path: Path
) -> None:
    """The generated constraints and foreign keys are real: a bad enum or doc_id fails."""
    for path in package_dir.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    targets = tmp_path / "targets_2023.csv"
    text = targets.read_text("utf-8").replace(",growth_rate,", ",bogus,", 1)
    targets.write_text(text.replace(",plan_2023,", ",plan_2032,", 1), "utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    kinds = {(error[0], error[1]) for error in report.flatten(["type", "fieldName"])}
    assert ("constraint-error", "measure") in kinds
    assert ("constraint-error", "doc_id") in kinds
    assert ("foreign-key", None) in kinds
    assert ("hash-count", None) in kinds  # the recorded sha256 no longer matches


def test_descriptor_is_v2_with_licence_sources_and_generated_schemas(package_dir: Path) -> None:
    package = _descriptor(package_dir)
    assert package["$schema"] == DATAPACKAGE_PROFILE
    assert package["name"] == "jinan-gov"
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert "not a legal opinion" in package["description"]
    titles = " ".join(source["title"] for source in package["sources"])
    for doc_no in documents()["doc_no"]:
        assert doc_no in titles
    assert "济南市人民政府公报2023年第10期" in titles
    assert [r["name"] for r in package["resources"]] == NAMES
    for resource, table in zip(package["resources"], TABLES, strict=True):
        assert resource["path"] == f"{table.name}.csv"
        assert resource["type"] == "table"
        assert resource["encoding"] == "utf-8"
        assert resource["schema"] == table_schema(table.model, foreign_keys=table.foreign_keys)
        data = (package_dir / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        cited = {s["title"].split()[0] for s in resource["sources"]}
        expected = set(
            documents().filter(pl.col("doc_id").is_in(table.load()["doc_id"].unique().to_list()))[
                "doc_no"
            ]
        )
        assert cited == expected, table.name


def test_descriptor_without_files_has_no_hashes() -> None:
    package = datapackage_descriptor(TABLES[:1])
    resources = cast(list[dict[str, Any]], package["resources"])
    assert [r["name"] for r in resources] == ["documents"]
    assert "hash" not in resources[0]
    assert "bytes" not in resources[0]


# --- Pandera -> Table Schema ----------------------------------------------------------


def test_indicator_schema_converts_types_enums_required_and_primary_key() -> None:
    schema = table_schema(IndicatorSchema)
    fields = _fields(schema)
    assert list(fields) == list(IndicatorSchema.to_schema().columns)
    assert schema["primaryKey"] == ["id"]
    assert fields["id"]["type"] == "string"
    assert fields["id"]["constraints"] == {
        "required": True,
        "unique": True,
        "pattern": "[a-z][a-z0-9]*(_[a-z0-9]+)*",
    }
    assert fields["year"] == {
        "name": "year",
        "type": "integer",
        "description": "Year the figure refers to.",
        "constraints": {"required": True, "enum": [2022, 2023]},
    }
    assert fields["value"]["type"] == "number"
    assert "constraints" not in fields["value"]  # nullable, unchecked
    assert fields["binding"]["type"] == "boolean"
    assert fields["measure"]["constraints"]["enum"] == list(MEASURES)
    assert fields["qualifier"]["constraints"]["enum"] == list(QUALIFIERS)
    assert fields["doc_id"]["constraints"]["enum"] == list(DOC_IDS)
    assert fields["flag"]["constraints"] == {"enum": ["suspect_unit", "suspect_value", "ambiguous"]}
    assert fields["quote"]["description"].startswith("Verbatim substring")
    json.dumps(schema)  # serialisable as is


def test_every_model_required_matches_nullable_and_descriptions_are_kept() -> None:
    for table in TABLES:
        columns = table.model.to_schema().columns
        for name, field in _fields(table_schema(table.model)).items():
            column = columns[name]
            required = field.get("constraints", {}).get("required", False)
            assert required == (not column.nullable), (table.name, name)
            assert field["description"] == column.description

    keys = {t.name: table_schema(t.model)["primaryKey"] for t in TABLES}
    assert keys == {
        "documents": ["doc_id"],
        "appointments": ["name_zh"],
        "outcomes_2022": ["id"],
        "targets_2023": ["id"],
        "tasks_2023": ["id"],
        "rules_chapters": ["chapter_no"],
        "rules_articles": ["article_no"],
        "rules_facts": ["fact_id"],
    }


def test_rule_fact_bounds_become_minimum_maximum_and_exclusive_minimum() -> None:
    fields = _fields(table_schema(RuleFactSchema))
    assert fields["article_no"]["constraints"] == {"required": True, "minimum": 1, "maximum": 76}
    assert fields["value"]["constraints"] == {"exclusiveMinimum": 0}
    assert table_schema(RuleFactSchema)["primaryKey"] == ["fact_id"]


class _Toy(pa.DataFrameModel):
    """A toy model covering every check the converter knows."""

    code: str = pa.Field(str_matches=r"[A-Z]{2}", description="Starts with two capitals.")
    part: int = pa.Field(in_range={"min_value": 1, "max_value": 9, "include_max": False})
    score: float = pa.Field(lt=1.5, nullable=True)
    flag: bool = pa.Field(description="A flag.")
    day: dt.date = pa.Field(ge=dt.date(2023, 1, 1))
    at: dt.datetime = pa.Field(nullable=True)
    label: str = pa.Field(str_length={"min_value": 1, "max_value": 4}, eq="x")
    free: str = pa.Field(str_contains="z")  # no Table Schema equivalent: skipped

    class Config:
        unique: ClassVar[list[str]] = ["code", "part"]


def test_toy_model_every_check_and_a_composite_key() -> None:
    schema = table_schema(_Toy)
    fields = _fields(schema)
    assert schema["primaryKey"] == ["code", "part"]
    assert [f["type"] for f in fields.values()] == [
        "string",
        "integer",
        "number",
        "boolean",
        "date",
        "datetime",
        "string",
        "string",
    ]
    assert fields["code"]["constraints"] == {"required": True, "pattern": "([A-Z]{2}).*"}
    assert fields["code"]["description"] == "Starts with two capitals."
    assert fields["part"]["constraints"] == {
        "required": True,
        "minimum": 1,
        "exclusiveMaximum": 9,
    }
    assert fields["score"]["constraints"] == {"exclusiveMaximum": 1.5}
    assert fields["day"]["constraints"] == {"required": True, "minimum": "2023-01-01"}
    assert "constraints" not in fields["at"]
    assert fields["label"]["constraints"] == {
        "required": True,
        "minLength": 1,
        "maxLength": 4,
        "enum": ["x"],
    }
    assert fields["free"]["constraints"] == {"required": True}
    assert "description" not in fields["free"]


def test_explicit_keys_and_unknown_columns() -> None:
    fk = ForeignKey(("doc_id",), "documents", ("doc_id",))
    schema = table_schema(RuleFactSchema, primary_key=["article_no", "fact_id"], foreign_keys=[fk])
    assert schema["primaryKey"] == ["article_no", "fact_id"]
    assert schema["foreignKeys"] == [
        {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}
    ]
    with pytest.raises(ValueError, match=r"no column\(s\) \['nope'\]"):
        table_schema(RuleFactSchema, primary_key=["nope"])
    with pytest.raises(ValueError, match="nope"):
        table_schema(RuleFactSchema, foreign_keys=[ForeignKey(("nope",), "documents", ("x",))])


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [
        (pl.String, "string"),
        (pl.Categorical, "string"),
        (pl.Int8, "integer"),
        (pl.UInt64, "integer"),
        (pl.Float32, "number"),
        (pl.Decimal(10, 2), "number"),
        (pl.Boolean, "boolean"),
        (pl.Date, "date"),
        (pl.Datetime, "datetime"),
        (pl.Datetime("ms", "Asia/Shanghai"), "datetime"),
        (pl.Time, "time"),
    ],
)
def test_field_type(dtype: pl.DataType, expected: str) -> None:
    assert field_type(dtype) == expected


@pytest.mark.parametrize("dtype", [pl.List(pl.Int64), pl.Struct({"a": pl.Int64}), pl.Binary])
def test_field_type_refuses_nested_and_binary(dtype: pl.DataType) -> None:
    with pytest.raises(TypeError, match="no Table Schema type"):
        field_type(dtype)


# --- refusing to clobber ------------------------------------------------------------------


def test_non_empty_directory_is_refused_unless_overwrite(tmp_path: Path) -> None:
    keep = tmp_path / "notes.txt"
    keep.write_text("mine", "utf-8")
    with pytest.raises(FileExistsError, match="not empty"):
        export(tmp_path, "csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    (tmp_path / "documents.csv").write_text("stale", "utf-8")
    export(tmp_path, "csv", overwrite=True)
    assert keep.read_text("utf-8") == "mine"  # other files are left alone
    back = pl.read_csv(io.BytesIO((tmp_path / "documents.csv").read_bytes()))
    assert back.height == documents().height


def test_export_into_a_file_or_an_unknown_format_fails(tmp_path: Path) -> None:
    file = tmp_path / "file.csv"
    file.write_text("x", "utf-8")
    with pytest.raises(NotADirectoryError, match="not a directory"):
        export(file, "csv")
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export(tmp_path / "out", "xlsx")  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()
