"""Chinese numerals 1-999, as used in article labels (第三十九条) and chapter headings.

Only the forms that official documents use are accepted, so that a typo is an
error rather than a silent misreading:

* digits ``一`` … ``九`` (and ``两`` for 2, alone or before ``百``);
* tens ``十`` … ``九十九``: ``十``, ``十一``, ``二十``, ``三十九``; ``一十`` and
  ``一十一`` are accepted too (they are the written forms after a hundred);
* hundreds ``一百`` … ``九百九十九`` with ``零`` for an empty tens place:
  ``一百零五``, ``一百一十``, ``两百``.

Colloquial abbreviations such as ``一百五`` (150 or 105?) or a bare ``百`` are
rejected. :func:`to_chinese_numeral` always writes the canonical form, which
is what :func:`parse_chinese_numeral` reads back.

:func:`parse_chinese_quantity` reads the counts of running text, which go
beyond 999 and may start with a bare magnitude: ``万家`` (ten thousand
enterprises), ``过千亿元`` (over a thousand 亿 yuan), ``百个``, ``三千万``.
"""

from __future__ import annotations

import re

from jinan_gov.schemas.vocab import UNIT_MULTIPLIERS
from jinan_gov.text.normalize import require_text

__all__ = ("base_unit", "parse_chinese_numeral", "parse_chinese_quantity", "to_chinese_numeral")

MIN_NUMERAL = 1
MAX_NUMERAL = 999

_DIGITS = "一二三四五六七八九"
_VALUES = {char: index + 1 for index, char in enumerate(_DIGITS)} | {"两": 2}

_D = f"[{_DIGITS}]"
# hundreds: D百, then nothing, 零D, or D十[D];  or no hundreds: [D]十[D] or D.
_PATTERN = re.compile(
    rf"^(?:(?P<h>{_D}|两)百(?:零(?P<hu>{_D})|(?P<ht>{_D})十(?P<htu>{_D})?)?"
    rf"|(?P<t>{_D})?十(?P<tu>{_D})?"
    rf"|(?P<u>{_D}|两))$"
)


def _value(char: str | None) -> int:
    return 0 if char is None else _VALUES[char]


def parse_chinese_numeral(text: str) -> int:
    """Read a Chinese numeral between 1 and 999.

    Surrounding whitespace is ignored; anything else that is not a numeral in
    one of the accepted forms raises.

    Parameters
    ----------
    text
        The numeral, e.g. ``"三十九"``.

    Returns
    -------
    int
        Its value.

    Raises
    ------
    TypeError
        ``text`` is not a ``str``.
    ValueError
        ``text`` is not a Chinese numeral between 1 and 999.

    Examples
    --------
    >>> parse_chinese_numeral("三十九")
    39
    >>> [parse_chinese_numeral(t) for t in ("十", "十一", "二十", "一百零五", "两", "两百")]
    [10, 11, 20, 105, 2, 200]
    >>> parse_chinese_numeral("一百五")
    Traceback (most recent call last):
    ...
    ValueError: not a Chinese numeral between 1 and 999: '一百五'
    """
    text = require_text(text, "parse_chinese_numeral")
    match = _PATTERN.match(text.strip())
    if match is None:
        raise ValueError(f"not a Chinese numeral between 1 and 999: {text!r}")
    groups = match.groupdict()
    if groups["u"] is not None:
        return _value(groups["u"])
    if groups["h"] is not None:
        tens = _value(groups["ht"])
        units = _value(groups["hu"]) + _value(groups["htu"])
        return 100 * _value(groups["h"]) + 10 * tens + units
    # A bare 十 (no tens digit) is ten.
    return 10 * (_value(groups["t"]) or 1) + _value(groups["tu"])


_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "亿": 10**8}
_SECTION = 10**4  # 千 is the largest unit inside a 万 section


