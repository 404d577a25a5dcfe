"""What a check concludes about a URL: the verdict, its reason, and the rules that decide them."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from http import HTTPStatus


class Verdict(StrEnum):
    """Only `broken` fails a run; `indeterminate` says honestly that we could not tell."""

    OK = "ok"
    REDIRECTED = "redirected"  # works, but a permanent redirect says the URL should change
    BROKEN = "broken"
    INDETERMINATE = "indeterminate"
    SKIPPED = "skipped"


# Reports list the verdicts in this order: what needs a person first.
VERDICT_ORDER: tuple[Verdict, ...] = (Verdict.BROKEN, Verdict.INDETERMINATE, Verdict.REDIRECTED, Verdict.SKIPPED, Verdict.OK)


class Reason(StrEnum):
    """Why a URL got its verdict (`ok` has none)."""

    PERMANENT_REDIRECT = "permanent-redirect"  # redirected
    # broken: the resource is gone, or cannot be reached by anyone
    NOT_FOUND = "not-found"
    GONE = "gone"
    DNS = "dns"
    REFUSED = "refused"
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    BAD_REDIRECT = "bad-redirect"  # to a non-http(s) scheme such as javascript:
    # indeterminate: we could not tell
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate-limited"
    BLOCKED = "blocked"  # bot walls, 401/403, LinkedIn's 999
    REFUSES_ROBOTS = "refuses-robots"  # a site listed in hosts.toml as walling off robots; never promoted
    SERVER_ERROR = "server-error"
    TLS = "tls"
    PROTOCOL = "protocol"
    # skipped
    EXCLUDED = "excluded"
    PRIVATE_ADDRESS = "private-address"


# An indeterminate URL promoted to broken keeps its cause: `persistent-timeout`, `persistent-blocked`...
PERSISTENT_PREFIX = "persistent-"

_REASON_TEXT = {
    Reason.PERMANENT_REDIRECT: "moved permanently",
    Reason.NOT_FOUND: "not found",
    Reason.GONE: "gone for good",
    Reason.DNS: "no such host",
    Reason.REFUSED: "connection refused",
    Reason.REDIRECT_LOOP: "redirect loop",
    Reason.TOO_MANY_REDIRECTS: "too many redirects",
    Reason.BAD_REDIRECT: "redirects to a non-web address",
    Reason.TIMEOUT: "timed out",
    Reason.RATE_LIMITED: "rate-limited",
    Reason.BLOCKED: "blocked by the site",
    Reason.REFUSES_ROBOTS: "refuses automated checks",
    Reason.SERVER_ERROR: "server error",
    Reason.TLS: "certificate problem",
    Reason.PROTOCOL: "broken HTTP",
    Reason.EXCLUDED: "excluded",
    Reason.PRIVATE_ADDRESS: "private address",
}


def reason_text(reason: str | None) -> str:
    """A few words for people for a reason code (`persistent-blocked` -> `blocked by the site, run after run`)."""
    if not reason:
        return ""
    if reason.startswith(PERSISTENT_PREFIX):
        return f"{reason_text(reason.removeprefix(PERSISTENT_PREFIX))}, run after run"
    try:
        return _REASON_TEXT[Reason(reason)]
    except ValueError:
        return reason


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict on one URL, independent of where the URL was written."""

    verdict: Verdict
    reason: str | None
    detail: str  # one sentence for people: what happened, e.g. "HTTP 404 Not Found"
    status: int | None = None  # the last HTTP status seen
    final_url: str | None = None  # where to go now: the redirect target for `redirected`, else where the chain ended
    checked_at: datetime | None = None

    def stamped(self, when: datetime) -> Outcome:
        return replace(self, checked_at=when)


@dataclass(frozen=True, slots=True)
class Target:
    """A URL to check and where it is written (`resources/x.yml:4`, or a line of a --urls-from list)."""

    url: str
    resource: str | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """One line of a report: a target, its outcome, and whether the outcome came from the cache."""

    target: Target
    outcome: Outcome
    from_cache: bool = False

    @property
    def url(self) -> str:
        return self.target.url

    @property
    def verdict(self) -> Verdict:
        return self.outcome.verdict

    @property
    def archive(self) -> str | None:
        """A Wayback Machine address to try instead; only for URLs that do not work for us."""
        if self.verdict in (Verdict.BROKEN, Verdict.INDETERMINATE):
            return archive_url(self.url)
        return None


def archive_url(url: str) -> str:
    # The Wayback Machine resolves /web/<url> to the newest capture; never fetched by us.
    return f"https://web.archive.org/web/{url}"


