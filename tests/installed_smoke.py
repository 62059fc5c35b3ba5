"""Run by ``nox -s wheel`` with the *installed* wheel: every loader must work from site-packages."""

from __future__ import annotations

import importlib
from importlib import metadata

import jinan_gov


def main() -> None:
    location = jinan_gov.__file__ or ""
    if "site-packages" not in location:
        raise SystemExit(f"jinan_gov imported from the source tree ({location}), not the wheel")
    loaders = [name for name in jinan_gov.__all__ if name in LOADERS]
    for name in loaders:
        frame = getattr(jinan_gov, name)()
        print(f"{name}: {frame.height} rows")
        if frame.height == 0:
            raise SystemExit(f"{name}() is empty in the installed wheel")
    for module_name, function_names in MODULE_LOADERS.items():
        module = importlib.import_module(module_name)
        for function_name in function_names:
            frame = getattr(module, function_name)()
            print(f"{module_name}.{function_name}: {frame.height} rows")
    licence_files = [f for f in metadata.files("jinan-gov") or () if f.name == "LICENSE"]
    if not licence_files or "MIT License" not in licence_files[0].read_text(encoding="utf-8"):
        raise SystemExit("LICENSE is missing from the installed wheel")
    names = jinan_gov.appointments()["name_zh"].to_list()
    if names != ["辛全龙", "石万鹏", "张子信"]:
        raise SystemExit(f"unexpected appointments {names}")
    if jinan_gov.documents().height != 3:
        raise SystemExit("documents() should have 3 rows")
    for doc_id in jinan_gov.documents()["doc_id"]:
        if not jinan_gov.source_text(doc_id):
            raise SystemExit(f"empty source text for {doc_id}")


# Every table loader of the public API; a loader missing here is caught by test_public_api.
LOADERS = ("documents", "appointments", "outcomes_2022", "targets_2023", "tasks_2023", "indicators")
MODULE_LOADERS: dict[str, tuple[str, ...]] = {"jinan_gov.rules": ("chapters", "articles", "facts")}

if __name__ == "__main__":
    main()
