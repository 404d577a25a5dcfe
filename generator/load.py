"""Strict YAML loading that remembers where every key and value came from.

PyYAML's composer silently resolves anchors, merges keys and keeps the last of
two duplicate keys. We build values straight from the parser's events instead,
so each of those becomes a positioned problem rather than a surprise.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

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

from .problems import DataError, Position, Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32

Loc = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
_STR = "tag:yaml.org,2002:str"
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


@functools.lru_cache(maxsize=4096)
def _resolve_plain(value: str) -> str:
    # The same short plain values (`required`, `book`, ids) recur in every file.
    return str(_resolver.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


class _Mark(NamedTuple):
    """A position as PyYAML's marks give it (0-based), for positions sent between processes."""

    line: int
    column: int


@dataclass
class Document:
    """A loaded YAML file: its value and the position of every key and value in it."""

    path: str
    data: Any
    # PyYAML marks, turned into Positions only when asked: most files never need one.
    values: dict[Loc, Any] = field(default_factory=dict)
    keys: dict[Loc, Any] = field(default_factory=dict)
    # Or, for a document loaded in another process: the marks' (line, column) pairs as two
    # flat arrays, in the order the loader recorded them (see `__getstate__`), expanded on first use.
    packed_marks: tuple[array[int], array[int]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to another process (a forked loader's results), the marks go as two arrays of
        # numbers: thousands of mark objects per file cost more to pickle than parsing saves.
        # Only documents loaded without problems exist, so the walk in `_unpack` fits them.
        if self.packed_marks is not None or not (self.values or self.keys):
            return self.__dict__.copy()
        values = array("l", [n for mark in self.values.values() for n in (mark.line, mark.column)])
        keys = array("l", [n for mark in self.keys.values() for n in (mark.line, mark.column)])
        return {"path": self.path, "data": self.data, "values": {}, "keys": {}, "packed_marks": (values, keys)}

    def _unpack(self) -> None:
        assert self.packed_marks is not None
        value_marks, key_marks = (iter(map(_Mark, flat[::2], flat[1::2])) for flat in self.packed_marks)
        self.packed_marks = None
        values, keys = self.values, self.keys

        # The loader records a node's mark on entry, a key's just before its value: the
        # same walk over the data meets them in the same order.
        def walk(node: Any, loc: Loc) -> None:
            values[loc] = next(value_marks)
            if isinstance(node, dict):
                for k, v in node.items():
                    where = loc + (k,)
                    keys[where] = next(key_marks)
                    walk(v, where)
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, loc + (i,))

        walk(self.data, ())

    def at(self, loc: Loc, *, key: bool = False) -> Position:
        """Where `loc` is written; falls back to the nearest enclosing node that exists."""
        if self.packed_marks is not None:
            self._unpack()
        if key and loc in self.keys:
            return self._position(self.keys[loc])
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if prefix in self.values:
                return self._position(self.values[prefix])
        return Position(self.path)

    def _position(self, mark: Any) -> Position:
        return Position(self.path, mark.line + 1, mark.column + 1)


class _Abort(Exception):
    """Stops building a file whose structure cannot be followed any further."""


class _Builder:
    def __init__(self, path: str, events: Iterator[Event]) -> None:
        self.path = path
        self.events = events
        self.problems: list[Problem] = []
        self.values: dict[Loc, Any] = {}
        self.keys: dict[Loc, Any] = {}

    def pos(self, event: Event) -> Position:
        mark: Any = event.start_mark
        return Position(self.path, mark.line + 1, mark.column + 1)

    def fail(self, event: Event, message: str) -> None:
        self.problems.append(Problem(self.pos(event), message))

    def document(self) -> Any:
        first = next(self.events)
        assert isinstance(first, StreamStartEvent)
        start = next(self.events)
        if isinstance(start, StreamEndEvent):
            self.problems.append(Problem(Position(self.path), "the file is empty; write the record's keys here (see CONTRIBUTING.md)"))
            raise _Abort
        assert isinstance(start, DocumentStartEvent)
        value = self.node(next(self.events), (), 0)
        end = next(self.events)
        assert isinstance(end, DocumentEndEvent)
        extra = next(self.events)
        if isinstance(extra, DocumentStartEvent):
            self.fail(extra, "a second YAML document (`---`); keep one record per file")
        if value is None and not self.problems:
            self.fail(start, "the file holds no keys; write the record's keys here (see CONTRIBUTING.md)")
        return value

    def check_node_event(self, event: NodeEvent) -> None:
        if event.anchor is not None:
            self.fail(event, f"anchor `&{event.anchor}`: anchors and aliases are not allowed; write the value out in full")
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.fail(event, f"tag `{tag}`: YAML tags are not allowed; remove it (quote the value if it must stay text)")

    def node(self, event: Any, loc: Loc, depth: int) -> Any:
        # Hot path: exact-type dispatch, and anchors/tags checked with one test per event.
        if depth > MAX_DEPTH:
            self.fail(event, f"nested more than {MAX_DEPTH} levels deep; records are flat, check the indentation")
            raise _Abort
        self.values[loc] = event.start_mark
        cls = event.__class__
        if cls is AliasEvent:
            self.fail(event, f"alias `*{event.anchor}`: anchors and aliases are not allowed; write the value out in full")
            return None
        if event.anchor is not None or event.tag is not None:
            self.check_node_event(event)
        if cls is ScalarEvent:
            return _scalar(event)
        events = self.events
        if cls is SequenceStartEvent:
            items: list[Any] = []
            while (nxt := next(events)).__class__ is not SequenceEndEvent:
                items.append(self.node(nxt, loc + (len(items),), depth + 1))
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
                and _resolve_plain(key_event.value) == _STR
            ):
                key: str | None = key_event.value
            else:
                key = self.key(key_event, depth)
            value_event = next(events)
            if key is None:
                self.skip(value_event, depth + 1)
                continue
            where = loc + (key,)
            if key in mapping:
                self.fail(key_event, f"duplicate key `{key}` (first at line {keys[where].line + 1}); keep only one")
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
                    self.fail(event, "merge key `<<`: merging is not allowed; write the keys out in full")
                elif isinstance(value, str):
                    return value
                else:
                    self.fail(event, f"key `{event.value}` is not text; keys are field names such as `title`")
            return None
        if isinstance(event, AliasEvent):
            self.fail(event, f"alias `*{event.anchor}` used as a key: keys are field names such as `title`")
            return None
        self.fail(event, "a list or mapping used as a key: keys are field names such as `title`")
        self.skip(event, depth + 1, started=True)
        return None

    def skip(self, event: Event, depth: int, *, started: bool = False) -> None:
        """Consume one node's events, still reporting anchors and tags inside it."""
        if depth > MAX_DEPTH:
            self.fail(event, f"nested more than {MAX_DEPTH} levels deep; records are flat, check the indentation")
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
    tag = _resolve_plain(event.value)
    if tag == _STR:
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return _constructor.yaml_constructors[tag](_constructor, node)
    except (ValueError, yaml.YAMLError, KeyError):
        # e.g. a date-like value that is not a real date: keep the text, the model will judge it
        return event.value


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
        mark, message = context, (
            "this line is not `key: value`: put a space after the key's `:`, or, if it continues "
            "the text above, make that value a `>-` block"
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
    return Problem(position, message or _syntax_hint(problem, char))


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
            [Problem(Position(path, line, col), f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8")]
        ) from None


def _reader_position(path: str, text: str, index: int) -> Position:
    before = text[:index]
    return Position(path, before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1)


def load_text(path: str, text: str) -> Document:
    """Load one YAML document strictly; raise DataError with every problem found."""
    builder = _Builder(path, iter(_events(text)))
    try:
        data = builder.document()
    except _Abort:
        data = None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        position = _reader_position(path, text, exc.position)
        builder.problems.append(
            Problem(position, f"character U+{ord(char):04X} is not allowed in YAML; delete it or replace it")
        )
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(path, text, exc))
    except yaml.YAMLError as exc:
        builder.problems.append(Problem(Position(path), _syntax_hint(str(exc), "")))
    except RecursionError:
        builder.problems.append(Problem(Position(path), "nested too deeply to read; check the indentation"))
    if builder.problems:
        raise DataError(builder.problems)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise DataError([Problem(Document(path, data, builder.values).at(()), f"the file holds {kind}; a record is a mapping of keys such as `title: ...`")])
    return Document(path, data, builder.values, builder.keys)


def _events(text: str) -> Iterator[Event]:
    parser = _Loader(text)
    try:
        # get_event() alone (None at the end) halves the calls into the C parser.
        get = parser.get_event
        while (event := get()) is not None:
            yield event
    finally:
        parser.dispose()


def load_file(file: Path, display: str) -> Document:
    """Read and load a file, refusing oversized and non-UTF-8 files first."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise DataError(
                [Problem(Position(display), f"the file is {size // 1024} KiB, over the {MAX_BYTES // 1024} KiB limit; a record should be far smaller")]
            )
        raw = file.read_bytes()
    except OSError as exc:
        raise DataError([Problem(Position(display), f"cannot read the file: {exc.strerror or exc}")]) from None
    return load_text(display, _decode(display, raw))
