"""Checks on the prerequisite graph: no cycles, no edge the others already imply, and no
prerequisite in a later stage than the topic that needs it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from generator.kb.checks.registry import Found, Records, check


@check("stage-order")
def stage_order(records: Records) -> Found:
    order = records.stage_order
    for tid, out in records.edges.items():
        stage = records.topics[tid][0].stage
        for pre, (_, where) in out.items():
            pre_stage = records.topics[pre][0].stage
            if stage in order and pre_stage in order and order[pre_stage] > order[stage]:
                yield (
                    where.position,
                    (
                        f"`prerequisites[{where.loc[1]}].topic`: `{pre}` is in the later stage `{pre_stage}`, "
                        f"so a learner meets `{tid}` (stage `{stage}`) first; move one of them or drop the edge"
                    ),
                )


@check("cycle")
def cycle(records: Records) -> Found:
    """One problem per strongly connected group of topics, showing one whole cycle."""
    edges = records.edges
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0

    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterable[str]]] = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child == node or child not in edges:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for group in groups:
        members = set(group)
        start = group[0]
        # Walk inside the group from its first member back to itself: breadth-first gives a shortest cycle.
        previous: dict[str, str] = {}
        frontier = [start]
        found = False
        while frontier and not found:
            nxt = []
            for node in frontier:
                for child in sorted(edges[node]):
                    if child not in members:
                        continue
                    if child == start:
                        previous[start] = node
                        found = True
                        break
                    if child not in previous:
                        previous[child] = node
                        nxt.append(child)
                if found:
                    break
            frontier = nxt
        back = []
        node = previous[start]
        while node != start:
            back.append(node)
            node = previous[node]
        path = [start, *reversed(back)]
        steps = []
        for a, b in zip(path, [*path[1:], start]):
            where = edges[a][b][1].position
            steps.append(f"`{a}` requires `{b}` ({where.path}:{where.line})")
        first = edges[path[0]][path[1]][1].position
        yield first, "prerequisites form a cycle: " + ", ".join(steps) + "; remove the edge that is not truly needed"


@check("implied-edge")
def implied_edge(records: Records) -> Found:
    """Edges a->c that another path a->b->...->c already says, at least as strongly.

    A required edge is implied only by a path of required edges; a recommended one
    by any path. Ancestor sets are bitsets (Python ints) built in topological order,
    so this stays near-linear on graphs of thousands of topics.
    """
    edges = records.edges
    order = _topological(edges)
    if len(order) < len(edges):
        return  # a cycle (reported by `cycle`) leaves no order to judge edges by
    bit = {node: 1 << i for i, node in enumerate(order)}
    via_required: dict[str, int] = {}  # ancestors reachable through required edges only
    via_any: dict[str, int] = {}  # ancestors reachable at all
    for node in order:
        required = anything = 0
        for parent, (strength, _) in edges[node].items():
            anything |= bit[parent] | via_any[parent]
            if strength == "required":
                required |= bit[parent] | via_required[parent]
        via_required[node], via_any[node] = required, anything

    for node in sorted(edges):
        for target, (strength, where) in sorted(edges[node].items()):
            for via, (via_strength, _) in sorted(edges[node].items()):
                if via == target:
                    continue
                if strength == "required":
                    implied = via_strength == "required" and via_required[via] & bit[target]
                else:
                    implied = via_any[via] & bit[target]
                if implied:
                    yield (
                        where.position,
                        f"prerequisite `{target}` is already implied: `{node}` needs `{via}`, which needs `{target}`; remove this edge to keep the graph readable",
                    )
                    break


def _topological(edges: Mapping[str, Mapping[str, object]]) -> list[str]:
    """Prerequisites before the topics that need them; topics on a cycle are left out."""
    waiting = {node: len(parents) for node, parents in edges.items()}
    children: dict[str, list[str]] = defaultdict(list)
    for node, parents in edges.items():
        for parent in parents:
            children[parent].append(node)
    ready = sorted(node for node, count in waiting.items() if count == 0)
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for child in children[node]:
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    return order
