"""Per-host rules, from `hosts.toml` beside this module: sites that refuse automated checks
(never `broken` for a wall)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ._verdicts import GONE_EVEN_BEHIND_WALLS, Outcome, Reason, Verdict

POLICY_FILE = Path(__file__).with_name("hosts.toml")


@dataclass(frozen=True, slots=True)
class HostPolicy:
    """What `hosts.toml` says; tests build their own, naming hosts that reach loopback."""

    walled: frozenset[str] = frozenset()  # domains (and their subdomains) that refuse robots

    def is_walled(self, host: str) -> bool:
        host = host.rstrip(".").lower()
        while host:
            if host in self.walled:
                return True
            host = host.partition(".")[2]
        return False

    def key(self) -> str:
        """What of the policy can change a verdict, for the cache's settings fingerprint."""
        return repr(sorted(self.walled))


def _names(table: dict[str, object], key: str, path: Path) -> frozenset[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{path}: `{key}` must be a list of host names")
    return frozenset(v.strip().rstrip(".").lower() for v in value)


def parse_policy(text: str, path: Path) -> HostPolicy:
    """The policy in a hosts.toml text; ValueError naming the file and what is wrong."""
    import tomllib  # only a run that checks something reads the policy

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML ({exc})") from None
    unknown = set(data) - {"refuses-robots"}
    if unknown:
        raise ValueError(f"{path}: unknown table {sorted(unknown)[0]!r}; the table is [refuses-robots]")
    walled = data.get("refuses-robots", {})
    if not isinstance(walled, dict):
        raise ValueError(f"{path}: [refuses-robots] must be a table")
    return HostPolicy(walled=_names(walled, "domains", path))


@functools.cache
def load_policy(path: Path = POLICY_FILE) -> HostPolicy:
    """The policy in `path` (the shipped hosts.toml by default), read once."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the host policy ({exc})") from None
    return parse_policy(text, path)


def behind_wall(policy: HostPolicy, url: str, outcome: Outcome) -> Outcome:
    """On a site that refuses robots (hosts.toml), at the start or the end of the redirects,
    only 404, 410 and DNS stay broken; every other failure is indeterminate, reason
    `refuses-robots`, and stays so however long it lasts (the cache never promotes it)."""
    if outcome.verdict not in (Verdict.BROKEN, Verdict.INDETERMINATE) or outcome.reason in GONE_EVEN_BEHIND_WALLS:
        return outcome
    for where in (url, outcome.final_url):
        host = _hostname(where)
        if host and policy.is_walled(host):
            return replace(outcome, verdict=Verdict.INDETERMINATE, reason=Reason.REFUSES_ROBOTS, detail=f"{outcome.detail}; {host} refuses automated checks")
    return outcome


def _hostname(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""
