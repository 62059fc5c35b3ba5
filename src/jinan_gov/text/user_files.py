"""Bytes of a file a user wrote, as UTF-8: the one reader behind every user CSV.

:func:`read_user_bytes` reads a path, ``-`` (standard input), a named pipe or an open file
whole, and :func:`to_utf8` decodes UTF-8 (with or without a BOM), UTF-16/32 with a BOM or
GB18030/GBK as Chinese Excel saves them. Actuals, benchmarks and saved extracted targets
(``--targets``) are all read through these two functions, so they accept the same files.
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import IO

__all__ = ("SAVE_AS_UTF8", "UserSource", "read_user_bytes", "to_utf8")

UserSource = str | os.PathLike[str] | IO[bytes] | IO[str]
"""A path, ``"-"`` for standard input, or an open file."""

SAVE_AS_UTF8 = "save it as UTF-8 (in Excel: Save As > CSV UTF-8)"
"""What to do with a file in an encoding that cannot be read."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_user_bytes(
    source: UserSource, what: str, error: type[ValueError] = ValueError
) -> tuple[bytes, str]:
    """The raw bytes of a source and a name for it in messages.

    Raises ``error`` (a ``ValueError`` subclass) for a missing file, a directory or a file
    that cannot be read, and ``TypeError`` for a source of another type.
    """
    if isinstance(source, str | os.PathLike):
        if os.fspath(source) == "-":
            return sys.stdin.buffer.read(), "<stdin>"
        path = Path(source).expanduser()
        if path.is_dir():
            raise error(f"{path} is a directory; give the {what} CSV file in it")
        if not path.exists():
            raise error(f"no such {what} file: {path}")
        try:
            with path.open("rb") as handle:  # FIFOs and /dev/stdin read like files
                return handle.read(), str(path)
        except OSError as problem:
            raise error(f"cannot read {path}: {problem.strerror}") from problem
    if hasattr(source, "read"):
        data = source.read()
        name = str(getattr(source, "name", "<stream>"))
        return (data.encode("utf-8") if isinstance(data, str) else bytes(data)), name
    raise TypeError(
        f"{what} source must be a path, '-' for standard input, an open file or a frame, "
        f"got {type(source).__name__}"
    )


def to_utf8(raw: bytes, name: str, error: type[ValueError] = ValueError) -> bytes:
    """The bytes as UTF-8 (without a BOM), whatever common encoding they came in.

    >>> to_utf8("主要,目标".encode("gb18030"), "x.csv").decode()
    '主要,目标'
    >>> to_utf8(codecs.BOM_UTF8 + b"id", "x.csv")
    b'id'
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding).encode("utf-8")
            except UnicodeDecodeError as problem:
                raise error(
                    f"{name} starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {problem.start}); {SAVE_AS_UTF8}"
                ) from None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return raw
    try:
        return raw.decode("gb18030").encode("utf-8")
    except UnicodeDecodeError as problem:
        raise error(
            f"{name} is neither UTF-8, UTF-16 nor GB18030/GBK (undecodable byte at "
            f"{problem.start}); {SAVE_AS_UTF8}"
        ) from None


def __dir__() -> list[str]:
    return list(__all__)
