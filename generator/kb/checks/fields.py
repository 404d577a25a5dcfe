"""One record against its model: each Pydantic error said as a positioned problem with a check id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.kb.checks.markdown_fields import markdown_problems
from generator.kb.problems import Problem, closest, did_you_mean, field_path
from generator.kb.strict_yaml import Document, Loc


def _yaml_type(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false (`{str(value).lower()}`)"
    if isinstance(value, (int, float)):
        return f"a number (`{value}`)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"`{value}`"


def _container(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The (sub)model whose field `loc` names, following list items and nested records."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the (sub)model that `loc` points into."""
    container = _container(model, loc)
    return list(container.model_fields) if container else []


def _choices(model: type[BaseModel], loc: Loc) -> tuple[str, ...]:
    """The allowed values of the enum field at `loc`, or () when it is not an enum."""
    container = _container(model, loc)
    field = container.model_fields.get(str(loc[-1])) if container and loc else None
    if field is None or get_origin(field.annotation) is not Literal:
        return ()
    return tuple(str(arg) for arg in get_args(field.annotation))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    name = field_path(loc)
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "missing":
        values = _choices(model, loc)
        if values:
            return f"`{name}` is missing; add `{loc[-1]}: ...` here (one of: {', '.join(values)})"
        return f"`{name}` is missing; add `{loc[-1]}: ...` here"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc)
        hint = did_you_mean(str(loc[-1]), allowed)
        if loc == ("id",):
            return "unknown key `id`: the file name is the id; remove this line"
        return f"unknown key `{name}`{hint or '; remove it'} (allowed here: {', '.join(allowed)})"
    if kind == "literal_error":
        choices = [c.strip("'") for c in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")]
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return f"`{name}` is {_yaml_type(value)}, which is not one of: {', '.join(choices)}{hint}"
    if kind == "string_type":
        quote = "; put it in quotes" if isinstance(value, (bool, int, float)) or value is None else ""
        if isinstance(value, list):
            quote = "; write it on one line (or as a `>-` block), not as `- items`"
        return f"`{name}` must be text, not {_yaml_type(value)}{quote}"
    if kind in ("int_type", "float_type", "int_from_float"):
        whole = "a whole number" if kind != "float_type" else "a number"
        return f"`{name}` must be {whole}, not {_yaml_type(value)}"
    if kind in ("list_type",):
        return f"`{name}` must be a list (one `- item` per line), not {_yaml_type(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"`{name or 'the file'}` must be a mapping of keys, not {_yaml_type(value)}"
    if kind == "string_pattern_mismatch":
        return f"`{name}` is `{value}`, not an id: use lowercase words joined by hyphens, e.g. `gradient-descent`"
    if kind == "too_short":
        if isinstance(value, str):
            return f"`{name}` is empty; write something here"
        return f"`{name}` needs at least {ctx.get('min_length')} item(s), has {len(value) if hasattr(value, '__len__') else 0}"
    if kind == "too_long":
        return f"`{name}` allows at most {ctx.get('max_length')} item(s); keep the best ones"
    if kind == "string_too_short":
        return f"`{name}` is empty; write something here"
    if kind == "string_too_long":
        return f"`{name}` is longer than {ctx.get('max_length')} characters; shorten it"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bounds = {"greater_than": "greater than", "greater_than_equal": "at least", "less_than": "less than", "less_than_equal": "at most"}
        limit = next(iter(ctx.values()), "")
        return f"`{name}` is {value}; it must be {bounds[kind]} {limit}"
    if kind == "value_error":
        text = str(ctx.get("error", error["msg"]))
        if not name:
            return text
        return f"`{name}` {text}" if not text[:1].isupper() else f"`{name}`: {text}"
    return f"`{name}`: {error['msg']}"


# Pydantic's error types, grouped into the check ids contributors see.
_IDS_BY_TYPE = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-key",
    "literal_error": "choice",
    "string_pattern_mismatch": "id-format",
    "string_too_short": "empty-field",
    "string_too_long": "field-length",
    "too_long": "field-length",
    "greater_than": "field-range",
    "greater_than_equal": "field-range",
    "less_than": "field-range",
    "less_than_equal": "field-range",
    **dict.fromkeys(
        ("string_type", "int_type", "float_type", "int_from_float", "list_type", "model_type", "model_attributes_type", "dict_type"),
        "field-type",
    ),
}

# Rules a model's validators enforce (`value_error`): by the field they are about, or,
# for the record as a whole (`Resource._who_and_what`), by what the message says.
_IDS_BY_FIELD = {"url": "url", "isbn": "isbn"}
_IDS_BY_RECORD_MESSAGE = {"needs `authors`": "authors-or-provider", "must say which topics it covers": "needs-covers"}


def _check_id(error: ErrorDetails, loc: Loc) -> str:
    kind = error["type"]
    if kind == "too_short":
        return "empty-field" if isinstance(error.get("input"), str) else "field-length"
    if kind != "value_error":
        return _IDS_BY_TYPE.get(kind, "field")
    text = str(error.get("ctx", {}).get("error", error["msg"]))
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return next((cid for phrase, cid in _IDS_BY_RECORD_MESSAGE.items() if phrase in text), "field")
    if text.startswith("is empty"):
        return "empty-field"
    return _IDS_BY_FIELD.get(names[-1], "text")


def record_problems(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate one loaded document against its model."""
    markdown = markdown_problems(doc, model)
    try:
        record = model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        errors = exc.errors(include_url=False)
        misspelt = _misspelt_fields(errors, model)
        for error in errors:
            loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
            if error["type"] == "missing" and loc in misspelt:
                continue  # the unknown key next to it already says "did you mean"
            at_key = error["type"] in ("extra_forbidden",)
            position = doc.at(loc, key=at_key) if error["type"] != "missing" else doc.at(loc[:-1])
            problems.append(Problem(position, _message(error, model), _check_id(error, loc)))
        return None, sorted([*problems, *markdown], key=_order)
    return (None, markdown) if markdown else (record, [])


def _order(problem: Problem) -> tuple[int, int]:
    return problem.position.line, problem.position.col


def _misspelt_fields(errors: Sequence[ErrorDetails], model: type[BaseModel]) -> set[Loc]:
    """Missing fields whose name an unknown key beside them is a misspelling of (`levl` for `level`)."""
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    found: set[Loc] = set()
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] != "extra_forbidden" or not loc:
            continue
        close = closest(str(loc[-1]), _allowed_keys(model, loc))
        if close is not None and (*loc[:-1], close) in missing:
            found.add((*loc[:-1], close))
    return found
