"""Export every table as open data: UTF-8 CSV, Parquet, or a Frictionless Data Package.

The Data Package (v2, ``datapackage.json`` beside the CSVs) describes each table with a
Table Schema that is *generated* from the Pandera model of :mod:`jinan_gov.schemas` by
:func:`table_schema`, so the published data dictionary cannot drift from the one the library
validates against: field names and order, types (from the Polars dtypes), descriptions,
``required`` (non-nullable), ``unique``, ``enum`` (``isin``), bounds (``ge``/``le``/``gt``/
``lt``), ``pattern`` (``str_matches``) and the primary key. Cross-column rules of the models
(``@pa.dataframe_check``) have no Table Schema equivalent and are not exported.

The ``indicators`` table is *not* a resource of its own: it is exactly the union of
``outcomes_2022``, ``targets_2023`` and ``tasks_2023`` (its ``table`` column says which), and the
three resources share one Table Schema, so a fourth resource would only publish every row twice.

Licence: the source texts are public official documents of the Jinan Municipal People's
Government, quoted verbatim (``quote``, ``text_zh``); the project offers its curation (ids,
structure, English translations and annotations, flags and notes) under CC-BY-4.0. That is
the project's choice, stated in the package, not a legal opinion.
"""

from __future__ import annotations

import codecs
import hashlib
import inspect
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandera.polars as pa
import polars as pl

import jinan_gov
from jinan_gov.atomic import publish_files
from jinan_gov.errors import ExportError
from jinan_gov.export._table_schema import (
    ForeignKey,
    field_descriptor,
    field_type,
    table_schema,
)
from jinan_gov.plan import outcomes_2022, targets_2023, tasks_2023
from jinan_gov.rules import articles, chapters, facts
from jinan_gov.schemas import (
    AppointmentSchema,
    ArticleSchema,
    ChapterSchema,
    DocumentSchema,
    IndicatorSchema,
    RuleFactSchema,
)
from jinan_gov.schemas.vocab import EXPORT_FORMATS, ExportFormat
from jinan_gov.text.sources import appointments, documents

__all__ = (
    "DATAPACKAGE_PROFILE",
    "FORMATS",
    "LICENSE",
    "TABLES",
    "ExportError",
    "ExportFormat",
    "ExportTable",
    "ForeignKey",
    "csv_bytes",
    "datapackage_descriptor",
    "excel_safe",
    "export",
    "field_descriptor",
    "field_type",
    "table_schema",
)

FORMATS = EXPORT_FORMATS
DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LICENSE: dict[str, str] = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
_LICENCE_NOTE = (
    "The source texts are public official documents of the Jinan Municipal People's "
    "Government, quoted verbatim in the quote and text_zh columns. The project offers its "
    "curation (ids, structure, English translations and annotations, flags and notes) under "
    "CC-BY-4.0: cite jinan_gov and the original document number. The licence is the "
    "project's choice, not a legal opinion on the status of the source texts."
)


@dataclass(frozen=True, slots=True)
class ExportTable:
    """One exported table: its file name, loader, Pandera model and references."""

    name: str
    title: str
    load: Callable[[], pl.DataFrame]
    model: type[pa.DataFrameModel]
    foreign_keys: tuple[ForeignKey, ...] = ()


_DOC = ForeignKey(("doc_id",), "documents", ("doc_id",))

TABLES: tuple[ExportTable, ...] = (
    ExportTable("documents", "Documents of the gazette issue", documents, DocumentSchema),
    ExportTable(
        "appointments", "Government counsellors appointed", appointments, AppointmentSchema, (_DOC,)
    ),
    ExportTable(
        "outcomes_2022", "2022 outcomes (plan, part 一)", outcomes_2022, IndicatorSchema, (_DOC,)
    ),
    ExportTable(
        "targets_2023", "2023 main targets (plan, part 二)", targets_2023, IndicatorSchema, (_DOC,)
    ),
    ExportTable(
        "tasks_2023", "2023 task targets (plan, part 三)", tasks_2023, IndicatorSchema, (_DOC,)
    ),
    ExportTable("rules_chapters", "Work Rules: chapters", chapters, ChapterSchema, (_DOC,)),
    ExportTable(
        "rules_articles",
        "Work Rules: articles",
        articles,
        ArticleSchema,
        (ForeignKey(("chapter_no",), "rules_chapters", ("chapter_no",)), _DOC),
    ),
    ExportTable(
        "rules_facts",
        "Work Rules: structured facts",
        facts,
        RuleFactSchema,
        (ForeignKey(("article_no",), "rules_articles", ("article_no",)), _DOC),
    ),
)
"""Every exported table, in export order (referenced tables before the tables citing them)."""


# --- Data Package descriptor --------------------------------------------------------------


def _source(row: Mapping[str, Any]) -> dict[str, str]:
    return {
        "title": f"{row['doc_no']} {row['title_zh']} ({row['title_en']}), "
        f"{row['issuer_zh']}, {row['issued_on'].isoformat()}; {row['gazette_zh']}"
    }


