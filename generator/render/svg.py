"""The roadmap as inline SVG: the whole graph, and one topic's prerequisite chain.

Markup follows the site contract: nodes are real links (`<a class="rm-node area-...">`) in
reading order, so Tab walks the graph top to bottom; edges carry `data-from`/`data-to` for
graph.js; colours come from CSS classes (graph.css), so light and dark schemes both work.
Every string from YAML goes through `html_text` (`html.escape` where there is anything to
escape). Coordinates are rounded to whole pixels: the output is small and byte-identical for
the same input.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from generator.kb.models import Stage
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import AREA_LABELS, AREAS
from generator.render.layout import (
    Box,
    Layout,
    LayoutEdge,
    LayoutNode,
    Options,
    Point,
    layout,
    text_width,
    wrap_label,
)
from generator.render.text import html_text, plain
from generator.sizes import BIG_GRAPH_TOPICS, CHAIN_LIMIT, CHAIN_LIMIT_BIG

Href = Callable[[str], str]

STAGE_PREFIX = "stage:"
"""`href(STAGE_PREFIX + stage_id)` must give the link to that stage's page."""

# Wider rows (fewer layers, so shorter edges) and a crossing worth 60 px of width: on the real
# roadmap a quarter fewer crossings and a quarter shorter longest edge than the defaults
# (bench/drawing.py; figures in bench/README.md, "Drawing"). The viewer zooms, so the
# wider drawing costs little.
ROADMAP_OPTIONS = Options(max_row_width=1200.0, crossing_cost=60.0)
# Topic pages have the navigation sidebars beside the content: a narrower drawing.
CHAIN_OPTIONS = Options(max_row_width=620.0, band_header=32.0, starts=12, crossing_cost=30.0)
# Every topic page has a chain: a knowledge base of thousands of topics gets a lighter search,
# so it still generates in seconds. One start and a few rounds find as few crossings, as
# narrow, as two starts and twice the rounds did on synthetic graphs of 1,000 to 5,000
# topics (bench/README.md, "Scale"), at two thirds of the time.
CHAIN_OPTIONS_BIG = replace(CHAIN_OPTIONS, starts=1, sweeps=4, placements=1, placement_rounds=2)

_LEGEND_HEIGHT = 34.0
_STEP_HEIGHT = 62.0
_STEP_WIDTH = 300.0


def _n(value: float) -> str:
    """A coordinate as a whole number: enough for a drawing, and keeps the output compact.

    (The drawing code writes `{round(value)}` inside its f-strings, which gives the same text
    without a call per number.)"""
    return str(round(value))


_attr = html_text


def smooth_path(points: Sequence[Point], dx: float = 0.0, dy: float = 0.0) -> str:
    """SVG path data through `points` (shifted by dx, dy): straight where x is unchanged, else
    an S-curve with vertical tangents at both ends, so edges leave and enter boxes vertically."""
    (x0, y0), rest = points[0], points[1:]
    left = round(x0 + dx)
    if len(rest) == 1:  # most edges: from one row to the next
        (x1, y1), right = rest[0], round(rest[0][0] + dx)
        if right == left:
            return f"M{left} {round(y0 + dy)}V{round(y1 + dy)}"
        mid = round((y0 + y1) / 2 + dy)
        return f"M{left} {round(y0 + dy)}C{left} {mid} {right} {mid} {right} {round(y1 + dy)}"
    parts = [f"M{left} {round(y0 + dy)}"]
    for x1, y1 in rest:
        right = round(x1 + dx)
        if right == left:
            parts.append(f"V{round(y1 + dy)}")
        else:
            mid = round((y0 + y1) / 2 + dy)
            parts.append(f"C{left} {mid} {right} {mid} {right} {round(y1 + dy)}")
        x0, y0, left = x1, y1, right
    return "".join(parts)


def _hours(value: float) -> str:
    return f"{value:g}"


def _step_label(stage: Stage) -> str:
    return f"Step {stage.order}"


# --- pieces ---------------------------------------------------------------------------------


def _defs(marker_id: str) -> str:
    # context-stroke paints the arrowhead in its edge's colour, highlighted or not.
    return (
        f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
        '<path class="rm-arrow" d="M0 1L10 5L0 9z"/></marker></defs>'
    )


