"""What a record that failed its model still says plainly: the references the checks across
records judge (a topic's stage and prerequisites, a resource's covers and url), each kept
only when its own value passes the model's rule for it. A value that breaks its rule is a
field error already, said once; one that passes is judged against the other records in
the same run, so a field error elsewhere in the file hides nothing."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from generator.kb.checks.registry import Partial
from generator.kb.models import Id, Url
from generator.kb.strict_yaml import Document

_ID: TypeAdapter[str] = TypeAdapter(Id)
_URL: TypeAdapter[str] = TypeAdapter(Url)


def _fine(adapter: TypeAdapter[str], value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def _entries(data: dict[str, Any], key: str) -> tuple[tuple[int, str], ...]:
    """The `topic` of each entry of the list `key` whose topic is an id, with its index."""
    items = data.get(key)
    if not isinstance(items, list):
        return ()
    return tuple((i, item["topic"]) for i, item in enumerate(items) if isinstance(item, dict) and _fine(_ID, item.get("topic")))


def read_topic(doc: Document) -> Partial:
    data = doc.data if isinstance(doc.data, dict) else {}
    stage = data.get("stage")
    return Partial(doc, stage=stage if _fine(_ID, stage) else None, prerequisites=_entries(data, "prerequisites"))


def read_resource(doc: Document) -> Partial:
    data = doc.data if isinstance(doc.data, dict) else {}
    url = data.get("url")
    return Partial(doc, covers=_entries(data, "covers"), url=url if _fine(_URL, url) else None)
