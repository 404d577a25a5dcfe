"""The private-address guard: judged on the resolved address, at every hop, before any connection.

Only loopback is ever contacted: the guard is on (allow_private=False) and a single
127.0.0.x address is let through where a test needs one reachable server.
"""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from generator.links import AddressRefused, Verdict
from generator.links._guard import Guard, is_public

from .conftest import Servers, check, deadline, loopback_only
from .servers import q


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),  # multicast
        ("255.255.255.255", False),
        ("192.0.2.1", False),  # documentation
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("::ffff:10.0.0.1", False),
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("64:ff9b::5db8:d70e", True),  # NAT64 of a public address
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_loopback_is_skipped_without_allow_private(servers: Servers) -> None:
    before = servers.plain.log.connections
    run = check(servers.plain.url("/status/200"), allow_private=False)
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.SKIPPED, "private-address")
    assert servers.plain.log.connections == before  # refused before connecting


def test_name_resolving_to_a_private_address_is_skipped(servers: Servers) -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    before = servers.plain.log.connections
    run = check(f"http://innocent.example.invalid:{servers.plain.port}/status/200", allow_private=False, resolver=resolver)
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.SKIPPED, "private-address")
    assert "resolves to 127.0.0.1" in run.one.outcome.detail
    assert servers.plain.log.connections == before


def test_one_private_address_among_allowed_ones_refuses_the_name(servers: Servers) -> None:
    # 127.0.0.2 stands for a public address here; 127.0.0.3 for a private one.
    async def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.2", "127.0.0.3"]

    before = (servers.second.log.connections, servers.third.log.connections)
    run = check(
        f"http://mixed.example.invalid:{servers.second.port}/status/200",
        allow_private=False,
        allowed_networks=loopback_only("127.0.0.2"),
        resolver=resolver,
    )
    assert run.one.outcome.reason == "private-address"
    assert (servers.second.log.connections, servers.third.log.connections) == before


def test_redirect_to_a_private_address_is_refused_at_that_hop(servers: Servers) -> None:
    target = servers.third.url("/status/200")  # 127.0.0.3: not let through
    before = servers.third.log.connections
    run = check(
        servers.second.url("/to?location=" + q(target)),
        allow_private=False,
        allowed_networks=loopback_only("127.0.0.2"),
    )
    assert (run.one.verdict, run.one.outcome.reason) == (Verdict.SKIPPED, "private-address")
    assert target in run.one.outcome.detail
    assert servers.third.log.connections == before  # the guard stopped it: no connection at all
    assert run.elapsed < deadline()


def test_redirect_to_a_name_that_resolves_privately_is_refused(servers: Servers) -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return {"start.example.invalid": ["127.0.0.2"]}.get(host, ["127.0.0.3"])

    before = servers.third.log.connections
    target = f"http://internal.example.invalid:{servers.third.port}/status/200"
    run = check(
        f"http://start.example.invalid:{servers.second.port}/to?location=" + q(target),
        allow_private=False,
        allowed_networks=loopback_only("127.0.0.2"),
        resolver=resolver,
    )
    assert run.one.outcome.reason == "private-address"
    assert servers.third.log.connections == before
    assert run.elapsed < deadline()


def test_allowed_redirect_between_loopback_addresses(servers: Servers) -> None:
    # The control for the two tests above: with both addresses let through, the chain works.
    run = check(
        servers.second.url("/to?location=" + q(servers.third.url("/status/200"))),
        allow_private=False,
        allowed_networks=loopback_only("127.0.0.2", "127.0.0.3"),
    )
    assert run.one.verdict is Verdict.OK


def test_allow_private_lets_everything_through() -> None:
    guard = Guard(allow_private=True)
    assert asyncio.run(guard.addresses("127.0.0.1", 80)) == ["127.0.0.1"]


def test_guard_refuses_ip_literals() -> None:
    guard = Guard(allow_private=False)
    with pytest.raises(AddressRefused):
        asyncio.run(guard.addresses("[::1]", 80))
    with pytest.raises(AddressRefused):
        asyncio.run(guard.addresses("169.254.169.254", 80))
