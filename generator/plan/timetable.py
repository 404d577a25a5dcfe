"""A plan's week-by-week timetable: study filled to the learner's pace, and spaced review.

`site/assets/js/timetable.js` implements the same rules over `roadmap.json` (whose `review`
entry carries the numbers below), and tests hold the two to the same answers. The rules:

Days and weeks
    Day 0 is the start date the learner sets; week n (from 1) is days 7(n-1) to 7n-1.
    Dates are only for display: everything is computed in whole days from the start.

What is studied
    The plan's steps, in plan order, less the topics the learner marked done or skipped; a
    topic marked in progress comes first (they finish what they started), the others keep their
    order.

Review
    A topic comes back for review after gaps of `REVIEW_GAPS` days (1, 3, 7, 21, 60): the
    first review is due one day after the topic is finished, the next three days after
    that review's due day, and so on; after the last gap it is not reviewed again. A topic
    finished in the timetable is finished on the last day of the week its last hours fall
    in; a topic marked done on a date (day d, negative when before the start) starts its
    gaps from d, and a review due before day 0 is due on day 0 (once: the gaps go on from
    there). An exercise of a done topic marked "not yet" on day n (no earlier than the day it
    was marked done) starts the gaps again from n: the topic is due the next day.
    A review takes `review_hours(topic hours)`: a tenth of the topic's hours, in quarter
    hours, from a quarter of an hour to one hour, and never more than `REVIEW_SHARE` of the
    pace.

Reviews in a week
    The reviews due in a week (due day before the week's end) are taken in order of
    (due day, topic id). Reviewing a topic counts as reviewing its required prerequisites:
    a due review of a topic one of whose dependents (by a required edge) is also due for
    review that week is covered, takes no time and moves on to its next gap from its due day.
    It is covered by the first such dependent by id, or by what covers that one in turn. The
    others take their review hours, while those hours stay within `REVIEW_SHARE` of the
    pace; a review that does not fit moves to the next week, keeping its due day. A topic is
    reviewed at most once a week: a next review that falls due in the same week is taken the
    week after (its gaps still count from its due day). A review is shown on its due day, or
    on the week's first day when it is overdue.

Study in a week
    The hours left after review are filled with the steps in order, each continuing where
    the last week left off: weeks are filled to the pace, and a topic is split across as many
    weeks as it needs. Once every step is placed, the timetable goes on for as long as
    reviews are due, in weeks that hold only review.

Numbers
    Hours are summed as binary floats in the order above (as in JavaScript); comparisons
    allow `EPSILON` of rounding.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.kb.roadmap import Roadmap
from generator.plan.rules import EPSILON, MAX_PACE, MIN_PACE, Step

REVIEW_GAPS: tuple[int, ...] = (1, 3, 7, 21, 60)
REVIEW_SHARE = 0.5  # at most this share of a week's hours goes to review
# A review takes this share of the topic's hours, rounded to this step, within these bounds.
REVIEW_FRACTION = 0.1
REVIEW_STEP = 0.25
REVIEW_MIN_HOURS = 0.25
REVIEW_MAX_HOURS = 1.0
MAX_WEEKS = 2000  # a plan of every topic at half an hour a week still ends well before this


def review_hours(topic_hours: float) -> float:
    """A tenth of the topic's hours, in quarter hours, from 0.25 to 1."""
    # Dividing and multiplying by a power of two is exact: timetable.js does the same sums.
    steps = math.floor(topic_hours * REVIEW_FRACTION / REVIEW_STEP + 0.5)
    return min(REVIEW_MAX_HOURS, max(REVIEW_MIN_HOURS, steps * REVIEW_STEP))


@dataclass(frozen=True)
class Progress:
    """What a learner has done, as days from the timetable's start (negative: before it)."""

    done: Mapping[str, int] = field(default_factory=dict)  # topic -> the day it was marked done
    in_progress: frozenset[str] = frozenset()
    skipped: frozenset[str] = frozenset()  # left out of the timetable, never reviewed
    not_yet: Mapping[str, int] = field(default_factory=dict)  # topic -> the last day an exercise was marked "not yet"


@dataclass(frozen=True)
class Study:
    """A topic, or part of one, studied in a week."""

    topic: str
    hours: float
    part: int
    parts: int


@dataclass(frozen=True)
class Review:
    """A topic to review in a week: due on `day`, taking `hours` (0 when a dependent's review covers it)."""

    topic: str
    day: int
    hours: float
    covered_by: str | None = None


