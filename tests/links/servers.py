"""HTTP(S) servers on loopback that misbehave on purpose, one behaviour per path.

All servers run on one asyncio loop in a background thread, so tests (which run their
own loop through `asyncio.run`) talk to them over real sockets. Nothing here listens
on, or redirects to, anything but 127.0.0.0/8.

Paths (query parameters in brackets):
  /ok                        200
  /status/CODE               CODE for HEAD and GET  [location=, retry-after=]
  /head/CODE                 CODE for HEAD, 200 for GET
  /flaky/CODE/N/ID           CODE for the first N requests with this ID, then 200  [retry-after=]
  /slow/SECONDS              200 after SECONDS
  /drip-headers              the status line, then a header one byte every 50 ms, forever
  /drip-body                 HEAD 405; GET 403 whose body comes one byte every 50 ms
  /reset-headers             half a status block, then a TCP reset
  /reset-body                HEAD 405; GET 200 with a body cut by a TCP reset
  /garbage                   bytes that are not HTTP, then close
  /huge-headers              a header block that never ends (megabytes of headers)
  /endless[/CODE]            HEAD 405; GET CODE (200) with a body that never ends
  /gzip-bomb[/CODE]          HEAD 405; GET CODE (200): gzip that inflates to 64 MiB of
                             zeros (after a Cloudflare challenge title)
  /cloudflare                403 with Cloudflare's challenge headers and page
  /cloudflare-503            503 with a Cloudflare challenge page (markers in the body only)
  /chain/C1,C2,...           redirect with C1 to /chain/C2,..., then 200 at /chain/
  /deep/N                    301 to /deep/N-1; 200 at /deep/0
  /loop, /loop2/a, /loop2/b  redirect loops
  /to                        302 to [location=] (any string, e.g. javascript:...)
  /cookie-check              302 to itself setting a cookie; 200 once the cookie comes back
  /hang-up-next              200, then reads the next request on that connection and hangs up
  /oembed                    YouTube's oEmbed, by the video or playlist id in [url=]: ids starting
                             `ok` 200 (JSON), `private` 401, `forbidden` 403, `gone` 404, `busy` 503
A separate `silent` listener accepts connections and never reads or writes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import socket
import ssl
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Awaitable, Coroutine
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar
from urllib.parse import parse_qs, quote

T = TypeVar("T")

CHALLENGE_PAGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id=challenge-platform></div></body></html>"


@cache
def gzip_bomb() -> bytes:
    """A gzip body of ~65 KB that inflates to 64 MiB of zeros after a challenge page."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(CHALLENGE_PAGE)]
    zeros = bytes(1 << 20)
    parts += [packer.compress(zeros) for _ in range(64)]
    parts.append(packer.flush())
    return b"".join(parts)


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]
    at: float  # time.monotonic() when the request head arrived
    host: str  # the local address it arrived on
    done: float | None = None  # when the answer was written


@dataclass
class ServerLog:
    """What a listener saw, for tests that count or time requests."""

    connections: int = 0
    requests: list[Request] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [r.target for r in self.requests]


def max_overlap(requests: list[Request]) -> int:
    """The most of these requests that were being answered at the same moment."""
    events = sorted(
        [(r.at, 1) for r in requests] + [(r.done if r.done is not None else float("inf"), -1) for r in requests], key=lambda e: (e[0], e[1])
    )
    most = current = 0
    for _, step in events:
        current += step
        most = max(most, current)
    return most


