"""Pin the public surface: adding or removing a public name must be a deliberate change."""

from __future__ import annotations

import subprocess
import sys

import pytest

import jinan_gov

EXPECTED = (
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
RULES_API = (
    "TIME_LIMIT_FACTS",
    "Article",
    "article",
    "articles",
    "chapters",
    "due_date",
    "facts",
    "search",
    "select_facts",
)


def test_all_is_a_sorted_tuple_pinned_here() -> None:
    assert isinstance(jinan_gov.__all__, tuple)
    assert jinan_gov.__all__ == EXPECTED


def test_dir_shows_only_the_public_api() -> None:
    assert dir(jinan_gov) == sorted(EXPECTED)


def test_every_public_name_exists_and_rules_api() -> None:
    for name in EXPECTED:
        assert hasattr(jinan_gov, name), name
    assert jinan_gov.rules.__all__ == RULES_API


def test_errors_subclass_builtins() -> None:
    assert issubclass(jinan_gov.UnknownIdError, LookupError)
    assert issubclass(jinan_gov.UnknownDocumentError, LookupError)
    assert issubclass(jinan_gov.QuoteNotFoundError, LookupError)
    assert issubclass(jinan_gov.ArticleNotFoundError, LookupError)
    assert issubclass(jinan_gov.CalendarNotPublishedError, ValueError)
    assert issubclass(jinan_gov.InvalidActualsError, ValueError)


def _in_a_new_interpreter(*lines: str) -> None:
    """Run ``import sys, jinan_gov`` and then these lines in a fresh Python; fail if they do."""
    code = "\n".join(("import sys, jinan_gov", *lines))
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_does_not_pull_heavy_optional_dependencies_or_read_data() -> None:
    _in_a_new_interpreter(
        "heavy = {'altair', 'ipywidgets', 'voila', 'IPython', 'vl_convert'} & set(sys.modules)",
        "assert not heavy, heavy",
        "from jinan_gov import plan",
        "from jinan_gov.text import sources",
        "assert sources._raw_text.cache_info().currsize == 0",
        "assert plan._load.cache_info().currsize == 0",
    )


def test_public_names_are_imported_from_their_modules_on_first_use() -> None:
    _in_a_new_interpreter(
        "loaded = sorted(m for m in sys.modules if m.startswith('jinan_gov.'))",
        "assert loaded == ['jinan_gov.errors'], loaded",
        "assert 'polars' not in sys.modules",
        "from jinan_gov import documents",
        "assert 'jinan_gov.text.sources' in sys.modules",
        "assert 'jinan_gov.search' not in sys.modules and 'jinan_gov.extract' not in sys.modules",
    )


def test_each_public_name_is_the_object_of_its_home_module() -> None:
    import importlib  # noqa: PLC0415

    for name, home in jinan_gov._HOMES.items():
        assert getattr(jinan_gov, name) is getattr(importlib.import_module(home), name), name
    assert jinan_gov.rules is importlib.import_module("jinan_gov.rules")


def test_an_unknown_attribute_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="'no_such_name'"):
        _ = jinan_gov.no_such_name
    assert set(jinan_gov._HOMES) | {"__version__", "rules"} | {
        n for n in EXPECTED if n.endswith("Error")
    } == set(EXPECTED)


def test_submodules_are_attributes_without_an_import() -> None:
    _in_a_new_interpreter(
        "assert jinan_gov.plan.targets_2023().height == 21",
        "assert jinan_gov.attainment.assess is jinan_gov.assess",
        "assert 'jinan_gov.widgets' not in sys.modules",
        "assert not hasattr(jinan_gov, 'widgets')",
    )


def test_every_public_error_crosses_processes_and_copies() -> None:
    import copy  # noqa: PLC0415
    import pickle  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    from jinan_gov import errors  # noqa: PLC0415

    made = {
        errors.UnknownIdError: errors.UnknownIdError("target id", "gdp", ["gdp_growth_2023"]),
        errors.UnknownDocumentError: errors.UnknownDocumentError("plan", ["plan_2023"]),
    }
    for name in errors.__all__:
        kind = getattr(errors, name)
        error = made.get(kind) or kind(f"{name} message")
        for twin in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
            assert type(twin) is kind
            assert str(twin) == str(error)
            assert twin.args == error.args
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_unknown_document)
        with pytest.raises(jinan_gov.UnknownDocumentError, match="unknown doc_id 'plan'"):
            future.result(timeout=60)


def _unknown_document() -> None:
    from jinan_gov.text.sources import source_text  # noqa: PLC0415

    source_text("plan")
