"""Each check alone: a good case it leaves quiet and a bad case it reports, exactly.

The checks across records are called directly on small knowledge bases built in memory
(`Records`); the checks of one file run on its text (`load_text`, `record_problems`), or on
a tiny folder where the check is about files and folders.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator.kb.checks import ALL_CHECKS, CROSS_CHECKS, FILE_CHECKS, Records, cross_problems, record_problems
from generator.kb.checks.fields import _check_id
from generator.kb.loading import load_roadmap
from generator.kb.models import Resource, StagesFile, Topic
from generator.kb.problems import DataError, Problem
from generator.kb.strict_yaml import MAX_BYTES, MAX_DEPTH, Document, load_file, load_text

from make_kb import EXERCISES_YAML

STAGES = """\
stages:
  - id: basics
    title: Basics
    order: 1
    summary: First things.
  - id: advanced
    title: Advanced
    order: 2
    summary: Later things.
  - id: practice
    title: Practice
    order: 3
    summary: Doing things.
    kinds: [practice]
"""

Edge = tuple[str, str]  # (topic, strength)


def topic(stage: str = "basics", *pres: str | Edge) -> str:
    """A topic's YAML; its prerequisites start on line 10 (`topic:` in column 12)."""
    lines = [
        "title: A topic", f"stage: {stage}", "area: calculus", "summary: About it.", "description: Text.",
        "why_it_matters: Text.", "goals: [One, Two, Three]", "hours: 2", "prerequisites:" if pres else "prerequisites: []",
    ]  # fmt: skip
    for pre in pres:
        tid, strength = (pre, "required") if isinstance(pre, str) else pre
        lines += [f"  - topic: {tid}", f"    strength: {strength}", "    reason: Needed."]
    return "\n".join([*lines, EXERCISES_YAML]) + "\n"


def resource(*covers: str, url: str = "https://example.org/book") -> str:
    """A resource's YAML; `url` is on line 3 (value in column 6), covers start on line 8."""
    lines = ["title: A book", "kind: book", f"url: {url}", "provider: A press", "cost: free", "level: beginner", "description: Text."]
    lines += ["covers:"] + [f"  - topic: {tid}\n    sections: Ch. 1" for tid in covers] if covers else ["covers: []"]
    return "\n".join(lines) + "\n"


def _valid(path: str, text: str, model: type[StagesFile] | type[Topic] | type[Resource]) -> tuple[Any, Document]:
    doc = load_text(path, text)
    record, problems = record_problems(doc, model)
    assert not problems, problems
    return record, doc


def kb(
    topics: Mapping[str, str],
    resources: Mapping[str, str] | None = None,
    *,
    stages: str | None = STAGES,
    broken_topics: Sequence[str] = (),
    covered_elsewhere: Sequence[str] = (),
) -> Records:
    """Records from YAML texts; by default one resource `r` covers every topic."""
    if resources is None:
        resources = {"r": resource(*topics)}
    stages_file = _valid("roadmap/stages.yml", stages, StagesFile) if stages is not None else None
    return Records(
        stages_file,
        {tid: _valid(f"roadmap/{tid}.yml", text, Topic) for tid, text in topics.items()},
        {rid: _valid(f"resources/{rid}.yml", text, Resource) for rid, text in resources.items()},
        frozenset(broken_topics),
        frozenset(covered_elsewhere),
    )


GOOD = {"a": topic(), "b": topic("basics", "a")}


@dataclass(frozen=True)
class Cross:
    check: str
    good: Callable[[], Records]
    bad: Callable[[], Records]
    lines: Sequence[str]  # exactly what the check reports on `bad`


BAD_EXERCISES = "exercises: [{kind: explain, goals: [1, 5], question: Q., solution: S.}, {kind: explain, goals: [2, 2], question: Q., solution: S.}, {kind: explain, goals: [1], question: Q., solution: S.}]"

