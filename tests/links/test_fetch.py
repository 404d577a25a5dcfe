"""Every misbehaviour the issue lists, against real servers on loopback: the verdict, and a run
that ends within its deadline."""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from typing import Any

import pytest

from generator.links import Verdict

from .conftest import Servers, check, deadline
from .servers import free_port, q


@dataclass(frozen=True)
class Case:
    path: str
    verdict: Verdict
    reason: str | None
    status: int | None = None
    settings: tuple[tuple[str, Any], ...] = ()
    server: str = "plain"


def case(path: str, verdict: Verdict, reason: str | None, status: int | None = None, *, server: str = "plain", **settings: Any) -> Any:
    return pytest.param(
        Case(path, verdict, reason, status, tuple(settings.items()), server), id=path.strip("/").replace("/", "-") or "root"
    )


CASES = [
    # slow, silent and dripping servers: the one deadline per request ends them
    case("/slow/0.1", Verdict.OK, None, 200),
    case("/slow/30", Verdict.INDETERMINATE, "timeout"),
    case("/drip-headers", Verdict.INDETERMINATE, "timeout"),
    case("/drip-body", Verdict.INDETERMINATE, "blocked", 403),  # the status came before the drip
    case("/", Verdict.INDETERMINATE, "timeout", server="silent"),
    # broken connections and broken HTTP
    case("/reset-headers", Verdict.INDETERMINATE, "protocol"),
    case("/reset-body", Verdict.OK, None, 200),  # the status line said 200 before the reset
    case("/garbage", Verdict.INDETERMINATE, "protocol"),
    case("/huge-headers", Verdict.INDETERMINATE, "protocol"),
    # bodies that would fill memory: read up to a cap, or not at all
    case("/endless", Verdict.OK, None, 200),
    case("/endless/403", Verdict.INDETERMINATE, "blocked", 403),
    case("/gzip-bomb", Verdict.OK, None, 200),
    case("/gzip-bomb/403", Verdict.INDETERMINATE, "blocked", 403),
    # HEAD refused or wrong: GET decides
    case("/head/405", Verdict.OK, None, 200),
    case("/head/404", Verdict.OK, None, 200),
    case("/head/500", Verdict.OK, None, 200),
    case("/head/501", Verdict.OK, None, 200),
    case("/head/403", Verdict.OK, None, 200),
    # transient errors retried
    case("/flaky/503/1/a", Verdict.OK, None, 200),
    case("/flaky/500/1/b", Verdict.OK, None, 200),
    case("/flaky/503/9/c", Verdict.INDETERMINATE, "server-error", 503),
    case("/status/502", Verdict.INDETERMINATE, "server-error", 502),
    # rate limits and Retry-After
    case("/flaky/429/1/d?retry-after=0", Verdict.OK, None, 200),
    case("/flaky/429/1/e?retry-after=soon", Verdict.OK, None, 200),  # invalid: the default wait
    case("/flaky/429/1/f", Verdict.OK, None, 200),  # missing: the default wait
    case("/status/429?retry-after=86400", Verdict.INDETERMINATE, "rate-limited", 429),  # huge: not waited for
    case("/status/429?retry-after=0", Verdict.INDETERMINATE, "rate-limited", 429),
    case("/status/503?retry-after=86400", Verdict.INDETERMINATE, "server-error", 503),
    # bot walls
    case("/cloudflare", Verdict.INDETERMINATE, "blocked", 403),
    case("/cloudflare-503", Verdict.INDETERMINATE, "blocked", 503),
    case("/status/999", Verdict.INDETERMINATE, "blocked", 999),
    case("/status/403", Verdict.INDETERMINATE, "blocked", 403),
    case("/status/401", Verdict.INDETERMINATE, "blocked", 401),
    # plain answers
    case("/status/404", Verdict.BROKEN, "not-found", 404),
    case("/status/410", Verdict.BROKEN, "gone", 410),
    case("/status/204", Verdict.OK, None, 204),
    case("/status/206", Verdict.OK, None, 206),
    case("/status/200", Verdict.OK, None, 200),
    case("/status/299", Verdict.OK, None, 299),  # unknown, but of the 2xx class (RFC 9110)
    case("/status/799", Verdict.INDETERMINATE, "protocol", 799),  # no such class
    case("/status/418", Verdict.INDETERMINATE, "blocked", 418),
    case("/status/403", Verdict.OK, None, 403, accept=frozenset({403})),
    case("/status/999", Verdict.OK, None, 999, accept=frozenset({999})),
    # redirects
    case("/chain/301,308", Verdict.REDIRECTED, "permanent-redirect", 200),
    case("/chain/302,307", Verdict.OK, None, 200),
    case("/chain/303", Verdict.OK, None, 200),
    case("/chain/301,302", Verdict.REDIRECTED, "permanent-redirect", 200),
    case("/chain/301,404", Verdict.BROKEN, "not-found", 404),
    case("/deep/3", Verdict.REDIRECTED, "permanent-redirect", 200),
    case("/deep/11", Verdict.BROKEN, "too-many-redirects", 301),
    case("/deep/3", Verdict.BROKEN, "too-many-redirects", 301, max_redirects=2),
    case("/loop", Verdict.BROKEN, "redirect-loop", 302),
    case("/loop2/a", Verdict.BROKEN, "redirect-loop", 307),
    case("/cookie-check", Verdict.OK, None, 200),  # a revisit with a new cookie is not a loop
    case("/to?location=" + q("javascript:alert(1)"), Verdict.BROKEN, "bad-redirect", 302),
    case("/to?location=" + q("mailto:someone@example.invalid"), Verdict.BROKEN, "bad-redirect", 302),
    case("/status/302", Verdict.INDETERMINATE, "protocol", 302),  # a redirect without Location
    case("/to?location=" + q("http://[::1"), Verdict.INDETERMINATE, "protocol", 302),  # unreadable Location
    case("/chain/301#frag", Verdict.REDIRECTED, "permanent-redirect", 200),
]


