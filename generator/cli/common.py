"""What every command shares: the usage error, loading the knowledge base, printing problems,
and the argument types. Command modules import this, never the dispatcher."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.kb.problems import DataError

if TYPE_CHECKING:
    from generator.kb.roadmap import Roadmap


class UsageError(Exception):
    """Wrong use of a command (exit status 2), with a message that says what to do."""


def load(args: argparse.Namespace) -> Roadmap:
    """Load the knowledge base under --root (raises DataError or RootError)."""
    from generator.kb.loading import load_roadmap

    return load_roadmap(Path(args.root))


def print_problems(exc: DataError, tail: str = "") -> None:
    """Every problem of `exc` on stderr, then how many there are (and in how many files)."""
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    files = len({p.position.path for p in exc.problems})
    noun = "problem" if len(exc.problems) == 1 else "problems"
    print(f"{len(exc.problems)} {noun} in {files} file{'s' if files != 1 else ''}{tail}", file=sys.stderr, flush=True)


def number_in_range(
    kind: Callable[[str], Any], minimum: float, maximum: float = math.inf, *, above: bool = False, unit: str = ""
) -> Callable[[str], Any]:
    """An argparse type: a finite number of `kind` (int or float) from `minimum` (or above it,
    with `above`) to `maximum`, refused with a message that names the range."""

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"`{text}` is not a {'whole ' if kind is int else ''}number") from None
        if not math.isfinite(value) or value < minimum or (above and value == minimum) or value > maximum:
            low = f"{'more than' if above else 'at least'} {minimum:g}"
            high = f" and at most {maximum:g}" if math.isfinite(maximum) else ""
            raise argparse.ArgumentTypeError(f"must be {low}{high}{unit}, not {text}")
        return value

    return parse