CROSS = [
    Cross(
        "exercise-goals",
        lambda: kb(GOOD),
        lambda: kb({"a": topic().replace(EXERCISES_YAML, BAD_EXERCISES)}),
        [
            "roadmap/a.yml:10:40: error[exercise-goals]: `exercises[0].goals` names goal 5, but the topic has 3 goals; number them from 1 as listed under `goals`",
            "roadmap/a.yml:10:100: error[exercise-goals]: `exercises[1].goals` names goal 2 twice; keep one",
            "roadmap/a.yml:7:19: error[exercise-goals]: goal 3 is tested by no exercise: add one whose `goals` include 3, or name it in an exercise that tests it",
        ],
    ),
    Cross(
        "unknown-stage",
        lambda: kb(GOOD),
        lambda: kb({"a": topic("basic")}),
        ["roadmap/a.yml:2:8: error[unknown-stage]: `stage` is `basic`, which is not a stage in roadmap/stages.yml; did you mean `basics`?"],
    ),
    Cross(
        "duplicate-stage",
        lambda: kb(GOOD),
        lambda: kb(GOOD, stages=STAGES + "  - id: basics\n    title: Again\n    order: 4\n    summary: Again.\n"),
        ["roadmap/stages.yml:15:9: error[duplicate-stage]: stage id `basics` is used twice; ids must be unique"],
    ),
    Cross(
        "duplicate-stage-order",
        lambda: kb(GOOD),
        lambda: kb(GOOD, stages=STAGES.replace("order: 2", "order: 1")),
        [
            "roadmap/stages.yml:8:12: error[duplicate-stage-order]: `stages[1].order` 1 is also used by `basics`; give each stage its own order"
        ],
    ),
    Cross(
        "unknown-topic",
        lambda: kb(GOOD),
        lambda: kb({"a": topic("basics", "limits")}, {"r": resource("a", "derivatives")}),
        [
            "roadmap/a.yml:10:12: error[unknown-topic]: `prerequisites[0].topic` names `limits`, which is not a topic; "
            "use a topic's id: its file name in roadmap/ without `.yml`",
            "resources/r.yml:11:12: error[unknown-topic]: `covers[1].topic` names `derivatives`, which is not a topic; "
            "use a topic's id: its file name in roadmap/ without `.yml`",
        ],
    ),
    Cross(
        "self-prerequisite",
        lambda: kb(GOOD),
        lambda: kb({"a": topic("basics", "a")}),
        ["roadmap/a.yml:10:12: error[self-prerequisite]: `prerequisites[0].topic`: `a` requires itself; remove this prerequisite"],
    ),
    Cross(
        "duplicate-prerequisite",
        lambda: kb(GOOD),
        lambda: kb({"a": topic(), "b": topic("basics", "a", ("a", "recommended"))}),
        ["roadmap/b.yml:13:12: error[duplicate-prerequisite]: `prerequisites[1].topic` lists `a` a second time; keep one entry"],
    ),
    Cross(
        "duplicate-cover",
        lambda: kb(GOOD),
        lambda: kb(GOOD, {"r": resource("a", "b", "a")}),
        [
            "resources/r.yml:13:12: error[duplicate-cover]: `covers[2]` repeats topic `a` (also covers[0]); merge the sections into one entry"
        ],
    ),
    Cross(
        "uncovered-topic",
        lambda: kb(GOOD),
        lambda: kb(GOOD, {"r": resource("a")}),
        [
            "roadmap/b.yml:1:1: error[uncovered-topic]: no resource covers topic `b`; add one under resources/ with `covers: [{topic: b, sections: ...}]`"
        ],
    ),
    Cross(
        "id-clash",
        lambda: kb(GOOD),
        lambda: kb(GOOD, {"a": resource("a", "b")}),
        ["resources/a.yml:1:1: error[id-clash]: `a` is also a topic id; rename the resource file"],
    ),
    Cross(
        "alias-clash",
        lambda: kb({"a": topic() + "aliases: [SVM, Support machine]\n", "b": topic() + "aliases: [PCA]\n"}),
        lambda: kb({"a": topic() + "aliases: [SVM, svm, B, A topic]\n", "b": topic() + "aliases: [Svm]\n"}),
        [
            "roadmap/a.yml:11:16: error[alias-clash]: `aliases[1]` `svm` repeats aliases[0]; remove it",
            "roadmap/a.yml:11:21: error[alias-clash]: `aliases[2]` `B` is already the id of topic `b`; an alias must name one topic only: remove it or make it more specific",
            "roadmap/a.yml:11:24: error[alias-clash]: `aliases[3]` `A topic` repeats its title; remove it",
            "roadmap/b.yml:11:11: error[alias-clash]: `aliases[0]` `Svm` is already the alias of topic `a`; an alias must name one topic only: remove it or make it more specific",
        ],
    ),
    Cross(
        "stage-order",
        lambda: kb(GOOD),
        lambda: kb({"a": topic("advanced"), "b": topic("basics", "a")}),
        [
            "roadmap/b.yml:10:12: error[stage-order]: `prerequisites[0].topic`: `a` is in the later stage `advanced`, "
            "so a learner meets `b` (stage `basics`) first; move one of them or drop the edge"
        ],
    ),
    Cross(
        "cycle",
        lambda: kb(GOOD),
        lambda: kb({"a": topic("basics", "c"), "b": topic("basics", "a"), "c": topic("basics", "b")}),
        [
            "roadmap/a.yml:10:12: error[cycle]: prerequisites form a cycle: `a` requires `c` (roadmap/a.yml:10), "
            "`c` requires `b` (roadmap/c.yml:10), `b` requires `a` (roadmap/b.yml:10); remove the edge that is not truly needed"
        ],
    ),
    Cross(
        "implied-edge",
        # Only required edges imply a required one: through a recommended `b`, `a` is still needed.
        lambda: kb({**GOOD, "c": topic("basics", ("b", "recommended"), "a")}),
        lambda: kb({**GOOD, "c": topic("basics", "b", "a")}),
        [
            "roadmap/c.yml:13:12: error[implied-edge]: prerequisite `a` is already implied: `c` needs `b`, which needs `a`; remove this edge to keep the graph readable"
        ],
    ),
    Cross(
        "duplicate-url",
        lambda: kb(GOOD, {"r": resource("a", "b"), "s": resource("a", url="https://example.org/other")}),
        lambda: kb(GOOD, {"r": resource("a", "b"), "s": resource("a", url="https://Example.org:443/book/#part")}),
        [
            "resources/s.yml:3:6: error[duplicate-url]: `url` is already used by `r` (resources/r.yml:3); one resource per address: extend that file's `covers` instead"
        ],
    ),
    Cross(
        "plain-http",
        lambda: kb(GOOD, {"r": resource("a", "b"), "s": resource("a", url="http://elsewhere.example.net/x")}),
        lambda: kb(GOOD, {"r": resource("a", "b"), "s": resource("a", url="http://example.org/notes")}),
        [
            "resources/s.yml:3:6: error[plain-http]: `url` starts with http://, but `r` (resources/r.yml) reaches example.org over https://; "
            "change it to `https://example.org/notes`"
        ],
    ),
]


