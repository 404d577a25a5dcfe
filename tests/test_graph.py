"""Graph checks (cycles, implied edges, stage order) and graph queries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.problems import DataError

from make_kb import write_kb


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_roadmap(root)
    return [str(p) for p in info.value.problems]


def test_cycle_of_length_one_is_a_self_requirement(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": ["a"]}))
    assert found == [
        "roadmap/a.yml:10:12: error[self-prerequisite]: `prerequisites[0].topic`: `a` requires itself; remove this prerequisite"
    ]


def test_cycle_of_length_two(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": ["b"], "b": ["a"]}))
    assert len(found) == 1
    assert found[0].startswith("roadmap/a.yml:10:12: error[cycle]: prerequisites form a cycle: ")
    assert "`a` requires `b` (roadmap/a.yml:10), `b` requires `a` (roadmap/b.yml:10)" in found[0]


def test_long_cycle_is_printed_whole_with_every_edge(tmp_path: Path) -> None:
    chain = {"t1": ["t5"], "t2": ["t1"], "t3": ["t2"], "t4": ["t3"], "t5": ["t4"], "free": []}
    found = problems(write_kb(tmp_path, chain))
    assert len(found) == 1
    steps = re.findall(r"`(t\d)` requires `(t\d)` \((roadmap/t\d\.yml):10\)", found[0])
    assert [(a, b) for a, b, _ in steps] == [("t1", "t5"), ("t5", "t4"), ("t4", "t3"), ("t3", "t2"), ("t2", "t1")]
    assert all(path == f"roadmap/{a}.yml" for a, _, path in steps)


def test_two_separate_cycles_are_both_reported(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": ["b"], "b": ["a"], "c": ["d"], "d": ["c"]}))
    assert len(found) == 2


def test_cycle_through_recommended_edge_counts(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": [("b", "recommended")], "b": ["a"]}))
    assert "cycle" in found[0]


def test_implied_required_edge(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": [], "b": ["a"], "c": ["b", "a"]}))
    assert found == [
        "roadmap/c.yml:13:12: error[implied-edge]: prerequisite `a` is already implied: `c` needs `b`, which needs `a`; remove this edge to keep the graph readable"
    ]


def test_implied_through_a_long_chain(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": [], "b": ["a"], "c": ["b"], "d": ["c"], "e": ["d", "a"]}))
    assert len(found) == 1 and "prerequisite `a` is already implied: `e` needs `d`" in found[0]


def test_required_edge_is_not_implied_by_a_recommended_path(tmp_path: Path) -> None:
    write_kb(tmp_path, {"a": [], "b": ["a"], "c": [("b", "recommended"), "a"]})
    roadmap = load_roadmap(tmp_path)
    assert roadmap.prerequisites("c") == ["a"]


def test_recommended_edge_is_implied_by_a_required_path(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": [], "b": ["a"], "c": ["b", ("a", "recommended")]}))
    assert len(found) == 1 and "already implied" in found[0]


def test_diamond_is_not_implied(tmp_path: Path) -> None:
    roadmap = load_roadmap(write_kb(tmp_path, {"a": [], "b": ["a"], "c": ["a"], "d": ["b", "c"]}))
    assert roadmap.ancestors("d") == {"a", "b", "c"}
    assert roadmap.descendants("a") == {"b", "c", "d"}
    assert roadmap.dependents["a"] == ["b", "c"]


def test_topological_order_puts_prerequisites_first_and_is_stable(tmp_path: Path) -> None:
    roadmap = load_roadmap(write_kb(tmp_path, {"z": [], "y": ["z"], "b": ["y"], "a": []}))
    order = roadmap.topological_order()
    assert order == ["a", "z", "y", "b"]
    assert order == roadmap.topological_order()


def test_stage_order_is_enforced(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, {"a": [], "b": ["a"]}, stage={"a": "advanced", "b": "foundations"}))
    assert found == [
        "roadmap/b.yml:10:12: error[stage-order]: `prerequisites[0].topic`: `a` is in the later stage `advanced`, so a learner meets `b` (stage `foundations`) first; move one of them or drop the edge"
    ]


def test_ancestors_follow_recommended_only_when_asked(tmp_path: Path) -> None:
    roadmap = load_roadmap(write_kb(tmp_path, {"a": [], "b": [], "c": ["a", ("b", "recommended")]}))
    assert roadmap.ancestors("c") == {"a"}
    assert roadmap.ancestors("c", include_recommended=True) == {"a", "b"}


@pytest.mark.parametrize("distinct_hours", [False, True])
def test_builds_on_counts_and_sums_what_ancestors_finds(tmp_path: Path, distinct_hours: bool) -> None:
    # Two chains, the second also needing the first now and then (shared ancestors, recommended
    # edges); 71 different hours take the path that sums topic by topic, not by hours value.
    topics: dict[str, list[str | tuple[str, str]]] = {"a0": [], "b0": []}
    for i in range(1, 35):
        topics[f"a{i}"] = [f"a{i - 1}"]
        topics[f"b{i}"] = [f"b{i - 1}", *([(f"a{i}", "recommended")] if i % 3 == 0 else [])]
    topics["loose"] = []
    hours = {tid: 1 + i / 2 if distinct_hours else 2 + i % 3 for i, tid in enumerate(topics)}
    roadmap = load_roadmap(write_kb(tmp_path, topics, hours=hours))
    for tid in roadmap.topics:
        found = roadmap.ancestors(tid, include_recommended=True)
        assert roadmap.builds_on(tid) == (len(found), sum(roadmap.topics[a].hours for a in found))
