"""`roadmap plan`: a study path to one or more targets, or the topics ready to learn next."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.cli.common import UsageError, load, number_in_range
from generator.kb.roadmap import Roadmap
from generator.plan.formats import format_hours, lines_out, plan_json, plan_markdown, plan_text
from generator.plan.rules import (
    MAX_PACE,
    MIN_PACE,
    UnknownTopicError,
    best_resources,
    check_ids,
    known_closure,
    plan,
    ready,
    unlocks,
)
from generator.render.text import md_backslashed, number
from generator.safe_text import json_printable

FORMATS = ("text", "json", "markdown", "ics")


def _day(text: str) -> dt.date:
    from generator.plan.progress_file import ProgressFileError, parse_day

    try:
        return parse_day(text, f"--start {text!r}")
    except ProgressFileError as exc:
        raise argparse.ArgumentTypeError(f"{exc}; write it as YYYY-MM-DD, e.g. 2027-01-04") from None


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the `plan` subcommand."""
    p = sub.add_parser(
        "plan",
        parents=[common],
        help="a study path to one or more target topics, or the topics ready to learn next",
        description=(
            "Print every topic to study to reach the TARGET topics, prerequisites first, with the best "
            "resources for each. Topics named with --known, and everything they require, are left out. "
            "With --ready, print the topics whose prerequisites are all known instead."
        ),
        epilog="Ids may also be separated by commas: --known vectors,matrices. Exit status 2 for an unknown id.",
    )
    p.add_argument("targets", nargs="*", metavar="TARGET", help="topic ids to reach")
    p.add_argument("--known", nargs="+", action="extend", default=[], metavar="ID", help="topics already known")
    p.add_argument(
        "--hours-per-week",
        type=number_in_range(float, MIN_PACE, MAX_PACE, unit=" hours a week"),
        metavar="N",
        help=f"study pace, {MIN_PACE:g} to {MAX_PACE:g}; adds a week-by-week timetable with dates and spaced review",
    )
    p.add_argument("--start", type=_day, metavar="DATE", help="the timetable's first day, YYYY-MM-DD (default: today)")
    p.add_argument(
        "--progress",
        type=Path,
        metavar="FILE",
        help="progress exported from the site (done, in progress, exercises marked): done topics are reviewed, not studied",
    )
    p.add_argument("--include-recommended", action="store_true", help="also study recommended (not only required) prerequisites")
    p.add_argument("--ready", action="store_true", help="print the topics ready to learn from --known instead of a plan")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.set_defaults(func=_plan)


def _split(values: Iterable[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _plan(args: argparse.Namespace) -> int:
    targets, known = _split(args.targets), _split(args.known)
    if args.ready and targets:
        raise UsageError("--ready lists what to learn next from --known and takes no TARGET; drop the targets or --ready")
    if not args.ready and not targets:
        raise UsageError("name at least one target topic, e.g. `roadmap plan linear-regression`, or use --ready")
    roadmap = load(args)
    try:
        check_ids(roadmap, [*targets, *known])
    except UnknownTopicError as exc:
        raise UsageError(str(exc)) from None

    if args.ready and args.format == "ics":
        raise UsageError("--ready lists topics, not a timetable: --format ics needs target topics and --hours-per-week")
    if args.ready:
        sys.stdout.write(_ready(roadmap, known, args.include_recommended, args.format))
        return 0
    result = plan(roadmap, targets, known, args.include_recommended)
    pace: float | None = args.hours_per_week
    if pace is None and (args.format == "ics" or args.start or args.progress):
        raise UsageError("a timetable needs a pace: add --hours-per-week N")
    start: dt.date = args.start or dt.date.today()
    weeks = None
    if pace is not None:
        from generator.plan.progress_file import ProgressFileError, as_progress, read_progress
        from generator.plan.timetable import timetable

        progress = None
        if args.progress is not None:
            try:
                stored = read_progress(args.progress, frozenset(roadmap.topics))
            except ProgressFileError as exc:
                raise UsageError(f"--progress {args.progress}: {exc}") from None
            start = args.start or stored.start or start
            progress = as_progress(stored, start)
        weeks = timetable(roadmap, result.steps, pace, progress)
    if args.format == "ics":
        from generator.plan.calendar import plan_ics

        assert weeks is not None and pace is not None
        sys.stdout.buffer.write(plan_ics(roadmap, result, weeks, pace, start))
        return 0
    if args.format == "json":
        sys.stdout.write(json_printable(json.dumps(plan_json(roadmap, result, weeks, start), indent=2, ensure_ascii=False)) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(plan_markdown(roadmap, result, weeks, pace, start))
    else:
        sys.stdout.write(plan_text(roadmap, result, weeks, pace, start))
    return 0


def _ready(roadmap: Roadmap, known: list[str], include_recommended: bool, fmt: str) -> str:
    topics = ready(roadmap, known, include_recommended)
    closure = known_closure(roadmap, known)
    if fmt == "json":
        doc = {
            "known": known,
            "ready": [
                {
                    "topic": tid,
                    "title": roadmap.topics[tid].title,
                    "hours": number(roadmap.topics[tid].hours),
                    "unlocks": unlocks(roadmap, tid, closure),
                    "resources": best_resources(roadmap, tid),
                }
                for tid in topics
            ],
        }
        return json_printable(json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"
    if fmt == "markdown":
        lines = ["# Ready to learn next", ""]
        lines += [f"- [ ] {md_backslashed(roadmap.topics[t].title)} (`{t}`), {format_hours(roadmap.topics[t].hours)} h" for t in topics]
        return lines_out(lines)
    head = "Ready to learn (every required prerequisite known)" if not include_recommended else "Ready to learn (every prerequisite known)"
    lines = [f"{head}: {len(topics)} topic{'s' if len(topics) != 1 else ''}"]
    for tid in topics:
        opens = unlocks(roadmap, tid, closure)
        tail = f"; unlocks {', '.join(opens)}" if opens else ""
        lines.append(f"  {tid}: {roadmap.topics[tid].title}, {format_hours(roadmap.topics[tid].hours)} h{tail}")
    return lines_out(lines)
