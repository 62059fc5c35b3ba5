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
"""

from __future__ import annotations

import re

__all__ = ("parse_chinese_numeral", "to_chinese_numeral")

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
    if not isinstance(text, str):
        raise TypeError(f"parse_chinese_numeral() expects str, got {type(text).__name__}")
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


def __dir__() -> list[str]:
    return list(__all__)
