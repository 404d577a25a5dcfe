"""Whatever the bytes, loading gives a value or positioned problems: never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.kb.checks import ALL_CHECKS, record_problems
from generator.kb.loading import load_roadmap
from generator.kb.models import Resource, Topic
from generator.kb.problems import DataError
from generator.kb.strict_yaml import load_file, load_text

# A place, a registered check id, and a message.
POSITIONED = re.compile(rf"^[^:]+:\d+:\d+: error\[(?:{'|'.join(map(re.escape, ALL_CHECKS))})\]: .+$")
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["calculus", "book", "required", "https://example.org/x", "&a", "*a", "!!str", "<<", "---"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            "title",
            "stage",
            "area",
            "summary",
            "description",
            "why_it_matters",
            "goals",
            "hours",
            "prerequisites",
            "topic",
            "strength",
            "reason",
            "kind",
            "url",
            "cost",
            "level",
            "covers",
            "sections",
            "authors",
            "provider",
            "isbn",
            "year",
            "edition",
        ]
    ),
    st.text(max_size=12),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)),
    max_leaves=25,
)
yaml_texts = st.one_of(
    documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True, sort_keys=False)),
    st.lists(
        st.sampled_from(
            [
                "title: x\n",
                "  - a\n",
                "- b\n",
                "&x a: 1\n",
                "*x\n",
                "? [1]\n",
                ": 2\n",
                "---\n",
                "\t\n",
                "'open\n",
                "key: [1, {a: b\n",
                "!!binary aGk=\n",
                "%YAML 1.1\n",
                "...\n",
                "<<: *x\n",
                "k: |\n  text\n",
                "k: >-\n",
                "# c\n",
                "\ufeff",
                "\x00",
                "\x85",
            ]
        ),
        max_size=12,
    ).map("".join),
)


def check(text: str) -> None:
    try:
        doc = load_text("f.yml", text)
    except DataError as exc:
        assert exc.problems
        assert all(POSITIONED.match(str(p)) for p in exc.problems), exc.problems
        return
    assert isinstance(doc.data, dict)
    for model in (Topic, Resource):
        _, found = record_problems(doc, model)
        assert all(POSITIONED.match(str(p)) for p in found), found


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / "f.yml"
    file.write_bytes(data)
    try:
        doc = load_file(file, "f.yml")
    except DataError as exc:
        assert all(POSITIONED.match(str(p)) for p in exc.problems), exc.problems
    else:
        assert isinstance(doc.data, dict)


@SETTINGS
@given(yaml_texts)
def test_arbitrary_yaml_shaped_documents(text: str) -> None:
    check(text)


@settings(max_examples=60, deadline=None)
@given(documents, documents)
def test_arbitrary_records_in_a_knowledge_base(topic: object, resource: object) -> None:
    import tempfile

    from make_kb import write_kb

    with tempfile.TemporaryDirectory() as tmp:
        root = write_kb(Path(tmp), {"a": [], "b": ["a"]})
        (root / "roadmap" / "c.yml").write_text(yaml.safe_dump(topic, allow_unicode=True), encoding="utf-8")
        (root / "resources" / "r.yml").write_text(yaml.safe_dump(resource, allow_unicode=True), encoding="utf-8")
        try:
            load_roadmap(root)
        except DataError as exc:
            assert all(POSITIONED.match(str(p)) for p in exc.problems), exc.problems


def test_positions_point_at_values() -> None:
    doc = load_text("f.yml", "title: x\nprerequisites:\n  - topic: a\n    reason: b\n")
    assert str(doc.at(("prerequisites", 0, "topic"))) == "f.yml:3:12"
    assert str(doc.at(("prerequisites", 0, "topic"), key=True)) == "f.yml:3:5"
    # A place that does not exist falls back to the nearest enclosing node: the list.
    assert str(doc.at(("prerequisites", 5, "nothing"))) == "f.yml:3:3"
