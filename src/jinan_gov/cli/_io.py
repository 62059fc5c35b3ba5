"""Input and output plumbing of the command line.

* Terminal text: :func:`escape` makes untrusted text (scenario names and ids from a user's
  CSV, paths) inert: control characters such as ESC (ANSI/OSC sequences), newlines and
  bidirectional overrides are shown as ``\\x1b``, ``\\n``, ``\\u202e``. :func:`table` lays out
  plain-text tables with CJK-aware widths.
* Rows out: :func:`write_csv` and :func:`write_json` stream a frame to standard output in
  slices, and :func:`write_output` writes it to a file (CSV, Parquet or JSON lines) from
  Polars directly, so no Python object per row is ever made.
* Errors: :func:`one_line` and :func:`report` give the one-line ``jinan-gov: error: ...``.
* Files in: :func:`readable_file` turns ``-`` (standard input), FIFOs and ``/dev/stdin`` into a
  regular file the readers can open, and refuses a directory with a clear message.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import polars as pl

from jinan_gov.atomic import existing_mode, publish_file

PROG = "jinan-gov"
TABLE_ROWS = 1000  # larger results print a summary; their rows go to --output, --csv, --json
__all__ = (
    "OUTPUT_FORMATS",
    "PROG",
    "TABLE_ROWS",
    "OutputFormat",
    "OutputSpec",
    "all_or_nothing",
    "check_output",
    "emit",
    "escape",
    "json_default",
    "output_format",
    "print_json",
    "print_ranked",
    "rows_hint",
    "table",
    "width",
    "write_csv",
    "write_json",
    "write_output",
    "write_stdout",
)

OutputFormat = Literal["csv", "parquet", "jsonl"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("csv", "parquet", "jsonl")
_SUFFIXES: dict[str, OutputFormat] = {
    ".csv": "csv",
    ".parquet": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_CHUNK_ROWS = 10_000  # rows serialised at a time when streaming to standard output


@dataclasses.dataclass(frozen=True, slots=True)
class OutputSpec:
    """Where a command's rows go: ``--output PATH`` (with ``--format``), ``--json`` or ``--csv``
    on standard output, or (none of them) a table for people."""

    path: str | None = None
    fmt: str | None = None
    json: bool = False
    csv: bool = False
    excel: bool = False

    def __post_init__(self) -> None:
        if self.excel and not (self.csv or self.path):
            raise ValueError(
                "--excel applies to CSV output: use it with --csv or --output FILE.csv"
            )

    @property
    def for_machines(self) -> bool:
        """Whether the rows go to a file or as JSON/CSV rather than to a table."""
        return bool(self.path or self.json or self.csv)


# --- terminal text ----------------------------------------------------------------------------

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape(text: str) -> str:
    """``text`` with every character that is not printable shown as an escape.

    Control characters (C0, DEL, C1: ANSI and OSC sequences start with them), format
    characters (bidirectional overrides, zero-width marks), line and paragraph separators,
    surrogates and unassigned code points are replaced by ``\\xNN``/``\\uNNNN`` (newline, tab
    and carriage return by ``\\n``, ``\\t``, ``\\r``). Letters of every script and spaces,
    the ideographic space included, are kept.

    >>> escape("run\\x1b[31m1\\x1b]0;title\\x07\\nnext\\u202e 济南　目标")
    'run\\\\x1b[31m1\\\\x1b]0;title\\\\x07\\\\nnext\\\\u202e 济南　目标'
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else _escaped(ch) for ch in text
    )


def width(text: str) -> int:
    """Terminal columns taken by ``text`` (CJK and full-width characters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    kept, used = [], 0
    for ch in text:
        used += width(ch)
        if used > limit - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    limits: Mapping[str, int] | None = None,
    right: Iterable[str] = (),
) -> str:
    """A plain-text table: cells escaped (:func:`escape`) and on one line, columns padded to
    their display width, long cells clipped to ``limits[column]`` columns."""
    limits = limits or {}
    aligned = set(right)
    cells = [
        [
            _clip(" ".join(escape(cell).split()), limits.get(name, 200))
            for name, cell in zip(header, row, strict=True)
        ]
        for row in rows
    ]
    if not cells:
        return "(no rows)"
    widths = [max(width(r[i]) for r in [list(header), *cells]) for i in range(len(header))]

    def line(values: Sequence[str]) -> str:
        padded = []
        for name, value, size in zip(header, values, widths, strict=True):
            fill = " " * (size - width(value))
            padded.append(fill + value if name in aligned else value + fill)
        return "  ".join(padded).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in cells)])


# --- rows out ---------------------------------------------------------------------------------


def write_stdout(data: bytes) -> None:
    """Write UTF-8 bytes to standard output after any text already printed."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (in-process capture)
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


