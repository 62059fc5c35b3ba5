"""Build hook: the project URLs, from the address where the repository is published.

Set ``JINAN_GOV_REPOSITORY_URL`` (e.g. the repository's web address on its code host) when
building a release; see CONTRIBUTING.md, "Publishing". Without it the package carries only
the address of the source documents, never a guessed URL.
"""

from __future__ import annotations

import os
from typing import Any

from hatchling.metadata.plugin.interface import MetadataHookInterface

SOURCE_DOCUMENTS = "https://www.jinan.gov.cn/"


def project_urls(repository: str, documentation: str = "") -> dict[str, str]:
    """``[project.urls]`` for a repository published at ``repository``."""
    urls = {"Source documents": SOURCE_DOCUMENTS}
    base = repository.strip().rstrip("/")
    if base:
        urls |= {
            "Documentation": documentation.strip() or f"{base}/blob/main/docs/index.md",
            "Changelog": f"{base}/blob/main/CHANGELOG.md",
            "Issues": f"{base}/issues",
            "Source": base,
        }
    return urls


class ProjectUrlsHook(MetadataHookInterface):  # type: ignore[misc]
    """Fill the dynamic ``urls`` field of ``[project]``."""

    def update(self, metadata: dict[str, Any]) -> None:
        metadata["urls"] = project_urls(
            os.environ.get("JINAN_GOV_REPOSITORY_URL", ""),
            os.environ.get("JINAN_GOV_DOCUMENTATION_URL", ""),
        )
