"""The 2023 plan's indicators: 2022 outcomes, 2023 main targets and 2023 task targets.

Three curated CSV tables (``outcomes_2022.csv``, ``targets_2023.csv``,
``tasks_2023.csv``) hold one row per quantitative statement of the plan
(济政发〔2023〕4号), each with the verbatim quote that states it. The loaders add
the derived columns (``table``, ``value_base``, ``unit_base``) and validate
the result against :class:`jinan_gov.schemas.IndicatorSchema`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import polars as pl
from pandera.typing.polars import DataFrame

from jinan_gov._tables import polars_schema, read_csv
from jinan_gov.errors import UnknownIdError
from jinan_gov.schemas import INDICATOR_TABLES, UNIT_MULTIPLIERS, IndicatorSchema

__all__ = (
    "base_unit",
    "indicators",
    "outcomes_2022",
    "select_indicators",
    "targets_2023",
    "tasks_2023",
)

_DERIVED = ("table", "value_base", "unit_base")


def base_unit(unit: str | None) -> tuple[float, str | None]:
    """Split a written unit into its 万/亿/万亿 multiplier and the base unit.

    Percentages, percentage points and units without a Chinese multiplier
    stay as they are (multiplier 1). 千 is not a multiplier: 千瓦 is a unit.

    >>> base_unit("万个")
    (10000.0, '个')
    >>> base_unit("万亿元")
    (1000000000000.0, '元')
    >>> base_unit("个百分点")
    (1.0, '个百分点')
    >>> base_unit("万千瓦")
    (10000.0, '千瓦')
    """
    if unit is None:
        return 1.0, None
    for prefix, factor in UNIT_MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return factor, unit[len(prefix) :]
    return 1.0, unit


def _with_base_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """Add value_base/unit_base with one vectorised expression per multiplier."""
    unit = pl.col("unit")
    factor: pl.Expr = pl.lit(1.0)
    stripped: pl.Expr = unit
    # Longest prefix first (万亿 before 亿 and 万), so build the chain in reverse.
    for prefix, multiplier in reversed(UNIT_MULTIPLIERS):
        matches = unit.str.starts_with(prefix) & (unit.str.len_chars() > len(prefix))
        factor = pl.when(matches).then(pl.lit(multiplier)).otherwise(factor)
        stripped = pl.when(matches).then(unit.str.slice(len(prefix))).otherwise(stripped)
    return frame.with_columns(
        value_base=pl.col("value") * factor,
        unit_base=stripped,
    )


def _curated_schema() -> pl.Schema:
    full = polars_schema(IndicatorSchema)
    return pl.Schema({name: dtype for name, dtype in full.items() if name not in _DERIVED})


@cache
def _load(table: str) -> DataFrame[IndicatorSchema]:
    frame = read_csv(f"{table}.csv", _curated_schema()).with_columns(table=pl.lit(table))
    ordered = _with_base_columns(frame).select(list(IndicatorSchema.to_schema().columns))
    return IndicatorSchema.validate(ordered, lazy=True)


def outcomes_2022() -> DataFrame[IndicatorSchema]:
    """Every quantitative 2022 outcome reported in part 一 of the plan.

    >>> gdp = outcomes_2022().filter(id="gdp_2022")
    >>> gdp.select("value", "unit", "value_base").row(0)
    (12027.5, '亿元', 1202750000000.0)
    """
    return _load("outcomes_2022")


def targets_2023() -> DataFrame[IndicatorSchema]:
    """Every main 2023 target of part 二, with its binding (约束性) or indicative type.

    >>> targets_2023().filter(id="gdp_growth_2023").select("value", "qualifier").row(0)
    (5.5, 'at_least')
    """
    return _load("targets_2023")


def tasks_2023() -> DataFrame[IndicatorSchema]:
    """Every quantitative task target of part 三 (key tasks), with its section path."""
    return _load("tasks_2023")


@cache
def _indicators() -> DataFrame[IndicatorSchema]:
    frame = pl.concat([_load(table) for table in INDICATOR_TABLES], how="vertical")
    return IndicatorSchema.validate(frame, lazy=True)


def indicators() -> DataFrame[IndicatorSchema]:
    """All rows of :func:`outcomes_2022`, :func:`targets_2023` and :func:`tasks_2023`.

    >>> indicators()["table"].unique(maintain_order=True).to_list()
    ['outcomes_2022', 'targets_2023', 'tasks_2023']
    """
    return _indicators()


def select_indicators(ids: Iterable[str]) -> DataFrame[IndicatorSchema]:
    """The rows with these ids, in the order given.

    Raises
    ------
    UnknownIdError
        If any id does not exist; the message suggests close matches.

    >>> select_indicators(["gdp_growth_2023", "gdp_2022"])["id"].to_list()
    ['gdp_growth_2023', 'gdp_2022']
    """
    if isinstance(ids, str):
        raise TypeError("select_indicators() takes a list of ids, not a single string")
    wanted = list(ids)
    table = indicators()
    known = set(table["id"])
    for candidate in wanted:
        if not isinstance(candidate, str) or candidate not in known:
            raise UnknownIdError("indicator id", candidate, known)
    order = pl.DataFrame({"id": wanted}, schema={"id": pl.String})
    return IndicatorSchema.validate(order.join(table, on="id", how="left", maintain_order="left"))