def _legend(width: float, areas: Iterable[str], y: float) -> tuple[str, float]:
    """Area swatches and the two edge styles, flowing left to right; returns (markup, height)."""
    items: list[tuple[float, str]] = []  # (width, markup at x=0)
    for area in areas:
        name = AREA_LABELS[area]
        items.append(
            (
                24 + text_width(name, 12),
                f'<rect class="rm-swatch area-{area}" x="0" y="-6" width="14" height="12" rx="3"/>'
                f'<text x="19" y="0">{html_text(name)}</text>',
            )
        )
    for cls, name in (("rm-required", "required"), ("rm-recommended", "recommended")):
        items.append(
            (
                38 + text_width(name, 12),
                f'<path class="rm-edge {cls}" d="M0 0H26"/><text x="32" y="0">{name}</text>',
            )
        )
    parts: list[str] = []
    x, row_y, gap = 12.0, y + _LEGEND_HEIGHT / 2, 18.0
    for item_width, markup in items:
        if x > 12 and x + item_width > width - 12:
            x, row_y = 12.0, row_y + 22
        parts.append(f'<g transform="translate({_n(x)} {_n(row_y)})">{markup}</g>')
        x += item_width + gap
    height = row_y - y + _LEGEND_HEIGHT / 2
    return f'<g class="rm-legend" aria-hidden="true">{"".join(parts)}</g>', height


def _node(roadmap: Roadmap, box: Box, dx: float, dy: float, href: Href, line_height: float, current: bool) -> str:
    """One topic: a link around its box and its centred label lines."""
    topic = roadmap.topics[box.id]
    x, y, lines = box.x, box.y, box.lines
    cx = round(x + box.width / 2 + dx)  # box.cx + dx
    first = y + box.height / 2 + dy - line_height * (len(lines) - 1) / 2
    if len(lines) == 1:
        spans = f'<tspan x="{cx}" y="{round(first)}">{html_text(lines[0])}</tspan>'
    else:
        # A space between the lines: the text read out (and axe's "visible label") is then
        # "Eigendecomposition and the spectral theorem", not "...decompositionand the...".
        spans = " ".join(
            [f'<tspan x="{cx}" y="{round(first + i * line_height)}">{html_text(line)}</tspan>' for i, line in enumerate(lines)]
        )
    extra = (" rm-self", ' aria-current="page"') if current else ("", "")
    return (
        f'<a class="rm-node area-{topic.area}{extra[0]}" href="{_attr(href(box.id))}"{extra[1]} '
        f"{_node_about(box.id, topic.stage, topic.title, plain(topic.summary))}"
        f'<rect x="{round(x + dx)}" y="{round(y + dy)}" width="{round(box.width)}" height="{round(box.height)}" rx="7"/>'
        f"<text>{spans}</text></a>"
    )


# A topic's node says the same in every drawing it is in: each chain of a big knowledge
# base repeats its prerequisites' nodes.
@functools.lru_cache(maxsize=1 << 14)
def _node_about(tid: str, stage: str, title: str, summary: str) -> str:
    return f'data-topic="{_attr(tid)}" data-stage="{_attr(stage)}" aria-label="{_attr(title)}"><title>{html_text(summary)}</title>'


