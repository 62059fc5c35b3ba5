"""The ``overview``, ``targets``, ``outcomes``, ``tasks``, ``search-indicators`` and ``export``
commands: the 2023 plan's tables and the bundled data as a whole."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

import jinan_gov
from jinan_gov import rules
from jinan_gov.cli._io import PROG, OutputSpec, binding_text, emit, escape, print_ranked, table
from jinan_gov.plan import outcomes_2022, targets_2023, tasks_2023
from jinan_gov.text.sources import appointments, documents
from jinan_gov.text.wording import target_text

__all__ = (
    "export",
    "listing",
    "overview",
    "search_indicators",
    "targets",
)

_NAME_WIDTH = 44

# --- overview -----------------------------------------------------------------------------


def overview(_: argparse.Namespace, __: OutputSpec) -> int:
    targets, outcomes, tasks = targets_2023(), outcomes_2022(), tasks_2023()
    docs = documents()
    counts = (
        f"Holds {docs.height} documents · {outcomes.height} outcomes · {targets.height} targets · "
        f"{tasks.height} tasks · {rules.articles().height} articles · "
        f"{rules.facts().height} facts · {appointments().height} appointments"
    )
    gazette = docs.row(0, named=True)
    print(f"jinan_gov {jinan_gov.__version__} · {gazette['gazette_zh']} ({gazette['gazette_en']})")
    print(counts)
    documents_by_id = {r["doc_id"]: r for r in docs.iter_rows(named=True)}
    plan = documents_by_id["plan_2023"]
    print(
        f"\n2023 main targets ({plan['doc_no']}, part 二; binding 约束性, indicative 预期性)",
    )
    rows = [
        (r["id"], r["name_en"], target_text(r), binding_text(r["binding"]))
        for r in targets.iter_rows(named=True)
    ]
    print(table(("id", "name", "target", "type"), rows, limits={"name": _NAME_WIDTH}))
    print("\n2022 headline outcomes (part 一)")
    outcome_rows = [
        (r["id"], r["name_en"], target_text(r))
        for r in outcomes.iter_rows(named=True)
        if r["section"] == "一"
    ]
    print(table(("id", "name", "value"), outcome_rows, limits={"name": _NAME_WIDTH}))
    print("\nDocuments")
    doc_rows = [
        (r["doc_id"], r["doc_no"], r["issued_on"].isoformat(), r["title_en"])
        for r in documents_by_id.values()
    ]
    print(table(("doc_id", "number", "issued", "title"), doc_rows))
    print(f"\nMore: {PROG} targets --binding · tasks --section 三(一) · rule 39 · search 会签")
    print(f"      {PROG} due 2023-04-28 --rule countersign_reply_working_days")
    print(f"      {PROG} export --format datapackage DIR · {PROG} --help")
    return 0


# --- targets / outcomes / tasks -------------------------------------------------------------


_FULL_WIDTH = str.maketrans({"\uff08": "(", "\uff09": ")", "\uff0e": "."})


def _section_prefix(text: str) -> str:
    """Accept full-width brackets and stray spaces: '三（一） 一是' -> '三(一)一是'.

    >>> _section_prefix("三\uff08一\uff09 一是")
    '三(一)一是'
    """
    return "".join(text.split()).translate(_FULL_WIDTH)


def _filtered(frame: pl.DataFrame, args: argparse.Namespace) -> pl.DataFrame:
    if args.section:
        frame = frame.filter(pl.col("section").str.starts_with(_section_prefix(args.section)))
    if args.measure:
        frame = frame.filter(pl.col("measure") == args.measure)
    if args.qualifier:
        frame = frame.filter(pl.col("qualifier") == args.qualifier)
    if getattr(args, "binding", False):
        frame = frame.filter(pl.col("binding"))
    if getattr(args, "indicative", False):
        frame = frame.filter(~pl.col("binding"))
    return frame


def targets(args: argparse.Namespace, out: OutputSpec) -> int:
    frame = _filtered(targets_2023(), args)

    def render() -> str:
        rows = [
            (r["id"], r["section"], r["name_en"], target_text(r), binding_text(r["binding"]))
            for r in frame.iter_rows(named=True)
        ]
        header = ("id", "section", "name", "target", "type")
        return table(header, rows, limits={"name": _NAME_WIDTH})

    emit(out, frame, render)
    return 0


def listing(loader: Callable[[], pl.DataFrame], value_header: str) -> Callable[..., int]:
    def handler(args: argparse.Namespace, out: OutputSpec) -> int:
        frame = _filtered(loader(), args)

        def render() -> str:
            flagged = bool(frame["flag"].is_not_null().any())
            rows = [
                (r["id"], r["section"], r["name_en"], target_text(r), r["measure"])
                + ((r["flag"] or "",) if flagged else ())
                for r in frame.iter_rows(named=True)
            ]
            header = ("id", "section", "name", value_header, "measure", "flag")
            return table(
                header[: 6 if flagged else 5], rows, limits={"name": _NAME_WIDTH, "id": 48}
            )

        emit(out, frame, render)
        return 0

    return handler


def search_indicators(args: argparse.Namespace, out: OutputSpec) -> int:
    from jinan_gov.search import search_indicators  # noqa: PLC0415

    query = " ".join(args.query)
    found = search_indicators(query, limit=args.limit)
    return print_ranked(out, found, f"no indicator matches {escape(repr(query))}", _indicator_lines)


def _indicator_lines(r: Mapping[str, Any]) -> list[str]:
    score = f"score {r['score']:.2f}, {r['kind']} {r['year']}"
    return [f"{r['id']} ({score}) {r['name_en']} · {r['name_zh']}"]


# --- export ---------------------------------------------------------------------------------


def export(args: argparse.Namespace, out: OutputSpec) -> int:
    from jinan_gov.export import export  # noqa: PLC0415

    if args.excel and args.format == "parquet":
        raise ValueError("--excel applies to CSV output; use it with --format csv or datapackage")
    written = export(args.directory, args.format, overwrite=args.overwrite, excel=args.excel)
    directory = written[0].parent
    bom = ", UTF-8 with BOM for Excel" if args.excel else ""
    print(f"wrote {len(written)} files ({args.format}{bom}) to {escape(str(directory))}:")
    for path in written:
        print(f"  {path.name}")
    if args.format == "datapackage":
        shown = escape(str(directory / "datapackage.json"))
        print(f"validate with: frictionless validate {shown}")
    return 0


def __dir__() -> list[str]:
    return list(__all__)
