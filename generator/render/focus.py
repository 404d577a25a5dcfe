"""`learn/data/focus/<id>.json`: for each topic, the drawing of only what it builds on and what it
unlocks, for the roadmap viewer's "focus on a topic" (site/assets/js/viewer.js).

Which topics a focus shows and where they go is decided here, once: the browser moves the
roadmap's own nodes to these positions and swaps in these edge paths, and keeps no graph rules
of its own. Coordinates are whole pixels from the top left of the roadmap's bands; the drawing says where
those start (its `data-focus-top`, below the legend).
"""

from __future__ import annotations

import json
from dataclasses import replace

from generator.kb.roadmap import Roadmap
from generator.render import svg
from generator.render.layout import Layout

# A focus is a few dozen topics: a lighter crossing search than the whole roadmap's is as good.
FOCUS_OPTIONS = replace(svg.ROADMAP_OPTIONS, starts=2, sweeps=4, placements=1, placement_rounds=4)


def focus_topics(roadmap: Roadmap, tid: str) -> set[str]:
    """The topic, everything it builds on (prerequisites of any strength, directly or not) and
    everything that needs it: the same chain the roadmap lights up when you point at a topic."""
    return {tid} | roadmap.ancestors(tid, include_recommended=True) | roadmap.descendants(tid)


def _drawing(placed: Layout) -> dict[str, object]:
    nodes = {box.id: [round(box.x), round(box.y)] for box in placed.boxes.values()}
    edges = {f"{route.source} {route.target}": svg.smooth_path(route.points) for route in placed.routes}
    return {"width": round(placed.width), "height": round(placed.height), "nodes": nodes, "edges": edges}


def focus_json(roadmap: Roadmap, tid: str) -> str:
    """One topic's focus drawing: {width, height, nodes: {id: [x, y]}, edges: {"from to": path}},
    node positions being the top-left corners of their boxes. One small file per topic, fetched
    only when a learner focuses on it."""
    drawing = _drawing(svg.layout_for(roadmap, focus_topics(roadmap, tid), FOCUS_OPTIONS))
    return json.dumps(drawing, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