@dataclass(frozen=True)
class TimetableWeek:
    number: int
    study: tuple[Study, ...]
    reviews: tuple[Review, ...]

    @property
    def first_day(self) -> int:
        return 7 * (self.number - 1)

    @property
    def study_hours(self) -> float:
        total = 0.0
        for item in self.study:
            total += item.hours
        return total

    @property
    def review_hours(self) -> float:
        total = 0.0
        for item in self.reviews:
            total += item.hours
        return total


@dataclass
class _Due:
    topic: str
    day: int
    gap: int  # index into REVIEW_GAPS of the gap that led to `day`


def _done_before(day: int) -> int:
    """The first review's due day for a topic finished (or last marked "not yet") on `day`."""
    return max(0, day + REVIEW_GAPS[0])


def timetable(roadmap: Roadmap, steps: Sequence[Step], hours_per_week: float, progress: Progress | None = None) -> list[TimetableWeek]:
    """The weeks of study and review for `steps`; see the module docstring."""
    if not MIN_PACE <= hours_per_week <= MAX_PACE:
        raise ValueError(f"hours per week must be from {MIN_PACE:g} to {MAX_PACE:g}, not {hours_per_week!r}")
    progress = progress or Progress()
    todo = [s for s in steps if s.topic not in progress.done and s.topic not in progress.skipped]
    todo = [s for s in todo if s.topic in progress.in_progress] + [s for s in todo if s.topic not in progress.in_progress]
    queue: dict[str, _Due] = {}
    for tid, day in sorted(progress.done.items()):
        if tid in roadmap.topics:
            queue[tid] = _Due(tid, _done_before(max(day, progress.not_yet.get(tid, day))), 0)

    weeks: list[tuple[list[tuple[str, float]], list[Review]]] = []
    cursor, left = 0, todo[0].hours if todo else 0.0
    while (cursor < len(todo) or queue) and len(weeks) < MAX_WEEKS:
        first, end = 7 * len(weeks), 7 * (len(weeks) + 1)
        due_now = sorted((d for d in queue.values() if d.day < end), key=lambda d: (d.day, d.topic))
        due_ids = {d.topic for d in due_now}
        cover = {d.topic: min(c) for d in due_now if (c := [t for t in _required_by(roadmap, d.topic) if t in due_ids])}
        reviews: list[Review] = []
        budget, used = hours_per_week * REVIEW_SHARE, 0.0
        for due in due_now:
            if due.topic in cover:
                by = cover[due.topic]
                while by in cover:  # the review that covers it is itself covered: name the one taken
                    by = cover[by]
                reviews.append(Review(due.topic, max(due.day, first), 0.0, by))
            else:
                cost = min(review_hours(roadmap.topics[due.topic].hours), budget)
                if used + cost > budget + EPSILON:
                    continue  # stays queued: due again next week, first in line
                used += cost
                reviews.append(Review(due.topic, max(due.day, first), cost))
            _advance(queue, due)
        room, study = hours_per_week - used, []
        while cursor < len(todo) and room > EPSILON:
            piece = min(left, room)
            study.append((todo[cursor].topic, piece))
            room -= piece
            left -= piece
            if left <= EPSILON:
                queue[todo[cursor].topic] = _Due(todo[cursor].topic, end - 1 + REVIEW_GAPS[0], 0)
                cursor += 1
                left = todo[cursor].hours if cursor < len(todo) else 0.0
        weeks.append((study, reviews))

    parts: dict[str, int] = {}
    for study, _ in weeks:
        for tid, _hours in study:
            parts[tid] = parts.get(tid, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for number, (study, reviews) in enumerate(weeks, 1):
        items = []
        for tid, hours in study:
            seen[tid] = seen.get(tid, 0) + 1
            items.append(Study(tid, hours, seen[tid], parts[tid]))
        out.append(TimetableWeek(number, tuple(items), tuple(reviews)))
    return out


def _required_by(roadmap: Roadmap, tid: str) -> list[str]:
    """The topics that require `tid` directly."""
    return [d for d in roadmap.dependents[tid] if any(p.topic == tid and p.strength == "required" for p in roadmap.topics[d].prerequisites)]


def _advance(queue: dict[str, _Due], due: _Due) -> None:
    """After a review (taken or covered) on its due day: the next gap, or no more reviews."""
    gap = due.gap + 1
    if gap >= len(REVIEW_GAPS):
        del queue[due.topic]
    else:
        queue[due.topic] = _Due(due.topic, due.day + REVIEW_GAPS[gap], gap)
