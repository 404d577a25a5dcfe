"""`roadmap check-links`: check the resource URLs (or a list of URLs) and report."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from generator.cli.common import number_in_range
from generator.links._config import Config, parse_accept

_EXTENSIONS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}

DESCRIPTION = """\
Check every resource URL in the knowledge base, or a plain list of URLs, and report
each with its verdict: ok, redirected (works, but the URL should be updated),
broken (gone: 404/410, no such host, refused, redirect loop...), indeterminate
(timeout, rate-limited, blocked by a bot wall, server error, TLS, protocol, a site
that refuses robots, a host that took too long), or skipped (excluded, or a private
address). Only broken URLs fail the run; a URL indeterminate in several consecutive
runs (history kept in --cache) counts as broken, except on the sites listed in
generator/links/hosts.toml as refusing robots.
"""

EPILOG = """\
exit status: 0 nothing broken, 1 something broken (or the data has errors), 2 wrong usage.
examples:
  roadmap check-links                                  every resource URL
  roadmap check-links --changed-since origin/main     only resources changed since then
  echo https://example.org/ | roadmap check-links --urls-from -
  roadmap check-links --cache .roadmap-cache/links.json --output link-report.json --output link-report.md
"""


def _accept(text: str) -> frozenset[int]:
    try:
        return parse_accept(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _regex(text: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as exc:
        raise argparse.ArgumentTypeError(f"`{text}` is not a regular expression ({exc})") from None


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `check-links` to the `roadmap` command line."""
    defaults = Config()
    p = subparsers.add_parser(
        "check-links",
        parents=[common],
        help="check resource URLs: ok, redirected, broken, indeterminate or skipped",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = p.add_argument_group("what to check").add_mutually_exclusive_group()
    what.add_argument("--urls-from", metavar="FILE|-", help="check the URLs in FILE (one a line; - reads stdin) instead of the resources")
    what.add_argument("--changed-since", metavar="GIT-REV", help="check only resources whose files changed since this git revision")

    out = p.add_argument_group("reports")
    out.add_argument(
        "--format", choices=["text", "json", "markdown"], help="report format (default: text, or from the --output file's extension)"
    )
    out.add_argument(
        "--output",
        metavar="FILE",
        action="append",
        default=[],
        help="write the report to FILE (- for stdout); repeat for several reports (.json, .md, .txt pick the format)",
    )
    out.add_argument("--cache", metavar="FILE", help="reuse recent verdicts from FILE and keep history there (created if missing)")

    polite = p.add_argument_group("politeness and patience")
    polite.add_argument(
        "--concurrency",
        type=number_in_range(int, 1),
        default=defaults.concurrency,
        metavar="N",
        help=f"requests in flight at most (default: {defaults.concurrency})",
    )
    polite.add_argument(
        "--per-host",
        type=number_in_range(int, 1),
        default=defaults.per_host,
        metavar="N",
        help=f"requests in flight to one host at most (default: {defaults.per_host})",
    )
    polite.add_argument(
        "--interval",
        type=number_in_range(float, 0),
        default=defaults.interval,
        metavar="SECONDS",
        help=f"least time between two requests to one host (default: {defaults.interval:g})",
    )
    polite.add_argument(
        "--timeout",
        type=number_in_range(float, 0, above=True),
        default=defaults.timeout,
        metavar="SECONDS",
        help=f"deadline of one request: connect, headers and body together (default: {defaults.timeout:g})",
    )
    polite.add_argument(
        "--max-host-time",
        type=number_in_range(float, 0, above=True),
        default=defaults.host_time,
        metavar="SECONDS",
        help=f"time one host may take in all (its answers and retry pauses); past it, its other URLs are left unchecked as indeterminate (default: {defaults.host_time:g})",
    )
    polite.add_argument(
        "--retries",
        type=number_in_range(int, 0),
        default=defaults.retries,
        metavar="N",
        help=f"retries after a timeout, reset, refusal or 5xx, with backoff (default: {defaults.retries})",
    )
    polite.add_argument(
        "--max-redirects",
        type=number_in_range(int, 0),
        default=defaults.max_redirects,
        metavar="N",
        help=f"redirects followed at most (default: {defaults.max_redirects})",
    )
    polite.add_argument("--user-agent", metavar="UA", default=defaults.user_agent, help="User-Agent header to send")

    rules = p.add_argument_group("rules")
    rules.add_argument(
        "--accept", type=_accept, default=frozenset(), metavar="CODES", help="status codes that also count as ok, e.g. 403,999 or 200..=299"
    )
    rules.add_argument("--exclude", type=_regex, action="append", default=[], metavar="REGEX", help="skip URLs matching REGEX (repeatable)")
    rules.add_argument(
        "--allow-private", action="store_true", help="also check private, loopback and link-local addresses (refused by default)"
    )
    p.set_defaults(func=_check_links)


def _outputs(args: argparse.Namespace) -> list[tuple[str, Path | None]]:
    if not args.output:
        return [(args.format or "text", None)]
    return [
        (args.format or _EXTENSIONS.get(Path(name).suffix.lower(), "text"), None if name == "-" else Path(name)) for name in args.output
    ]


def _check_links(args: argparse.Namespace) -> int:
    import asyncio
    from dataclasses import replace

    from generator.cli.common import UsageError, load
    from generator.links._cache import Cache, CacheError
    from generator.links._progress import Progress
    from generator.links._report import render, summary_line
    from generator.links._run import check_targets
    from generator.links._targets import (
        TargetError,
        changed_resources,
        list_targets,
        roadmap_targets,
    )
    from generator.links._verdicts import Verdict, now_utc

    config = Config(
        concurrency=args.concurrency,
        per_host=args.per_host,
        interval=args.interval,
        timeout=args.timeout,
        host_time=args.max_host_time,
        retries=args.retries,
        max_redirects=args.max_redirects,
        accept=args.accept,
        exclude=tuple(args.exclude),
        allow_private=args.allow_private,
        user_agent=args.user_agent,
    )
    outputs = _outputs(args)
    try:
        if args.urls_from:
            targets = list_targets(args.urls_from)
        else:
            only = changed_resources(Path(args.root), args.changed_since) if args.changed_since else None
            targets = roadmap_targets(load(args), only)
    except TargetError as exc:
        raise UsageError(str(exc)) from None

    try:
        config = replace(config, hosts=config.policy())  # a broken hosts.toml is said up front
    except ValueError as exc:
        raise UsageError(str(exc)) from None

    cache = None
    if args.cache:
        try:
            cache = Cache.load(Path(args.cache), settings=config.fingerprint())
        except CacheError as exc:
            raise UsageError(str(exc)) from None
        if cache.problem:
            # A bad cache costs one run its shortcuts, never the run itself.
            print(f"warning: {cache.problem}", file=sys.stderr, flush=True)

    progress = Progress(len(targets))
    try:
        results = asyncio.run(check_targets(targets, config, cache=cache, on_result=progress.advance))
    finally:
        progress.close()
        if cache is not None:
            cache.save(now_utc())  # also after Ctrl-C: what was checked stays checked

    for fmt, path in outputs:
        text = render(results, fmt)
        if path is None:
            sys.stdout.write(text)
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write --output {path}: {exc.strerror}") from None
    if all(path is not None for _, path in outputs):
        print(summary_line(results), file=sys.stderr)
    return 1 if any(r.verdict is Verdict.BROKEN for r in results) else 0