class _Listener:
    def __init__(self, loop_thread: LoopThread, host: str, ssl_context: ssl.SSLContext | None, silent: bool) -> None:
        self.thread = loop_thread
        self.host = host
        self.ssl_context = ssl_context
        self.silent = silent
        self.log = ServerLog()
        self.port = 0
        self.server: asyncio.Server | None = None
        self.flaky: Counter[str] = Counter()

    @property
    def scheme(self) -> str:
        return "https" if self.ssl_context else "http"

    def url(self, path: str) -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    async def start(self) -> None:
        self.server = await asyncio.start_server(
            self._connection, self.host, 0, ssl=self.ssl_context, ssl_handshake_timeout=5 if self.ssl_context else None
        )
        self.port = self.server.sockets[0].getsockname()[1]

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.log.connections += 1
        self.thread.writers.add(writer)
        try:
            if self.silent:
                await asyncio.Event().wait()  # accept, then nothing: until the test run ends
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ssl.SSLError):
                    return
                request = _parse(head, self.host)
                self.log.requests.append(request)
                try:
                    keep_alive = await self._respond(request, writer, reader)
                finally:
                    request.done = time.monotonic()
                if not keep_alive:
                    return
        except (ConnectionError, ssl.SSLError):
            return
        finally:
            self.thread.writers.discard(writer)
            writer.transport.abort()

    async def _respond(self, request: Request, writer: asyncio.StreamWriter, reader: asyncio.StreamReader) -> bool:
        path, _, query = request.target.partition("?")
        params = {k: v[0] for k, v in parse_qs(query).items()}
        parts = path.strip("/").split("/")
        head = request.method == "HEAD"
        name = parts[0]

        async def send(status: int, headers: dict[str, str] | None = None, body: bytes = b"ok", reason: str = "Whatever") -> bool:
            lines = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}", "Content-Type: text/html"]
            lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + (b"" if head else body))
            await writer.drain()
            return True

        def redirect(status: int, location: str, extra: dict[str, str] | None = None) -> Awaitable[bool]:
            return send(status, {"Location": location, **(extra or {})}, b"")

        if name == "ok":
            return await send(200)
        if name == "status":
            extra = {k.title(): v for k, v in params.items()}
            return await send(int(parts[1]), extra, b"" if int(parts[1]) in (204, 304) else b"body")
        if name == "head":
            return await send(int(parts[1]) if head else 200)
        if name == "flaky":
            code, n, key = int(parts[1]), int(parts[2]), parts[3]
            self.flaky[key] += 1
            if self.flaky[key] <= n:
                extra = {"Retry-After": params["retry-after"]} if "retry-after" in params else {}
                return await send(code, extra, b"try again")
            return await send(200)
        if name == "slow":
            await asyncio.sleep(float(parts[1]))
            return await send(200)
        if name == "drip-headers":
            writer.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
            while True:
                await asyncio.sleep(0.05)
                writer.write(b"a")
                await writer.drain()
        if name == "drip-body":
            if head:
                return await send(405)
            writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 100000\r\n\r\n")
            while True:
                await asyncio.sleep(0.05)
                writer.write(b"a")
                await writer.drain()
        if name == "reset-headers":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Ty")
            await writer.drain()
            await asyncio.sleep(0.05)
            _reset(writer)
            return False
        if name == "reset-body":
            if head:
                return await send(405)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 1000)
            await writer.drain()
            await asyncio.sleep(0.05)
            _reset(writer)
            return False
        if name == "garbage":
            writer.write(b"SSH-2.0-OpenSSH_9.6\r\n\x00\xff\xfe not http at all\r\n\r\n")
            await writer.drain()
            return False
        if name == "huge-headers":
            writer.write(b"HTTP/1.1 200 OK\r\n")
            line = b"X-Padding: " + b"a" * 8000 + b"\r\n"
            for _ in range(1000):  # 8 MB of headers, unless the client hangs up first
                writer.write(line)
                await writer.drain()
            return False
        if name == "endless":
            if head:
                return await send(405)
            code = int(parts[1]) if len(parts) > 1 else 200
            writer.write(f"HTTP/1.1 {code} Whatever\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n".encode())
            chunk = b"%x\r\n%s\r\n" % (65536, b"z" * 65536)
            while True:
                writer.write(chunk)
                await writer.drain()
        if name == "gzip-bomb":
            if head:
                return await send(405)
            code = int(parts[1]) if len(parts) > 1 else 200
            return await send(code, {"Content-Encoding": "gzip"}, gzip_bomb())
        if name == "cloudflare":
            return await send(403, {"Server": "cloudflare", "CF-RAY": "8f0000000000abcd-AMS", "cf-mitigated": "challenge"}, CHALLENGE_PAGE)
        if name == "cloudflare-503":
            return await send(503, {"Server": "cloudflare"}, CHALLENGE_PAGE)
        if name == "chain":
            codes = [c for c in (parts[1] if len(parts) > 1 else "").split(",") if c]
            if not codes:
                return await send(200)
            return await redirect(int(codes[0]), "/chain/" + ",".join(codes[1:]))
        if name == "deep":
            n = int(parts[1])
            return await send(200) if n == 0 else await redirect(301, f"/deep/{n - 1}")
        if name == "loop":
            return await redirect(302, "/loop")
        if name == "loop2":
            return await redirect(307, "/loop2/b" if parts[1] == "a" else "/loop2/a")
        if name == "to":
            return await redirect(302, params["location"])
        if name == "hang-up-next":
            # Keep-alive is implied (HTTP/1.1, no Connection: close), so the client reuses this
            # connection; the next request on it gets no answer at all.
            await send(200)
            with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
                await reader.readuntil(b"\r\n\r\n")
            return False
        if name == "oembed":
            asked = parse_qs(params.get("url", "").partition("?")[2])
            video = (asked.get("v") or asked.get("list") or [params.get("url", "").rstrip("/").rpartition("/")[2]])[0]
            for prefix, code in (("ok", 200), ("private", 401), ("forbidden", 403), ("gone", 404), ("busy", 503)):
                if video.startswith(prefix):
                    body = b'{"type": "video", "title": "A lecture"}' if code == 200 else b"Unauthorized" if code == 401 else b"Not Found"
                    return await send(code, {"Content-Type": "application/json"} if code == 200 else None, body)
            return await send(400, body=b"Bad Request")
        if name == "cookie-check":
            if "seen=1" in request.headers.get("cookie", ""):
                return await send(200)
            return await redirect(302, "/cookie-check", {"Set-Cookie": "seen=1; Path=/"})
        return await send(404, body=b"no such behaviour")


