"""`roadmap pr-check`: what a pull request changes, checked and summarised for its reviewers."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from generator.cli.common import UsageError
from generator.kb.problems import RootError
from generator.review.pr import (
    PullRequestError,
    _annotation,
    _records,
    build_report,
    render_summary,
)
from generator.safe_text import md_code


def _run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    links = None
    if args.links_report:
        report_file = Path(args.links_report)
        if not report_file.exists():
            # In CI the link check runs first and may fail before writing anything.
            links = f"_The link check wrote no report to {md_code(args.links_report)}; see its step in the log._"
        else:
            try:
                links = report_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(f"--links-report {args.links_report}: cannot read it ({exc})") from None
    try:
        report = build_report(root, args.base)
    except PullRequestError as exc:
        raise UsageError(str(exc)) from None
    except RootError as exc:
        raise UsageError(str(exc)) from None
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as out:
            out.write(render_summary(report, links))
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in [*report.generated, *report.validation]:
        print(problem, file=sys.stderr)
        if annotate:
            print(_annotation(problem))
    if report.failed:
        print(
            f"pr-check: {len(report.generated)} generated file(s) edited, {len(report.validation)} validation problem(s)",
            file=sys.stderr,
        )
        return 1
    resources, topics = len(_records(report.changes, "resources")), len(_records(report.changes, "roadmap"))
    print(f"ok: no generated file edited; {resources} resource and {topics} topic file(s) changed; {report.counts}, no problems")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "pr-check",
        parents=[common],
        help="check a pull request: no edits to generated files, valid data, and a Markdown summary",
        description=(
            "Refuse edits to files the generator writes, validate the data, and optionally write a Markdown "
            "summary of the changed resources (for $GITHUB_STEP_SUMMARY)."
        ),
    )
    p.add_argument("--base", required=True, metavar="REV", help="the branch or commit the pull request goes into, e.g. origin/main")
    p.add_argument("--summary", metavar="FILE", help="append a Markdown summary to FILE (in CI: $GITHUB_STEP_SUMMARY)")
    p.add_argument(
        "--links-report",
        metavar="FILE",
        help="Markdown from `roadmap check-links --changed-since REV --format markdown`, to include in the summary",
    )
    p.set_defaults(func=_run)
