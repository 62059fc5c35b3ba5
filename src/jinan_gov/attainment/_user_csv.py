"""Read a values CSV the way people have them: any common encoding, stdin, pipes, stray spaces.

The file is read whole as bytes (so ``-``, ``/dev/stdin`` and named pipes work like files),
decoded (UTF-8 with or without a BOM, UTF-16/32 with a BOM, GB18030/GBK as saved by Chinese
Excel), parsed with every column as text and then converted to the schema's dtypes: no type is
guessed from the first rows. Numbers may carry spaces and full-width digits (``６．１``).
"""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

from jinan_gov.errors import InvalidActualsError, brief
from jinan_gov.text.user_files import UserSource, read_user_bytes, to_utf8

__all__ = ("CsvSource", "read_values_csv")

CsvSource = UserSource
"""A path, ``"-"`` for standard input, or an open file."""

_EXAMPLES = 3


def _clean(column: pl.Expr) -> pl.Expr:
    """Text as typed: outer spaces (also full-width ones) gone, full-width forms folded."""
    return column.str.normalize("NFKC").str.strip_chars().replace("", None)


_TRUE_FALSE = {"true": "1", "false": "0"}


def _numbers(
    frame: pl.DataFrame, column: str, name: str, qualitative: Collection[str] | None = None
) -> pl.Series:
    """The value column as Float64, naming the first values that are not numbers.

    With ``qualitative`` (the ids of the qualitative targets), ``true``/``false`` in any case
    are read as 1/0 on their rows, and refused with their line on any other row.
    """
    text = frame[column]
    parsed = text.cast(pl.Float64, strict=False)
    if parsed.null_count() == text.null_count():
        return parsed
    cleaned = frame.select(_clean(pl.col(column)).str.replace_all("−", "-"))[column]
    lowered = cleaned.str.to_lowercase()
    word = lowered.is_in(list(_TRUE_FALSE)).fill_null(value=False)
    accepted = "" if qualitative is None else " (or true/false, 1/0 for a qualitative target)"
    if qualitative is not None and word.any():
        lines = frame.with_row_index("line", offset=2).filter(
            word & ~frame["id"].str.strip_chars().is_in(list(qualitative))
        )
        if lines.height:
            line, target, value = lines.select("line", "id", column).row(0)
            raise InvalidActualsError(
                f"{name}: line {line}: {value!r} for {brief(target)}, which is not a "
                f"qualitative target; true/false is only for {sorted(qualitative)}, "
                "other targets take numbers"
            )
        cleaned = lowered.replace_strict(_TRUE_FALSE, default=cleaned)
    parsed = cleaned.cast(pl.Float64, strict=False)
    bad = frame.with_row_index("line", offset=2).filter(parsed.is_null() & cleaned.is_not_null())
    if bad.height:
        examples = ", ".join(
            f"line {line}: {brief(value)}"
            for line, value in bad.select("line", column).head(_EXAMPLES).rows()
        )
        raise InvalidActualsError(
            f"{name}: column {column!r} must be numeric{accepted}; found {examples}"
        )
    return parsed


def read_values_csv(
    source: CsvSource,
    column: str,
    qualitative: Collection[str] | None = None,
    *,
    blanks: bool = True,
) -> pl.DataFrame:
    """Read ``id,<column>[,scenario]`` from a CSV a user wrote, with clear errors.

    Returns ``id`` (String), ``column`` (Float64) and ``scenario`` (String, null if absent).
    ``qualitative``: ids whose value may be written ``true``/``false`` (read as 1/0).
    ``blanks``: whether an empty value cell is read as null (else an error naming its line).
    """
    raw, name = read_user_bytes(source, f"{column}s", InvalidActualsError)
    if not raw.strip():
        raise InvalidActualsError(f"{name} is empty; expected a header id,{column}[,scenario]")
    try:
        text = pl.read_csv(to_utf8(raw, name, InvalidActualsError), infer_schema=False)
    except pl.exceptions.PolarsError as error:
        first = str(error).splitlines()[0]
        raise InvalidActualsError(f"cannot read {name} as CSV: {first}") from error
    text = text.rename(_clean_header)
    missing = [c for c in ("id", column) if c not in text.columns]
    separator = next((mark for mark in (";", "\t", "|") if mark in text.columns[0]), None)
    if missing and len(text.columns) == 1 and separator:
        raise InvalidActualsError(
            f"{name}: the header {brief(text.columns[0])} is one column separated by "
            f"{separator!r}; columns must be separated by commas: id,{column}[,scenario]"
        )
    if missing:
        raise InvalidActualsError(
            f"{name}: missing column(s) {missing}; need id,{column}[,scenario], "
            f"found {text.columns}"
        )
    extra = sorted(set(text.columns) - {"id", column, "scenario"})
    if extra:
        raise InvalidActualsError(f"{name}: unexpected column(s) {extra}")
    if "scenario" not in text.columns:
        text = text.with_columns(scenario=pl.lit(None, dtype=pl.String))
    ids = pl.col("id")
    folded = (
        _clean(ids) if text["id"].str.contains(r"[^\x00-\x7F]").any() else ids.str.strip_chars()
    )
    labels = text.select(folded.replace("", None), pl.col("scenario").str.strip_chars())
    missing_ids = labels.with_row_index("line", offset=2).filter(pl.col("id").is_null())
    if missing_ids.height:
        lines = missing_ids["line"].head(_EXAMPLES).to_list()
        raise InvalidActualsError(
            f"{name}: invalid {column}s (id: not_nullable): no id on line(s) {lines}"
        )
    values = _numbers(text, column, name, qualitative).alias(column)
    if not blanks and values.null_count():
        line, target = (
            pl.DataFrame([labels["id"], values])
            .with_row_index("line", offset=2)
            .filter(pl.col(column).is_null())
            .select("line", "id")
            .row(0)
        )
        raise InvalidActualsError(
            f"{name}: line {line}: no {column} for {brief(target)} ({values.null_count()} "
            f"blank cell(s)); give a value, or say that blanks mean not yet known "
            "(missing='unknown'; jinan-gov assess --blank-unknown)"
        )
    return pl.DataFrame([labels["id"], values, labels["scenario"]])


def _clean_header(header: str) -> str:
    return header.strip().strip("\ufeff").strip()


def __dir__() -> list[str]:
    return list(__all__)