def parse_chinese_quantity(text: str) -> int:
    """Read a count written in Chinese numerals, as running text writes it.

    Beyond :func:`parse_chinese_numeral` it accepts ``千``, the sections
    ``万`` and ``亿`` (``三千万``, ``两万``, ``一亿二千万``), and a bare
    magnitude at the start meaning one of it (``十``, ``百``, ``千``, ``万``,
    ``百亿``, ``千亿``). The colloquial ``一百五`` (150 or 105?) is refused,
    as are digits in a row, units out of order and anything that is not a
    numeral character.

    Parameters
    ----------
    text
        The numeral, e.g. ``"千亿"``; surrounding whitespace is ignored.

    Returns
    -------
    int
        Its value (at least 1, below 10**12).

    Raises
    ------
    TypeError
        ``text`` is not a ``str``.
    ValueError
        ``text`` is not such a numeral.

    Examples
    --------
    >>> [parse_chinese_quantity(t) for t in ("万", "百", "两万", "三千万", "一百零五")]
    [10000, 100, 20000, 30000000, 105]
    >>> parse_chinese_quantity("千亿") == 1000 * 10**8
    True
    >>> parse_chinese_quantity("一百五")
    Traceback (most recent call last):
    ...
    ValueError: not a Chinese count: '一百五' (ambiguous: write 一百零五 or name the unit)
    """
    text = require_text(text, "parse_chinese_quantity")
    chars = text.strip()

    def bad(why: str = "") -> ValueError:
        return ValueError(f"not a Chinese count: {text!r}" + (f" ({why})" if why else ""))

    done = 0  # whole 亿 and 万 sections read so far
    section = 0  # the current section below 万
    digit: int | None = None
    last_small = last_large = 10**12  # units must fall within a section and across sections
    after_zero = False
    for index, char in enumerate(chars):
        if char in _VALUES:
            if digit is not None:
                raise bad("two digits in a row")
            digit = _VALUES[char]
        elif char == "零":
            if index == 0 or digit is not None or after_zero:
                raise bad("misplaced 零")
            after_zero = True
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if digit is None:
                if index != 0:
                    raise bad(f"{char} without a digit")
                digit = 1
            if unit >= last_small or (char == "十" and chars[index - 1 : index] == "两"):
                raise bad(f"{char} out of place")
            section += digit * unit
            digit, last_small, after_zero = None, unit, False
        elif char in _LARGE_UNITS:
            unit = _LARGE_UNITS[char]
            value = section + (digit or 0)
            if value == 0:
                if index != 0:
                    raise bad(f"{char} without a count")
                value = 1
            if unit >= last_large:
                raise bad(f"{char} out of place")
            done = (done + value) * unit if unit > _SECTION else done + value * unit
            section, digit, last_small, last_large, after_zero = 0, None, _SECTION, unit, False
        else:
            raise bad()
    if (
        digit is not None
        and not after_zero
        and (last_small in (100, 1000) or (done and not section))
    ):
        raise bad(f"ambiguous: write {chars[:-1]}零{chars[-1]} or name the unit")
    total = done + section + (digit or 0)
    if not chars or total == 0 or (after_zero and digit is None):
        raise bad()
    return total


def to_chinese_numeral(n: int) -> str:
    """Write an integer between 1 and 999 as a canonical Chinese numeral.

    Canonical means the form used in the Work Rules' labels: ``十`` (not
    ``一十``) for 10-19, ``一百一十`` after a hundred, ``零`` for an empty tens
    place, and ``二`` rather than ``两``.

    Parameters
    ----------
    n
        An ``int`` from 1 to 999 (``bool`` is refused).

    Raises
    ------
    TypeError
        ``n`` is not an ``int`` (or is a ``bool``).
    ValueError
        ``n`` is outside 1-999.

    Examples
    --------
    >>> [to_chinese_numeral(n) for n in (10, 11, 20, 39, 76)]
    ['十', '十一', '二十', '三十九', '七十六']
    >>> to_chinese_numeral(105), to_chinese_numeral(110), to_chinese_numeral(999)
    ('一百零五', '一百一十', '九百九十九')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"to_chinese_numeral() expects int, got {type(n).__name__}")
    if not MIN_NUMERAL <= n <= MAX_NUMERAL:
        raise ValueError(f"to_chinese_numeral() handles 1-999, got {n}")
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    digit = " " + _DIGITS
    if hundreds == 0:
        head = "" if tens == 1 else digit[tens]
        return (head + "十" + digit[units].strip()) if tens else digit[units]
    text = digit[hundreds] + "百"
    if tens:
        text += digit[tens] + "十"
    elif units:
        text += "零"
    return text + digit[units].strip()


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


def __dir__() -> list[str]:
    return list(__all__)
