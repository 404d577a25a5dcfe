"""The wire: an httpx transport that opens every socket through the guard.

httpx's own transport shares one httpcore pool across all hosts, and the pool scans
every connection for every request; at a few dozen connections that scan costs more
CPU than the request. Here each origin keeps a short list of idle HTTP/1.1
connections, and sockets are plain asyncio streams (the check's single deadline lives
in `_fetch`, so the per-read timeouts anyio would add are not needed).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import ssl
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import certifi

from ._guard import Guard
from ._http import httpcore, httpx

# Where a request was when it failed, so a timeout while connecting (the host is
# unreachable: asking again with GET is pointless) can be told from a slow answer.
CONNECTING = "connecting"
phase: contextvars.ContextVar[str] = contextvars.ContextVar("phase", default="")


def default_ssl_context() -> ssl.SSLContext:
    """Certificate checks as a browser does them, against Mozilla's roots (certifi)."""
    return ssl.create_default_context(cafile=certifi.where())


class _Stream(httpcore.AsyncNetworkStream):
    __slots__ = ("_reader", "_writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._reader.read(max_bytes)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if buffer:
            self._writer.write(buffer)
            await self._writer.drain()

    async def aclose(self) -> None:
        # abort(), not close(): a TLS close waits for the peer's close_notify, and a peer that
        # never sends one would hold the socket past the end of the run.
        self._writer.transport.abort()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        try:
            await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except BaseException:
            self._writer.transport.abort()
            raise
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            # httpcore asks this of idle pooled connections: readable means the server hung up.
            return self._reader.at_eof() or self._writer.transport.is_closing()
        if info == "server_addr":
            return self._writer.get_extra_info("peername")
        if info == "client_addr":
            return self._writer.get_extra_info("sockname")
        return self._writer.get_extra_info(info)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to addresses the guard permits, and to exactly the one it judged."""

    def __init__(self, guard: Guard) -> None:
        self._guard = guard

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        phase.set(CONNECTING)
        addresses = await self._guard.addresses(host, port)
        error: OSError | None = None
        for address in addresses:  # in resolver order; the next one only if this one fails
            try:
                reader, writer = await asyncio.open_connection(address, port)
            except OSError as exc:
                error = exc
                continue
            phase.set("")
            return _Stream(reader, writer)
        assert error is not None
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by the link checker")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


# httpcore's exceptions as the httpx ones callers expect from a transport; most specific first.
_EXCEPTIONS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _mapped() -> Iterator[None]:
    try:
        yield
    except httpcore.TimeoutException as exc:  # the common case first
        raise _translate(exc) from exc
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise _translate(exc) from exc


def _translate(exc: Exception) -> httpx.HTTPError:
    for source, target in _EXCEPTIONS:
        if isinstance(exc, source):
            return target(str(exc))
    return httpx.TransportError(str(exc))


class _Connection(httpcore.AsyncHTTP11Connection):
    """httpcore's HTTP/1.1 connection, with a state lock that does not yield when it is free.

    httpcore guards a connection's state with an anyio lock whose every acquisition yields
    to the event loop, twice a request. With dozens of requests answered in the same instant
    (one per host and lane), each yield lets all the others run first, so every lane waits
    for the whole batch before it sends its next request, and the lanes stay in lockstep:
    about a millisecond a request on the critical path. asyncio's lock takes a free lock at
    once and still queues waiters fairly; here it is never contended anyway, since the
    transport lends a connection to one request at a time.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not hasattr(self, "_state_lock"):  # pragma: no cover - a newer httpcore; keep its lock
            return
        self._state_lock = asyncio.Lock()  # type: ignore[assignment]


class _Origin:
    """The idle keep-alive connections to one scheme://host:port."""

    __slots__ = ("idle", "origin")

    def __init__(self, origin: httpcore.Origin) -> None:
        self.origin = origin
        self.idle: list[httpcore.AsyncHTTP11Connection] = []


class _PooledStream(httpx.AsyncByteStream):
    """A response body that hands its connection back for reuse once read and closed."""

    __slots__ = ("_connection", "_origin", "_stream", "_transport")

    def __init__(self, stream: Any, connection: httpcore.AsyncHTTP11Connection, transport: GuardedTransport, origin: _Origin) -> None:
        self._stream = stream
        self._connection = connection
        self._transport = transport
        self._origin = origin

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _mapped():
            async for part in self._stream:
                yield part

    async def aclose(self) -> None:
        with _mapped():
            await self._stream.aclose()
        # A body read to its end leaves the connection idle; one cut short has closed it.
        if self._connection.is_idle():
            await self._transport.give_back(self._origin, self._connection)


class GuardedTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over GuardedBackend sockets, with a few idle connections kept per origin.

    Not httpcore's pool: that one queues, locks and scans every connection on every
    request, which costs more CPU than the request itself at a few dozen connections.
    Our callers already limit how many requests go to each host, so a list of idle
    connections per origin is all the pooling needed.
    """

    def __init__(self, guard: Guard, *, ssl_context: ssl.SSLContext | None = None, keepalive: int = 2) -> None:
        self._backend = GuardedBackend(guard)
        self._given_ssl_context = ssl_context
        self._ssl_context: ssl.SSLContext | None = None  # made on first https: loading the CAs takes a while
        self._keepalive = keepalive
        self._origins: dict[tuple[bytes, bytes, int | None], _Origin] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        key = (url.raw_scheme, url.raw_host, url.port)
        origin = self._origins.get(key)
        if origin is None:
            default = 443 if url.raw_scheme == b"https" else 80
            origin = self._origins[key] = _Origin(httpcore.Origin(url.raw_scheme, url.raw_host, url.port or default))
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        connection, reused = await self._connection(origin)
        try:
            with _mapped():
                response = await connection.handle_async_request(core_request)
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
            await connection.aclose()
            if not reused:
                raise
            # A kept-alive connection the server closed just as we reused it: that says nothing
            # about the URL, so ask once more on a new connection (as browsers do for GET and HEAD).
            connection, _ = await self._connection(origin, fresh=True)
            try:
                with _mapped():
                    response = await connection.handle_async_request(core_request)
            except BaseException:
                await connection.aclose()
                raise
        except BaseException:
            await connection.aclose()
            raise
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_PooledStream(response.stream, connection, self, origin),
            extensions=response.extensions,
        )

    async def _connection(self, origin: _Origin, *, fresh: bool = False) -> tuple[httpcore.AsyncHTTP11Connection, bool]:
        """A connection to `origin` and whether it was kept alive from an earlier request."""
        while origin.idle and not fresh:
            connection = origin.idle.pop()
            if connection.is_available() and not connection.has_expired():
                return connection, True
            await connection.aclose()  # the server hung up, or it sat idle too long
        target = origin.origin
        host = target.host.decode("ascii")
        with _mapped():
            stream = await self._backend.connect_tcp(host, target.port)
            if target.scheme == b"https":
                stream = await stream.start_tls(self._tls(), server_hostname=host)
        return _Connection(origin=target, stream=stream, keepalive_expiry=5.0), False

    def _tls(self) -> ssl.SSLContext:
        if self._ssl_context is None:
            self._ssl_context = self._given_ssl_context or default_ssl_context()
            self._ssl_context.set_alpn_protocols(["http/1.1"])
        return self._ssl_context

    async def give_back(self, origin: _Origin, connection: httpcore.AsyncHTTP11Connection) -> None:
        if len(origin.idle) < self._keepalive and self._origins.get(_key(origin.origin)) is origin:
            origin.idle.append(connection)
        else:
            await connection.aclose()

    async def close_host(self, host: str) -> None:
        """Let go of a host's idle connections once nothing more will be asked of it."""
        raw = host.encode("ascii")  # hosts are keyed by their ASCII (IDNA) form, as httpx sends them
        for key in [k for k in self._origins if k[1] == raw]:
            await _close_all(self._origins.pop(key))

    async def aclose(self) -> None:
        origins, self._origins = list(self._origins.values()), {}
        for origin in origins:
            await _close_all(origin)


def _key(origin: httpcore.Origin) -> tuple[bytes, bytes, int | None]:
    default = 443 if origin.scheme == b"https" else 80
    return (origin.scheme, origin.host, None if origin.port == default else origin.port)


async def _close_all(origin: _Origin) -> None:
    idle, origin.idle = origin.idle, []
    for connection in idle:
        await connection.aclose()
