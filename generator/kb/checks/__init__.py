"""Checks: one record against its model (`record_problems`), and all records against each
other (`cross_problems`, running every check registered in `CROSS_CHECKS`).

Every check returns problems instead of raising, so a run can report all of them at
once; each problem carries the id of the check that found it. `ALL_CHECKS` is every id
there is, and CONTRIBUTING.md explains each one.
"""

from __future__ import annotations

# Importing the check modules registers their checks.
from generator.kb.checks import aliases, exercises, graph, references, stages, urls  # noqa: F401
from generator.kb.checks.fields import record_problems
from generator.kb.checks.registry import CROSS_CHECKS, FILE_CHECKS, Records
from generator.kb.problems import Problem

ALL_CHECKS: tuple[str, ...] = FILE_CHECKS + tuple(CROSS_CHECKS)


def cross_problems(records: Records) -> list[Problem]:
    """Every problem the checks across records find."""
    return [problem for run in CROSS_CHECKS.values() for problem in run(records)]


__all__ = ["ALL_CHECKS", "CROSS_CHECKS", "FILE_CHECKS", "Records", "cross_problems", "record_problems"]
