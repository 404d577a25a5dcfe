"""Being kind to the sites we visit: a global limit, a per-host limit, and a minimum
interval between the starts of two requests to the same host."""

from __future__ import annotations

import asyncio
from types import TracebackType


class _Host:
    __slots__ = ("next_start", "semaphore")

    def __init__(self, per_host: int) -> None:
        self.semaphore = asyncio.Semaphore(per_host)
        self.next_start = 0.0


class _Slot:
    """`async with politeness.slot(host):` around exactly one request (one hop, one attempt).

    Slots are never held across hops: a redirect from A to B waits for B's slot after
    giving back A's, so two hosts redirecting to each other cannot deadlock.
    """

    __slots__ = ("_host", "_politeness")

    def __init__(self, politeness: Politeness, host: _Host) -> None:
        self._politeness = politeness
        self._host = host

    async def __aenter__(self) -> None:
        host, politeness = self._host, self._politeness
        await host.semaphore.acquire()
        try:
            loop = asyncio.get_running_loop()
            now = loop.time()
            # Reserve the next start time before sleeping, so concurrent waiters line up
            # one interval apart instead of all waking at once.
            start = max(now, host.next_start)
            host.next_start = start + politeness.interval
            if start > now:
                await asyncio.sleep(start - now)
            # The global limit is taken last and given back first, so a request never
            # holds a global place while it waits for its host.
            await politeness.global_semaphore.acquire()
        except BaseException:
            host.semaphore.release()
            raise

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._politeness.global_semaphore.release()
        self._host.semaphore.release()


class Politeness:
    """Per-host and global request limits for one run."""

    def __init__(self, *, concurrency: int, per_host: int, interval: float) -> None:
        self.global_semaphore = asyncio.Semaphore(concurrency)
        self.per_host = per_host
        self.interval = interval
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host(self.per_host)
        return state

    def slot(self, host: str) -> _Slot:
        return _Slot(self, self._host(host))

    def defer(self, host: str, seconds: float) -> None:
        """The host asked us to wait (Retry-After): no request to it starts before then."""
        state = self._host(host)
        state.next_start = max(state.next_start, asyncio.get_running_loop().time() + seconds)
