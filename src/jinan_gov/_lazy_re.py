"""Regular expressions compiled on first use, so that ``import jinan_gov`` stays cheap.

Compiling the package's patterns costs a few milliseconds of every import, although most
programs use only some of them (the extractor's, the search's, the normaliser's).
:func:`lazy_compile` returns a stand-in that compiles its pattern the first time it is
used and then behaves exactly like the compiled :class:`re.Pattern`.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ("lazy_compile",)


# The pattern's methods and attributes, copied onto the stand-in once it is compiled, so that
# later calls cost what they cost on the compiled pattern.
_ATTRIBUTES = (
    "findall",
    "finditer",
    "flags",
    "fullmatch",
    "groupindex",
    "groups",
    "match",
    "pattern",
    "search",
    "split",
    "sub",
    "subn",
)


class _LazyPattern:
    """A :class:`re.Pattern` that is compiled when one of its attributes is first needed."""

    __slots__ = ("_compiled", "_flags", "_source", *_ATTRIBUTES)

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for name in _ATTRIBUTES:
                setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached before the first compilation, or for a rarely used attribute.
        return getattr(self._pattern(), name)

    def __repr__(self) -> str:
        return repr(self._pattern())


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, deferred until the pattern is first used.

    The stand-in supports every method and attribute of a compiled pattern
    (``match``, ``search``, ``finditer``, ``sub``, ``pattern`` …); pass it to those
    methods, not to the module-level functions of :mod:`re`.

    >>> digits = lazy_compile(r"\\d+")
    >>> digits.findall("12 apples, 3 pears"), digits.pattern
    (['12', '3'], '\\\\d+')
    """
    return cast("re.Pattern[str]", _LazyPattern(source, flags))


def __dir__() -> list[str]:
    return list(__all__)
