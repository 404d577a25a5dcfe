"""`learn/data/roadmap.json`: the graph for the browser scripts."""

from __future__ import annotations

import json

from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import AREAS
from generator.plan.rules import DEFAULT_PACE, MAX_PACE, MIN_PACE
from generator.plan.timetable import (
    MAX_WEEKS,
    REVIEW_FRACTION,
    REVIEW_GAPS,
    REVIEW_MAX_HOURS,
    REVIEW_MIN_HOURS,
    REVIEW_SHARE,
    REVIEW_STEP,
)
from generator.render.text import number, plain


def roadmap_json(roadmap: Roadmap) -> str:
    """`learn/data/roadmap.json`: the graph for the browser scripts (planner, progress)."""
    data = {
        # The planner's tie-break order of areas, so that it keeps no vocabulary of its own.
        "areas": list(AREAS),
        # The paces a plan may have (plan/rules.py), so that links and stored state are held to them.
        "pace": {"min": number(MIN_PACE), "max": number(MAX_PACE), "default": number(DEFAULT_PACE)},
        # The timetable's numbers (plan/timetable.py), so that timetable.js holds no policy of its own.
        "review": {
            "gaps": list(REVIEW_GAPS),
            "share": number(REVIEW_SHARE),
            "fraction": number(REVIEW_FRACTION),
            "step": number(REVIEW_STEP),
            "min_hours": number(REVIEW_MIN_HOURS),
            "max_hours": number(REVIEW_MAX_HOURS),
            "max_weeks": MAX_WEEKS,
        },
        "stages": [stage.model_dump(mode="json") for stage in sorted(roadmap.stages, key=lambda s: s.id)],
        "topics": [
            {
                "id": tid,
                "title": t.title,
                "stage": t.stage,
                "area": t.area,
                "summary": plain(t.summary),
                # Other names, which the planner's search matches too.
                "aliases": list(t.aliases),
                "hours": number(t.hours),
                # With reasons, for the roadmap viewer's details panel.
                "prerequisites": [{"topic": p.topic, "strength": p.strength, "reason": plain(p.reason)} for p in t.prerequisites],
                # Best first (kb/ranking.py): the planner shows the first ones as they are.
                "resources": list(roadmap.reading[tid]),
                # What to read of each for this topic (the planner shows it with each step).
                "sections": {rid: plain(sections) for rid, sections in roadmap.reading[tid].items()},
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
