"""The committed JSON Schemas in schema/: up to date, true to every record, wired into editors."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from generator.kb.models import FIELD_HELP, MODELS

from helpers import MINI, Result

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "schema"
REGENERATE = ".venv/bin/roadmap schema --out schema/"


def _schema(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return data


def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = _schema(kind)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _records(root: Path) -> Iterator[tuple[str, Path]]:
    yield "stages", root / "roadmap" / "stages.yml"
    for file in sorted((root / "roadmap").glob("*.yml")):
        if file.name != "stages.yml":
            yield "topic", file
    for file in sorted((root / "resources").glob("*.yml")):
        yield "resource", file


def test_committed_schemas_are_up_to_date(tmp_path: Path, run: Callable[..., Result]) -> None:
    assert run("schema", "--out", tmp_path).code == 0
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not stale, f"schema/ is out of date ({', '.join(stale)}): run `{REGENERATE}` and commit the result"


@pytest.mark.parametrize("root", [REPO, MINI], ids=["repository", "mini-fixture"])
def test_every_record_validates_against_its_schema(root: Path) -> None:
    validators = {kind: _validator(kind) for kind in MODELS}
    failures = []
    count = 0
    for kind, file in _records(root):
        count += 1
        for error in validators[kind].iter_errors(yaml.safe_load(file.read_text(encoding="utf-8"))):
            failures.append(f"{file.relative_to(root)}: {error.json_path}: {error.message}")
    assert count > 3
    assert not failures, "\n".join(failures)


def _mini(kind: str, name: str) -> dict[str, Any]:
    folder = "resources" if kind == "resource" else "roadmap"
    data: dict[str, Any] = yaml.safe_load((MINI / folder / f"{name}.yml").read_text(encoding="utf-8"))
    return data


def _with(record: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(record))
    target = copy
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    out: dict[str, Any] = copy
    return out


_DELETE = object()

# (kind, fixture record, where, new value): each must make the record invalid.
BAD = [
    ("topic", "gradients", ("colour",), "blue"),
    ("topic", "gradients", ("prerequisites", 0, "weight"), 2),
    ("topic", "gradients", ("area",), "calculas"),
    ("topic", "gradients", ("prerequisites", 0, "strength"), "optional"),
    ("topic", "gradients", ("goals",), ["Only one."]),
    ("topic", "gradients", ("hours",), "four"),
    ("topic", "gradients", ("stage",), "Foundations"),
    ("topic", "gradients", ("title",), _DELETE),
    ("resource", "la-book", ("pages",), 300),
    ("resource", "la-book", ("covers", 0, "chapter"), "1"),
    ("resource", "la-book", ("kind",), "bok"),
    ("resource", "la-book", ("cost",), "gratis"),
    ("resource", "la-book", ("url",), "ftp://example.org/la-book/"),
    ("resource", "la-book", ("authors",), _DELETE),
    ("resource", "la-book", ("covers",), []),
    ("resource", "la-book", ("covers", 0, "sections"), ["Ch. 1", "Ch. 2"]),
    ("resource", "la-book", ("isbn",), "not an isbn"),
    ("resource", "la-book", ("year",), "2020"),
    ("stages", "stages", ("stages", 0, "colour"), "blue"),
    ("stages", "stages", ("stages", 0, "order"), 0),
]


@pytest.mark.parametrize(("kind", "name", "path", "value"), BAD, ids=[f"{k}-{'.'.join(map(str, p))}" for k, _, p, _ in BAD])
def test_schema_rejects_what_validation_rejects(kind: str, name: str, path: tuple[str | int, ...], value: Any) -> None:
    validator = _validator(kind)
    record = _mini(kind, name)
    assert not list(validator.iter_errors(record))
    assert list(validator.iter_errors(_with(record, path, value)))


def test_topicless_kinds_may_have_no_covers() -> None:
    validator = _validator("resource")
    forum = _mini("resource", "forum")
    assert forum["covers"] == [] and not list(validator.iter_errors(forum))
    assert not list(validator.iter_errors(_with(forum, ("covers",), _DELETE)))
    assert list(validator.iter_errors(_with(forum, ("kind",), "course")))


def _fields(model: type[BaseModel]) -> Iterator[tuple[str, str, Any]]:
    for name, field in model.model_fields.items():
        yield model.__name__, name, field
        for inner in _models_in(field.annotation):
            yield from _fields(inner)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg)


def test_every_field_has_editor_help() -> None:
    missing = sorted(
        f"{model}.{name}"
        for root in MODELS.values()
        for model, name, field in _fields(root)
        if not field.description and name not in FIELD_HELP.get(model, {})
    )
    assert not missing, f"add hover help for {', '.join(missing)} to FIELD_HELP in generator/kb/models.py"
    for kind in MODELS:
        for definition in [_schema(kind), *_schema(kind).get("$defs", {}).values()]:
            assert all(p.get("description") for p in definition["properties"].values()), definition["title"]


def _matches(pattern: str, path: str) -> bool:
    # yaml-language-server globs: a leading `/` anchors at the workspace root; `*` stays in one folder.
    assert pattern.startswith("/"), f"anchor {pattern!r} at the workspace root"
    return PurePosixPath("/" + path).match(pattern)


def _schemas_for(settings: dict[str, Any], path: str) -> list[str]:
    found = []
    for schema, patterns in settings["yaml.schemas"].items():
        patterns = [patterns] if isinstance(patterns, str) else patterns
        include = any(_matches(p, path) for p in patterns if not p.startswith("!"))
        exclude = any(_matches(p[1:], path) for p in patterns if p.startswith("!"))
        if include and not exclude:
            found.append(schema)
    return found


def test_editor_settings_give_each_record_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema in settings["yaml.schemas"]:
        assert (REPO / schema).is_file(), schema
    for kind, file in _records(REPO):
        path = file.relative_to(REPO).as_posix()
        assert _schemas_for(settings, path) == [f"./schema/{kind}.schema.json"], path


def test_stages_file_names_its_schema() -> None:
    # Editors whose glob matcher ignores `!` exclusions still take the modeline first.
    first = (REPO / "roadmap" / "stages.yml").read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    assert (REPO / "roadmap" / match.group(1)).resolve() == SCHEMA_DIR / "stages.schema.json"


# -- the schema accepts what validation accepts, field by field ----------------------------------
# Each case changes one field of a valid fixture record. `roadmap validate` (the models, on the
# record as our loader reads it) and the committed schema must give the same verdict, except
# for the rules a JSON Schema cannot state, listed below with the reason: for those the test
# checks that validation refuses and the schema accepts, so the list cannot go stale.

FIELD_CASES: list[tuple[str, str, tuple[str | int, ...], Any]] = [
    # topics
    ("topic", "gradients", ("hours",), 0.5),
    ("topic", "gradients", ("hours",), 15.0),
    ("topic", "gradients", ("hours",), 0),
    ("topic", "gradients", ("hours",), -1),
    ("topic", "gradients", ("hours",), 1000),
    ("topic", "gradients", ("hours",), True),
    ("topic", "gradients", ("hours",), "1:30"),
    ("topic", "gradients", ("title",), ""),
    ("topic", "gradients", ("title",), "   "),
    ("topic", "gradients", ("title",), "Ünïcode — fine"),
    ("topic", "gradients", ("title",), "x" * 200),
    ("topic", "gradients", ("title",), 42),
    ("topic", "gradients", ("summary",), "One line.\n\nTwo paragraphs."),
    ("topic", "gradients", ("goals",), ["a", "b", "c", "d", "e", "f"]),
    ("topic", "gradients", ("goals",), ["a", "b", "c", "d", "e", "f", "g"]),
    ("topic", "gradients", ("goals",), ["a", "b", ""]),
    ("topic", "gradients", ("prerequisites",), []),
    ("topic", "gradients", ("prerequisites", 0, "reason"), ""),
    ("topic", "gradients", ("prerequisites", 0, "topic"), "Not An Id"),
    ("topic", "gradients", ("prerequisites", 0, "topic"), "x\n"),
    ("topic", "gradients", ("stage",), "a" * 65),
    ("topic", "gradients", ("description",), "Some <b>raw</b> HTML."),
    ("topic", "gradients", ("area",), None),
    # resources
    ("resource", "la-book", ("url",), "http://example.org/la-book/"),
    ("resource", "la-book", ("url",), "https://example.org/a b"),
    ("resource", "la-book", ("url",), "https://user:pw@example.org/"),
    ("resource", "la-book", ("url",), "https://localhost/"),
    ("resource", "la-book", ("url",), "https://10.0.0.1/"),
    ("resource", "la-book", ("url",), "https://example.org/?utm_source=x"),
    ("resource", "la-book", ("url",), "https://bit.ly/abc"),
    ("resource", "la-book", ("url",), "javascript:alert(1)"),
    ("resource", "la-book", ("url",), "HTTPS://EXAMPLE.ORG/"),
    ("resource", "la-book", ("year",), 1450),
    ("resource", "la-book", ("year",), 2101),
    ("resource", "la-book", ("year",), 2020.5),
    ("resource", "la-book", ("isbn",), "978-0-13-468599-1"),
    ("resource", "la-book", ("isbn",), "978-0-13-468599-2"),
    ("resource", "la-book", ("isbn",), "0-306-40615-2"),
    ("resource", "la-book", ("authors",), []),
    ("resource", "la-book", ("authors",), [""]),
    ("resource", "la-book", ("hours",), 0),
    ("resource", "la-book", ("hours",), 12.5),
    ("resource", "la-book", ("level",), "expert"),
    ("resource", "la-book", ("covers", 0, "sections"), ""),
    ("resource", "la-book", ("covers", 1, "topic"), "vectors"),
    ("resource", "la-book", ("edition",), 2),
    ("resource", "la-book", ("provider",), "A Publisher"),
    # stages
    ("stages", "stages", ("stages", 0, "order"), 1.5),
    ("stages", "stages", ("stages", 0, "title"), ""),
]

# (kind, field, why the schema cannot say it): validation refuses these, the schema lets them by.
SCHEMA_CANNOT_SAY = {
    ("topic", "description"): "Markdown without raw HTML needs a Markdown parser",
    ("resource", "url"): "private, reserved and shortened hosts, credentials and tracking parameters need a URL parser",
    ("resource", "isbn"): "an ISBN's check digit is arithmetic",
}


def _verdict_of_validate(kind: str, record: dict[str, Any]) -> bool:
    from generator.kb.checks import record_problems
    from generator.kb.strict_yaml import load_text

    doc = load_text(f"x/{kind}.yml", json.dumps(record))
    _, problems = record_problems(doc, MODELS[kind])
    return not problems


@pytest.mark.parametrize(
    ("kind", "name", "path", "value"), FIELD_CASES, ids=[f"{k}-{'.'.join(map(str, p))}={v!r:.30}" for k, _, p, v in FIELD_CASES]
)
def test_schema_and_validate_agree_field_by_field(kind: str, name: str, path: tuple[str | int, ...], value: Any) -> None:
    record = _with(_mini(kind, name), path, value)
    ours = _verdict_of_validate(kind, record)
    schema = not list(_validator(kind).iter_errors(record))
    field = str(path[0]) if kind != "stages" else str(path[-1])
    if (kind, field) in SCHEMA_CANNOT_SAY and ours != schema:
        assert schema and not ours, f"validate accepts {value!r} but the schema refuses it"
        return
    assert ours == schema, (
        f"validate {'accepts' if ours else 'refuses'} {value!r} at {path}, the schema {'accepts' if schema else 'refuses'} it"
    )


def test_every_rule_the_schema_cannot_say_is_still_needed() -> None:
    needed = set()
    for kind, name, path, value in FIELD_CASES:
        record = _with(_mini(kind, name), path, value)
        if _verdict_of_validate(kind, record) != (not list(_validator(kind).iter_errors(record))):
            needed.add((kind, str(path[0]) if kind != "stages" else str(path[-1])))
    assert needed == set(SCHEMA_CANNOT_SAY)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["topic", "resource", "stages"])
def test_check_jsonschema_accepts_every_record_and_refuses_a_bad_one(kind: str, tmp_path: Path) -> None:
    """The tool a contributor's CI or pre-commit would run (it reads YAML 1.2, as we do)."""
    import shutil
    import subprocess
    import sys

    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert tool, "check-jsonschema is a test dependency: `python3 dev.py test` installs it"
    files = [file for k, file in _records(REPO) if k == kind]
    schema = SCHEMA_DIR / f"{kind}.schema.json"
    done = subprocess.run([tool, "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    name, path, value = {
        "topic": ("gradients", ("hours",), "1:30"),
        "resource": ("la-book", ("url",), "ftp://x"),
        "stages": ("stages", ("stages", 0, "order"), 0),
    }[kind]
    bad = tmp_path / "bad.yml"
    bad.write_text(json.dumps(_with(_mini(kind, name), path, value)), encoding="utf-8")
    done = subprocess.run([tool, "--schemafile", str(schema), str(bad)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