Frames = pl.DataFrame | Iterable[pl.DataFrame]
"""One frame, or the batches of one result (all with the same columns), in order."""


def _frames(frames: Frames) -> Iterator[pl.DataFrame]:
    return iter([frames]) if isinstance(frames, pl.DataFrame) else iter(frames)


def _slices(frames: Frames) -> Iterator[tuple[bool, pl.DataFrame]]:
    """``(is_first, slice)`` of at most ``_CHUNK_ROWS`` rows over every frame; the first
    frame always gives a slice, even when it is empty (it carries the header)."""
    first = True
    for frame in _frames(frames):
        for offset in range(0, max(frame.height, 1 if first else 0), _CHUNK_ROWS):
            yield first, frame.slice(offset, _CHUNK_ROWS)
            first = False


_SPOOL_MEMORY = 8 << 20  # bytes kept in memory before the spool moves to a temporary file
_COPY_BYTES = 1 << 16  # copied out in pipe-sized pieces


@contextlib.contextmanager
def all_or_nothing() -> Iterator[Callable[[bytes], None]]:
    """A writer whose bytes reach standard output only if the block finishes without error.

    The bytes are spooled (in memory up to 8 MB, then in a temporary file) and copied to
    standard output at the end, so an error in a later batch leaves standard output empty:
    never 50,000 valid-looking rows followed by an error, never unterminated JSON.
    """
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_MEMORY, prefix="jinan-gov-") as spool:

        def write(data: bytes) -> None:
            spool.write(data)

        yield write
        spool.seek(0)
        while chunk := spool.read(_COPY_BYTES):
            write_stdout(chunk)


def _csv_piece(part: pl.DataFrame, *, first: bool, excel: bool) -> bytes:
    """One slice as CSV bytes; for spreadsheets (``excel``) formula-safe, after a BOM."""
    chunk = io.BytesIO()
    if excel:
        from jinan_gov.export import excel_safe  # noqa: PLC0415 - only --excel needs it

        if first:
            chunk.write(codecs.BOM_UTF8)
        part = excel_safe(part)
    part.write_csv(chunk, include_header=first, line_terminator="\n")
    return chunk.getvalue()


def write_csv(frames: Frames, *, excel: bool = False) -> None:
    """Rows as UTF-8 CSV on standard output (one header; the same bytes as
    :func:`jinan_gov.export.csv_bytes` of the frames put together), all or nothing: the
    batches are serialised a slice at a time into a spool that is copied out at the end.
    ``excel``: for spreadsheets, as :func:`jinan_gov.export.csv_bytes` with ``excel=True``."""
    with all_or_nothing() as write:
        for first, part in _slices(frames):
            write(_csv_piece(part, first=first, excel=excel))


def _json_array(frames: Frames) -> Iterator[bytes]:
    """A JSON array of the rows as objects, one row per line (NaN written as null)."""
    yield b"["
    empty = True
    for _, part in _slices(frames):
        if part.height == 0:
            continue
        chunk = io.BytesIO()
        part.write_ndjson(chunk)
        rows = chunk.getvalue().rstrip(b"\n").replace(b"\n", b",\n")
        yield (b"\n" if empty else b",\n") + rows
        empty = False
    yield b"]" if empty else b"\n]"


def write_json(document: Frames | Mapping[str, Frames]) -> None:
    """Rows as a JSON list, or several results as ``{"name": [rows], ...}``, all or nothing.

    Rows are serialised by Polars a slice at a time into a spool (:func:`all_or_nothing`):
    memory stays flat however many rows there are, and the output is valid JSON (NaN and
    infinities become null). The values of ``document`` are consumed in order, so a later
    one may be computed from earlier ones.
    """
    with all_or_nothing() as write:
        if not isinstance(document, Mapping):
            for piece in _json_array(document):
                write(piece)
            write(b"\n")
            return
        for index, (name, frames) in enumerate(document.items()):
            key = json.dumps(name, ensure_ascii=False).encode("utf-8")
            write((b"{" if index == 0 else b",\n") + key + b": ")
            for piece in _json_array(frames):
                write(piece)
        write(b"}\n" if document else b"{}\n")


def output_format(path: str, given: str | None) -> OutputFormat:
    """The format of ``--output PATH``: ``--format`` if given, else from the suffix."""
    if given is not None:
        if given not in OUTPUT_FORMATS:
            raise ValueError(f"unknown output format {given!r}; choose {', '.join(OUTPUT_FORMATS)}")
        return given
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(
            f"cannot tell the format of {escape(path)!r} from its suffix {suffix!r}: name it "
            f"*.csv, *.parquet or *.jsonl, or pass --format {{{','.join(OUTPUT_FORMATS)}}}"
        )
    return _SUFFIXES[suffix]


