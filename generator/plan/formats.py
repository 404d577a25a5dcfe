"""A study plan as text for a terminal, a Markdown checklist and the JSON document of
`roadmap plan`. planner.js writes the same JSON and Markdown, byte for byte.

Titles, sections and URLs come from YAML, where a double-quoted string can hold any
control character (`"\\e[2J"`): every line of text and Markdown is passed through
`printable`, so they print as visible escapes on a terminal, whatever field they sit in."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from generator.kb.roadmap import Roadmap
from generator.plan.rules import Plan, known_closure
from generator.plan.timetable import Review, Study, TimetableWeek
from generator.render.text import md_backslashed, number, plain, plural
from generator.safe_text import printable


def format_hours(hours: float) -> str:
    """Hours rounded half up to one decimal, without a trailing `.0` (as planner.js does)."""
    rounded = math.floor(hours * 10 + 0.5) / 10
    return str(int(rounded)) if rounded.is_integer() else repr(rounded)


def _resource_json(roadmap: Roadmap, rid: str, topic: str) -> dict[str, Any]:
    r = roadmap.resources[rid]
    return {
        "id": rid,
        "title": r.title,
        "kind": r.kind,
        "url": r.url,
        "cost": r.cost,
        "level": r.level,
        "sections": plain(roadmap.sections(rid, topic)),
    }


def day_text(start: dt.date, day: int) -> str:
    return (start + dt.timedelta(days=day)).isoformat()


def _week_json(week: TimetableWeek, start: dt.date) -> dict[str, Any]:
    return {
        "week": week.number,
        "from": day_text(start, week.first_day),
        "to": day_text(start, week.first_day + 6),
        "hours": number(week.study_hours + week.review_hours),
        "steps": [
            {"topic": s.topic, "hours": number(s.hours), **({"part": s.part, "parts": s.parts} if s.parts > 1 else {})} for s in week.study
        ],
        "reviews": [
            {
                "topic": r.topic,
                "due": day_text(start, r.day),
                "hours": number(r.hours),
                **({"covered_by": r.covered_by} if r.covered_by else {}),
            }
            for r in week.reviews
        ],
    }


def plan_json(roadmap: Roadmap, result: Plan, weeks: Sequence[TimetableWeek] | None = None, start: dt.date | None = None) -> dict[str, Any]:
    """The `roadmap plan --format json` document."""
    out: dict[str, Any] = {
        "targets": list(result.targets),
        "known": list(result.known),
        "steps": [
            {
                "topic": step.topic,
                "title": step.title,
                "hours": number(step.hours),
                "resources": [_resource_json(roadmap, rid, step.topic) for rid in step.resources],
            }
            for step in result.steps
        ],
        "total_hours": number(result.total_hours),
    }
    if weeks is not None and start is not None:
        out["start"] = start.isoformat()
        out["weeks"] = [_week_json(week, start) for week in weeks]
    return out


def study_weeks(weeks: Sequence[TimetableWeek]) -> int:
    """How many weeks until the last study (the weeks of review that follow are not counted)."""
    return max((w.number for w in weeks if w.study), default=0)


def shown_weeks(weeks: Sequence[TimetableWeek]) -> list[TimetableWeek]:
    """The weeks with something in them (a review-only tail has empty weeks between reviews)."""
    return [w for w in weeks if w.study or w.reviews]


def format_minutes(hours: float) -> str:
    """A review's time, in whole minutes (quarter hours would round badly as hours)."""
    return f"{math.floor(hours * 60 + 0.5)} min"


def _review_words(roadmap: Roadmap, review: Review, title: Any) -> str:
    covered = f" (with {title(review.covered_by)})" if review.covered_by else f", {format_minutes(review.hours)}"
    return f"{title(review.topic)}{covered}"


def lines_out(lines: Sequence[str]) -> str:
    """Lines of output, each with its control characters escaped, ending with a newline."""
    return "\n".join(printable(line) for line in lines) + "\n"


def _md_url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29")


def _names(roadmap: Roadmap, ids: Sequence[str]) -> str:
    return ", ".join(f"{md_backslashed(roadmap.topics[t].title)} (`{t}`)" for t in ids)


