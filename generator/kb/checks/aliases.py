"""A topic's other names (`aliases`): each names one topic only, so a search for it finds that
topic and no other."""

from __future__ import annotations

from generator.kb.checks.registry import Found, Records, check


def name_key(name: str) -> str:
    """How names are compared: without case, and with runs of spaces as one."""
    return " ".join(name.casefold().split())


@check("alias-clash")
def alias_clash(records: Records) -> Found:
    owners: dict[str, tuple[str, str]] = {}  # name -> (topic, what it is there: its id, title or an alias)
    for tid, (topic, _) in sorted(records.topics.items()):
        owners.setdefault(name_key(tid), (tid, "id"))
        owners.setdefault(name_key(topic.title), (tid, "title"))
    for tid in sorted(records.broken_topics):
        owners.setdefault(name_key(tid), (tid, "id"))
    for tid, (topic, doc) in sorted(records.topics.items()):
        seen: dict[str, int] = {name_key(topic.title): -1}
        for i, alias in enumerate(topic.aliases):
            key = name_key(alias)
            if key in seen:
                first = "its title" if seen[key] < 0 else f"aliases[{seen[key]}]"
                yield doc.at(("aliases", i)), f"`aliases[{i}]` `{alias}` repeats {first}; remove it"
                continue
            seen[key] = i
            owner = owners.get(key)
            if owner is not None and owner[0] != tid:
                yield (
                    doc.at(("aliases", i)),
                    f"`aliases[{i}]` `{alias}` is already the {owner[1]} of topic `{owner[0]}`; "
                    "an alias must name one topic only: remove it or make it more specific",
                )
            elif owner is None:
                owners[key] = (tid, "alias")
