"""`learn/data/roadmap.json`: the graph for the browser scripts."""

from __future__ import annotations

import json

from generator.kb.roadmap import Roadmap
from generator.render.text import number


def roadmap_json(roadmap: Roadmap) -> str:
    """`learn/data/roadmap.json`: the graph for the browser scripts (planner, progress)."""
    # What to read of each resource, by topic (a topic's first `covers` entry, as roadmap.sections).
    sections: dict[str, dict[str, str]] = {}
    for rid, r in roadmap.resources.items():
        for cover in r.covers:
            sections.setdefault(cover.topic, {}).setdefault(rid, cover.sections)
    data = {
        "stages": [stage.model_dump(mode="json") for stage in sorted(roadmap.stages, key=lambda s: s.id)],
        "topics": [
            {
                "id": tid,
                "title": t.title,
                "stage": t.stage,
                "area": t.area,
                "summary": t.summary,
                "hours": number(t.hours),
                "prerequisites": [{"topic": p.topic, "strength": p.strength} for p in t.prerequisites],
                "resources": roadmap.covering[tid],
                # What to read of each for this topic (the planner shows it with each step).
                "sections": {rid: sections[tid][rid] for rid in roadmap.covering[tid]},
            }
            for tid, t in sorted(roadmap.topics.items())
        ],
        "resources": [
            {
                "id": rid,
                "title": r.title,
                "kind": r.kind,
                "url": r.url,
                "cost": r.cost,
                "level": r.level,
                "hours": None if r.hours is None else number(r.hours),
            }
            for rid, r in sorted(roadmap.resources.items())
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
