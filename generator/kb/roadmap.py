"""The Roadmap: every validated record, and the questions one asks of the graph."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.kb import ranking
from generator.kb.models import Resource, Stage, Topic
from generator.kb.problems import Position
from generator.kb.strict_yaml import Document
from generator.kb.vocabulary import AREAS


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
        """For each topic, the ids of the resources that cover it, best first (see `ranking`)."""
        out: dict[str, list[str]] = {tid: [] for tid in self.topics}
        for rid, resource in self.resources.items():
            for cover in resource.covers:
                out[cover.topic].append(rid)
        # A resource ranks the same for every topic of one level: one key per level, not per cover.
        keys: dict[str, dict[str, ranking.RankKey]] = {}
        for tid, rids in out.items():
            level = self.topic_level(tid)
            if level not in keys:
                keys[level] = {rid: ranking.resource_key(rid, r, level) for rid, r in self.resources.items()}
            rids.sort(key=keys[level].__getitem__)
        return out

    def topic_level(self, tid: str) -> str:
        """The level topic `tid` is taught at, by the rank of its stage (see `ranking`)."""
        return self._topic_levels[tid]

    @cached_property
    def _topic_levels(self) -> dict[str, str]:
        return ranking.topic_levels(self.stages, self.topics)

    def resource_rank(self, rid: str) -> tuple[int, int, str]:
        """A resource's place in the catalogue, which ranks for no topic (`ranking.catalogue_key`)."""
        return ranking.catalogue_key(self.resources[rid])

    @cached_property
    def reading(self) -> dict[str, dict[str, str]]:
        """For each topic, its resources best first, each with what to read of it for the topic."""
        sections: dict[tuple[str, str], str] = {}
        for rid, resource in self.resources.items():
            for cover in resource.covers:
                sections.setdefault((cover.topic, rid), cover.sections)
        return {tid: {rid: sections[tid, rid] for rid in rids} for tid, rids in self.covering.items()}

    def sections(self, rid: str, tid: str) -> str:
        """What to read of resource `rid` for topic `tid`: its `covers` entry's sections."""
        return self.reading[tid][rid]

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
