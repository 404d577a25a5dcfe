"""The registry of checks across records, and the records they look at.

A check is a small function from `Records` to the places and messages it finds,
registered under its id with `@check("id")`; calling it gives `Problem`s that
carry that id. Problems found in one file (its name, its YAML, its fields) carry
ids too: `FILE_CHECKS` lists them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from generator.kb.models import Resource, Stage, StagesFile, Topic
from generator.kb.problems import Position, Problem, closest
from generator.kb.strict_yaml import Document, Loc

Found = Iterator[tuple[Position, str]]
Check = Callable[["Records"], list[Problem]]

#: The cross-record checks by id, in the order they were registered.
CROSS_CHECKS: dict[str, Check] = {}

#: Ids of the problems found in one file before records are compared.
FILE_CHECKS = (
    # the file and its place (generator/kb/loading.py, generator/kb/strict_yaml.py)
    "stages-file", "stray-folder", "yaml-extension", "stray-file", "file-name",
    "file-size", "unreadable", "symlink", "not-a-file", "encoding",
    # its YAML (generator/kb/strict_yaml.py)
    "bad-character", "yaml-syntax", "empty-file", "two-documents", "not-a-mapping",
    "duplicate-key", "yaml-alias", "yaml-tag", "key-type", "too-deep",
    # its fields, against the models (generator/kb/checks/fields.py)
    "missing-field", "unknown-key", "field-type", "choice", "id-format", "empty-field",
    "field-length", "field-range", "text", "url", "isbn", "authors-or-provider", "needs-covers", "field",
    # its Markdown fields and formulas (generator/kb/markdown.py, generator/kb/tex.py)
    "markdown", "tex", "maths-as-text",
    # a pull request's edit to a file the generator writes (generator/review/pr.py)
    "generated-file",
)  # fmt: skip


def check(check_id: str) -> Callable[[Callable[[Records], Found]], Check]:
    """Register a function yielding (position, message) as the check `check_id`."""

    def register(find: Callable[[Records], Found]) -> Check:
        assert check_id not in CROSS_CHECKS and check_id not in FILE_CHECKS, check_id

        @functools.wraps(find)
        def run(records: Records) -> list[Problem]:
            return [Problem(where, message, check_id) for where, message in find(records)]

        CROSS_CHECKS[check_id] = run
        return run

    return register


class Lazy:
    """Where something is written, resolved only if a problem is reported there."""

    __slots__ = ("doc", "loc")

    def __init__(self, doc: Document, loc: Loc) -> None:
        self.doc, self.loc = doc, loc

    @property
    def position(self) -> Position:
        return self.doc.at(self.loc)


Edges = Mapping[str, Mapping[str, tuple[str, Lazy]]]


@dataclass(frozen=True)
class Partial:
    """What a record that failed its own checks still says plainly: each reference whose
    value has no problem of its own (`partial.read_topic`, `partial.read_resource`). Checks across records judge
    these as they judge valid records, so one run reports a field error and a misspelt
    topic id side by side."""

    doc: Document
    stage: str | None = None  # a topic's stage
    prerequisites: tuple[tuple[int, str], ...] = ()  # a topic's: (index in the list, topic)
    covers: tuple[tuple[int, str], ...] = ()  # a resource's: (index in the list, topic)
    url: str | None = None  # a resource's


@dataclass
class Records:
    """Every record that passed its own checks, and what the checks across them share.

    `stages_file` is None when the stages file itself is broken or missing (its problems
    are reported already); `broken_topics` are the ids of topic files that exist but
    failed validation, so references to them are not reported as unknown;
    `covered_elsewhere` are topics named by resource files that failed validation.
    `partial_topics` and `partial_resources` are what the records that failed validation
    (but were read as YAML mappings) still say plainly: the reference checks judge those too.
    """

    stages_file: tuple[StagesFile, Document] | None
    topics: Mapping[str, tuple[Topic, Document]]
    resources: Mapping[str, tuple[Resource, Document]]
    broken_topics: frozenset[str] = field(default_factory=frozenset)
    covered_elsewhere: frozenset[str] = field(default_factory=frozenset)
    partial_topics: Mapping[str, Partial] = field(default_factory=dict)
    partial_resources: Mapping[str, Partial] = field(default_factory=dict)

    @cached_property
    def stages(self) -> dict[str, Stage] | None:
        """The stages by id (the first of a repeated id), or None without a valid stages file."""
        if self.stages_file is None:
            return None
        stages: dict[str, Stage] = {}
        for stage in self.stages_file[0].stages:
            stages.setdefault(stage.id, stage)
        return stages

    @cached_property
    def stage_order(self) -> dict[str, int]:
        return {sid: stage.order for sid, stage in (self.stages or {}).items()}

    @cached_property
    def known(self) -> frozenset[str]:
        """Every topic id a reference may name: valid topics and those whose file is broken."""
        return frozenset(self.topics) | self.broken_topics

    @cached_property
    def edges(self) -> dict[str, dict[str, tuple[str, Lazy]]]:
        """Each topic's prerequisites that name another valid topic, first mention only:
        (strength, where the edge is written) by prerequisite."""
        edges = {}
        for tid, (topic, doc) in self.topics.items():
            out: dict[str, tuple[str, Lazy]] = {}
            for i, pre in enumerate(topic.prerequisites):
                if pre.topic != tid and pre.topic in self.topics and pre.topic not in out:
                    out[pre.topic] = (pre.strength, Lazy(doc, ("prerequisites", i, "topic")))
            edges[tid] = out
        return edges

    @cached_property
    def prerequisite_topics(self) -> dict[str, tuple[str, ...]]:
        """The topics each topic's `prerequisites` name, in order (readable ones, for a partial
        record). Checks compare these as sets first and look at a record's entries one by one
        (`prerequisites_of`) only when something is wrong: thousands of records pass every check."""
        found = {tid: tuple([pre.topic for pre in topic.prerequisites]) for tid, (topic, _) in self.topics.items()}
        found.update((tid, tuple([name for _, name in part.prerequisites])) for tid, part in self.partial_topics.items())
        return found

    @cached_property
    def cover_topics(self) -> dict[str, tuple[str, ...]]:
        """The topics each resource's `covers` name, in order (compared as `prerequisite_topics` are)."""
        found = {rid: tuple([cover.topic for cover in resource.covers]) for rid, (resource, _) in self.resources.items()}
        found.update((rid, tuple([name for _, name in part.covers])) for rid, part in self.partial_resources.items())
        return found

    def prerequisites_of(self, tid: str) -> tuple[Document, list[tuple[int, str]]]:
        """A topic's file and its prerequisites as (index in the list, topic), valid or partial."""
        if tid in self.topics:
            topic, doc = self.topics[tid]
            return doc, [(i, pre.topic) for i, pre in enumerate(topic.prerequisites)]
        part = self.partial_topics[tid]
        return part.doc, list(part.prerequisites)

    def covers_of(self, rid: str) -> tuple[Document, list[tuple[int, str]]]:
        """A resource's file and its covers as (index in the list, topic), valid or partial."""
        if rid in self.resources:
            resource, doc = self.resources[rid]
            return doc, [(i, cover.topic) for i, cover in enumerate(resource.covers)]
        part = self.partial_resources[rid]
        return part.doc, list(part.covers)

    @cached_property
    def topic_files(self) -> dict[str, Document]:
        """Every topic's file whose record is valid or partial, by id."""
        return {**{tid: doc for tid, (_, doc) in self.topics.items()}, **{tid: part.doc for tid, part in self.partial_topics.items()}}

    @cached_property
    def resource_files(self) -> dict[str, Document]:
        """Every resource's file whose record is valid or partial, by id."""
        return {**{rid: doc for rid, (_, doc) in self.resources.items()}, **{rid: part.doc for rid, part in self.partial_resources.items()}}

    @cached_property
    def stage_names(self) -> dict[str, tuple[str, Document]]:
        """Each topic's `stage` and file, where it can be read, by topic id."""
        found = {tid: (topic.stage, doc) for tid, (topic, doc) in self.topics.items()}
        found.update((tid, (part.stage, part.doc)) for tid, part in self.partial_topics.items() if part.stage is not None)
        return found

    @cached_property
    def urls(self) -> dict[str, tuple[str, Document]]:
        """Each resource's `url` and file, where it can be read, by resource id, sorted by id."""
        found = {rid: (resource.url, doc) for rid, (resource, doc) in self.resources.items()}
        found.update((rid, (part.url, part.doc)) for rid, part in self.partial_resources.items() if part.url is not None)
        return dict(sorted(found.items()))

    @cached_property
    def covered(self) -> frozenset[str]:
        """Topics some resource covers, or may mean to: a misspelt cover is one mistake, so the
        topic it meant is not also "uncovered"; a broken resource file may cover any topic it names."""
        named: set[str] = set().union(*self.cover_topics.values())
        found = (named & self.known) | self.covered_elsewhere
        meant = (closest(name, self.known) for name in named - self.known)
        return frozenset(found | {name for name in meant if name is not None})
