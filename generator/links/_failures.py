"""How a request can fail, and what each failure means: the kinds of failure, the verdict each
leads to, which are retried, and the reading of exceptions and Retry-After headers."""

from __future__ import annotations

import email.utils
import errno
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ._guard import AddressRefused, NameNotResolved
from ._http import httpx
from ._verdicts import Reason, Verdict


class Failure(Enum):
    """Ways a request can end without an HTTP answer."""

    DNS = "dns"  # the name does not exist
    DNS_AGAIN = "dns-again"  # the resolver could not answer now
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    RESET = "reset"
    TLS = "tls"
    PROTOCOL = "protocol"
    PRIVATE = "private"
    RATE_LIMITED = "rate-limited"  # the host asked us to stay away longer than we wait
    HOST_TIME = "host-time"  # the host has used up its time for this run (Config.host_time)


RETRIED_FAILURES = frozenset({Failure.DNS_AGAIN, Failure.REFUSED, Failure.UNREACHABLE, Failure.TIMEOUT, Failure.RESET})
# Failures before any HTTP was spoken: a GET would fail the same way, so no fallback.
CONNECT_FAILURES = frozenset(
    {
        Failure.DNS,
        Failure.DNS_AGAIN,
        Failure.REFUSED,
        Failure.UNREACHABLE,
        Failure.TLS,
        Failure.PRIVATE,
        Failure.RATE_LIMITED,
        Failure.HOST_TIME,
    }
)
# Failures that belong to the host, not the page: once a URL has used up its retries on one,
# the host's other URLs get the same answer without knocking again.
HOST_FAILURES = frozenset({Failure.REFUSED, Failure.UNREACHABLE})

FAILURE_OUTCOMES: dict[Failure, tuple[Verdict, Reason]] = {
    Failure.DNS: (Verdict.BROKEN, Reason.DNS),
    Failure.DNS_AGAIN: (Verdict.INDETERMINATE, Reason.TIMEOUT),
    Failure.REFUSED: (Verdict.BROKEN, Reason.REFUSED),
    Failure.UNREACHABLE: (Verdict.INDETERMINATE, Reason.TIMEOUT),
    Failure.TIMEOUT: (Verdict.INDETERMINATE, Reason.TIMEOUT),
    Failure.RESET: (Verdict.INDETERMINATE, Reason.PROTOCOL),
    Failure.TLS: (Verdict.INDETERMINATE, Reason.TLS),
    Failure.PROTOCOL: (Verdict.INDETERMINATE, Reason.PROTOCOL),
    Failure.PRIVATE: (Verdict.SKIPPED, Reason.PRIVATE_ADDRESS),
    Failure.RATE_LIMITED: (Verdict.INDETERMINATE, Reason.RATE_LIMITED),
    Failure.HOST_TIME: (Verdict.INDETERMINATE, Reason.TIMEOUT),
}
HOST_TIME_DETAIL = "host took too long; not checked this run"


@dataclass(slots=True)
class Exchange:
    """One request and what came back: an answer (status, headers, a body sample) or a failure."""

    url: str
    method: str
    status: int | None = None
    headers: httpx.Headers | None = None
    body: bytes = b""
    failure: Failure | None = None
    detail: str = ""
    attempts: int = 1
    connecting: bool = False  # the failure happened before a connection was made


def host_of(url: httpx.URL) -> str:
    """The politeness key: the host name in ASCII (IDNA) form, lower case."""
    return url.raw_host.decode("ascii").lower()


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def classify_exception(exc: BaseException) -> tuple[Failure, str]:
    """Which kind of failure an exception from the transport stands for, and a phrase for people."""
    if isinstance(exc, AddressRefused):
        return Failure.PRIVATE, str(exc)
    if isinstance(exc, NameNotResolved):
        return (Failure.DNS if exc.permanent else Failure.DNS_AGAIN), str(exc)
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return Failure.TLS, f"TLS certificate not accepted: {cause.verify_message or cause.reason}"
        if isinstance(cause, ssl.SSLError):
            return Failure.TLS, f"TLS failed: {cause.reason or cause}"
        if isinstance(cause, ConnectionRefusedError):
            return Failure.REFUSED, "connection refused"
        if isinstance(cause, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
            return Failure.RESET, "connection reset by the server"
        if isinstance(cause, (TimeoutError, httpx.TimeoutException)):
            return Failure.TIMEOUT, "no answer in time"
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL):
            return Failure.UNREACHABLE, f"cannot reach the host ({cause.strerror})"
    if isinstance(exc, httpx.RemoteProtocolError):
        message = str(exc)
        if "disconnected" in message.lower():
            return Failure.RESET, "the server closed the connection without answering"
        return Failure.PROTOCOL, f"not a valid HTTP answer ({message})"
    if isinstance(exc, (httpx.ReadError, httpx.WriteError)):
        return Failure.RESET, f"connection broken ({exc or type(exc).__name__})"
    if isinstance(exc, (httpx.ConnectError, OSError)):
        return Failure.UNREACHABLE, f"cannot connect ({exc or type(exc).__name__})"
    return Failure.PROTOCOL, f"{type(exc).__name__}: {exc}"


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP date), None if unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)
