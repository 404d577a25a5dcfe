"""Loading a knowledge base: every record file read, checked, and gathered into a Roadmap."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator import collector, sizes, status
from generator.kb.checks import Records, cross_problems, record_problems
from generator.kb.checks.partial import read_resource, read_topic
from generator.kb.checks.registry import Partial
from generator.kb.models import ID_PATTERN, MAX_ID_LENGTH, Resource, StagesFile, Topic
from generator.kb.problems import DataError, Position, Problem, RootError
from generator.kb.roadmap import Roadmap
from generator.kb.strict_yaml import Document, link_problem, load_file, not_a_file
from generator.parallel import map_on_cores

STAGES_FILE = "stages.yml"
_ID = re.compile(ID_PATTERN)


def _record_files(folder: Path, problems: list[Problem], base: Path, skip: str = "") -> tuple[list[Path], set[str]]:
    """The record files to read in `folder` (all but `skip`), and the names (without `.yml`)
    of the records there that are not read: not plain files (a link, a pipe...) or not named
    by an id. Each is reported here, and never opened."""
    prefix = folder.relative_to(base).as_posix() + "/"
    # scandir sorted by name: the order sorted(iterdir()) gave, without a stat or a
    # Path comparison per file (thousands of them in a big knowledge base).
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    files = []
    unread: set[str] = set()
    for entry in entries:
        if entry.name.startswith(".") or entry.name in ("README.md", skip):
            continue
        file = folder / entry.name
        display = prefix + entry.name  # escaped where it is printed (Position, safe_text)
        if entry.is_symlink():
            # Never followed: it may lead out of the repository, to a device, nowhere, or round in a loop.
            problems.append(link_problem(display))
            if file.suffix == ".yml":
                unread.add(file.stem)
        elif entry.is_dir(follow_symlinks=False):
            problems.append(
                Problem(
                    Position(display), "a folder here is not read; records are single `.yml` files directly in this folder", "stray-folder"
                )
            )
        elif file.suffix == ".yaml":
            problems.append(
                Problem(Position(display), f"records use the `.yml` extension; rename it to `{file.stem}.yml`", "yaml-extension")
            )
        elif file.suffix != ".yml":
            problems.append(Problem(Position(display), "only `.yml` records belong in this folder; move or delete this file", "stray-file"))
        elif not _is_id(file.stem):
            problems.append(
                Problem(
                    Position(display),
                    f"file name `{file.name}` is not a valid id: use lowercase words joined by hyphens, e.g. `gradient-descent.yml`",
                    "file-name",
                )
            )
            unread.add(file.stem)
        elif not entry.is_file(follow_symlinks=False):
            problems.append(_not_plain(entry, display))
            unread.add(file.stem)
        else:
            files.append(file)
    return files, unread


def _is_id(name: str) -> bool:
    # In full: `$` alone also matches before a final newline, and `forum\n.yml` would pass.
    return len(name) <= MAX_ID_LENGTH and _ID.fullmatch(name) is not None


def _meant_id(name: str) -> str:
    """The id a file name not quite an id most likely means: `Gradient Descent ` -> `gradient-descent`."""
    return "-".join(name.lower().replace("_", " ").split())


def _not_plain(entry: os.DirEntry[str], display: str) -> Problem:
    """Why an entry that is neither a link, a folder nor a plain file is not read (a pipe, a device...)."""
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as exc:
        return Problem(Position(display), f"cannot read the file: {exc.strerror or exc}", "unreadable")
    return not_a_file(display, mode) or Problem(Position(display), "cannot read the file: it is not a plain file", "unreadable")


def _load_one(job: tuple[Path, str]) -> Document | list[Problem]:
    file, display = job
    try:
        doc = load_file(file, display)
    except DataError as exc:
        return exc.problems
    return doc


def _load_all(groups: Sequence[Sequence[Path]], base: Path, problems: list[Problem]) -> list[dict[str, Document]]:
    """Each group of files loaded, keyed by id; the problems of files that fail go to `problems`."""
    prefixes: dict[Path, str] = {}
    jobs = []
    for file in (file for files in groups for file in files):
        prefix = prefixes.get(file.parent)
        if prefix is None:
            prefix = prefixes[file.parent] = file.parent.relative_to(base).as_posix() + "/"
        jobs.append((file, prefix + file.name))
    loaded = map_on_cores(_load_one, jobs, min_items=sizes.PARALLEL_FILES)
    found = iter(zip(jobs, loaded))
    out = []
    for files in groups:
        docs = {}
        for (file, _), result in itertools.islice(found, len(files)):
            if isinstance(result, Document):
                docs[file.stem] = result
            else:
                problems += result
        out.append(docs)
    return out


def _raw_covers(data: Any) -> set[str]:
    covers = data.get("covers") if isinstance(data, dict) else None
    if not isinstance(covers, list):
        return set()
    return {c["topic"] for c in covers if isinstance(c, dict) and isinstance(c.get("topic"), str)}


def load_roadmap(root: Path) -> Roadmap:
    """Load and check every record under `root`; raise DataError listing every problem."""
    try:
        with collector.paused():
            return _load_roadmap(root)
    finally:
        status.clear()


def _load_roadmap(root: Path) -> Roadmap:
    roadmap_dir, resources_dir = root / "roadmap", root / "resources"
    missing = [d.name + "/" for d in (roadmap_dir, resources_dir) if not d.is_dir()]
    if missing:
        raise RootError(f"{root}: no {' or '.join(missing)} folder here; run from the repository root or pass --root DIR")

    problems: list[Problem] = []
    stages_file: tuple[StagesFile, Document] | None = None
    documents: dict[str, Document] = {}
    stages_path = roadmap_dir / STAGES_FILE
    if not os.path.lexists(stages_path):
        problems.append(
            Problem(Position(f"roadmap/{STAGES_FILE}"), "the stages file is missing; create it with a `stages:` list", "stages-file")
        )
    else:
        try:
            doc = load_file(stages_path, f"roadmap/{STAGES_FILE}")
        except DataError as exc:
            problems += exc.problems
        else:
            documents[doc.path] = doc
            parsed, found = record_problems(doc, StagesFile)
            problems += found
            if parsed is not None:
                stages_file = (parsed, doc)

    topic_files, unread_topics = _record_files(roadmap_dir, problems, root, skip=STAGES_FILE)
    # A topic file not read is broken under the id its name means (`vectors.yml ` means
    # `vectors`): what others say of that id is judged once the file is read.
    unread_topic_ids = {meant for meant in map(_meant_id, unread_topics) if _is_id(meant)}
    resource_files, unread_resources = _record_files(resources_dir, problems, root)
    files = len(topic_files) + len(resource_files)
    status.show(f"reading {files:,} record files", size=files)
    topic_docs, resource_docs = _load_all([topic_files, resource_files], root, problems)
    status.show(f"checking {len(topic_docs) + len(resource_docs):,} records", size=files)
    topics: dict[str, tuple[Topic, Document]] = {}
    # A record that fails its model is still judged against the others on what it says
    # plainly: a misspelt topic id is reported in the same run as a field error beside it.
    partial_topics: dict[str, Partial] = {}
    for tid, doc in topic_docs.items():
        documents[doc.path] = doc
        topic, found = record_problems(doc, Topic)
        problems += found
        if topic is not None:
            topics[tid] = (topic, doc)
        else:
            partial_topics[tid] = read_topic(doc)

    resources: dict[str, tuple[Resource, Document]] = {}
    partial_resources: dict[str, Partial] = {}
    covered_by_broken: set[str] = set()
    if len(resource_docs) < len(resource_files) or unread_resources:
        # A resource file that is not even YAML (or not read at all) could cover any topic: report
        # its own problem, not "no resource covers ..." for every topic it may be teaching.
        covered_by_broken |= {f.stem for f in topic_files} | unread_topic_ids
    for rid, doc in resource_docs.items():
        documents[doc.path] = doc
        resource, found = record_problems(doc, Resource)
        problems += found
        if resource is not None:
            resources[rid] = (resource, doc)
        else:
            partial_resources[rid] = read_resource(doc)
            covered_by_broken |= _raw_covers(doc.data)

    broken_topics = (frozenset(f.stem for f in topic_files) | unread_topic_ids) - set(topics)
    records = Records(stages_file, topics, resources, broken_topics, frozenset(covered_by_broken), partial_topics, partial_resources)
    problems += cross_problems(records)
    if problems or records.stages is None:
        raise DataError(problems)
    ordered = tuple(sorted(records.stages.values(), key=lambda s: s.order))
    return Roadmap(
        stages=ordered,
        topics={tid: t for tid, (t, _) in sorted(topics.items())},
        resources={rid: r for rid, (r, _) in sorted(resources.items())},
        documents=documents,
    )
