"""Write small, valid knowledge bases for tests: topics named by their prerequisites."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

STAGES = Path(__file__).parent / "fixtures" / "mini" / "roadmap" / "stages.yml"

Edge = tuple[str, str]  # (prerequisite id, "required" | "recommended")


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
        (root / "roadmap" / f"{tid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    covers = "\n".join(f"  - topic: {tid}\n    sections: Part {i}" for i, tid in enumerate(topics, 1))
    (root / "resources" / "everything.yml").write_text(
        "title: Everything\nkind: book\nurl: https://example.org/everything\nprovider: Example\n"
        f"cost: free\nlevel: beginner\ndescription: All of it.\ncovers:\n{covers}\n",
        encoding="utf-8",
    )
    return root
