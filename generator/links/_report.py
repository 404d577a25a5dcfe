"""Reports of a run: text for people, JSON for tools (and the site), Markdown for CI summaries and issues.

Most of what a report shows came from servers (a Location header becomes a final URL and
part of a detail; exception text, TLS messages) or from a cache file, so every such string
is escaped for where it lands: control characters made visible in text, and in Markdown
either an inline code span (a fence longer than any backtick run inside) or escaped text,
with `@` and `#123` defused so the weekly issue mentions and cross-references nobody, and
no raw `|` in a table cell.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from generator.safe_text import md_code as _code, md_text as _text, printable

from ._cache import format_time
from ._verdicts import VERDICT_ORDER, Result, Verdict, reason_text

FORMATS = ("text", "json", "markdown")
# Summary keys in the order the issue names the verdicts.
_SUMMARY_ORDER = (Verdict.OK, Verdict.REDIRECTED, Verdict.BROKEN, Verdict.INDETERMINATE, Verdict.SKIPPED)


def summary(results: Iterable[Result]) -> dict[str, int]:
    """Counts per verdict; every verdict present, zero or not."""
    counts = {verdict.value: 0 for verdict in _SUMMARY_ORDER}
    for result in results:
        counts[result.verdict.value] += 1
    return counts


def ordered(results: Iterable[Result]) -> list[Result]:
    """What needs a person first (broken, indeterminate, redirected, skipped, ok), then by place."""
    rank = {verdict: i for i, verdict in enumerate(VERDICT_ORDER)}
    return sorted(results, key=lambda r: (rank[r.verdict], _place_key(r.target.location), r.url))


def _place_key(location: str | None) -> tuple[str, int]:
    if not location:
        return ("\uffff", 0)
    path, _, line = location.rpartition(":")
    return (path, int(line)) if line.isdigit() else (location, 0)


def render(results: Sequence[Result], fmt: str) -> str:
    """The report in `fmt` (one of FORMATS), ending with a newline."""
    if fmt == "json":
        return render_json(results)
    if fmt == "markdown":
        return render_markdown(results)
    if fmt == "text":
        return render_text(results)
    raise ValueError(f"unknown report format {fmt!r}")


# -- JSON ---------------------------------------------------------------------------


def result_json(result: Result) -> dict[str, Any]:
    outcome = result.outcome
    return {
        "url": result.url,
        "verdict": outcome.verdict.value,
        "reason": outcome.reason,
        "status": outcome.status,
        "final_url": outcome.final_url,
        "resource": result.target.resource,
        "location": result.target.location,
        "checked_at": format_time(outcome.checked_at),
        "from_cache": result.from_cache,
        "archive": result.archive,
    }


def render_json(results: Sequence[Result]) -> str:
    """`{"summary": {...}, "results": [...]}`, one result a line: readable, diffable, and
    written by json's C encoder (an indented dump of thousands of results is pure Python
    and takes longer than reading them back)."""
    lines = ",\n".join(f"    {json.dumps(result_json(r), ensure_ascii=False)}" for r in ordered(results))
    body = f"[\n{lines}\n  ]" if lines else "[]"
    return f'{{\n  "summary": {json.dumps(summary(results))},\n  "results": {body}\n}}\n'


# -- text ---------------------------------------------------------------------------


def summary_line(results: Sequence[Result]) -> str:
    counts = summary(results)
    parts = [f"{counts[v.value]} {v.value}" for v in VERDICT_ORDER if counts[v.value] or v is Verdict.OK]
    cached = sum(1 for r in results if r.from_cache)
    noun = "URL" if len(results) == 1 else "URLs"
    tail = f" ({cached} from cache)" if cached else ""
    return f"{len(results)} {noun}: {', '.join(parts)}{tail}"


def render_text(results: Sequence[Result]) -> str:
    lines = []
    for result in ordered(results):
        if result.verdict is Verdict.OK:
            continue
        outcome = result.outcome
        where = f"{printable(result.target.location)}: " if result.target.location else ""
        reason = f" ({printable(outcome.reason)})" if outcome.reason else ""
        lines.append(f"{where}{outcome.verdict.value}{reason}: {printable(result.url)}")
        lines.append(f"    {printable(outcome.detail)}")
        if result.archive and result.verdict is Verdict.BROKEN:
            lines.append(f"    try {printable(result.archive)}")
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


# -- Markdown -----------------------------------------------------------------------

_HEADINGS = {
    Verdict.BROKEN: "Broken",
    Verdict.INDETERMINATE: "Indeterminate: could not tell",
    Verdict.REDIRECTED: "Moved permanently: update these URLs",
    Verdict.SKIPPED: "Skipped",
}
_INTROS = {
    Verdict.BROKEN: "Gone or unreachable. Fix or replace each, or link an archived copy.",
    Verdict.INDETERMINATE: (
        "Timeouts, rate limits, bot walls, server errors. Nothing to do unless one stays here: "
        "a URL that is still indeterminate after several weekly runs is reported as broken."
    ),
    Verdict.REDIRECTED: "These work, but the site says they have moved for good.",
    Verdict.SKIPPED: "Not checked: excluded, or on a private network.",
}


# What an autolink `<...>` may hold and still mean exactly that URL, with nothing for
# GitHub to read as a mention or a table cell's end.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]!$&'()*+,;=%]+")


def _link(url: str | None) -> str:
    if not url:
        return ""
    if _PLAIN_URL.fullmatch(url):
        return f"<{url}>"
    return _code(url)


_ARCHIVE_SAFE = ":/?#[]!$&'*+,;=%-._~"


def _archive_link(url: str) -> str:
    # Percent-encoded past the characters that could end the link or the table cell.
    return f"[archived copy]({quote(url, safe=_ARCHIVE_SAFE)})"


def _where(result: Result) -> str:
    return _code(result.target.location) if result.target.location else ""


def render_markdown(results: Sequence[Result]) -> str:
    counts = summary(results)
    broken = counts[Verdict.BROKEN.value]
    headline = f"**{broken} broken**" if broken else "**nothing broken**"
    others = [f"{counts[v.value]} {v.value}" for v in VERDICT_ORDER[1:] if counts[v.value] or v is Verdict.OK]
    cached = sum(1 for r in results if r.from_cache)
    total = f"{len(results)} URL{'s' if len(results) != 1 else ''} checked" + (f", {cached} from cache" if cached else "")
    out = ["## Link check", "", f"{headline} · {' · '.join(others)} — {total}", ""]
    by_verdict: dict[Verdict, list[Result]] = {}
    for result in ordered(results):
        by_verdict.setdefault(result.verdict, []).append(result)
    for verdict in VERDICT_ORDER:
        rows = by_verdict.get(verdict)
        if not rows or verdict is Verdict.OK:
            continue
        out += [f"### {_HEADINGS[verdict]} ({len(rows)})", "", _INTROS[verdict], ""]
        if verdict is Verdict.REDIRECTED:
            out += ["| Where | URL | New URL |", "|---|---|---|"]
            out += [f"| {_where(r)} | {_link(r.url)} | {_link(r.outcome.final_url)} |" for r in rows]
        elif verdict is Verdict.SKIPPED:
            out += ["| Where | URL | Why |", "|---|---|---|"]
            out += [f"| {_where(r)} | {_link(r.url)} | {_text(r.outcome.detail)} |" for r in rows]
        else:
            out += ["| Where | URL | Why | Try |", "|---|---|---|---|"]
            for r in rows:
                why = (
                    f"**{_text(reason_text(r.outcome.reason))}**: {_text(r.outcome.detail)}"
                    if r.outcome.reason
                    else _text(r.outcome.detail)
                )
                try_ = _archive_link(r.archive) if r.archive else ""
                out.append(f"| {_where(r)} | {_link(r.url)} | {why} | {try_} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
