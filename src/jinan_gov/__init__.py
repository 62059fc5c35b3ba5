"""jinan_gov: Jinan municipal government documents as validated, provenance-checked data.

The public API is the names in ``__all__``; everything else is private. The Work Rules
live in the :mod:`jinan_gov.rules` submodule. Heavy notebook dependencies (altair,
ipywidgets) are only imported by :mod:`jinan_gov.widgets`, never by ``import jinan_gov``.
"""

from __future__ import annotations

from importlib import metadata as _metadata

from jinan_gov import rules
from jinan_gov.attainment import (
    DEFAULT_TOLERANCE,
    assess,
    assessable_targets,
    attainment_summary,
    read_actuals,
)
from jinan_gov.errors import (
    ArticleNotFoundError,
    CalendarNotPublishedError,
    InvalidActualsError,
    QuoteNotFoundError,
    UnknownDocumentError,
    UnknownIdError,
)
from jinan_gov.extract import extract_targets
from jinan_gov.normalize import normalize_text
from jinan_gov.plan import (
    indicators,
    outcomes_2022,
    select_indicators,
    targets_2023,
    tasks_2023,
)
from jinan_gov.search import search_indicators
from jinan_gov.sources import (
    QuoteLocation,
    appointments,
    documents,
    locate_quote,
    quote_in_source,
    raw_text,
    source_text,
)
from jinan_gov.workdays import add_working_days, is_working_day, working_days_between

try:
    __version__ = _metadata.version("jinan-gov")
except _metadata.PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

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
