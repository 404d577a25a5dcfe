"""Positioned problems: the one currency every check in this package pays in."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from generator.safe_text import printable


@dataclass(frozen=True, order=True)
class Position:
    """A place in a file; line and column count from 1."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        # A file may be named anything git can store (escape codes, newlines): shown escaped,
        # so a problem is always exactly one line.
        return f"{printable(self.path)}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, where it is, what to do about it, and the id of the
    check that found it (every id is listed in `generator.kb.checks.ALL_CHECKS` and in
    CONTRIBUTING.md)."""

    position: Position
    message: str
    check: str  # last, so problems still sort by place, then message

    def __str__(self) -> str:
        # Messages quote the contributor's values; control characters in them must not break the line.
        return f"{self.position}: error[{self.check}]: {printable(self.message)}"


class DataError(Exception):
    """Raised with every problem of a run, sorted, so they can all be shown at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word`, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None


class RootError(Exception):
    """The folder given as --root does not hold a knowledge base (a usage error, not a data error)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean `x`?' for the closest choice, or '' when nothing is close."""
    close = closest(word, choices)
    return f"; did you mean `{close}`?" if close else ""


def field_path(loc: Iterable[str | int]) -> str:
    """('prerequisites', 1, 'topic') -> 'prerequisites[1].topic'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
