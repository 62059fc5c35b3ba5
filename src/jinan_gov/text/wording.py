"""A target's wording for display, in the two styles the command line and the notebooks use.

One renderer, :func:`render_target`, takes plain values (a figure, its unit, how it is
qualified) so that any table of targets can use it — the plan's indicators, an extracted
report, a frame you built yourself:

- ``style="symbols"``, readable at a glance in a terminal: ``≥ 5.5 %``, ``≈ 6 % (左右)``,
  ``2–3 个``, ``> provincial avg``;
- ``style="words"``, the target as the document states it: ``5.5%以上``, ``控制在3%左右``,
  ``2—3个``, ``高于全省平均水平``.

:func:`target_text` does the same for a row given as a mapping with the usual column names
(``value``, ``value_upper``, ``value_target``, ``value_stretch``, ``unit``, ``qualifier``,
``qualifier_zh`` and, when present, ``benchmark``). :func:`format_number` writes a figure
without float noise.

>>> render_target(5.5, "%", "at_least")
'≥ 5.5 %'
>>> render_target(5.5, "%", "at_least", qualifier_zh="以上", style="words")
'5.5%以上'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, Literal

from jinan_gov.schemas.vocab import QUALIFIERS as _PLAN_QUALIFIERS

__all__ = ("BENCHMARKS", "QUALIFIERS", "STYLES", "format_number", "render_target", "target_text")

Style = Literal["symbols", "words"]

STYLES: Final = ("symbols", "words")
"""The two styles of :func:`render_target`."""

QUALIFIERS: Final = _PLAN_QUALIFIERS
"""Every qualifier :func:`render_target` knows: :data:`jinan_gov.schemas.QUALIFIERS`, the plan's
and ``in_step`` (与经济增长同步) that other reports use."""

BENCHMARKS: Final[Mapping[str, tuple[str, str]]] = {
    "全省": ("provincial avg", "高于全省平均水平"),
    "全国": ("national avg", "高于全国平均水平"),
    "经济增长": ("economic growth", "高于经济增长"),
}
"""What a relative target is measured against: its symbol-style and words-style text."""

_SYMBOLS: Final[Mapping[str, str]] = {
    "at_least": "≥ ",
    "strive": "≥ ",
    "about": "≈ ",
    "cap_about": "≤ ≈ ",
    "at_most": "≤ ",
    "exceed": "> ",
}
# Qualifiers whose symbol alone loses the nuance of the Chinese wording: show the wording too.
_SHOW_WORDING: Final = frozenset({"about", "cap_about", "exceed", "reach", "strive"})
# Chinese qualifiers written after the figure (5.5%以上); all others go before it (不低于20天).
_SUFFIX_WORDS: Final = ("以上", "左右", "余", "以内", "以下")


def format_number(value: float | None) -> str:
    """A figure as a document writes it: no float noise, no exponent, no trailing zeros.

    Parameters
    ----------
    value
        Any real number; ``None`` and NaN stand for "no figure".

    Returns
    -------
    str
        A whole number in full, anything else to ten significant digits; ``'–'`` for no
        figure.

    Examples
    --------
    >>> format_number(5.0), format_number(12027.5), format_number(6.1 - 5.5), format_number(-49.2)
    ('5', '12027.5', '0.6', '-49.2')
    >>> format_number(1e-5), format_number(2.5e12), format_number(-0.0), format_number(None)
    ('0.00001', '2500000000000', '0', '–')
    """
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"format_number() takes a real number or None, got {value!r}")
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = format(Decimal(f"{value:.10g}"), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _benchmark(benchmark: str | None, words: str, style: int) -> str | None:
    """What a relative target is measured against, as text of a style (0 symbols, 1 words).

    The benchmark is the one given, else the one its wording names (高于全省…); ``None``
    when neither says.
    """
    name = benchmark or next((known for known in BENCHMARKS if known in words), None)
    if name is None:
        return None
    if name in BENCHMARKS:
        return BENCHMARKS[name][style]
    return name if style == 0 else f"高于{name}"


@dataclass(frozen=True)
class _Target:
    value: float | None
    unit: str
    qualifier: str
    upper: float | None
    tiers: tuple[float | None, float | None]
    words: str
    benchmark: str | None


def _symbols(target: _Target) -> str:
    value, unit, qualifier, words = target.value, target.unit, target.qualifier, target.words

    def figure(number: float | None) -> str:
        return f"{format_number(number)} {unit}" if unit else format_number(number)

    if qualifier in ("above_benchmark", "in_step"):
        shown = _benchmark(target.benchmark, words, 0) or "benchmark"
        return f"> {shown}" if qualifier == "above_benchmark" else f"≈ {shown} (in step)"
    if qualifier == "qualitative" or value is None:
        return "qualitative"
    if qualifier == "range":
        return f"{format_number(value)}–{figure(target.upper)}"
    if qualifier == "tiers":
        parts = [f"≥ {figure(value)}"]
        for label, tier in zip(("target", "stretch"), target.tiers, strict=True):
            if tier is not None:
                parts.append(f"{label} {format_number(tier)}")
        return " · ".join(parts)
    text = _SYMBOLS.get(qualifier, "") + figure(value)
    if qualifier in _SHOW_WORDING and words:
        text += f" ({words})"
    return text


def _words(target: _Target) -> str:
    value, unit, qualifier, words = target.value, target.unit, target.qualifier, target.words
    if qualifier == "qualitative":
        return words or "完成 (qualitative)"
    if qualifier == "above_benchmark":
        return words or _benchmark(target.benchmark, words, 1) or "高于基准"
    if qualifier == "in_step":
        return words or f"与{target.benchmark or '经济增长'}同步"
    if qualifier == "range":
        figures = [format_number(value), f"{format_number(target.upper)}{unit}"]
    elif qualifier == "tiers":
        figures = [f"{format_number(tier)}{unit}" for tier in (value, *target.tiers)]
    else:
        figures = [f"{format_number(value)}{unit}"]
    if "…" in words:
        parts = words.split("…")
        if len(parts) - 1 == len(figures):
            return "".join(p + f for p, f in zip(parts, figures, strict=False)) + parts[-1]
        return words.replace("…", figures[0], 1).replace("…", "")
    figure = ("—" if qualifier == "range" else "、").join(figures)
    if words in _SUFFIX_WORDS:
        return figure + words
    return words + figure


def render_target(
    value: float | None,
    unit: str | None = None,
    qualifier: str = "plain",
    *,
    value_upper: float | None = None,
    value_target: float | None = None,
    value_stretch: float | None = None,
    qualifier_zh: str | None = None,
    benchmark: str | None = None,
    style: Style = "symbols",
) -> str:
    """A target (or an outcome) with its qualifier, as text for display.

    Parameters
    ----------
    value
        The figure as written (the lower bound of a range, the floor of tiers); ``None`` for
        a relative or qualitative target.
    unit
        The unit as written (``"%"``, ``"万人"``, ``"个百分点"``); ``None`` or ``""`` for none.
    qualifier
        One of :data:`QUALIFIERS` (``"at_least"`` for 以上, ``"about"`` for 左右 …).
    value_upper
        The upper bound of a ``"range"`` (2—3个 → 3).
    value_target, value_stretch
        The middle and stretch tiers of ``"tiers"`` (不低于20天、目标25天、力争30天).
    qualifier_zh
        The Chinese qualifier words (``"以上"``, ``"控制在…左右"``, ``"高于全省平均水平"``);
        ``…`` marks where the figures go. The ``"words"`` style is built from them.
    benchmark
        What a relative target (``"above_benchmark"``, ``"in_step"``) is measured against:
        ``"全省"``, ``"全国"``, ``"经济增长"`` (see :data:`BENCHMARKS`) or any name; when
        ``None`` it is read from ``qualifier_zh``.
    style
        ``"symbols"`` (``≥ 5.5 %``) or ``"words"`` (``5.5%以上``).

    Returns
    -------
    str
        The target as text.

    Raises
    ------
    ValueError
        An unknown ``qualifier`` or ``style`` (the message lists the valid ones).
    TypeError
        A figure that is not a real number.

    Examples
    --------
    >>> render_target(6, "%", "cap_about", qualifier_zh="控制在…左右")
    '≤ ≈ 6 % (控制在…左右)'
    >>> render_target(3, "%", "cap_about", qualifier_zh="控制在…左右", style="words")
    '控制在3%左右'
    >>> render_target(2, "个", "range", value_upper=3), render_target(
    ...     2, "个", "range", value_upper=3, qualifier_zh="…—…", style="words")
    ('2–3 个', '2—3个')
    >>> render_target(None, "%", "above_benchmark", benchmark="全国")
    '> national avg'
    >>> render_target(20, "天", "tiers", value_target=25, value_stretch=30)
    '≥ 20 天 · target 25 · stretch 30'
    >>> render_target(5, "%", "sometimes")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown qualifier 'sometimes'; valid: plain, at_least, about, ...
    """
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}; valid: {', '.join(QUALIFIERS)}")
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; valid: {', '.join(STYLES)}")
    for name, number in (
        ("value", value),
        ("value_upper", value_upper),
        ("value_target", value_target),
        ("value_stretch", value_stretch),
    ):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int | float)):
            raise TypeError(f"{name} must be a real number or None, got {number!r}")
    render = _symbols if style == "symbols" else _words
    target = _Target(
        value=value,
        unit=unit or "",
        qualifier=qualifier,
        upper=value_upper,
        tiers=(value_target, value_stretch),
        words=qualifier_zh or "",
        benchmark=benchmark,
    )
    return render(target)


def target_text(row: Mapping[str, Any], style: Style = "symbols") -> str:
    """:func:`render_target` for a row given as a mapping (a dict of a frame's row).

    The row needs ``value``, ``unit`` and ``qualifier``; ``value_upper``, ``value_target``,
    ``value_stretch``, ``qualifier_zh`` and ``benchmark`` are used when present. Any table
    with these column names works: :func:`jinan_gov.indicators`, an extracted report.

    Examples
    --------
    >>> from jinan_gov import indicators
    >>> rows = {r["id"]: r for r in indicators().to_dicts()}
    >>> for i in ("gdp_growth_2023", "services_value_added_growth_2023", "cpi_growth_2023",
    ...           "foreign_trade_growth_2023", "energy_emission_targets_2023",
    ...           "new_urban_jobs_2023", "industrial_internet_parks_new_2023",
    ...           "power_coal_stock_days_2023", "cloud_enterprises_2022"):
    ...     print(target_text(rows[i]), "|", target_text(rows[i], style="words"))
    ≥ 5.5 % | 5.5%以上
    ≈ 6 % (左右) | 6%左右
    ≤ ≈ 3 % (控制在…左右) | 控制在3%左右
    > provincial avg | 高于全省平均水平
    qualitative | 完成 (qualitative)
    15 万人 | 15万人
    2–3 个 | 2—3个
    ≥ 20 天 · target 25 · stretch 30 | 不低于20天、目标25天、力争30天
    > 6 万家 (突破) | 突破6万家
    """
    missing = [key for key in ("value", "unit", "qualifier") if key not in row]
    if missing:
        raise KeyError(f"a target row needs the keys value, unit, qualifier; missing {missing}")
    return render_target(
        row["value"],
        row["unit"],
        row["qualifier"],
        value_upper=row.get("value_upper"),
        value_target=row.get("value_target"),
        value_stretch=row.get("value_stretch"),
        qualifier_zh=row.get("qualifier_zh"),
        benchmark=row.get("benchmark"),
        style=style,
    )


def __dir__() -> list[str]:
    return list(__all__)
