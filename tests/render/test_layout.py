"""The layered layout: geometry invariants on hand-made, random, synthetic and real graphs."""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import combinations, pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.kb.loading import load_roadmap
from generator.render.layout import Box, Layout, LayoutEdge, LayoutNode, Options, _ordering, _placement, layout, text_width, wrap_label

REPO = Path(__file__).resolve().parent.parent.parent


def nodes_of(spec: str, band: int = 1) -> list[LayoutNode]:
    return [LayoutNode(tid, band, f"Topic {tid}") for tid in spec.split()]


def edges_of(spec: str) -> list[LayoutEdge]:
    """`"a>b b>c"`: a is a prerequisite of b, b of c."""
    return [LayoutEdge(*pair.split(">")) for pair in spec.split()]


def overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height


def label_extent(box: Box, options: Options) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the box's label as drawn: centred lines."""
    widest = max(text_width(line, options.font_size) for line in box.lines)
    tall = len(box.lines) * options.line_height
    return (box.cx - widest / 2, box.cy - tall / 2, box.cx + widest / 2, box.cy + tall / 2)


def check(result: Layout, nodes: Sequence[LayoutNode], edges: Sequence[LayoutEdge], options: Options | None = None) -> None:
    """Every invariant a drawing must keep."""
    options = options or Options()
    assert set(result.boxes) == {n.id for n in nodes}
    boxes = list(result.boxes.values())

    # No two boxes overlap. Boxes of different layers never share a y, so compare within rows
    # (keeps the check linear enough for big graphs). Neighbours keep a clear gap (the full
    # node gap, or room for the edges that pass between them).
    rows: dict[int, list[Box]] = {}
    for box in boxes:
        rows.setdefault(box.layer, []).append(box)
    tops = {}
    for layer, row in rows.items():
        assert len({box.y for box in row}) == 1, f"layer {layer} is not one row"
        tops[layer] = row[0].y
        row.sort(key=lambda b: b.x)
        for box_left, box_right in pairwise(row):
            gap = min(options.node_gap, 2 * options.dummy_gap)
            assert box_left.x + box_left.width + gap - 0.01 <= box_right.x, f"{box_left.id} and {box_right.id} overlap"
    layers = sorted(tops)
    for layer_up, layer_down in pairwise(layers):
        assert tops[layer_up] + rows[layer_up][0].height < tops[layer_down], "rows overlap"

    # Labels fit inside their boxes (so labels cannot overlap either), on at most two lines.
    for box in boxes:
        assert 1 <= len(box.lines) <= 2
        left, top, right, bottom = label_extent(box, options)
        assert box.x + options.pad_x - 0.01 <= left and right <= box.x + box.width - options.pad_x + 0.01
        assert box.y <= top and bottom <= box.y + box.height

    # Every edge runs from a lower layer to a higher one, down the page, ending on its boxes.
    band = {n.id: n.band for n in nodes}
    assert {(r.source, r.target) for r in result.routes} == {(e.source, e.target) for e in edges}
    for route in result.routes:
        source, target = result.boxes[route.source], result.boxes[route.target]
        assert source.layer < target.layer
        (x0, y0), (x1, y1) = route.points[0], route.points[-1]
        assert y0 == source.y + source.height and source.x <= x0 <= source.x + source.width
        assert y1 == target.y and target.x <= x1 <= target.x + target.width
        ys = [y for _, y in route.points]
        assert ys == sorted(ys)
        assert band[route.source] <= band[route.target]

    # Bands in order, one after the other, each holding exactly its own boxes.
    assert [b.band for b in result.bands] == sorted({n.band for n in nodes})
    for upper, lower in zip(result.bands, result.bands[1:]):
        assert upper.y + upper.height <= lower.y
        assert upper.last_layer < lower.first_layer
    for b in result.bands:
        for box in boxes:
            inside = b.first_layer <= box.layer <= b.last_layer
            assert inside == (box.band == b.band)
            if inside:
                assert b.y + options.band_header <= box.y and box.y + box.height <= b.y + b.height
    for box in boxes:
        assert box.x >= 0 and box.x + box.width <= result.width
        assert box.y >= 0 and box.y + box.height <= result.height


# --- labels -------------------------------------------------------------------------------------


def test_short_titles_stay_on_one_line() -> None:
    assert wrap_label("Vectors", 13, 128) == ("Vectors",)


