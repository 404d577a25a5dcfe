"""Per-host rules, from `hosts.toml` beside this module: sites that refuse automated checks
(never `broken` for a wall), and YouTube videos checked through oEmbed."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from ._verdicts import FROM_BOT_WALL, GONE_EVEN_BEHIND_WALLS, Outcome, Reason, Verdict, status_text

POLICY_FILE = Path(__file__).with_name("hosts.toml")
DEFAULT_OEMBED = "https://www.youtube.com/oembed"


@dataclass(frozen=True, slots=True)
class HostPolicy:
    """What `hosts.toml` says; tests build their own, naming hosts that reach loopback."""

    walled: frozenset[str] = frozenset()  # domains (and their subdomains) that refuse robots
    youtube: frozenset[str] = frozenset()  # hosts of /watch?v= and /playlist?list= URLs
    youtube_short: frozenset[str] = frozenset()  # hosts of /ID short links (youtu.be)
    oembed: str = DEFAULT_OEMBED

    def is_walled(self, host: str) -> bool:
        host = host.rstrip(".").lower()
        while host:
            if host in self.walled:
                return True
            host = host.partition(".")[2]
        return False

    def oembed_url(self, url: str) -> str | None:
        """The oEmbed address that tells whether a YouTube video or playlist exists, else None."""
        if not self.youtube and not self.youtube_short:
            return None
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").rstrip(".")
        except ValueError:
            return None
        if parts.scheme not in ("http", "https"):
            return None
        path = parts.path.rstrip("/")
        if host in self.youtube:
            wanted = {"/watch": "v", "/playlist": "list"}.get(path)
            video = wanted is not None and bool(parse_qs(parts.query).get(wanted, [""])[0])
        else:
            video = host in self.youtube_short and path.count("/") == 1 and len(path) > 1
        if not video:
            return None
        return f"{self.oembed}?url={quote(url, safe='')}&format=json"

    def key(self) -> str:
        """What of the policy can change a verdict, for the cache's settings fingerprint."""
        return repr((sorted(self.walled), sorted(self.youtube), sorted(self.youtube_short), self.oembed))


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
    unknown = set(data) - {"refuses-robots", "youtube"}
    if unknown:
        raise ValueError(f"{path}: unknown table {sorted(unknown)[0]!r}; the tables are [refuses-robots] and [youtube]")
    walled, youtube = data.get("refuses-robots", {}), data.get("youtube", {})
    if not isinstance(walled, dict) or not isinstance(youtube, dict):
        raise ValueError(f"{path}: [refuses-robots] and [youtube] must be tables")
    oembed = youtube.get("oembed", DEFAULT_OEMBED)
    if not isinstance(oembed, str) or not oembed.startswith(("https://", "http://")):
        raise ValueError(f"{path}: `oembed` must be an http(s) address")
    return HostPolicy(
        walled=_names(walled, "domains", path),
        youtube=_names(youtube, "hosts", path),
        youtube_short=_names(youtube, "short_hosts", path),
        oembed=oembed,
    )


@functools.cache
def load_policy(path: Path = POLICY_FILE) -> HostPolicy:
    """The policy in `path` (the shipped hosts.toml by default), read once."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the host policy ({exc})") from None
    return parse_policy(text, path)


def oembed_outcome(url: str, outcome: Outcome) -> Outcome:
    """The verdict on a YouTube video from its oEmbed check's outcome: its page answers 200
    even when the video is private or deleted, oEmbed does not. 200 is ok; 404 (not from a
    bot wall) is broken: the video is deleted or never was. 401 and 403 are indeterminate:
    YouTube answers them for a private video, but also for a public one whose owner does not
    allow embedding, so one run cannot say; weeks of them are promoted to broken like any
    other indeterminate URL. Anything else is judged as usual."""
    status = outcome.status
    if outcome.verdict in (Verdict.OK, Verdict.REDIRECTED):
        return Outcome(Verdict.OK, None, f"{status_text(status or 200)} from YouTube's oEmbed: the video is there and public", status, url)
    if status == 404 and FROM_BOT_WALL not in outcome.detail:
        return Outcome(
            Verdict.BROKEN, Reason.NOT_FOUND, f"YouTube's oEmbed answers {status_text(status)}: the video is deleted", status, url
        )
    if status in (401, 403) and FROM_BOT_WALL not in outcome.detail:
        detail = (
            f"YouTube's oEmbed answers {status_text(status)}: the video is private, or its owner does not allow embedding; open it to check"
        )
        return Outcome(Verdict.INDETERMINATE, Reason.BLOCKED, detail, status, url)
    return replace(outcome, detail=f"YouTube's oEmbed: {outcome.detail}", final_url=url)


def behind_wall(policy: HostPolicy, url: str, outcome: Outcome) -> Outcome:
    """On a site that refuses robots (hosts.toml), at the start or the end of the redirects,
    only 404, 410 and DNS stay broken; every other failure is indeterminate, reason
    `refuses-robots`, and stays so however long it lasts (the cache never promotes it)."""
    if outcome.verdict not in (Verdict.BROKEN, Verdict.INDETERMINATE) or outcome.reason in GONE_EVEN_BEHIND_WALLS:
        return outcome
    for where in (url, outcome.final_url):
        host = _hostname(where)
        if host and policy.is_walled(host):
            return replace(
                outcome,
                verdict=Verdict.INDETERMINATE,
                reason=Reason.REFUSES_ROBOTS,
                detail=f"{outcome.detail}; {host} refuses automated checks",
            )
    return outcome


def _hostname(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""
