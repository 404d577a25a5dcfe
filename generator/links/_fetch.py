"""Checking one URL: HEAD then GET, retries with backoff, Retry-After, redirects, one deadline per request."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import replace
from types import TracebackType
from urllib.parse import urlsplit

from generator.render.text import plural

from ._config import Config
from ._failures import (
    CONNECT_FAILURES,
    FAILURE_OUTCOMES,
    HOST_FAILURES,
    HOST_TIME_DETAIL,
    RETRIED_FAILURES,
    Exchange,
    Failure,
    classify_exception,
    host_of,
    parse_retry_after,
)
from ._guard import Guard, Resolver
from ._hosts import behind_wall, oembed_outcome
from ._http import httpx
from ._net import CONNECTING, GuardedTransport, phase
from ._politeness import Politeness
from ._verdicts import (
    HEAD_NOT_TRUSTED_BELOW,
    HEAD_UNSUPPORTED,
    PERMANENT_REDIRECTS,
    REDIRECTS,
    RETRY_AFTER_STATUSES,
    Outcome,
    Reason,
    Verdict,
    bot_wall,
    classify_status,
    decode_sample,
    status_text,
)


class Fetcher:
    """Checks URLs one at a time each, many at once, within one run's politeness limits.

    Use as `async with Fetcher(config) as fetcher: outcome = await fetcher.check(url)`.
    """

    def __init__(self, config: Config, *, resolver: Resolver | None = None, rng: random.Random | None = None) -> None:
        self.config = config
        self.politeness = Politeness(concurrency=config.concurrency, per_host=config.per_host, interval=config.interval)
        self._guard = Guard(allow_private=config.allow_private, allowed_networks=config.allowed_networks, resolver=resolver)
        self._transport = GuardedTransport(self._guard, ssl_context=config.ssl_context, keepalive=config.per_host)
        # Requests go straight to the transport rather than through httpx.AsyncClient: the
        # client parses every Location header (even when not following redirects) and raises
        # on ones like `javascript:...`, losing the answer we need to judge. Redirects, cookies
        # and timeouts are handled here anyway.
        self._headers = httpx.Headers(
            {
                "User-Agent": config.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language": "en;q=0.9, *;q=0.5",
                # Only encodings we can decode a bounded sample of.
                "Accept-Encoding": "gzip, deflate",
            }
        )
        self._rng = rng or random.Random()
        self._policy = config.policy()
        self._get_only: set[str] = set()  # hosts that answer HEAD with 405/501
        self._host_down: dict[tuple[str, str, int | None], Exchange] = {}  # (scheme, host, port)
        self._stay_away: dict[str, tuple[float, str]] = {}  # host -> (until, why)
        self._spent: dict[str, float] = {}  # host -> seconds of its time used (Config.host_time)
        self._cut: set[str] = set()  # URLs left unchecked because their host's time ran out

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        await self._transport.aclose()

    async def release_host(self, host: str) -> None:
        """Close the idle connections to a host that has nothing left to check."""
        await self._transport.close_host(host)

    def unchecked(self, url: str) -> bool:
        """Whether `url` was left unchecked (or cut short) because a host's time ran out:
        its outcome says nothing about the URL, so it is not remembered."""
        return url in self._cut

    def _time_left(self, host: str) -> float:
        return self.config.host_time - self._spent.get(host, 0.0)

    def _charge(self, host: str, seconds: float) -> None:
        self._spent[host] = self._spent.get(host, 0.0) + seconds

    # -- one URL -------------------------------------------------------------------
    async def check(self, url: str | httpx.URL) -> Outcome:
        """Follow `url` to its final answer and decide its verdict."""
        try:
            probe = self._policy.oembed_url(str(url))
            if probe is not None:
                return await self._check_oembed(str(url), probe)
            return self._behind_wall(str(url), await self._check(url))
        except Exception as exc:
            # A bug of ours, met on one odd site, must not cost the whole run its report.
            return Outcome(
                Verdict.INDETERMINATE,
                Reason.PROTOCOL,
                f"the link checker failed on this URL ({type(exc).__name__}: {exc}); please report it",
                final_url=str(url),
            )

    async def _check_oembed(self, url: str, probe: str) -> Outcome:
        """A YouTube video or playlist, judged by what YouTube's oEmbed endpoint says of it."""
        outcome = await self._check(probe)
        if probe in self._cut:
            self._cut.add(url)
        return oembed_outcome(url, outcome)

    def _behind_wall(self, url: str, outcome: Outcome) -> Outcome:
        return outcome if url in self._cut else behind_wall(self._policy, url, outcome)

    async def _check(self, url: str | httpx.URL) -> Outcome:
        try:
            current = url if isinstance(url, httpx.URL) else httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            return Outcome(Verdict.INDETERMINATE, Reason.PROTOCOL, f"not a URL that can be requested ({exc})")
        jar: httpx.Cookies | None = None
        seen: set[tuple[str, str]] = set()
        moved_to: str | None = None  # the end of the leading run of permanent redirects
        first_status: int | None = None
        hops = 0
        while True:
            seen.add((_unfragmented(current), _jar_state(jar)))
            exchange = await self._hop(current, jar)
            if exchange.failure is not None:
                return self._failure_outcome(exchange, url, current, hops)
            assert exchange.status is not None and exchange.headers is not None
            status, headers = exchange.status, exchange.headers
            location = headers.get("location")
            if status in REDIRECTS and location and status not in self.config.accept:
                location = location.strip()
                scheme = _scheme(location)
                if scheme and scheme not in ("http", "https"):
                    return Outcome(
                        Verdict.BROKEN,
                        Reason.BAD_REDIRECT,
                        f"{status_text(status)} to `{_short(location)}`, which is not a web address",
                        status,
                        str(current),
                    )
                try:
                    target = current.join(location)
                except (httpx.InvalidURL, ValueError):
                    return Outcome(
                        Verdict.INDETERMINATE,
                        Reason.PROTOCOL,
                        f"{status_text(status)} with an unreadable Location `{_short(location)}`",
                        status,
                        str(current),
                    )
                first_status = first_status or status
                if status in PERMANENT_REDIRECTS and (hops == 0 or (moved_to is not None and moved_to == str(current))):
                    moved_to = str(target)
                hops += 1
                if hops > self.config.max_redirects:
                    return Outcome(
                        Verdict.BROKEN, Reason.TOO_MANY_REDIRECTS, f"more than {self.config.max_redirects} redirects", status, str(target)
                    )
                if "set-cookie" in headers:
                    jar = jar if jar is not None else httpx.Cookies()
                    jar.extract_cookies(_response_for_cookies(exchange, current))
                if (_unfragmented(target), _jar_state(jar)) in seen:
                    return Outcome(
                        Verdict.BROKEN, Reason.REDIRECT_LOOP, f"redirect loop: {status_text(status)} back to {target}", status, str(target)
                    )
                current = target
                continue
            outcome = replace(classify_status(status, headers, exchange.body, self.config.accept), final_url=str(current))
            if exchange.detail:
                outcome = replace(outcome, detail=f"{outcome.detail}; {exchange.detail}")
            if exchange.attempts > 1 and outcome.verdict is Verdict.INDETERMINATE:
                outcome = replace(outcome, detail=f"{outcome.detail} ({exchange.attempts} attempts)")
            if hops and outcome.verdict is not Verdict.OK:
                outcome = replace(outcome, detail=f"{outcome.detail} after {plural(hops, 'redirect')}")
            if outcome.verdict is Verdict.OK and moved_to is not None:
                note = "" if moved_to == str(current) else f" (which then leads on to {current})"
                return replace(
                    outcome,
                    verdict=Verdict.REDIRECTED,
                    reason=Reason.PERMANENT_REDIRECT,
                    detail=f"{status_text(first_status or 301)}: update the URL to {moved_to}{note}",
                    final_url=moved_to,
                )
            return outcome

    def _failure_outcome(self, exchange: Exchange, url: str | httpx.URL, current: httpx.URL, hops: int) -> Outcome:
        assert exchange.failure is not None
        verdict, reason = FAILURE_OUTCOMES[exchange.failure]
        if exchange.failure is Failure.HOST_TIME:
            self._cut.add(str(url))
        detail = exchange.detail
        if exchange.attempts > 1:
            detail += f" ({exchange.attempts} attempts)"
        if hops:
            detail = f"redirected to {current}, then: {detail}"
        return Outcome(verdict, reason, detail, None, str(current))

    # -- one hop, with retries -----------------------------------------------------
    async def _hop(self, url: httpx.URL, jar: httpx.Cookies | None) -> Exchange:
        host = host_of(url)
        origin = (url.scheme, host, url.port)
        down = self._host_down.get(origin)
        if down is not None:
            return replace(down, url=str(url), detail=f"{down.detail}; not retried: another URL on {host} failed the same way", attempts=1)
        use_get = host in self._get_only
        attempts = self.config.retries + 1
        exchange = Exchange(str(url), "GET")
        waited = 0.0  # Retry-After honoured so far for this URL
        for attempt in range(attempts):
            exchange = await self._exchange(url, "GET" if use_get else "HEAD", jar)
            if not use_get and self._head_not_trusted(exchange):
                if exchange.status in HEAD_UNSUPPORTED:
                    self._get_only.add(host)
                use_get = True
                exchange = await self._exchange(url, "GET", jar)
            exchange.attempts = attempt + 1
            delay = self._retry_delay(exchange, host, attempt, waited)
            if delay is None or attempt == attempts - 1:
                break
            if delay > self._time_left(host):
                # The pause is the host's time too; one that outlasts it is not waited out.
                note = f"not retried: {host} has used up its {self.config.host_time:g} s for this run"
                exchange.detail = f"{exchange.detail}; {note}" if exchange.detail else note
                break
            if exchange.status in RETRY_AFTER_STATUSES:
                waited += delay
            self._charge(host, delay)
            await asyncio.sleep(delay)
        if exchange.connecting and (exchange.failure in HOST_FAILURES or exchange.failure is Failure.TIMEOUT):
            self._host_down[origin] = exchange
        return exchange

    def _head_not_trusted(self, exchange: Exchange) -> bool:
        if exchange.failure is not None:
            # A server may hang up on, or garble, a HEAD it does not handle; that says nothing of GET.
            return exchange.failure not in CONNECT_FAILURES and not exchange.connecting
        assert exchange.status is not None
        return exchange.status >= HEAD_NOT_TRUSTED_BELOW and exchange.status != 429 and exchange.status not in self.config.accept

    def _retry_delay(self, exchange: Exchange, host: str, attempt: int, waited: float = 0.0) -> float | None:
        """How long to wait before asking again, or None when asking again cannot help.
        `waited`: the Retry-After already honoured for this URL (capped in all)."""
        config = self.config
        if exchange.failure is not None:
            return self._backoff(attempt) if exchange.failure in RETRIED_FAILURES else None
        status = exchange.status
        assert status is not None and exchange.headers is not None
        if status in config.accept or (status < 500 and status != 429):
            return None
        if status == 501 or bot_wall(exchange.headers, exchange.body):
            return None  # a bot wall does not go away by itself within a run
        if status in RETRY_AFTER_STATUSES:
            wait = parse_retry_after(exchange.headers.get("retry-after"), time.time())
            if wait is None:
                wait = config.retry_after_default if status == 429 or "retry-after" in exchange.headers else self._backoff(attempt)
            if waited + wait > config.retry_after_max:
                # Waiting less than asked and asking again would be rude and pointless.
                if waited:
                    why = f"the server asked us to wait {wait:.0f} s more, past the {config.retry_after_max:g} s in all we wait for one URL"
                else:
                    why = f"the server asked us to wait {wait:.0f} s, longer than the {config.retry_after_max:.0f} s we wait"
                self._stay_away[host] = (asyncio.get_running_loop().time() + wait, why)
                exchange.detail = why
                return None
            self.politeness.defer(host, wait)  # every URL on this host waits, not just this one
            return wait
        return self._backoff(attempt)

    def _backoff(self, attempt: int) -> float:
        base: float = min(self.config.max_backoff, self.config.backoff * 2.0**attempt)
        return base * self._rng.uniform(0.5, 1.5)  # jitter: retries of many URLs do not arrive together

    # -- one request ---------------------------------------------------------------
    async def _exchange(self, url: httpx.URL, method: str, jar: httpx.Cookies | None) -> Exchange:
        host = host_of(url)
        away = self._stay_away.get(host)
        loop = asyncio.get_running_loop()
        if away is not None and away[0] > loop.time():
            return Exchange(str(url), method, failure=Failure.RATE_LIMITED, detail=away[1], connecting=True)
        if self._time_left(host) <= 0:
            return self._out_of_time(url, method, host)
        async with self.politeness.slot(host):
            left = self._time_left(host)  # other lanes may have used it up while we waited
            if left <= 0:
                return self._out_of_time(url, method, host)
            limit = min(self.config.timeout, left)
            token = phase.set("")
            response: httpx.Response | None = None
            sample = bytearray()
            started = loop.time()
            try:
                # The one deadline for connect, headers and body together: a slow drip or a
                # silent server costs at most this, whatever it does (and at most the time
                # its host has left).
                async with asyncio.timeout(limit):
                    request = httpx.Request(method, url, headers=self._headers, cookies=jar)
                    response = await self._transport.handle_async_request(request)
                    response.request = request
                    await self._read(response, method, sample)
            except Exception as exc:  # every way a request can fail ends as a Failure, never a crash
                if response is None:
                    failure, detail = classify_exception(exc)
                    if failure is Failure.TIMEOUT and limit < self.config.timeout:
                        return self._out_of_time(url, method, host)
                    if failure is Failure.TIMEOUT:
                        detail = f"no answer within {self.config.timeout:g} s"
                    return Exchange(str(url), method, failure=failure, detail=detail, connecting=phase.get() == CONNECTING)
                # The status came; a body cut short (deadline, reset) still shows its markers.
            finally:
                self._charge(host, loop.time() - started)
                phase.reset(token)
                if response is not None:
                    await _close_quietly(response)
        assert response is not None
        body = b""
        if response.status_code >= 400:
            body = decode_sample(bytes(sample), response.headers.get("content-encoding", ""), self.config.body_cap)
        return Exchange(str(url), method, status=response.status_code, headers=response.headers, body=body)

    def _out_of_time(self, url: httpx.URL, method: str, host: str) -> Exchange:
        detail = f"{HOST_TIME_DETAIL} ({host} used up its {self.config.host_time:g} s)"
        return Exchange(str(url), method, failure=Failure.HOST_TIME, detail=detail, connecting=True)

    async def _read(self, response: httpx.Response, method: str, sample: bytearray) -> None:
        """Read what is needed of the body into `sample`, and no more than the cap."""
        if method == "HEAD":
            async for _ in response.aiter_raw():  # empty, but reading it lets the connection be reused
                pass
            return
        cap = self.config.body_cap
        length = response.headers.get("content-length", "")
        if response.status_code < 400 and not (length.isdigit() and int(length) <= cap):
            return  # the status says it all; closing unread drops the connection, which is fine
        # Raw bytes, decoded later with a bound: a compressed bomb never inflates here.
        chunks = response.aiter_raw()
        try:
            async for chunk in chunks:
                sample += chunk
                if len(sample) >= cap:
                    break
        finally:
            # Close the generator now, not whenever it is collected (that would warn).
            await chunks.aclose()  # type: ignore[attr-defined]


async def _close_quietly(response: httpx.Response) -> None:
    try:
        await response.aclose()
    except (httpx.TransportError, OSError):
        pass  # closing a connection the server already broke


def _scheme(location: str) -> str:
    """The scheme of a Location value, lower case; '' when relative or unreadable."""
    if ":" not in location:
        return ""
    try:
        return urlsplit(location).scheme.lower()
    except ValueError:
        return ""


def _unfragmented(url: httpx.URL) -> str:
    return str(url.copy_with(fragment=None)) if url.fragment else str(url)


def _jar_state(jar: httpx.Cookies | None) -> str:
    if not jar:
        return ""
    return "; ".join(sorted(f"{c.domain}{c.path}{c.name}={c.value}" for c in jar.jar))


def _response_for_cookies(exchange: Exchange, url: httpx.URL) -> httpx.Response:
    assert exchange.status is not None and exchange.headers is not None
    return httpx.Response(exchange.status, headers=exchange.headers, request=httpx.Request(exchange.method, url))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
