"""Reports as files you can read: tests/links/golden/report.{txt,md,json}.

After an intended change to a report, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/links/test_report.py
    git diff tests/links/golden/
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.links import Outcome, Reason, Result, Target, Verdict, render, summary

from .conftest import Servers, check
from .servers import q

GOLDEN = Path(__file__).parent / "golden"
AT = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)


def _result(
    rid: str,
    url: str,
    verdict: Verdict,
    reason: str | None,
    detail: str,
    status: int | None,
    final: str | None = None,
    cached: bool = False,
) -> Result:
    target = Target(url, rid, f"resources/{rid}.yml:4")
    return Result(target, Outcome(verdict, reason, detail, status, final or url, AT), cached)


RESULTS = [
    _result("ok-book", "https://book.example.invalid/", Verdict.OK, None, "HTTP 200 OK", 200, cached=True),
    _result(
        "moved-course",
        "http://course.example.invalid/ml",
        Verdict.REDIRECTED,
        Reason.PERMANENT_REDIRECT,
        "HTTP 301 Moved Permanently: update the URL to https://course.example.invalid/ml/",
        200,
        "https://course.example.invalid/ml/",
    ),
    _result("gone-video", "https://video.example.invalid/calculus", Verdict.BROKEN, Reason.NOT_FOUND, "HTTP 404 Not Found", 404),
    _result(
        "walled-paper",
        "https://paper.example.invalid/abs/1",
        Verdict.INDETERMINATE,
        Reason.BLOCKED,
        "HTTP 403 Forbidden from a bot wall (Cloudflare challenge)",
        403,
    ),
    _result(
        "dead-forum",
        "https://forum.example.invalid/",
        Verdict.BROKEN,
        "persistent-timeout",
        "no answer within 20 s (3 attempts); indeterminate in 3 consecutive checks since 2026-11-10",
        None,
    ),
    _result("a-pipe", "https://odd.example.invalid/a|b", Verdict.SKIPPED, Reason.EXCLUDED, "matches --exclude", None, ""),
]


@pytest.mark.parametrize(("fmt", "name"), [("text", "report.txt"), ("markdown", "report.md"), ("json", "report.json")])
def test_golden(fmt: str, name: str) -> None:
    text = render(RESULTS, fmt)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_json_has_exactly_the_documented_shape() -> None:
    document = json.loads(render(RESULTS, "json"))
    assert list(document) == ["summary", "results"]
    assert document["summary"] == {"ok": 1, "redirected": 1, "broken": 2, "indeterminate": 1, "skipped": 1}
    keys = ["url", "verdict", "reason", "status", "final_url", "resource", "location", "checked_at", "from_cache", "archive"]
    assert all(list(item) == keys for item in document["results"])
    assert [r["verdict"] for r in document["results"]] == ["broken", "broken", "indeterminate", "redirected", "skipped", "ok"]


def test_archive_links_only_where_needed() -> None:
    by_verdict = {r.verdict: r.archive for r in RESULTS}
    assert by_verdict[Verdict.BROKEN] == "https://web.archive.org/web/https://forum.example.invalid/"
    assert by_verdict[Verdict.OK] is None and by_verdict[Verdict.REDIRECTED] is None


def test_summary_counts_every_verdict_even_zero() -> None:
    assert summary([]) == {"ok": 0, "redirected": 0, "broken": 0, "indeterminate": 0, "skipped": 0}
    assert render([], "text") == "0 URLs: 0 ok\n"


# -- strings from servers (and caches) are escaped for where they land -------------------

HOSTILE = (
    "see `x` @everyone and @org/team, fixes #1 | <img src=x onerror=alert(1)> [click](https://evil.example.invalid) **bold** &#64;a \\| end"
)


def _cells(row: str) -> list[str]:
    """A table row split the way GFM splits it: on every `|` a backslash does not escape."""
    cells, current, i = [], "", 0
    while i < len(row):
        if row[i] == "\\" and i + 1 < len(row):
            current += row[i : i + 2]
            i += 2
            continue
        if row[i] == "|":
            cells.append(current)
            current = ""
        else:
            current += row[i]
        i += 1
    return cells[1:]  # the row starts with a separator


def _rows(markdown: str) -> list[list[str]]:
    return [_cells(line) for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| Where")]


def test_markdown_escapes_what_servers_said() -> None:
    results = [
        _result("walled", "https://a.example.invalid/", Verdict.INDETERMINATE, Reason.BLOCKED, HOSTILE, 403),
        _result(
            "moved",
            "https://b.example.invalid/",
            Verdict.REDIRECTED,
            Reason.PERMANENT_REDIRECT,
            "moved",
            301,
            "https://b.example.invalid/``x``|@everyone<b>",
        ),
        _result(
            "bad",
            "https://c.example.invalid/",
            Verdict.BROKEN,
            Reason.BAD_REDIRECT,
            "HTTP 302 Found to `javascript:alert(1)`, which is not a web address",
            302,
        ),
        _result("odd", "https://d.example.invalid/a\\|b", Verdict.SKIPPED, Reason.EXCLUDED, "matches --exclude", None),
    ]
    text = render(results, "markdown")
    rows = _rows(text)
    assert [len(r) for r in rows] == [4, 4, 3, 3]  # no cell was split by a `|` from a server
    why = rows[1][2].strip()
    assert why == (
        "**blocked by the site**: see \\`x\\` @\u200beveryone and @\u200borg/team, fixes #\u200b1 \\| \\<img src=x onerror=alert(1)\\> "
        "\\[click\\](https://evil.example.invalid) \\*\\*bold\\*\\* \\&#\u200b64;a \\\\\\| end"
    )
    assert (
        rows[0][2].strip() == "**redirects to a non-web address**: HTTP 302 Found to \\`javascript:alert(1)\\`, which is not a web address"
    )
    # A URL that is not plain is shown in a code span, fenced past its longest backtick run.
    assert rows[2][2].strip() == "```https://b.example.invalid/``x``\\|@everyone<b>```"
    assert rows[3][1].strip() == "`https://d.example.invalid/a\\\\\\|b`"  # its own backslash cannot escape our `\|`
    assert "@everyone" not in text.replace("`https://b.example.invalid/``x``\\|@everyone<b>`", "")


def test_archive_links_cannot_end_early() -> None:
    result = _result("gone", "https://e.example.invalid/a) [x](y)|z", Verdict.BROKEN, Reason.NOT_FOUND, "HTTP 404 Not Found", 404)
    [row] = _rows(render([result], "markdown"))
    assert row[3].strip() == "[archived copy](https://web.archive.org/web/https://e.example.invalid/a%29%20[x]%28y%29%7Cz)"


def test_code_spans_hold_any_backticks() -> None:
    result = _result("x", "https://f.example.invalid/", Verdict.SKIPPED, Reason.EXCLUDED, "x", None)
    result = Result(Target(result.url, "x", "`list`.txt:3"), result.outcome)
    assert _rows(render([result], "markdown"))[0][0].strip() == "`` `list`.txt:3 ``"


def test_text_report_shows_control_characters_escaped() -> None:
    result = _result(
        "x", "https://g.example.invalid/", Verdict.BROKEN, Reason.NOT_FOUND, "HTTP 404\x1b[2J\x1b]0;pwned\x07 \u202egnp.exe\r\nnext", 404
    )
    text = render([result], "text")
    assert "    HTTP 404\\x1b[2J\\x1b]0;pwned\\x07 \\u202egnp.exe\\x0d\\x0anext\n" in text
    assert not any(c in text for c in "\x1b\x07\r\u202e")


def test_a_hostile_location_header_cannot_reach_the_markdown(servers: Servers) -> None:
    hostile = "`@everyone` | <b>hi</b> [x](https://evil.example.invalid) ``"
    urls = [
        servers.plain.url(f"/to?location={q('javascript:' + hostile)}"),
        servers.plain.url(f"/status/301?location={q('/ok?' + hostile)}"),
    ]
    run = check(urls)
    assert [r.verdict for r in run.results] == [Verdict.BROKEN, Verdict.REDIRECTED]
    rows = _rows(render(run.results, "markdown"))
    assert [len(r) for r in rows] == [4, 3]  # no `|` from the server split a row
    why = rows[0][2]
    assert "\\`javascript:\\`@\u200beveryone\\` \\| \\<b\\>hi\\</b\\> \\[x\\](https://evil.example" in why
    new_url = rows[1][2].strip()
    assert new_url.startswith("``` http://127.0.0.1:") and new_url.endswith("%20`` ```")  # one code span, fenced past its ``
    assert "<" not in new_url and "|" not in new_url.replace("\\|", "")
