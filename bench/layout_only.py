"""Time the layout of a knowledge base's whole graph, as the roadmap page draws it.

.venv/bin/python bench/layout_only.py ROOT     # prints the seconds the layout call took
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.kb.loading import load_roadmap
from generator.render.layout import LayoutEdge, LayoutNode, Options, layout


def main() -> None:
    roadmap = load_roadmap(Path(sys.argv[1]))
    order = {stage.id: stage.order for stage in roadmap.stages}
    chosen = sorted(roadmap.topics, key=roadmap.sort_key)
    nodes = [LayoutNode(tid, order[roadmap.topics[tid].stage], roadmap.topics[tid].title) for tid in chosen]
    edges = [LayoutEdge(p.topic, tid) for tid in chosen for p in roadmap.topics[tid].prerequisites]
    start = time.perf_counter()
    result = layout(nodes, edges, Options())
    elapsed = time.perf_counter() - start
    assert len(result.boxes) == len(nodes)
    print(f"{elapsed:.3f}")


if __name__ == "__main__":
    main()