def test_long_titles_wrap_to_two_balanced_lines() -> None:
    assert wrap_label("Inner products and orthogonality", 13, 128) == ("Inner products", "and orthogonality")


def test_one_long_word_is_never_split() -> None:
    assert wrap_label("Supercalifragilisticexpialidocious", 13, 60) == ("Supercalifragilisticexpialidocious",)


def test_wide_letters_measure_wider() -> None:
    assert text_width("MMMM", 13) > text_width("iiii", 13)


def test_boxes_grow_with_their_labels() -> None:
    nodes = [LayoutNode("a", 1, "A"), LayoutNode("b", 1, "Law of large numbers and the central limit theorem")]
    result = layout(nodes, [])
    assert result.boxes["a"].width == Options().min_width
    assert result.boxes["b"].width > Options().min_width
    assert len(result.boxes["b"].lines) == 2
    check(result, nodes, [])


# --- shapes -------------------------------------------------------------------------------------


def test_empty_graph() -> None:
    result = layout([], [])
    assert result.boxes == {} and result.routes == () and result.bands == ()


def test_long_chain_takes_one_layer_per_topic() -> None:
    ids = " ".join(f"t{i}" for i in range(12))
    nodes = nodes_of(ids)
    edges = [LayoutEdge(f"t{i}", f"t{i + 1}") for i in range(11)]
    result = layout(nodes, edges)
    assert [result.boxes[f"t{i}"].layer for i in range(12)] == list(range(12))
    assert result.crossings == 0
    # A chain is drawn as a straight line.
    assert len({round(box.cx) for box in result.boxes.values()}) == 1
    check(result, nodes, edges)


def test_diamond() -> None:
    nodes, edges = nodes_of("top left right bottom"), edges_of("top>left top>right left>bottom right>bottom")
    result = layout(nodes, edges)
    layer = {tid: box.layer for tid, box in result.boxes.items()}
    assert layer == {"top": 0, "left": 1, "right": 1, "bottom": 2}
    assert result.crossings == 0
    # Balanced: the top and bottom sit between the two sides.
    sides = sorted(result.boxes[t].cx for t in ("left", "right"))
    assert sides[0] < result.boxes["top"].cx < sides[1]
    assert sides[0] < result.boxes["bottom"].cx < sides[1]
    check(result, nodes, edges)


def test_long_edges_run_straight_through_the_rows_they_cross() -> None:
    nodes = nodes_of("a b c d e")
    edges = edges_of("a>b b>c c>d d>e a>e")
    result = layout(nodes, edges)
    (route,) = [r for r in result.routes if (r.source, r.target) == ("a", "e")]
    assert len(route.points) == 2 + 2 * 3  # in and out of each of the three rows between
    for (x0, y0), (x1, y1) in zip(route.points[1:-1:2], route.points[2:-1:2]):
        assert x0 == x1 and y1 > y0  # straight down through a row
        assert not any(box.x <= x0 <= box.x + box.width and box.y <= y0 < box.y + box.height for box in result.boxes.values())
    check(result, nodes, edges)


def test_disconnected_parts_and_isolated_nodes() -> None:
    nodes = nodes_of("a b c x y lonely")
    edges = edges_of("a>b b>c x>y")
    result = layout(nodes, edges)
    check(result, nodes, edges)


def test_crossings_are_removed_when_possible() -> None:
    # Input order invites crossings (a over y, b over x); the sweeps must untangle them.
    nodes = nodes_of("a b x y")
    edges = edges_of("a>y b>x")
    result = layout(nodes, edges)
    assert result.crossings == 0
    check(result, nodes, edges)


def test_crossing_search_stops_once_a_round_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two sources both feeding two targets cross once in any order: the sweeps find nothing
    # to move, and a round that moves nothing would move nothing if repeated.
    sweeps = 0
    real_sweep = _ordering._sweep

    def counting(layers: list[list[int]], pos: list[int], nbrs: list[list[int]], rows: range, step: int) -> None:
        nonlocal sweeps
        sweeps += 1
        real_sweep(layers, pos, nbrs, rows, step)

    monkeypatch.setattr(_ordering, "_sweep", counting)
    result = layout(nodes_of("a b c d"), edges_of("a>c a>d b>c b>d"), Options(starts=1))
    assert result.crossings == 1
    assert sweeps == 3  # the first sweep down, then one round (down and up) and no more


