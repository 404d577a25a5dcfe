"""Fixtures for the link checker: loopback servers, and a check runner with short waits."""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
import trustme

from generator.links import Cache, Config, Result, Target, check_targets

from .servers import LoopThread, _Listener

# Waits cut to a few hundredths of a second so the suite stays fast; the logic is the same.
FAST: dict[str, Any] = dict(
    concurrency=16,
    per_host=8,
    interval=0.0,
    timeout=0.5,
    retries=1,
    backoff=0.01,
    max_backoff=0.05,
    retry_after_default=0.05,
    retry_after_max=1.0,
    allow_private=True,
)


@dataclass
class Servers:
    plain: _Listener  # 127.0.0.1
    silent: _Listener  # 127.0.0.1, accepts and never answers
    second: _Listener  # 127.0.0.2
    third: _Listener  # 127.0.0.3
    tls_good: _Listener  # certificate for 127.0.0.1 from `ca`
    tls_wrong_host: _Listener  # certificate from `ca`, but for another name
    tls_self_signed: _Listener  # a self-signed certificate
    ca: trustme.CA
    thread: LoopThread

    def client_ssl(self) -> ssl.SSLContext:
        """A client context that trusts `ca` (as a browser trusts a real CA)."""
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context


def _server_context(cert_pem: bytes, key_pem: bytes, tmp: Any) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert_file, key_file = tmp / "cert.pem", tmp / "key.pem"
    cert_file.write_bytes(cert_pem)
    key_file.write_bytes(key_pem)
    context.load_cert_chain(cert_file, key_file)
    return context


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    ca = trustme.CA()
    good = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(good)
    wrong = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("somewhere-else.invalid").configure_cert(wrong)
    # The CA's own certificate is self-signed: serving it makes OpenSSL say exactly that.
    self_signed = _server_context(ca.cert_pem.bytes(), ca.private_key_pem.bytes(), tmp_path_factory.mktemp("tls"))
    thread = LoopThread()
    try:
        yield Servers(
            plain=thread.listen("127.0.0.1"),
            silent=thread.listen("127.0.0.1", silent=True),
            second=thread.listen("127.0.0.2"),
            third=thread.listen("127.0.0.3"),
            tls_good=thread.listen("127.0.0.1", ssl_context=good),
            tls_wrong_host=thread.listen("127.0.0.1", ssl_context=wrong),
            tls_self_signed=thread.listen("127.0.0.1", ssl_context=self_signed),
            ca=ca,
            thread=thread,
        )
    finally:
        thread.close()


def loopback_only(*addresses: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(f"{a}/32") for a in addresses)


@dataclass
class Run:
    results: list[Result]
    elapsed: float

    @property
    def one(self) -> Result:
        assert len(self.results) == 1
        return self.results[0]


def check(urls: Sequence[str] | str, *, cache: Cache | None = None, resolver: Any = None, **overrides: Any) -> Run:
    """Check URLs with FAST settings (overridable) in a fresh event loop; time the whole run."""
    if isinstance(urls, str):
        urls = [urls]
    config = Config(**{**FAST, **overrides})
    started = time.monotonic()
    results = asyncio.run(check_targets([Target(u) for u in urls], config, cache=cache, resolver=resolver))
    return Run(results, time.monotonic() - started)


def deadline(timeout: float = FAST["timeout"], retries: int = FAST["retries"], slack: float = 2.0) -> float:
    """The most a single URL may take: every attempt (HEAD and GET) to its deadline, plus slack
    for backoff and a busy machine. Generous on purpose: it catches hangs, not slowness."""
    return (retries + 1) * 2 * timeout + slack
