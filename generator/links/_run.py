"""One run: deduplicate, consult the cache, check the rest host by host, assemble results."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Sequence
from datetime import datetime
from urllib.parse import urlsplit

from ._cache import Cache
from ._config import Config
from ._guard import Resolver
from ._verdicts import Outcome, Reason, Result, Target, Verdict, now_utc

# Placeholder for a URL queued for checking, so a repeated URL is queued once.
PENDING: tuple[Outcome, bool] = (Outcome(Verdict.SKIPPED, None, "not checked yet"), False)


async def check_targets(
    targets: Sequence[Target],
    config: Config,
    *,
    cache: Cache | None = None,
    resolver: Resolver | None = None,
    on_result: Callable[[Verdict], None] | None = None,
    clock: Callable[[], datetime] = now_utc,
) -> list[Result]:
    """Check every target's URL once (duplicates share one check) and return a result per target."""
    outcomes: dict[str, tuple[Outcome, bool]] = {}
    queues: dict[str, deque[str]] = {}
    for target in targets:
        url = target.url
        if url in outcomes:
            continue
        if config.excluded(url):
            outcomes[url] = (Outcome(Verdict.SKIPPED, Reason.EXCLUDED, "matches --exclude", checked_at=clock()), False)
            continue
        cached = cache.fresh(url, clock()) if cache is not None else None
        if cached is not None:
            outcomes[url] = (cached, True)
            continue
        queues.setdefault(_host_key(url), deque()).append(url)
        outcomes[url] = PENDING
    if cache is not None:
        # Longest unchecked first (never checked before all): when a host's time runs out,
        # the URLs it left unchecked (not recorded) come first on the next run.
        for host, queue in queues.items():
            queues[host] = deque(sorted(queue, key=cache.checked_key))
    if on_result is not None:
        for outcome, _ in outcomes.values():
            if outcome is not PENDING[0]:
                on_result(outcome.verdict)

    if queues:
        from ._fetch import (
            Fetcher,  # httpx is imported only when something needs fetching
        )

        async with Fetcher(config, resolver=resolver) as fetcher:

            async def lane(queue: deque[str]) -> None:
                while queue:
                    url = queue.popleft()
                    outcome = (await fetcher.check(url)).stamped(clock())
                    if cache is not None and not fetcher.unchecked(url):
                        outcome = cache.record(url, outcome)
                    outcomes[url] = (outcome, False)
                    if on_result is not None:
                        on_result(outcome.verdict)

            async def host_lanes(host: str, queue: deque[str]) -> None:
                # As many lanes as the host may have requests in flight: no URL ever waits
                # behind another host's, and a host's queue drains at its own pace.
                async with asyncio.TaskGroup() as group:
                    for _ in range(min(config.per_host, len(queue))):
                        group.create_task(lane(queue))
                await fetcher.release_host(host)

            async with asyncio.TaskGroup() as group:
                for host, queue in queues.items():
                    group.create_task(host_lanes(host, queue))

    return [Result(target, *outcomes[target.url]) for target in targets]


def _host_key(url: str) -> str:
    """The host a URL's lane belongs to, in the ASCII form the fetcher's politeness uses.

    urlsplit rather than httpx.URL: it is several times cheaper, and with thousands of URLs
    parsing them all up front would hold back the first request; each is parsed with
    httpx when its turn comes.
    """
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return host
    return host
