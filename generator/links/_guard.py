"""Refusal of private addresses, decided on the address we are about to connect to.

Checking the URL's text is not enough: a public name can resolve to 10.0.0.1, and a
public page can redirect to http://169.254.169.254/. So the guard sits where sockets are
opened (see `_net`): every connection, first hop or redirect, is resolved here, judged
on every resolved address, and then made to exactly the address that was judged, so a
second DNS answer (rebinding) cannot slip past.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence

from ._config import IPNetwork

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Answers that say the name does not exist, as opposed to "try again later".
_PERMANENT_GAI_ERRORS = frozenset(
    code
    for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None), getattr(socket, "EAI_FAIL", None))
    if code is not None
)


class AddressRefused(Exception):
    """The host resolves to an address we do not connect to (private, loopback, reserved...)."""

    def __init__(self, host: str, address: str) -> None:
        what = f"{host} is" if host == address else f"{host} resolves to {address},"
        super().__init__(f"{what} a private or reserved address; not checked without --allow-private")
        self.host = host
        self.address = address


class NameNotResolved(Exception):
    """DNS has no address for the host (`permanent`), or could not answer now."""

    def __init__(self, host: str, permanent: bool, why: str = "") -> None:
        what = "does not resolve" if permanent else "could not be resolved now"
        super().__init__(f"{host} {what}{f' ({why})' if why else ''}")
        self.host = host
        self.permanent = permanent


def is_public(address: IPAddress) -> bool:
    """Globally routable unicast, judged on the IPv4 address inside mapped/NAT64 IPv6 forms."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        elif address in _NAT64:
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.is_global and not address.is_multicast


def special_use_failure(host: str) -> NameNotResolved | None:
    """RFC 6761 reserves `.invalid` so that it never resolves; we answer without asking DNS,
    which also lets tests fail a lookup with no traffic leaving the machine."""
    name = host.rstrip(".").lower()
    if name == "invalid" or name.endswith(".invalid"):
        return NameNotResolved(host, permanent=True, why="`.invalid` is reserved never to resolve")
    return None


async def system_resolve(host: str, port: int) -> list[str]:
    """The system resolver (getaddrinfo), addresses in its order, duplicates dropped."""
    failure = special_use_failure(host)
    if failure is not None:
        raise failure
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise NameNotResolved(host, exc.errno in _PERMANENT_GAI_ERRORS, exc.strerror or "") from None
    except UnicodeError as exc:
        raise NameNotResolved(host, True, str(exc)) from None
    seen: dict[str, None] = {}
    for *_, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)


class Guard:
    """Resolves hosts once per run and decides which addresses may be connected to."""

    def __init__(self, *, allow_private: bool, allowed_networks: Sequence[IPNetwork] = (), resolver: Resolver | None = None) -> None:
        self.allow_private = allow_private
        self.allowed_networks = tuple(allowed_networks)
        self._resolver = resolver
        # One lookup per host per run, shared by everyone who asks while it is in flight.
        self._lookups: dict[tuple[str, int], asyncio.Future[list[str]]] = {}

    def permitted(self, address: str) -> bool:
        if self.allow_private:
            return True
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
        return is_public(ip) or any(ip in net for net in self.allowed_networks)

    async def addresses(self, host: str, port: int) -> list[str]:
        """Every address `host` resolves to, all of them permitted; else AddressRefused or NameNotResolved."""
        host = host.strip("[]")
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            addresses = await self._resolve(host, port)
        else:
            addresses = [host]
        for address in addresses:
            # A name with one private address among public ones is refused as a whole:
            # which one we reach would be up to the order of DNS answers.
            if not self.permitted(address):
                raise AddressRefused(host, address)
        return addresses

    async def _resolve(self, host: str, port: int) -> list[str]:
        key = (host.lower(), port)
        future = self._lookups.get(key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._lookups[key] = future
            try:
                result = await (self._resolver or system_resolve)(host, port)
                if not result:
                    raise NameNotResolved(host, True, "no addresses")
            except NameNotResolved as exc:
                if not exc.permanent:
                    del self._lookups[key]  # a passing failure: the next attempt asks again
                future.set_exception(exc)
            except BaseException as exc:
                # We were cancelled (our deadline) or failed oddly: whoever else waits on this
                # lookup sees a passing failure and asks again on its next attempt.
                del self._lookups[key]
                future.set_exception(NameNotResolved(host, False, type(exc).__name__))
                future.exception()  # mark it retrieved: nobody may be left to await it
                raise
            else:
                future.set_result(list(result))
        return list(await asyncio.shield(future))