def _parse(head: bytes, host: str) -> Request:
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    return Request(method, target, headers, time.monotonic(), host)


def _reset(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        # Linger 0: close() sends RST instead of FIN.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class LoopThread:
    """An event loop in a daemon thread that hosts the listeners."""

    def __init__(self) -> None:
        gzip_bomb()  # built here, not on first request: it takes a moment and would stall the loop
        self.loop = asyncio.new_event_loop()
        self.writers: set[asyncio.StreamWriter] = set()
        self.listeners: list[_Listener] = []
        self._thread = threading.Thread(target=self.loop.run_forever, name="misbehaving-servers", daemon=True)
        self._thread.start()

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        future: concurrent.futures.Future[T] = asyncio.run_coroutine_threadsafe(coro, self.loop)
        return future.result(timeout=30)

    def listen(self, host: str = "127.0.0.1", *, ssl_context: ssl.SSLContext | None = None, silent: bool = False) -> _Listener:
        assert host.startswith("127."), "test servers listen on loopback only"
        listener = _Listener(self, host, ssl_context, silent)
        self.call(listener.start())
        self.listeners.append(listener)
        return listener

    def close(self) -> None:
        async def shutdown() -> None:
            for listener in self.listeners:
                assert listener.server is not None
                listener.server.close()
            for writer in list(self.writers):
                writer.transport.abort()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for listener in self.listeners:
                assert listener.server is not None
                await listener.server.wait_closed()

        self.call(shutdown())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        self.loop.close()


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on (bound, then released): connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def q(text: str) -> str:
    return quote(text, safe="")