def test_every_cross_record_check_has_a_case() -> None:
    assert sorted(c.check for c in CROSS) == sorted(CROSS_CHECKS)


@pytest.mark.parametrize("case", CROSS, ids=[c.check for c in CROSS])
def test_cross_record_check(case: Cross) -> None:
    run = CROSS_CHECKS[case.check]
    assert run(case.good()) == []
    found = run(case.bad())
    assert all(isinstance(p, Problem) and p.check == case.check for p in found)
    assert sorted(str(p) for p in found) == sorted(case.lines)
    # Alone: on the bad case, the other checks say nothing this check already says.
    others = [p for p in cross_problems(case.bad()) if p.check != case.check]
    assert not {p.position for p in others} & {p.position for p in found}, others


# What the checks leave alone on purpose: one mistake is reported once, by one check.
QUIET = [
    # A topic whose file is broken is not also unknown where it is named.
    ("unknown-topic", lambda: kb({"a": topic("basics", "broken")}, {"r": resource("a", "broken")}, broken_topics=["broken"])),
    # Without a valid stages file, no topic's stage can be judged.
    ("unknown-stage", lambda: kb({"a": topic("basic")}, stages=None)),
    # A misspelt cover is one mistake: the topic it meant is not also "uncovered".
    ("uncovered-topic", lambda: kb(GOOD, {"r": resource("a", "bb")})),
    # Topics a broken resource file names may well be covered there.
    ("uncovered-topic", lambda: kb(GOOD, {"r": resource("a")}, covered_elsewhere=["b"])),
    # On a cycle, what is implied is not judged until the cycle is gone.
    ("implied-edge", lambda: kb({"a": topic("basics", "c"), "b": topic("basics", "a"), "c": topic("basics", "b", "a")})),
    # A topic listed twice that requires itself: said once, as requiring itself.
    ("duplicate-prerequisite", lambda: kb({"a": topic("basics", "a", "a")})),
    # The second of two stages with one id is a duplicate id, not also a duplicate order.
    ("duplicate-stage-order", lambda: kb(GOOD, stages=STAGES + "  - id: basics\n    title: Again\n    order: 1\n    summary: Again.\n")),
    # http on a host no resource reaches over https: the link checker judges it, not validation.
    ("plain-http", lambda: kb(GOOD, {"r": resource("a", "b", url="http://example.org/book")})),
]


