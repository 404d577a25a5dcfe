"""Settings of a link-check run, with defaults meant for the real internet."""

from __future__ import annotations

import hashlib
import ipaddress
import re
import ssl
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator import __version__

if TYPE_CHECKING:
    from ._hosts import HostPolicy

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Honest about who we are (so a site owner can tell what is knocking), but shaped like
# a browser's so that naive "no Mozilla, no page" filters do not turn every URL into `blocked`.
DEFAULT_USER_AGENT = f"Mozilla/5.0 (compatible; roadmap-check-links/{__version__}; link checker of a curated reading list)"

_RANGE = re.compile(r"^\s*(\d{3})?\s*(\.\.=?|-)\s*(\d{3})?\s*$")


@dataclass(frozen=True, slots=True)
class Config:
    """How to check: limits, politeness, patience. Every field has a default for the real internet.

    The command line exposes the first group; the second group is for tests and benchmarks,
    which need short waits and loopback servers.
    """

    # A few dozen requests in flight keeps a run of a few thousand URLs to minutes without
    # looking like a flood from one CI runner.
    concurrency: int = 32
    # Two at a time and one second apart per host is what polite crawlers do; it keeps us
    # clear of most rate limiters (arXiv, GitHub) that would otherwise answer 429.
    per_host: int = 2
    interval: float = 1.0
    # Long enough for slow academic servers, short enough that a silent host cannot stall CI.
    timeout: float = 20.0
    retries: int = 2
    # What one host may cost a run: the time spent waiting on its answers and its Retry-After
    # and backoff pauses (not our own pauses between requests). A silent or slow-drip host
    # costs up to (retries + 1) x 2 x timeout per URL; past this, its other URLs are left
    # unchecked (indeterminate) rather than stalling the run for minutes.
    host_time: float = 120.0
    max_redirects: int = 10
    accept: frozenset[int] = frozenset()
    exclude: tuple[re.Pattern[str], ...] = ()
    allow_private: bool = False
    user_agent: str = DEFAULT_USER_AGENT

    # -- not on the command line ---------------------------------------------------
    backoff: float = 1.0  # the first retry waits about this long, doubling (with jitter) after
    max_backoff: float = 30.0
    retry_after_default: float = 10.0  # 429/503 with a missing or unreadable Retry-After
    retry_after_max: float = 60.0  # the most Retry-After we honour for one URL, all retries together
    body_cap: int = 64 * 1024  # bytes of a GET body we read at most (for bot-wall markers)
    allowed_networks: tuple[IPNetwork, ...] = ()  # private ranges let through anyway (tests)
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)  # None: certifi
    hosts: HostPolicy | None = None  # per-host rules; None: the shipped generator/links/hosts.toml

    def __post_init__(self) -> None:
        for name in ("concurrency", "per_host"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("interval", "retries", "max_redirects", "backoff", "retry_after_default", "retry_after_max"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        for name in ("timeout", "host_time"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be more than 0")

    def fingerprint(self) -> str:
        """A short digest of the settings that can change a verdict, so a cache never serves
        a verdict reached under different rules."""
        key = repr(
            (sorted(self.accept), self.max_redirects, self.allow_private, self.user_agent, self.allowed_networks, self.policy().key())
        )
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def policy(self) -> HostPolicy:
        """The per-host rules in force (ValueError if the shipped hosts.toml is unusable)."""
        if self.hosts is not None:
            return self.hosts
        from ._hosts import load_policy

        return load_policy()

    def excluded(self, url: str) -> bool:
        return any(pattern.search(url) for pattern in self.exclude)


def parse_accept(text: str) -> frozenset[int]:
    """Status codes from `200,204`, `200..299`, `200..=204`, `..=204` or `200-299` (lychee's
    syntax, plus the dash). Raises ValueError saying which part is wrong."""
    codes: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if part.isdigit() and len(part) == 3:
            codes.add(int(part))
            continue
        match = _RANGE.match(part)
        first, op, last = match.groups() if match else (None, None, None)
        # `..` may leave out either end, `..=` only the start, `-` neither.
        if not op or not (first or last) or (op == "..=" and not last) or (op == "-" and not (first and last)):
            raise ValueError(f"`{part}` is not a status code or range; write e.g. 200,204 or 200..=299")
        start = int(first or 100)
        end = int(last or 1000) - (op == "..")  # lychee: `a..b` leaves out b, `a..=b` keeps it
        if start > end:
            raise ValueError(f"`{part}` is an empty range; the first code must come first")
        codes.update(range(start, end + 1))
    if not codes:
        raise ValueError("no status codes given; write e.g. 200,204 or 200..=299")
    if min(codes) < 100 or max(codes) > 999:
        raise ValueError("status codes have three digits (100-999)")
    return frozenset(codes)
