"""`roadmap exercises`: a topic's exercises as text or Markdown, solutions on request."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.cli.common import UsageError, load


def _exercises(args: argparse.Namespace) -> int:
    from generator.plan.rules import UnknownTopicError, check_ids
    from generator.render.exercises import exercises_markdown, exercises_text

    roadmap = load(args)
    try:
        check_ids(roadmap, [args.topic])
    except UnknownTopicError as exc:
        raise UsageError(str(exc)) from None
    topic = roadmap.topics[args.topic]
    show = exercises_markdown if args.format == "markdown" else exercises_text
    sys.stdout.write(show(args.topic, topic, solutions=args.solutions))
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "exercises",
        parents=[common],
        help="print a topic's exercises (and, with --solutions, their worked solutions)",
        description="Print a topic's exercises as plain text (formulas in Unicode) or as Markdown with TeX.",
    )
    p.add_argument("topic", metavar="TOPIC", help="the topic's id, e.g. singular-value-decomposition")
    p.add_argument("--solutions", action="store_true", help="print each worked solution after its question")
    p.add_argument("--format", choices=["text", "markdown"], default="text", help="text (default) or Markdown with TeX")
    p.set_defaults(func=_exercises)
