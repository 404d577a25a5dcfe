"""The lint and format gate, run by the README's test command: ruff (lint and format) and
mypy --strict over generator/, tests/, bench/ and dev.py, as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["generator", "tests", "bench", "dev.py"]


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_passes() -> None:
    done = _run("ruff", "check", "--no-cache", "--output-format", "concise", *CHECKED)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_leaves_every_file_as_it_is() -> None:
    done = _run("ruff", "format", "--no-cache", "--check", *CHECKED)
    assert done.returncode == 0, f"run `.venv/bin/ruff format {' '.join(CHECKED)}`:\n{done.stdout}{done.stderr}"


@pytest.mark.slow
def test_mypy_strict_passes() -> None:
    done = _run("mypy", "--no-error-summary", "--hide-error-context")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_gate_covers_the_code_it_claims_to() -> None:
    # mypy's files (pyproject.toml) and ruff's paths here name the same code.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["mypy"]["files"] == CHECKED
    assert config["tool"]["mypy"]["strict"] is True