def _gazette_source() -> dict[str, str]:
    row = documents().row(0, named=True)
    return {"title": f"{row['gazette_zh']} ({row['gazette_en']})"}


def _resource(table: ExportTable, frame: pl.DataFrame, encoding: str) -> dict[str, object]:
    doc_ids = set(frame["doc_id"]) if "doc_id" in frame.columns else set()
    cited = documents().filter(pl.col("doc_id").is_in(sorted(doc_ids)))
    description = inspect.cleandoc(table.model.__doc__ or "")
    resource: dict[str, object] = {
        "name": table.name,
        "type": "table",
        "path": f"{table.name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": encoding,
        "title": table.title,
        "description": re.sub(r"\s+", " ", description.replace("``", "")),
        "sources": [_source(row) for row in cited.iter_rows(named=True)],
        "schema": table_schema(table.model, foreign_keys=table.foreign_keys),
    }
    return resource


def datapackage_descriptor(
    tables: Sequence[ExportTable] = TABLES,
    files: Mapping[str, bytes] | None = None,
    *,
    encoding: Literal["utf-8", "utf-8-sig"] = "utf-8",
) -> dict[str, object]:
    """The ``datapackage.json`` descriptor (Frictionless Data Package v2) of the tables.

    Parameters
    ----------
    tables
        The tables to describe (default: all of :data:`TABLES`).
    files
        The CSV bytes written for each table, by table name; when given, each resource
        records their size (``bytes``) and SHA-256 ``hash`` so a validator detects changes.
    encoding
        The encoding of the CSVs: ``"utf-8-sig"`` when they start with a byte-order mark
        (``export(..., excel=True)``).

    Examples
    --------
    >>> package = datapackage_descriptor()
    >>> package["$schema"], package["licenses"][0]["name"]
    ('https://datapackage.org/profiles/2.0/datapackage.json', 'CC-BY-4.0')
    >>> [r["name"] for r in package["resources"]]  # doctest: +NORMALIZE_WHITESPACE
    ['documents', 'appointments', 'outcomes_2022', 'targets_2023', 'tasks_2023',
     'rules_chapters', 'rules_articles', 'rules_facts']
    """
    resources: list[dict[str, object]] = []
    for table in tables:
        resource = _resource(table, table.load(), encoding)
        if files is not None and table.name in files:
            data = files[table.name]
            resource["bytes"] = len(data)
            resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
        resources.append(resource)
    return {
        "$schema": DATAPACKAGE_PROFILE,
        "name": "jinan-gov",
        "title": "Jinan municipal government documents, 2023 (济南市人民政府公报 2023年第10期)",
        "description": (
            "The Jinan 2023 National Economic and Social Development Plan (济政发〔2023〕4号: "
            "2022 outcomes, 2023 main targets and task targets), the Work Rules of the Jinan "
            "Municipal People's Government (济政发〔2023〕6号: chapters, articles, structured "
            "facts) and the appointment of government counsellors (济政字〔2023〕25号), as "
            "validated tables. Every row carries doc_id and a verbatim quote of the source. "
            "Exported by the jinan_gov Python library; the table schemas are generated from "
            "its Pandera models. " + _LICENCE_NOTE
        ),
        "version": jinan_gov.__version__,
        "keywords": ["China", "Jinan", "government", "development plan", "targets", "rules"],
        "licenses": [dict(LICENSE)],
        "sources": [_gazette_source()]
        + [_source(row) for row in documents().iter_rows(named=True)],
        "resources": resources,
    }


# --- Writing ------------------------------------------------------------------------------


def csv_bytes(frame: pl.DataFrame, *, excel: bool = False) -> bytes:
    """A frame as UTF-8 CSV: header row, comma-separated, ``\\n`` line ends, empty cell = null.

    Dates are ISO 8601, booleans ``true``/``false``, floats in their shortest round-trip
    form; an empty string is written as ``""`` so it stays distinct from a null. With
    ``excel=True`` the bytes start with a UTF-8 byte-order mark, which Excel needs to read
    Chinese text as UTF-8 (other programs skip it or show it as an invisible character), and
    text cells that a spreadsheet would run as formulas are prefixed with ``'``
    (:func:`excel_safe`).

    >>> csv_bytes(pl.DataFrame({"id": ["a", ""], "x": [1.5, None]})).decode()
    'id,x\\na,1.5\\n"",\\n'
    >>> csv_bytes(pl.DataFrame({"名称": ["济南"]}), excel=True)[:6]
    b'\\xef\\xbb\\xbf\\xe5\\x90\\x8d'
    """
    _require_bool("excel", excel)
    if not excel:
        return frame.write_csv(line_terminator="\n").encode("utf-8")
    return codecs.BOM_UTF8 + excel_safe(frame).write_csv(line_terminator="\n").encode("utf-8")


