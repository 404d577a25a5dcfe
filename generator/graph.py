"""The Roadmap: every validated record, and the questions one asks of the graph."""

from __future__ import annotations

import gc
import heapq
import itertools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import status
from .checks import cross_problems, record_problems
from .load import Document, load_file
from .models import AREAS, ID_PATTERN, LEVELS, Resource, Stage, StagesFile, Topic
from .parallel import map_on_cores
from .problems import DataError, Position, Problem, RootError

STAGES_FILE = "stages.yml"
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class Roadmap:
    """Validated stages, topics and resources, with the position of every record."""

    stages: tuple[Stage, ...]
    topics: dict[str, Topic]
    resources: dict[str, Resource]
    documents: dict[str, Document] = field(default_factory=dict, compare=False, repr=False)

    # -- positions -----------------------------------------------------------------
    def topic_path(self, tid: str) -> str:
        return f"roadmap/{tid}.yml"

    def resource_path(self, rid: str) -> str:
        return f"resources/{rid}.yml"

    def url_position(self, rid: str) -> Position:
        """Where a resource's `url` is written (for link reports)."""
        path = self.resource_path(rid)
        doc = self.documents.get(path)
        return doc.at(("url",)) if doc else Position(path)

    # -- lookups -------------------------------------------------------------------
    @cached_property
    def stage_by_id(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.stages}

    def sort_key(self, tid: str) -> tuple[int, int, str]:
        """Stage, then area, then id: the stable order used wherever there is a free choice."""
        return self._sort_keys[tid]

    @cached_property
    def _sort_keys(self) -> dict[str, tuple[int, int, str]]:
        # Pages sort topics this way hundreds of thousands of times in a big knowledge base.
        order = {stage.id: stage.order for stage in self.stages}
        return {tid: (order[t.stage], AREAS.index(t.area), tid) for tid, t in self.topics.items()}

    @cached_property
    def dependents(self) -> dict[str, list[str]]:
        """For each topic, the topics that list it as a prerequisite (any strength), sorted."""
        out: dict[str, list[str]] = {tid: [] for tid in self.topics}
        for tid, topic in self.topics.items():
            for pre in topic.prerequisites:
                out[pre.topic].append(tid)
        for children in out.values():
            children.sort(key=self.sort_key)
        return out

    @cached_property
    def covering(self) -> dict[str, list[str]]:
        """For each topic, the ids of the resources that cover it, best first."""
        out: dict[str, list[str]] = {tid: [] for tid in self.topics}
        for rid, resource in self.resources.items():
            for cover in resource.covers:
                out[cover.topic].append(rid)
        # A resource ranks the same for every topic it covers: one key each, not one per cover.
        rank = {rid: self.resource_rank(rid, "") for rid in self.resources}
        for rids in out.values():
            rids.sort(key=rank.__getitem__)
        return out

    def resource_rank(self, rid: str, tid: str | None = None) -> tuple[int, int, int, str]:
        """Best first: a resource made for this topic's level, free before paid, then by level and title."""
        resource = self.resources[rid]
        cost = {"free": 0, "free-to-audit": 1, "paid": 2}[resource.cost]
        level = LEVELS.index(resource.level)
        focus = 0
        if tid is not None:
            # Resources that teach few topics are usually the more focused read for this one.
            focus = 0 if len(resource.covers) <= 3 else 1
        return (cost, level, focus, resource.title.lower())

    def sections(self, rid: str, tid: str) -> str:
        """What to read of resource `rid` for topic `tid`: its `covers` entry's sections."""
        return next(c.sections for c in self.resources[rid].covers if c.topic == tid)

    def prerequisites(self, tid: str, *, include_recommended: bool = False) -> list[str]:
        topic = self.topics[tid]
        return [p.topic for p in topic.prerequisites if include_recommended or p.strength == "required"]

    def ancestors(self, tid: str, *, include_recommended: bool = False) -> set[str]:
        """Everything `tid` needs, directly or not."""
        seen: set[str] = set()
        todo = [tid]
        while todo:
            for pre in self.prerequisites(todo.pop(), include_recommended=include_recommended):
                if pre not in seen:
                    seen.add(pre)
                    todo.append(pre)
        return seen

    def builds_on(self, tid: str) -> tuple[int, float]:
        """How many topics `tid` builds on (prerequisites of any strength, directly or not),
        and their hours in all. Cheap for every topic of a big graph, unlike `ancestors`."""
        bits, ids, hours_masks = self._ancestor_bits
        mine = bits[tid]
        if hours_masks is None:
            hours = sum(self.topics[ids[i]].hours for i in range(mine.bit_length()) if mine >> i & 1)
        else:
            hours = sum(h * (mine & mask).bit_count() for h, mask in hours_masks)
        return mine.bit_count(), hours

    @cached_property
    def _ancestor_bits(self) -> tuple[dict[str, int], list[str], list[tuple[float, int]] | None]:
        # Each topic's ancestors as one integer bitset, built in study order from its
        # prerequisites' sets: E * N / 64 word operations for E edges, where walking the
        # graph from every topic costs the sum of all ancestor counts (quadratic in long chains).
        index_of = {tid: i for i, tid in enumerate(self.topics)}
        bits: dict[str, int] = {}
        for tid in self.topological_order():
            mine = 0
            for pre in self.topics[tid].prerequisites:
                mine |= bits[pre.topic] | 1 << index_of[pre.topic]
            bits[tid] = mine
        # Hours come in a few round values: one mask per value turns a sum into popcounts.
        by_hours: dict[float, int] = {}
        for tid, i in index_of.items():
            hours = self.topics[tid].hours
            by_hours[hours] = by_hours.get(hours, 0) | 1 << i
        masks = sorted(by_hours.items()) if len(by_hours) <= 64 else None
        return bits, list(index_of), masks

    def descendants(self, tid: str) -> set[str]:
        """Everything that needs `tid`, directly or not."""
        seen: set[str] = set()
        todo = [tid]
        while todo:
            for child in self.dependents[todo.pop()]:
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen

    def topological_order(self, subset: Iterable[str] | None = None) -> list[str]:
        """Topics in an order where every prerequisite (any strength) comes first; ties by `sort_key`."""
        nodes = set(self.topics if subset is None else subset)
        indegree = {tid: sum(1 for p in self.topics[tid].prerequisites if p.topic in nodes) for tid in nodes}
        heap = [(self.sort_key(tid), tid) for tid, deg in indegree.items() if deg == 0]
        heapq.heapify(heap)
        order: list[str] = []
        while heap:
            _, tid = heapq.heappop(heap)
            order.append(tid)
            for child in self.dependents[tid]:
                if child in indegree:
                    indegree[child] -= 1
                    if indegree[child] == 0:
                        heapq.heappush(heap, (self.sort_key(child), child))
        return order

    def topics_in_stage(self, sid: str) -> list[str]:
        return sorted((tid for tid, t in self.topics.items() if t.stage == sid), key=self.sort_key)

    # -- export --------------------------------------------------------------------
    def export(self) -> dict[str, Any]:
        """The whole graph as plain data: stages, topics and resources, each sorted by id."""
        return {
            "stages": [stage.model_dump(mode="json") for stage in sorted(self.stages, key=lambda s: s.id)],
            "topics": [
                {"id": tid, **topic.model_dump(mode="json"), "resources": self.covering[tid], "unlocks": self.dependents[tid]}
                for tid, topic in sorted(self.topics.items())
            ],
            "resources": [{"id": rid, **resource.model_dump(mode="json")} for rid, resource in sorted(self.resources.items())],
        }