@pytest.mark.parametrize(("check", "records"), QUIET, ids=[f"{c}-{i}" for i, (c, _) in enumerate(QUIET)])
def test_cross_record_check_stays_quiet(check: str, records: Callable[[], Records]) -> None:
    assert CROSS_CHECKS[check](records()) == []


# --- one file ------------------------------------------------------------------------------

TOPIC = topic()
BOOK = resource("a")


@dataclass(frozen=True)
class One:
    check: str
    text: str | bytes  # a whole topic file (resource files start `title: A book`)
    where: str  # "line:col"
    gist: str  # regex searched in the message
    model: type[Topic] | type[Resource] = field(default=Topic)


ONE_FILE = [
    One("bad-character", TOPIC.replace("A topic", "A\x07topic"), "1:9", r"U\+0007 is not allowed"),
    One("yaml-syntax", TOPIC.replace("title: A topic", 'title: "A topic'), "1:8", r"never closed"),
    One("empty-file", "# nothing yet\n", "1:1", r"the file is empty"),
    One("two-documents", TOPIC + "---\ntitle: again\n", "11:1", r"second YAML document"),
    One("not-a-mapping", "- title: A topic\n", "1:1", r"holds a list"),
    One("duplicate-key", TOPIC + "hours: 3\n", "11:1", r"duplicate key `hours` \(first at line 8\)"),
    One("yaml-alias", TOPIC.replace("hours: 2", "hours: &h 2"), "8:8", r"anchors and aliases are not allowed"),
    One("yaml-tag", TOPIC.replace("hours: 2", "hours: !!float 2"), "8:8", r"tags are not allowed"),
    One("key-type", TOPIC + "42: answer\n", "11:1", r"key `42` is not text"),
    One("too-deep", TOPIC + "deep: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n", "11:", r"nested more than"),
    One("encoding", TOPIC.encode().replace(b"A topic", b"A t\xe9pic"), "1:11", r"byte 0xe9 is not UTF-8"),
    One("missing-field", TOPIC.replace("hours: 2\n", ""), "1:1", r"`hours` is missing"),
    One("unknown-key", TOPIC + "level: easy\n", "11:1", r"unknown key `level`"),
    One("field-type", TOPIC.replace("hours: 2", "hours: two"), "8:8", r"`hours` must be a number"),
    One("choice", TOPIC.replace("area: calculus", "area: calculas"), "3:7", r"did you mean `calculus`\?"),
    One("id-format", TOPIC.replace("stage: basics", "stage: Basics"), "2:8", r"not an id"),
    One("empty-field", TOPIC.replace("title: A topic", "title: ''"), "1:8", r"`title` is empty"),
    One("field-length", TOPIC.replace("[One, Two, Three]", "[One]"), "7:8", r"needs at least 3 item"),
    One("field-range", TOPIC.replace("hours: 2", "hours: 0"), "8:8", r"must be greater than 0"),
    One("text", TOPIC.replace("summary: About it.", 'summary: "One.\\n\\nTwo."'), "4:10", r"one paragraph"),
    One("markdown", TOPIC.replace("description: Text.", "description: Read <b>Text</b>"), "5:19", r"raw HTML \(`<b>`\)"),
    One("tex", TOPIC.replace("description: Text.", "description: Since $\\fracc{1}{2}$ holds"), "5:21", r"did you mean `\\frac`"),
    One("maths-as-text", TOPIC.replace("description: Text.", "description: Since x² holds"), "5:21", r"`²` written as text"),
    One("url", BOOK.replace("https://example.org/book", "ftp://example.org/book"), "3:6", r"must start with https://", Resource),
    One("isbn", BOOK + "isbn: '9780262035614'\n", "11:7", r"ISBN check digit", Resource),
    One("authors-or-provider", BOOK.replace("provider: A press\n", ""), "1:1", r"needs `authors`", Resource),
    One("needs-covers", resource(), "1:1", r"a book must say which topics it covers", Resource),
]