def test_placement_stops_once_the_rows_are_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two parallel edges start straight: the first round of x sweeps changes nothing, so it
    # is the last (then the closing pass, one row at a time).
    solved = 0
    real_isotonic = _placement._isotonic

    def counting(targets: list[float], weights: list[float]) -> list[tuple[float, int]]:
        nonlocal solved
        solved += 1
        return real_isotonic(targets, weights)

    monkeypatch.setattr(_placement, "_isotonic", counting)
    nodes, edges = nodes_of("a b c d"), edges_of("a>c b>d")
    check(layout(nodes, edges, Options(placement_rounds=8)), nodes, edges)
    assert solved == 2 + 2  # row 1 down and row 0 up once; then both rows


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=4), max_size=30), st.booleans())
def test_crossings_between_two_rows_are_counted_exactly(ends: list[list[int]], wide: bool) -> None:
    # Upper vertex i has edges to the lower positions ends[i]; repeated, the lists take the
    # Fenwick tree's path (over 512 edges) as well as the sorted list's.
    if wide:
        ends = ends * 30
    upper, lower = len(ends), 41
    down = [[upper + p for p in targets] for targets in ends] + [[] for _ in range(lower)]
    pos = list(range(upper)) + list(range(lower))
    edges = [(i, p) for i, targets in enumerate(ends) for p in targets]
    expected = sum(1 for (i, p), (j, q) in combinations(edges, 2) if (i - j) * (p - q) < 0)
    assert _ordering._count_between(list(range(upper)), down, pos, lower) == expected


def test_duplicate_edges_are_drawn_once() -> None:
    nodes, edges = nodes_of("a b"), edges_of("a>b a>b")
    result = layout(nodes, edges)
    assert len(result.routes) == 1


def test_bands_stack_in_order_even_without_edges() -> None:
    nodes = [LayoutNode("late", 3, "Late"), LayoutNode("early", 1, "Early"), LayoutNode("middle", 2, "Middle")]
    result = layout(nodes, [])
    assert result.boxes["early"].y < result.boxes["middle"].y < result.boxes["late"].y
    assert [b.band for b in result.bands] == [1, 2, 3]
    check(result, nodes, [])


def test_edges_within_and_across_bands() -> None:
    nodes = [*nodes_of("a b", 1), *nodes_of("c d", 2), *nodes_of("e", 3)]
    edges = edges_of("a>b b>c a>d c>d d>e a>e")
    result = layout(nodes, edges)
    check(result, nodes, edges)


def test_a_full_row_moves_the_rest_down() -> None:
    nodes = [LayoutNode(f"n{i}", 1, f"Topic number {i}") for i in range(30)]
    options = Options(max_row_width=600)
    result = layout(nodes, [], options)
    for layer in range(result.layers):
        row = [b for b in result.boxes.values() if b.layer == layer]
        assert sum(b.width + options.node_gap for b in row) <= 600
    assert result.layers > 1
    check(result, nodes, [], options)


def test_a_source_moves_down_next_to_what_it_unlocks() -> None:
    # `side` is needed only at the bottom of a long chain: it should not float at the top.
    nodes = nodes_of("a b c d side")
    edges = edges_of("a>b b>c c>d side>d")
    result = layout(nodes, edges)
    assert result.boxes["side"].layer == result.boxes["d"].layer - 1
    check(result, nodes, edges)


def test_shared_long_edges_share_their_route() -> None:
    # Two long edges out of `hub` run as one trunk, so they add one column, not two.
    nodes = nodes_of("hub a b c p q")
    edges = edges_of("hub>a a>b b>c hub>p hub>q c>p c>q")
    result = layout(nodes, edges)
    routes = {r.target: r for r in result.routes if r.source == "hub"}
    assert routes["p"].points[:-1] == routes["q"].points[:-1]
    check(result, nodes, edges)


