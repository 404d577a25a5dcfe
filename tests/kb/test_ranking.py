"""The one ranking of a topic's resources (generator/kb/ranking.py), alone and where it is shown.

Alone: table-driven on small roadmaps held in memory, one rule of the policy per row. Shown:
on the repository's knowledge base, a topic page, `roadmap plan` (every format), roadmap.json
(so the browser planner), `roadmap export` and Roadmap.covering all list the same order.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re

import pytest

from generator.cli import main
from generator.kb import ranking
from generator.kb.loading import load_roadmap
from generator.kb.models import Cover, Resource, Stage, Topic
from generator.kb.roadmap import Roadmap
from generator.plan.formats import plan_json, plan_markdown, plan_text
from generator.plan.rules import best_resources, plan
from generator.render.data import roadmap_json
from generator.render.page_topic import topic_markdown

from make_kb import EXERCISES
from planner_cases import random_roadmap
from site_project import REPO

# Listed out of order on purpose: a topic's level follows `order`, not the position here.
STAGES = (
    Stage(id="third", title="Third", order=3, summary="S."),
    Stage(id="first", title="First", order=1, summary="S."),
    Stage(id="fourth", title="Fourth", order=4, summary="S.", kinds=["community"]),
    Stage(id="second", title="Second", order=2, summary="S."),
)
LEVEL_STAGE = {"beginner": "first", "intermediate": "second", "advanced": "third"}


def res(title: str, *, kind: str = "book", cost: str = "free", level: str = "beginner", topics: int = 1) -> Resource:
    """A resource covering topic `t` and, with `topics` > 1, that many topics in all."""
    return Resource(
        title=title,
        kind=kind,  # type: ignore[arg-type]
        url=f"https://example.org/{title.lower().replace(' ', '-')}",
        provider="P",
        cost=cost,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        description="D.",
        covers=[Cover(topic="t" if i == 0 else f"other{i}", sections=f"Part {i}") for i in range(topics)],
    )


def roadmap(resources: dict[str, Resource], level: str = "beginner") -> Roadmap:
    """Topic `t` at `level` (by its stage), and the other topics the resources cover."""
    names = {c.topic for r in resources.values() for c in r.covers} | {"t"}
    topics = {
        tid: Topic(
            title=f"Topic {tid}",
            stage=LEVEL_STAGE[level] if tid == "t" else "first",
            area="calculus",
            summary="S.",
            description="D.",
            why_it_matters="W.",
            goals=["a", "b", "c"],
            exercises=EXERCISES,
            hours=1,
            prerequisites=[],
        )
        for tid in sorted(names)
    }
    return Roadmap(stages=STAGES, topics=topics, resources=dict(sorted(resources.items())))


# (what the row shows, the topic's level, resources, the expected order of their ids)
CASES: list[tuple[str, str, dict[str, Resource], list[str]]] = [
    (
        "a resource that teaches leads practice, tools, communities and conferences",
        "beginner",
        {
            "euler": res("A problem", kind="practice"),
            "tool": res("A tool", kind="tool"),
            "forum": res("A forum", kind="community"),
            "meetup": res("A meetup", kind="conference"),
            "book": res("Z book", cost="paid", level="intermediate", topics=9),
        },
        ["book", "forum", "meetup", "euler", "tool"],
    ),
    (
        "every teaching kind counts as teaching",
        "beginner",
        {k: res(f"{i} {k}", kind=k) for i, k in enumerate(["practice", "paper", "article", "video", "book", "course"])},
        ["paper", "article", "video", "book", "course", "practice"],
    ),
    (
        "at the topic's level (not above it) before cost",
        "beginner",
        {"hard": res("A free intermediate", level="intermediate"), "fits": res("Z paid beginner", cost="paid")},
        ["fits", "hard"],
    ),
    (
        "an intermediate topic takes beginner and intermediate resources as fitting",
        "intermediate",
        {
            "adv": res("A advanced", level="advanced"),
            "mid": res("B intermediate", level="intermediate"),
            "paid": res("C paid beginner", cost="paid"),
        },
        ["mid", "paid", "adv"],
    ),
    (
        "free, then free to audit, then paid",
        "beginner",
        {"paid": res("A", cost="paid"), "audit": res("B", cost="free-to-audit"), "free": res("C")},
        ["free", "audit", "paid"],
    ),
    (
        "the gentler level among those that fit",
        "advanced",
        {"adv": res("A", level="advanced"), "mid": res("B", level="intermediate"), "beg": res("C")},
        ["beg", "mid", "adv"],
    ),
    (
        "the gentler level among those above the topic's level",
        "beginner",
        {"adv": res("A", level="advanced"), "mid": res("B", level="intermediate")},
        ["mid", "adv"],
    ),
    (
        "the focused one (at most 3 topics) before a broad one",
        "beginner",
        {"broad": res("A broad", topics=4), "three": res("B three", topics=3), "one": res("C one")},
        ["three", "one", "broad"],
    ),
    (
        "then the title, whatever its case",
        "beginner",
        {"b": res("beta"), "a": res("Alpha"), "c": res("Gamma")},
        ["a", "b", "c"],
    ),
    (
        "then the id, when everything else is equal",
        "beginner",
        {"y": res("Same"), "x": res("same")},
        ["x", "y"],
    ),
]


@pytest.mark.parametrize(("rule", "level", "resources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_ranking_rule_by_rule(rule: str, level: str, resources: dict[str, Resource], expected: list[str]) -> None:
    kb = roadmap(resources, level)
    assert kb.topic_level("t") == level
    assert kb.covering["t"] == expected
    assert ranking.rank(reversed(expected), kb.resources, level) == expected
    assert best_resources(kb, "t") == expected[:3]


def test_a_topic_level_is_its_stage_rank_by_order() -> None:
    topics = {
        sid: Topic(
            title=sid,
            stage=sid,
            area="calculus",
            summary="S.",
            description="D.",
            why_it_matters="W.",
            goals=["a", "b", "c"],
            exercises=EXERCISES,
            hours=1,
            prerequisites=[],
        )
        for sid in ("first", "second", "third", "fourth")
    }
    assert ranking.topic_levels(STAGES, topics) == {
        "first": "beginner",
        "second": "intermediate",
        "third": "advanced",
        "fourth": "advanced",
    }


def test_the_catalogue_ranks_for_no_topic_free_first_then_level_then_title() -> None:
    rs = {"a": res("B", cost="paid"), "b": res("a", level="advanced"), "c": res("C", kind="practice"), "d": res("b")}
    kb = roadmap(rs)
    assert sorted(rs, key=lambda rid: (*kb.resource_rank(rid), rid)) == ["d", "c", "b", "a"]


def test_practice_never_leads_where_something_teaches() -> None:
    real = load_roadmap(REPO)
    rng = random.Random(5)
    for kb in [real, *(random_roadmap(rng, 80, real) for _ in range(5))]:
        for tid, rids in kb.covering.items():
            kinds = [kb.resources[rid].kind for rid in rids]
            teaching = [k in ranking.TEACHING_KINDS for k in kinds]
            assert teaching == sorted(teaching, reverse=True), (tid, kinds)


# -- the same order wherever a learner sees it (the repository's knowledge base) -------------------
@pytest.fixture(scope="module")
def real() -> Roadmap:
    return load_roadmap(REPO)


def cli_plan(real: Roadmap, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    import generator.cli.plan

    monkeypatch.setattr(generator.cli.plan, "load", lambda _: real)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["plan", *args]) == 0
    return out.getvalue()


def page_order(kb: Roadmap, tid: str) -> list[str]:
    page = topic_markdown(kb, tid)
    resources = page[page.index("## Resources") : page.index("## What it unlocks")]
    return re.findall(r'<a class="rm-title" href="../../resources/([a-z0-9-]+)/"', resources)


def test_topic_page_plan_export_and_roadmap_json_list_the_same_order(real: Roadmap, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = {t["id"]: t for t in json.loads(roadmap_json(real))["topics"]}
    export = {t["id"]: t["resources"] for t in real.export()["topics"]}
    ready = {r["topic"]: r["resources"] for r in json.loads(cli_plan(real, monkeypatch, "--ready", "--format", "json"))["ready"]}
    for tid in sorted(real.topics):
        ranked = real.covering[tid]
        assert ranked, f"{tid} has no resource"
        assert page_order(real, tid) == ranked, tid
        assert browser[tid]["resources"] == ranked and list(browser[tid]["sections"]) == ranked, tid
        assert export[tid] == ranked, tid
        whole = plan(real, [tid], max_resources=None).steps[-1]
        assert whole.topic == tid and list(whole.resources) == ranked, tid
        assert best_resources(real, tid) == ranked[:3], tid
        if tid in ready:
            assert ready[tid] == ranked[:3], tid


def test_every_plan_format_shows_the_ranked_resources(real: Roadmap, monkeypatch: pytest.MonkeyPatch) -> None:
    deepest = max(sorted(real.topics), key=lambda t: len(real.ancestors(t)))
    result = plan(real, [deepest])
    doc = json.loads(cli_plan(real, monkeypatch, deepest, "--format", "json"))
    text = cli_plan(real, monkeypatch, deepest)
    markdown = cli_plan(real, monkeypatch, deepest, "--format", "markdown")
    assert doc == json.loads(json.dumps(plan_json(real, result)))
    assert text == plan_text(real, result) and markdown == plan_markdown(real, result)
    expected = [[real.resources[rid].url for rid in real.covering[step.topic][:3]] for step in result.steps]
    assert len(expected) > 5 and all(expected)
    assert [[r["url"] for r in step["resources"]] for step in doc["steps"]] == expected
    # Text: a numbered line per step, then its resources, each line ending with the URL.
    blocks = re.split(r"^ *\d+\. ", text.split("\n\n")[1], flags=re.M)[1:]
    assert [re.findall(r"\] (\S+)$", block, re.M) for block in blocks] == expected
    # Markdown: a checkbox per step, then its resources as links.
    blocks = re.split(r"^- \[ \] ", markdown, flags=re.M)[1:]
    assert [re.findall(r"^  - \[.*?(?<!\\)\]\((\S+)\): ", block, re.M) for block in blocks] == expected


def test_a_steps_resources_rank_by_how_many_of_its_topics_they_cover_then_catalogue_order() -> None:
    from generator.kb.models import Cover, Resource
    from generator.kb.ranking import stage_rank

    def res(*topics: str) -> Resource:
        return Resource(
            title="R",
            kind="book",
            url="https://example.org/",
            provider="P",
            description="D.",
            cost="free",
            level="beginner",
            covers=[Cover(topic=t, sections="S") for t in topics],
        )

    resources = {"one": res("a"), "two": res("a", "b"), "other": res("a", "z"), "three": res("a", "b", "c")}
    place = {"one": 0, "two": 3, "other": 1, "three": 2}
    assert stage_rank(resources, resources, frozenset({"a", "b", "c"}), place) == ["three", "two", "one", "other"]
