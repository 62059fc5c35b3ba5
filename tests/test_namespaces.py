"""Curated namespaces: every module lists its public names in a tuple ``__all__`` and shows
only those to ``dir()`` and tab completion (its imports stay hidden). Public modules are pinned
here, so adding or removing a public name is a deliberate change.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import jinan_gov

PUBLIC: dict[str, tuple[str, ...]] = {
    "jinan_gov.attainment": (
        "DEFAULT_TOLERANCE",
        "assess",
        "assessable_targets",
        "attainment_summary",
        "check_benchmark_scenarios",
        "read_actuals",
        "read_benchmarks",
        "what_if_targets",
    ),
    "jinan_gov.cli": (
        "COMMANDS",
        "build_parser",
        "main",
        "run",
        "target_text",
    ),
    "jinan_gov.errors": (
        "ArticleNotFoundError",
        "CalendarNotPublishedError",
        "ExportError",
        "InvalidActualsError",
        "InvalidHolidayNoticeError",
        "InvalidTargetsError",
        "InvalidTextError",
        "QuoteNotFoundError",
        "UnknownDocumentError",
        "UnknownIdError",
    ),
    "jinan_gov.export": (
        "DATAPACKAGE_PROFILE",
        "FORMATS",
        "LICENSE",
        "TABLES",
        "ExportError",
        "ExportFormat",
        "ExportTable",
        "ForeignKey",
        "csv_bytes",
        "datapackage_descriptor",
        "excel_safe",
        "export",
        "field_descriptor",
        "field_type",
        "table_schema",
    ),
    "jinan_gov.atomic": (
        "existing_mode",
        "publish_file",
        "publish_files",
    ),
    "jinan_gov.extract": (
        "INDICATORS",
        "Indicator",
        "decode_report",
        "extract_many",
        "extract_outcomes",
        "extract_targets",
        "extraction_text",
        "indicator_key",
        "read_extracted_targets",
        "read_report",
        "sample_reports",
        "target_vs_outcome",
    ),
    "jinan_gov.plan": (
        "base_unit",
        "filter_pairs",
        "indicators",
        "outcomes_2022",
        "pair_by_indicator",
        "plan_pairs",
        "section_key",
        "sections",
        "select_indicators",
        "targets_2023",
        "tasks_2023",
    ),
    "jinan_gov.rules": (
        "TIME_LIMIT_FACTS",
        "Article",
        "article",
        "articles",
        "chapters",
        "due_date",
        "facts",
        "search",
        "select_facts",
    ),
    "jinan_gov.schemas": (
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
    ),
    "jinan_gov.schemas.tables": (
        "cached_frame",
        "polars_schema",
        "read_csv",
        "read_package_text",
        "read_table",
    ),
    "jinan_gov.schemas.validation": (
        "passes",
        "validate",
    ),
    "jinan_gov.schemas.vocab": (
        "DIRECTIONS",
        "DOC_IDS",
        "EXTRACTED_QUALIFIERS",
        "FACT_KINDS",
        "FACT_UNITS",
        "FLAGS",
        "HEDGES",
        "INDICATOR_TABLES",
        "KINDS",
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
        "TIERS",
        "TIME_LIMIT_FACTS",
        "UNIT_MULTIPLIERS",
    ),
    "jinan_gov.search": ("search_indicators",),
    "jinan_gov.search.bm25": (
        "QUERY_CHARS",
        "Field",
        "Hit",
        "Index",
        "Query",
        "fold",
        "tokens_en",
        "tokens_zh",
    ),
    "jinan_gov.text": (),
    "jinan_gov.text.normalize": (
        "clean_web_text",
        "fold_text",
        "is_cjk",
        "nfkc",
        "normalize_lines",
        "normalize_text",
        "require_text",
        "split_raw_lines",
    ),
    "jinan_gov.text.numerals": (
        "base_unit",
        "parse_chinese_numeral",
        "parse_chinese_quantity",
        "to_chinese_numeral",
    ),
    "jinan_gov.text.sources": (
        "QuoteLocation",
        "appointments",
        "documents",
        "locate_quote",
        "quote_in_source",
        "raw_text",
        "source_text",
    ),
    "jinan_gov.text.user_files": ("SAVE_AS_UTF8", "UserSource", "read_user_bytes", "to_utf8"),
    "jinan_gov.text.wording": (
        "BENCHMARKS",
        "QUALIFIERS",
        "STYLES",
        "format_number",
        "render_target",
        "target_text",
    ),
    "jinan_gov.widgets": (
        "HEADLINES",
        "KIND_LABELS",
        "MEASURE_LABELS",
        "OKABE_ITO",
        "PANEL_INDICATORS",
        "STATUS_COLORS",
        "STATUS_LABELS",
        "AttainmentWhatIf",
        "ExtractionExplorer",
        "PlanExplorer",
        "RulesExplorer",
        "article_html",
        "attainment_what_if",
        "chart_widget",
        "deadline_html",
        "deadline_options",
        "extraction_explorer",
        "facts_html",
        "facts_table",
        "filter_pairs",
        "gap_chart",
        "headline_chart",
        "headline_pairs",
        "headline_pairs_chart",
        "headline_targets",
        "highlighted_html",
        "measure_options",
        "measures_chart",
        "pairs_chart",
        "pairs_table_html",
        "parse_benchmarks",
        "plan_explorer",
        "plan_pairs",
        "report_label",
        "rules_explorer",
        "search_html",
        "section_key",
        "section_options",
        "sections_chart",
        "status_table_html",
        "summary_line",
        "targets_html",
        "what_if_targets",
    ),
    "jinan_gov.widgets.attainment": (
        "AttainmentWhatIf",
        "attainment_what_if",
        "gap_chart",
        "parse_benchmarks",
        "status_table_html",
        "summary_line",
    ),
    "jinan_gov.widgets.extraction": (
        "HEADLINES",
        "ExtractionExplorer",
        "extraction_explorer",
        "headline_chart",
        "headline_targets",
        "highlighted_html",
        "report_label",
        "targets_html",
    ),
    "jinan_gov.widgets.panel": ("PANEL_INDICATORS", "headline_pairs", "headline_pairs_chart"),
    "jinan_gov.widgets.plan": (
        "HEADROOM",
        "PlanExplorer",
        "measure_options",
        "measures_chart",
        "pairs_chart",
        "pairs_table_html",
        "plan_explorer",
        "section_options",
        "sections_chart",
    ),
    "jinan_gov.widgets.rules": (
        "KIND_LABELS",
        "RulesExplorer",
        "article_html",
        "deadline_html",
        "deadline_options",
        "facts_html",
        "facts_table",
        "rules_explorer",
        "search_html",
    ),
    "jinan_gov.workdays": (
        "DAY_KINDS",
        "HolidayNotice",
        "add_working_days",
        "day_kind",
        "holiday_name",
        "is_working_day",
        "load_holiday_notice",
        "published_years",
        "working_days_between",
    ),
}


def _all_modules() -> list[str]:
    """Every module of the package except ``__main__`` (importing it runs the CLI)."""
    found = pkgutil.walk_packages(jinan_gov.__path__, "jinan_gov.")
    return sorted(m.name for m in found if m.name != "jinan_gov.__main__")


def _is_public(name: str) -> bool:
    return not any(part.startswith("_") for part in name.split("."))


def test_every_public_module_is_pinned() -> None:
    public = [name for name in _all_modules() if _is_public(name)]
    assert sorted(PUBLIC) == public, "pin the public names of a new module in PUBLIC"


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_names_are_pinned(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__ == PUBLIC[name]


@pytest.mark.parametrize("name", _all_modules())
def test_all_is_a_tuple_of_existing_names_and_dir_shows_only_them(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    assert isinstance(module.__all__, tuple), f"{name}.__all__ must be a tuple"
    assert len(set(module.__all__)) == len(module.__all__), f"{name}.__all__ repeats a name"
    for public in module.__all__:
        assert hasattr(module, public), f"{name}.__all__ lists {public!r}, which does not exist"
    assert dir(module) == sorted(module.__all__), f"{name} needs a __dir__ returning __all__"


def test_imports_are_hidden_from_dir() -> None:
    assert {"re", "pl", "math", "cast", "dt", "Counter"}.isdisjoint(dir(jinan_gov.rules))
    assert "pl" in vars(jinan_gov.rules) or "polars" in vars(jinan_gov.rules)
