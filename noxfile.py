"""Quality gates: ``uv run nox`` runs the default sessions (lint, types, tests, site, wheel)."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["lint", "typecheck", "tests", "site", "wheel"]
nox.options.error_on_missing_interpreters = True


def _sync(session: nox.Session, *extra: str) -> None:
    """Install the locked environment (``session.install`` would ignore uv.lock)."""
    session.run_install(
        "uv",
        "sync",
        "--locked",
        *extra,
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check."""
    _sync(session)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src, tests, benchmarks and this file."""
    _sync(session)
    session.run("mypy", "--strict")


@nox.session
def tests(session: nox.Session) -> None:
    """pytest with hypothesis, doctests, notebooks and the browser test."""
    _sync(session)
    session.run("pytest", *session.posargs)


@nox.session
def site(session: nox.Session) -> None:
    """Build the documentation site into site/ with ``mkdocs build --strict`` (about 25 s).

    Warnings are errors: a broken link, a missing page or a docstring mkdocstrings cannot
    read fails the build. The pages' code examples run in tests/test_docs_examples.py and the
    built site is opened in Chromium by tests/e2e/test_site_browser.py.
    """
    _sync(session)
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", *session.posargs)


@nox.session
def wheel(session: nox.Session) -> None:
    """Build the wheel, install it into a fresh venv, load every table from the installed copy."""
    _sync(session)
    dist = session.create_tmp()
    venv = f"{dist}/venv"
    session.run("uv", "venv", "--quiet", venv)
    python = f"{venv}/bin/python"
    for old_wheel in Path(dist).glob("jinan_gov-*.whl"):
        old_wheel.unlink()
    session.run("uv", "build", "--wheel", "--out-dir", dist)
    (wheel_file,) = Path(dist).glob("jinan_gov-*.whl")
    session.run("uv", "pip", "install", "--quiet", "--python", python, str(wheel_file))
    session.run(python, "-I", "tests/installed_smoke.py", external=True)
    # The sdist too, and both must pass PyPI's metadata and README checks.
    for old_sdist in Path(dist).glob("jinan_gov-*.tar.gz"):
        old_sdist.unlink()
    session.run("uv", "build", "--sdist", "--out-dir", dist)
    (sdist_file,) = Path(dist).glob("jinan_gov-*.tar.gz")
    session.run("twine", "check", "--strict", str(wheel_file), str(sdist_file))


@nox.session(name="notebook_pages")
def notebook_pages(session: nox.Session) -> None:
    """Execute the notebooks and save them with their outputs in docs/notebooks/ for the site.

    Not in the default run: it executes every notebook (about a minute or two). Run it after
    changing a notebook or what the notebooks show; tests/test_docs.py checks the pages.
    """
    _sync(session)
    session.run("python", "docs/build_notebooks.py", *session.posargs)