def _record_files(folder: Path, problems: list[Problem], base: Path) -> list[Path]:
    prefix = folder.relative_to(base).as_posix() + "/"
    # scandir sorted by name: the order sorted(iterdir()) gave, without a stat or a
    # Path comparison per file (thousands of them in a big knowledge base).
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    files = []
    for entry in entries:
        if entry.name.startswith(".") or entry.name in ("README.md",):
            continue
        file = folder / entry.name
        display = prefix + entry.name
        if entry.is_dir():
            problems.append(Problem(Position(display), "a folder here is not read; records are single `.yml` files directly in this folder"))
        elif file.suffix == ".yaml":
            problems.append(Problem(Position(display), f"records use the `.yml` extension; rename it to `{file.stem}.yml`"))
        elif file.suffix != ".yml":
            problems.append(Problem(Position(display), "only `.yml` records belong in this folder; move or delete this file"))
        elif not _ID.match(file.stem) or len(file.stem) > 64:
            problems.append(Problem(Position(display), f"file name `{file.name}` is not a valid id: use lowercase words joined by hyphens, e.g. `gradient-descent.yml`"))
        else:
            files.append(file)
    return files


# From this many record files on, they are parsed on every core (`parallel.map_on_cores`):
# reading YAML is most of the time `validate` takes on a big knowledge base.
PARALLEL_FILES = 1000


def _load_one(job: tuple[Path, str]) -> Document | list[Problem]:
    file, display = job
    try:
        doc = load_file(file, display)
    except DataError as exc:
        return exc.problems
    doc.drop_text(str(file))  # from a loading child, the data alone travels back
    return doc


def _load_all(groups: Sequence[Sequence[Path]], base: Path, problems: list[Problem]) -> list[dict[str, Document]]:
    """Each group of files loaded, keyed by id; the problems of files that fail go to `problems`."""
    prefixes: dict[Path, str] = {}
    jobs = []
    for file in (file for files in groups for file in files):
        prefix = prefixes.get(file.parent)
        if prefix is None:
            prefix = prefixes[file.parent] = file.parent.relative_to(base).as_posix() + "/"
        jobs.append((file, prefix + file.name))
    loaded = map_on_cores(_load_one, jobs, min_items=PARALLEL_FILES)
    found = iter(zip(jobs, loaded))
    out = []
    for files in groups:
        docs = {}
        for (file, _), result in itertools.islice(found, len(files)):
            if isinstance(result, Document):
                docs[file.stem] = result
            else:
                problems += result
        out.append(docs)
    return out


