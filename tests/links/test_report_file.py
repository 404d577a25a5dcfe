"""generator.links.report_file: a link report read back for the site is checked, field by field."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.links.report_file import LinkReportError, parse_link_report

RESULT: dict[str, Any] = {
    "url": "https://example.org/la-book/",
    "verdict": "ok",
    "reason": None,
    "status": 200,
    "final_url": None,
    "resource": "la-book",
    "location": "resources/la-book.yml:3",
    "checked_at": "2025-11-20T10:00:00+00:00",
    "from_cache": False,
    "archive": None,
}


def _one(**fields: Any) -> dict[str, Any]:
    """A report of one result: a working link with `fields` changed."""
    return {"summary": {"ok": 1}, "results": [{**RESULT, **fields}]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "results"),
        ({"results": {}}, "results"),
        ({"results": [{"url": 1, "verdict": "ok"}]}, "url"),
        ({"results": [{"url": "https://x.org", "verdict": "fine"}]}, "verdict"),
        ({"summary": {"ok": "1"}, "results": []}, "summary"),
        ({"summary": {"fine": 1}, "results": []}, "summary"),
        ({"summary": {"ok": True}, "results": []}, "summary"),
        (_one(verdict="OK"), "verdict"),  # the checker's names, exactly
        (_one(verdict=None), "verdict"),
        (_one(reason="looked-odd"), "never writes"),
        (_one(reason=404), "must be text"),
        (_one(final_url="javascript:alert(1)"), "results[0].final_url must be an http(s) URL"),
        (_one(final_url="java\tscript:alert(1)"), "final_url must be an http(s) URL"),
        (_one(final_url=" https://x.org/"), "final_url must be an http(s) URL"),
        (_one(final_url="https:///no-host"), "final_url must be an http(s) URL"),
        (_one(archive="javascript:alert(1)"), "results[0].archive must be an http(s) URL"),
        (_one(archive="data:text/html,<script>alert(1)</script>"), "archive must be an http(s) URL"),
        (_one(url="javascript:alert(1)"), "url must be an http(s) URL"),
        (_one(final_url=["https://x.org/"]), "final_url must be text"),
        (_one(resource=7), "resource must be text"),
        (_one(location={"line": 3}), "location must be text"),
        (_one(checked_at=20251120), "checked_at must be text"),
        (_one(status="200"), "status must be a whole number"),
        (_one(status=True), "status must be a whole number"),
        (_one(from_cache="yes"), "from_cache must be true or false"),
        (_one(location="x" * 1001), "at most 1,000"),
        (_one(archive="https://x.org/" + "a" * 8192), "at most 8,192"),
        ({"results": ["https://x.org/"]}, "results[0] must be an object"),
    ],
)
def test_malformed_link_reports_are_refused(data: Any, message: str) -> None:
    # A report is input from outside: whatever a page would show or link to is checked.
    with pytest.raises(LinkReportError, match=re.escape(message)):
        parse_link_report(data)


def test_link_reports_use_the_checkers_own_names() -> None:
    from generator.links import Reason, Verdict
    from generator.links.report_file import REASONS, VERDICTS

    assert set(VERDICTS) == {v.value for v in Verdict}
    assert {r.value for r in Reason} <= REASONS and "persistent-blocked" in REASONS
    assert parse_link_report(_one(reason="persistent-timeout", verdict="indeterminate")).results[0].reason == "persistent-timeout"
    assert parse_link_report(_one(reason="", final_url=None, archive=None, status=None)).results[0].reason == ""