# A cell a spreadsheet would run as a formula (CSV injection), unless it is a plain number.
_FORMULA = r"^[=+\-@\t\r]"
_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"


def excel_safe(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with every text cell that a spreadsheet would run as a formula prefixed
    with ``'``: cells beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
    except numbers (``-5``, ``+1.5e3``). Text columns (String, Categorical, Enum) become
    String; other columns are unchanged.

    This is what ``csv_bytes(frame, excel=True)``, ``export(..., excel=True)`` and the
    command line's ``--excel`` write. The default output stays the data as it is.

    >>> excel_safe(pl.DataFrame({"a": ["=HYPERLINK(1)", "-5", "-x", "@a", "ok"]}))["a"].to_list()
    ["'=HYPERLINK(1)", '-5', "'-x", "'@a", 'ok']
    """
    text = [
        name
        for name, dtype in frame.schema.items()
        if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum)
    ]
    if not text:
        return frame
    return frame.with_columns(
        pl.when(cell.str.contains(_FORMULA) & ~cell.str.contains(_NUMBER))
        .then(pl.lit("'") + cell)
        .otherwise(cell)
        .alias(name)
        for name in text
        for cell in (pl.col(name).cast(pl.String),)
    )


def _require_bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {value!r}")


def _directory(directory: object) -> Path:
    """``directory`` as a Path with ``~`` expanded; refuse what is not a path."""
    if isinstance(directory, bytes) or not isinstance(directory, str | os.PathLike):
        raise TypeError(
            f"directory must be a str or os.PathLike, not {type(directory).__name__}: {directory!r}"
        )
    text = os.fspath(directory)
    if not isinstance(text, str) or not text.strip() or "\0" in text:
        raise ValueError(f"directory must be a non-empty path, not {directory!r}")
    return Path(text).expanduser()


def _parquet_writer(frame: pl.DataFrame) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        frame.write_parquet(path)

    return write


def export(
    directory: str | os.PathLike[str],
    format: ExportFormat = "csv",
    *,
    overwrite: bool = False,
    excel: bool = False,
) -> list[Path]:
    """Write every table of :data:`TABLES` into ``directory``; return the files written.

    The export is all or nothing: the files are written into a staging directory beside
    ``directory`` and moved in only when every one is complete. If anything fails (disk full,
    a directory in the way, no permission, Ctrl-C) ``directory`` is left exactly as it was
    and the error names the file. Two exports into one directory at the same time never
    mix their files.

    Parameters
    ----------
    directory
        Created if missing (with its parents); ``~`` is expanded. Must be empty unless
        ``overwrite``.
    format
        ``"csv"``: one UTF-8 CSV per table (see :func:`csv_bytes`). ``"parquet"``: one
        Parquet file per table (written by Polars, dtypes kept). ``"datapackage"``: the CSVs
        plus ``datapackage.json``, a Frictionless Data Package v2 whose table schemas come from
        the Pandera models (:func:`datapackage_descriptor`).
    overwrite
        Write into a non-empty directory, replacing the entries of the same names (a symlink
        or hard link there is replaced, never written through); other files are left alone.
    excel
        Start each CSV with a UTF-8 byte-order mark so that Excel shows the Chinese text
        correctly (``"csv"`` and ``"datapackage"`` only; the descriptor then says
        ``"encoding": "utf-8-sig"``). The default is plain UTF-8.

    Raises
    ------
    TypeError
        ``overwrite`` or ``excel`` is not a bool, or ``directory`` is not a path.
    ValueError
        Unknown ``format``, or ``excel`` with ``"parquet"``.
    FileExistsError
        ``directory`` is not empty and ``overwrite`` is false.
    NotADirectoryError
        ``directory`` is an existing file.
    IsADirectoryError
        A directory sits where a file of the export goes.
    ExportError
        Writing or moving a file failed (an ``OSError``: disk full, permissions ...).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in export(tmp, "datapackage")][-2:]
    ['rules_facts.csv', 'datapackage.json']
    """
    _require_bool("overwrite", overwrite)
    _require_bool("excel", excel)
    if not isinstance(format, str) or format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if excel and format == "parquet":
        raise ValueError("excel=True applies to CSV output; choose format 'csv' or 'datapackage'")
    target = _directory(directory)
    files: dict[str, bytes | Callable[[Path], None]] = {}
    csvs: dict[str, bytes] = {}
    for table in TABLES:
        frame = table.load()
        if format == "parquet":
            files[f"{table.name}.parquet"] = _parquet_writer(frame)
        else:
            csvs[table.name] = files[f"{table.name}.csv"] = csv_bytes(frame, excel=excel)
    if format == "datapackage":
        encoding: Literal["utf-8", "utf-8-sig"] = "utf-8-sig" if excel else "utf-8"
        descriptor = datapackage_descriptor(TABLES, csvs, encoding=encoding)
        text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
        files["datapackage.json"] = text.encode("utf-8")
    return publish_files(target, files, overwrite=overwrite)


def __dir__() -> list[str]:
    return list(__all__)