def _raw_covers(data: Any) -> set[str]:
    covers = data.get("covers") if isinstance(data, dict) else None
    if not isinstance(covers, list):
        return set()
    return {c["topic"] for c in covers if isinstance(c, dict) and isinstance(c.get("topic"), str)}


def load_roadmap(root: Path) -> Roadmap:
    """Load and check every record under `root`; raise DataError listing every problem."""
    # Loading makes millions of small dicts, lists and tuples that all stay alive, and the
    # cyclic collector kept walking them: a third of the time for 5,000 topics, finding
    # nothing (records hold no cycles). Paused while loading; it runs as usual after.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_roadmap(root)
    finally:
        status.clear()
        # Then all of it goes straight to the oldest generation (freeze and unfreeze move
        # it there without a pass over it); left young, the next few collections would
        # each walk it again (~0.9 s of a 5,000-topic generate).
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def _load_roadmap(root: Path) -> Roadmap:
    roadmap_dir, resources_dir = root / "roadmap", root / "resources"
    missing = [d.name + "/" for d in (roadmap_dir, resources_dir) if not d.is_dir()]
    if missing:
        raise RootError(f"{root}: no {' or '.join(missing)} folder here; run from the repository root or pass --root DIR")

    problems: list[Problem] = []
    stages: dict[str, tuple[Stage, Position]] | None = None
    documents: dict[str, Document] = {}
    stages_path = roadmap_dir / STAGES_FILE
    if not stages_path.is_file():
        problems.append(Problem(Position(f"roadmap/{STAGES_FILE}"), "the stages file is missing; create it with a `stages:` list"))
    else:
        try:
            doc = load_file(stages_path, f"roadmap/{STAGES_FILE}")
        except DataError as exc:
            problems += exc.problems
        else:
            documents[doc.path] = doc
            parsed, found = record_problems(doc, StagesFile)
            problems += found
            if parsed is not None:
                stages = {}
                orders: dict[int, str] = {}
                for i, stage in enumerate(parsed.stages):
                    where = doc.at(("stages", i, "id"))
                    if stage.id in stages:
                        problems.append(Problem(where, f"stage id `{stage.id}` is used twice; ids must be unique"))
                        continue
                    if stage.order in orders:
                        problems.append(Problem(doc.at(("stages", i, "order")), f"`stages[{i}].order` {stage.order} is also used by `{orders[stage.order]}`; give each stage its own order"))
                    orders[stage.order] = stage.id
                    stages[stage.id] = (stage, where)

    topic_files = [f for f in _record_files(roadmap_dir, problems, root) if f.name != STAGES_FILE]
    resource_files = _record_files(resources_dir, problems, root)
    files = len(topic_files) + len(resource_files)
    status.show(f"reading {files:,} record files", size=files)
    topic_docs, resource_docs = _load_all([topic_files, resource_files], root, problems)
    status.show(f"checking {len(topic_docs) + len(resource_docs):,} records", size=files)
    topics: dict[str, tuple[Topic, Document]] = {}
    for tid, doc in topic_docs.items():
        documents[doc.path] = doc
        topic, found = record_problems(doc, Topic)
        problems += found
        if topic is not None:
            topics[tid] = (topic, doc)

    resources: dict[str, tuple[Resource, Document]] = {}
    covered_by_broken: set[str] = set()
    if len(resource_docs) < len(resource_files):
        # A resource file that is not even YAML could cover any topic: report its own
        # problem, not "no resource covers ..." for every topic it may be teaching.
        covered_by_broken |= {f.stem for f in topic_files}
    for rid, doc in resource_docs.items():
        documents[doc.path] = doc
        resource, found = record_problems(doc, Resource)
        problems += found
        if resource is not None:
            resources[rid] = (resource, doc)
        else:
            covered_by_broken |= _raw_covers(doc.data)

    # Topic ids and resource ids live in different folders, but a shared id would make links ambiguous.
    for both in sorted(set(topics) & set(resources)):
        problems.append(Problem(Position(f"resources/{both}.yml"), f"`{both}` is also a topic id; rename the resource file"))

    broken_topics = {f.stem for f in topic_files} - set(topics)
    problems += cross_problems(stages, topics, resources, broken_topics, covered_by_broken)
    if problems or stages is None:
        raise DataError(problems)
    ordered = tuple(sorted((s for s, _ in stages.values()), key=lambda s: s.order))
    return Roadmap(
        stages=ordered,
        topics={tid: t for tid, (t, _) in sorted(topics.items())},
        resources={rid: r for rid, (r, _) in sorted(resources.items())},
        documents=documents,
    )
