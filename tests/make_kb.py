"""Write small, valid knowledge bases for tests: topics named by their prerequisites."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.kb.models import Exercise

STAGES = Path(__file__).parent / "fixtures" / "mini" / "roadmap" / "stages.yml"

Edge = tuple[str, str]  # (prerequisite id, "required" | "recommended")

# Three exercises testing the three goals, on one line after everything else (line numbers stay put).
# The same, as records, for tests that build `Topic`s in Python.
EXERCISES = [
    Exercise(kind="explain", goals=[1, 2, 3], question="Q1.", solution="S1."),
    Exercise(kind="explain", goals=[1], question="Q2.", solution="S2."),
    Exercise(kind="explain", goals=[2], question="Q3.", solution="S3."),
]
EXERCISES_YAML = "exercises: [{kind: explain, goals: [1, 2, 3], question: Q1., solution: S1.}, {kind: explain, goals: [1], question: Q2., solution: S2.}, {kind: explain, goals: [2], question: Q3., solution: S3.}]"


def write_kb(
    root: Path,
    topics: Mapping[str, Sequence[str | Edge]],
    *,
    stage: Mapping[str, str] | None = None,
    hours: Mapping[str, float] | None = None,
) -> Path:
    """Topics with the given prerequisites (a bare id means required) and one resource covering all."""
    (root / "roadmap").mkdir(parents=True, exist_ok=True)
    (root / "resources").mkdir(parents=True, exist_ok=True)
    shutil.copy(STAGES, root / "roadmap" / "stages.yml")
    for tid, pres in topics.items():
        lines = [
            f"title: Topic {tid}",
            f"stage: {(stage or {}).get(tid, 'foundations')}",
            "area: calculus",
            f"summary: About {tid}.",
            "description: Text.",
            "why_it_matters: Text.",
            "goals: [One, Two, Three]",
            f"hours: {(hours or {}).get(tid, 2)}",
            "prerequisites:" if pres else "prerequisites: []",
        ]
        for pre in pres:
            pid, strength = (pre, "required") if isinstance(pre, str) else pre
            lines += [f"  - topic: {pid}", f"    strength: {strength}", "    reason: Needed."]
        lines.append(EXERCISES_YAML)
        (root / "roadmap" / f"{tid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    covers = "\n".join(f"  - topic: {tid}\n    sections: Part {i}" for i, tid in enumerate(topics, 1))
    (root / "resources" / "everything.yml").write_text(
        "title: Everything\nkind: book\nurl: https://example.org/everything\nprovider: Example\n"
        f"cost: free\nlevel: beginner\ndescription: All of it.\ncovers:\n{covers}\n",
        encoding="utf-8",
    )
    return root
