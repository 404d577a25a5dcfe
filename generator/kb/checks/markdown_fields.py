"""The Markdown fields of a record, checked where they are written: every problem the parser
(`kb/markdown.py`) finds in a field, at its line and column in the file."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from generator.kb import markdown
from generator.kb.models import MarkdownField
from generator.kb.problems import Problem
from generator.kb.strict_yaml import Document, Loc

#: What a one-paragraph field shows as text (its formulas in their plain form) may be this long.
SUMMARY_PLAIN_LIMIT = 300


def _spec(annotation: Any) -> tuple[str, Any]:
    """What a field holds: ("markdown", MarkdownField), ("list", item), ("model", class) or ("other", None)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extras = get_args(annotation)
        marker = next((extra for extra in extras if isinstance(extra, MarkdownField)), None)
        return ("markdown", marker) if marker is not None else _spec(base)
    if origin is list:
        return "list", get_args(annotation)[0]
    if origin in (Union, types.UnionType):
        kinds = [_spec(arg) for arg in get_args(annotation) if arg is not type(None)]
        return kinds[0] if len(kinds) == 1 else ("other", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "other", None


def _walk(annotation: Any, value: Any, loc: Loc) -> Iterator[tuple[Loc, str, MarkdownField]]:
    kind, inner = _spec(annotation)
    if kind == "markdown" and isinstance(value, str):
        yield loc, value, inner
    elif kind == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(inner, item, (*loc, index))
    elif kind == "model" and isinstance(value, dict):
        yield from markdown_texts(inner, value, loc)


def markdown_texts(model: type[BaseModel], data: dict[str, Any], loc: Loc = ()) -> Iterator[tuple[Loc, str, MarkdownField]]:
    """Each Markdown field of a record as read from YAML (valid or not): where, its text, its kind."""
    for name, info in model.model_fields.items():
        if name in data:
            annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            yield from _walk(annotation, data[name], (*loc, name))


def markdown_problems(doc: Document, model: type[BaseModel]) -> list[Problem]:
    """Every problem in the record's Markdown fields, each where it is written."""
    if not isinstance(doc.data, dict):
        return []
    problems = []
    for loc, text, spec in markdown_texts(model, doc.data):
        if not text.strip():
            continue  # said by the model: "is empty"
        for issue in markdown.issues(text, block=spec.block):
            problems.append(Problem(doc.inside(loc, text, issue.offset), issue.message, issue.check))
        if not spec.block and loc[-1] == "summary":
            shown = len(markdown.to_plain(text))
            if shown > SUMMARY_PLAIN_LIMIT:
                message = f"`summary` shows {shown} characters; keep it to {SUMMARY_PLAIN_LIMIT} (one or two sentences)"
                problems.append(Problem(doc.at(loc), message, "field-length"))
    return problems
