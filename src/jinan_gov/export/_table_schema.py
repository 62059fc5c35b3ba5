"""Pandera models as Frictionless Table Schemas: the published data dictionary is generated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandera.polars as pa
import polars as pl

__all__ = ("ForeignKey", "field_descriptor", "field_type", "table_schema")


@dataclass(frozen=True, slots=True)
class ForeignKey:
    """Columns of one table that must match the primary key of another (Table Schema)."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


def field_type(dtype: pl.DataType | type[pl.DataType]) -> str:
    """The Table Schema ``type`` of a Polars dtype.

    Raises
    ------
    TypeError
        For dtypes with no flat CSV representation (lists, structs, binary ...).

    Examples
    --------
    >>> [field_type(t) for t in (pl.String, pl.Int64, pl.UInt8, pl.Float64, pl.Boolean, pl.Date)]
    ['string', 'integer', 'integer', 'number', 'boolean', 'date']
    >>> field_type(pl.Datetime("us")), field_type(pl.Enum(["a", "b"]))
    ('datetime', 'string')
    >>> field_type(pl.List(pl.String))
    Traceback (most recent call last):
    ...
    TypeError: no Table Schema type for the Polars dtype List(String)
    """
    if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum | pl.Categorical):
        return "string"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype == pl.Date:
        return "date"
    if dtype == pl.Time:
        return "time"
    if dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float() or dtype.is_decimal():
        return "number"
    raise TypeError(f"no Table Schema type for the Polars dtype {dtype}")


def _json_value(value: object) -> object:
    """A check statistic as a JSON value (dates as ISO strings)."""
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if callable(isoformat) else value


def _pattern(regex: str) -> str:
    """A Pandera ``str_matches`` regex (anchored at the start only) as a Table Schema pattern
    (implicitly anchored at both ends)."""
    body = regex.removeprefix("^")
    if body.endswith("$") and not body.endswith("\\$"):
        return body[:-1]
    return f"({body}).*"


def _constraints(column: Any) -> dict[str, object]:
    """Table Schema constraints of one Pandera column; checks with no equivalent are skipped."""
    constraints: dict[str, object] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        stats: Mapping[str, Any] = check.statistics or {}
        name = check.name
        if name == "isin":
            constraints["enum"] = [_json_value(v) for v in stats["allowed_values"]]
        elif name == "equal_to":
            constraints["enum"] = [_json_value(stats["value"])]
        elif name == "greater_than_or_equal_to":
            constraints["minimum"] = _json_value(stats["min_value"])
        elif name == "less_than_or_equal_to":
            constraints["maximum"] = _json_value(stats["max_value"])
        elif name == "greater_than":
            constraints["exclusiveMinimum"] = _json_value(stats["min_value"])
        elif name == "less_than":
            constraints["exclusiveMaximum"] = _json_value(stats["max_value"])
        elif name == "in_range":
            low = "minimum" if stats.get("include_min", True) else "exclusiveMinimum"
            high = "maximum" if stats.get("include_max", True) else "exclusiveMaximum"
            constraints[low] = _json_value(stats["min_value"])
            constraints[high] = _json_value(stats["max_value"])
        elif name == "str_matches":
            constraints["pattern"] = _pattern(str(stats["pattern"]))
        elif name == "str_length":
            if stats.get("min_value") is not None:
                constraints["minLength"] = stats["min_value"]
            if stats.get("max_value") is not None:
                constraints["maxLength"] = stats["max_value"]
    return constraints


def field_descriptor(name: str, column: Any) -> dict[str, object]:
    """The Table Schema field descriptor of one column of a Pandera schema.

    ``column`` is a value of ``Model.to_schema().columns``.

    Examples
    --------
    >>> from jinan_gov.schemas import RuleFactSchema
    >>> column = RuleFactSchema.to_schema().columns["value"]
    >>> field_descriptor("value", column)  # doctest: +NORMALIZE_WHITESPACE
    {'name': 'value', 'type': 'number',
     'description': 'The figure (5 working days, 3 times ...); null if none.',
     'constraints': {'exclusiveMinimum': 0}}
    """
    field: dict[str, object] = {"name": name, "type": field_type(column.dtype.type)}
    if column.description:
        field["description"] = column.description
    constraints = _constraints(column)
    if constraints:
        field["constraints"] = constraints
    return field


def _primary_key(schema: pa.DataFrameSchema) -> list[str]:
    """Config ``unique`` (several columns) if set, else the first unique non-nullable column."""
    if schema.unique:
        return [schema.unique] if isinstance(schema.unique, str) else list(schema.unique)
    for name, column in schema.columns.items():
        if column.unique and not column.nullable:
            return [name]
    return []


def table_schema(
    model: type[pa.DataFrameModel],
    *,
    primary_key: Sequence[str] | None = None,
    foreign_keys: Sequence[ForeignKey] = (),
) -> dict[str, object]:
    """Generate a Frictionless Table Schema from a Pandera ``DataFrameModel``.

    Parameters
    ----------
    model
        A Pandera (polars) model, e.g. :class:`jinan_gov.schemas.IndicatorSchema`.
    primary_key
        Columns of the primary key. By default the model's ``Config.unique`` columns if
        set, else its first unique, non-nullable column (the stable id).
    foreign_keys
        References to other resources of the package.

    Returns
    -------
    dict
        ``{"fields": [...], "primaryKey": [...], "foreignKeys": [...]}``, JSON-serialisable.

    Raises
    ------
    ValueError
        A primary or foreign key names a column the model does not have.
    TypeError
        A column's dtype has no Table Schema type.

    Examples
    --------
    >>> from jinan_gov.schemas import ChapterSchema
    >>> schema = table_schema(ChapterSchema)
    >>> schema["primaryKey"], [f["type"] for f in schema["fields"]][:2]
    (['chapter_no'], ['integer', 'string'])
    >>> schema["fields"][0]["constraints"]
    {'required': True, 'unique': True, 'minimum': 1, 'maximum': 13}
    """
    schema = model.to_schema()
    columns = schema.columns
    key = list(primary_key) if primary_key is not None else _primary_key(schema)
    named = [*key, *(name for fk in foreign_keys for name in fk.fields)]
    unknown = [name for name in named if name not in columns]
    if unknown:
        raise ValueError(f"{model.__name__} has no column(s) {unknown}; columns: {list(columns)}")
    descriptor: dict[str, object] = {
        "fields": [field_descriptor(name, column) for name, column in columns.items()]
    }
    if key:
        descriptor["primaryKey"] = key
    if foreign_keys:
        descriptor["foreignKeys"] = [
            {
                "fields": list(fk.fields),
                "reference": {"resource": fk.resource, "fields": list(fk.reference)},
            }
            for fk in foreign_keys
        ]
    return descriptor


def __dir__() -> list[str]:
    return list(__all__)