def _problems_of(path: str, text: str | bytes, model: type[Topic] | type[Resource]) -> list[Problem]:
    try:
        doc = load_text(path, text.decode("utf-8") if isinstance(text, bytes) else text)
    except DataError as exc:
        return exc.problems
    except UnicodeDecodeError:
        raise AssertionError("bytes go through load_file") from None
    return record_problems(doc, model)[1]


@pytest.mark.parametrize("case", ONE_FILE, ids=[c.check for c in ONE_FILE])
def test_one_file_check(case: One, tmp_path: Path) -> None:
    good = TOPIC if case.model is Topic else BOOK
    assert _problems_of("roadmap/a.yml", good, case.model) == []
    if isinstance(case.text, bytes):
        file = tmp_path / "a.yml"
        file.write_bytes(case.text)
        with pytest.raises(DataError) as info:
            load_file(file, "roadmap/a.yml")
        found = info.value.problems
    else:
        found = _problems_of("roadmap/a.yml", case.text, case.model)
    ours = [p for p in found if p.check == case.check]
    assert ours, found
    assert any(str(p).startswith(f"roadmap/a.yml:{case.where}") and re.search(case.gist, p.message) for p in ours), ours


def test_an_unmapped_field_error_is_a_field_problem() -> None:
    # Pydantic error types the models cannot raise today still get an id.
    assert _check_id({"type": "bool_type", "loc": ("x",), "msg": "", "input": 1}, ("x",)) == "field"


# Checks on files and folders, run through loading a tiny knowledge base.
def _tiny(root: Path) -> Path:
    (root / "roadmap").mkdir(parents=True)
    (root / "resources").mkdir()
    (root / "roadmap" / "stages.yml").write_text(STAGES, encoding="utf-8")
    (root / "roadmap" / "a.yml").write_text(TOPIC, encoding="utf-8")
    (root / "resources" / "r.yml").write_text(BOOK, encoding="utf-8")
    return root


def _mkdir(path: Path) -> None:
    path.mkdir()


