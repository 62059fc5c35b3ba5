"""Quality gates: ``uv run nox`` runs every session (lint, types, tests, wheel)."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["lint", "typecheck", "tests", "wheel"]
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


@nox.session
def docs(session: nox.Session) -> None:
    """Execute the notebooks and publish them with their outputs as HTML in docs/notebooks/.

    Not in the default run: it executes every notebook (about two minutes). Run it after
    changing a notebook or what the notebooks show; tests/test_docs.py checks the pages.
    """
    _sync(session)
    session.run("python", "docs/build_notebooks.py", *session.posargs)
