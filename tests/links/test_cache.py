"""The cache: per-verdict lifetimes, settings that invalidate, and promotion of persistent doubt."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from generator.links import Cache, CacheError, Config, Outcome, Promotion, Reason, Result, Target, Verdict, check_targets

from .conftest import FAST, Servers

START = datetime(2026, 11, 2, 6, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def run(urls: list[str], cache: Cache, clock: Clock, **overrides: Any) -> list[Result]:
    config = Config(**{**FAST, **overrides})
    cache.settings = config.fingerprint()
    results = asyncio.run(check_targets([Target(u) for u in urls], config, cache=cache, clock=clock))
    cache.save(clock())
    return results


def test_fresh_ok_is_served_from_cache_without_a_request(servers: Servers, tmp_path: Path) -> None:
    path, clock = tmp_path / "links.json", Clock()
    url = servers.plain.url("/status/200?cached")
    run([url], Cache.load(path), clock)
    seen = len(servers.plain.log.requests)
    clock.now += timedelta(days=1)
    results = run([url], Cache.load(path), clock)
    assert results[0].from_cache and results[0].verdict is Verdict.OK
    assert results[0].outcome.checked_at == START  # when it was really checked
    assert len(servers.plain.log.requests) == seen


def test_ok_is_checked_again_after_its_lifetime(servers: Servers, tmp_path: Path) -> None:
    path, clock = tmp_path / "links.json", Clock()
    url = servers.plain.url("/status/200?expires")
    run([url], Cache.load(path), clock)
    clock.now += timedelta(days=4)
    assert not run([url], Cache.load(path), clock)[0].from_cache


def test_broken_is_checked_every_run(servers: Servers, tmp_path: Path) -> None:
    path, clock = tmp_path / "links.json", Clock()
    url = servers.plain.url("/status/404?every-run")
    run([url], Cache.load(path), clock)
    clock.now += timedelta(seconds=5)
    result = run([url], Cache.load(path), clock)[0]
    assert (result.verdict, result.from_cache) == (Verdict.BROKEN, False)


def test_changed_settings_do_not_reuse_verdicts(servers: Servers, tmp_path: Path) -> None:
    path, clock = tmp_path / "links.json", Clock()
    url = servers.plain.url("/status/403?settings")
    assert run([url], Cache.load(path), clock, accept=frozenset({403}))[0].verdict is Verdict.OK
    result = run([url], Cache.load(path), clock)[0]
    assert (result.verdict, result.from_cache) == (Verdict.INDETERMINATE, False)


def test_persistently_indeterminate_becomes_broken(servers: Servers, tmp_path: Path) -> None:
    path, clock = tmp_path / "links.json", Clock()
    url = servers.plain.url("/cloudflare?persistent")
    verdicts = []
    for _ in range(4):  # weekly runs
        result = run([url], Cache.load(path), clock)[0]
        verdicts.append((result.verdict, result.outcome.reason))
        clock.now += timedelta(days=7)
    assert verdicts == [
        (Verdict.INDETERMINATE, "blocked"),
        (Verdict.INDETERMINATE, "blocked"),
        (Verdict.BROKEN, "persistent-blocked"),
        (Verdict.BROKEN, "persistent-blocked"),
    ]
    assert "4 consecutive checks since 2026-11-02" in json.loads(path.read_text())["entries"][url]["detail"]


def test_quick_reruns_do_not_promote(servers: Servers, tmp_path: Path) -> None:
    path, clock = tmp_path / "links.json", Clock()
    url = servers.plain.url("/status/503?quick")
    for _ in range(5):
        clock.now += timedelta(hours=2)  # past the indeterminate lifetime, but within a day
        result = run([url], Cache.load(path), clock)[0]
    assert result.verdict is Verdict.INDETERMINATE


def test_a_good_check_resets_the_history(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "links.json", promotion=Promotion(runs=2, span=timedelta(0)))
    url = "https://flaky.example.invalid/"
    doubt = Outcome(Verdict.INDETERMINATE, Reason.TIMEOUT, "no answer", checked_at=START)
    cache.record(url, doubt)
    cache.record(url, Outcome(Verdict.OK, None, "HTTP 200 OK", 200, checked_at=START))
    assert cache.record(url, doubt).verdict is Verdict.INDETERMINATE
    assert cache.record(url, doubt).verdict is Verdict.BROKEN  # two in a row now


def test_cache_file_is_plain_json_and_forgets_old_entries(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "links.json"
    cache = Cache(path, settings="s")
    cache.record("https://old.example.invalid/", Outcome(Verdict.OK, None, "ok", 200, checked_at=START - timedelta(days=200)))
    cache.record("https://new.example.invalid/", Outcome(Verdict.OK, None, "ok", 200, checked_at=START))
    cache.save(START)
    data = json.loads(path.read_text())
    assert list(data["entries"]) == ["https://new.example.invalid/"]
    assert data["entries"]["https://new.example.invalid/"]["checked_at"] == "2026-11-02T06:00:00Z"
    assert [p.name for p in path.parent.iterdir()] == ["links.json"]  # no temporary file left


@pytest.mark.parametrize("content", ["not json", "[]", '{"version": 99, "entries": {}}', '{"version": 1, "entries": {"u": {}}}'])
def test_unusable_cache_is_an_error_not_a_crash(tmp_path: Path, content: str) -> None:
    path = tmp_path / "links.json"
    path.write_text(content)
    with pytest.raises(CacheError, match="delete it"):
        Cache.load(path)


def test_missing_cache_is_empty(tmp_path: Path) -> None:
    assert len(Cache.load(tmp_path / "nope.json")) == 0


def test_a_run_served_wholly_from_the_cache_does_not_rewrite_it(servers: Servers, tmp_path: Path) -> None:
    path, clock = tmp_path / "links.json", Clock()
    url = servers.plain.url("/status/200?untouched")
    run([url], Cache.load(path), clock)
    before = path.stat().st_mtime_ns
    clock.now += timedelta(hours=1)
    assert run([url], Cache.load(path), clock)[0].from_cache
    assert path.stat().st_mtime_ns == before