def check_output(out: OutputSpec) -> OutputFormat:
    """The format of ``out.path``, after checking that the file can go there (before any
    work is done for it)."""
    if out.path is None:
        raise ValueError("no --output file was given")
    path = Path(out.path).expanduser()
    if path.is_dir():
        raise IsADirectoryError(f"cannot write {out.path!r}: it is a directory; give a file name")
    existing_mode(path)  # a pipe, socket or device is refused before any work
    if not path.parent.is_dir():
        raise FileNotFoundError(
            f"cannot write {out.path!r}: no such directory {str(path.parent)!r}"
        )
    fmt = output_format(out.path, out.fmt)
    if out.excel and fmt != "csv":
        raise ValueError(f"--excel applies to CSV output, not {fmt}: name the file *.csv")
    return fmt


def write_output(path: str, frames: Frames, fmt: OutputFormat, *, excel: bool = False) -> Path:
    """Write rows to ``path`` (``~`` expanded) as CSV, Parquet or JSON lines.

    Polars writes the file directly, batch after batch (Parquet batches are staged as parts
    and merged by Polars' streaming engine); the file appears only when complete (see
    :func:`jinan_gov.atomic.publish_file`), replacing a file or link of that name.
    """

    def write(temporary: Path) -> None:
        if fmt == "parquet":
            _write_parquet(temporary, frames)
            return
        with temporary.open("wb") as out:
            for first, part in _slices(frames):
                if fmt == "csv":
                    out.write(_csv_piece(part, first=first, excel=excel))
                else:
                    part.write_ndjson(out)

    return publish_file(Path(path).expanduser(), write)


def _write_parquet(path: Path, frames: Frames) -> None:
    if isinstance(frames, pl.DataFrame):
        frames.write_parquet(path)
        return
    with tempfile.TemporaryDirectory(prefix=".parts-", dir=path.parent) as parts:
        names = []
        for index, frame in enumerate(frames):
            names.append(Path(parts) / f"{index:06d}.parquet")
            frame.write_parquet(names[-1])
        if len(names) == 1:
            os.replace(names[0], path)
        else:
            pl.scan_parquet(names).sink_parquet(path)


def binding_text(binding: bool | None) -> str:
    """``binding``, ``indicative`` or nothing, for a target's type."""
    if binding is None:
        return ""
    return "binding" if binding else "indicative"


def json_default(value: object) -> object:
    """Dates as ISO strings in :func:`print_json`."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: object) -> None:
    """A small document (an article, a deadline) as indented JSON."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))


def rows_hint(height: int) -> str:
    """What to do when a result has too many rows for a table."""
    return (
        f"{height} rows are not shown as a table: write them with --output FILE "
        "(.csv, .parquet or .jsonl), or print them with --csv or --json"
    )


def emit(out: OutputSpec, frame: pl.DataFrame, render: Callable[[], str]) -> None:
    """Write ``frame`` to ``--output`` or print it as JSON/CSV when asked, else print the
    human-readable rendering (or, for more than ``TABLE_ROWS`` rows, how to get them)."""
    if out.path:
        fmt = check_output(out)
        path = write_output(out.path, frame, fmt, excel=out.excel)
        print(f"wrote {frame.height} rows ({fmt}) to {escape(str(path))}")
    elif out.json:
        write_json(frame)
    elif out.csv:
        write_csv(frame, excel=out.excel)
    elif frame.height > TABLE_ROWS:
        print(rows_hint(frame.height))
    else:
        print(render())


def print_ranked(
    out: OutputSpec,
    found: pl.DataFrame,
    nothing: str,
    lines: Callable[[Mapping[str, Any]], list[str]],
) -> int:
    """Write a ranked search result to ``--output``, as JSON or CSV (the ``matched`` list
    joined by "; "), or print it as readable lines with what matched."""
    if out.path or out.json or out.csv:
        fmt = output_format(out.path, out.fmt) if out.path else None
        flat = found.with_columns(pl.col("matched").list.join("; "))
        emit(out, flat if out.csv or fmt == "csv" else found, str)
    elif found.is_empty():
        print(nothing)
    else:
        for r in found.iter_rows(named=True):
            print("\n".join(lines(r)))
            print(f"    matched: {', '.join(r['matched'])}")
    return 0


def __dir__() -> list[str]:
    return list(__all__)
