"""What-if inputs for the 2023 main targets: which kind of input each takes, over what range.

Public as :func:`jinan_gov.attainment.what_if_targets`.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from jinan_gov.plan import plan_pairs, targets_2023
from jinan_gov.schemas.tables import cached_frame

__all__ = ("what_if_targets",)

_SCHEMA = pl.Schema(
    {
        "id": pl.String,
        "name_zh": pl.String,
        "name_en": pl.String,
        "unit": pl.String,
        "target_text": pl.String,
        "binding": pl.Boolean,
        "input": pl.String,
        "default": pl.Float64,
        "min": pl.Float64,
        "max": pl.Float64,
        "step": pl.Float64,
    }
)


@cached_frame
def what_if_targets() -> pl.DataFrame:
    """The 2023 main targets with the input a what-if scenario gives each, and its range.

    The notebook explorer :func:`jinan_gov.widgets.attainment_what_if` builds one slider,
    text box or checkbox per row; a script can use the same ranges to draw scenarios for
    :func:`jinan_gov.assess`.

    Returns
    -------
    polars.DataFrame
        ``id``, ``name_zh``, ``name_en``, ``unit``, ``target_text``, ``binding``,
        ``input`` (``slider`` for a target with a figure, ``relative`` for one that is
        measured against a benchmark, ``qualitative`` for a yes/no target), ``default``
        (the target's own figure; for a relative target the 2022 outcome when the plan
        reports one, else 0), and the slider's ``min``, ``max`` and ``step``.

    Examples
    --------
    >>> row = what_if_targets().filter(id="gdp_growth_2023").row(0, named=True)
    >>> row["input"], row["default"], row["min"], row["max"], row["step"]
    ('slider', 5.5, 2.7, 8.3, 0.1)
    """
    order = targets_2023().select(pl.col("id").alias("id_2023"))
    pairs = order.join(plan_pairs(), on="id_2023", how="left", maintain_order="left")
    rows: list[dict[str, Any]] = []
    for row in pairs.iter_rows(named=True):
        qualifier, value = row["qualifier_2023"], row["value_2023"]
        if qualifier == "qualitative":
            kind, default, low, high, step = "qualitative", 1.0, 0.0, 1.0, 1.0
        elif qualifier == "above_benchmark":
            kind, step = "relative", 0.1
            default = row["value_2022"] if row["value_2022"] is not None else 0.0
            low, high = default - 20.0, default + 20.0
        else:
            kind = "slider"
            step = 0.1 if round(value * 10, 9).is_integer() else 0.01
            span = round(max(abs(value) * 0.5, 1.0) / step) * step
            default, low, high = value, value - span, value + span
        digits = 2 if step < 0.1 else 1
        rows.append(
            {
                "id": row["id_2023"],
                "name_zh": row["name_zh_2023"],
                "name_en": row["name_en"],
                "unit": row["unit_2023"],
                "target_text": row["target_text_2023"],
                "binding": row["binding_2023"],
                "input": kind,
                "default": round(default, digits),
                "min": round(low, digits),
                "max": round(high, digits),
                "step": step,
            }
        )
    return pl.DataFrame(rows, schema=_SCHEMA, orient="row")


def __dir__() -> list[str]:
    return list(__all__)
