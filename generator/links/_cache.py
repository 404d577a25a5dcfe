"""The result cache: verdicts that are still fresh, and each URL's history of indeterminate runs.

A JSON file, written atomically at the end of a run. Each verdict has its own lifetime:
a working URL is trusted for days, a broken or indeterminate one is asked again soon,
so a fix shows up at once and a failure is always confirmed fresh before it fails CI.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ._verdicts import PERSISTENT_PREFIX, Outcome, Verdict

FORMAT_VERSION = 1

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


class CacheError(Exception):
    """The cache file cannot be used (unreadable, or not one of ours)."""


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

    @classmethod
    def load(cls, path: Path, **kwargs: Any) -> Cache:
        """Read the cache at `path`; a missing file is an empty cache. Raises CacheError."""
        cache = cls(path, **kwargs)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cache
        except OSError as exc:
            raise CacheError(f"{path}: cannot read the cache ({exc.strerror})") from None
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
                raise ValueError("not a link-check cache of this version")
            for url, raw in data["entries"].items():
                cache._entries[url] = _entry_from_json(raw)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CacheError(f"{path}: not a usable link-check cache ({exc}); delete it to start afresh") from None
        return cache

    def fresh(self, url: str, now: datetime) -> Outcome | None:
        """The cached outcome for `url` if it is recent enough for its verdict and reached under the same settings."""
        entry = self._entries.get(url)
        if entry is None or entry.settings != self.settings or entry.outcome.checked_at is None:
            return None
        if now - entry.outcome.checked_at < self.lifetimes[entry.outcome.verdict]:
            return entry.outcome
        return None

    def record(self, url: str, outcome: Outcome) -> Outcome:
        """Remember a freshly checked outcome; return it, promoted to broken when the URL has
        been indeterminate for long enough."""
        assert outcome.checked_at is not None
        if outcome.verdict is Verdict.SKIPPED:
            return outcome
        previous = self._entries.get(url)
        streak, since = 0, None
        if outcome.verdict is Verdict.INDETERMINATE:
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
        if self.path is None or not self._changed and self.path.exists():
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


def _time(text: str | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value


def format_time(when: datetime | None) -> str | None:
    """UTC, to the second, with a Z: `2026-11-24T08:00:00Z`."""
    if when is None:
        return None
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _entry_from_json(raw: dict[str, Any]) -> _Entry:
    outcome = Outcome(
        verdict=Verdict(raw["verdict"]),
        reason=raw.get("reason"),
        detail=str(raw.get("detail", "")),
        status=raw.get("status"),
        final_url=raw.get("final_url"),
        checked_at=_time(raw["checked_at"]),
    )
    return _Entry(outcome, str(raw.get("settings", "")), int(raw.get("streak", 0)), _time(raw.get("since")))


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
