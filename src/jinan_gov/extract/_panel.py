"""Many documents at once, and each target beside last year's outcome of its indicator."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from jinan_gov.extract._outcomes import extract_outcomes, outcome_rows
from jinan_gov.plan import pair_by_indicator
from jinan_gov.schemas.validation import validate

if TYPE_CHECKING:
    import pandera.polars as pa

__all__ = ("extract_many", "target_vs_outcome")

_PAIR_TARGET = (
    "id",
    "name_zh",
    "value",
    "value_upper",
    "unit",
    "qualifier",
    "qualifier_zh",
)
_PAIR_OUTCOME = ("id", "name_zh", "year", "value", "unit", "quote")
_CHUNK = 64
_Result = tuple[str, pl.DataFrame]


def _targets(text: str) -> pl.DataFrame:
    from jinan_gov.extract import extract_targets  # noqa: PLC0415 - the package imports us

    return extract_targets(text)


def _target_rows(text: str) -> pl.DataFrame:
    from jinan_gov.extract import _target_rows as rows  # noqa: PLC0415 - the package imports us

    return rows(text)


def _model(outcomes: bool) -> type[pa.DataFrameModel]:
    from jinan_gov.schemas import ExtractedOutcomeSchema, ExtractedTargetSchema  # noqa: PLC0415

    return ExtractedOutcomeSchema if outcomes else ExtractedTargetSchema


def _validated(panel: pl.DataFrame, outcomes: bool) -> pl.DataFrame:
    """Check every row of a panel against the one-document model, in one validation.

    The model's ids (and target numbers) are unique within a document, not across the
    panel: those columns are checked here per document, and the rows go through the model
    with row numbers in their place (one query for the whole panel, not one a document).
    """
    prefix = "o" if outcomes else "t"
    ids = panel["id"]
    if (
        not ids.str.contains(rf"^{prefix}\d{{2,}}$").all()
        or panel.select(pl.struct("doc", "id").is_duplicated().any()).item()
    ):
        raise RuntimeError(f"extract_many(): ids are not unique {prefix}NN within documents")
    width = max(2, len(str(panel.height)))
    numbered = panel.drop("doc").with_columns(
        pl.format(
            f"{prefix}{{}}", pl.int_range(1, panel.height + 1).cast(pl.String).str.zfill(width)
        ).alias("id"),
    )
    if not outcomes:
        if (panel["target_no"] < 1).any():
            raise RuntimeError("extract_many(): target numbers start at 1")
        numbered = numbered.with_columns(
            pl.int_range(1, panel.height + 1).cast(panel.schema["target_no"]).alias("target_no")
        )
    validate(_model(outcomes), numbered)
    return panel


def target_vs_outcome(text: str) -> pl.DataFrame:
    """Each target of a report or plan beside last year's outcome of the same indicator.

    Targets (:func:`~jinan_gov.extract.extract_targets`) and outcomes
    (:func:`~jinan_gov.extract.extract_outcomes`, whole-jurisdiction figures of the year
    reviewed, the first statement of each indicator) are paired by ``indicator``.

    Returns
    -------
    polars.DataFrame
        One row per target: ``indicator``, ``name_zh``, the target's ``id_target``,
        ``value_target``, ``value_upper_target``, ``unit_target``, ``qualifier_target``,
        ``target_text`` (the target as the report words it, e.g. ``5%左右``), the
        outcome's ``id_outcome``, ``name_zh_outcome``, ``year_outcome``,
        ``value_outcome``, ``unit_outcome``, ``quote_outcome``, ``paired`` and ``gap``
        (target minus outcome in the target's unit; null without both figures in one unit).

    Examples
    --------
    >>> pairs = target_vs_outcome(
    ...     "一、2025年工作回顾。全省地区生产总值增长5.4%。"
    ...     "今年主要预期目标是：地区生产总值增长5%左右。"
    ... )
    >>> pairs.select("indicator", "value_target", "value_outcome", "gap").rows()
    [('gdp_growth', 5.0, 5.4, -0.4)]
    """
    outcomes = (
        extract_outcomes(text)
        .filter(pl.col("indicator").is_not_null() & (pl.col("period") == "year"))
        .unique("indicator", keep="first", maintain_order=True)
    )
    joined = pair_by_indicator(
        outcomes.select("indicator", *_PAIR_OUTCOME),
        _targets(text).select("indicator", *_PAIR_TARGET),
        keep="targets",
    )
    same_unit = pl.col("unit_target") == pl.col("unit_outcome")
    return joined.select(
        "indicator",
        pl.col("name_zh_target").alias("name_zh"),
        *(f"{c}_target" for c in _PAIR_TARGET if c != "name_zh"),
        *(f"{c}_outcome" for c in _PAIR_OUTCOME),
        # as before the shared join: no wording for a target without a figure
        pl.when(pl.col("value_target").is_not_null())
        .then(pl.col("target_text_target"))
        .alias("target_text"),
        "paired",
        pl.when(same_unit)
        .then((pl.col("value_target") - pl.col("value_outcome")).round(6))
        .otherwise(None)
        .alias("gap"),
    )


def _read(source: object) -> tuple[str, str]:
    if isinstance(source, str | os.PathLike):
        from jinan_gov.extract import read_report  # noqa: PLC0415

        path = Path(source)
        return path.stem, read_report(path)
    raise TypeError(
        "extract_many() takes a mapping of document names to texts or an iterable of paths, "
        f"got an item of type {type(source).__name__}"
    )


def _name(source: object) -> str:
    if isinstance(source, str | os.PathLike):
        return Path(source).stem
    return _read(source)[0]  # raises the TypeError


def _documents(
    texts: Mapping[str, str] | Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[str, str]]:
    if isinstance(texts, str | bytes | bytearray):
        raise TypeError(
            "extract_many() takes a mapping {name: text} or an iterable of paths, not a single "
            f"{type(texts).__name__}; use extract_targets() for one text"
        )
    seen: set[str] = set()
    items: Iterable[tuple[object, object]]
    if isinstance(texts, Mapping):
        items = texts.items()
    elif isinstance(texts, Iterable):
        items = ((_name(source), source) for source in texts)
    else:
        raise TypeError(
            f"extract_many() takes a mapping or an iterable, got {type(texts).__name__}"
        )
    for name, given in items:
        if not isinstance(name, str) or not name:
            raise TypeError(f"extract_many(): document names are non-empty str, got {name!r}")
        if name in seen:
            raise ValueError(f"extract_many(): document name {name!r} is given more than once")
        text = given if isinstance(texts, Mapping) else _read(given)[1]
        if not isinstance(text, str):
            raise TypeError(
                f"extract_many(): the text of {name!r} is {type(text).__name__}, not str"
                + ("; decode it first" if isinstance(text, bytes | bytearray) else "")
            )
        if name in seen:
            raise ValueError(f"extract_many(): document name {name!r} is given more than once")
        seen.add(name)
        yield name, text


def _one(job: tuple[str, str, bool]) -> tuple[str, pl.DataFrame]:
    """One document's rows, not yet validated (the panel is validated once)."""
    name, text, outcomes = job
    return name, outcome_rows(text) if outcomes else _target_rows(text)


def _panel(results: Iterable[tuple[str, pl.DataFrame]], outcomes: bool) -> pl.DataFrame:
    """One frame, ``doc`` first, from each document's name and rows."""
    names: list[str] = []
    heights: list[int] = []
    frames: list[pl.DataFrame] = []
    for name, frame in results:
        names.append(name)
        heights.append(frame.height)
        frames.append(frame)
    if not frames:
        frames = [_one(("", "", outcomes))[1]]
    rows = pl.concat(frames, how="vertical", rechunk=True)
    doc = (
        pl.DataFrame({"doc": names, "n": heights}, schema={"doc": pl.String, "n": pl.Int64})
        .filter(pl.col("n") > 0)
        .select(pl.col("doc").repeat_by("n").explode())
    )
    return _validated(pl.concat([doc, rows], how="horizontal"), outcomes)


def _progress(
    progress: bool | None, total: int | None
) -> Callable[[Iterator[_Result]], Iterator[_Result]]:
    wanted = sys.stderr.isatty() if progress is None else progress
    if not wanted:
        return lambda frames: frames
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        return lambda frames: frames
    return lambda frames: iter(tqdm(frames, total=total, unit="doc"))


def extract_many(
    texts: Mapping[str, str] | Iterable[str | os.PathLike[str]],
    *,
    outcomes: bool = False,
    processes: int | None = None,
    progress: bool | None = None,
) -> pl.DataFrame:
    """Targets (or outcomes) of many documents in one frame, keyed by ``doc`` and ``id``.

    Parameters
    ----------
    texts
        ``{name: text}``, or paths of UTF-8/GB18030 text files (the name is the file's
        stem). Names must be unique.
    outcomes
        Read last year's outcomes (:func:`extract_outcomes`) instead of the targets.
    processes
        Read the documents in this many worker processes (``None`` or 1: in this one).
    progress
        Show a progress bar (needs ``tqdm``, which is optional); by default only when
        standard error is a terminal.

    Returns
    -------
    polars.DataFrame
        ``doc`` first, then the columns of
        :class:`~jinan_gov.schemas.ExtractedTargetSchema` (or
        :class:`~jinan_gov.schemas.ExtractedOutcomeSchema`); (``doc``, ``id``) is unique.

    Raises
    ------
    TypeError
        A text that is not ``str``, a name that is not a non-empty ``str``, or a single
        string instead of a collection.
    ValueError
        A document name given twice.

    Examples
    --------
    >>> panel = extract_many({"甲省": "今年主要预期目标是：地区生产总值增长5%左右。",
    ...                       "乙省": "今年主要预期目标是：地区生产总值增长4.5%。"})
    >>> panel.select("doc", "id", "indicator", "value").rows()
    [('甲省', 't01', 'gdp_growth', 5.0), ('乙省', 't01', 'gdp_growth', 4.5)]
    """
    if processes is not None and (not isinstance(processes, int) or processes < 1):
        raise ValueError(f"extract_many(): processes is a positive int or None, got {processes!r}")
    jobs = ((name, text, bool(outcomes)) for name, text in _documents(texts))
    total = len(texts) if isinstance(texts, Mapping) else None
    wrap = _progress(progress, total)
    if processes is None or processes == 1:
        return _panel(wrap(map(_one, jobs)), bool(outcomes))
    with ProcessPoolExecutor(max_workers=processes) as pool:
        return _panel(wrap(pool.map(_one, jobs, chunksize=_CHUNK)), bool(outcomes))


def __dir__() -> list[str]:
    return list(__all__)
