"""Domain errors raised by :mod:`jinan_gov`.

Each error subclasses the built-in exception a caller would naturally catch
(``LookupError`` for unknown identifiers, ``ValueError`` for bad values), so
generic handlers keep working while specific ones can be precise.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = (
    "ArticleNotFoundError",
    "CalendarNotPublishedError",
    "ExportError",
    "InvalidActualsError",
    "InvalidHolidayNoticeError",
    "InvalidTargetsError",
    "InvalidTextError",
    "QuoteNotFoundError",
    "UnknownDocumentError",
    "UnknownIdError",
)


def brief(value: object, limit: int = 60) -> str:
    """``repr(value)`` for an error message, shortened to about ``limit`` characters.

    Safe for values whose ``repr`` is huge or fails (integers beyond Python's
    digit limit).

    >>> brief("9" * 5000)[-19:]
    '… (5000 characters)'
    >>> brief(10**5000)
    'an int of 5001 digits'
    >>> brief("gdp")
    "'gdp'"
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3 * limit:
        digits = math.floor(math.log10(abs(value))) + 1
        return f"an int of {digits} digits"
    text = repr(value)
    if len(text) <= limit:
        return text
    size = f" ({len(value)} characters)" if isinstance(value, str) else ""
    return f"{text[:limit]}…{size}"


def suggest(value: str, valid: Iterable[str], limit: int = 3) -> str:
    """Return a ``"; did you mean ...?"`` hint listing close matches, or ``""``.

    >>> suggest("plan_2032", ["plan_2023", "work_rules_2023"])
    "; did you mean 'plan_2023'?"
    >>> suggest("zzz", ["plan_2023"])
    ''
    """
    from difflib import get_close_matches  # noqa: PLC0415 - only an error needs it

    matches = get_close_matches(value, list(valid), n=limit, cutoff=0.6)
    if not matches:
        return ""
    return "; did you mean " + " or ".join(repr(m) for m in matches) + "?"


_SUGGEST_LIMIT = 200  # longer values are no typo of an id: no close matches searched


class UnknownIdError(LookupError):
    """An identifier (document, indicator, target, rule fact ...) that does not exist."""

    def __init__(self, kind: str, value: object, valid: Iterable[str], advice: str = "") -> None:
        valid_list = sorted(valid)
        self.kind = kind
        self.value = value
        self.valid = tuple(valid_list)
        self.advice = advice
        text = str(value)
        hint = suggest(text, valid_list) if len(text) <= _SUGGEST_LIMIT else ""
        shown = ", ".join(valid_list[:12]) + (" ..." if len(valid_list) > 12 else "")
        extra = f"; {advice}" if advice else ""
        super().__init__(f"unknown {kind} {brief(value)}{hint}{extra} (valid: {shown})")

    def __str__(self) -> str:
        # LookupError would otherwise wrap the message in quotes like KeyError does.
        return str(self.args[0])

    def __reduce__(self) -> tuple[type[UnknownIdError], tuple[object, ...]]:
        # Rebuilt from its fields, so it crosses processes (pickle) and copies (deepcopy).
        return type(self), (self.kind, self.value, self.valid, self.advice)


class UnknownDocumentError(UnknownIdError):
    """A ``doc_id`` that is not one of the bundled documents."""

    def __init__(self, value: object, valid: Iterable[str]) -> None:
        super().__init__("doc_id", value, valid)

    def __reduce__(self) -> tuple[type[UnknownIdError], tuple[object, ...]]:
        return type(self), (self.value, self.valid)


class QuoteNotFoundError(LookupError):
    """A quote that is not a verbatim substring of the (normalised) document."""

    def __str__(self) -> str:
        return str(self.args[0])


class ArticleNotFoundError(LookupError):
    """An article number outside the Work Rules' 1-76 (or not a number at all)."""

    def __str__(self) -> str:
        return str(self.args[0])


class CalendarNotPublishedError(ValueError):
    """A date whose year has no officially published holiday schedule in the bundled calendar."""


class InvalidActualsError(ValueError):
    """Actual values handed to :func:`jinan_gov.assess` that cannot be assessed as given."""


class InvalidTargetsError(ValueError):
    """A table of targets handed to :func:`jinan_gov.assess` that cannot be read as targets."""


class InvalidTextError(ValueError):
    """Text that cannot be processed as given, such as a lone surrogate (``"\\ud800"``) left
    by decoding bytes with ``errors="surrogateescape"``: it is not valid Unicode."""


class ExportError(OSError):
    """Writing an export failed; the destination was left as it was. ``str`` is one line."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "export failed"


class InvalidHolidayNoticeError(ValueError):
    """A State Council holiday notice that cannot be read, is incomplete or contradicts itself
    or the bundled calendar (:func:`jinan_gov.workdays.load_holiday_notice`)."""


def __dir__() -> list[str]:
    return list(__all__)
