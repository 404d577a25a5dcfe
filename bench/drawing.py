"""How calm the roadmap's drawing is: edge crossings, total edge length and the longest edge,
measured on the drawn routes (the curves svg.py draws, sampled), for a knowledge base.

.venv/bin/python bench/drawing.py [ROOT] [--set NAME=VALUE ...]   # e.g. --set crossing_cost=40

Crossings are counted between the drawn curves of two edges that share no end (two edges
into or out of one topic meet there by design); `minimiser` is the count between adjacent
rows that the ordering step itself minimises. Lengths are in CSS pixels of the drawing.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
from collections.abc import Sequence
from pathlib import Path

from generator.kb.loading import load_roadmap
from generator.render import svg
from generator.render.layout import Layout, Point

Segment = tuple[Point, Point]
SAMPLES = 10  # straight pieces per S-curve


def sampled(points: Sequence[Point]) -> list[Point]:
    """The polyline of a route as svg.smooth_path draws it: straight where x is unchanged,
    else a cubic S-curve with vertical tangents at both ends."""
    out = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x0 == x1:
            out.append((x1, y1))
            continue
        mid = (y0 + y1) / 2
        for i in range(1, SAMPLES + 1):
            t = i / SAMPLES
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            out.append((a * x0 + b * x0 + c * x1 + d * x1, a * y0 + b * mid + c * mid + d * y1))
    return out


def _cross(p: Point, q: Point, r: Point) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _segments_cross(s: Segment, t: Segment) -> bool:
    (a, b), (c, d) = s, t
    d1, d2, d3, d4 = _cross(c, d, a), _cross(c, d, b), _cross(a, b, c), _cross(a, b, d)
    return d1 * d2 < 0 and d3 * d4 < 0


def _box(line: list[Point]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in line], [p[1] for p in line]
    return min(xs), min(ys), max(xs), max(ys)


def measure(placed: Layout) -> dict[str, object]:
    lines = [(route.source, route.target, sampled(route.points)) for route in placed.routes]
    lengths = [(sum(math.dist(p, q) for p, q in itertools.pairwise(line)), s, t) for s, t, line in lines]
    boxes = [_box(line) for _, _, line in lines]
    crossings = 0
    for i, j in itertools.combinations(range(len(lines)), 2):
        (s1, t1, a), (s2, t2, b) = lines[i], lines[j]
        if {s1, t1} & {s2, t2}:
            continue
        ba, bb = boxes[i], boxes[j]
        if ba[2] < bb[0] or bb[2] < ba[0] or ba[3] < bb[1] or bb[3] < ba[1]:
            continue
        segs_b = list(itertools.pairwise(b))
        # Two curves may cross several times; each pair of edges counts the times they do.
        crossings += sum(1 for sa in itertools.pairwise(a) for sb in segs_b if _segments_cross(sa, sb))
    longest = max(lengths)
    return {
        "crossings": crossings,
        "minimiser": placed.crossings,
        "total_length": round(sum(length for length, _, _ in lengths)),
        "longest": round(longest[0]),
        "longest_edge": f"{longest[1]} -> {longest[2]}",
        "edges_over_1000": sum(1 for length, _, _ in lengths if length > 1000),
        "width": round(placed.width),
        "height": round(placed.height),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", type=Path)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a layout option")
    args = parser.parse_args()
    options = svg.ROADMAP_OPTIONS
    for item in args.set:
        name, value = item.split("=", 1)
        kind = type(getattr(options, name))
        options = dataclasses.replace(options, **{name: kind(value)})
    roadmap = load_roadmap(args.root)
    placed = svg.layout_for(roadmap, roadmap.topics, options)
    print(json.dumps(measure(placed), indent=1))


if __name__ == "__main__":
    main()