def _graph_body(
    roadmap: Roadmap,
    placed: Layout,
    href: Href,
    frame: tuple[float, float, float],
    options: Options,
    marker_id: str,
    band_title: Callable[[Stage, list[str]], str],
    self_id: str | None = None,
) -> str:
    """Bands, edges, then each band's title and nodes in reading order (the Tab order).

    `frame` is (dx, dy, width): where the layout goes in the SVG, and how wide bands are.
    """
    dx, dy, width = frame
    stages = {stage.order: stage for stage in roadmap.stages}
    parts: list[str] = ['<g class="rm-bands">']
    for band in placed.bands:
        stage = stages[band.band]
        parts.append(
            f'<rect class="rm-band" data-stage="{_attr(stage.id)}" x="0" y="{round(band.y + dy)}" '
            f'width="{round(width)}" height="{round(band.height)}"/>'
        )
    parts.append("</g>")

    # marker-end is inherited, so one attribute on the group serves every edge; fill/stroke
    # here are fallbacks should graph.css be missing (paths would otherwise fill black).
    parts.append(f'<g class="rm-edges" fill="none" stroke="#8a8f98" marker-end="url(#{marker_id})">')
    topics = roadmap.topics
    for route in placed.routes:
        source, target = route.source, route.target
        strength = next(p.strength for p in topics[target].prerequisites if p.topic == source)
        parts.append(
            f'<path class="rm-edge rm-{strength} area-{topics[source].area}" '
            f'data-from="{_attr(source)}" data-to="{_attr(target)}" d="{smooth_path(route.points, dx, dy)}"/>'
        )
    parts.append("</g>")

    by_band: dict[int, list[str]] = {}
    for box in placed.boxes.values():
        by_band.setdefault(box.band, []).append(box.id)
    parts.append('<g class="rm-nodes">')
    for band in placed.bands:
        stage = stages[band.band]
        tids = by_band.get(band.band, [])
        parts.append(
            f'<a class="rm-band-title" href="{_attr(href(STAGE_PREFIX + stage.id))}">'
            f'<text x="14" y="{round(band.y + dy + options.band_header / 2 + 2)}">{band_title(stage, tids)}</text></a>'
        )
        for tid in tids:
            parts.append(_node(roadmap, placed.boxes[tid], dx, dy, href, options.line_height, tid == self_id))
    parts.append("</g>")
    return "".join(parts)


def layout_for(roadmap: Roadmap, tids: Iterable[str], options: Options) -> Layout:
    """The layout of topics `tids` and the edges between them, in the roadmap's tie-break order."""
    order = {stage.id: stage.order for stage in roadmap.stages}
    chosen = sorted(tids, key=roadmap.sort_key)
    inside = set(chosen)
    nodes = [LayoutNode(tid, order[roadmap.topics[tid].stage], roadmap.topics[tid].title) for tid in chosen]
    edges = [LayoutEdge(p.topic, tid) for tid in chosen for p in roadmap.topics[tid].prerequisites if p.topic in inside]
    return layout(nodes, edges, options)


def _steps(roadmap: Roadmap, width: float, y: float, href: Href, marker_id: str) -> tuple[str, float]:
    """Stages without topics (practice, community) as cards in a row, linked to their pages."""
    empty = [stage for stage in roadmap.stages if not roadmap.topics_in_stage(stage.id)]
    if not empty:
        return "", 0.0
    gap = 56.0
    card_w = min(_STEP_WIDTH, (width - 24 - gap * (len(empty) - 1)) / len(empty))
    total = card_w * len(empty) + gap * (len(empty) - 1)
    x = (width - total) / 2
    top = y + 22
    wrapped = [wrap_label(stage.title, 13, card_w - 28) for stage in empty]
    # One height for the row: a two-line title gets room below its second line.
    height = max(_STEP_HEIGHT, max(38 + 16 * len(lines) for lines in wrapped))
    parts = ['<g class="rm-steps">']
    for i, (stage, lines) in enumerate(zip(empty, wrapped)):
        cx = x + card_w / 2
        label = f"{_step_label(stage)}: {stage.title}"
        spans = [f'<tspan class="rm-step-no" x="{_n(cx)}" y="{_n(top + 20)}">{html_text(_step_label(stage))}</tspan>']
        spans += [f'<tspan x="{_n(cx)}" y="{_n(top + 38 + k * 16)}">{html_text(line)}</tspan>' for k, line in enumerate(lines)]
        parts.append(
            f'<a class="rm-node rm-step" href="{_attr(href(STAGE_PREFIX + stage.id))}" data-stage="{_attr(stage.id)}" '
            f'aria-label="{_attr(label)}"><title>{html_text(plain(stage.summary))}</title>'
            f'<rect x="{_n(x)}" y="{_n(top)}" width="{_n(card_w)}" height="{_n(height)}" rx="10"/>'
            f"<text>{' '.join(spans)}</text></a>"
        )
        if i + 1 < len(empty):
            ay = top + height / 2
            parts.append(
                f'<path class="rm-flow" d="M{_n(x + card_w + 8)} {_n(ay)}H{_n(x + card_w + gap - 8)}" marker-end="url(#{marker_id})"/>'
            )
        x += card_w + gap
    parts.append("</g>")
    return "".join(parts), height + 38


def _used_areas(roadmap: Roadmap) -> list[str]:
    return [area for area in AREAS if any(t.area == area for t in roadmap.topics.values())]


