"""jinan_gov: Jinan municipal government documents as validated, provenance-checked data.

The public API is the names in ``__all__``; everything else is private. Heavy
notebook dependencies (altair, ipywidgets) are only imported by
:mod:`jinan_gov.widgets`, never by ``import jinan_gov``.
"""

from __future__ import annotations

from jinan_gov.errors import (
    ArticleNotFoundError,
    CalendarNotPublishedError,
    InvalidActualsError,
    QuoteNotFoundError,
    UnknownDocumentError,
    UnknownIdError,
)
from jinan_gov.normalize import normalize_text
from jinan_gov.sources import (
    QuoteLocation,
    appointments,
    documents,
    locate_quote,
    quote_in_source,
    raw_text,
    source_text,
)

__version__ = "0.1.0"

__all__ = (
    "ArticleNotFoundError",
    "CalendarNotPublishedError",
    "InvalidActualsError",
    "QuoteLocation",
    "QuoteNotFoundError",
    "UnknownDocumentError",
    "UnknownIdError",
    "__version__",
    "appointments",
    "documents",
    "locate_quote",
    "normalize_text",
    "quote_in_source",
    "raw_text",
    "source_text",
)


def __dir__() -> list[str]:
    return list(__all__)
