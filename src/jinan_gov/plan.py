"""The 2023 plan's indicators: 2022 outcomes, 2023 main targets and 2023 task targets.

Three curated CSV tables (``outcomes_2022.csv``, ``targets_2023.csv``,
``tasks_2023.csv``) hold one row per quantitative statement of the plan
(济政发〔2023〕4号), each with the verbatim quote that states it. The loaders add
the derived columns (``table``, ``value_base``, ``unit_base``) and validate
the result against :class:`jinan_gov.schemas.IndicatorSchema`.

:func:`plan_pairs` puts each indicator's 2022 outcome next to its 2023 target (with the
target as the plan words it) through :func:`pair_by_indicator`, the one join of outcomes
and targets that :func:`jinan_gov.extract.target_vs_outcome` uses as well;
:func:`filter_pairs` selects them by section and measure, and
:func:`sections` lists the plan's sections in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, cast

import polars as pl

from jinan_gov.errors import UnknownIdError, brief
from jinan_gov.schemas.tables import cached_frame, polars_schema, read_csv
from jinan_gov.schemas.validation import validate
from jinan_gov.schemas.vocab import INDICATOR_TABLES, MEASURES, UNIT_MULTIPLIERS
from jinan_gov.text.numerals import base_unit, parse_chinese_numeral
from jinan_gov.text.wording import render_target

if TYPE_CHECKING:
    from pandera.typing.polars import DataFrame

    from jinan_gov.schemas import IndicatorSchema

__all__ = (
    "base_unit",
    "filter_pairs",
    "indicators",
    "outcomes_2022",
    "pair_by_indicator",
    "plan_pairs",
    "section_key",
    "sections",
    "select_indicators",
    "targets_2023",
    "tasks_2023",
)

_DERIVED = ("table", "value_base", "unit_base")
_NUMERAL = "一二三四五六七八九十"
_SECTION_KEY = rf"^([{_NUMERAL}]+(?:\([{_NUMERAL}]+\))?)"
_FILTER_COLUMNS = ("section_key_2022", "section_key_2023", "measure")


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


def _model() -> type[IndicatorSchema]:
    """The indicator schema, imported (with pandera) on first validation, not at import."""
    from jinan_gov.schemas import IndicatorSchema  # noqa: PLC0415

    return IndicatorSchema


def _curated_schema() -> pl.Schema:
    full = polars_schema(_model())
    return pl.Schema({name: dtype for name, dtype in full.items() if name not in _DERIVED})


@cached_frame
def _indicators() -> DataFrame[IndicatorSchema]:
    """The three curated tables read, completed and validated together, once.

    One validation of the union checks every row of every table against the schema (and
    ids across the tables); the per-table loaders hand out slices of it.
    """
    schema = _curated_schema()
    frames = [read_csv(f"{table}.csv", schema) for table in INDICATOR_TABLES]
    tables = pl.Series(
        "table", [t for t, f in zip(INDICATOR_TABLES, frames, strict=True) for _ in range(f.height)]
    )
    model = _model()
    # Eager, with as few queries as possible: for tables this small, Polars spends more on
    # starting a query than on running it.
    combined = _with_base_columns(pl.concat(frames).hstack([tables]))
    return validate(model, combined[list(model.to_schema().columns)])


@cached_frame
def _load(table: str) -> DataFrame[IndicatorSchema]:
    frame = _indicators()
    rows = (frame.get_column("table") == table).arg_true()
    # The tables are concatenated in order, so each one is a contiguous slice (no query).
    part = frame.slice(rows[0], len(rows)) if len(rows) else frame.clear()
    if len(rows) and rows[-1] - rows[0] + 1 != len(rows):
        raise RuntimeError(f"indicator table {table!r} is not one run of rows")
    return cast("DataFrame[IndicatorSchema]", part)  # rows of a validated frame


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


def indicators() -> DataFrame[IndicatorSchema]:
    """All rows of :func:`outcomes_2022`, :func:`targets_2023` and :func:`tasks_2023`.

    >>> indicators()["table"].unique(maintain_order=True).to_list()
    ['outcomes_2022', 'targets_2023', 'tasks_2023']
    """
    return _indicators()


def select_indicators(ids: Iterable[str]) -> DataFrame[IndicatorSchema]:
    """The rows with these ids, in the order given.

    Parameters
    ----------
    ids
        Indicator ids (a list, tuple, Series ... of ``str``), each at most once.

    Raises
    ------
    UnknownIdError
        If any id does not exist; the message suggests close matches.
    ValueError
        If an id is given more than once.
    TypeError
        If ``ids`` is a single ``str`` or ``bytes``, not iterable, or holds a
        non-``str`` item.

    Examples
    --------
    >>> select_indicators(["gdp_growth_2023", "gdp_2022"])["id"].to_list()
    ['gdp_growth_2023', 'gdp_2022']
    """
    if isinstance(ids, str | bytes | bytearray | memoryview) or not isinstance(ids, Iterable):
        raise TypeError(
            "select_indicators() takes an iterable of id strings such as ['gdp_2022'], "
            f"got {type(ids).__name__} {brief(ids)}"
        )
    wanted = list(ids)
    table = indicators()
    known = set(table["id"])
    for candidate in wanted:
        if not isinstance(candidate, str):
            raise TypeError(
                f"select_indicators(): indicator ids are str, "
                f"got {type(candidate).__name__} {brief(candidate)}"
            )
        if candidate not in known:
            raise UnknownIdError("indicator id", candidate, known)
    repeated = [id_ for id_, count in Counter(wanted).items() if count > 1]
    if repeated:
        raise ValueError(
            f"select_indicators(): id {brief(repeated[0])} is given more than once; "
            "give each id once"
        )
    order = pl.DataFrame({"id": wanted}, schema={"id": pl.String})
    joined = order.join(table, on="id", how="left", maintain_order="left")
    return validate(_model(), joined)


# --- Outcomes next to targets ---------------------------------------------------------------


def section_key(section: str) -> str:
    """The (一)-level part of a section path, the level the plan explorer filters on.

    >>> section_key("三(一)一是1.")
    '三(一)'
    >>> section_key("一")
    '一'
    """
    match = re.match(_SECTION_KEY, section)
    if match is None:
        raise ValueError(f"not a section of the plan: {section!r} (expected e.g. '三(一)一是1.')")
    return match.group(1)


def _section_order(key: str) -> tuple[int, int]:
    part, _, rest = key.partition("(")
    return parse_chinese_numeral(part), parse_chinese_numeral(rest[:-1]) if rest else 0


@cached_frame
def sections() -> pl.DataFrame:
    """The parts and sections of the plan down to the (一) level, in the plan's order.

    Returns
    -------
    polars.DataFrame
        ``key`` (``"一"``, ``"一(一)"`` … ``"三(七)"``: what :func:`section_key` gives),
        ``section_title_zh``, ``section_title_en`` and ``order`` (0, 1, …).

    Examples
    --------
    >>> sections().head(3).select("key", "section_title_en").rows()  # doctest: +ELLIPSIS
    [('一', ...), ('一(一)', ...), ('一(二)', ...)]
    """
    frames = [outcomes_2022(), targets_2023(), tasks_2023()]
    titles = (
        pl.concat([f.select("section", "section_title_zh", "section_title_en") for f in frames])
        .with_columns(key=pl.col("section").str.extract(_SECTION_KEY))
        .select("key", "section_title_zh", "section_title_en")
        .unique("key", maintain_order=True)
    )
    order = sorted(titles["key"], key=_section_order)
    return titles.with_columns(order=pl.col("key").replace_strict(order, range(len(order)))).sort(
        "order"
    )


_PAIR_COLUMNS = ("id", "section", "name_zh", "name_en", "value", "unit", "measure")
_TARGET_COLUMNS = ("value_upper", "value_target", "value_stretch", "qualifier", "qualifier_zh")


@cached_frame
def plan_pairs() -> pl.DataFrame:
    """Every indicator of the plan once, its 2022 outcome next to its 2023 target.

    Outcomes (part 一) and targets (the main targets of part 二 and the task targets of
    part 三) are paired by their shared ``indicator``; an indicator with only an outcome or
    only a target has nulls on the other side.

    Returns
    -------
    polars.DataFrame
        ``indicator``, ``name_zh``, ``name_en`` and ``measure`` (the target's wording when
        there is one), ``paired``, then ``*_2022`` columns (``id``, ``section``,
        ``section_key``, ``name_zh``, ``value``, ``unit``) and ``*_2023`` columns (the same
        plus ``table``, ``value_upper``, ``value_target``, ``value_stretch``,
        ``qualifier``, ``qualifier_zh``, ``binding`` and ``target_text``, the target as
        the plan states it, e.g. ``5.5%以上``).

    Examples
    --------
    >>> row = plan_pairs().filter(indicator="gdp_growth").row(0, named=True)
    >>> row["value_2022"], row["target_text_2023"], row["section_key_2023"]
    (3.1, '5.5%以上', '二(二)')
    """
    target_frame = pl.concat([targets_2023(), tasks_2023()])
    joined = pair_by_indicator(
        outcomes_2022().select("indicator", *_PAIR_COLUMNS),
        target_frame.select("indicator", *_PAIR_COLUMNS, "table", *_TARGET_COLUMNS, "binding"),
        suffixes=("_2022", "_2023"),
    )
    return joined.select(
        "indicator",
        pl.coalesce("name_zh_2023", "name_zh_2022").alias("name_zh"),
        pl.coalesce("name_en_2023", "name_en_2022").alias("name_en"),
        pl.coalesce("measure_2023", "measure_2022").alias("measure"),
        "paired",
        "id_2022",
        "section_2022",
        pl.col("section_2022").str.extract(_SECTION_KEY).alias("section_key_2022"),
        "name_zh_2022",
        "value_2022",
        "unit_2022",
        "id_2023",
        "table_2023",
        "section_2023",
        pl.col("section_2023").str.extract(_SECTION_KEY).alias("section_key_2023"),
        "name_zh_2023",
        "value_2023",
        "unit_2023",
        "value_upper_2023",
        "value_target_2023",
        "value_stretch_2023",
        "qualifier_2023",
        "qualifier_zh_2023",
        "binding_2023",
        "target_text_2023",
    )


_RENDERED = ("value_upper", "value_target", "value_stretch", "qualifier_zh")


def _target_texts(frame: pl.DataFrame, suffix: str) -> pl.Series:
    """Each target as the document words it (null where there is no qualifier)."""
    present = [c for c in _RENDERED if f"{c}{suffix}" in frame.columns]
    texts = [
        None
        if row[f"qualifier{suffix}"] is None
        else render_target(
            row[f"value{suffix}"],
            row[f"unit{suffix}"],
            row[f"qualifier{suffix}"],
            style="words",
            **{c: row[f"{c}{suffix}"] for c in present},
        )
        for row in frame.iter_rows(named=True)
    ]
    return pl.Series(f"target_text{suffix}", texts, dtype=pl.String)


def pair_by_indicator(
    outcomes: pl.DataFrame,
    targets: pl.DataFrame,
    *,
    suffixes: tuple[str, str] = ("_outcome", "_target"),
    keep: Literal["all", "targets"] = "all",
) -> pl.DataFrame:
    """Outcomes and targets side by side, paired by their ``indicator``.

    The one join behind :func:`plan_pairs` (the 2023 plan) and
    :func:`jinan_gov.extract.target_vs_outcome` (any report): rows with the same
    non-null ``indicator`` are paired; a null ``indicator`` never pairs.

    Parameters
    ----------
    outcomes, targets
        Frames with ``indicator``, ``id``, ``value``, ``unit`` and, for targets,
        ``qualifier`` (optionally ``value_upper``, ``value_target``, ``value_stretch``,
        ``qualifier_zh``); any other columns are carried along. Each indicator should
        occur at most once in ``outcomes``.
    suffixes
        Appended to every column but ``indicator``: outcomes', then targets'.
    keep
        ``"all"``: outcome rows in their order (each beside its target, if any), then
        targets without an outcome; ``"targets"``: one row per target, in their order.

    Returns
    -------
    polars.DataFrame
        ``indicator``, the suffixed columns (outcomes' first with ``"all"``, targets' first
        with ``"targets"``), ``target_text`` + target suffix (the target as the document
        words it, e.g. ``5%左右``; null without a qualifier) and ``paired``.

    Examples
    --------
    >>> outcomes = pl.DataFrame({"indicator": ["gdp_growth"], "id": ["o1"],
    ...                          "value": [5.4], "unit": ["%"]})
    >>> targets = pl.DataFrame({"indicator": ["gdp_growth", None], "id": ["t1", "t2"],
    ...                         "value": [5.0, 3.0], "unit": ["%", "%"],
    ...                         "qualifier": ["about", "plain"],
    ...                         "qualifier_zh": ["左右", None]})
    >>> pair_by_indicator(outcomes, targets, keep="targets").select(
    ...     "id_target", "value_outcome", "target_text_target", "paired").rows()
    [('t1', 5.4, '5%左右', True), ('t2', None, '3%', False)]
    """
    if keep not in ("all", "targets"):
        raise ValueError(f"pair_by_indicator(): keep is 'all' or 'targets', got {keep!r}")
    missing = [
        f"{side}: {column}"
        for side, frame, needed in (
            ("outcomes", outcomes, ("indicator", "id", "value", "unit")),
            ("targets", targets, ("indicator", "id", "value", "unit", "qualifier")),
        )
        for column in needed
        if column not in frame.columns
    ]
    if missing:
        raise ValueError(f"pair_by_indicator(): missing columns ({', '.join(missing)})")
    out_sfx, tgt_sfx = suffixes
    outcome = outcomes.select(
        "indicator",
        *(pl.col(c).alias(f"{c}{out_sfx}") for c in outcomes.columns if c != "indicator"),
    )
    target = targets.select(
        "indicator",
        *(pl.col(c).alias(f"{c}{tgt_sfx}") for c in targets.columns if c != "indicator"),
    )
    if keep == "all":
        joined = outcome.join(
            target, on="indicator", how="full", coalesce=True, maintain_order="left_right"
        )
    else:
        joined = target.join(outcome, on="indicator", how="left", maintain_order="left")
    return joined.with_columns(
        _target_texts(joined, tgt_sfx),
        (pl.col(f"id{out_sfx}").is_not_null() & pl.col(f"id{tgt_sfx}").is_not_null()).alias(
            "paired"
        ),
    )


def filter_pairs(pairs: pl.DataFrame, section: str = "", measure: str = "") -> pl.DataFrame:
    """The rows of :func:`plan_pairs` in a section and of a measure.

    Parameters
    ----------
    pairs
        :func:`plan_pairs` or a subset of it.
    section
        A section key such as ``"一(一)"`` or ``"三(二)"``: keeps indicators whose 2022
        outcome *or* 2023 target is in that section. ``""`` keeps all.
    measure
        One of :data:`jinan_gov.schemas.MEASURES`; ``""`` keeps all.

    Raises
    ------
    ValueError
        An unknown section key or measure (the message lists the valid ones).

    Examples
    --------
    >>> filter_pairs(plan_pairs(), section="二(二)", measure="share").height
    3
    >>> filter_pairs(plan_pairs(), section="九(九)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown section '九(九)'; valid: 一, 一(一), ...
    """
    if not isinstance(pairs, pl.DataFrame):
        raise TypeError(f"filter_pairs() takes a frame of plan_pairs(), got {type(pairs).__name__}")
    missing = [c for c in _FILTER_COLUMNS if c not in pairs.columns]
    if missing:
        raise ValueError(f"filter_pairs() needs the columns of plan_pairs(); missing {missing}")
    keys = sections()["key"].to_list()
    if section and section not in keys:
        raise ValueError(f"unknown section {section!r}; valid: {', '.join(keys)}")
    if measure and measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; valid: {', '.join(MEASURES)}")
    frame = pairs
    if section:
        in_section = (pl.col("section_key_2022") == section) | (
            pl.col("section_key_2023") == section
        )
        frame = frame.filter(in_section.fill_null(value=False))
    if measure:
        frame = frame.filter(pl.col("measure") == measure)
    return frame


def __dir__() -> list[str]:
    return list(__all__)
