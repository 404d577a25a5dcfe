"""Strict YAML loading that remembers where every key and value came from.

PyYAML's composer silently resolves anchors, merges keys and keeps the last of
two duplicate keys. We build values straight from the parser's events instead,
so each of those becomes a positioned problem rather than a surprise.
"""

from __future__ import annotations

import errno
import functools
import math
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from generator.kb.problems import DataError, Position, Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32

Loc = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

# Plain scalars are read by the YAML 1.2 core schema (spec 1.2.2, 10.3.2), as editors and the
# JSON Schema tooling read them, not by PyYAML's YAML 1.1 rules: `1:30` is text (1.1: 90),
# `010` is 10 (1.1: 8), `yes` and `on` are text, `1.5e1` is 15.0 (1.1: text), and dates are
# text. tests/kb/test_yaml_core.py holds this to a YAML 1.2 reader on a corpus of scalars.
_CORE: tuple[tuple[re.Pattern[str], Callable[[str], Any]], ...] = (
    (re.compile(r"null|Null|NULL|~|"), lambda text: None),
    (re.compile(r"true|True|TRUE"), lambda text: True),
    (re.compile(r"false|False|FALSE"), lambda text: False),
    (re.compile(r"[-+]?[0-9]+"), int),
    (re.compile(r"0o[0-7]+"), lambda text: int(text[2:], 8)),
    (re.compile(r"0x[0-9a-fA-F]+"), lambda text: int(text[2:], 16)),
    (re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"), float),
    (re.compile(r"[-+]?(\.inf|\.Inf|\.INF)"), lambda text: float(text.replace(".", "", 1))),
    (re.compile(r"\.nan|\.NaN|\.NAN"), lambda text: math.nan),
)


@functools.lru_cache(maxsize=4096)
def _core_type(value: str) -> Callable[[str], Any] | None:
    """How the core schema reads a plain scalar: the function making its value, or None for text.
    (Cached: the same short plain values, `required`, `book`, ids, recur in every file.)"""
    return next((make for pattern, make in _CORE if pattern.fullmatch(value)), None)


@dataclass
class Document:
    """A loaded YAML file: its value and the position of every key and value in it."""

    path: str
    data: Any
    # PyYAML marks, by location. Loading records none (most files never need a position:
    # skipping them is a fifth of the loading time, and documents from another process
    # travel without thousands of marks); the first position asked for parses `text`
    # again, this time noting every mark.
    values: dict[Loc, Any] = field(default_factory=dict)
    keys: dict[Loc, Any] = field(default_factory=dict)
    text: str | None = None  # the file's text while its marks are not recorded yet
    source: str = ""  # the file's text, to find a place inside a value (`inside`)

    def _record_marks(self) -> None:
        assert self.text is not None
        builder = _Builder(self.path, iter(_events(self.text)), record=True)
        self.text = None
        builder.document()  # the same text built without problems before, so it does again
        self.values, self.keys = builder.values, builder.keys

    def at(self, loc: Loc, *, key: bool = False) -> Position:
        """Where `loc` is written; falls back to the nearest enclosing node that exists."""
        if self.text is not None:
            self._record_marks()
        if key and loc in self.keys:
            return self._position(self.keys[loc])
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if prefix in self.values:
                return self._position(self.values[prefix])
        return Position(self.path)

    def inside(self, loc: Loc, value: str, offset: int) -> Position:
        """Where character `offset` of the text `value` at `loc` is written in the file.

        A value's characters are found in the file by what follows them (up to the next space,
        which is where YAML folds lines): the k-th such snippet in the value is the k-th in the
        file after the value's start. Exact in block scalars (`|`, `>-`), the way long fields are
        written; where escapes or folding hide the snippet, the value's own start is given."""
        start = self.at(loc)
        mark = self.values.get(loc)
        if mark is None or not self.source or not 0 <= offset < len(value):
            return start
        while offset < len(value) and value[offset].isspace():
            offset += 1
        match = re.match(r"\S{1,40}", value[offset:])
        if match is None:
            return start
        needle = match.group()
        seen, i = 0, value.find(needle)
        while 0 <= i < offset:
            seen, i = seen + 1, value.find(needle, i + 1)
        at = mark.index
        for _ in range(seen + 1):
            at = self.source.find(needle, at)
            if at < 0:
                return start
            at += 1
        return _reader_position(self.path, self.source, at - 1)

    def _position(self, mark: Any) -> Position:
        return Position(self.path, mark.line + 1, mark.column + 1)


class _Abort(Exception):
    """Stops building a file whose structure cannot be followed any further."""


class _Restart(Exception):
    """A problem whose message needs marks that were not being recorded: build again, recording."""


class _Builder:
    def __init__(self, path: str, events: Iterator[Event], *, record: bool) -> None:
        self.path = path
        self.events = events
        self.record = record  # note each node's and key's mark in `values` and `keys`
        self.restart = False  # set when a problem needs marks that were not recorded
        self.problems: list[Problem] = []
        self.values: dict[Loc, Any] = {}
        self.keys: dict[Loc, Any] = {}

    def pos(self, event: Event) -> Position:
        mark: Any = event.start_mark
        return Position(self.path, mark.line + 1, mark.column + 1)

    def fail(self, event: Event, message: str, check: str) -> None:
        self.problems.append(Problem(self.pos(event), message, check))

    def document(self) -> Any:
        first = next(self.events)
        assert isinstance(first, StreamStartEvent)
        start = next(self.events)
        if isinstance(start, StreamEndEvent):
            self.problems.append(
                Problem(Position(self.path), "the file is empty; write the record's keys here (see CONTRIBUTING.md)", "empty-file")
            )
            raise _Abort
        assert isinstance(start, DocumentStartEvent)
        value = self.node(next(self.events), (), 0)
        end = next(self.events)
        assert isinstance(end, DocumentEndEvent)
        extra = next(self.events)
        if isinstance(extra, DocumentStartEvent):
            self.fail(extra, "a second YAML document (`---`); keep one record per file", "two-documents")
        if value is None and not self.problems:
            self.fail(start, "the file holds no keys; write the record's keys here (see CONTRIBUTING.md)", "empty-file")
        return value

    def check_node_event(self, event: NodeEvent) -> None:
        if event.anchor is not None:
            self.fail(event, f"anchor `&{event.anchor}`: anchors and aliases are not allowed; write the value out in full", "yaml-alias")
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.fail(event, f"tag `{tag}`: YAML tags are not allowed; remove it (quote the value if it must stay text)", "yaml-tag")

    def node(self, event: Any, loc: Loc, depth: int) -> Any:
        # Hot path: exact-type dispatch, and anchors/tags checked with one test per event.
        if depth > MAX_DEPTH:
            self.fail(event, f"nested more than {MAX_DEPTH} levels deep; records are flat, check the indentation", "too-deep")
            raise _Abort
        record = self.record
        if record:
            self.values[loc] = event.start_mark
        cls = event.__class__
        if cls is AliasEvent:
            self.fail(event, f"alias `*{event.anchor}`: anchors and aliases are not allowed; write the value out in full", "yaml-alias")
            return None
        if event.anchor is not None or event.tag is not None:
            self.check_node_event(event)
        if cls is ScalarEvent:
            return _scalar(event)
        events = self.events
        if cls is SequenceStartEvent:
            items: list[Any] = []
            while (nxt := next(events)).__class__ is not SequenceEndEvent:
                items.append(self.node(nxt, (*loc, len(items)) if record else loc, depth + 1))
            return items
        mapping: dict[str, Any] = {}
        keys = self.keys
        key_event: Any
        while (key_event := next(events)).__class__ is not MappingEndEvent:
            if (
                key_event.__class__ is ScalarEvent
                and not key_event.style
                and key_event.anchor is None
                and key_event.tag is None
                and key_event.value != "<<"
                and _core_type(key_event.value) is None
            ):
                key: str | None = key_event.value
            else:
                key = self.key(key_event, depth)
            value_event = next(events)
            if key is None:
                self.skip(value_event, depth + 1)
                continue
            if not record:
                if key in mapping:
                    raise _Restart  # the message names the first key's line
                mapping[key] = self.node(value_event, loc, depth + 1)
                continue
            where = (*loc, key)
            if key in mapping:
                self.fail(key_event, f"duplicate key `{key}` (first at line {keys[where].line + 1}); keep only one", "duplicate-key")
                self.skip(value_event, depth + 1)
                continue
            keys[where] = key_event.start_mark
            mapping[key] = self.node(value_event, where, depth + 1)
        return mapping

    def key(self, event: Event, depth: int) -> str | None:
        if isinstance(event, ScalarEvent):
            self.check_node_event(event)
            if event.anchor is None and event.tag is None:
                value = _scalar(event)
                if event.value == "<<" and event.implicit[0]:
                    self.fail(event, "merge key `<<`: merging is not allowed; write the keys out in full", "yaml-alias")
                elif isinstance(value, str):
                    return value
                else:
                    self.fail(event, f"key `{event.value}` is not text; keys are field names such as `title`", "key-type")
            return None
        if isinstance(event, AliasEvent):
            self.fail(event, f"alias `*{event.anchor}` used as a key: keys are field names such as `title`", "key-type")
            return None
        self.fail(event, "a list or mapping used as a key: keys are field names such as `title`", "key-type")
        self.skip(event, depth + 1, started=True)
        return None

    def skip(self, event: Event, depth: int, *, started: bool = False) -> None:
        """Consume one node's events, still reporting anchors and tags inside it."""
        if depth > MAX_DEPTH:
            self.fail(event, f"nested more than {MAX_DEPTH} levels deep; records are flat, check the indentation", "too-deep")
            raise _Abort
        if isinstance(event, NodeEvent) and not started:
            self.check_node_event(event)
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            end = SequenceEndEvent if isinstance(event, SequenceStartEvent) else MappingEndEvent
            while not isinstance(nxt := next(self.events), end):
                self.skip(nxt, depth + 1)


def _scalar(event: Any) -> Any:
    if event.tag is not None or event.style:
        return event.value  # quoted or block scalars are always text (plain ones have no style)
    make = _core_type(event.value)
    return event.value if make is None else make(event.value)


def _syntax_hint(problem: str, char: str) -> str:
    if char == "\t" or "'\\t'" in problem or "tab character" in problem:
        return "a tab character: YAML indents with spaces only; replace the tab with spaces"
    if "mapping values are not allowed" in problem:
        return (
            "a `:` where YAML did not expect one: if this line is a key, indent it exactly like the keys "
            "above it; if the value contains `: `, put the value in quotes"
        )
    if "expected <block end>" in problem:
        return "this line's indentation does not match the lines around it; align it with its siblings"
    if "could not find expected ':'" in problem:
        return "a key without `:` (or a multi-line value that needs `|` or `>-`); check this line"
    return f"YAML syntax: {problem}; check this line's indentation and quoting"


def _syntax_problem(path: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """One positioned problem for a YAML syntax error, placed where the fix goes."""
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    where = context or mark
    problem, about = exc.problem or str(exc), exc.context or ""
    char = text[mark.index : mark.index + 1] if mark else ""
    message = None
    if "quoted scalar" in about and context:
        # The scanner only notices at the end of the file; the opening quote is what to fix.
        mark, message = context, "this quoted value is never closed; add the closing quote"
    elif char == "\t" or "tab character" in problem:
        pass
    elif "simple key" in about and context:
        # The line that lacks `: ` is where the key started, not the line after it.
        mark, message = (
            context,
            (
                "this line is not `key: value`: put a space after the key's `:`, or, if it continues "
                "the text above, make that value a `>-` block"
            ),
        )
    elif "flow sequence" in about and context:
        mark, message = context, "this `[` list is never closed; add the `]` (or write one `- item` per line)"
    elif "flow mapping" in about and context:
        mark, message = context, "this `{` mapping is never closed; add the `}` (or write one `key: value` per line)"
    elif "block collection" in about and where and mark:
        message = (
            f"this line does not line up with the list that starts at line {where.line + 1}: start each `- ` "
            f"in column {where.column + 1} and line up an item's keys under its first key; a key after the "
            "list goes back to the column of the key above the list"
        )
    elif "block mapping" in about and where and mark:
        if mark.column == where.column:
            message = (
                f"this line is in column {where.column + 1}, where the keys are, but is not `key: value`; "
                "indent it like the text or list above it that it belongs to"
            )
        else:
            message = (
                f"this line starts in column {mark.column + 1}, but the keys here start in column "
                f"{where.column + 1} (as on line {where.line + 1}); indent it exactly like the lines it belongs with"
            )
    position = Position(path, mark.line + 1, mark.column + 1) if mark else Position(path)
    return Problem(position, message or _syntax_hint(problem, char), "yaml-syntax")


def _decode(path: str, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise DataError(
            [Problem(Position(path, line, col), f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8", "encoding")]
        ) from None


def _reader_position(path: str, text: str, index: int) -> Position:
    before = text[:index]
    return Position(path, before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1)


def load_text(path: str, text: str) -> Document:
    """Load one YAML document strictly; raise DataError with every problem found."""
    data, builder = _build(path, text, record=False)
    if builder.problems or builder.restart:
        # Built again noting every mark, so each problem is said exactly as when recording.
        data, builder = _build(path, text, record=True)
    if builder.problems:
        raise DataError(builder.problems)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise DataError(
            [
                Problem(
                    Document(path, data, text=text).at(()),
                    f"the file holds {kind}; a record is a mapping of keys such as `title: ...`",
                    "not-a-mapping",
                )
            ]
        )
    return Document(path, data, text=text, source=text)


def _build(path: str, text: str, *, record: bool) -> tuple[Any, _Builder]:
    """The file's value (None if it could not be built) and the builder, with its problems."""
    builder = _Builder(path, iter(_events(text)), record=record)
    data = None
    try:
        data = builder.document()
    except _Restart:
        builder.restart = True
    except _Abort:
        data = None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        position = _reader_position(path, text, exc.position)
        builder.problems.append(
            Problem(position, f"character U+{ord(char):04X} is not allowed in YAML; delete it or replace it", "bad-character")
        )
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(path, text, exc))
    except yaml.YAMLError as exc:
        builder.problems.append(Problem(Position(path), _syntax_hint(str(exc), ""), "yaml-syntax"))
    except RecursionError:
        builder.problems.append(Problem(Position(path), "nested too deeply to read; check the indentation", "too-deep"))
    return data, builder


def _events(text: str) -> Iterator[Event]:
    parser = _Loader(text)
    try:
        # get_event() alone (None at the end) halves the calls into the C parser.
        get = parser.get_event
        while (event := get()) is not None:
            yield event
    finally:
        parser.dispose()


# Records are read from plain files only: never through a link (which may lead out of the
# repository, to a device, or round in a loop), never from a pipe or a device (which may
# never end, or never answer). O_NOFOLLOW and O_NONBLOCK hold this even for a file that
# changes between the look and the read.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_a_file(display: str, mode: int) -> Problem | None:
    """The problem with reading a record from something of this mode (as `os.lstat` gives it),
    or None for a plain file (and for a folder, which the caller reports)."""
    if stat.S_ISLNK(mode):
        return link_problem(display)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a plain file")
    return Problem(Position(display), f"{kind}, not a plain file; a record is a plain `.yml` file: replace this with one", "not-a-file")


def link_problem(display: str) -> Problem:
    return Problem(
        Position(display),
        "a symbolic link: records are read from plain files only, never through a link; replace the link with the file itself",
        "symlink",
    )


def _size_problem(display: str, size: int | None) -> Problem:
    said = f"the file is {size // 1024} KiB, over" if size is not None else "the file is over"
    return Problem(Position(display), f"{said} the {MAX_BYTES // 1024} KiB limit; a record should be far smaller", "file-size")


def read_record(file: Path, display: str) -> bytes:
    """The bytes of a plain file of at most MAX_BYTES; raise DataError for a link, a pipe,
    a device, a file too big or one that cannot be read (never reading more than MAX_BYTES + 1)."""
    try:
        problem = not_a_file(display, os.lstat(file).st_mode)
        if problem is not None:
            raise DataError([problem])
        fd = os.open(file, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # replaced by a link since the look
            raise DataError([link_problem(display)]) from None
        raise DataError([Problem(Position(display), f"cannot read the file: {exc.strerror or exc}", "unreadable")]) from None
    try:
        info = os.fstat(fd)
        problem = not_a_file(display, info.st_mode)
        if problem is not None:
            raise DataError([problem])
        if info.st_size > MAX_BYTES:
            raise DataError([_size_problem(display, info.st_size)])
        chunks, left = [], MAX_BYTES + 1
        while left > 0 and (chunk := os.read(fd, left)):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise DataError([Problem(Position(display), f"cannot read the file: {exc.strerror or exc}", "unreadable")]) from None
    finally:
        os.close(fd)
    if left <= 0:  # it grew past the limit while being read
        raise DataError([_size_problem(display, None)])
    return b"".join(chunks)


def load_file(file: Path, display: str) -> Document:
    """Read and load a record file, refusing anything but a plain UTF-8 file of at most MAX_BYTES."""
    return load_text(display, _decode(display, read_record(file, display)))
