"""`roadmap new`: what it writes validates as it stands; taken ids and URLs are refused."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.scaffold import new_resource, slugify

from helpers import Result

BOOK = [
    "new",
    "resource",
    "--title",
    "Calculus: Early Transcendentals",
    "--url",
    "https://example.org/calc",
    "--kind",
    "book",
    "--cost",
    "paid",
    "--level",
    "beginner",
    "--author",
    "Jane Doe",
    "--year",
    "2015",
    "--isbn",
    "978-0-262-03561-3",
    "--description",
    "A thorough first-year text; good for learners who want drill #1.",
    "--covers",
    "derivatives:Ch. 3",
    "--covers",
    "gradients:Ch. 14.6",
]


def test_new_resource_validates_as_it_stands(mini_root: Path, run: Callable[..., Result]) -> None:
    result = run(*BOOK, "--root", mini_root)
    assert result.code == 0, result.err
    assert result.out.startswith("wrote resources/calculus-early-transcendentals.yml\n")
    roadmap = load_roadmap(mini_root)
    book = roadmap.resources["calculus-early-transcendentals"]
    assert book.title == "Calculus: Early Transcendentals"
    assert book.description.endswith("#1.")
    assert [(c.topic, c.sections) for c in book.covers] == [("derivatives", "Ch. 3"), ("gradients", "Ch. 14.6")]


def test_new_topic_validates_once_a_resource_covers_it(mini_root: Path, run: Callable[..., Result]) -> None:
    result = run(
        "new",
        "topic",
        "--root",
        mini_root,
        "--title",
        "Chain rule",
        "--stage",
        "foundations",
        "--area",
        "calculus",
        "--summary",
        "Derivatives of compositions: rates multiply.",
        "--description",
        "Line one.\n\n- a list: item\n",
        "--why-it-matters",
        "Backpropagation is the chain rule.",
        "--goal",
        "Differentiate compositions.",
        "--goal",
        "Draw a computational graph.",
        "--goal",
        "Explain why rates multiply.",
        "--hours",
        "4",
        "--prerequisite",
        "derivatives:required:Single-variable derivatives come first.",
        *EXERCISE_ARGS,
    )
    assert result.code == 0, result.err
    assert "next: add a resource that covers it" in result.out
    assert run(*BOOK, "--root", mini_root, "--covers", "chain-rule:Ch. 3.6").code == 0
    topic = load_roadmap(mini_root).topics["chain-rule"]
    assert topic.description == "Line one.\n\n- a list: item\n"
    assert topic.prerequisites[0].topic == "derivatives"
    assert [(e.kind, e.goals) for e in topic.exercises] == [("compute", [1]), ("explain", [2, 3]), ("code", [1])]
    assert topic.exercises[0].question == "Differentiate $\\sin(x^2)$.\n"


EXERCISE_ARGS = [
    *("--exercise", "compute", "1", "Differentiate $\\sin(x^2)$.", "It is $2x \\cos(x^2)$."),
    *("--exercise", "explain", "2,3", "Why do rates multiply?", "Each step scales small changes."),
    *("--exercise", "code", "1", "Check it with NumPy.", "Compare with a central difference."),
]


@pytest.mark.parametrize(
    ("exercise", "message"),
    [
        (["--exercise", "prove", "1", "Q", "S"], "--exercise KIND 'prove' is not one of: compute, explain, code"),
        (["--exercise", "compute", "7", "Q", "S"], "goal numbers run from 1 to 3"),
        (["--exercise", "compute", "one", "Q", "S"], "write the goal numbers it tests"),
    ],
)
def test_new_topic_refuses_a_bad_exercise(mini_root: Path, run: Callable[..., Result], exercise: list[str], message: str) -> None:
    goals = ["--goal", "A.", "--goal", "B.", "--goal", "C."]
    base = ["new", "topic", "--root", mini_root, "--title", "T", "--stage", "foundations", "--area", "calculus"]
    texts = ["--summary", "S.", "--description", "D.", "--why-it-matters", "W.", "--hours", "2"]
    result = run(*base, *texts, *goals, *exercise)
    assert result.code == 2 and message in result.err, result.err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--url", "HTTPS://Forum.Example.org/"], "is already in resources/forum.yml"),
        (["--title", "Forum", "--url", "https://example.org/new", "--id", "forum"], "id 'forum' is taken by resources/forum.yml"),
        (["--id", "la-book", "--url", "https://example.org/new"], "id 'la-book' is taken by resources/la-book.yml"),
        (["--kind", "bok"], "--kind 'bok' is not one of: course, book"),
        (["--covers", "derivates:Ch. 1"], "not a topic; did you mean `derivatives`?"),
        (["--covers", "vectors"], "say which sections"),
        (["--url", "ftp://example.org/x"], "must start with https://"),
        # Checked against the whole knowledge base, as `validate` would: this host is known over https.
        (["--url", "http://forum.example.org/threads"], "the record would not validate"),
        # Ids are file names: nothing that leaves the folder, replaces another record, or is no id.
        (["--id", "../../../escaped"], "is not a valid id"),
        (["--id", "../roadmap/vectors"], "is not a valid id"),
        (["--id", "/tmp/roadmap-new-absolute"], "is not a valid id"),
        (["--id", "Bad Id"], "is not a valid id"),
        (["--id", "x\n"], "is not a valid id"),
        (["--id", "x" * 65], "is not a valid id"),
    ],
)
def test_refusals_exit_2_and_write_nothing(mini_root: Path, run: Callable[..., Result], change: list[str], message: str) -> None:
    before = sorted(p.relative_to(mini_root.parent) for p in mini_root.parent.rglob("*"))
    args = list(BOOK)
    for i in range(0, len(change), 2):
        flag, value = change[i], change[i + 1]
        if flag in args and flag != "--covers":
            args[args.index(flag) + 1] = value
        else:
            args += [flag, value]
    result = run(*args, "--root", mini_root)
    assert result.code == 2
    assert message in result.err
    assert sorted(p.relative_to(mini_root.parent) for p in mini_root.parent.rglob("*")) == before
    assert not Path("/tmp/roadmap-new-absolute.yml").exists()


def test_missing_values_without_a_terminal_are_named(mini_root: Path, run: Callable[..., Result]) -> None:
    result = run("new", "resource", "--root", mini_root, "--title", "X")
    assert result.code == 2
    assert "missing --url" in result.err


def test_interactive_asks_for_what_is_missing(mini_root: Path) -> None:
    answers: Iterator[str] = iter(
        [
            "https://example.org/stats",
            "course",
            "free",
            "beginner",
            "",
            "Open Stats Org",
            "A gentle course; good for beginners.",
            "derivates:Week 1, derivatives:Week 1",
        ]
    )
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    args = argparse.Namespace(
        root=str(mini_root),
        title="Open Statistics",
        url=None,
        kind=None,
        cost=None,
        level=None,
        author=None,
        provider=None,
        description=None,
        covers=None,
        hours=None,
        year=None,
        edition=None,
        isbn=None,
        id=None,
    )
    with pytest.raises(StopIteration):
        # The first covers answer has a typo, so it is asked again; we run out of answers there.
        new_resource(args, ask)
    assert asked[0].startswith("URL") and asked[-1].startswith("Covers")

    answers = iter(
        [
            "https://example.org/stats",
            "course",
            "free",
            "beginner",
            "",
            "Open Stats Org",
            "A gentle course; good for beginners.",
            "derivatives:Week 1",
        ]
    )
    path = new_resource(args, ask)
    assert path.name == "open-statistics.yml"
    assert load_roadmap(mini_root).resources["open-statistics"].provider == "Open Stats Org"


@pytest.mark.parametrize(
    ("title", "slug"), [("Bayes' Theorem (2nd ed.)", "bayes-theorem-2nd-ed"), ("Éléments", "elements"), ("  A--B  ", "a-b")]
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_new_reads_the_knowledge_base_as_validate_does_and_never_hangs(mini_root: Path) -> None:
    # A pipe and a link to /dev/zero among the records: `validate` refuses both unread; `new`
    # used to open them (a pipe waits for a writer forever, /dev/zero never ends).
    os.mkfifo(mini_root / "resources" / "pipe.yml")
    (mini_root / "resources" / "zero.yml").symlink_to("/dev/zero")
    (mini_root / "roadmap" / "stages-link.yml").symlink_to("/dev/zero")
    done = subprocess.run([sys.executable, "-m", "generator", *BOOK, "--root", str(mini_root)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (mini_root / "resources" / "calculus-early-transcendentals.yml").is_file()
