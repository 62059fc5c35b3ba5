"""Pandera schemas for every table the library returns: the data dictionary.

Each column carries a ``description``; every model is ``strict`` so a column
that is not documented here cannot slip into a returned frame. The vocabularies
(the codes a column may hold) are plain tuples in :mod:`jinan_gov.schemas.vocab`,
importable without pandera; the models are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from jinan_gov.schemas.vocab import (
    DIRECTIONS,
    DOC_IDS,
    EXTRACTED_QUALIFIERS,
    FACT_KINDS,
    FACT_UNITS,
    FLAGS,
    HEDGES,
    INDICATOR_TABLES,
    KINDS,
    MEASURES,
    MEETING_ROLES,
    MEETINGS,
    PERIODS,
    QUALIFIERS,
    RULE_QUALIFIERS,
    RULES_ARTICLE_COUNT,
    RULES_CHAPTER_COUNT,
    RULES_DOC_ID,
    SIGNATURE_ROLES,
    STATUSES,
    TIERS,
    TIME_LIMIT_FACTS,
    UNIT_MULTIPLIERS,
)

if TYPE_CHECKING:
    from jinan_gov.schemas._extracted import ExtractedOutcomeSchema, ExtractedTargetSchema
    from jinan_gov.schemas._models import (
        ActualsSchema,
        AppointmentSchema,
        AssessmentSchema,
        DocumentSchema,
        IndicatorSchema,
        IndicatorSearchSchema,
    )
    from jinan_gov.schemas._rules import (
        ArticleAnnotationSchema,
        ArticleSchema,
        ChapterSchema,
        RuleFactSchema,
        SearchResultSchema,
    )

__all__ = (
    "DIRECTIONS",
    "DOC_IDS",
    "EXTRACTED_QUALIFIERS",
    "FACT_KINDS",
    "FACT_UNITS",
    "HEDGES",
    "INDICATOR_TABLES",
    "MEASURES",
    "MEETINGS",
    "MEETING_ROLES",
    "PERIODS",
    "QUALIFIERS",
    "RULES_ARTICLE_COUNT",
    "RULES_CHAPTER_COUNT",
    "RULES_DOC_ID",
    "RULE_QUALIFIERS",
    "SIGNATURE_ROLES",
    "STATUSES",
    "ActualsSchema",
    "AppointmentSchema",
    "ArticleAnnotationSchema",
    "ArticleSchema",
    "AssessmentSchema",
    "ChapterSchema",
    "DocumentSchema",
    "ExtractedOutcomeSchema",
    "ExtractedTargetSchema",
    "IndicatorSchema",
    "IndicatorSearchSchema",
    "RuleFactSchema",
    "SearchResultSchema",
)

_MODEL_HOMES = {
    "ActualsSchema": "_models",
    "AppointmentSchema": "_models",
    "AssessmentSchema": "_models",
    "DocumentSchema": "_models",
    "ExtractedOutcomeSchema": "_extracted",
    "ExtractedTargetSchema": "_extracted",
    "IndicatorSchema": "_models",
    "IndicatorSearchSchema": "_models",
    "ArticleAnnotationSchema": "_rules",
    "ArticleSchema": "_rules",
    "ChapterSchema": "_rules",
    "RuleFactSchema": "_rules",
    "SearchResultSchema": "_rules",
}
# Vocabularies importable from here as before, without being listed in __all__.
_UNLISTED = (DIRECTIONS, FLAGS, KINDS, TIERS, TIME_LIMIT_FACTS, UNIT_MULTIPLIERS)


def __getattr__(name: str) -> Any:
    if name not in _MODEL_HOMES:
        raise AttributeError(f"module 'jinan_gov.schemas' has no attribute {name!r}")
    model = getattr(importlib.import_module(f"jinan_gov.schemas.{_MODEL_HOMES[name]}"), name)
    globals()[name] = model
    return model


def __dir__() -> list[str]:
    return list(__all__)
