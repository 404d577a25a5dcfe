"""The progress file a learner exports from the site (site/assets/js/progress.js), read for
`roadmap plan --progress FILE`: the same schema, read as strictly as the browser reads it.

Version 2 (written by the site since exercises and review):

    {"version": 2,
     "start": "2027-01-04",                                   # optional: the plan's start date
     "topics": {"<topic id>": {"status": "done" | "in-progress" | "skipped", "on": "YYYY-MM-DD"}},
     "exercises": {"<topic id>": {"<exercise number>": {"mark": "got-it" | "not-yet", "on": "YYYY-MM-DD"}}}}

Version 1 (older exports, still read): {"version": 1, "topics": {"<topic id>": "<status>"}}, with
no dates: a topic done without a date counts as done the day before the start.

Everything is hostile until checked: the file is bounded in size, every value is type-checked,
dates are real dates from 2000 to 2100, and entries for topics this roadmap does not have are
left out (a progress file outlives renamed topics).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.plan.timetable import Progress

MAX_BYTES = 1_000_000  # the site refuses bigger files too
STATUSES = ("done", "in-progress", "skipped")
MARKS = ("got-it", "not-yet")
_FIRST, _LAST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


class ProgressFileError(ValueError):
    """A progress file that cannot be read, with what is wrong in it."""


@dataclass(frozen=True)
class StoredProgress:
    """A progress file's content, checked."""

    topics: dict[str, tuple[str, dt.date | None]] = field(default_factory=dict)  # id -> (status, day)
    exercises: dict[str, dict[int, tuple[str, dt.date]]] = field(default_factory=dict)  # id -> number -> (mark, day)
    start: dt.date | None = None


def parse_day(value: object, where: str) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise ProgressFileError(f"{where} is not a date written YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ProgressFileError(f"{where} ({value!r}) is not a real date") from None
    if not _FIRST <= day <= _LAST:
        raise ProgressFileError(f"{where} ({value}) is not between 2000 and 2100")
    return day


def read_progress(path: Path, topics: set[str] | frozenset[str]) -> StoredProgress:
    """The progress in `path` for the topics of this roadmap; raises ProgressFileError."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ProgressFileError(f"cannot read it: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ProgressFileError(f"it is over {MAX_BYTES // 1000} KB; a progress file is a few KB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ProgressFileError("it is not a JSON file exported by the site's progress tools") from None
    return parse_progress(data, topics)


def parse_progress(data: Any, topics: set[str] | frozenset[str]) -> StoredProgress:
    if not isinstance(data, dict) or data.get("version") not in (1, 2) or isinstance(data.get("version"), bool):
        version = data.get("version") if isinstance(data, dict) else None
        raise ProgressFileError(f"unsupported progress version {json.dumps(version)} (expected 1 or 2)")
    entries = data.get("topics", {})
    if not isinstance(entries, dict):
        raise ProgressFileError("`topics` is not a mapping of topic ids")
    out: dict[str, tuple[str, dt.date | None]] = {}
    for tid, value in entries.items():
        if data["version"] == 1:
            status, day = value, None
        elif isinstance(value, dict):
            status = value.get("status")
            day = parse_day(value["on"], f"the date of `{tid}`") if "on" in value else None
        else:
            raise ProgressFileError(f"`topics.{tid}` is not a mapping with `status` and `on`")
        if status not in STATUSES:
            raise ProgressFileError(f"`{tid}` has status {json.dumps(status)}; expected one of {', '.join(STATUSES)}")
        if tid in topics:
            out[tid] = (status, day)
    marks: dict[str, dict[int, tuple[str, dt.date]]] = {}
    exercises = data.get("exercises", {}) if data["version"] == 2 else {}
    if not isinstance(exercises, dict):
        raise ProgressFileError("`exercises` is not a mapping of topic ids")
    for tid, numbered in exercises.items():
        if not isinstance(numbered, dict):
            raise ProgressFileError(f"`exercises.{tid}` is not a mapping of exercise numbers")
        for key, value in numbered.items():
            if not (isinstance(key, str) and key.isdigit() and 1 <= int(key) <= 6) or not isinstance(value, dict):
                raise ProgressFileError(f"`exercises.{tid}.{key}` is not an exercise number (1 to 6) with a mark")
            if value.get("mark") not in MARKS:
                raise ProgressFileError(f"`exercises.{tid}.{key}` has mark {json.dumps(value.get('mark'))}; expected got-it or not-yet")
            if tid in topics:
                marks.setdefault(tid, {})[int(key)] = (value["mark"], parse_day(value.get("on"), f"the date of `exercises.{tid}.{key}`"))
    start = parse_day(data["start"], "`start`") if data["version"] == 2 and "start" in data else None
    return StoredProgress(out, marks, start)


def as_progress(stored: StoredProgress, start: dt.date) -> Progress:
    """The stored progress as days from `start`, as the timetable reads it."""
    done = {tid: ((day - start).days if day is not None else -1) for tid, (status, day) in stored.topics.items() if status == "done"}
    in_progress = frozenset(tid for tid, (status, _) in stored.topics.items() if status == "in-progress")
    skipped = frozenset(tid for tid, (status, _) in stored.topics.items() if status == "skipped")
    not_yet: dict[str, int] = {}
    for tid, numbered in stored.exercises.items():
        days = [(day - start).days for mark, day in numbered.values() if mark == "not-yet"]
        if tid in done and days and max(days) >= done[tid]:
            not_yet[tid] = max(days)
    return Progress(done=done, in_progress=in_progress, skipped=skipped, not_yet=not_yet)
