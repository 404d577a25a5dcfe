"""Shared helpers: a copy of the small fixture knowledge base, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from generator.cli import main

from helpers import MINI, Result


@pytest.fixture
def mini_root(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/mini (6 topics, 4 resources)."""
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    return root


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run the `roadmap` CLI in-process and capture what it printed."""

    def _run(*args: str | Path) -> Result:
        argv: Sequence[str] = [str(a) for a in args]
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run
