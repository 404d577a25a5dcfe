"""Bad inputs, one row each: the exact place reported and the gist of what to do.

Each case edits one file of the mini fixture (`tests/fixtures/mini`). Line numbers
refer to roadmap/gradients.yml and resources/la-book.yml as they stand there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import Result
from make_kb import EXERCISES_YAML

TOPIC = "roadmap/gradients.yml"
BOOK = "resources/la-book.yml"
STAGES = "roadmap/stages.yml"


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    old: str | None  # text to replace; None means `new` is the whole file (bytes allowed)
    new: str | bytes
    where: str  # "path:line:col"
    check: str  # the id of the check that reports it
    gist: str  # regex searched in the message on that line


CASES = [
    # --- YAML itself ---------------------------------------------------------------
    Case(
        "syntax-unclosed-quote",
        TOPIC,
        "title: Gradients",
        'title: "Gradients',
        "roadmap/gradients.yml:1:8",
        "yaml-syntax",
        r"quoted value is never closed",
    ),
    Case(
        "tab-indent",
        TOPIC,
        "  - Explain the idea.",
        "\t- Explain the idea.",
        "roadmap/gradients.yml:15:1",
        "yaml-syntax",
        r"tab character.*spaces",
    ),
    Case(
        "bad-indentation",
        TOPIC,
        "stage: foundations",
        "  stage: foundations",
        "roadmap/gradients.yml:2:8",
        "yaml-syntax",
        r"indent it exactly like the keys above it",
    ),
    Case(
        "duplicate-key",
        TOPIC,
        "hours: 4",
        "hours: 4\nhours: 5",
        "roadmap/gradients.yml:19:1",
        "duplicate-key",
        r"duplicate key `hours` \(first at line 18\)",
    ),
    Case("anchor", TOPIC, "hours: 4", "hours: &h 4", "roadmap/gradients.yml:18:8", "yaml-alias", r"anchors and aliases are not allowed"),
    Case("alias", TOPIC, "hours: 4", "hours: *h", "roadmap/gradients.yml:18:8", "yaml-alias", r"alias `\*h`"),
    Case("tag", TOPIC, "hours: 4", "hours: !!float 4", "roadmap/gradients.yml:18:8", "yaml-tag", r"tags are not allowed"),
    Case(
        "custom-tag",
        TOPIC,
        "title: Gradients",
        "title: !python/name:os.system x",
        "roadmap/gradients.yml:1:8",
        "yaml-tag",
        r"tags are not allowed",
    ),
    Case("non-string-key", TOPIC, "hours: 4", "hours: 4\n42: answer", "roadmap/gradients.yml:19:1", "key-type", r"key `42` is not text"),
    Case("boolean-key", TOPIC, "hours: 4", "hours: 4\ntrue: no", "roadmap/gradients.yml:19:1", "key-type", r"key `true` is not text"),
    Case("merge-key", TOPIC, "hours: 4", "hours: 4\n<<: {a: 1}", "roadmap/gradients.yml:19:1", "yaml-alias", r"merge key"),
    Case(
        "two-documents",
        TOPIC,
        "hours: 4",
        "hours: 4\n---\ntitle: again",
        "roadmap/gradients.yml:19:1",
        "two-documents",
        r"second YAML document",
    ),
    Case("empty-file", TOPIC, None, "", "roadmap/gradients.yml:1:1", "empty-file", r"file is empty"),
    Case("only-comments", TOPIC, None, "# nothing yet\n", "roadmap/gradients.yml:1:1", "empty-file", r"file is empty"),
    Case(
        "a-list-not-a-mapping",
        TOPIC,
        None,
        "- title: Gradients\n",
        "roadmap/gradients.yml:1:1",
        "not-a-mapping",
        r"holds a list; a record is a mapping",
    ),
    Case("not-utf8", TOPIC, None, b"title: Gradi\xe9nts\n", "roadmap/gradients.yml:1:13", "encoding", r"byte 0xe9 is not UTF-8"),
    Case(
        "control-character",
        TOPIC,
        "title: Gradients",
        "title: Grad\x07ients",
        "roadmap/gradients.yml:1:12",
        "bad-character",
        r"U\+0007 is not allowed",
    ),
    Case(
        "too-large",
        TOPIC,
        "hours: 4",
        "hours: 4\n# " + "x" * (260 * 1024),
        "roadmap/gradients.yml:1:1",
        "file-size",
        r"over the 256 KiB limit",
    ),
    # --- one record against its model ------------------------------------------------
    Case(
        "unknown-key",
        TOPIC,
        "hours: 4",
        "hours: 4\nlevel: easy",
        "roadmap/gradients.yml:19:1",
        "unknown-key",
        r"unknown key `level`.*allowed here: title, stage",
    ),
    Case(
        "unknown-key-typo",
        TOPIC,
        "hours: 4",
        "hour: 4",
        "roadmap/gradients.yml:18:1",
        "unknown-key",
        r"unknown key `hour`; did you mean `hours`\?",
    ),
    Case("id-key", TOPIC, "hours: 4", "hours: 4\nid: gradients", "roadmap/gradients.yml:19:1", "unknown-key", r"file name is the id"),
    Case(
        "missing-field", TOPIC, "hours: 4\n", "", "roadmap/gradients.yml:1:1", "missing-field", r"`hours` is missing; add `hours: \.\.\.`"
    ),
    Case(
        "missing-nested-field",
        TOPIC,
        "    reason: A gradient is a vector.\n",
        "",
        "roadmap/gradients.yml:23:5",
        "missing-field",
        r"`prerequisites\[1\]\.reason` is missing",
    ),
    Case(
        "wrong-area",
        TOPIC,
        "area: calculus",
        "area: calculas",
        "roadmap/gradients.yml:3:7",
        "choice",
        r"`area` is `calculas`, which is not one of: linear-algebra.*did you mean `calculus`\?",
    ),
    Case(
        "wrong-strength",
        TOPIC,
        "strength: recommended",
        "strength: optional",
        "roadmap/gradients.yml:24:15",
        "choice",
        r"prerequisites\[1\]\.strength.*not one of: required, recommended",
    ),
    Case(
        "hours-not-number",
        TOPIC,
        "hours: 4",
        "hours: four",
        "roadmap/gradients.yml:18:8",
        "field-type",
        r"`hours` must be a number, not `four`",
    ),
    Case(
        "hours-zero", TOPIC, "hours: 4", "hours: 0", "roadmap/gradients.yml:18:8", "field-range", r"`hours` is 0; it must be greater than 0"
    ),
    Case("hours-quoted", TOPIC, "hours: 4", 'hours: "4"', "roadmap/gradients.yml:18:8", "field-type", r"`hours` must be a number"),
    Case(
        "list-where-text-belongs",
        TOPIC,
        "title: Gradients",
        "title:\n  - Gradients",
        "roadmap/gradients.yml:2:3",
        "field-type",
        r"`title` must be text, not a list; write it on one line",
    ),
    Case(
        "number-where-text-belongs",
        TOPIC,
        "title: Gradients",
        "title: 1984",
        "roadmap/gradients.yml:1:8",
        "field-type",
        r"`title` must be text, not a number .*put it in quotes",
    ),
    Case(
        "boolean-where-text-belongs",
        TOPIC,
        "title: Gradients",
        "title: true",
        "roadmap/gradients.yml:1:8",
        "field-type",
        r"`title` must be text, not true/false",
    ),
    Case(
        "text-where-list-belongs",
        TOPIC,
        "goals:\n  - Explain the idea.\n  - Compute an example.\n  - Use it in a model.",
        "goals: Explain the idea.",
        "roadmap/gradients.yml:14:8",
        "field-type",
        r"`goals` must be a list",
    ),
    Case(
        "too-few-goals",
        TOPIC,
        "  - Compute an example.\n  - Use it in a model.\n",
        "",
        "roadmap/gradients.yml:15:3",
        "field-length",
        r"`goals` needs at least 3 item\(s\), has 1",
    ),
    Case(
        "summary-too-long",
        TOPIC,
        "  The gradients fixture topic.",
        "  " + "word " * 70,
        "roadmap/gradients.yml:4:10",
        "field-length",
        r"shows 349 characters; keep it to 300",
    ),
    Case(
        "raw-html-in-description",
        TOPIC,
        "  - one",
        "  - one <img src=x onerror=alert(1)>",
        "roadmap/gradients.yml:9:9",
        "markdown",
        r"raw HTML \(`<img src=x onerror=alert\(1\)>`\)",
    ),
    Case(
        "raw-html-between-backticks",
        TOPIC,
        "  - one",
        "  - one `a\n\n  <img src=x onerror=alert(1)>\n\n  b`",
        "roadmap/gradients.yml:11:3",
        "markdown",
        r"raw HTML",
    ),
    Case(
        "script-in-summary",
        TOPIC,
        "  The gradients fixture topic.",
        "  The <script>alert(1)</script> topic.",
        "roadmap/gradients.yml:5:7",
        "markdown",
        r"raw HTML \(`<script>`\)",
    ),
    # Markdown fields: links only to http(s) addresses, no attribute lists (they set HTML attributes)
    Case(
        "javascript-link",
        TOPIC,
        "  - one",
        "  - one [x](javascript:alert(1))",
        "roadmap/gradients.yml:9:9",
        "markdown",
        r"link must start with https://.*not `javascript`",
    ),
    Case(
        "javascript-link-hidden",
        TOPIC,
        "  - one",
        "  - one [x](java&#9;Script:alert(1))",
        "roadmap/gradients.yml:9:9",
        "markdown",
        r"link must start with https://",
    ),
    Case(
        "data-image",
        TOPIC,
        "  Used by the gradients tests.",
        "  Used by ![x](data:image/svg+xml;base64,PHN2Zz4=) tests.",
        "roadmap/gradients.yml:13:11",
        "markdown",
        r"images are not allowed",
    ),
    Case(
        "vbscript-reference",
        TOPIC,
        "  - two",
        "  - two, [see this][r]\n\n  [r]: vbscript:msgbox(1)",
        "roadmap/gradients.yml:10:10",
        "markdown",
        r"not `vbscript`",
    ),
    Case(
        "email-autolink",
        BOOK,
        "  A fixture book about vectors and matrices.",
        "  A fixture book; write to <ada@example.org>.",
        "resources/la-book.yml:10:28",
        "markdown",
        r"not `mailto`",
    ),
    Case(
        "relative-link",
        TOPIC,
        "  - one",
        "  - one, see [vectors](vectors.md)",
        "roadmap/gradients.yml:9:14",
        "markdown",
        r"not `vectors.md`",
    ),
    Case("empty-link", TOPIC, "  - one", "  - one [x]()", "roadmap/gradients.yml:9:9", "markdown", r"a link with no address"),
    Case(
        "heading-in-field",
        TOPIC,
        "  - two",
        "  - two\n\n  ## More { onclick=alert(1) }",
        "roadmap/gradients.yml:12:3",
        "markdown",
        r"a heading inside a field",
    ),
    Case(
        "empty-reason",
        TOPIC,
        "reason: A gradient is a vector.",
        'reason: ""',
        "roadmap/gradients.yml:25:13",
        "empty-field",
        r"`prerequisites\[1\]\.reason` is empty",
    ),
    Case(
        "bad-file-name",
        "roadmap/Gradient Descent.yml",
        None,
        "title: x\n",
        "roadmap/Gradient Descent.yml:1:1",
        "file-name",
        r"not a valid id",
    ),
    Case(
        "yaml-extension", "roadmap/extra.yaml", None, "title: x\n", "roadmap/extra.yaml:1:1", "yaml-extension", r"rename it to `extra\.yml`"
    ),
    Case("wrong-kind", BOOK, "kind: book", "kind: bok", "resources/la-book.yml:2:7", "choice", r"`kind` is `bok`.*did you mean `book`\?"),
    Case(
        "wrong-cost",
        BOOK,
        "cost: free",
        "cost: gratis",
        "resources/la-book.yml:5:7",
        "choice",
        r"`cost` is `gratis`, which is not one of: free, free-to-audit, paid",
    ),
    Case(
        "ftp-url",
        BOOK,
        "https://example.org/la-book/",
        "ftp://example.org/la-book/",
        "resources/la-book.yml:3:6",
        "url",
        r"must start with https://",
    ),
    Case(
        "url-with-credentials",
        BOOK,
        "https://example.org/la-book/",
        "https://user:secret@example.org/la-book/",
        "resources/la-book.yml:3:6",
        "url",
        r"user name or password",
    ),
    Case(
        "private-url",
        BOOK,
        "https://example.org/la-book/",
        "http://192.168.1.10/la-book/",
        "resources/la-book.yml:3:6",
        "url",
        r"private or reserved address",
    ),
    Case(
        "loopback-url",
        BOOK,
        "https://example.org/la-book/",
        "http://localhost:8000/",
        "resources/la-book.yml:3:6",
        "url",
        r"not a public host name",
    ),
    Case(
        "short-form-address-url",
        BOOK,
        "https://example.org/la-book/",
        "https://10.1/la-book/",
        "resources/la-book.yml:3:6",
        "url",
        r"`10\.1`, which browsers read as the address 10\.0\.0\.1",
    ),
    Case(
        "url-with-space",
        BOOK,
        "https://example.org/la-book/",
        '"https://example.org/la book/"',
        "resources/la-book.yml:3:6",
        "url",
        r"contains spaces",
    ),
    Case(
        "no-authors-or-provider",
        BOOK,
        "authors: [Ada Example, Bo Sample]\n",
        "",
        "resources/la-book.yml:1:1",
        "authors-or-provider",
        r"needs `authors`.*or `provider`",
    ),
    Case(
        "book-without-covers",
        BOOK,
        "covers:\n  - topic: vectors\n    sections: Ch. 1\n  - topic: matrices\n    sections: Ch. 2-3\n",
        "covers: []\n",
        "resources/la-book.yml:1:1",
        "needs-covers",
        r"a book must say which topics it covers",
    ),
    Case(
        "bad-isbn",
        BOOK,
        "edition: 2nd",
        "edition: 2nd\nisbn: '9780262035614'",
        "resources/la-book.yml:9:7",
        "isbn",
        r"fails the ISBN check digit",
    ),
    Case(
        "edition-as-number",
        BOOK,
        "edition: 2nd",
        "edition: 2",
        "resources/la-book.yml:8:10",
        "field-type",
        r"`edition` must be text, not a number .*put it in quotes",
    ),
    Case(
        "year-out-of-range",
        BOOK,
        "year: 2020",
        "year: 20201",
        "resources/la-book.yml:7:7",
        "field-range",
        r"`year` is 20201; it must be at most 2100",
    ),
    Case(
        "empty-sections",
        BOOK,
        "sections: Ch. 1",
        "sections: ''",
        "resources/la-book.yml:13:15",
        "empty-field",
        r"`covers\[0\]\.sections` is empty",
    ),
    Case(
        "stage-unknown-key",
        STAGES,
        "    order: 1",
        "    order: 1\n    colour: blue",
        "roadmap/stages.yml:6:5",
        "unknown-key",
        r"unknown key `stages\[0\]\.colour`",
    ),
    Case(
        "prerequisite-id-with-newline",
        TOPIC,
        "topic: vectors",
        'topic: "vectors\\n"',
        "roadmap/gradients.yml:23:12",
        "id-format",
        r"is `vectors\\x0a`, not an id",
    ),
    Case(
        "stage-id-with-newline",
        STAGES,
        "  - id: foundations",
        '  - id: "foundations\\n"',
        "roadmap/stages.yml:3:9",
        "id-format",
        r"is `foundations\\x0a`, not an id",
    ),
    # --- across records ------------------------------------------------------------------
    Case(
        "prerequisite-typo",
        TOPIC,
        "topic: derivatives",
        "topic: derivates",
        "roadmap/gradients.yml:20:12",
        "unknown-topic",
        r"names `derivates`, which is not a topic; did you mean `derivatives`\?",
    ),
    Case(
        "requires-itself",
        TOPIC,
        "topic: vectors",
        "topic: gradients",
        "roadmap/gradients.yml:23:12",
        "self-prerequisite",
        r"`gradients` requires itself",
    ),
    Case(
        "prerequisite-twice",
        TOPIC,
        "topic: vectors",
        "topic: derivatives",
        "roadmap/gradients.yml:23:12",
        "duplicate-prerequisite",
        r"lists `derivatives` a second time",
    ),
    Case(
        "unknown-stage",
        TOPIC,
        "stage: foundations",
        "stage: foundation",
        "roadmap/gradients.yml:2:8",
        "unknown-stage",
        r"not a stage in roadmap/stages\.yml; did you mean `foundations`\?",
    ),
    Case(
        "prerequisite-in-later-stage",
        TOPIC,
        "topic: vectors",
        "topic: gradient-descent",
        "roadmap/gradients.yml:23:12",
        "stage-order",
        r"later stage `advanced`",
    ),
    Case(
        "cover-typo",
        BOOK,
        "topic: matrices",
        "topic: matrix",
        "resources/la-book.yml:14:12",
        "unknown-topic",
        r"names `matrix`, which is not a topic; did you mean `matrices`\?",
    ),
    Case(
        "duplicate-url",
        BOOK,
        "https://example.org/la-book/",
        "https://Forum.Example.org:443/#top",
        "resources/la-book.yml:3:6",
        "duplicate-url",
        r"`url` is already used by `forum` \(resources/forum\.yml:3\)",
    ),
    Case(
        "duplicate-stage-order",
        STAGES,
        "    order: 2",
        "    order: 1",
        "roadmap/stages.yml:11:12",
        "duplicate-stage-order",
        r"order` 1 is also used by `foundations`",
    ),
    Case(
        "topic-without-resource",
        "roadmap/orphan.yml",
        None,
        (
            "title: Orphan\nstage: foundations\narea: calculus\nsummary: An orphan.\ndescription: Text.\nwhy_it_matters: Text.\ngoals: [a, b, c]\nhours: 1\n"
            + EXERCISES_YAML
            + "\n"
        ),
        "roadmap/orphan.yml:1:1",
        "uncovered-topic",
        r"no resource covers topic `orphan`",
    ),
    Case(
        "implied-edge",
        TOPIC,
        "topic: vectors\n    strength: recommended",
        "topic: matrices\n    strength: required\n    reason: Needed.\n  - topic: vectors\n    strength: required",
        "roadmap/gradients.yml:26:12",
        "implied-edge",
        r"prerequisite `vectors` is already implied: `gradients` needs `matrices`, which needs `vectors`",
    ),
]


def _apply(root: Path, case: Case) -> None:
    target = root / case.file
    if case.old is None:
        data = case.new if isinstance(case.new, bytes) else case.new.encode("utf-8")
        target.write_bytes(data)
        return
    text = target.read_text(encoding="utf-8")
    assert case.old in text, f"fixture drifted: {case.old!r} not in {case.file}"
    assert isinstance(case.new, str)
    target.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_reported_where_it_is(case: Case, mini_root: Path, run: Callable[..., Result]) -> None:
    _apply(mini_root, case)
    result = run("validate", "--root", mini_root)
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    lines = [line for line in result.err.splitlines() if line.startswith(f"{case.where}: error[{case.check}]: ")]
    assert lines, f"expected an error[{case.check}] at {case.where}, got:\n{result.err}"
    assert any(re.search(case.gist, line) for line in lines), f"no line at {case.where} matches {case.gist!r}:\n{result.err}"
    assert re.search(r"^\d+ problems? in \d+ files?$", result.err.splitlines()[-1])


def test_markdown_may_hold_web_links_braces_and_code(mini_root: Path, run: Callable[..., Result]) -> None:
    """What the Markdown rules leave alone: https links, sets in braces, code showing the syntax."""
    path = mini_root / TOPIC
    text = path.read_text(encoding="utf-8").replace(
        "  - one",
        '  - one: [a page](https://example.org/a_(b) "title"), <https://example.org/>, a footnote[^1]\n'
        "  - the event {2, 4, 6}; the set {0}\n"
        "  - in code: `[x](javascript:alert(1))`, `{: .class }`, `x_{i}`\n\n"
        "  [^1]: A note with [a reference][ref].\n\n"
        "  [ref]: https://example.org/ref",
    )
    path.write_text(text, encoding="utf-8")
    result = run("validate", "--root", mini_root)
    assert result.code == 0, result.err


def test_all_problems_are_reported_at_once_and_sorted(mini_root: Path, run: Callable[..., Result]) -> None:
    by_id = {c.id: c for c in CASES}
    for name in ("wrong-area", "wrong-kind", "duplicate-stage-order"):
        _apply(mini_root, by_id[name])
    result = run("validate", "--root", mini_root)
    assert result.code == 1
    problems = result.err.splitlines()[:-1]
    assert len(problems) == 3, result.err
    assert problems == sorted(problems, key=lambda line: (line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])))
    assert result.err.splitlines()[-1] == "3 problems in 3 files"


def test_broken_topic_is_not_also_reported_as_unknown(mini_root: Path, run: Callable[..., Result]) -> None:
    """A topic whose own file fails must not make every reference to it an error too."""
    path = mini_root / "roadmap/vectors.yml"
    path.write_text(path.read_text().replace("area: linear-algebra", "area: linear-algebr"))
    result = run("validate", "--root", mini_root)
    assert result.code == 1
    assert result.err.splitlines()[:-1] == [line for line in result.err.splitlines()[:-1] if "vectors.yml" in line]


def test_missing_root_is_a_usage_error(tmp_path: Path, run: Callable[..., Result]) -> None:
    result = run("validate", "--root", tmp_path / "nowhere")
    assert result.code == 2
    assert "no roadmap/ or resources/ folder" in result.err


# A file name is an id only in full: `forum\n.yml` once validated (`$` matches before a
# final newline), and its page folder then broke every later `roadmap generate`.
ALMOST_IDS = {
    "newline": "forum\n",
    "trailing-space": "forum ",
    "tab": "for\tum",
    "unicode-letter": "for\u00fcm",
    "leading-newline": "\nforum",
}


@pytest.mark.parametrize("name", ALMOST_IDS.values(), ids=ALMOST_IDS.keys())
def test_a_file_name_is_an_id_only_in_full(name: str, mini_root: Path, run: Callable[..., Result]) -> None:
    (mini_root / "resources" / "forum.yml").rename(mini_root / "resources" / f"{name}.yml")
    result = run("validate", "--root", mini_root)
    assert result.code == 1, result.err
    shown = name.replace("\n", "\\x0a").replace("\t", "\\x09")  # as safe_text.printable writes them
    assert result.err.splitlines() == [
        f"resources/{shown}.yml:1:1: error[file-name]: file name `{shown}.yml` is not a valid id: "
        "use lowercase words joined by hyphens, e.g. `gradient-descent.yml`",
        "1 problem in 1 file",
    ]


def test_a_misnamed_file_is_its_own_problem_and_no_other(mini_root: Path, run: Callable[..., Result]) -> None:
    """Topics only a misnamed resource covers are not "uncovered", nor references to a misnamed topic "unknown"."""
    (mini_root / "resources" / "la-book.yml").rename(mini_root / "resources" / "la-book\n.yml")
    (mini_root / "roadmap" / "vectors.yml").rename(mini_root / "roadmap" / "Vectors .yml")
    result = run("validate", "--root", mini_root)
    assert result.code == 1, result.err
    assert [line.split(": error[")[0] + " " + line.split("[")[1].split("]")[0] for line in result.err.splitlines()[:-1]] == [
        "resources/la-book\\x0a.yml:1:1 file-name",
        "roadmap/Vectors .yml:1:1 file-name",
    ]


# --- a field error hides no problem across records ------------------------------------
# Each: edits to the fixture, then every line `validate` must print, in one run.
TOGETHER: dict[str, tuple[list[tuple[str, str, str]], list[str]]] = {
    "resource-cost-and-covers-typo": (
        [(BOOK, "cost: free", "cost: gratis"), (BOOK, "topic: matrices", "topic: matrix")],
        ["resources/la-book.yml:5:7 choice", "resources/la-book.yml:14:12 unknown-topic"],
    ),
    "topic-hours-and-prerequisite-typo": (
        [(TOPIC, "hours: 4", "hours: lots"), (TOPIC, "topic: derivatives", "topic: derivates")],
        ["roadmap/gradients.yml:18:8 field-type", "roadmap/gradients.yml:20:12 unknown-topic"],
    ),
    "topic-hours-and-stage-typo": (
        [(TOPIC, "hours: 4", "hours: 0"), (TOPIC, "stage: foundations", "stage: foundation")],
        ["roadmap/gradients.yml:2:8 unknown-stage", "roadmap/gradients.yml:18:8 field-range"],
    ),
    "topic-hours-and-requires-itself": (
        [(TOPIC, "hours: 4", "hours: lots"), (TOPIC, "topic: vectors", "topic: gradients")],
        ["roadmap/gradients.yml:18:8 field-type", "roadmap/gradients.yml:23:12 self-prerequisite"],
    ),
    "resource-cost-and-duplicate-url": (
        [(BOOK, "cost: free", "cost: gratis"), (BOOK, "https://example.org/la-book/", "https://forum.example.org/")],
        ["resources/la-book.yml:3:6 duplicate-url", "resources/la-book.yml:5:7 choice"],
    ),
    # A reference that is a field error already is said once, as that.
    "prerequisite-not-an-id-is-not-also-unknown": (
        [(TOPIC, "hours: 4", "hours: lots"), (TOPIC, "topic: derivatives", "topic: Derivatives")],
        ["roadmap/gradients.yml:18:8 field-type", "roadmap/gradients.yml:20:12 id-format"],
    ),
    "bad-url-is-not-also-a-duplicate": (
        [(BOOK, "https://example.org/la-book/", "ftp://forum.example.org/")],
        ["resources/la-book.yml:3:6 url"],
    ),
    "stage-not-an-id-is-not-also-unknown": (
        [(TOPIC, "stage: foundations", "stage: Foundations")],
        ["roadmap/gradients.yml:2:8 id-format"],
    ),
    # A topic whose own file is broken is still a topic: its dependents are quiet about it.
    "broken-topic-with-its-own-typo": (
        [("roadmap/vectors.yml", "hours: 4", "hours: x"), ("roadmap/vectors.yml", "stage: foundations", "stage: foundatons")],
        ["roadmap/vectors.yml:2:8 unknown-stage", "roadmap/vectors.yml:18:8 field-type"],
    ),
}


@pytest.mark.parametrize(("edits", "expected"), TOGETHER.values(), ids=TOGETHER.keys())
def test_a_field_error_hides_no_problem_across_records(
    edits: list[tuple[str, str, str]], expected: list[str], mini_root: Path, run: Callable[..., Result]
) -> None:
    for file, old, new in edits:
        _apply(mini_root, Case("edit", file, old, new, "", "", ""))
    result = run("validate", "--root", mini_root)
    assert result.code == 1, result.err
    found = [line.split(": error[")[0] + " " + line.split("[")[1].split("]")[0] for line in result.err.splitlines()[:-1]]
    assert found == expected, result.err
