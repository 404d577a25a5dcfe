"""Shared test helpers (a plain module: two conftest.py files cannot both be imported as `conftest`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


@dataclass
class Result:
    """What one in-process `roadmap` run returned and printed."""

    code: int
    out: str
    err: str