@pytest.mark.parametrize("c", CASES)
def test_misbehaving_server(servers: Servers, c: Case) -> None:
    settings = dict(c.settings)
    listener = getattr(servers, c.server)
    run = check(listener.url(c.path), **settings)
    result = run.one
    assert (result.verdict, result.outcome.reason) == (c.verdict, c.reason), result.outcome.detail
    assert result.outcome.status == c.status
    assert "link checker failed" not in result.outcome.detail  # decided by a rule, not the safety net
    assert run.elapsed < deadline(), f"took {run.elapsed:.1f} s"


def test_refused_connection_is_broken_after_retries(servers: Servers) -> None:
    run = check(f"http://127.0.0.1:{free_port()}/", retries=2)
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.BROKEN, "refused")
    assert "3 attempts" in run.one.outcome.detail
    assert run.elapsed < deadline(retries=2)


def test_other_urls_on_a_refusing_host_are_not_retried(servers: Servers) -> None:
    port = free_port()
    urls = [f"http://127.0.0.1:{port}/{i}" for i in range(6)]
    run = check(urls, per_host=1, retries=2, backoff=0.2, max_backoff=0.2)
    assert {(r.verdict, r.outcome.reason) for r in run.results} == {(Verdict.BROKEN, "refused")}
    assert sum("not retried" in r.outcome.detail for r in run.results) == 5
    assert run.elapsed < 3  # one URL's backoff (about 0.4 s), not six


def test_name_that_cannot_resolve_is_broken_without_any_lookup(servers: Servers) -> None:
    # `.invalid` never resolves (RFC 6761); the checker answers without asking DNS.
    run = check("http://no-such-host.invalid/page")
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.BROKEN, "dns")
    assert run.elapsed < 1.5


