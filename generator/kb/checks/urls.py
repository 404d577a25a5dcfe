"""Checks on resource addresses: one resource per address, and https wherever our own data
shows it works."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from generator.kb.checks.registry import Found, Lazy, Records, check
from generator.kb.urls import normalise_url


@check("duplicate-url")
def duplicate_url(records: Records) -> Found:
    first_url: dict[str, tuple[str, Lazy]] = {}
    for rid, (url, doc) in records.urls.items():
        key = normalise_url(url)
        where = Lazy(doc, ("url",))
        if key in first_url:
            other, lazy_other = first_url[key]
            other_at = lazy_other.position
            yield (
                where.position,
                f"`url` is already used by `{other}` ({other_at.path}:{other_at.line}); one resource per address: extend that file's `covers` instead",
            )
        else:
            first_url[key] = (rid, where)


# Top-level domains on the HSTS preload list as a whole: browsers reach every host
# under them over https only, so an http:// address there is always a mistake.
HTTPS_ONLY_TLDS = frozenset({"app", "dev", "page"})


@check("plain-http")
def plain_http(records: Records) -> Found:
    """`http://` addresses where https is known to work, decided without the network.

    The evidence is our own data: the https form of the very address is listed
    already, or another resource reaches the same host over https (its address
    was checked when it was added), or the host is under an https-only TLD.
    Any other http address is left alone; the link checker reports a redirect
    to https when it sees one.
    """
    urls = records.urls
    plain = [rid for rid, (url, _) in urls.items() if url[:5].lower() == "http:"]
    if not plain:
        return  # the usual case: nothing to compare, so no pass over every address
    https_urls: dict[str, str] = {}
    https_hosts: dict[str, str] = {}
    for rid, (url, _) in urls.items():
        parts = urlsplit(url)
        if parts.scheme.lower() == "https" and parts.hostname:
            https_urls.setdefault(normalise_url(url), rid)
            https_hosts.setdefault(parts.hostname.lower().rstrip("."), rid)
    for rid in plain:
        url, doc = urls[rid]
        parts = urlsplit(url)
        if parts.scheme.lower() != "http" or not parts.hostname:
            continue
        host = parts.hostname.lower().rstrip(".")
        secure = urlunsplit(("https", *parts[1:]))
        tld = host.rsplit(".", 1)[-1]
        twin = https_urls.get(normalise_url(secure))
        if twin is not None:
            line = urls[twin][1].at(("url",)).line
            message = (
                f"`url` is the http:// form of the address `{twin}` already uses (resources/{twin}.yml:{line}); "
                "one resource per address: extend that file's `covers` instead"
            )
        elif host in https_hosts:
            message = (
                f"`url` starts with http://, but `{https_hosts[host]}` (resources/{https_hosts[host]}.yml) reaches "
                f"{host} over https://; change it to `{secure}`"
            )
        elif tld in HTTPS_ONLY_TLDS:
            message = f"`url` starts with http://, but .{tld} sites are served over https:// only; change it to `{secure}`"
        else:
            continue
        yield doc.at(("url",)), message
