"""The link report file (`roadmap check-links --format json`), read back for the site.

A report is input from outside the knowledge base (anyone can hand `--link-report` a file),
so it is checked before a page shows any of it: verdicts and reasons are the link
checker's own (`_verdicts`), every value has the type the checker writes, text is bounded,
and the addresses that pages link to are http(s) URLs. Anything else is refused with a
`LinkReportError` that says where and what.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.kb.vocabulary import PROBLEM_VERDICTS, VERDICT_LABELS
from generator.links._verdicts import PERSISTENT_PREFIX, Reason, Verdict

# The pages label verdicts from the vocabulary; the checker writes its own: one set.
assert set(VERDICT_LABELS) == {v.value for v in Verdict}

VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)
REASONS: frozenset[str] = frozenset(r.value for r in Reason) | {PERSISTENT_PREFIX + r.value for r in Reason}

# Longest text accepted in a field: URLs as long as any browser keeps, the rest short.
MAX_URL = 8192
MAX_TEXT = 1000


@dataclass(frozen=True)
class LinkCheck:
    """One result of `roadmap check-links --format json`."""

    url: str
    verdict: str
    resource: str | None = None
    reason: str = ""
    status: int | None = None
    final_url: str | None = None
    location: str | None = None
    checked_at: str | None = None
    from_cache: bool = False
    archive: str | None = None


@dataclass(frozen=True)
class LinkReport:
    """A link report: the counts per verdict and every result."""

    summary: Mapping[str, int]
    results: tuple[LinkCheck, ...]
    by_resource: dict[str, list[LinkCheck]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[LinkCheck]] = {}
        for result in self.results:
            if result.resource:
                grouped.setdefault(result.resource, []).append(result)
        object.__setattr__(self, "by_resource", grouped)

    def for_resource(self, rid: str, url: str) -> LinkCheck | None:
        """The result for this resource's own URL (not, say, a link in its description)."""
        found = self.by_resource.get(rid, [])
        return next((r for r in found if r.url == url), found[0] if found else None)

    @property
    def problems(self) -> list[LinkCheck]:
        rank = {verdict: i for i, verdict in enumerate(PROBLEM_VERDICTS)}
        bad = [r for r in self.results if r.verdict in rank]
        return sorted(bad, key=lambda r: (rank[r.verdict], r.resource or "", r.url))


class LinkReportError(ValueError):
    """The link report file is not what `roadmap check-links --format json` writes."""


def _text(where: str, value: object, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise LinkReportError(f"{where} must be text, not {type(value).__name__}")
    if len(value) > limit:
        raise LinkReportError(f"{where} is {len(value):,} characters long; at most {limit:,} are accepted")
    return value


def _web_url(where: str, value: object) -> str:
    url = _text(where, value, MAX_URL)
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    # No whitespace or control characters anywhere: browsers drop them inside a scheme.
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or any(c <= " " or c == "\x7f" for c in url):
        raise LinkReportError(f"{where} must be an http(s) URL, not `{url[:80]}`")
    return url


def _optional(item: Mapping[str, Any], key: str, where: str, read: Any) -> Any:
    value = item.get(key)
    return None if value is None else read(f"{where}.{key}", value)


def _int(where: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LinkReportError(f"{where} must be a whole number, not {value!r:.80}")
    return value


def _bool(where: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise LinkReportError(f"{where} must be true or false, not {value!r:.80}")
    return value


def _reason(where: str, value: object) -> str:
    reason = _text(where, value)
    if reason and reason not in REASONS:
        raise LinkReportError(f"{where} is `{reason[:80]}`, which the link checker never writes")
    return reason


def _check(where: str, item: object) -> LinkCheck:
    if not isinstance(item, dict):
        raise LinkReportError(f"{where} must be an object")
    if "url" not in item or item.get("verdict") not in VERDICTS:
        raise LinkReportError(f'{where} needs a "url" and a "verdict" (one of {", ".join(VERDICTS)})')
    return LinkCheck(
        url=_web_url(f"{where}.url", item["url"]),
        verdict=item["verdict"],
        resource=_optional(item, "resource", where, _text),
        reason=_optional(item, "reason", where, _reason) or "",
        status=_optional(item, "status", where, _int),
        final_url=_optional(item, "final_url", where, _web_url),
        location=_optional(item, "location", where, _text),
        checked_at=_optional(item, "checked_at", where, _text),
        from_cache=bool(_optional(item, "from_cache", where, _bool)),
        archive=_optional(item, "archive", where, _web_url),
    )


def parse_link_report(data: Any) -> LinkReport:
    """Read the JSON of a link report; raise LinkReportError saying what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise LinkReportError('expected an object with a "results" list, as written by `roadmap check-links --format json`')
    summary = data.get("summary") or {}
    if not isinstance(summary, dict) or not all(
        k in VERDICTS and isinstance(v, int) and not isinstance(v, bool) for k, v in summary.items()
    ):
        raise LinkReportError(f'"summary" must map each verdict ({", ".join(VERDICTS)}) to a count')
    results = [_check(f"results[{i}]", item) for i, item in enumerate(data["results"])]
    # Sorted so that the pages do not depend on the order the checker finished in.
    results.sort(key=lambda r: (r.resource or "", r.url, r.verdict))
    return LinkReport(summary=dict(sorted(summary.items())), results=tuple(results))