def test_invalid_names_never_reach_the_system_resolver(servers: Servers, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio.base_events

    async def no_lookups(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("getaddrinfo was called")

    monkeypatch.setattr(asyncio.base_events.BaseEventLoop, "getaddrinfo", no_lookups)
    run = check(["http://a.invalid/", "https://b.example.invalid:8443/x", "http://invalid/"])
    assert {(r.verdict, r.outcome.reason) for r in run.results} == {(Verdict.BROKEN, "dns")}


def test_keep_alive_connections_are_reused(servers: Servers) -> None:
    before = servers.second.log.connections
    urls = [servers.second.url(f"/status/200?reuse={i}") for i in range(10)]
    run = check(urls, per_host=1)
    assert {r.verdict for r in run.results} == {Verdict.OK}
    assert servers.second.log.connections - before == 1


def test_a_kept_alive_connection_is_taken_without_yielding_to_other_tasks(servers: Servers) -> None:
    # httpcore's own connection lock yields to the event loop on every request; with many
    # lanes answered in the same instant, that kept every lane waiting for all the others
    # before sending its next request. The transport's connections take a free lock at once.
    import asyncio

    from generator.links._guard import Guard
    from generator.links._http import httpx
    from generator.links._net import GuardedTransport

    async def main() -> list[str]:
        transport = GuardedTransport(Guard(allow_private=True))
        try:
            response = await transport.handle_async_request(httpx.Request("GET", servers.plain.url("/status/200?lock")))
            await response.aread()
            await response.aclose()
            (origin,) = transport._origins.values()
            (connection,) = origin.idle
            ran: list[str] = []
            asyncio.get_running_loop().call_soon(ran.append, "another task ran")
            async with connection._state_lock:
                pass
            return ran.copy()  # before closing below lets the callback run
        finally:
            await transport.aclose()

    assert asyncio.run(main()) == []


def test_a_kept_alive_connection_closed_by_the_server_is_not_held_against_the_url(servers: Servers) -> None:
    # The second URL goes out on the connection the server is about to drop; that is
    # retried on a new connection at once, without using up one of the URL's retries.
    run = check([servers.third.url("/hang-up-next"), servers.third.url("/status/200?after-hang-up")], per_host=1, retries=0)
    assert [r.verdict for r in run.results] == [Verdict.OK, Verdict.OK]


def test_injected_resolver_failure(servers: Servers) -> None:
    from generator.links import NameNotResolved

    async def nxdomain(host: str, port: int) -> list[str]:
        raise NameNotResolved(host, permanent=True, why="NXDOMAIN")

    async def servfail(host: str, port: int) -> list[str]:
        raise NameNotResolved(host, permanent=False, why="SERVFAIL")

    assert check("http://docs.example.invalid/", resolver=nxdomain).one.outcome.reason == "dns"
    # A resolver that cannot answer now is not proof the name is gone.
    run = check("http://docs.example.invalid/", resolver=servfail)
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "timeout")


def test_names_are_resolved_once_per_run(servers: Servers) -> None:
    calls: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    urls = [f"http://site.example.invalid:{servers.plain.port}/status/200?n={i}" for i in range(5)]
    run = check(urls, resolver=resolver)
    assert {r.verdict for r in run.results} == {Verdict.OK}
    assert calls == ["site.example.invalid"]


def test_redirected_shows_the_new_url(servers: Servers) -> None:
    result = check(servers.plain.url("/chain/301,308")).one
    assert result.outcome.final_url == servers.plain.url("/chain/")
    # A permanent hop then a temporary one: update to where the permanent part leads.
    result = check(servers.plain.url("/chain/301,302")).one
    assert result.outcome.final_url == servers.plain.url("/chain/302")
    assert "leads on to" in result.outcome.detail


def test_temporary_redirects_keep_the_url(servers: Servers) -> None:
    result = check(servers.plain.url("/chain/302,307")).one
    assert result.verdict is Verdict.OK
    assert result.outcome.final_url == servers.plain.url("/chain/")


def test_retry_after_in_seconds_is_honoured(servers: Servers) -> None:
    run = check(servers.plain.url("/flaky/429/1/g?retry-after=1"))
    assert run.one.verdict is Verdict.OK
    assert run.elapsed >= 0.9  # it waited as asked (a lower bound, never flaky)
    assert run.elapsed < deadline() + 1


def test_retry_after_as_http_date_is_honoured(servers: Servers) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)
    run = check(servers.plain.url(f"/flaky/429/1/h?retry-after={q(when)}"), retry_after_max=5.0)
    assert run.one.verdict is Verdict.OK
    assert run.elapsed >= 0.9  # the date is to the second, so at least one second remains
    assert run.elapsed < deadline() + 3


def test_huge_retry_after_is_not_waited_for(servers: Servers) -> None:
    run = check(servers.plain.url("/status/429?retry-after=86400"), retries=5)
    assert run.one.outcome.reason == "rate-limited"
    assert "86400" in run.one.outcome.detail
    assert run.elapsed < 1.5


def test_tls_certificate_from_a_trusted_ca(servers: Servers) -> None:
    result = check(servers.tls_good.url("/status/200"), ssl_context=servers.client_ssl()).one
    assert result.verdict is Verdict.OK, result.outcome.detail


def test_tls_self_signed_certificate(servers: Servers) -> None:
    run = check(servers.tls_self_signed.url("/status/200"))
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "tls")
    assert "self-signed" in run.one.outcome.detail
    assert run.elapsed < deadline()


def test_tls_certificate_for_another_host(servers: Servers) -> None:
    run = check(servers.tls_wrong_host.url("/status/200"), ssl_context=servers.client_ssl())
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "tls")
    assert "mismatch" in run.one.outcome.detail.lower() or "not valid for" in run.one.outcome.detail
    assert run.elapsed < deadline()


def test_tls_certificate_from_an_unknown_ca(servers: Servers) -> None:
    # The default trust store (certifi) does not know the test CA.
    run = check(servers.tls_good.url("/status/200"))
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.INDETERMINATE, "tls")


def test_head_405_makes_the_host_use_get(servers: Servers) -> None:
    before = len(servers.plain.log.requests)
    urls = [servers.plain.url(f"/head/405?n={i}") for i in range(4)]
    run = check(urls, per_host=1)
    assert {r.verdict for r in run.results} == {Verdict.OK}
    methods = [r.method for r in servers.plain.log.requests[before:]]
    assert methods == ["HEAD", "GET", "GET", "GET", "GET"]


def test_no_cookies_leak_between_urls(servers: Servers) -> None:
    before = len(servers.plain.log.requests)
    check([servers.plain.url("/cookie-check"), servers.plain.url("/status/200")], per_host=1)
    later = [r for r in servers.plain.log.requests[before:] if r.target == "/status/200"]
    assert later and all("cookie" not in r.headers for r in later)


def test_user_agent_is_sent(servers: Servers) -> None:
    before = len(servers.plain.log.requests)
    check(servers.plain.url("/status/200?ua"), user_agent="test-agent/1")
    assert servers.plain.log.requests[before].headers["user-agent"] == "test-agent/1"
