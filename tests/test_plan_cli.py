"""`roadmap plan`: formats, exit statuses, did-you-mean, the ready list."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# Not `from conftest import ...`: with tests/browser/conftest.py also named conftest, which one
# that finds depends on collection order.
MINI = Path(__file__).parent / "fixtures" / "mini"
Result = Any  # conftest.Result: code, out, err


def test_text_plan(run: Callable[..., Result]) -> None:
    result = run("plan", "linear-regression", "--root", MINI)
    assert result.code == 0, result.err
    assert result.out.splitlines()[:3] == [
        "Study plan for Linear regression (linear-regression)",
        "3 topics, 15 h in total",
        "",
    ]
    assert re.findall(r"^\d\. .*\((\S+)\):", result.out, re.M) == ["vectors", "matrices", "linear-regression"]
    assert "A Linear Algebra Book [book, free, beginner] https://example.org/la-book/\n       read: Ch. 1\n" in result.out


def test_json_contract(run: Callable[..., Result]) -> None:
    result = run("plan", "linear-regression", "gradient-descent", "--known", "vectors", "--format", "json", "--root", MINI)
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert list(doc) == ["targets", "known", "steps", "total_hours"]
    assert doc["targets"] == ["linear-regression", "gradient-descent"]
    assert doc["known"] == ["vectors"]
    assert [s["topic"] for s in doc["steps"]] == ["matrices", "derivatives", "gradients", "gradient-descent", "linear-regression"]
    for step in doc["steps"]:
        assert list(step) == ["topic", "title", "hours", "resources"]
        assert all({"id", "title", "url", "kind", "cost", "level", "sections"} == set(r) for r in step["resources"])
    assert doc["total_hours"] == 26 == sum(s["hours"] for s in doc["steps"])


def test_json_weeks_only_when_asked(run: Callable[..., Result]) -> None:
    assert "weeks" not in json.loads(run("plan", "gradient-descent", "--format", "json", "--root", MINI).out)
    args = ["plan", "gradient-descent", "--hours-per-week", "5", "--start", "2027-01-04", "--format", "json", "--root", MINI]
    doc = json.loads(run(*args).out)
    assert list(doc) == ["targets", "known", "steps", "total_hours", "start", "weeks"]
    assert doc["weeks"][:3] == [
        {
            "week": 1,
            "from": "2027-01-04",
            "to": "2027-01-10",
            "hours": 5,
            "steps": [{"topic": "derivatives", "hours": 5, "part": 1, "parts": 2}],
            "reviews": [],
        },
        {
            "week": 2,
            "from": "2027-01-11",
            "to": "2027-01-17",
            "hours": 5,
            "steps": [{"topic": "derivatives", "hours": 1, "part": 2, "parts": 2}, {"topic": "gradients", "hours": 4}],
            "reviews": [],
        },
        {
            "week": 3,
            "from": "2027-01-18",
            "to": "2027-01-24",
            "hours": 5,
            "steps": [{"topic": "gradient-descent", "hours": 4.5, "part": 1, "parts": 2}],
            "reviews": [
                {"topic": "derivatives", "due": "2027-01-18", "hours": 0, "covered_by": "gradients"},
                {"topic": "gradients", "due": "2027-01-18", "hours": 0.5},
            ],
        },
    ]


def test_include_recommended(run: Callable[..., Result]) -> None:
    plain = json.loads(run("plan", "linear-regression", "--format", "json", "--root", MINI).out)
    rec = json.loads(run("plan", "linear-regression", "--include-recommended", "--format", "json", "--root", MINI).out)
    assert len(rec["steps"]) == 6 > len(plain["steps"]) == 3


def test_known_as_comma_list_and_repeated(run: Callable[..., Result]) -> None:
    a = run("plan", "linear-regression", "--known", "vectors,derivatives", "--format", "json", "--root", MINI).out
    b = run("plan", "linear-regression", "--known", "vectors", "--known", "derivatives", "--format", "json", "--root", MINI).out
    assert json.loads(a) == json.loads(b)


def test_markdown_checklist(run: Callable[..., Result]) -> None:
    result = run("plan", "gradient-descent", "--known", "derivatives", "--format", "markdown", "--root", MINI)
    assert result.code == 0
    assert result.out == (
        "# Study plan: Gradient descent\n"
        "\n"
        "- Targets: Gradient descent (`gradient-descent`)\n"
        "- Already known: Derivatives (`derivatives`)\n"
        "- 2 topics, 9 h in total\n"
        "\n"
        "- [ ] Gradients (`gradients`), 4 h\n"
        "  - [Calculus Videos](https://video.example.org/calculus): video, free, beginner; read Video 5\n"
        "- [ ] Gradient descent (`gradient-descent`), 5 h\n"
        "  - [An ML Course](https://courses.example.org/ml): course, free-to-audit, intermediate; read Week 2\n"
    )


def test_markdown_with_weeks(run: Callable[..., Result]) -> None:
    out = run("plan", "gradient-descent", "--hours-per-week", "10", "--start", "2027-01-04", "--format", "markdown", "--root", MINI).out
    assert "- 3 topics, 15 h in total, 2 weeks at 10 h a week from 2027-01-04, reviews included\n" in out
    assert "## Week 1 (2027-01-04 to 2027-01-10): 10 h\n\n- [ ] Derivatives (`derivatives`), 6 h\n" in out
    assert "## Week 2 (2027-01-11 to 2027-01-17): 5.5 h\n\n- [ ] Gradient descent (`gradient-descent`), 5 h\n" in out
    assert "- [ ] Review Derivatives (with Gradients), due 2027-01-11\n- [ ] Review Gradients, 30 min, due 2027-01-11\n" in out


def test_a_timetable_from_exported_progress(run: Callable[..., Result], tmp_path: Path) -> None:
    progress = tmp_path / "mfml-progress.json"
    progress.write_text(
        json.dumps(
            {
                "version": 2,
                "start": "2027-01-04",
                "topics": {"derivatives": {"status": "done", "on": "2026-12-20"}, "gradients": {"status": "in-progress"}},
                "exercises": {"derivatives": {"1": {"mark": "not-yet", "on": "2027-01-06"}}},
            }
        ),
        encoding="utf-8",
    )
    out = run("plan", "gradient-descent", "--hours-per-week", "5", "--progress", progress, "--format", "text", "--root", MINI).out
    # derivatives is done: reviewed (sooner, after its exercise marked "not yet"), not studied
    # (its first review, due the day after "not yet", takes half an hour of week 1's five)
    week = "Week 1, 2027-01-04 to 2027-01-10 (5 h):\n  study  gradients: 4 h\n  study  gradient-descent: 0.5 h, part 1 of 2\n"
    assert week + "  review derivatives, 30 min, due 2027-01-07\n" in out


@pytest.mark.parametrize(
    ("args", "gist"),
    [
        (["--format", "ics"], "a timetable needs a pace"),
        (["--start", "2027-02-30", "--hours-per-week", "5"], "is not a real date"),
        (["--progress", "missing.json", "--hours-per-week", "5"], "--progress missing.json: cannot read it"),
    ],
)
def test_timetable_options_are_checked(run: Callable[..., Result], args: list[str], gist: str) -> None:
    result = run("plan", "gradient-descent", *args, "--root", MINI)
    assert result.code == 2 and gist in result.err, result.err


def test_ics_is_a_calendar(run: Callable[..., Result]) -> None:
    out = run("plan", "gradient-descent", "--hours-per-week", "5", "--start", "2027-01-04", "--format", "ics", "--root", MINI).out
    assert out.startswith("BEGIN:VCALENDAR") and "SUMMARY:Week 1: study Derivatives (5 h)" in out


def test_target_already_known(run: Callable[..., Result]) -> None:
    result = run("plan", "gradients", "--known", "gradient-descent", "--root", MINI)
    assert result.code == 0
    assert "Nothing to study: every target is already known." in result.out
    assert "0 topics, 0 h in total" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["linear-regresion"], "no topic has the id `linear-regresion`; did you mean `linear-regression`?"),
        (["gradients", "--known", "vektors"], "no topic has the id `vektors`; did you mean `vectors`?"),
        (["Gradient descent"], "did you mean `gradient-descent`?"),
        (["qqqq"], "no topic has the id `qqqq`; topic ids are the file names in roadmap/"),
        ([], "name at least one target topic"),
        (["gradients", "--ready"], "--ready lists what to learn next from --known and takes no TARGET"),
    ],
)
def test_usage_errors_exit_2(run: Callable[..., Result], args: list[str], message: str) -> None:
    result = run("plan", *args, "--root", MINI)
    assert result.code == 2
    assert result.out == ""
    assert message in result.err
    assert "Traceback" not in result.err


def test_every_unknown_id_is_named(run: Callable[..., Result]) -> None:
    err = run("plan", "nope-one", "--known", "nope-two", "--root", MINI).err
    assert "`nope-one`" in err and "`nope-two`" in err


@pytest.mark.parametrize("pace", ["0", "-3", "abc", "inf", "nan", "200", "1e-9", "1e-300", "0.000001", "0.01", "100.5"])
def test_bad_pace_exits_2(run: Callable[..., Result], pace: str) -> None:
    result = run("plan", "gradients", "--hours-per-week", pace, "--root", MINI)
    assert result.code == 2
    assert "--hours-per-week" in result.err
    assert "must be at least 0.5 and at most 100 hours a week" in result.err or "`abc` is not a number" in result.err


@pytest.mark.parametrize("pace", ["0.5", "100"])
def test_the_ends_of_the_pace_range_are_allowed(run: Callable[..., Result], pace: str) -> None:
    assert run("plan", "gradients", "--hours-per-week", pace, "--root", MINI).code == 0


def test_ready_list(run: Callable[..., Result]) -> None:
    result = run("plan", "--ready", "--known", "derivatives", "--root", MINI)
    assert result.code == 0
    assert result.out == (
        "Ready to learn (every required prerequisite known): 2 topics\n"
        "  vectors: Vectors, 4 h; unlocks matrices\n"
        "  gradients: Gradients, 4 h; unlocks gradient-descent\n"
    )


def test_ready_json_and_markdown(run: Callable[..., Result]) -> None:
    doc = json.loads(run("plan", "--ready", "--format", "json", "--root", MINI).out)
    assert doc["known"] == []
    assert [r["topic"] for r in doc["ready"]] == ["vectors", "derivatives"]
    assert doc["ready"][0]["unlocks"] == ["matrices"]
    md = run("plan", "--ready", "--known", "vectors", "--format", "markdown", "--root", MINI).out
    assert md.startswith("# Ready to learn next\n\n- [ ] Matrices (`matrices`), 5 h\n")


def test_ready_with_recommended(run: Callable[..., Result]) -> None:
    plain = json.loads(run("plan", "--ready", "--known", "derivatives", "--format", "json", "--root", MINI).out)
    rec = json.loads(run("plan", "--ready", "--known", "derivatives", "--include-recommended", "--format", "json", "--root", MINI).out)
    assert "gradients" in [r["topic"] for r in plain["ready"]]
    assert "gradients" not in [r["topic"] for r in rec["ready"]]  # it recommends vectors, not known yet


def test_bad_data_exits_1(run: Callable[..., Result], mini_root: Path) -> None:
    root = mini_root
    (root / "roadmap" / "vectors.yml").write_text("title: [\n", encoding="utf-8")
    result = run("plan", "gradients", "--root", root)
    assert result.code == 1
    assert "roadmap/vectors.yml" in result.err


def test_help_mentions_formats(run: Callable[..., Result]) -> None:
    result = run("plan", "--help")
    assert result.code == 0
    assert "--hours-per-week" in result.out and "markdown" in result.out


# Control characters YAML lets through in double-quoted escapes: ESC (a clear screen and a
# window title), BEL, NUL, a C1 CSI, and bidi overrides and isolates.
EVIL_TITLE = "Vec\x1b[2J\x1b]0;pwned\x07tors\x00\u202e"
EVIL_BOOK = "A \x9b31m book\u2066"
EVIL_SECTIONS = "Ch. 1\r\u202a"
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def evil_root(mini_root: Path) -> Path:
    topic = mini_root / "roadmap" / "vectors.yml"
    topic.write_text(
        topic.read_text(encoding="utf-8").replace("title: Vectors", r'title: "Vec\e[2J\e]0;pwned\ators\0\u202e"'), encoding="utf-8"
    )
    book = mini_root / "resources" / "la-book.yml"
    text = book.read_text(encoding="utf-8").replace("title: A Linear Algebra Book", r'title: "A \x9b31m book\u2066"')
    book.write_text(text.replace("sections: Ch. 1\n", 'sections: "Ch. 1\\r\\u202a"\n', 1), encoding="utf-8")
    return mini_root


def test_control_characters_from_yaml_print_escaped_in_every_format(run: Callable[..., Result], evil_root: Path) -> None:
    text = run("plan", "vectors", "--root", evil_root)
    assert text.code == 0, text.err
    assert text.out.splitlines()[0] == "Study plan for Vec\\x1b[2J\\x1b]0;pwned\\x07tors\\x00\\u202e (vectors)"
    assert (
        "     - A \\x9b31m book\\u2066 [book, free, beginner] https://example.org/la-book/\n       read: Ch. 1 \\u202a\n" in text.out
    )  # a line break in a field reads as a space

    md = run("plan", "vectors", "--format", "markdown", "--root", evil_root)
    assert md.out.splitlines()[0] == "# Study plan: Vec\\x1b\\[2J\\x1b\\]0;pwned\\x07tors\\x00\\u202e"
    assert "  - [A \\x9b31m book\\u2066](https://example.org/la-book/): book, free, beginner; read Ch. 1 \\u202a\n" in md.out

    ready = run("plan", "--ready", "--root", evil_root)
    assert "  vectors: Vec\\x1b[2J\\x1b]0;pwned\\x07tors\\x00\\u202e, 4 h; unlocks matrices\n" in ready.out
    ready_md = run("plan", "--ready", "--format", "markdown", "--root", evil_root)
    assert "- [ ] Vec\\x1b\\[2J\\x1b\\]0;pwned\\x07tors\\x00\\u202e (`vectors`), 4 h\n" in ready_md.out

    # JSON says the same data, with every control character a \u escape (json leaves C1 and bidi marks raw).
    plan_doc = run("plan", "vectors", "--format", "json", "--root", evil_root)
    ready_doc = run("plan", "--ready", "--format", "json", "--root", evil_root)
    export = run("export", "--root", evil_root)
    assert json.loads(plan_doc.out)["steps"][0]["title"] == EVIL_TITLE
    assert json.loads(plan_doc.out)["steps"][0]["resources"][0]["title"] == EVIL_BOOK
    assert (
        json.loads(plan_doc.out)["steps"][0]["resources"][0]["sections"] == "Ch. 1 \u202a"
    )  # the plain form: a line break reads as a space
    assert json.loads(ready_doc.out)["ready"][0]["title"] == EVIL_TITLE
    assert next(t for t in json.loads(export.out)["topics"] if t["id"] == "vectors")["title"] == EVIL_TITLE
    assert '"title": "A \\u009b31m book\\u2066"' in plan_doc.out

    for result in (text, md, ready, ready_md, plan_doc, ready_doc, export):
        assert result.code == 0, result.err
        assert not RAW_CONTROLS.search(result.out), result.out
