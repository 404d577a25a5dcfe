"""`roadmap plan`: a study path to one or more targets, or the topics ready to learn next."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
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
    schedule,
    unlocks,
)
from generator.render.text import md_backslashed, number
from generator.safe_text import json_printable

FORMATS = ("text", "json", "markdown")


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
        help=f"study pace, {MIN_PACE:g} to {MAX_PACE:g}; adds the number of weeks and a weekly schedule",
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

    if args.ready:
        sys.stdout.write(_ready(roadmap, known, args.include_recommended, args.format))
        return 0
    result = plan(roadmap, targets, known, args.include_recommended)
    pace: float | None = args.hours_per_week
    weeks = schedule(result.steps, pace) if pace is not None else None
    if args.format == "json":
        sys.stdout.write(json_printable(json.dumps(plan_json(roadmap, result, weeks), indent=2, ensure_ascii=False)) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(plan_markdown(roadmap, result, weeks, pace))
    else:
        sys.stdout.write(plan_text(roadmap, result, weeks, pace))
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
