"""The inputs on which planner.js must give the plans generator.plan gives.

Shared by the parity tests under Node (tests/plan/test_planner_node.py) and in Chromium
(tests/browser/test_planner_parity.py), so both check the very same cases.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from generator.kb.models import Cover, Prerequisite, Resource, Topic
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import AREAS

from make_kb import EXERCISES

# One input of a random graph: targets, known, include recommended, hours per week (None: no weeks),
# the timetable's start date and a progress document as the site exports it (version 2), or None.
Input = tuple[list[str], list[str], bool, float | None, str, dict[str, Any] | None]

START = "2027-01-04"


def random_progress(rng: random.Random, ids: list[str], start: str) -> dict[str, Any]:
    """A progress document (version 2) on some of `ids`: done with and without dates (before and
    after the start), in progress, skipped, and exercises marked got it or not yet, some on days
    before the topic was done; now and then a topic this roadmap does not have."""
    origin = dt.date.fromisoformat(start)

    def day(low: int, high: int) -> str:
        return (origin + dt.timedelta(days=rng.randint(low, high))).isoformat()

    topics: dict[str, Any] = {}
    exercises: dict[str, Any] = {}
    for tid in rng.sample(ids, min(len(ids), rng.randint(0, 12))):
        status = rng.choice(["done", "done", "done", "in-progress", "skipped"])
        entry: dict[str, Any] = {"status": status}
        if status != "done" or rng.random() < 0.8:
            entry["on"] = day(-90, 20)
        topics[tid] = entry
        if rng.random() < 0.6:
            marks = {}
            for n in rng.sample(range(1, 4), rng.randint(1, 3)):
                marks[str(n)] = {"mark": rng.choice(["got-it", "not-yet"]), "on": day(-90, 30)}
            exercises[tid] = marks
    if rng.random() < 0.2:
        topics["no-such-topic"] = {"status": "done", "on": start}
    return {"version": 2, "start": start, "topics": topics, "exercises": exercises}


@dataclass(frozen=True)
class Case:
    targets: tuple[str, ...]
    known: tuple[str, ...] = ()
    rec: bool = False
    pace: float | None = None
    start: str = START

    @property
    def args(self) -> list[str]:
        out = [*self.targets]
        if self.known:
            out += ["--known", *self.known]
        if self.rec:
            out.append("--include-recommended")
        if self.pace is not None:
            out += ["--hours-per-week", f"{self.pace:g}", "--start", self.start]
        return out

    @property
    def hash(self) -> str:
        return f"#targets={','.join(self.targets)}&known={','.join(self.known)}&pace={self.pace or 6:g}&rec={int(self.rec)}"


def make_cases(roadmap: Roadmap) -> list[Case]:
    """30 inputs drawn by rule (the data keeps growing): single and several targets, known, recommended, paces."""
    rng = random.Random(4)
    first_stage = min(roadmap.stages, key=lambda s: s.order).id
    later = sorted(t for t, topic in roadmap.topics.items() if topic.stage != first_stage)
    deep = sorted(later, key=lambda t: (-len(roadmap.ancestors(t)), t))
    paces = [None, 3, 6, 7.5, 10, 2.5]
    cases: list[Case] = []
    for t in deep[:3] + rng.sample(later, 5):  # single targets, the deepest included
        cases.append(Case((t,), pace=rng.choice(paces)))
    for _ in range(6):  # several targets, often sharing prerequisites
        cases.append(Case(tuple(rng.sample(later, rng.randint(2, 4))), pace=rng.choice(paces)))
    for _ in range(6):  # with known topics taken from the targets' own prerequisites
        targets = tuple(rng.sample(deep[:15], rng.randint(1, 2)))
        pool = sorted(set().union(*(roadmap.ancestors(t) for t in targets)))
        cases.append(Case(targets, tuple(rng.sample(pool, min(len(pool), rng.randint(1, 3)))), pace=rng.choice(paces)))
    for _ in range(6):  # recommended prerequisites too, with and without known topics
        targets = tuple(rng.sample(later, rng.randint(1, 3)))
        pool = sorted(set().union(*(roadmap.ancestors(t, include_recommended=True) for t in targets)))
        known = tuple(rng.sample(pool, min(len(pool), rng.randint(0, 2))))
        cases.append(Case(targets, known, rec=True, pace=rng.choice(paces)))
    # Edge cases: a known target (empty plan), a target that another target needs, a first-stage topic.
    t = deep[0]
    cases.append(Case((t,), (t,), pace=6))
    cases.append(Case((t, sorted(roadmap.ancestors(t))[0]), pace=4))
    cases.append(Case((sorted(t for t, topic in roadmap.topics.items() if topic.stage == first_stage)[-1],), rec=True))
    cases.append(Case(tuple(later), pace=10, rec=True))  # everything at once
    return cases


def random_roadmap(rng: random.Random, n: int, real: Roadmap) -> Roadmap:
    """A random valid-shaped graph: mixed stages, areas, strengths, fractional hours, shared resources.

    It has the stages of `real` (the repository's knowledge base); its topics are in those that hold topics there.
    """
    used = sorted((s for s in real.stages if s.id in {t.stage for t in real.topics.values()}), key=lambda s: s.order)
    topics: dict[str, Topic] = {}
    ids = [f"n{i:03d}" for i in range(n)]
    stage_index = sorted(rng.randrange(len(used)) for _ in ids)
    for i, tid in enumerate(ids):
        pres = sorted(set(rng.sample(ids[:i], min(i, rng.choice((0, 1, 1, 2, 3))))))
        topics[tid] = Topic(
            title=rng.choice(["Alpha", "beta", "Über", "Σ sums", "a_b *c*", "[x] | y"]) + f" {tid}",
            stage=used[stage_index[i]].id,
            area=rng.choice(AREAS),  # type: ignore[arg-type]
            summary="S.",
            description="D.",
            why_it_matters="W.",
            goals=["a", "b", "c"],
            exercises=EXERCISES,
            hours=rng.choice([0.1, 0.25, 0.5, 1, 1.2, 2.5, 3.3, 4, 7.75, 12, 30]),
            prerequisites=[Prerequisite(topic=p, strength=rng.choice(["required", "recommended"]), reason="R.") for p in pres],
        )
    resources = {}
    for r in range(n // 2):
        covered = rng.sample(ids, rng.randint(1, 6))
        resources[f"r{r:03d}"] = Resource(
            title=rng.choice(["Book", "course", "Video", "Ünit", "zeta"]) + f" {r % 7}",
            kind=rng.choice(["book", "course", "video", "article", "practice", "tool"]),
            url=f"https://example.org/r/{r}?q=(x)",
            provider="P",
            description="D.",
            cost=rng.choice(["free", "free-to-audit", "paid"]),
            level=rng.choice(["beginner", "intermediate", "advanced"]),
            covers=[Cover(topic=t, sections="S") for t in covered],
        )
    return Roadmap(stages=real.stages, topics=topics, resources=dict(sorted(resources.items())))


def random_graphs(real: Roadmap) -> list[tuple[Roadmap, list[Input]]]:
    """Three random graphs of 60, 100 and 140 topics, 80 inputs each: ties, fractional hours, long topics."""
    rng = random.Random(11)
    graphs = []
    for g in range(3):
        roadmap = random_roadmap(rng, 60 + 40 * g, real)
        ids = sorted(roadmap.topics)
        inputs: list[Input] = []
        for _ in range(80):
            targets = rng.sample(ids, rng.randint(1, 4))
            known = rng.sample(ids, rng.randint(0, 4))
            pace = rng.choice([None, 0.5, 2.5, 3.3, 6, 7.5, 40])
            start = (dt.date(2026, 12, 20) + dt.timedelta(days=rng.randint(0, 800))).isoformat()
            progress = random_progress(rng, ids, start) if pace is not None and rng.random() < 0.7 else None
            inputs.append((targets, known, rng.random() < 0.5, pace, start, progress))
        graphs.append((roadmap, inputs))
    return graphs


def ics_events(document: bytes | str) -> list[dict[str, str]]:
    """The events of an iCalendar file, parsed with the `icalendar` library (a real parser, which
    also refuses a file that is not one): uid, summary, description, dtstart and dtend as text."""
    import icalendar

    calendar = icalendar.Calendar.from_ical(document if isinstance(document, bytes) else document.encode("utf-8"))
    return [
        {
            "uid": str(event["uid"]),
            "summary": str(event["summary"]),
            "description": str(event["description"]),
            "dtstart": event.decoded("dtstart").isoformat(),
            "dtend": event.decoded("dtend").isoformat(),
        }
        for event in calendar.walk("VEVENT")
    ]
