"""Licence, citation, changelog and version agree with each other and with the package."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

import jsonschema
import yaml

import jinan_gov

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_version_is_the_one_the_package_metadata_gives() -> None:
    assert jinan_gov.__version__ == metadata.version("jinan-gov")
    assert _pyproject()["project"]["dynamic"] == ["version", "urls"]
    assert _pyproject()["tool"]["hatch"]["version"]["path"] == "src/jinan_gov/__init__.py"


def test_citation_cff_validates_against_the_cff_schema() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    schema = json.loads(
        (ROOT / "tests" / "data" / "citation_cff_schema_1.2.0.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(citation, schema, format_checker=jsonschema.FormatChecker())
    assert str(citation["version"]) == jinan_gov.__version__


def test_citation_schema_check_can_fail() -> None:
    schema = json.loads(
        (ROOT / "tests" / "data" / "citation_cff_schema_1.2.0.json").read_text(encoding="utf-8")
    )
    broken = {"cff-version": "1.2.0", "title": "x"}  # no message, no authors
    validator = jsonschema.Draft7Validator(schema)
    assert list(validator.iter_errors(broken))


def test_changelog_has_an_entry_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert releases, "no dated release heading in CHANGELOG.md"
    assert releases[0] == jinan_gov.__version__


def test_licence_covers_code_and_data() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "CC BY 4.0" in licence
    assert "Copyright Law of the People's Republic of China" in licence
    assert _pyproject()["project"]["license-files"] == ["LICENSE"]
    assert metadata.metadata("jinan-gov")["License-Expression"] == "MIT"


def test_project_urls_come_from_the_published_repository() -> None:
    source = (ROOT / "hatch_build.py").read_text(encoding="utf-8")
    namespace: dict[str, Any] = {}
    # The hook's pure function, without hatchling (which only the build environment has).
    exec(
        source.split("class ProjectUrlsHook", 1)[0].replace(
            "from hatchling.metadata.plugin.interface import MetadataHookInterface", ""
        ),
        namespace,
    )
    urls = namespace["project_urls"]("https://host.example/team/jinan_gov/")
    assert sorted(urls) == ["Changelog", "Documentation", "Issues", "Source", "Source documents"]
    assert urls["Source"] == "https://host.example/team/jinan_gov"
    assert urls["Issues"] == "https://host.example/team/jinan_gov/issues"
    assert namespace["project_urls"]("") == {"Source documents": "https://www.jinan.gov.cn/"}
    assert "JINAN_GOV_REPOSITORY_URL" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_classifiers_name_the_supported_pythons_and_no_licence() -> None:
    classifiers = _pyproject()["project"]["classifiers"]
    requires = _pyproject()["project"]["requires-python"]
    assert requires == ">=3.11"
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")]  # PEP 639: license = "MIT"
