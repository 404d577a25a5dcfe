"""The cache: per-verdict lifetimes, settings that invalidate, and promotion of persistent doubt."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from generator.links import Cache, CacheError, Config, Outcome, Promotion, Reason, Result, Target, Verdict, check_targets

from .conftest import FAST, Servers

START = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)


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


BAD_FILES = {
    "not json": b"not json",
    "empty": b"",
    "truncated": b'{"version": 1, "entries": {\n  "https://a.example.invalid/": {"verdict": "ok", "reas',
    "not utf-8": b'{"version": 1, "entries": {"\xff\xfe": {}}}',
    "a list": b"[]",
    "another version": b'{"version": 99, "entries": {}}',
    "entries not an object": b'{"version": 1, "entries": []}',
    "nested too deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_unusable_cache_is_set_aside_and_the_run_goes_on(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "links.json"
    path.write_bytes(content)
    cache = Cache.load(path)
    assert len(cache) == 0
    assert cache.problem is not None and "\n" not in cache.problem
    assert cache.problem.startswith(f"{path}: not a usable link-check cache (") and "starting with an empty cache" in cache.problem
    assert not path.exists()
    [aside] = tmp_path.iterdir()
    assert aside.name.startswith("links.json.bad-") and aside.read_bytes() == content  # kept for a look
    cache.record("https://a.example.invalid/", Outcome(Verdict.OK, None, "ok", 200, checked_at=START))
    cache.save(START)
    assert list(json.loads(path.read_text())["entries"]) == ["https://a.example.invalid/"]


def test_only_the_latest_bad_cache_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    (tmp_path / "links.json.bad-20261101T000000Z").write_text("an older one")
    (tmp_path / "other.json.bad-20261101T000000Z").write_text("not ours")
    path.write_text("{")
    assert Cache.load(path).problem is not None
    assert sorted(p.read_text() for p in tmp_path.iterdir()) == ["not ours", "{"]


def test_a_set_aside_cache_is_rewritten_even_when_nothing_was_checked(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_bytes(b"\x00garbage")
    cache = Cache.load(path)
    cache.save(START)
    assert json.loads(path.read_text()) == {"version": 1, "entries": {}}


def _good(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "verdict": "ok",
        "reason": None,
        "detail": "HTTP 200 OK",
        "status": 200,
        "final_url": "https://good.example.invalid/",
        "checked_at": "2026-11-02T06:00:00Z",
        "settings": "",
    }
    return {**entry, **changes}


BAD_ENTRIES: dict[str, Any] = {
    "not an object": "ok",
    "empty": {},
    "unknown verdict": _good(verdict="fine"),
    "unknown reason": _good(verdict="broken", reason="see <https://evil.example.invalid/> @everyone"),
    "reason not a string": _good(verdict="broken", reason=["not-found"]),
    "detail not a string": _good(detail={"a": 1}),
    "huge detail": _good(detail="x" * 100_000),
    "status a string": _good(status="200"),
    "status a bool": _good(status=True),
    "status out of range": _good(status=99999),
    "final url not a string": _good(final_url=42),
    "huge final url": _good(final_url="https://x.example.invalid/" + "a" * 100_000),
    "no date": _good(checked_at=None),
    "bad date": _good(checked_at="last tuesday"),
    "date a number": _good(checked_at=1700000000),
    "settings not a string": _good(settings=7),
    "negative streak": _good(verdict="indeterminate", reason="timeout", streak=-1, since="2026-11-02T06:00:00Z"),
    "streak without since": _good(verdict="indeterminate", reason="timeout", streak=2),
}


def test_bad_entries_are_dropped_and_counted_never_quoted(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    entries = {f"https://bad.example.invalid/{i}": raw for i, raw in enumerate(BAD_ENTRIES.values())}
    entries["https://good.example.invalid/"] = _good()
    entries["https://persistent.example.invalid/"] = _good(
        verdict="broken", reason="persistent-timeout", streak=3, since="2026-10-01T06:00:00Z"
    )
    entries["x" * 10_000] = _good()  # a key too long to be a URL of ours
    path.write_text(json.dumps({"version": 1, "entries": entries}))
    cache = Cache.load(path)
    assert len(cache) == 2
    assert cache.fresh("https://good.example.invalid/", START) is not None
    assert cache.problem == f"{path}: dropped {len(BAD_ENTRIES) + 1} cache entries not in the expected form; those URLs are checked afresh"
    assert path.exists()  # the file itself was fine
    cache.save(START)
    assert sorted(json.loads(path.read_text())["entries"]) == ["https://good.example.invalid/", "https://persistent.example.invalid/"]


def test_an_entry_from_the_future_is_not_fresh(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text(json.dumps({"version": 1, "entries": {"https://good.example.invalid/": _good(checked_at="2099-01-01T00:00:00Z")}}))
    cache = Cache.load(path)
    assert cache.problem is None
    assert cache.fresh("https://good.example.invalid/", START) is None


def test_an_unreadable_cache_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "links.json").mkdir()
    with pytest.raises(CacheError, match="cannot read the cache"):
        Cache.load(tmp_path / "links.json")


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
