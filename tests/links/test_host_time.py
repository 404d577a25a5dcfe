"""A host's total time is capped: a silent, dripping or Retry-After-happy host costs a run
at most `host_time` seconds, and the URLs it leaves unchecked say so."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from generator.links import Cache, Config, Outcome, Result, Target, Verdict, check_targets

from .conftest import FAST, Servers, check

NOT_CHECKED = "host took too long; not checked this run (127.0.0.1 used up its 1 s)"


def _assert_all_left_unchecked(run_results: list[Result]) -> None:
    for result in run_results:
        outcome = result.outcome
        assert (outcome.verdict, outcome.reason) == (Verdict.INDETERMINATE, "timeout")
        assert outcome.detail.startswith(NOT_CHECKED), outcome.detail


def test_a_silent_host_costs_at_most_its_time(servers: Servers) -> None:
    urls = [servers.silent.url(f"/page/{i}") for i in range(12)]
    run = check(urls, timeout=3.0, retries=2, per_host=2, host_time=1.0)
    # Without the cap: 12 URLs x 3 attempts x 3 s over two lanes, a minute or more.
    assert run.elapsed < 2.5
    _assert_all_left_unchecked(run.results)


def test_a_dripping_host_costs_at_most_its_time(servers: Servers) -> None:
    urls = [servers.second.url(f"/drip-headers?{i}") for i in range(6)]
    run = check(urls, timeout=3.0, retries=2, per_host=2, host_time=1.0)
    assert run.elapsed < 2.5
    for result in run.results:
        assert result.outcome.detail.startswith("host took too long; not checked this run (127.0.0.2 used up its 1 s)")


def test_a_long_retry_after_is_not_waited_past_the_hosts_time(servers: Servers) -> None:
    # Honoured in full before: two retries of 59 s each cost this one URL two minutes.
    run = check(servers.third.url("/status/503?retry-after=59"), retries=2, retry_after_max=100.0, host_time=1.0)
    assert run.elapsed < 2.0
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "server-error")
    assert "not retried: 127.0.0.3 has used up its 1 s for this run" in run.one.outcome.detail


def test_retry_after_is_capped_for_a_url_in_all(servers: Servers) -> None:
    # Each wait (1 s) is within the cap (1.5 s), but not the second one added to the first.
    run = check(servers.plain.url("/flaky/503/4/capped?retry-after=1"), retries=3, retry_after_max=1.5)
    assert 1.0 <= run.elapsed < 1.9
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "server-error")
    assert "wait 1 s more, past the 1.5 s in all we wait for one URL" in run.one.outcome.detail


def test_other_hosts_go_on_when_one_runs_out(servers: Servers) -> None:
    run = check([servers.silent.url("/a"), servers.second.url("/ok")], timeout=3.0, host_time=0.5)
    assert [r.verdict for r in run.results] == [Verdict.INDETERMINATE, Verdict.OK]


def test_unchecked_urls_are_not_remembered_and_go_first_next_time(servers: Servers, tmp_path: Path) -> None:
    now = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)
    stale, never = servers.plain.url("/slow/5?stale"), servers.plain.url("/slow/5?never")
    cache = Cache(tmp_path / "links.json")
    cache.record(stale, Outcome(Verdict.OK, None, "HTTP 200 OK", 200, checked_at=now - timedelta(days=5)))
    config = Config(**{**FAST, "per_host": 1, "timeout": 3.0, "host_time": 0.5})
    cache.settings = ""
    seen = len(servers.plain.log.requests)
    results = asyncio.run(check_targets([Target(stale), Target(never)], config, cache=cache, clock=lambda: now))
    # The URL never checked went first, and the host's time ran out on it.
    assert [r.target for r in servers.plain.log.requests[seen:]] == ["/slow/5?never"]
    assert [r.verdict for r in results] == [Verdict.INDETERMINATE, Verdict.INDETERMINATE]
    # Neither outcome says anything of its URL, so the cache keeps what it knew.
    assert cache.checked_key(stale) == now - timedelta(days=5)
    assert cache.checked_key(never) == datetime.min.replace(tzinfo=UTC)


@pytest.mark.parametrize("value", [0.0, -1.0, float("nan")])
def test_host_time_must_be_positive(value: float) -> None:
    with pytest.raises(ValueError, match="host_time must be more than 0"):
        Config(host_time=value)
