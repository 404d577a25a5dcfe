"""A plan's timetable as an iCalendar file (RFC 5545), for a learner's calendar: one all-day
event per week that holds study or review, listing what to study and what to review.

Written with the `icalendar` library. The site's planner writes the same events in the
browser (site/assets/js/timetable.js), and a test parses both files with `icalendar` and holds
them to the same events. Event ids are stable for the same plan, pace and start, so importing
an updated file replaces a week's event instead of adding a second one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar, Event

from generator.kb.roadmap import Roadmap
from generator.plan.formats import day_text, format_hours, shown_weeks
from generator.plan.rules import Plan
from generator.plan.timetable import TimetableWeek

PRODID = "-//Math for Machine Learning roadmap//study plan//EN"


def week_uid(result: Plan, hours_per_week: float, start: dt.date, number: int) -> str:
    """What makes a week's event the same event in an updated file: its plan's targets (ids,
    so the id is plain ASCII), start and pace, and the week's number."""
    return f"week-{number}-{start.isoformat()}-{format_hours(hours_per_week)}h-{'+'.join(result.targets)}@math-for-ml-roadmap"


def week_summary(roadmap: Roadmap, week: TimetableWeek) -> str:
    hours = format_hours(week.study_hours + week.review_hours)
    if week.study:
        titles = ", ".join(dict.fromkeys(roadmap.topics[s.topic].title for s in week.study))
        review = " and review" if week.reviews else ""
        return f"Week {week.number}: study {titles}{review} ({hours} h)"
    return f"Week {week.number}: review ({hours} h)"


def week_description(roadmap: Roadmap, week: TimetableWeek, start: dt.date) -> str:
    lines = []
    for s in week.study:
        part = f", part {s.part} of {s.parts}" if s.parts > 1 else ""
        lines.append(f"Study {roadmap.topics[s.topic].title}: {format_hours(s.hours)} h{part}")
    for r in week.reviews:
        what = f"with {roadmap.topics[r.covered_by].title}" if r.covered_by else f"{format_hours(r.hours)} h"
        lines.append(f"Review {roadmap.topics[r.topic].title} ({what}), due {day_text(start, r.day)}")
    return "\n".join(lines)


def plan_ics(roadmap: Roadmap, result: Plan, weeks: Sequence[TimetableWeek], hours_per_week: float, start: dt.date) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Study plan: " + ", ".join(roadmap.topics[t].title for t in result.targets))
    stamp = dt.datetime.combine(start, dt.time(0, 0), tzinfo=dt.UTC)
    for week in shown_weeks(weeks):
        event = Event()
        event.add("uid", week_uid(result, hours_per_week, start, week.number))
        event.add("dtstamp", stamp)
        event.add("dtstart", start + dt.timedelta(days=week.first_day))
        event.add("dtend", start + dt.timedelta(days=week.first_day + 7))
        event.add("summary", week_summary(roadmap, week))
        event.add("description", week_description(roadmap, week, start))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    document: bytes = calendar.to_ical()
    return document
