"""The planning core on hand-made graphs: which topics, in which order, week by week."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any, cast

import pytest
from hypothesis import given, settings, strategies as st

from generator.kb.models import Cover, Prerequisite, Resource, Stage, Topic
from generator.kb.roadmap import Roadmap
from generator.plan.formats import format_hours, plan_json, plan_markdown, plan_text
from generator.plan.rules import Step, UnknownTopicError, best_resources, known_closure, needed, plan, ready, unlocks
from generator.plan.timetable import timetable
from generator.render.text import md_backslashed

from make_kb import EXERCISES

STAGES = (
    Stage(id="foundations", title="Foundations", order=1, summary="First."),
    Stage(id="advanced", title="Advanced", order=2, summary="Second."),
    Stage(id="machine-learning", title="ML", order=3, summary="Third."),
    Stage(id="practice", title="Practice", order=4, summary="Fourth.", kinds=["course"]),
)

Pre = str | tuple[str, str]


def topic(
    pres: Sequence[Pre] = (), *, stage: str = "foundations", area: str = "calculus", hours: float = 2, title: str = ""
) -> dict[str, object]:
    return {"pres": pres, "stage": stage, "area": area, "hours": hours, "title": title}


def graph(spec: Mapping[str, Mapping[str, object] | Sequence[Pre]], resources: Mapping[str, Resource] | None = None) -> Roadmap:
    """A Roadmap held in memory: {id: topic(...)} or {id: [prerequisites]}; a bare id is required."""
    topics: dict[str, Topic] = {}
    for tid, value in spec.items():
        data = value if isinstance(value, Mapping) else topic(value)
        pres = [
            Prerequisite(topic=p, strength="required", reason="Needed.")
            if isinstance(p, str)
            else Prerequisite(topic=p[0], strength=p[1], reason="Needed.")
            for p in cast(list[Any], data["pres"])
        ]
        topics[tid] = Topic(
            title=str(data["title"] or f"Topic {tid}"),
            stage=str(data["stage"]),
            area=data["area"],  # type: ignore[arg-type]
            summary="S.",
            description="D.",
            why_it_matters="W.",
            goals=["a", "b", "c"],
            exercises=EXERCISES,
            hours=float(data["hours"]),  # type: ignore[arg-type]
            prerequisites=pres,
        )
    if resources is None:
        resources = {"all": resource("All", covers=list(topics))}
    return Roadmap(stages=STAGES, topics=dict(sorted(topics.items())), resources=dict(sorted(resources.items())))


def resource(title: str, *, covers: Sequence[str], cost: str = "free", level: str = "beginner", kind: str = "book") -> Resource:
    return Resource(
        title=title,
        kind=kind,  # type: ignore[arg-type]
        url=f"https://example.org/{title.lower().replace(' ', '-')}",
        provider="Example",
        cost=cost,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        description="D.",
        covers=[Cover(topic=t, sections="All") for t in covers],
    )


def order_of(roadmap: Roadmap, targets: Sequence[str], known: Sequence[str] = (), rec: bool = False) -> list[str]:
    return plan(roadmap, targets, known, rec).topics


# -- which topics ------------------------------------------------------------------------------
def test_diamond_holds_each_topic_once_prerequisites_first() -> None:
    g = graph({"a": [], "b": ["a"], "c": ["a"], "d": ["b", "c"]})
    assert order_of(g, ["d"]) == ["a", "b", "c", "d"]


def test_plan_holds_nothing_beyond_what_the_targets_need() -> None:
    g = graph({"a": [], "b": ["a"], "c": ["a"], "d": ["b"], "other": [], "after": ["d"]})
    assert order_of(g, ["d"]) == ["a", "b", "d"]


def test_long_chain_in_order() -> None:
    ids = [f"t{i:02d}" for i in range(40)]
    g = graph({tid: ([ids[i - 1]] if i else []) for i, tid in enumerate(ids)})
    assert order_of(g, [ids[-1]]) == ids
    assert order_of(g, [ids[-1]], known=[ids[19]]) == ids[20:]


def test_disconnected_parts_each_chain_finished_before_the_next() -> None:
    # Same stage and area everywhere: only the chain rule and ids decide.
    g = graph({"a1": [], "a2": ["a1"], "a3": ["a2"], "b1": [], "b2": ["b1"], "b3": ["b2"]})
    assert order_of(g, ["a3", "b3"]) == ["a1", "a2", "a3", "b1", "b2", "b3"]
    assert order_of(g, ["b3", "a3"]) == ["a1", "a2", "a3", "b1", "b2", "b3"]


def test_several_targets_share_prerequisites() -> None:
    g = graph({"base": [], "mid": ["base"], "x": ["mid"], "y": ["mid"], "z": ["base"]})
    steps = order_of(g, ["x", "y", "z"])
    assert steps == ["base", "mid", "x", "y", "z"]
    assert len(steps) == len(set(steps))


def test_target_that_is_another_targets_prerequisite() -> None:
    g = graph({"a": [], "b": ["a"], "c": ["b"]})
    assert order_of(g, ["c", "a"]) == ["a", "b", "c"]


def test_known_topics_and_everything_they_require_are_pruned() -> None:
    g = graph({"a": [], "b": ["a"], "c": ["b"], "d": ["c"], "side": [], "e": ["d", "side"]})
    assert order_of(g, ["e"], known=["c"]) == ["d", "side", "e"]
    assert known_closure(g, ["c"]) == {"a", "b", "c"}


def test_known_target_gives_an_empty_plan() -> None:
    g = graph({"a": [], "b": ["a"]})
    result = plan(g, ["a"], known=["b"])
    assert result.steps == () and result.total_hours == 0
    assert "Nothing to study" in plan_markdown(g, result)


def test_known_does_not_cover_what_it_only_recommends() -> None:
    g = graph({"r": [], "k": [("r", "recommended")], "t": ["k", "r"]})
    assert order_of(g, ["t"], known=["k"]) == ["r", "t"]


def test_recommended_prerequisites_only_on_request() -> None:
    g = graph({"a": [], "r": [], "b": ["a", ("r", "recommended")]})
    assert order_of(g, ["b"]) == ["a", "b"]
    assert order_of(g, ["b"], rec=True) == ["a", "r", "b"]


def test_recommended_edge_orders_topics_that_are_in_the_plan_anyway() -> None:
    # `b` recommends `z`; both are needed by the target, so `z` comes first despite its id.
    g = graph({"z": [], "b": [("z", "recommended")], "t": ["b", "z"]})
    assert order_of(g, ["t"]) == ["z", "b", "t"]


def test_recommended_walk_stops_at_known_topics() -> None:
    g = graph({"deep": [], "k": [("deep", "recommended")], "t": [("k", "recommended")]})
    assert order_of(g, ["t"], known=["k"], rec=True) == ["t"]


def test_needed_is_the_exact_set() -> None:
    g = graph({"a": [], "b": ["a"], "c": [("b", "recommended")], "d": ["c"]})
    assert needed(g, ["d"], []) == {"c", "d"}
    assert needed(g, ["d"], [], include_recommended=True) == {"a", "b", "c", "d"}


# -- order ---------------------------------------------------------------------------------
def test_stage_then_area_then_id() -> None:
    g = graph(
        {
            "ml": topic(stage="machine-learning", area="machine-learning"),
            "adv": topic(stage="advanced", area="linear-algebra"),
            "calc": topic(area="calculus"),
            "la": topic(area="linear-algebra"),
            "prob": topic(area="probability-statistics"),
            "t": topic(["ml", "adv", "calc", "la", "prob"], stage="machine-learning", area="machine-learning"),
        }
    )
    assert order_of(g, ["t"]) == ["la", "calc", "prob", "adv", "ml", "t"]


def test_chain_is_continued_before_switching_within_stage_and_area() -> None:
    # After `a`, both `b` (needs a) and `c` (no prerequisite) are ready: `b` continues the chain.
    g = graph({"a": [], "b": ["a"], "c": [], "d": ["b"], "t": ["d", "c"]})
    assert order_of(g, ["t"]) == ["a", "b", "d", "c", "t"]


def test_most_recently_unlocked_wins() -> None:
    # `a` unlocks b and c (b first by id); b unlocks d, which continues from the step just placed.
    g = graph({"a": [], "b": ["a"], "c": ["a"], "d": ["b"], "t": ["c", "d"]})
    assert order_of(g, ["t"]) == ["a", "b", "d", "c", "t"]


def test_stage_beats_chain() -> None:
    g = graph({"a": [], "b": topic(["a"], stage="advanced"), "c": [], "t": topic(["b", "c"], stage="advanced")})
    assert order_of(g, ["t"]) == ["a", "c", "b", "t"]


@st.composite
def dags(draw: st.DrawFn) -> Roadmap:
    n = draw(st.integers(1, 25))
    spec: dict[str, dict[str, object]] = {}
    stages = ["foundations", "advanced", "machine-learning"]
    areas = ["linear-algebra", "calculus", "optimization"]
    stage_of: list[int] = sorted(draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)))
    for i in range(n):
        pres: list[Pre] = []
        for j in sorted(draw(st.sets(st.integers(0, i - 1), max_size=3)) if i else []):
            pres.append((f"n{j:02d}", draw(st.sampled_from(["required", "recommended"]))))
        spec[f"n{i:02d}"] = topic(
            pres, stage=stages[stage_of[i]], area=draw(st.sampled_from(areas)), hours=draw(st.sampled_from([0.5, 1, 2.5, 4, 9]))
        )
    return graph(spec)


@settings(max_examples=150, deadline=None)
@given(dags(), st.data())
def test_properties_on_random_graphs(g: Roadmap, data: st.DataObject) -> None:
    ids = sorted(g.topics)
    targets = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3))
    known = data.draw(st.lists(st.sampled_from(ids), max_size=3))
    rec = data.draw(st.booleans())
    result = plan(g, targets, known, rec)
    steps = result.topics
    closure = known_closure(g, known)
    # Exactly the targets not known and what they need, walking no known topic.
    expected: set[str] = set()
    for t in targets:
        if t in closure:
            continue
        expected.add(t)
        expected |= {a for a in g.ancestors(t, include_recommended=rec) if a not in closure and _reachable_avoiding(g, t, a, closure, rec)}
    assert set(steps) == expected
    assert len(steps) == len(set(steps))
    position = {tid: i for i, tid in enumerate(steps)}
    for tid in steps:
        for pre in g.topics[tid].prerequisites:
            if pre.topic in position:
                assert position[pre.topic] < position[tid]
            elif pre.strength == "required" or rec:
                assert pre.topic in closure
    shuffled_t, shuffled_k = targets[:], known[:]
    random.Random(len(ids)).shuffle(shuffled_t)
    random.Random(len(ids) + 1).shuffle(shuffled_k)
    assert plan(g, shuffled_t, shuffled_k, rec).topics == steps


def _reachable_avoiding(g: Roadmap, start: str, goal: str, avoid: set[str], rec: bool) -> bool:
    todo, seen = [start], {start}
    while todo:
        for pre in g.prerequisites(todo.pop(), include_recommended=rec):
            if pre == goal:
                return True
            if pre not in seen and pre not in avoid:
                seen.add(pre)
                todo.append(pre)
    return False


# -- hours and weeks -------------------------------------------------------------------------------
def steps_of(*hours: float) -> list[Step]:
    return [Step(topic=f"s{i}", title=f"S{i}", hours=h, resources=()) for i, h in enumerate(hours)]


def test_total_hours_is_the_sum() -> None:
    g = graph({"a": topic(hours=1.5), "b": topic(["a"], hours=4), "c": topic(["b"], hours=0.25)})
    assert plan(g, ["c"]).total_hours == 5.75


def test_format_hours_rounds_half_up_like_javascript() -> None:
    assert [format_hours(h) for h in (6, 6.0, 0.25, 2.35, 1 / 3, 12.04, 0.05)] == ["6", "6", "0.3", "2.4", "0.3", "12", "0.1"]


# -- ready and unlocks ----------------------------------------------------------------------------
def test_ready_lists_topics_whose_required_prerequisites_are_known() -> None:
    g = graph({"a": [], "b": ["a"], "c": ["b"], "r": [], "d": ["a", ("r", "recommended")], "e": []})
    assert ready(g, []) == ["a", "e", "r"]
    assert ready(g, ["a"]) == ["b", "d", "e", "r"]
    assert ready(g, ["a"], include_recommended=True) == ["b", "e", "r"]
    assert ready(g, ["b"]) == ["c", "d", "e", "r"]


def test_unlocks_what_becomes_ready() -> None:
    g = graph({"a": [], "x": [], "b": ["a"], "c": ["a", "x"], "d": [("a", "recommended")]})
    assert unlocks(g, "a") == ["b"]
    assert unlocks(g, "a", known=["x"]) == ["b", "c"]
    assert unlocks(g, "x", known=["a"]) == ["c"]
    with pytest.raises(UnknownTopicError):
        unlocks(g, "nope")


# -- resources -------------------------------------------------------------------------------------
def test_best_resources_free_first_where_the_level_fits_then_by_level() -> None:
    g = graph(
        {"basic": topic(), "deep": topic(["basic"], stage="advanced")},
        {
            "paid-beginner": resource("Paid beginner", covers=["basic", "deep"], cost="paid"),
            "free-advanced": resource("Free advanced", covers=["basic", "deep"], level="advanced"),
            "free-intermediate": resource("Free intermediate", covers=["basic", "deep"], level="intermediate"),
            "audit-beginner": resource("Audit beginner", covers=["basic", "deep"], cost="free-to-audit"),
            "free-beginner-broad": resource("Free beginner broad", covers=["basic", "deep"]),
            "free-beginner": resource("Free beginner", covers=["basic"]),
        },
    )
    assert g.topic_level("basic") == "beginner" and g.topic_level("deep") == "intermediate"
    assert best_resources(g, "basic", None) == [
        "free-beginner",
        "free-beginner-broad",
        "audit-beginner",
        "paid-beginner",  # fit: beginner only
        "free-intermediate",
        "free-advanced",  # too hard for a first-stage topic: by level
    ]
    assert best_resources(g, "deep", None) == [
        "free-beginner-broad",
        "free-intermediate",
        "audit-beginner",
        "paid-beginner",
        "free-advanced",
    ]
    assert plan(g, ["basic"]).steps[0].resources == ("free-beginner", "free-beginner-broad", "audit-beginner")


def test_focused_resource_beats_a_broad_one_of_the_same_cost_and_level() -> None:
    g = graph(
        {"a": [], "b": [], "c": [], "d": []},
        {"broad": resource("A broad one", covers=["a", "b", "c", "d"]), "focused": resource("Z focused", covers=["a"])},
    )
    assert best_resources(g, "a") == ["focused", "broad"]


def test_a_resource_that_teaches_beats_practice_of_the_same_cost_and_level() -> None:
    g = graph(
        {"a": []},
        {"kaggle": resource("A competition", covers=["a"], kind="practice"), "course": resource("Z course", covers=["a"], kind="course")},
    )
    assert best_resources(g, "a") == ["course", "kaggle"]


# -- ids and output ---------------------------------------------------------------------------------
def test_unknown_ids_are_all_named_with_a_hint() -> None:
    g = graph({"gradient-descent": [], "vectors": []})
    with pytest.raises(UnknownTopicError) as info:
        plan(g, ["gradient-desent"], known=["Vectors", "zzz"])
    assert info.value.ids == ("gradient-desent", "Vectors", "zzz")
    assert "did you mean `gradient-descent`?" in info.value.hints[0]
    assert "did you mean `vectors`?" in info.value.hints[1]
    assert "did you mean" not in info.value.hints[2]


def test_json_document_shape() -> None:
    g = graph({"a": topic(hours=6), "b": topic(["a"], hours=1.5)})
    doc = plan_json(g, plan(g, ["b", "b"]), timetable(g, plan(g, ["b"]).steps, 4), dt.date(2027, 1, 4))
    assert list(doc) == ["targets", "known", "steps", "total_hours", "start", "weeks"]
    assert doc["targets"] == ["b"]
    assert doc["steps"][0] == {
        "topic": "a",
        "title": "Topic a",
        "hours": 6,
        "resources": [
            {
                "id": "all",
                "title": "All",
                "kind": "book",
                "url": "https://example.org/all",
                "cost": "free",
                "level": "beginner",
                "sections": "All",
            }
        ],
    }
    assert doc["total_hours"] == 7.5
    assert doc["start"] == "2027-01-04"
    assert doc["weeks"][:3] == [
        {
            "week": 1,
            "from": "2027-01-04",
            "to": "2027-01-10",
            "hours": 4,
            "steps": [{"topic": "a", "hours": 4, "part": 1, "parts": 2}],
            "reviews": [],
        },
        {
            "week": 2,
            "from": "2027-01-11",
            "to": "2027-01-17",
            "hours": 3.5,
            "steps": [{"topic": "a", "hours": 2, "part": 2, "parts": 2}, {"topic": "b", "hours": 1.5}],
            "reviews": [],
        },
        {
            "week": 3,
            "from": "2027-01-18",
            "to": "2027-01-24",
            "hours": 0.25,
            "steps": [],
            "reviews": [
                {"topic": "a", "due": "2027-01-18", "hours": 0, "covered_by": "b"},
                {"topic": "b", "due": "2027-01-18", "hours": 0.25},
            ],
        },
    ]
    # then reviews after 3, 7, 21 and 60 more days: the last in week 16
    assert len(doc["weeks"]) == 16 and doc["weeks"][-1]["reviews"][-1] == {"topic": "b", "due": "2027-04-19", "hours": 0.25}


def test_each_step_says_what_to_read_of_each_resource_for_that_topic() -> None:
    book = resource("Book", covers=["a", "b"]).model_copy(
        update={"covers": [Cover(topic="a", sections="Ch. 1 *intro*"), Cover(topic="b", sections="Ch. 7")]}
    )
    g = graph({"a": [], "b": ["a"]}, {"book": book})
    result = plan(g, ["b"])
    doc = plan_json(g, result)
    assert [[r["sections"] for r in step["resources"]] for step in doc["steps"]] == [["Ch. 1 intro"], ["Ch. 7"]]  # plans show plain text
    text = plan_text(g, result)
    assert "read: Ch. 1 intro" in text and "read: Ch. 7" in text
    markdown = plan_markdown(g, result)
    assert "beginner; read Ch. 1 intro" in markdown and "beginner; read Ch. 7" in markdown


def test_markdown_escapes_titles() -> None:
    assert md_backslashed("a*b_[c]<script>|#") == r"a\*b\_\[c\]\<script\>\|\#"
    g = graph({"a": topic(title="Sums *and* [products] | #1")})
    text = plan_markdown(g, plan(g, ["a"]))
    assert r"- [ ] Sums \*and\* \[products\] \| \#1 (`a`), 2 h" in text
