"""The rules for a resource's address, in one place: what an address may be (`check_url`, used
by the models) and when two addresses are the same (`normalise_url`, used by the checks
across records and by `roadmap new`)."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SPACE = re.compile(r"\s")  # what str.isspace() calls a space, anywhere in the text
_BLOCKED_HOSTS = re.compile(r"(^|\.)(localhost|local|internal|localdomain|home\.arpa)$")

# Query parameters that only track who clicked (CONTRIBUTING: "What we turn down"), and
# link shorteners, which hide where a link goes and die with their service.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi", "ref", "ref_src"}
)
TRACKING_PREFIXES = ("utm_",)
SHORTENERS = frozenset(
    {
        "bit.ly",
        "bitly.com",
        "tinyurl.com",
        "t.co",
        "goo.gl",
        "ow.ly",
        "is.gd",
        "v.gd",
        "buff.ly",
        "rebrand.ly",
        "cutt.ly",
        "lnkd.in",
        "shorturl.at",
        "tiny.cc",
        "rb.gy",
        "t.ly",
        "amzn.to",
        "amzn.eu",
        "youtu.be",
    }
)
# Full stops a browser reads as the dot between labels (UTS #46 maps them to ".").
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_HEX = re.compile(r"0[xX][0-9a-fA-F]*")
_OCTAL_DIGITS = frozenset("01234567")


def _ipv4_as_browsers_read_it(host: str) -> ipaddress.IPv4Address | None:
    """The WHATWG URL standard's IPv4 parser: 1 to 4 parts, each decimal, octal (a leading 0)
    or hex (0x), the last filling the bytes left; None where a browser would refuse the host."""
    parts = host.split(".")
    if len(parts) > 4 or "" in parts:
        return None
    numbers = []
    for part in parts:
        if _HEX.fullmatch(part):
            numbers.append(int(part[2:] or "0", 16))
        elif part.isascii() and part.isdigit() and len(part) > 1 and part[0] == "0":
            if not set(part) <= _OCTAL_DIGITS:
                return None  # `08`: no number to a browser, which refuses the host
            numbers.append(int(part, 8))
        elif part.isascii() and part.isdigit():
            numbers.append(int(part))
        else:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _ends_in_a_number(host: str) -> bool:
    """Whether a browser reads `host` as an IPv4 address (WHATWG URL: the last label is a number)."""
    last = host.rsplit(".", 1)[-1]
    return bool(last) and ((last.isascii() and last.isdigit()) or bool(_HEX.fullmatch(last)))


def check_url(url: str) -> str:
    """An http(s) URL with no credentials that does not point into a private network."""
    if _SPACE.search(url):
        raise ValueError("contains spaces; percent-encode them (%20) or remove them")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"must start with https:// (or http://), not `{parts.scheme or url}`")
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"has its scheme in capitals; write it in lower case: `{parts.scheme}://{url.split('://', 1)[-1]}`")
    hostname = parts.hostname
    if not hostname:
        raise ValueError("has no host name; write the full address, e.g. https://example.org/page")
    if "@" in parts.netloc:  # what makes urlsplit see a user name or password
        raise ValueError("contains a user name or password; remove the credentials from the address")
    # As a browser reads it: compatibility forms folded (`①②⑦` is 127), other full stops are dots.
    host = unicodedata.normalize("NFKC", hostname.translate(_DOTS)).rstrip(".").lower()
    if ":" in host:
        try:
            address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
        except ValueError:
            address = None
    elif _ends_in_a_number(host):
        # `10.1`, `2130706433`, `0x7f.1` and `0177.0.0.1` are addresses to a browser; only the
        # dotted form is allowed, so that a reader sees the address the link goes to.
        address = _ipv4_as_browsers_read_it(host)
        if address is None or str(address) != host:
            read = f", which browsers read as the address {address}" if address else ""
            raise ValueError(f"points at `{hostname}`{read}; use the site's public host name")
    else:
        address = None
    if address is None:
        if _BLOCKED_HOSTS.search(host) or "." not in host:
            raise ValueError(f"points at `{host}`, which is not a public host name")
    elif not address.is_global:
        raise ValueError(f"points at the private or reserved address {host}; use the public address")
    if port == 0:
        raise ValueError("has port 0, which no server listens on")
    if host in SHORTENERS or host.removeprefix("www.") in SHORTENERS:
        if host == "youtu.be" and parts.path.strip("/"):
            raise ValueError(f"is a short link; use `https://www.youtube.com/watch?v={parts.path.strip('/')}`")
        raise ValueError(f"goes through the link shortener `{host}`; use the address it leads to")
    tracking = [
        name
        for name, _ in parse_qsl(parts.query, keep_blank_values=True)
        if name.lower() in TRACKING_PARAMETERS or name.lower().startswith(TRACKING_PREFIXES)
    ]
    if tracking:
        kept = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if name not in tracking]
        clean = urlunsplit(parts._replace(query=urlencode(kept)))
        names = ", ".join(f"`{name}`" for name in dict.fromkeys(tracking))
        raise ValueError(
            f"has the tracking parameter{'s' if len(tracking) > 1 else ''} {names}; remove {'them' if len(tracking) > 1 else 'it'}: `{clean}`"
        )
    return url


def normalise_url(url: str) -> str:
    """The form two URLs are compared in: case of scheme and host, default port, trailing slash, fragment."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, parts.query, ""))
