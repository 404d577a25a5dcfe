"""The timetable (generator/plan/timetable.py): weeks filled to the pace, spaced review, progress
from the site's export (generator/plan/progress_file.py), and the iCalendar file."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings, strategies as st
from plan.test_rules import graph, topic

from generator.kb.roadmap import Roadmap
from generator.plan.calendar import plan_ics
from generator.plan.formats import plan_markdown, plan_text
from generator.plan.progress_file import ProgressFileError, as_progress, parse_progress, read_progress
from generator.plan.rules import plan
from generator.plan.timetable import REVIEW_GAPS, Progress, TimetableWeek, review_hours, timetable

START = dt.date(2027, 1, 4)


def chain(*hours: float) -> Roadmap:
    """Topics t0 <- t1 <- t2 ... (each requires the one before), with these hours."""
    return graph({f"t{i}": topic([f"t{i - 1}"] if i else [], hours=h) for i, h in enumerate(hours)})


def separate(*hours: float) -> Roadmap:
    """Topics s0, s1, ... with no edges between them."""
    return graph({f"s{i}": topic([], hours=h) for i, h in enumerate(hours)})


def study(weeks: list[TimetableWeek]) -> list[list[tuple[str, float]]]:
    return [[(s.topic, s.hours) for s in w.study] for w in weeks if w.study]


def reviews(weeks: list[TimetableWeek]) -> list[tuple[int, str, int, float, str | None]]:
    return [(w.number, r.topic, r.day, r.hours, r.covered_by) for w in weeks for r in w.reviews]


def test_weeks_are_filled_to_the_pace_by_splitting_topics() -> None:
    g = separate(4, 5, 2, 6, 1)
    weeks = timetable(g, plan(g, list(g.topics)).steps, 5)
    # A 5 h week holds 5 h, review included (s0's first review takes half an hour in week 2).
    assert study(weeks)[:2] == [[("s0", 4), ("s1", 1)], [("s1", 4), ("s2", 0.5)]]
    assert [w.study_hours + w.review_hours for w in weeks[:3]] == [5, 5, 5]
    parts = [(s.part, s.parts) for w in weeks for s in w.study if s.topic == "s1"]
    assert parts == [(1, 2), (2, 2)]


def test_review_hours_are_a_tenth_in_quarter_hours_from_a_quarter_to_one() -> None:
    assert [review_hours(h) for h in (0.5, 2, 4, 5, 6, 8, 12, 40)] == [0.25, 0.25, 0.5, 0.5, 0.5, 0.75, 1.0, 1.0]


def test_a_finished_topic_comes_back_after_growing_gaps() -> None:
    g = separate(7)
    weeks = timetable(g, plan(g, ["s0"]).steps, 7)
    days = [r.day for w in weeks for r in w.reviews]
    expected, day = [], 6
    for gap in REVIEW_GAPS:
        day += gap
        expected.append(day)
    # one review a week at most: a review falling due in the week of the one before moves on a week
    assert days[0] == 7 and len(days) == len(REVIEW_GAPS) and days == sorted(days)
    assert days[-1] >= expected[-1]


def test_reviewing_a_topic_covers_its_required_prerequisites() -> None:
    g = chain(2, 2)
    weeks = timetable(g, plan(g, ["t1"]).steps, 4)
    first = [r for w in weeks for r in w.reviews if r.day == 7]
    assert [(r.topic, r.hours, r.covered_by) for r in first] == [("t0", 0.0, "t1"), ("t1", 0.25, None)]


def test_review_takes_at_most_half_the_week_and_the_rest_waits() -> None:
    g = separate(*([10] * 6))  # six topics, each a 1 h review
    done = Progress(done={tid: -1 for tid in g.topics})
    weeks = timetable(g, [], 4, done)
    assert [len([r for r in w.reviews if r.hours]) for w in weeks[:3]] == [2, 2, 2]
    assert all(w.review_hours <= 2 for w in weeks)


def test_done_topics_are_reviewed_not_studied_and_in_progress_comes_first() -> None:
    g = separate(3, 3, 3)
    steps = plan(g, list(g.topics)).steps
    weeks = timetable(g, steps, 6, Progress(done={"s0": -40}, in_progress=frozenset({"s2"})))
    assert study(weeks)[0][0] == ("s2", 3)
    assert all(s.topic != "s0" for w in weeks for s in w.study)
    assert reviews(weeks)[0] == (1, "s0", 0, 0.25, None)  # long overdue: due on the first day, once


def test_an_exercise_not_yet_brings_the_topic_back_sooner() -> None:
    g = separate(3)
    later = timetable(g, [], 6, Progress(done={"s0": -3}))
    sooner = timetable(g, [], 6, Progress(done={"s0": -3}, not_yet={"s0": 5}))
    assert reviews(later)[:2] == [(1, "s0", 0, 0.25, None), (2, "s0", 7, 0.25, None)]
    assert reviews(sooner)[0] == (1, "s0", 6, 0.25, None)


def test_skipped_topics_are_neither_studied_nor_reviewed() -> None:
    g = separate(3, 3)
    weeks = timetable(g, plan(g, list(g.topics)).steps, 6, Progress(skipped=frozenset({"s0"})))
    assert {s.topic for w in weeks for s in w.study} == {"s1"}
    assert {r.topic for w in weeks for r in w.reviews} == {"s1"}


@pytest.mark.parametrize("pace", [0, -1, 1e-9, 0.49, 100.5, math.inf, math.nan])
def test_timetable_refuses_a_pace_out_of_range(pace: float) -> None:
    g = separate(1)
    with pytest.raises(ValueError, match=r"hours per week must be from 0\.5 to 100"):
        timetable(g, plan(g, ["s0"]).steps, pace)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([0.5, 1, 2, 2.5, 3, 6, 7.5, 12, 40]), min_size=1, max_size=12), st.sampled_from([1, 2.5, 5, 6, 10]))
def test_timetable_properties(hours: list[float], pace: float) -> None:
    g = chain(*hours)
    steps = plan(g, [f"t{len(hours) - 1}"]).steps
    weeks = timetable(g, steps, pace)
    last_study = max(w.number for w in weeks if w.study)
    for week in weeks:
        assert week.study_hours + week.review_hours <= pace + 1e-9
        assert week.review_hours <= pace / 2 + 1e-9
        if week.number < last_study:  # every week before the last is full
            assert week.study_hours + week.review_hours == pytest.approx(pace)
    for step in steps:
        assert sum(s.hours for w in weeks for s in w.study if s.topic == step.topic) == pytest.approx(step.hours)
    # each topic is reviewed (or covered) once per gap, and never before it is finished
    for step in steps:
        finished = max(w.number for w in weeks for s in w.study if s.topic == step.topic)
        mine = [(w.number, r) for w in weeks for r in w.reviews if r.topic == step.topic]
        assert len(mine) == len(REVIEW_GAPS) and all(n > finished for n, _ in mine)


# -- the texts and the calendar ---------------------------------------------------------------


def test_text_and_markdown_show_dates_and_reviews() -> None:
    g = chain(2, 2)
    result = plan(g, ["t1"])
    weeks = timetable(g, result.steps, 4)
    text = plan_text(g, result, weeks, 4, START)
    assert "1 week at 4 h a week from 2027-01-04, reviews included" in text
    assert "Week 2, 2027-01-11 to 2027-01-17 (0.3 h):\n  review t0 (with t1), due 2027-01-11\n  review t1, 15 min, due 2027-01-11" in text
    assert "Week 5," not in text and "Week 6," in text  # a week with nothing in it is not shown
    markdown = plan_markdown(g, result, weeks, 4, START)
    assert "## Week 2 (2027-01-11 to 2027-01-17): 0.3 h" in markdown
    assert "- [ ] Review Topic t0 (with Topic t1), due 2027-01-11" in markdown


def test_the_calendar_is_valid_icalendar_with_one_event_per_busy_week() -> None:
    g = chain(6, 2)
    result = plan(g, ["t1"])
    weeks = timetable(g, result.steps, 4)
    document = plan_ics(g, result, weeks, 4, START)
    calendar = icalendar.Calendar.from_ical(document)
    events = list(calendar.walk("VEVENT"))
    busy = [w for w in weeks if w.study or w.reviews]
    assert len(events) == len(busy)
    first = events[0]
    assert first.decoded("dtstart") == START and first.decoded("dtend") == START + dt.timedelta(days=7)
    assert str(first.get("summary")) == "Week 1: study Topic t0 (4 h)"
    assert "Study Topic t0: 4 h, part 1 of 2" in str(first.get("description"))
    assert len({str(e.get("uid")) for e in events}) == len(events)
    assert plan_ics(g, result, weeks, 4, START) == document  # the same plan gives the same file
    assert b"\r\n" in document


# -- the progress file ------------------------------------------------------------------------

TOPICS = frozenset({"a", "b", "c"})


def test_version_2_with_dates_and_exercise_marks() -> None:
    data = {
        "version": 2,
        "start": "2027-01-04",
        "topics": {"a": {"status": "done", "on": "2027-01-01"}, "b": {"status": "in-progress"}, "gone": {"status": "done"}},
        "exercises": {"a": {"2": {"mark": "not-yet", "on": "2027-01-06"}, "1": {"mark": "got-it", "on": "2027-01-02"}}},
    }
    stored = parse_progress(data, TOPICS)
    assert stored.start == START and set(stored.topics) == {"a", "b"}  # a renamed topic is left out
    progress = as_progress(stored, START)
    assert progress.done == {"a": -3} and progress.in_progress == {"b"} and progress.not_yet == {"a": 2}


def test_version_1_exports_still_read() -> None:
    progress = as_progress(parse_progress({"version": 1, "topics": {"a": "done", "c": "skipped"}}, TOPICS), START)
    assert progress.done == {"a": -1} and progress.skipped == {"c"}


@pytest.mark.parametrize(
    ("data", "gist"),
    [
        ([], "unsupported progress version"),
        ({"version": 3, "topics": {}}, "unsupported progress version 3"),
        ({"version": True, "topics": {}}, "unsupported progress version true"),
        ({"version": 2, "topics": []}, "`topics` is not a mapping"),
        ({"version": 2, "topics": {"a": "done"}}, "is not a mapping with `status`"),
        ({"version": 2, "topics": {"a": {"status": "finished"}}}, 'has status "finished"'),
        ({"version": 2, "topics": {"a": {"status": "done", "on": "2027-02-30"}}}, "is not a real date"),
        ({"version": 2, "topics": {"a": {"status": "done", "on": "1999-12-31"}}}, "between 2000 and 2100"),
        ({"version": 2, "topics": {"a": {"status": "done", "on": 20270104}}}, "is not a date written YYYY-MM-DD"),
        ({"version": 2, "topics": {}, "exercises": {"a": {"9": {"mark": "got-it", "on": "2027-01-01"}}}}, "exercise number (1 to 6)"),
        ({"version": 2, "topics": {}, "exercises": {"a": {"1": {"mark": "maybe", "on": "2027-01-01"}}}}, 'has mark "maybe"'),
        ({"version": 2, "topics": {}, "start": "soon"}, "`start` is not a date"),
    ],
)
def test_hostile_progress_is_refused_with_what_is_wrong(data: object, gist: str) -> None:
    with pytest.raises(ProgressFileError, match=gist.replace("(", r"\(").replace(")", r"\)")):
        parse_progress(data, TOPICS)


def test_the_file_is_bounded_and_must_be_json(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"version": 2, "topics": {}, "pad": "x" * 1_100_000}), encoding="utf-8")
    with pytest.raises(ProgressFileError, match="over 1000 KB"):
        read_progress(big, TOPICS)
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    with pytest.raises(ProgressFileError, match="not a JSON file"):
        read_progress(bad, TOPICS)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ProgressFileError):
        read_progress(deep, TOPICS)
