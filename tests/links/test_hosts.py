"""Per-host rules (hosts.toml): sites that refuse robots are never broken for a wall, and
YouTube videos are judged by oEmbed. Tests name `.example.invalid` hosts in their own policy
and resolve them to loopback; nothing leaves the machine."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.links import Cache, Config, NameNotResolved, Target, Verdict, check_targets
from generator.links._hosts import POLICY_FILE, HostPolicy, load_policy, parse_policy

from .conftest import FAST, Servers, check
from .servers import free_port

WALLED = HostPolicy(walled=frozenset({"walled.example.invalid"}))


async def loopback(host: str, port: int) -> list[str]:
    """`*.example.invalid` reaches 127.0.0.1, except `gone.*`, which does not exist."""
    assert host.endswith(".example.invalid"), host
    if host.startswith("gone."):
        raise NameNotResolved(host, permanent=True)
    return ["127.0.0.1"]


def _walled(servers: Servers, path: str, host: str = "www.walled.example.invalid", port: int | None = None) -> str:
    return f"http://{host}:{port or servers.plain.port}{path}"


@pytest.mark.parametrize(
    "path",
    [
        "/status/403",
        "/status/999",
        "/status/429",
        "/status/401",
        "/status/400",
        "/status/503",
        "/cloudflare",
        "/loop",
        "/deep/20",
        "/to?location=javascript:void(0)",
    ],
)
def test_walls_on_a_site_that_refuses_robots_are_never_broken(servers: Servers, path: str) -> None:
    run = check(_walled(servers, path), resolver=loopback, hosts=WALLED, max_redirects=5)
    outcome = run.one.outcome
    assert (outcome.verdict, outcome.reason) == (Verdict.INDETERMINATE, "refuses-robots")
    assert outcome.detail.endswith("; www.walled.example.invalid refuses automated checks")


def test_the_same_answers_elsewhere_are_judged_as_usual(servers: Servers) -> None:
    urls = [_walled(servers, p, host="www.open.example.invalid") for p in ("/status/999", "/loop")]
    run = check(urls, resolver=loopback, hosts=WALLED)
    assert [(r.verdict, r.outcome.reason) for r in run.results] == [(Verdict.INDETERMINATE, "blocked"), (Verdict.BROKEN, "redirect-loop")]


def test_gone_is_still_broken_behind_a_wall(servers: Servers) -> None:
    urls = [_walled(servers, "/status/404"), _walled(servers, "/status/410"), _walled(servers, "/ok", host="gone.walled.example.invalid")]
    run = check(urls, resolver=loopback, hosts=WALLED)
    assert [(r.verdict, r.outcome.reason) for r in run.results] == [
        (Verdict.BROKEN, "not-found"),
        (Verdict.BROKEN, "gone"),
        (Verdict.BROKEN, "dns"),
    ]


def test_a_refused_connection_behind_a_wall_is_not_broken(servers: Servers) -> None:
    run = check(_walled(servers, "/ok", port=free_port()), resolver=loopback, hosts=WALLED)
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "refuses-robots")


def test_a_redirect_onto_a_walled_site_counts(servers: Servers) -> None:
    wall = _walled(servers, "/status/999", host="login.walled.example.invalid")
    run = check(_walled(servers, f"/to?location={wall}", host="short.example.invalid"), resolver=loopback, hosts=WALLED)
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "refuses-robots")


def test_a_wall_is_never_promoted_to_broken(servers: Servers, tmp_path: Path) -> None:
    now = [datetime(2026, 11, 2, 6, 0, tzinfo=UTC)]
    config = Config(**{**FAST, "hosts": WALLED})
    cache = Cache(tmp_path / "links.json", settings=config.fingerprint())
    url = _walled(servers, "/status/999?weekly")
    verdicts = []
    for _ in range(5):  # five weekly runs: past the three that promote other doubts
        [result] = asyncio.run(check_targets([Target(url)], config, cache=cache, resolver=loopback, clock=lambda: now[0]))
        verdicts.append((result.verdict, result.outcome.reason))
        now[0] += timedelta(days=7)
    assert verdicts == [(Verdict.INDETERMINATE, "refuses-robots")] * 5


def test_the_shipped_policy_names_the_known_walls() -> None:
    policy = load_policy()
    for host in (
        "www.amazon.com",
        "old.reddit.com",
        "math.stackexchange.com",
        "stackoverflow.com",
        "mathoverflow.net",
        "www.coursera.org",
        "www.linkedin.com",
        "medium.com",
        "towardsdatascience.com",
    ):
        assert policy.is_walled(host), host
    for host in ("notreddit.com", "example.org", "arxiv.org", "com"):
        assert not policy.is_walled(host), host
    assert policy.oembed == "https://www.youtube.com/oembed"
    assert Config().policy() is policy


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[refuses-robots\n", "not valid TOML"),
        ("[refuses-robots]\ndomains = 'reddit.com'\n", "`domains` must be a list of host names"),
        ("[walls]\n", "unknown table 'walls'"),
        ("[youtube]\noembed = 'javascript:x'\n", "`oembed` must be an http(s) address"),
    ],
)
def test_a_broken_policy_file_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_policy(text, POLICY_FILE)


# -- YouTube through oEmbed ------------------------------------------------------------


def _youtube(servers: Servers) -> HostPolicy:
    return HostPolicy(
        youtube=frozenset({"www.youtube.example.invalid", "youtube.example.invalid"}),
        youtube_short=frozenset({"youtu.example.invalid"}),
        oembed=servers.plain.url("/oembed"),
    )


async def no_lookups(host: str, port: int) -> list[str]:
    raise AssertionError(f"{host} was looked up: the video page itself must not be fetched")


VIDEOS = {
    "https://www.youtube.example.invalid/watch?v=ok-lecture": (Verdict.OK, None, 200),
    # Private, or public but not embeddable: YouTube answers both alike, so one run cannot say.
    "https://youtube.example.invalid/watch?v=private-lecture&t=42": (Verdict.INDETERMINATE, "blocked", 401),
    "https://youtu.example.invalid/forbidden-lecture": (Verdict.INDETERMINATE, "blocked", 403),
    "https://youtu.example.invalid/gone-lecture?t=3": (Verdict.BROKEN, "not-found", 404),
    "https://www.youtube.example.invalid/playlist?list=ok-course": (Verdict.OK, None, 200),
    "https://www.youtube.example.invalid/playlist?list=gone-course": (Verdict.BROKEN, "not-found", 404),
    "https://www.youtube.example.invalid/watch?v=busy-lecture": (Verdict.INDETERMINATE, "server-error", 503),
}


def test_youtube_videos_are_judged_by_oembed(servers: Servers) -> None:
    seen = len(servers.plain.log.requests)
    run = check(list(VIDEOS), resolver=no_lookups, hosts=_youtube(servers), retries=0)
    got = {r.url: (r.verdict, r.outcome.reason, r.outcome.status) for r in run.results}
    assert got == VIDEOS
    assert all(r.outcome.final_url == r.url for r in run.results)  # not the oEmbed address
    assert "private, or its owner does not allow embedding" in next(r for r in run.results if r.outcome.status == 401).outcome.detail
    assert "deleted" in next(r for r in run.results if r.outcome.status == 404).outcome.detail
    asked = {parse_qs(urlsplit(r.target).query)["url"][0] for r in servers.plain.log.requests[seen:] if r.target.startswith("/oembed?")}
    assert asked == set(VIDEOS)
    assert all(r.target.endswith("&format=json") for r in servers.plain.log.requests[seen:])


def test_other_youtube_pages_are_fetched_as_usual(servers: Servers) -> None:
    policy = _youtube(servers)
    assert policy.oembed_url("https://www.youtube.example.invalid/@channel") is None
    assert policy.oembed_url("https://www.youtube.example.invalid/watch") is None
    assert policy.oembed_url("https://youtu.example.invalid/") is None
    assert policy.oembed_url("https://www.youtube.example.invalid/watch?v=abc") == (
        f"{servers.plain.url('/oembed')}?url=https%3A%2F%2Fwww.youtube.example.invalid%2Fwatch%3Fv%3Dabc&format=json"
    )


def test_the_shipped_policy_knows_youtube() -> None:
    policy = load_policy()
    for url in (
        "https://www.youtube.com/watch?v=aircAruvnKk",
        "https://youtu.be/aircAruvnKk",
        "https://www.youtube.com/playlist?list=PLZHQObOWTQDPD3MizzM2xVFitgF8hE_ab",
    ):
        assert policy.oembed_url(url) is not None, url
