"""jinan_gov: Jinan municipal government documents as validated, provenance-checked data.

The public API is the names in ``__all__``; everything else is private. The Work Rules
live in the :mod:`jinan_gov.rules` submodule. Heavy notebook dependencies (altair,
ipywidgets) are only imported by :mod:`jinan_gov.widgets`, never by ``import jinan_gov``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from jinan_gov.errors import (
    ArticleNotFoundError,
    CalendarNotPublishedError,
    InvalidActualsError,
    QuoteNotFoundError,
    UnknownDocumentError,
    UnknownIdError,
)

if TYPE_CHECKING:
    from jinan_gov import rules
    from jinan_gov.attainment import (
        DEFAULT_TOLERANCE,
        assess,
        assessable_targets,
        attainment_summary,
        read_actuals,
    )
    from jinan_gov.extract import extract_targets
    from jinan_gov.plan import (
        indicators,
        outcomes_2022,
        select_indicators,
        targets_2023,
        tasks_2023,
    )
    from jinan_gov.search import search_indicators
    from jinan_gov.text.normalize import normalize_text
    from jinan_gov.text.sources import (
        QuoteLocation,
        appointments,
        documents,
        locate_quote,
        quote_in_source,
        raw_text,
        source_text,
    )
    from jinan_gov.workdays import add_working_days, is_working_day, working_days_between

__version__ = "0.1.0"

# Each public name is imported from its module on first use (PEP 562), so a notebook that
# only loads the plan never pays for the search index, the extractor or the engine.
_NAMES_BY_MODULE = {
    "jinan_gov.attainment": (
        "DEFAULT_TOLERANCE assess assessable_targets attainment_summary read_actuals"
    ),
    "jinan_gov.extract": "extract_targets",
    "jinan_gov.text.normalize": "normalize_text",
    "jinan_gov.plan": "indicators outcomes_2022 select_indicators targets_2023 tasks_2023",
    "jinan_gov.search": "search_indicators",
    "jinan_gov.text.sources": (
        "QuoteLocation appointments documents locate_quote quote_in_source raw_text source_text"
    ),
    "jinan_gov.workdays": "add_working_days is_working_day working_days_between",
}
_HOMES = {name: module for module, names in _NAMES_BY_MODULE.items() for name in names.split()}

# Public submodules reachable as attributes without importing them first (jinan_gov.plan.…),
# as when the package imported them all; not widgets, which needs the notebook extras.
_SUBMODULES = frozenset(
    (
        "attainment",
        "cli",
        "errors",
        "export",
        "extract",
        "normalize",
        "numerals",
        "plan",
        "rules",
        "schemas",
        "search",
        "sources",
        "wording",
        "workdays",
    )
)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        value: Any = importlib.import_module(f"jinan_gov.{name}")
    elif name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'jinan_gov' has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = (
    "DEFAULT_TOLERANCE",
    "ArticleNotFoundError",
    "CalendarNotPublishedError",
    "InvalidActualsError",
    "QuoteLocation",
    "QuoteNotFoundError",
    "UnknownDocumentError",
    "UnknownIdError",
    "__version__",
    "add_working_days",
    "appointments",
    "assess",
    "assessable_targets",
    "attainment_summary",
    "documents",
    "extract_targets",
    "indicators",
    "is_working_day",
    "locate_quote",
    "normalize_text",
    "outcomes_2022",
    "quote_in_source",
    "raw_text",
    "read_actuals",
    "rules",
    "search_indicators",
    "select_indicators",
    "source_text",
    "targets_2023",
    "tasks_2023",
    "working_days_between",
)


def __dir__() -> list[str]:
    return list(__all__)
