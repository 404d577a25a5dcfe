"""Reports as files you can read: tests/links/golden/report.{txt,md,json}.

After an intended change to a report, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/links/test_report.py
    git diff tests/links/golden/
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.links import Outcome, Reason, Result, Target, Verdict, render, summary

GOLDEN = Path(__file__).parent / "golden"
AT = datetime(2026, 11, 24, 6, 0, tzinfo=timezone.utc)


def _result(rid: str, url: str, verdict: Verdict, reason: str | None, detail: str, status: int | None, final: str | None = None, cached: bool = False) -> Result:
    target = Target(url, rid, f"resources/{rid}.yml:4")
    return Result(target, Outcome(verdict, reason, detail, status, final or url, AT), cached)


RESULTS = [
    _result("ok-book", "https://book.example.invalid/", Verdict.OK, None, "HTTP 200 OK", 200, cached=True),
    _result("moved-course", "http://course.example.invalid/ml", Verdict.REDIRECTED, Reason.PERMANENT_REDIRECT,
            "HTTP 301 Moved Permanently: update the URL to https://course.example.invalid/ml/", 200, "https://course.example.invalid/ml/"),
    _result("gone-video", "https://video.example.invalid/calculus", Verdict.BROKEN, Reason.NOT_FOUND, "HTTP 404 Not Found", 404),
    _result("walled-paper", "https://paper.example.invalid/abs/1", Verdict.INDETERMINATE, Reason.BLOCKED,
            "HTTP 403 Forbidden from a bot wall (Cloudflare challenge)", 403),
    _result("dead-forum", "https://forum.example.invalid/", Verdict.BROKEN, "persistent-timeout",
            "no answer within 20 s (3 attempts); indeterminate in 3 consecutive checks since 2026-11-10", None),
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