FOLDER: list[tuple[str, Callable[[Path], object], str]] = [
    (
        "stages-file",
        lambda root: (root / "roadmap" / "stages.yml").unlink(),
        "roadmap/stages.yml:1:1: error[stages-file]: the stages file is missing",
    ),
    ("stray-folder", lambda root: _mkdir(root / "roadmap" / "more"), "roadmap/more:1:1: error[stray-folder]: a folder here is not read"),
    (
        "yaml-extension",
        lambda root: (root / "resources" / "s.yaml").write_text(BOOK),
        "resources/s.yaml:1:1: error[yaml-extension]: records use the `.yml` extension; rename it to `s.yml`",
    ),
    (
        "stray-file",
        lambda root: (root / "resources" / "notes.txt").write_text("x"),
        "resources/notes.txt:1:1: error[stray-file]: only `.yml` records belong in this folder",
    ),
    (
        "file-name",
        lambda root: (root / "roadmap" / "Big Topic.yml").write_text(TOPIC),
        "roadmap/Big Topic.yml:1:1: error[file-name]: file name `Big Topic.yml` is not a valid id",
    ),
    (
        "symlink",
        lambda root: (root / "roadmap" / "b.yml").symlink_to(root / "roadmap" / "a.yml"),
        "roadmap/b.yml:1:1: error[symlink]: a symbolic link: records are read from plain files only, never through a link",
    ),
    (
        "not-a-file",
        lambda root: os.mkfifo(root / "resources" / "s.yml"),
        "resources/s.yml:1:1: error[not-a-file]: a named pipe (FIFO), not a plain file",
    ),
    (
        "file-size",
        lambda root: (root / "roadmap" / "a.yml").write_text(TOPIC + "#" * MAX_BYTES),
        "roadmap/a.yml:1:1: error[file-size]: the file is 256 KiB, over the 256 KiB limit",
    ),
]


@pytest.mark.parametrize(("check", "spoil", "start"), FOLDER, ids=[c for c, _, _ in FOLDER])
def test_file_and_folder_check(check: str, spoil: Callable[[Path], object], start: str, tmp_path: Path) -> None:
    root = _tiny(tmp_path / "kb")
    load_roadmap(root)  # the good case: no problem at all
    spoil(root)
    with pytest.raises(DataError) as info:
        load_roadmap(root)
    assert [str(p) for p in info.value.problems if p.check == check and str(p).startswith(start)], info.value.problems


def test_unreadable(tmp_path: Path) -> None:
    good = tmp_path / "a.yml"
    good.write_text(TOPIC, encoding="utf-8")
    load_file(good, "roadmap/a.yml")
    folder = tmp_path / "b.yml"
    folder.mkdir()
    with pytest.raises(DataError) as info:
        load_file(folder, "roadmap/b.yml")
    assert [str(p) for p in info.value.problems] == ["roadmap/b.yml:1:1: error[unreadable]: cannot read the file: Is a directory"]


def test_every_check_id_is_tested_here() -> None:
    tested = {c.check for c in CROSS} | {c.check for c in ONE_FILE} | {c for c, _, _ in FOLDER} | {"unreadable", "field"}
    # `generated-file` is about a pull request's files: tests/test_pr.py holds it.
    assert tested | {"generated-file"} == set(ALL_CHECKS)


def test_ids_are_unique_and_well_formed() -> None:
    assert len(ALL_CHECKS) == len(set(ALL_CHECKS))
    assert not set(FILE_CHECKS) & set(CROSS_CHECKS)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", cid) for cid in ALL_CHECKS)


def test_a_problem_prints_its_check_id(tmp_path: Path) -> None:
    root = _tiny(tmp_path / "kb")
    shutil.copy(root / "roadmap" / "a.yml", root / "roadmap" / "b.yml")  # b: not covered by any resource
    with pytest.raises(DataError) as info:
        load_roadmap(root)
    assert str(info.value) == (
        "roadmap/b.yml:1:1: error[uncovered-topic]: no resource covers topic `b`; add one under resources/ with `covers: [{topic: b, sections: ...}]`"
    )


def test_every_id_the_code_gives_is_registered() -> None:
    """Ids written where problems are made, including paths no test reaches, are all in the registry."""
    import ast

    from generator.kb.checks import fields

    given: dict[str, str] = {}
    for path in sorted(Path(fields.__file__).parents[2].rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 3:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name in ("Problem", "fail") and isinstance(node.args[2], ast.Constant):
                given[str(node.args[2].value)] = f"{path.name}:{node.lineno}"
    given |= {
        cid: "fields.py" for cid in [*fields._IDS_BY_TYPE.values(), *fields._IDS_BY_FIELD.values(), *fields._IDS_BY_RECORD_MESSAGE.values()]
    }
    assert len(given) > 20
    assert {cid: where for cid, where in given.items() if cid not in ALL_CHECKS} == {}
