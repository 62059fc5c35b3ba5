"""Reading the files named on the command line, and reporting errors on one line."""

from __future__ import annotations

import contextlib
import io
import os
import select
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import polars as pl

from jinan_gov.cli._io import PROG, escape
from jinan_gov.errors import InvalidActualsError

DATA_ERRORS = (
    LookupError,
    ValueError,
    TypeError,
    ArithmeticError,
    OSError,
    pl.exceptions.PolarsError,
)

__all__ = (
    "DATA_ERRORS",
    "first_line",
    "one_line",
    "read_input",
    "readable_file",
    "report",
    "schema_errors",
    "silence_stdout",
)
"""Errors that are the user's data or environment: one line, exit status 1 (with
:func:`schema_errors`)."""

# --- errors -----------------------------------------------------------------------------------


def schema_errors() -> tuple[type[Exception], ...]:
    """Pandera's validation errors, once pandera is imported: none can be raised before.

    Looked up when an error is being handled (``except schema_errors():``), so that the
    command line never imports pandera for commands that validate nothing.
    """
    errors = sys.modules.get("pandera.errors")
    return () if errors is None else (errors.SchemaError, errors.SchemaErrors)


def one_line(error: BaseException) -> str:
    """The first non-empty line of an error message (library errors are one line already).

    Pandera's lazy ``SchemaErrors`` print a JSON report: their individual errors are joined.
    """
    if isinstance(error, schema_errors()) and hasattr(error, "schema_errors"):
        return "; ".join(one_line(e) for e in error.schema_errors[:3])
    return first_line(str(error)) or type(error).__name__


def first_line(text: str) -> str:
    """The first non-empty line of ``text``, stripped ('' if there is none)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else ""


def report(message: str) -> None:
    """Print ``jinan-gov: error: MESSAGE`` on standard error, untrusted text escaped."""
    print(f"{PROG}: error: {escape(message)}", file=sys.stderr)


def silence_stdout() -> None:
    """After a broken pipe (``jinan-gov tasks | head``), keep Python from failing at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # no real stdout (in-process capture)


# --- files in ---------------------------------------------------------------------------------


@contextlib.contextmanager
def readable_file(argument: str, what: str) -> Iterator[tuple[Path, str]]:
    """A regular file holding the data named by ``argument``, and the name to show for it.

    ``-`` is standard input; FIFOs, ``/dev/stdin`` and other streams (process substitution
    ``<(...)``) are copied into a temporary file that is removed afterwards, so the reader
    can open the data as often as it needs. A directory is refused.

    Raises
    ------
    IsADirectoryError
        ``argument`` is a directory.
    """
    if argument == "-":
        if sys.stdin is None:
            raise OSError(f"cannot read {what} from standard input: there is none")
        if sys.stdin.isatty():
            print(f"reading {what} CSV from standard input (end with Ctrl-D)", file=sys.stderr)
        with _spooled(sys.stdin.buffer) as path:
            yield path, "<stdin>"
        return
    path = Path(argument).expanduser()
    try:
        mode = path.stat().st_mode
    except OSError:  # missing or unreadable: the reader says so
        yield path, argument
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(
            f"cannot read {what} from {argument!r}: it is a directory; give a CSV file "
            "(or - for standard input)"
        )
    if stat.S_ISREG(mode):
        yield path, argument
        return
    with path.open("rb") as stream, _spooled(stream) as copy:
        yield copy, argument


@contextlib.contextmanager
def _spooled(stream: BinaryIO) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="jinan-gov-") as tmp:
        copy = Path(tmp) / "input.csv"
        with copy.open("wb") as out:
            _copy(stream, out)
        yield copy


def _copy(stream: BinaryIO, out: BinaryIO) -> None:
    """Copy a pipe or terminal to ``out``, waking up often enough for Ctrl-C to work.

    A blocking ``read`` is not interrupted by Ctrl-C when the signal reaches another thread
    (Polars runs several); waiting with a timeout lets the interpreter notice it.
    """
    try:
        fd = stream.fileno()
    except (OSError, AttributeError, io.UnsupportedOperation):
        fd = -1
    if fd < 0 or os.name != "posix":
        shutil.copyfileobj(stream, out)
        return
    while True:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return
        out.write(chunk)


def read_input(reader: Callable[[Path], pl.DataFrame], argument: str, what: str) -> pl.DataFrame:
    """Read a CSV named on the command line (a file, ``-``, a FIFO) with ``reader``.

    Errors become one line that names the input as the user gave it (never a temporary
    copy), with any control character of that name escaped.
    """
    with readable_file(argument, what) as (path, shown):
        try:
            return reader(path)
        except BrokenPipeError:
            raise
        except schema_errors() as error:  # evaluated only once an error is raised
            raise InvalidActualsError(f"{escape(shown)}: {one_line(error)}") from error
        except DATA_ERRORS as error:
            message = str(error).replace(str(path), escape(shown))
            raise InvalidActualsError(first_line(message) or type(error).__name__) from error


def __dir__() -> list[str]:
    return list(__all__)