def status_text(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


# -- status codes -------------------------------------------------------------------

PERMANENT_REDIRECTS = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Answers to HEAD that may be about HEAD rather than the page: ask again with GET.
# 429 is left out on purpose: the server asked us to slow down, not to change method.
HEAD_NOT_TRUSTED_BELOW = 400
# HEAD answers that say the server does not do HEAD at all: use GET for the rest of that host.
HEAD_UNSUPPORTED = frozenset({405, 501})
BLOCKED_STATUSES = frozenset({401, 403, 407, 451, 999})  # 999: LinkedIn's answer to robots
RETRY_AFTER_STATUSES = frozenset({429, 503})
FROM_BOT_WALL = "from a bot wall"
# On a site that refuses robots, only these still say the page is gone.
GONE_EVEN_BEHIND_WALLS = frozenset({Reason.NOT_FOUND, Reason.GONE, Reason.DNS})


def classify_status(status: int, headers: Mapping[str, str], body: bytes, accept: frozenset[int]) -> Outcome:
    """The verdict for a final (non-redirect) answer."""
    if status in accept or 200 <= status < 300:
        return Outcome(Verdict.OK, None, status_text(status), status)
    text = status_text(status)
    wall = bot_wall(headers, body)
    if status == 404:
        return Outcome(Verdict.BROKEN, Reason.NOT_FOUND, text, status)
    if status == 410:
        return Outcome(Verdict.BROKEN, Reason.GONE, text, status)
    if wall and status >= 400:
        return Outcome(Verdict.INDETERMINATE, Reason.BLOCKED, f"{text} {FROM_BOT_WALL} ({wall})", status)
    if status == 429:
        return Outcome(Verdict.INDETERMINATE, Reason.RATE_LIMITED, text, status)
    if status in BLOCKED_STATUSES:
        return Outcome(Verdict.INDETERMINATE, Reason.BLOCKED, f"{text}: the server refuses to show the page to us", status)
    if 400 <= status < 500:
        # RFC 9110 says to read an unknown 4xx as 400. None of them says "gone" (only 404 and
        # 410 do), and in link checking they are mostly filters refusing robots.
        return Outcome(Verdict.INDETERMINATE, Reason.BLOCKED, f"{text}: the server refuses our request", status)
    if 500 <= status < 600:
        return Outcome(Verdict.INDETERMINATE, Reason.SERVER_ERROR, text, status)
    if 300 <= status < 400:
        return Outcome(Verdict.INDETERMINATE, Reason.PROTOCOL, f"{text} without a usable Location header", status)
    return Outcome(Verdict.INDETERMINATE, Reason.PROTOCOL, f"{text} is not a status code HTTP defines", status)


# -- bot walls ----------------------------------------------------------------------

# (marker, vendor). Headers first: they cost nothing and survive compression we cannot undo.
_HEADER_MARKERS: tuple[tuple[str, str | None, str], ...] = (
    ("cf-mitigated", None, "Cloudflare challenge"),
    ("cf-chl-bypass", None, "Cloudflare challenge"),
    ("x-datadome", None, "DataDome"),
    ("x-dd-b", None, "DataDome"),
    ("x-sucuri-block", None, "Sucuri"),
    ("x-amzn-waf-action", None, "AWS WAF"),
    ("x-iinfo", None, "Imperva"),
    ("server", "ddos-guard", "DDoS-Guard"),
)
_BODY_MARKERS: tuple[tuple[bytes, str], ...] = (
    (b"challenge-platform", "Cloudflare challenge"),
    (b"cf-browser-verification", "Cloudflare challenge"),
    (b"_cf_chl_opt", "Cloudflare challenge"),
    (b"<title>just a moment...</title>", "Cloudflare challenge"),
    (b"attention required! | cloudflare", "Cloudflare"),
    (b"cf-error-details", "Cloudflare"),
    (b"captcha-delivery.com", "DataDome"),
    (b"_incapsula_resource", "Imperva"),
    (b"px-captcha", "HUMAN (PerimeterX)"),
    (b"sucuri website firewall", "Sucuri"),
    (b"ddos-guard", "DDoS-Guard"),
    (b"are you a robot", "a captcha"),
    (b"g-recaptcha", "a captcha"),
    (b"h-captcha", "a captcha"),
)


def bot_wall(headers: Mapping[str, str], body: bytes) -> str | None:
    """The name of the bot wall an answer comes from, if it looks like one."""
    for name, value, vendor in _HEADER_MARKERS:
        found = headers.get(name)
        if found is not None and (value is None or value in found.lower()):
            return vendor
    server = headers.get("server", "").lower()
    lowered = body.lower()
    for marker, vendor in _BODY_MARKERS:
        if marker in lowered:
            return vendor
    if server.startswith("akamaighost") and b"access denied" in lowered:
        return "Akamai"
    return None


def decode_sample(raw: bytes, encoding: str, cap: int) -> bytes:
    """At most `cap` bytes of a body's start, decompressed without ever inflating more than that:
    a gzip bomb stays a few kilobytes. Encodings we cannot decode give b'' (headers still count)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw[:cap]
    if encoding in ("gzip", "x-gzip", "deflate"):
        # 47 = 32 + 15: let zlib detect the gzip or zlib header; raw deflate needs -15.
        for wbits in (47, -15):
            try:
                return zlib.decompressobj(wbits).decompress(raw, cap)
            except zlib.error:
                continue
    return b""
