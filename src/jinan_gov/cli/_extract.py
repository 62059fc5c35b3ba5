"""The ``jinan-gov extract`` command: read the main targets of any report or plan.

Kept apart from :mod:`jinan_gov.cli`, which registers the command and imports this module
(and the extractor) only when it runs.
"""

from __future__ import annotations

import argparse

from jinan_gov.cli._input import readable_file
from jinan_gov.cli._io import OutputSpec, emit, escape, table
from jinan_gov.extract import extract_targets, read_report
from jinan_gov.text.wording import target_text

__all__ = ("extract_command",)


def extract_command(args: argparse.Namespace, out: OutputSpec) -> int:
    """Print (or write) the targets of the report named by ``args.file`` (``-``: stdin)."""
    with readable_file(args.file, "report") as (path, shown):
        try:
            text = read_report(path)
        except ValueError as error:
            raise ValueError(str(error).replace(str(path), escape(shown))) from None
    frame = extract_targets(text)

    def render() -> str:
        if frame.is_empty():
            return "no main-target paragraph (主要预期目标是：…) found"
        rows = [
            [r["id"], r["name_zh"], target_text(r), r["name_en"] or ""]
            for r in frame.iter_rows(named=True)
        ]
        return table(["id", "name", "target", "english"], rows, limits={"name": 36})

    emit(out, frame, render)
    return 0


def __dir__() -> list[str]:
    return list(__all__)
