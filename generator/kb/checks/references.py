"""Checks on what records name: topics that exist, named once, covered by some resource;
and ids not shared between a topic and a resource."""

from __future__ import annotations

from collections.abc import Iterable

from generator.kb.checks.registry import Found, Records, check
from generator.kb.problems import Position, did_you_mean


def _topic_hint(name: str, known: Iterable[str]) -> str:
    return did_you_mean(name, known) or "; use a topic's id: its file name in roadmap/ without `.yml`"


@check("unknown-topic")
def unknown_topic(records: Records) -> Found:
    known = records.known
    for tid, names in records.prerequisite_topics.items():
        if known.issuperset(names):
            continue
        doc, pres = records.prerequisites_of(tid)
        for i, pre in pres:
            if pre != tid and pre not in known:
                name = f"prerequisites[{i}].topic"
                yield (
                    doc.at(("prerequisites", i, "topic")),
                    f"`{name}` names `{pre}`, which is not a topic{_topic_hint(pre, known)}",
                )
    for rid, names in records.cover_topics.items():
        if known.issuperset(names):
            continue
        doc, covers = records.covers_of(rid)
        for i, cover in covers:
            if cover not in known:
                yield (
                    doc.at(("covers", i, "topic")),
                    f"`covers[{i}].topic` names `{cover}`, which is not a topic{_topic_hint(cover, known)}",
                )


@check("self-prerequisite")
def self_prerequisite(records: Records) -> Found:
    for tid, names in records.prerequisite_topics.items():
        if tid not in names:
            continue
        doc, pres = records.prerequisites_of(tid)
        for i, pre in pres:
            if pre == tid:
                yield (
                    doc.at(("prerequisites", i, "topic")),
                    f"`prerequisites[{i}].topic`: `{tid}` requires itself; remove this prerequisite",
                )


@check("duplicate-prerequisite")
def duplicate_prerequisite(records: Records) -> Found:
    for tid, names in records.prerequisite_topics.items():
        if len(set(names)) == len(names):
            continue
        doc, pres = records.prerequisites_of(tid)
        seen: set[str] = set()
        for i, pre in pres:
            if pre == tid or pre not in records.topics:
                continue  # itself, unknown, or a broken file: each said once, elsewhere
            if pre in seen:
                yield doc.at(("prerequisites", i, "topic")), f"`prerequisites[{i}].topic` lists `{pre}` a second time; keep one entry"
            seen.add(pre)


@check("duplicate-cover")
def duplicate_cover(records: Records) -> Found:
    for rid, names in records.cover_topics.items():
        if len(set(names)) == len(names):
            continue
        doc, covers = records.covers_of(rid)
        seen: dict[str, int] = {}
        for i, cover in covers:
            if cover not in records.known:
                continue
            if cover in seen:
                yield (
                    doc.at(("covers", i, "topic")),
                    f"`covers[{i}]` repeats topic `{cover}` (also covers[{seen[cover]}]); merge the sections into one entry",
                )
            else:
                seen[cover] = i


@check("uncovered-topic")
def uncovered_topic(records: Records) -> Found:
    for tid, doc in records.topic_files.items():
        if tid not in records.covered:
            yield (
                Position(doc.path),
                f"no resource covers topic `{tid}`; add one under resources/ with `covers: [{{topic: {tid}, sections: ...}}]`",
            )


@check("id-clash")
def id_clash(records: Records) -> Found:
    # Topic ids and resource ids live in different folders, but a shared id would make links ambiguous.
    resources = records.resource_files
    for both in sorted(set(records.topic_files) & set(resources)):
        yield Position(resources[both].path), f"`{both}` is also a topic id; rename the resource file"
