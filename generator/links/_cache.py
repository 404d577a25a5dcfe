"""The result cache: verdicts that are still fresh, and each URL's history of indeterminate runs.

A JSON file, written atomically at the end of a run. Each verdict has its own lifetime:
a working URL is trusted for days, a broken or indeterminate one is asked again soon,
so a fix shows up at once and a failure is always confirmed fresh before it fails CI.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

from ._verdicts import PERSISTENT_PREFIX, Outcome, Reason, Verdict

FORMAT_VERSION = 1
# The cache is read back from wherever CI restored it, so it is input we check like any other:
# bounded in size, and every entry shaped as we write it, or dropped.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_URL = 8192  # characters of a URL (a cache key or a final URL)
MAX_TEXT = 2000  # characters of a detail
MAX_SETTINGS = 64
MAX_STREAK = 100_000

DEFAULT_LIFETIMES: dict[Verdict, timedelta] = {
    # Shorter than a week, so the weekly CI run always looks again at everything.
    Verdict.OK: timedelta(days=3),
    Verdict.REDIRECTED: timedelta(days=3),
    Verdict.BROKEN: timedelta(0),  # every run: fixed links turn green at once
    Verdict.INDETERMINATE: timedelta(hours=1),  # soon, but not hammering a host that just said 429
    Verdict.SKIPPED: timedelta(0),
}
# Entries not looked at for this long are dropped, so the file does not grow forever.
FORGET_AFTER = timedelta(days=90)
_NEVER = datetime.min.replace(tzinfo=UTC)


class CacheError(Exception):
    """The cache file cannot be read at all (permissions, a folder in its place...)."""


class _BadEntry(ValueError):
    """An entry not in the form `_entry_to_json` writes."""


@dataclass(frozen=True, slots=True)
class Promotion:
    """When an indeterminate URL counts as broken: indeterminate in `runs` consecutive checks
    spanning at least `span`. The span keeps three quick local re-runs from condemning a
    site that is down for an afternoon; with weekly CI, the third bad week promotes it."""

    runs: int = 3
    span: timedelta = timedelta(days=7)


@dataclass(slots=True)
class _Entry:
    outcome: Outcome
    settings: str
    streak: int = 0  # consecutive checks ending indeterminate
    since: datetime | None = None  # the first of them


class Cache:
    """Fresh outcomes by URL plus indeterminate history. `Cache.load(path)`, then `fresh`/`record`, then `save`."""

    def __init__(
        self,
        path: Path | None,
        *,
        settings: str = "",
        lifetimes: dict[Verdict, timedelta] | None = None,
        promotion: Promotion = Promotion(),
    ) -> None:
        self.path = path
        self.settings = settings
        self.lifetimes = {**DEFAULT_LIFETIMES, **(lifetimes or {})}
        self.promotion = promotion
        self._entries: dict[str, _Entry] = {}
        self._changed = False  # a re-run served wholly from the cache leaves the file alone
        # One line for people when the file was set aside or entries were dropped, else None.
        self.problem: str | None = None

    @classmethod
    def load(cls, path: Path, **kwargs: Any) -> Cache:
        """Read the cache at `path`; a missing file is an empty cache.

        A file that is not a cache of ours (not UTF-8, not JSON, truncated, empty, another
        version, too big) is renamed beside itself to `NAME.bad-YYYYmmddTHHMMSSZ` and the run
        starts with an empty cache; an entry not in our form is dropped. Either way `problem`
        says so in one line, never quoting the file. Raises CacheError only when the file
        cannot be read at all.
        """
        cache = cls(path, **kwargs)
        try:
            size = path.stat().st_size
            raw = b"" if size > MAX_FILE_BYTES else path.read_bytes()
        except FileNotFoundError:
            return cache
        except OSError as exc:
            raise CacheError(f"{path}: cannot read the cache ({exc.strerror})") from None
        try:
            if size > MAX_FILE_BYTES:
                raise ValueError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
            entries = _entries_of(raw)
        except ValueError as exc:
            cache.problem = f"{path}: not a usable link-check cache ({exc}); {_set_aside(path)}; starting with an empty cache"
            cache._changed = True  # write a good one at the end
            return cache
        dropped = 0
        for url, value in entries.items():
            try:
                if not isinstance(url, str) or not 0 < len(url) <= MAX_URL:
                    raise _BadEntry("url")
                cache._entries[url] = _entry_from_json(value)
            except _BadEntry:
                dropped += 1
        if dropped:
            cache.problem = f"{path}: dropped {dropped} cache {'entry' if dropped == 1 else 'entries'} not in the expected form; those URLs are checked afresh"
            cache._changed = True
        return cache

    def fresh(self, url: str, now: datetime) -> Outcome | None:
        """The cached outcome for `url` if it is recent enough for its verdict and reached under the same settings."""
        entry = self._entries.get(url)
        if entry is None or entry.settings != self.settings or entry.outcome.checked_at is None:
            return None
        # A time in the future is not fresh (a clock gone wrong, or a forged entry).
        if timedelta(0) <= now - entry.outcome.checked_at < self.lifetimes[entry.outcome.verdict]:
            return entry.outcome
        return None

    def checked_key(self, url: str) -> datetime:
        """When `url` was last checked (the distant past if never), for ordering the queue."""
        entry = self._entries.get(url)
        when = entry.outcome.checked_at if entry is not None else None
        return when if when is not None else _NEVER

    def record(self, url: str, outcome: Outcome) -> Outcome:
        """Remember a freshly checked outcome; return it, promoted to broken when the URL has
        been indeterminate for long enough."""
        assert outcome.checked_at is not None
        if outcome.verdict is Verdict.SKIPPED:
            return outcome
        previous = self._entries.get(url)
        streak, since = 0, None
        # A site that refuses robots says nothing about its pages by refusing: no history.
        if outcome.verdict is Verdict.INDETERMINATE and outcome.reason != Reason.REFUSES_ROBOTS:
            if previous is not None and previous.streak:
                streak, since = previous.streak + 1, previous.since
            else:
                streak, since = 1, outcome.checked_at
            assert since is not None
            if streak >= self.promotion.runs and outcome.checked_at - since >= self.promotion.span:
                outcome = replace(
                    outcome,
                    verdict=Verdict.BROKEN,
                    reason=f"{PERSISTENT_PREFIX}{outcome.reason}",
                    detail=f"{outcome.detail}; indeterminate in {streak} consecutive checks since {since:%Y-%m-%d}",
                )
        self._entries[url] = _Entry(outcome, self.settings, streak, since)
        self._changed = True
        return outcome

    def save(self, now: datetime) -> None:
        """Write the cache atomically (a crash mid-write leaves the old file intact)."""
        if self.path is None or (not self._changed and self.path.exists()):
            return
        # One entry a line, each by json's C encoder: an indented dump is pure Python and
        # would cost a warm re-run more than everything else it does.
        lines = ",\n".join(
            f"  {json.dumps(url, ensure_ascii=False)}: {json.dumps(_entry_to_json(entry), ensure_ascii=False)}"
            for url, entry in sorted(self._entries.items())
            if entry.outcome.checked_at is not None and now - entry.outcome.checked_at < FORGET_AFTER
        )
        text = f'{{"version": {FORMAT_VERSION}, "entries": {{\n{lines}\n}}}}\n'
        import tempfile  # only a run with --cache writes one

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def __len__(self) -> int:
        return len(self._entries)


def format_time(when: datetime | None) -> str | None:
    """UTC, to the second, with a Z: `2026-11-24T08:00:00Z`."""
    if when is None:
        return None
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _entries_of(raw: bytes) -> dict[Any, Any]:
    """The entries object of a cache file's bytes; ValueError saying briefly what is wrong."""
    if not raw.strip():
        raise ValueError("empty file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise ValueError("not JSON we read: nested too deep") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("entries"), dict):
        raise ValueError("not a link-check cache of this version")
    entries: dict[Any, Any] = data["entries"]
    return entries


def _text(raw: dict[str, Any], key: str, limit: int, *, optional: bool = True) -> str | None:
    value = raw.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise _BadEntry(key)
    return value


def _time(raw: dict[str, Any], key: str, *, optional: bool = True) -> datetime | None:
    text = _text(raw, key, 40, optional=optional)
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _BadEntry(key) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def _reason(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        Reason(text.removeprefix(PERSISTENT_PREFIX))
    except ValueError:
        raise _BadEntry("reason") from None
    return text


def _entry_from_json(raw: Any) -> _Entry:
    """An entry exactly as `_entry_to_json` writes it (known verdict and reason, bounded
    strings, a status code, UTC times), else _BadEntry: the file is not trusted."""
    if not isinstance(raw, dict):
        raise _BadEntry("entry")
    try:
        verdict = Verdict(str(raw.get("verdict")))
    except ValueError:
        raise _BadEntry("verdict") from None
    status = raw.get("status")
    if status is not None and (type(status) is not int or not 100 <= status <= 999):
        raise _BadEntry("status")
    streak = raw.get("streak", 0)
    if type(streak) is not int or not 0 <= streak <= MAX_STREAK:
        raise _BadEntry("streak")
    since = _time(raw, "since")
    if streak and since is None:
        raise _BadEntry("since")
    outcome = Outcome(
        verdict=verdict,
        reason=_reason(_text(raw, "reason", 64)),
        detail=_text(raw, "detail", MAX_TEXT, optional=False) or "",
        status=status,
        final_url=_text(raw, "final_url", MAX_URL),
        checked_at=_time(raw, "checked_at", optional=False),
    )
    return _Entry(outcome, _text(raw, "settings", MAX_SETTINGS) or "", streak, since)


def _set_aside(path: Path) -> str:
    """Rename an unusable cache beside itself, kept for a look; say what became of it.
    Only the latest is kept: CI saves the whole folder, and old ones would pile up there."""
    aside = path.with_name(f"{path.name}.bad-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
    try:
        for older in path.parent.glob(f"{glob_escape(path.name)}.bad-*"):
            older.unlink()
        os.replace(path, aside)
    except OSError as exc:
        return f"could not set it aside ({exc.strerror}), so it will be overwritten"
    return f"set aside as {aside.name}"


def _entry_to_json(entry: _Entry) -> dict[str, Any]:
    outcome = entry.outcome
    out: dict[str, Any] = {
        "verdict": outcome.verdict.value,
        "reason": outcome.reason,
        "detail": outcome.detail,
        "status": outcome.status,
        "final_url": outcome.final_url,
        "checked_at": format_time(outcome.checked_at),
        "settings": entry.settings,
    }
    if entry.streak:
        out["streak"] = entry.streak
        out["since"] = format_time(entry.since)
    return out
