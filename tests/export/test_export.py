from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import json
import os
import re
import threading
from pathlib import Path
from typing import Any, ClassVar, cast

import frictionless
import pandera.polars as pa
import polars as pl
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.export import (
    DATAPACKAGE_PROFILE,
    FORMATS,
    TABLES,
    ExportError,
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
from jinan_gov.schemas.tables import polars_schema
from jinan_gov.text.sources import documents

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


# --- links, atomicity, concurrency ----------------------------------------------------------

Snapshot = dict[str, tuple[str, bytes | str]]


def snapshot(directory: Path) -> Snapshot:
    """Every entry of ``directory``: its kind and its bytes (file) or target (link)."""
    if not directory.exists():
        return {}
    entries: Snapshot = {}
    for path in sorted(directory.iterdir()):
        if path.is_symlink():
            entries[path.name] = ("link", os.readlink(path))
        elif path.is_dir():
            entries[path.name] = ("dir", "")
        else:
            entries[path.name] = (f"file:{path.stat().st_ino}", path.read_bytes())
    return entries


@pytest.fixture
def lived_in(tmp_path: Path) -> Path:
    """A directory holding an older CSV export, a note of the user's, and links."""
    directory = tmp_path / "out"
    export(directory, "csv")
    (directory / "notes.txt").write_text("mine", "utf-8")
    (directory / "documents.csv").write_bytes(b"stale\n")
    return directory


def test_overwrite_replaces_a_symlink_or_hard_link_never_its_target(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    victim, linked, victim_dir = outside / "victim.csv", outside / "linked.csv", outside / "d"
    victim.write_text("secret", "utf-8")
    linked.write_text("also secret", "utf-8")
    victim_dir.mkdir()
    directory = tmp_path / "out"
    directory.mkdir()
    (directory / "outcomes_2022.csv").symlink_to(victim)
    os.link(linked, directory / "targets_2023.csv")
    (directory / "tasks_2023.csv").symlink_to(victim_dir)  # a link to a directory
    (directory / "documents.csv").symlink_to(outside / "missing.csv")  # a dangling link
    written = export(directory, "csv", overwrite=True)
    assert victim.read_text("utf-8") == "secret"
    assert linked.read_text("utf-8") == "also secret"
    assert list(victim_dir.iterdir()) == []
    assert not (outside / "missing.csv").exists()
    for path in written:
        assert not path.is_symlink(), path
        assert path.stat().st_nlink == 1, path
    assert (directory / "outcomes_2022.csv").read_bytes() == csv_bytes(TABLES[2].load())


def _full_disk_after(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Let ``limit`` bytes reach the disk, then fail every write as a full disk does."""
    real_write = os.write
    budget = [limit]

    def write(fd: int, data: Any) -> int:
        if budget[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        done = real_write(fd, bytes(data)[: budget[0]])
        budget[0] -= done
        return done

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("limit", [0, 1000, 60_000, 260_000])
def test_a_full_disk_leaves_the_directory_exactly_as_it_was(
    lived_in: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    before, beside = snapshot(lived_in), snapshot(lived_in.parent)
    _full_disk_after(limit, monkeypatch)
    with pytest.raises(ExportError) as caught:
        export(lived_in, "datapackage", overwrite=True)
    monkeypatch.undo()
    message = str(caught.value)
    assert caught.value.errno == errno.ENOSPC
    assert "\n" not in message
    assert message.startswith(f"cannot write {lived_in}{os.sep}")
    assert "No space left on device" in message
    failed = Path(message.split()[2].rstrip(":")).name
    assert failed in {*(f"{n}.csv" for n in NAMES), "datapackage.json"}
    assert snapshot(lived_in) == before
    assert snapshot(lived_in.parent) == beside  # no staging directory left behind


def test_a_full_disk_creates_no_directory_and_no_parents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _full_disk_after(5000, monkeypatch)
    with pytest.raises(OSError, match=r"cannot write .*new.*No space left"):
        export(tmp_path / "new" / "nested", "csv")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_parquet_writer_names_the_file(
    lived_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(lived_in)

    def broken(self: pl.DataFrame, path: Path) -> None:
        Path(path).write_bytes(b"PAR1 half")
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", broken)
    with pytest.raises(ExportError, match=r"cannot write .*documents\.parquet: Input/output"):
        export(lived_in, "parquet", overwrite=True)
    assert snapshot(lived_in) == before


def test_a_failure_while_moving_files_in_is_undone(
    lived_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(lived_in)
    real_replace = os.replace
    calls = [0]

    def replace(source: Any, target: Any) -> None:
        calls[0] += 1
        if calls[0] == 5:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ExportError, match=r"cannot move into place .*tasks_2023\.csv"):
        export(lived_in, "csv", overwrite=True)
    assert calls[0] == 5
    assert snapshot(lived_in) == before


def test_a_directory_named_like_a_table_stops_the_export_before_anything_changes(
    lived_in: Path,
) -> None:
    (lived_in / "outcomes_2022.csv").unlink()
    (lived_in / "outcomes_2022.csv").mkdir()
    (lived_in / "outcomes_2022.csv" / "inside.txt").write_text("kept", "utf-8")
    before = snapshot(lived_in)
    with pytest.raises(IsADirectoryError, match=r"outcomes_2022\.csv .* is a directory"):
        export(lived_in, "datapackage", overwrite=True)
    assert snapshot(lived_in) == before
    assert (lived_in / "outcomes_2022.csv" / "inside.txt").read_text("utf-8") == "kept"


def test_ctrl_c_during_an_export_changes_nothing(
    lived_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, beside = snapshot(lived_in), snapshot(lived_in.parent)

    def interrupted(self: pl.DataFrame, path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pl.DataFrame, "write_parquet", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export(lived_in, "parquet", overwrite=True)
    assert (snapshot(lived_in), snapshot(lived_in.parent)) == (before, beside)


def _package_is_whole(directory: Path) -> bool:
    """Every CSV matches the hash the descriptor records, so no file came from another run."""
    descriptor = _descriptor(directory)
    for resource in descriptor["resources"]:
        data = (directory / resource["path"]).read_bytes()
        if resource["hash"] != "sha256:" + hashlib.sha256(data).hexdigest():
            return False
        if data.startswith(b"\xef\xbb\xbf") != (resource["encoding"] == "utf-8-sig"):
            return False
    return True


def test_concurrent_exports_into_one_directory_never_mix(tmp_path: Path) -> None:
    directory = tmp_path / "shared"
    export(directory, "datapackage")
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def run(excel: bool) -> None:
        try:
            start.wait()
            for _ in range(4):
                export(directory, "datapackage", overwrite=True, excel=excel)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(excel,)) for excel in (False, True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _package_is_whole(directory)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared"]


def test_two_new_exports_into_one_missing_directory_one_wins_whole(tmp_path: Path) -> None:
    directory = tmp_path / "new"
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def run(excel: bool) -> None:
        start.wait()
        try:
            export(directory, "datapackage", excel=excel)
            outcomes.append("wrote")
        except FileExistsError:
            outcomes.append("refused")

    threads = [threading.Thread(target=run, args=(excel,)) for excel in (False, True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "wrote"]
    assert _package_is_whole(directory)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]


# --- argument types -----------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["overwrite", "excel"])
@pytest.mark.parametrize("value", ["no", "False", 0, 1, None, 1.0, [True]])
def test_flags_are_booleans(tmp_path: Path, flag: str, value: object) -> None:
    expected = rf"{flag} must be True or False, not {re.escape(repr(value))}"
    with pytest.raises(TypeError, match=expected):
        export(tmp_path / "out", "csv", **{flag: value})  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_directory_expands_the_home_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    written = export("~/x", "csv")
    assert written[0] == tmp_path / "x" / "documents.csv"
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize("bad", [b"out", None, 3, ""])
def test_directory_must_be_a_path(tmp_path: Path, bad: object) -> None:
    error = TypeError if bad != "" else ValueError
    with pytest.raises(error, match="directory must be"):
        export(bad, "csv")  # type: ignore[arg-type]


def test_format_must_be_known(tmp_path: Path) -> None:
    for bad in (None, "CSV", ["csv"]):
        with pytest.raises(ValueError, match="unknown export format"):
            export(tmp_path / "out", bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="excel=True applies to CSV"):
        export(tmp_path / "out", "parquet", excel=True)
    assert not (tmp_path / "out").exists()


# --- Excel ----------------------------------------------------------------------------------


def test_excel_csv_starts_with_a_bom_and_reads_back_equal(tmp_path: Path) -> None:
    export(tmp_path / "excel", "csv", excel=True)
    export(tmp_path / "plain", "csv")
    for table in TABLES:
        excel = (tmp_path / "excel" / f"{table.name}.csv").read_bytes()
        plain = (tmp_path / "plain" / f"{table.name}.csv").read_bytes()
        assert excel == b"\xef\xbb\xbf" + plain
        assert not plain.startswith(b"\xef\xbb\xbf")
        text = excel.decode("utf-8-sig")
        back = pl.read_csv(io.StringIO(text), schema=polars_schema(table.model))
        assert back.equals(table.load()), table.name


def test_excel_data_package_validates(tmp_path: Path) -> None:
    export(tmp_path, "datapackage", excel=True)
    descriptor = _descriptor(tmp_path)
    assert {r["encoding"] for r in descriptor["resources"]} == {"utf-8-sig"}
    assert _package_is_whole(tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note", "rowNumber", "fieldName"])
    with pytest.raises(TypeError, match="excel must be True or False"):
        csv_bytes(pl.DataFrame({"a": [1]}), excel="yes")  # type: ignore[arg-type]


def test_without_write_access_beside_the_directory_it_stages_inside_it(
    lived_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinan_gov import atomic as _atomic  # noqa: PLC0415

    real_new = _atomic._new_directory
    parent = lived_in.parent.resolve()

    def refused_beside(where: Path, stem: str) -> Path:
        if where == parent:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_new(where, stem)

    monkeypatch.setattr(_atomic, "_new_directory", refused_beside)
    beside = snapshot(lived_in.parent)
    written = export(lived_in, "csv", overwrite=True)
    assert sorted(p.name for p in lived_in.iterdir()) == sorted(
        [*(p.name for p in written), "notes.txt"]
    )  # the staging directory inside is gone again
    assert snapshot(lived_in.parent).keys() == beside.keys()
    assert (lived_in / "documents.csv").read_bytes() == csv_bytes(TABLES[0].load())
    with pytest.raises(FileExistsError, match="not empty"):
        export(lived_in, "csv")  # still refused without overwrite
    empty = lived_in.parent / "empty"
    empty.mkdir()
    assert len(export(empty, "parquet")) == len(list(empty.iterdir())) == len(TABLES)
