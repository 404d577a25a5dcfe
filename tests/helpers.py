"""Shared test helpers (a plain module: two conftest.py files cannot both be imported as `conftest`)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


# Run first by `fresh`: the code can tell whether it forked from the list `forks`.
_COUNT_FORKS = """\
import os
forks = []
_real_fork = os.fork
def _counting_fork():
    forks.append(1)
    return _real_fork()
os.fork = _counting_fork
"""


def fresh(code: str) -> str:
    """Run `code` in a new interpreter (one thread, so it may fork) and return what it printed.
    `forks` in it lists a 1 for every `os.fork()` made."""
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_FORKS + textwrap.dedent(code)],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@dataclass
class Result:
    """What one in-process `roadmap` run returned and printed."""

    code: int
    out: str
    err: str
