"""`roadmap new topic|resource`: write a record that validates as it stands.

Values come from flags; on a terminal, whatever is missing is asked for.
Nothing is written unless the record passes its model and names only topics
that exist, and an id or URL already in use is refused with the file that has it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.kb.checks import record_problems
from generator.kb.models import ID_PATTERN, MAX_ID_LENGTH, Resource, Topic
from generator.kb.problems import DataError, Problem, did_you_mean
from generator.kb.strict_yaml import load_text, read_record
from generator.kb.urls import normalise_url
from generator.kb.vocabulary import (
    AREAS,
    COSTS,
    EXERCISE_KINDS,
    KINDS,
    LEVELS,
    STRENGTHS,
    TOPICLESS_KINDS,
)

Ask = Callable[[str], str]
ID = re.compile(ID_PATTERN)
_WIDTH = 88


def slugify(title: str) -> str:
    """'Bayes' Theorem (2nd ed.)' -> 'bayes-theorem-2nd-ed'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower().replace("'", "")).strip("-")
    return slug[:64].rstrip("-")


def _scalar(text: str) -> str:
    """A one-line YAML scalar that reads back as exactly `text`."""
    try:
        plain = bool(text) and not text[0].isspace() and "#" not in text and yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def _block(key: str, text: str, indent: int = 0, style: str = ">-") -> str:
    pad = " " * indent
    if style == ">-":
        body = textwrap.fill(text, width=_WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
    else:
        body = text.rstrip("\n")
    lines = "\n".join(f"{pad}  {line}" if line else "" for line in body.splitlines())
    out = f"{pad}{key}: {style}\n{lines}\n"
    expected = text if style == ">-" else text.rstrip("\n") + "\n"
    if yaml.safe_load(textwrap.dedent(out)) != {key: expected}:
        return f"{pad}{key}: {json.dumps(text, ensure_ascii=False)}\n"
    return out


def _item(text: str) -> str:
    """A list item; one with a formula as a `>-` block, where a backslash is just a backslash."""
    if "\\" not in text and "$" not in text:
        return f"  - {_scalar(text)}\n"
    return _block("-", text, indent=2).replace("  -: >-", "  - >-", 1)


def render_topic(values: dict[str, Any]) -> str:
    """YAML text of a topic record in the repository's house style."""
    out = [
        f"title: {_scalar(values['title'])}\n",
        f"stage: {values['stage']}\n",
        f"area: {values['area']}\n",
        _block("summary", values["summary"]),
        _block("description", values["description"].rstrip("\n") + "\n", style="|"),
        _block("why_it_matters", values["why_it_matters"].rstrip("\n") + "\n", style="|"),
        "goals:\n" + "".join(_item(goal) for goal in values["goals"]),
        f"hours: {_number(values['hours'])}\n",
    ]
    pres = values.get("prerequisites") or []
    if not pres:
        out.append("prerequisites: []\n")
    else:
        out.append("prerequisites:\n")
        for pre in pres:
            out.append(f"  - topic: {pre['topic']}\n    strength: {pre['strength']}\n")
            out.append(_block("reason", pre["reason"], indent=4))
    out.append("exercises:\n")
    for exercise in values.get("exercises") or []:
        out.append(f"  - kind: {exercise['kind']}\n    goals: [{', '.join(str(n) for n in exercise['goals'])}]\n")
        out.append(_block("question", exercise["question"].rstrip("\n") + "\n", indent=4, style="|"))
        out.append(_block("solution", exercise["solution"].rstrip("\n") + "\n", indent=4, style="|"))
    return "".join(out)


def render_resource(values: dict[str, Any]) -> str:
    """YAML text of a resource record in the repository's house style."""
    out = [f"title: {_scalar(values['title'])}\n", f"kind: {values['kind']}\n", f"url: {_scalar(values['url'])}\n"]
    if values.get("authors"):
        out.append("authors:\n" + "".join(f"  - {_scalar(a)}\n" for a in values["authors"]))
    if values.get("provider"):
        out.append(f"provider: {_scalar(values['provider'])}\n")
    out += [f"cost: {values['cost']}\n", f"level: {values['level']}\n"]
    for key in ("hours", "year"):
        if values.get(key) is not None:
            out.append(f"{key}: {_number(values[key])}\n")
    for key in ("edition", "isbn"):
        if values.get(key):
            out.append(f"{key}: {json.dumps(str(values[key]))}\n")
    out.append(_block("description", values["description"]))
    covers = values.get("covers") or []
    if not covers:
        out.append("covers: []\n")
    else:
        out.append("covers:\n")
        for cover in covers:
            out.append(f"  - topic: {cover['topic']}\n    sections: {_scalar(cover['sections'])}\n")
    return "".join(out)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class ScaffoldError(Exception):
    """Wrong or missing input for `roadmap new` (exit status 2)."""


def _existing(root: Path) -> tuple[dict[str, Path], dict[str, Path], dict[str, Path]]:
    """Topic files, resource files, and resource URLs (normalised) with the file that has each."""
    topics = {p.stem: p for p in sorted((root / "roadmap").glob("*.yml")) if p.name != "stages.yml"}
    resources = {p.stem: p for p in sorted((root / "resources").glob("*.yml"))}
    urls: dict[str, Path] = {}
    for rid, path in resources.items():
        data = _record_data(path, f"resources/{rid}.yml")
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            urls.setdefault(normalise_url(data["url"]), path)
    return topics, resources, urls


def _record_data(path: Path, display: str) -> Any:
    """A record's data read as `validate` reads it (plain files only, strict YAML), or None:
    broken files are `roadmap validate`'s business, and must not hang or crash `new`."""
    try:
        return load_text(display, read_record(path, display).decode("utf-8")).data
    except (DataError, UnicodeDecodeError):
        return None


def _stage_ids(root: Path) -> list[str]:
    data = _record_data(root / "roadmap" / "stages.yml", "roadmap/stages.yml")
    try:
        return [s["id"] for s in data["stages"] if s.get("kinds", []) == []]
    except (KeyError, TypeError, AttributeError):
        return ["foundations", "advanced", "machine-learning"]


def _choice(value: str, choices: Any, flag: str) -> str:
    if value not in choices:
        raise ScaffoldError(f"{flag} {value!r} is not one of: {', '.join(choices)}{did_you_mean(value, choices)}")
    return value


def _parse_covers(items: list[str], topics: dict[str, Path]) -> list[dict[str, str]]:
    covers = []
    for item in items:
        topic, _, sections = item.partition(":")
        topic = topic.strip()
        if topic not in topics:
            raise ScaffoldError(f"--covers names {topic!r}, which is not a topic{did_you_mean(topic, topics)}")
        if not sections.strip():
            raise ScaffoldError(f"--covers {topic}: say which sections, e.g. --covers '{topic}:Ch. 3'")
        covers.append({"topic": topic, "sections": sections.strip()})
    return covers


def _parse_prerequisites(items: list[str], topics: dict[str, Path]) -> list[dict[str, str]]:
    pres = []
    for item in items:
        parts = item.split(":", 2)
        if len(parts) != 3 or not parts[2].strip():
            raise ScaffoldError(f"--prerequisite {item!r}: write TOPIC:required|recommended:REASON")
        topic, strength, reason = (p.strip() for p in parts)
        if topic not in topics:
            raise ScaffoldError(f"--prerequisite names {topic!r}, which is not a topic{did_you_mean(topic, topics)}")
        pres.append({"topic": topic, "strength": _choice(strength, STRENGTHS, "strength"), "reason": reason})
    return pres


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask_missing(values: dict[str, Any], questions: list[tuple[str, str]], ask: Ask | None) -> None:
    missing = [(key, prompt) for key, prompt in questions if values.get(key) in (None, "", [])]
    if not missing:
        return
    if ask is None:
        flags = ", ".join(f"--{key.replace('_', '-')}" for key, _ in missing)
        raise ScaffoldError(f"missing {flags} (run on a terminal to be asked for them)")
    for key, prompt in missing:
        answer = ask(f"{prompt}: ").strip()
        while not answer:
            answer = ask(f"{prompt} (required): ").strip()
        values[key] = answer


def check_id(rid: str, flag: str = "--id") -> str:
    """`rid` as a record id, or a ScaffoldError saying what an id looks like. Ids become
    file names, so nothing else may pass: no path separators, dots, capitals or newlines."""
    if not ID.fullmatch(rid) or len(rid) > MAX_ID_LENGTH:
        raise ScaffoldError(
            f"{flag} {rid!r} is not a valid id: use lowercase letters and digits in words joined by hyphens, "
            f"at most {MAX_ID_LENGTH} characters, e.g. `gradient-descent`"
        )
    return rid


def _problems(root: Path) -> list[Problem]:
    from generator.kb.loading import load_roadmap

    try:
        load_roadmap(root)
    except DataError as exc:
        return exc.problems
    return []


def _new_problems(root: Path, folder: str, rid: str, text: str) -> list[Problem]:
    """What `roadmap validate` would say about the knowledge base with this record added that
    it does not say already: the new record checked against every other one (a known URL in
    its http form, a clash of ids, a cycle...), in a copy, so nothing is written yet."""
    before = {str(p) for p in _problems(root)}
    with tempfile.TemporaryDirectory(prefix="roadmap-new-") as tmp:
        copy = Path(tmp)
        for part in ("roadmap", "resources"):
            (copy / part).mkdir()
            for path in (root / part).glob("*.yml"):
                # Copied as they are, so the copy says what the original says: a link stays a
                # link and a pipe or device becomes a pipe, both refused unread by the loader.
                mode = path.lstat().st_mode
                if stat.S_ISLNK(mode) or stat.S_ISREG(mode):
                    shutil.copyfile(path, copy / part / path.name, follow_symlinks=False)
                else:
                    os.mkfifo(copy / part / path.name)
        (copy / folder / f"{rid}.yml").write_text(text, encoding="utf-8")
        after = _problems(copy)
    display = f"{folder}/{rid}.yml"
    # A new topic has no resource yet: that is the next step, which `new` prints.
    return [
        p
        for p in after
        if str(p) not in before and not (folder == "roadmap" and p.position.path == display and p.check == "uncovered-topic")
    ]


def _check_and_write(root: Path, folder: str, rid: str, text: str, model: type[Topic] | type[Resource]) -> Path:
    display = f"{folder}/{rid}.yml"
    check_id(rid)
    try:
        doc = load_text(display, text)
    except DataError as exc:  # pragma: no cover - our own renderer must always produce valid YAML
        raise ScaffoldError("; ".join(str(p) for p in exc.problems)) from exc
    _, problems = record_problems(doc, model)
    if not problems:
        problems = _new_problems(root, folder, rid, text)
    if problems:
        raise ScaffoldError("the record would not validate:\n" + "\n".join(str(p) for p in problems))
    path = root / folder / f"{rid}.yml"
    with path.open("x", encoding="utf-8") as out:  # never over a file that appeared meanwhile
        out.write(text)
    return path


def new_resource(args: argparse.Namespace, ask: Ask | None) -> Path:
    root = Path(args.root)
    topics, resources, urls = _existing(root)
    values: dict[str, Any] = {
        "title": args.title,
        "url": args.url,
        "kind": args.kind,
        "cost": args.cost,
        "level": args.level,
        "authors": args.author or [],
        "provider": args.provider,
        "description": args.description,
        "hours": args.hours,
        "year": args.year,
        "edition": args.edition,
        "isbn": args.isbn,
    }
    _ask_missing(values, [("title", "Title"), ("url", "URL (https://...)")], ask)
    key = normalise_url(values["url"])
    if key in urls:
        raise ScaffoldError(f"{values['url']} is already in {urls[key].relative_to(root).as_posix()}; extend its `covers` instead")
    _ask_missing(
        values,
        [
            ("kind", f"Kind ({', '.join(KINDS)})"),
            ("cost", f"Cost ({', '.join(COSTS)})"),
            ("level", f"Level ({', '.join(LEVELS)})"),
        ],
        ask,
    )
    for key_, choices in (("kind", KINDS), ("cost", COSTS), ("level", LEVELS)):
        _choice(values[key_], choices, f"--{key_}")
    if not values["authors"] and not values["provider"]:
        if ask is None:
            raise ScaffoldError("missing --author (repeatable) or --provider")
        who = ask("Authors (comma-separated), or leave empty to give a provider: ").strip()
        values["authors"] = [a.strip() for a in who.split(",") if a.strip()]
        if not values["authors"]:
            _ask_missing(values, [("provider", "Provider (organisation or platform)")], ask)
    _ask_missing(values, [("description", "Why this resource, and for whom (your own words)")], ask)
    covers = _parse_covers(args.covers or [], topics)
    if not covers and values["kind"] not in TOPICLESS_KINDS:
        if ask is None:
            raise ScaffoldError(f"a {values['kind']} must cover at least one topic: --covers TOPIC:SECTIONS")
        while not covers:
            answer = ask("Covers (TOPIC:SECTIONS, comma-separated, e.g. eigenvalues-and-eigenvectors:Ch. 6): ")
            try:
                covers = _parse_covers([c for c in answer.split(",") if c.strip()], topics)
            except ScaffoldError as exc:
                print(exc, file=sys.stderr)
    values["covers"] = covers
    rid = check_id(args.id) if args.id is not None else slugify(values["title"])
    if not rid:
        raise ScaffoldError("cannot make an id from that title; pass --id")
    if rid in resources or rid in topics:
        existing = resources.get(rid) or topics[rid]
        raise ScaffoldError(f"id {rid!r} is taken by {existing.relative_to(root).as_posix()}; pass another --id")
    return _check_and_write(root, "resources", rid, render_resource(values), Resource)


def _exercise(kind: str, goals: str, question: str, solution: str, goal_count: int) -> dict[str, Any]:
    _choice(kind, EXERCISE_KINDS, "--exercise KIND")
    try:
        numbers = [int(part) for part in goals.replace(" ", "").split(",") if part]
    except ValueError:
        raise ScaffoldError(f"--exercise GOALS {goals!r}: write the goal numbers it tests, such as `1,3`") from None
    if not numbers or any(not 1 <= n <= goal_count for n in numbers):
        raise ScaffoldError(f"--exercise GOALS {goals!r}: goal numbers run from 1 to {goal_count}")
    return {"kind": kind, "goals": numbers, "question": question, "solution": solution}


def _exercises(given: list[list[str]], goal_count: int, ask: Ask | None) -> list[dict[str, Any]]:
    """3 to 6 exercises, from --exercise or asked for; `validate` then checks that every goal is tested."""
    found = [_exercise(kind, goals, question, solution, goal_count) for kind, goals, question, solution in given]
    while len(found) < 3:
        if ask is None:
            raise ScaffoldError("give 3 to 6 --exercise KIND GOALS QUESTION SOLUTION: questions that test the goals, with worked solutions")
        number = len(found) + 1
        kind = ask(f"Exercise {number}: kind ({', '.join(EXERCISE_KINDS)}): ").strip()
        goals = ask(f"Exercise {number}: the goal numbers it tests (e.g. 1,3): ").strip()
        question = ask(f"Exercise {number}: question (Markdown, formulas as $...$): ").strip()
        solution = ask(f"Exercise {number}: worked solution: ").strip()
        try:
            found.append(_exercise(kind, goals, question, solution, goal_count))
        except ScaffoldError as exc:
            print(exc, file=sys.stderr)
    return found


def new_topic(args: argparse.Namespace, ask: Ask | None) -> Path:
    root = Path(args.root)
    topics, resources, _ = _existing(root)
    stages = _stage_ids(root)
    values: dict[str, Any] = {
        "title": args.title,
        "stage": args.stage,
        "area": args.area,
        "summary": args.summary,
        "description": args.description,
        "why_it_matters": args.why_it_matters,
        "hours": args.hours,
        "goals": args.goal or [],
    }
    _ask_missing(
        values,
        [
            ("title", "Title"),
            ("stage", f"Stage ({', '.join(stages)})"),
            ("area", f"Area ({', '.join(AREAS)})"),
            ("summary", "Summary (one or two sentences; formulas as $...$)"),
            ("description", "Description (Markdown, your own words; formulas as $...$, or $$ lines for display)"),
            ("why_it_matters", "Why it matters for machine learning"),
            ("hours", "Hours to learn it"),
        ],
        ask,
    )
    _choice(values["stage"], stages, "--stage")
    _choice(values["area"], AREAS, "--area")
    try:
        values["hours"] = float(values["hours"])
    except ValueError:
        raise ScaffoldError(f"--hours {values['hours']!r} is not a number") from None
    while len(values["goals"]) < 3:
        if ask is None:
            raise ScaffoldError("give 3 to 6 --goal lines: what a learner can do after this topic")
        goal = ask(f"Goal {len(values['goals']) + 1} (what a learner can do after): ").strip()
        if goal:
            values["goals"].append(goal)
    values["prerequisites"] = _parse_prerequisites(args.prerequisite or [], topics)
    values["exercises"] = _exercises(getattr(args, "exercise", None) or [], len(values["goals"]), ask)
    tid = check_id(args.id) if args.id is not None else slugify(values["title"])
    if not tid:
        raise ScaffoldError("cannot make an id from that title; pass --id")
    if tid in topics or tid in resources:
        existing = topics.get(tid) or resources[tid]
        raise ScaffoldError(f"id {tid!r} is taken by {existing.relative_to(root).as_posix()}; pass another --id")
    return _check_and_write(root, "roadmap", tid, render_topic(values), Topic)
