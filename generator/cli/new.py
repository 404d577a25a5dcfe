"""`roadmap new topic|resource`: a new record that validates as it stands."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator.cli.common import UsageError
from generator.kb.scaffold import (
    Ask,
    ScaffoldError,
    _interactive,
    new_resource,
    new_topic,
)
from generator.kb.vocabulary import AREAS, COSTS, KINDS, LEVELS
from generator.safe_text import printable


def _run(args: argparse.Namespace) -> int:
    if not (Path(args.root) / "roadmap").is_dir():
        raise UsageError(f"{args.root}: no roadmap/ folder here; run from the repository root or pass --root DIR")
    ask: Ask | None = input if _interactive() else None
    try:
        path = (new_topic if args.what == "topic" else new_resource)(args, ask)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except (EOFError, KeyboardInterrupt):
        raise UsageError("cancelled; nothing was written") from None
    shown = path.relative_to(Path(args.root)).as_posix()
    print(f"wrote {printable(shown)}")
    if args.what == "topic":
        print(f"next: add a resource that covers it (roadmap new resource --covers {path.stem}:SECTIONS), then run roadmap validate")
    else:
        print("next: run roadmap validate, and roadmap check-links --changed-since origin/main")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("new", parents=[common], help="scaffold a valid topic or resource record")
    kinds = p.add_subparsers(dest="what", metavar="topic|resource", required=True)

    r = kinds.add_parser("resource", parents=[common], help="write resources/<id>.yml")
    r.add_argument("--id", help="file name without .yml (default: made from the title)")
    r.add_argument("--title")
    r.add_argument("--url")
    r.add_argument("--kind", help=", ".join(KINDS))
    r.add_argument("--cost", help=", ".join(COSTS))
    r.add_argument("--level", help=", ".join(LEVELS))
    r.add_argument("--author", action="append", metavar="NAME", help="repeat for each author")
    r.add_argument("--provider", help="organisation or platform")
    r.add_argument("--description", help="why this resource, and for whom, in your own words")
    r.add_argument("--covers", action="append", metavar="TOPIC:SECTIONS", help="repeat for each topic, e.g. 'gradients:Ch. 5.1'")
    r.add_argument("--hours", type=float)
    r.add_argument("--year", type=int)
    r.add_argument("--edition")
    r.add_argument("--isbn")
    r.set_defaults(func=_run)

    t = kinds.add_parser("topic", parents=[common], help="write roadmap/<id>.yml")
    t.add_argument("--id", help="file name without .yml (default: made from the title)")
    t.add_argument("--title")
    t.add_argument("--stage")
    t.add_argument("--area", help=", ".join(AREAS))
    t.add_argument("--summary")
    t.add_argument("--description")
    t.add_argument("--why-it-matters", dest="why_it_matters")
    t.add_argument("--goal", action="append", metavar="TEXT", help="repeat 3 to 6 times")
    t.add_argument("--hours")
    t.add_argument("--prerequisite", action="append", metavar="TOPIC:STRENGTH:REASON", help="repeat for each prerequisite")
    t.add_argument(
        "--exercise",
        action="append",
        nargs=4,
        metavar=("KIND", "GOALS", "QUESTION", "SOLUTION"),
        help="repeat 3 to 6 times: KIND is compute, explain or code; GOALS the goal numbers it tests (`1,3`)",
    )
    t.set_defaults(func=_run)
