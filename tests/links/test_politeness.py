"""Per-host and global limits, and the interval between requests to one host, as servers saw them."""

from __future__ import annotations

import itertools

from generator.links import Verdict

from .conftest import Servers, check
from .servers import Request, _Listener, max_overlap


def _since(servers: Servers, listener_name: str, mark: int) -> list[float]:
    listener = getattr(servers, listener_name)
    return [r.at for r in listener.log.requests[mark:]]


def test_interval_between_requests_to_one_host(servers: Servers) -> None:
    mark = len(servers.second.log.requests)
    urls = [servers.second.url(f"/status/200?interval={i}") for i in range(5)]
    run = check(urls, per_host=2, interval=0.15)
    assert {r.verdict for r in run.results} == {Verdict.OK}
    starts = sorted(_since(servers, "second", mark))
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # Requests leave 0.15 s apart; arrival adds connection set-up noise, so the bounds are loose.
    # Without an interval, both lanes' requests would arrive at the same moment.
    assert min(gaps) >= 0.05, gaps
    assert starts[-1] - starts[0] >= 0.5, gaps


def _tagged(listeners: tuple[_Listener, ...], tag: str) -> list[Request]:
    return [r for listener in listeners for r in listener.log.requests if tag in r.target]


def test_per_host_limit(servers: Servers) -> None:
    urls = [servers.third.url(f"/slow/0.1?per-host={i}") for i in range(8)]
    run = check(urls, per_host=2, timeout=5)
    assert {r.verdict for r in run.results} == {Verdict.OK}
    assert max_overlap(_tagged((servers.third,), "per-host=")) == 2


def test_global_limit_across_hosts(servers: Servers) -> None:
    listeners = (servers.plain, servers.second, servers.third)
    urls = [listener.url(f"/slow/0.1?global={i}") for i in range(4) for listener in listeners]
    run = check(urls, concurrency=3, per_host=2, timeout=5)
    assert {r.verdict for r in run.results} == {Verdict.OK}
    assert max_overlap(_tagged(listeners, "global=")) == 3


def test_global_limit_is_exact_on_one_host(servers: Servers) -> None:
    urls = [servers.second.url(f"/slow/0.1?one-host={i}") for i in range(6)]
    check(urls, concurrency=1, per_host=4, timeout=5)
    assert max_overlap(_tagged((servers.second,), "one-host=")) == 1


def test_retry_after_holds_back_the_whole_host(servers: Servers) -> None:
    mark = len(servers.second.log.requests)
    urls = [
        servers.second.url("/flaky/429/1/hold?retry-after=1"),  # lane 1: told to wait a second
        servers.second.url("/slow/0.2?held"),  # lane 2: busy until 0.2 s...
        servers.second.url("/status/200?held"),  # ...then this one must wait for the host
    ]
    run = check(urls, per_host=2, timeout=5)
    assert {r.verdict for r in run.results} == {Verdict.OK}
    requests = servers.second.log.requests[mark:]
    told = next(r.at for r in requests if r.target.startswith("/flaky"))
    held = next(r.at for r in requests if r.target == "/status/200?held")
    assert held - told >= 0.9  # nothing new went to that host during its Retry-After