# --- public -------------------------------------------------------------------------------


def render_roadmap(roadmap: Roadmap, href: Href) -> str:
    """The whole roadmap as one inline `<svg class="rm-svg">`.

    `href(topic_id)` gives the link to a topic page and `href("stage:<id>")` the link to a
    stage page, both relative to the page the SVG is embedded in.
    """
    placed = layout_for(roadmap, roadmap.topics, ROADMAP_OPTIONS)
    width = max(placed.width, 640.0)
    legend, legend_h = _legend(width, _used_areas(roadmap), 0.0)
    dy = legend_h + 6

    def title(stage: Stage, tids: list[str]) -> str:
        hours = sum(roadmap.topics[t].hours for t in tids)
        return (
            f"{html_text(_step_label(stage))} · {html_text(stage.title)}"
            f'<tspan class="rm-band-meta"> · {len(tids)} topic{"s" if len(tids) != 1 else ""} · about {_hours(hours)} h</tspan>'
        )

    body = _graph_body(roadmap, placed, href, ((width - placed.width) / 2, dy, width), ROADMAP_OPTIONS, "rm-arrow", title)
    steps, steps_h = _steps(roadmap, width, placed.height + dy - ROADMAP_OPTIONS.margin, href, "rm-arrow")
    height = placed.height + dy + steps_h
    n_stages = len(placed.bands)
    label = (
        f"Roadmap: {len(roadmap.topics)} topics in the first {n_stages} steps, each a link to its page; "
        "arrows point from a prerequisite to the topic that needs it"
    )
    return (
        f'<svg class="rm-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="group" aria-label="{_attr(label)}" data-focus-top="{_n(dy)}">'
        f"{_defs('rm-arrow')}{legend}{body}{steps}</svg>"
    )


def chain_topics(roadmap: Roadmap, topic_id: str, limit: int | None = None) -> set[str]:
    """The topics drawn in a chain: the topic, its direct prerequisites (any strength), and
    what the required ones require in turn, nearest first, in whole generations while there
    are at most `limit` topics (default: `CHAIN_LIMIT`, or `CHAIN_LIMIT_BIG` above `BIG_GRAPH_TOPICS`
    topics). (A recommended prerequisite's own chain, or a deep chain in a big knowledge
    base, would not make a small drawing.)"""
    if limit is None:
        limit = CHAIN_LIMIT if len(roadmap.topics) <= BIG_GRAPH_TOPICS else CHAIN_LIMIT_BIG
    chosen = {topic_id} | {p.topic for p in roadmap.topics[topic_id].prerequisites}
    level = set(roadmap.prerequisites(topic_id))
    while level:
        level = {pre for tid in level for pre in roadmap.prerequisites(tid)} - chosen
        if len(chosen) + len(level) > limit:
            break
        chosen |= level
    return chosen


def render_chain(roadmap: Roadmap, topic_id: str, href: Href) -> str:
    """A small `<svg class="rm-svg rm-chain">` of `topic_id` and its prerequisite chain.

    Returns "" when the topic has no prerequisites (there is nothing to draw).
    """
    if topic_id not in roadmap.topics:
        raise KeyError(topic_id)
    if not roadmap.topics[topic_id].prerequisites:
        return ""
    options = CHAIN_OPTIONS if len(roadmap.topics) <= BIG_GRAPH_TOPICS else CHAIN_OPTIONS_BIG
    placed = layout_for(roadmap, chain_topics(roadmap, topic_id), options)
    width = max(placed.width, 360.0)
    legend, legend_h = _legend(width, [], 0.0)
    dy = legend_h

    def title(stage: Stage, tids: list[str]) -> str:
        return f"{html_text(_step_label(stage))} · {html_text(stage.title)}"

    body = _graph_body(roadmap, placed, href, ((width - placed.width) / 2, dy, width), options, "rm-arrow-chain", title, self_id=topic_id)
    height = placed.height + dy
    topic = roadmap.topics[topic_id]
    label = f"What {topic.title} builds on: {len(placed.boxes) - 1} topics, each a link to its page"
    return (
        f'<svg class="rm-svg rm-chain" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="group" aria-label="{_attr(label)}">'
        f"{_defs('rm-arrow-chain')}{legend}{body}</svg>"
    )
