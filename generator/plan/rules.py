"""Study plans: what to learn, in which order, week by week, from what a learner knows.

Pure functions over a `Roadmap`; `formats` writes their results as text, Markdown and
JSON. `site/assets/js/planner.js` implements the very same rules over
`learn/data/roadmap.json`, and tests (tests/plan/test_planner_node.py under Node, and
tests/browser/test_planner_parity.py in Chromium) hold the two to the same answers,
so any change to a rule here must be made there too. The rules:

Known topics
    The topics a learner names as known, and every topic they require (required
    prerequisites, followed transitively), count as known. Recommended
    prerequisites of a known topic do not: knowing a topic does not imply one read
    what was only suggested for it.

Which topics a plan holds
    Every target that is not known, and every prerequisite reached from those
    targets by following required edges (and recommended edges too with
    `include_recommended`), never walking through a known topic. Nothing else.

Order (the tie-break)
    Steps are placed one at a time. At each turn the candidates are the plan's
    topics not placed yet whose prerequisites inside the plan (of any strength, so
    a recommended one that is in the plan anyway still comes first) are all
    placed. The candidate with the smallest key is placed next:

        (stage order, area position, -readiness, id)

    - stage order: the `order` of the topic's stage (earlier stages first);
    - area position: the index of the topic's area in `models.AREAS`
      (linear-algebra, calculus, optimization, probability-statistics,
      machine-learning);
    - readiness: the 0-based position in the plan of the last of the topic's
      in-plan prerequisites, or -1 if it has none. The topic that became
      available most recently wins, so a chain is finished before the plan
      switches to another one inside the same stage and area (a depth-first feel);
    - id: plain string comparison, so equal keys cannot happen.

    Readiness is fixed once a topic becomes a candidate (it is the position of
    the step placed just before), so a binary heap gives the order in O(n log n).

Resources for a step (best first)
    The first `DEFAULT_MAX_RESOURCES` of `Roadmap.covering[topic]`: the one
    ranking of resources for a topic, in `generator.kb.ranking`, which topic
    pages and `roadmap.json` use too. planner.js takes the same lists from
    `roadmap.json`, already ranked, and ranks nothing itself.

Weekly timetable
    `generator.plan.timetable`: study filled to the pace, spaced review, dates.

Numbers
    Hours are summed in plan order as binary floats (the same in Python and
    JavaScript); only display rounds, with `formats.format_hours`.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.kb.problems import did_you_mean
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import AREAS

EPSILON = 1e-9
# The paces a plan may have, in hours a week: below half an hour a week a plan of 100 hours
# runs for years (and a pace of 1e-9 never ends), above 100 it is no pace a person keeps.
# The CLI refuses others, and the browser gets these through roadmap.json.
MIN_PACE = 0.5
MAX_PACE = 100.0
DEFAULT_PACE = 6.0  # the browser planner's pace until the learner sets one
DEFAULT_MAX_RESOURCES = 3


class UnknownTopicError(ValueError):
    """Ids that name no topic, with a "did you mean" hint for each."""

    def __init__(self, ids: Sequence[str], hints: Sequence[str]) -> None:
        self.ids = tuple(ids)
        self.hints = tuple(hints)
        super().__init__("; ".join(hints))


@dataclass(frozen=True)
class Step:
    """One topic of a plan and the resources to learn it from (best first)."""

    topic: str
    title: str
    hours: float
    resources: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """What to study, in order, to reach `targets` from `known`."""

    targets: tuple[str, ...]
    known: tuple[str, ...]
    include_recommended: bool
    steps: tuple[Step, ...]

    @property
    def total_hours(self) -> float:
        total = 0.0
        for step in self.steps:
            total += step.hours
        return total

    @property
    def topics(self) -> list[str]:
        return [step.topic for step in self.steps]


# -- ids ---------------------------------------------------------------------------
def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def check_ids(roadmap: Roadmap, ids: Iterable[str]) -> None:
    """Raise UnknownTopicError naming every id that is not a topic, with a suggestion."""
    unknown = [tid for tid in _unique(ids) if tid not in roadmap.topics]
    if unknown:
        raise UnknownTopicError(unknown, [f"no topic has the id `{tid}`{_suggest(roadmap, tid)}" for tid in unknown])


def _suggest(roadmap: Roadmap, word: str) -> str:
    hint = did_you_mean(word, roadmap.topics)
    if hint:
        return hint
    # People type titles ("Gradient descent") as often as ids.
    slug = re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")
    if slug in roadmap.topics:
        return f"; did you mean `{slug}`?"
    by_title = {topic.title.lower(): tid for tid, topic in roadmap.topics.items()}
    hint = did_you_mean(word.lower(), by_title)
    if hint:
        title = hint.split("`")[1]
        return f"; did you mean `{by_title[title]}`?"
    return "; topic ids are the file names in roadmap/, e.g. `" + next(iter(sorted(roadmap.topics)), "vectors") + "`"


# -- known, ready, unlocks ---------------------------------------------------------------
def known_closure(roadmap: Roadmap, known: Iterable[str]) -> set[str]:
    """The known topics and everything they require (required edges only)."""
    closure: set[str] = set()
    for tid in _unique(known):
        if tid not in closure:
            closure.add(tid)
            closure |= roadmap.ancestors(tid)
    return closure


def ready(roadmap: Roadmap, known: Iterable[str], include_recommended: bool = False) -> list[str]:
    """Topics not known whose prerequisites (required; any with include_recommended) are all known.

    The "what can I learn next" list, sorted by `Roadmap.sort_key` (stage, area, id).
    """
    closure = known_closure(roadmap, known)
    out = [
        tid
        for tid in roadmap.topics
        if tid not in closure and all(p in closure for p in roadmap.prerequisites(tid, include_recommended=include_recommended))
    ]
    return sorted(out, key=roadmap.sort_key)


def unlocks(roadmap: Roadmap, topic: str, known: Iterable[str] = ()) -> list[str]:
    """Topics that become ready once `topic` is learnt on top of `known`, sorted by `sort_key`.

    Those that require `topic` directly, are not known, and whose other required
    prerequisites are all known.
    """
    check_ids(roadmap, [topic])
    closure = known_closure(roadmap, [*known, topic])
    out = [
        child
        for child in roadmap.dependents[topic]
        if topic in roadmap.prerequisites(child) and child not in closure and all(p in closure for p in roadmap.prerequisites(child))
    ]
    return sorted(out, key=roadmap.sort_key)


# -- resources -----------------------------------------------------------------------------
def best_resources(roadmap: Roadmap, topic: str, limit: int | None = DEFAULT_MAX_RESOURCES) -> list[str]:
    """Ids of the resources covering `topic`, best first (`Roadmap.covering`), at most `limit` (None: all)."""
    ranked = roadmap.covering[topic]
    return list(ranked if limit is None else ranked[:limit])


# -- the plan ---------------------------------------------------------------------------------
def needed(roadmap: Roadmap, targets: Iterable[str], known: Iterable[str], include_recommended: bool = False) -> set[str]:
    """The set of topics a plan holds (unordered); see the module docstring."""
    closure = known_closure(roadmap, known)
    out: set[str] = set()
    todo = [tid for tid in _unique(targets) if tid not in closure]
    out.update(todo)
    while todo:
        for pre in roadmap.prerequisites(todo.pop(), include_recommended=include_recommended):
            if pre not in closure and pre not in out:
                out.add(pre)
                todo.append(pre)
    return out


def order(roadmap: Roadmap, topics: Iterable[str]) -> list[str]:
    """`topics` in study order: prerequisites first, ties broken by the key in the module docstring."""
    members = set(topics)
    stage_order = {stage.id: stage.order for stage in roadmap.stages}
    waiting: dict[str, int] = {}
    heap: list[tuple[int, int, int, str]] = []

    def key(tid: str, readiness: int) -> tuple[int, int, int, str]:
        topic = roadmap.topics[tid]
        return (stage_order[topic.stage], AREAS.index(topic.area), -readiness, tid)

    for tid in members:
        count = sum(1 for p in roadmap.topics[tid].prerequisites if p.topic in members)
        if count:
            waiting[tid] = count
        else:
            heap.append(key(tid, -1))
    heapq.heapify(heap)
    out: list[str] = []
    while heap:
        tid = heapq.heappop(heap)[3]
        position = len(out)
        out.append(tid)
        for child in roadmap.dependents[tid]:
            if child in waiting:
                waiting[child] -= 1
                if waiting[child] == 0:
                    del waiting[child]
                    heapq.heappush(heap, key(child, position))
    return out


def plan(
    roadmap: Roadmap,
    targets: Iterable[str],
    known: Iterable[str] = (),
    include_recommended: bool = False,
    *,
    max_resources: int | None = DEFAULT_MAX_RESOURCES,
) -> Plan:
    """Everything to study to reach all `targets` from `known`, in order, with the best resources.

    Raises UnknownTopicError if an id is not a topic. The result does not depend on
    the order of `targets` or `known`; the rules are in the module docstring.
    """
    targets, known = _unique(targets), _unique(known)
    check_ids(roadmap, [*targets, *known])
    steps = tuple(
        Step(
            topic=tid,
            title=roadmap.topics[tid].title,
            hours=roadmap.topics[tid].hours,
            resources=tuple(best_resources(roadmap, tid, max_resources)),
        )
        for tid in order(roadmap, needed(roadmap, targets, known, include_recommended))
    )
    return Plan(targets=targets, known=known, include_recommended=include_recommended, steps=steps)
