"""The table of every qualifier × direction pair, in the documentation's words.

``docs/guide/attainment.md`` shows :func:`semantics_table`; a test keeps the two equal, so
the documented meaning of each qualifier is the one :mod:`._semantics` computes.
"""

from __future__ import annotations

from jinan_gov.attainment._semantics import (
    _BY_QUALIFIER,
    ABOUT_BAND,
    ABOUT_HIGH,
    ABOUT_LOW,
    BENCHMARK,
    BENCHMARK_LOW,
    CAP,
    CAP_ABOUT,
    EXCEED,
    FLOOR,
    IN_STEP,
    IN_STEP_LOW,
    QUALITATIVE,
    RANGE,
    RANGE_BAND,
    RANGE_LOW,
    TIERS_CODE,
    TIERS_LOW,
    UNDER,
)
from jinan_gov.schemas.vocab import DIRECTIONS, QUALIFIERS

__all__ = ("semantics_table",)

_EXAMPLES = {
    "at_least": "5.5%以上, 不低于",
    "strive": "力争5%",
    "plain": "新增城镇就业15万人",
    "reach": "达到17%",
    "exceed": "突破700亿元",
    "about": "6%左右",
    "cap_about": "控制在3%左右",
    "at_most": "以内, 不超过",
    "range": "2—3个",
    "tiers": "不低于20天、目标25天、力争30天",
    "above_benchmark": "高于全省平均水平",
    "in_step": "与经济增长同步",
    "qualitative": "完成省下达的…约束性指标",
}
# Examples of the lower-is-better reading, where it differs from the one above.
_LOWER_EXAMPLES = {
    "plain": "城镇调查失业率5.5%",
    "strive": "失业率力争控制在5.5%以内",
    "exceed": "降到…以下",
    "range": "失业率控制在5%—5.5%",
    "tiers": "不高于…、目标…、力争…",
    "above_benchmark": "失业率好于全国平均水平",
}

# What each comparison means: (attained when, exceeded when), in the docs' words.
_WORDING: dict[int, tuple[str, str]] = {
    FLOOR: ("actual ≥ target", "actual > target"),
    CAP: ("actual ≤ target", "actual < target"),
    EXCEED: ("actual > target (equal is not enough)", "actual > target"),
    UNDER: ("actual < target (equal is not enough)", "actual < target"),
    ABOUT_HIGH: ("actual ≥ target − tolerance", "actual > target + tolerance"),
    ABOUT_LOW: ("actual ≤ target + tolerance", "actual < target − tolerance"),
    ABOUT_BAND: ("target − tolerance ≤ actual ≤ target + tolerance", "never"),
    CAP_ABOUT: ("actual ≤ target + tolerance", "actual < target − tolerance"),
    RANGE: ("actual ≥ lower bound", "actual > upper bound"),
    RANGE_LOW: ("actual ≤ upper bound", "actual < lower bound"),
    RANGE_BAND: ("lower bound ≤ actual ≤ upper bound", "never"),
    TIERS_CODE: ("actual ≥ floor tier", "actual ≥ stretch tier"),
    TIERS_LOW: ("actual ≤ floor tier", "actual ≤ stretch tier"),
    BENCHMARK: ("actual > benchmark (with a margin: actual ≥ benchmark + margin)", "never"),
    BENCHMARK_LOW: ("actual < benchmark (with a margin: actual ≤ benchmark − margin)", "never"),
    IN_STEP: ("actual ≥ benchmark", "never"),
    IN_STEP_LOW: ("actual ≤ benchmark", "never"),
    QUALITATIVE: ("actual is true (1)", "never"),
}


def semantics_table() -> str:
    """The Markdown table of every qualifier × direction pair (as the docs show it).

    Directions read the same way share a row.

    >>> semantics_table().splitlines()[2].startswith("| `plain` | higher, neutral |")
    True
    """
    lines = [
        "| qualifier | direction | example | attained when | `exceeded` when |",
        "|---|---|---|---|---|",
    ]
    for qualifier in QUALIFIERS:
        codes = _BY_QUALIFIER[qualifier]
        for code in dict.fromkeys(codes):
            directions = ", ".join(d for d, c in zip(DIRECTIONS, codes, strict=True) if c == code)
            attained, exceeded = _WORDING[code]
            example = _EXAMPLES[qualifier]
            if directions == "lower":
                example = _LOWER_EXAMPLES.get(qualifier, "(lower is better)")
            lines.append(f"| `{qualifier}` | {directions} | {example} | {attained} | {exceeded} |")
    return "\n".join(lines)


def __dir__() -> list[str]:
    return list(__all__)