@pytest.mark.parametrize(
    ("nodes", "edges", "message"),
    [
        (nodes_of("a a"), [], "given twice"),
        (nodes_of("a"), edges_of("a>nowhere"), "unknown node 'nowhere'"),
        (nodes_of("a"), edges_of("a>a"), "is a loop"),
        (nodes_of("a b c"), edges_of("a>b b>c c>a"), "cycle"),
        ([LayoutNode("late", 2, "L"), LayoutNode("early", 1, "E")], edges_of("late>early"), "back to band 1"),
    ],
)
def test_bad_input_is_refused(nodes: list[LayoutNode], edges: list[LayoutEdge], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        layout(nodes, edges)


# --- determinism --------------------------------------------------------------------------------


def test_same_input_same_layout() -> None:
    nodes, edges = synthetic(120, seed=3)
    first = layout(nodes, edges)
    again = layout(list(nodes), list(edges))
    assert first == again
    assert list(first.boxes) == list(again.boxes)


def test_boxes_come_in_reading_order() -> None:
    nodes, edges = synthetic(80, seed=5)
    result = layout(nodes, edges)
    keys = [(box.layer, box.x) for box in result.boxes.values()]
    assert keys == sorted(keys)


# --- random and synthetic graphs ----------------------------------------------------------------


def synthetic(n: int, seed: int = 1) -> tuple[list[LayoutNode], list[LayoutEdge]]:
    """A roadmap-like DAG: three bands, a few prerequisites per topic, mostly recent ones
    (long chains), some from anywhere earlier (shared ancestors)."""
    rnd = random.Random(seed)
    nodes: list[LayoutNode] = []
    edges: list[LayoutEdge] = []
    words = ["vectors", "gradient descent", "probability", "the kernel trick", "KL divergence"]
    for i in range(n):
        nodes.append(LayoutNode(f"t{i}", 1 + (3 * i) // n, f"Topic {i}: {rnd.choice(words)}"))
        chosen: set[int] = set()
        for _ in range(rnd.choice([0, 1, 1, 2, 2, 3]) if i else 0):
            recent = rnd.random() < 0.7
            chosen.add(max(0, i - 1 - int(rnd.expovariate(1 / 20))) if recent else rnd.randrange(i))
        edges += [LayoutEdge(f"t{j}", f"t{i}") for j in sorted(chosen)]
    return nodes, edges


@st.composite
def dags(draw: st.DrawFn) -> tuple[list[LayoutNode], list[LayoutEdge]]:
    n = draw(st.integers(min_value=1, max_value=24))
    bands = sorted(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    labels = draw(
        st.lists(st.sampled_from(["A", "Vectors", "Inner products and orthogonality", "x y z w v u t s"]), min_size=n, max_size=n)
    )
    nodes = [LayoutNode(f"n{i}", bands[i], labels[i]) for i in range(n)]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    edges = [LayoutEdge(f"n{i}", f"n{j}") for i, j in pairs if i < j]
    return nodes, edges


@settings(max_examples=60, deadline=None)
@given(dags())
def test_invariants_hold_for_any_dag(graph: tuple[list[LayoutNode], list[LayoutEdge]]) -> None:
    nodes, edges = graph
    check(layout(nodes, edges), nodes, edges)


def test_a_thousand_topics() -> None:
    nodes, edges = synthetic(1000)
    check(layout(nodes, edges), nodes, edges)


def test_over_the_dummy_budget_long_edges_go_direct() -> None:
    nodes, edges = synthetic(300, seed=2)
    result = layout(nodes, edges, Options(dummy_budget=0, max_row_width=400))
    assert any(route.direct for route in result.routes)
    direct = next(route for route in result.routes if route.direct)
    assert len(direct.points) == 2
    check(result, nodes, edges, Options(max_row_width=400))


# --- the real knowledge base --------------------------------------------------------------------


def test_the_real_roadmap() -> None:
    roadmap = load_roadmap(REPO)
    order = {stage.id: stage.order for stage in roadmap.stages}
    tids = sorted(roadmap.topics, key=roadmap.sort_key)
    nodes = [LayoutNode(t, order[roadmap.topics[t].stage], roadmap.topics[t].title) for t in tids]
    edges = [LayoutEdge(p.topic, t) for t in tids for p in roadmap.topics[t].prerequisites]
    result = layout(nodes, edges)
    check(result, nodes, edges)
    # Readable, not just valid: few crossings per edge, and no box pair anywhere overlaps.
    # (2.7 per edge at 105 topics and 225 edges, against 1.2 at 72 topics: bench/README.md,
    # "Drawing", says why and what would bring it down.)
    assert result.crossings <= 3 * len(edges)
    assert not any(overlap(a, b) for a, b in combinations(result.boxes.values(), 2))
