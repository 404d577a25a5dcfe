"""The records of the knowledge base, as Pydantic v2 models.

One model per kind of file. Checks that need only one record live here; checks
across records (references, cycles, duplicates) live in `checks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from generator.kb.urls import check_url
from generator.kb.vocabulary import (
    KINDS,
    TOPICLESS_KINDS,
    Area,
    Cost,
    ExerciseKind,
    Kind,
    Level,
    Strength,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 64  # ids are file and folder names


def _plain(text: str) -> str:
    if "\n" in text and "\n" in text.strip():
        raise ValueError("must be one paragraph of plain text; use `>-` so YAML folds the lines")
    return text


def _not_blank(text: str) -> str:
    if not text or text.isspace():  # what `not text.strip()` says, without a copy
        raise ValueError("is empty; write something here")
    return text


def _isbn(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value).upper()
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        ok = total % 11 == 0
    elif len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        ok = total % 10 == 0
    else:
        raise ValueError(f"`{value}` is not an ISBN: write its 10 or 13 digits (hyphens allowed)")
    if not ok:
        raise ValueError(f"`{value}` fails the ISBN check digit; copy it again from the book")
    return value


@dataclass(frozen=True)
class MarkdownField:
    """Marks a text field as Markdown with formulas, checked and rendered by `kb/markdown.py`
    (by `checks/fields.py`, which knows where in the file each field is written): `block`
    fields hold paragraphs, lists and display formulas; the others one paragraph."""

    block: bool


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)]
# What `_not_blank` and `_plain` check, as schema patterns for editors (the models keep their own
# checks, whose messages say what to do): some text that is not all space, on one line.
_SCHEMA_NOT_BLANK = Field(json_schema_extra={"pattern": r"\S"})
_SCHEMA_ONE_LINE = Field(json_schema_extra={"pattern": r"^\s*\S([^\n]*\S)?\s*$"})
_INLINE = MarkdownField(block=False)
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank), AfterValidator(_plain), _SCHEMA_ONE_LINE, _INLINE]
Summary = Annotated[
    str, StringConstraints(min_length=1, max_length=1200), AfterValidator(_not_blank), AfterValidator(_plain), _SCHEMA_ONE_LINE, _INLINE
]
Markdown = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank), _SCHEMA_NOT_BLANK, MarkdownField(block=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_not_blank), AfterValidator(_plain), _SCHEMA_ONE_LINE]
# Another name a learner may search for: an abbreviation (SVM) or a common other name.
Alias = Annotated[str, StringConstraints(min_length=1, max_length=80), AfterValidator(_not_blank), AfterValidator(_plain), _SCHEMA_ONE_LINE]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(check_url)]
Isbn = Annotated[str, AfterValidator(_isbn)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Stage(Record):
    """One step of the guide; topics belong to a stage."""

    id: Id
    title: Name
    order: Annotated[int, Field(ge=1, le=99)]
    summary: Summary
    kinds: Annotated[list[Kind], Field(description="Resource kinds this step is about (for the practice and community steps).")] = []


class StagesFile(Record):
    """`roadmap/stages.yml`: the steps of the guide, in order."""

    stages: Annotated[list[Stage], Field(min_length=1)]


class Prerequisite(Record):
    topic: Annotated[Id, Field(description="The id of the topic needed first.")]
    strength: Strength
    reason: Text


class Exercise(Record):
    """One question a learner answers to find out whether they can do what a goal says."""

    kind: ExerciseKind
    goals: Annotated[list[Annotated[int, Field(ge=1, le=6)]], Field(min_length=1, max_length=6)]
    question: Markdown
    solution: Markdown
    answer: float | list[float] | None = None


class Topic(Record):
    """`roadmap/<id>.yml`: one topic of the roadmap; the id is the file name."""

    title: Name
    stage: Id
    area: Area
    summary: Summary
    aliases: Annotated[
        list[Alias],
        Field(
            max_length=12,
            description="Other names a learner may search for: abbreviations (SVM, PCA) and common other names. "
            "Each used by no other topic as its id, title or alias.",
        ),
    ] = []
    description: Markdown
    why_it_matters: Markdown
    goals: Annotated[list[Text], Field(min_length=3, max_length=6)]
    hours: Annotated[float, Field(gt=0, le=500)]
    prerequisites: list[Prerequisite] = []
    exercises: Annotated[list[Exercise], Field(min_length=3, max_length=6)]


class Cover(Record):
    topic: Id
    sections: Annotated[Text, Field(max_length=300, description='Exactly where: "Ch. 2-4", "Lectures 21-22", "Whole video".')]


class Resource(Record):
    """`resources/<id>.yml`: one learning resource; the id is the file name."""

    title: Name
    kind: Kind
    url: Url
    authors: list[Name] = []
    provider: Name | None = None
    cost: Cost
    level: Level
    hours: Annotated[float, Field(gt=0, le=2000)] | None = None
    year: Annotated[int, Field(ge=1600, le=2100)] | None = None
    edition: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    isbn: Isbn | None = None
    description: Markdown
    covers: list[Cover] = []

    @model_validator(mode="after")
    def _who_and_what(self) -> Resource:
        if not self.authors and self.provider is None:
            raise ValueError("needs `authors` (a list of people) or `provider` (an organisation); add one")
        if not self.covers and self.kind not in TOPICLESS_KINDS:
            raise ValueError(f"a {self.kind} must say which topics it covers: add `covers:` with `- topic: ...` and `sections: ...`")
        return self


MODELS: dict[str, type[Record]] = {"stages": StagesFile, "topic": Topic, "resource": Resource}


# Hover help for editors, keyed by model and field (each model's own `description`
# fields win). tests/kb/test_schema.py requires one for every field.
FIELD_HELP: dict[str, dict[str, str]] = {
    "StagesFile": {"stages": "The steps of the guide, in order."},
    "Stage": {
        "id": "Lowercase words joined by hyphens; topics name it in `stage:`.",
        "title": "The step's heading on the site.",
        "order": "Position of the step, from 1.",
        "summary": "One or two sentences, at most 300 characters as shown; Markdown and `$...$` formulas allowed.",
    },
    "Topic": {
        "title": "What the topic is called, in sentence case: `Eigenvalues and eigenvectors`.",
        "stage": "The step of the guide it belongs to: an `id` from roadmap/stages.yml.",
        "area": "The branch of mathematics it belongs to.",
        "summary": "One or two sentences, at most 300 characters as shown; Markdown and `$...$` formulas allowed; write it as a `>-` block.",
        "description": "Markdown in your own words with a worked example; formulas in TeX, `$...$` inline and `$$` lines for display; no raw HTML, images or headings; links only to full https:// addresses; write it as a `|` block.",
        "why_it_matters": "Markdown with TeX formulas: which machine-learning methods use this, and how.",
        "goals": "3 to 6 things a learner can check themselves against: `Compute ...`, `Explain ...`; `$...$` formulas allowed.",
        "hours": "A realistic study time in hours (a whole or half number).",
        "prerequisites": "Topics needed first, direct ones only; `[]` when there are none.",
        "exercises": "3 to 6 exercises with worked solutions, together testing every goal.",
    },
    "Exercise": {
        "kind": "`compute` (a small calculation by hand), `explain` (an idea in words), `code` (a few lines of NumPy that check a result).",
        "goals": "The numbers (from 1) of the topic's goals this exercise tests; every goal is tested by at least one exercise.",
        "question": "The question, in Markdown with TeX, in your own words; write it as a `|` block.",
        "solution": "A worked solution a learner can follow step by step, in Markdown with TeX; write it as a `|` block.",
        "answer": "The numeric answer (or a list of numbers), when there is one: tests/answers/ recomputes it.",
    },
    "Prerequisite": {
        "strength": "`required`: this topic cannot be followed without it; `recommended`: it helps a lot.",
        "reason": "Why it is needed, in one sentence (Markdown and `$...$` formulas allowed).",
    },
    "Resource": {
        "title": "The title as the resource itself gives it.",
        "kind": "What sort of resource it is.",
        "url": "The canonical https:// address, checked by hand; no tracking or affiliate parameters.",
        "authors": "The people who wrote or teach it, as a list (even for one person).",
        "provider": "The organisation or platform; needed when there are no `authors`.",
        "cost": "`free`; `free-to-audit` (a course free to follow, certificate paid); `paid`.",
        "level": "Who it is written for.",
        "hours": "Time to work through the whole resource, in hours.",
        "year": "Year of publication or recording.",
        "edition": 'The edition as printed, in quotes: `"2nd"`.',
        "isbn": "ISBN-10 or ISBN-13, in quotes; hyphens allowed.",
        "description": "In your own words: what it is good for, and for whom. Markdown with `$...$` formulas, no HTML or images; links only to https:// addresses.",
        "covers": "The topics it teaches and exactly where; `[]` only for communities, conferences, practice sites and tools.",
    },
    "Cover": {"topic": "The id of a topic it teaches (its file name in roadmap/ without `.yml`)."},
}


def _with_help(schema: dict[str, Any]) -> None:
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for name, text in FIELD_HELP.get(definition.get("title", ""), {}).items():
            definition["properties"][name].setdefault("description", text)


def _whole_match(node: Any) -> None:
    """Patterns ending in `$` also refuse a final newline. Editors read `$` as ECMAScript does
    (the end of the text), but Python's `re`, under python-jsonschema and check-jsonschema,
    also matches it before a final newline, so `id: "x\\n"` would pass there."""
    if isinstance(node, dict):
        pattern = node.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("$"):
            node["pattern"] = pattern + r"(?!\n)"
        for value in node.values():
            _whole_match(value)
    elif isinstance(node, list):
        for value in node:
            _whole_match(value)


def _resource_rules(schema: dict[str, Any]) -> None:
    """The rules of `Resource._who_and_what`, in JSON Schema terms, so editors flag them too."""
    props = schema["properties"]
    props["url"]["pattern"] = r"^https?://\S+$"
    props["isbn"]["anyOf"][0]["pattern"] = r"^[0-9][0-9 -]{8,15}[0-9Xx]$"
    schema["anyOf"] = [
        {"required": ["authors"], "properties": {"authors": {"minItems": 1}}},
        {"required": ["provider"], "properties": {"provider": {"type": "string"}}},
    ]
    schema["if"] = {"required": ["kind"], "properties": {"kind": {"enum": [k for k in KINDS if k not in TOPICLESS_KINDS]}}}
    schema["then"] = {"required": ["covers"], "properties": {"covers": {"minItems": 1}}}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each kind of file, for editors and CI.

    Checks that need other records (ids that exist, cycles, duplicate URLs) are
    `roadmap validate`'s alone; everything about one file is here.
    """
    out: dict[str, dict[str, Any]] = {}
    for kind, model in MODELS.items():
        schema = model.model_json_schema(mode="validation")
        _with_help(schema)
        if model is Resource:
            _resource_rules(schema)
        _whole_match(schema)
        # Draft-07 is what yaml-language-server (VS Code's YAML extension and most editors)
        # implements; every keyword used here means the same in draft 2020-12.
        out[kind] = {"$schema": "http://json-schema.org/draft-07/schema#", **schema}
    return out