def plan_markdown(
    roadmap: Roadmap,
    result: Plan,
    weeks: Sequence[TimetableWeek] | None = None,
    hours_per_week: float | None = None,
    start: dt.date | None = None,
) -> str:
    """A Markdown checklist of the plan, to paste into notes or an issue (planner.js writes the same)."""
    lines = ["# Study plan: " + ", ".join(md_backslashed(roadmap.topics[t].title) for t in result.targets), ""]
    lines.append(f"- Targets: {_names(roadmap, result.targets)}")
    if result.known:
        lines.append(f"- Already known: {_names(roadmap, result.known)}")
    if result.include_recommended:
        lines.append("- Recommended prerequisites included")
    summary = f"- {plural(len(result.steps), 'topic')}, {format_hours(result.total_hours)} h in total"
    if weeks is not None and hours_per_week is not None and start is not None:
        summary += (
            f", {plural(study_weeks(weeks), 'week')} at {format_hours(hours_per_week)} h a week from {start.isoformat()}, reviews included"
        )
    lines += [summary, ""]
    if not result.steps:
        lines.append("Nothing to study: every target is already known.")
        return lines_out(lines)

    by_id = {step.topic: step for step in result.steps}

    def item(tid: str, slot: Study | None) -> list[str]:
        step = by_id[tid]
        text = f"- [ ] {md_backslashed(step.title)} (`{tid}`), {format_hours(step.hours)} h"
        if slot is not None and slot.parts > 1:
            text = f"- [ ] {md_backslashed(step.title)} (`{tid}`), part {slot.part} of {slot.parts}: {format_hours(slot.hours)} h of {format_hours(step.hours)} h"
        out = [text]
        if slot is None or slot.part == 1:
            for rid in step.resources:
                r = roadmap.resources[rid]
                read = md_backslashed(plain(roadmap.sections(rid, tid)))
                out.append(f"  - [{md_backslashed(r.title)}]({_md_url(r.url)}): {r.kind}, {r.cost}, {r.level}; read {read}")
        return out

    if weeks is None or start is None:
        for step in result.steps:
            lines += item(step.topic, None)
    else:

        def title(tid: str | None) -> str:
            return md_backslashed(roadmap.topics[tid or ""].title)

        for week in shown_weeks(weeks):
            hours = format_hours(week.study_hours + week.review_hours)
            lines += [f"## Week {week.number} ({day_text(start, week.first_day)} to {day_text(start, week.first_day + 6)}): {hours} h", ""]
            for slot in week.study:
                lines += item(slot.topic, slot)
            for review in week.reviews:
                lines.append(f"- [ ] Review {_review_words(roadmap, review, title)}, due {day_text(start, review.day)}")
            lines.append("")
        lines.pop()
    return lines_out(lines)


def plan_text(
    roadmap: Roadmap,
    result: Plan,
    weeks: Sequence[TimetableWeek] | None = None,
    hours_per_week: float | None = None,
    start: dt.date | None = None,
) -> str:
    """The plan for a terminal: numbered steps with their resources, then the weeks."""

    def name(tid: str) -> str:
        return f"{roadmap.topics[tid].title} ({tid})"

    lines = ["Study plan for " + ", ".join(name(t) for t in result.targets)]
    if result.known:
        lines.append("Known: " + ", ".join(name(t) for t in result.known))
        extra = sorted(known_closure(roadmap, result.known) - set(result.known), key=roadmap.sort_key)
        if extra:
            lines.append("Also counted as known (required by what you know): " + ", ".join(extra))
    closure = known_closure(roadmap, result.known)
    done = [t for t in result.targets if t in closure]
    if done:
        lines.append("Already known targets: " + ", ".join(done))
    summary = f"{plural(len(result.steps), 'topic')}, {format_hours(result.total_hours)} h in total"
    if weeks is not None and hours_per_week is not None and start is not None:
        summary += (
            f"; {plural(study_weeks(weeks), 'week')} at {format_hours(hours_per_week)} h a week from {start.isoformat()}, reviews included"
        )
    lines += [summary, ""]
    if not result.steps:
        lines.append("Nothing to study: every target is already known.")
        return lines_out(lines)
    width = len(str(len(result.steps)))
    stages = {stage.id: stage.title for stage in roadmap.stages}
    for i, step in enumerate(result.steps, 1):
        topic = roadmap.topics[step.topic]
        lines.append(f"{i:>{width}}. {name(step.topic)}: {format_hours(step.hours)} h ({stages[topic.stage]}; {topic.area})")
        for rid in step.resources:
            r = roadmap.resources[rid]
            lines.append(f"{'':>{width}}    - {r.title} [{r.kind}, {r.cost}, {r.level}] {r.url}")
            lines.append(f"{'':>{width}}      read: {plain(roadmap.sections(rid, step.topic))}")
    if weeks is not None and start is not None:
        lines.append("")
        for week in shown_weeks(weeks):
            head = f"Week {week.number}, {day_text(start, week.first_day)} to {day_text(start, week.first_day + 6)}"
            lines.append(f"{head} ({format_hours(week.study_hours + week.review_hours)} h):")
            for s in week.study:
                part = f", part {s.part} of {s.parts}" if s.parts > 1 else ""
                lines.append(f"  study  {s.topic}: {format_hours(s.hours)} h{part}")
            for review in week.reviews:
                lines.append(f"  review {_review_words(roadmap, review, lambda tid: tid or '')}, due {day_text(start, review.day)}")
    return lines_out(lines)
