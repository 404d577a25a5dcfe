"""The ten mistakes contributors make most, each with the exact line `roadmap validate` prints.

Every case edits one file of the mini fixture (`tests/fixtures/mini`) the way a
contributor would get it wrong, and asserts the whole output: one problem, the
exact message, and a closing hint that says what to type instead. A message that
only says what is wrong ("is not valid") fails here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import Result

TOPIC = "roadmap/gradients.yml"
BOOK = "resources/la-book.yml"
COURSE = "resources/ml-course.yml"

# How a fix starts: a concrete instruction, or a suggestion of the right value.
FIX = re.compile(r"(did you mean|add|remove|rename|change|use|replace|put|write|start|indent|extend) ")


@dataclass(frozen=True)
class Mistake:
    id: str
    file: str
    old: str | None  # text to replace; None means `new` is a whole new file
    new: str
    line: str  # the exact line printed
    fix: str  # the part of the line that says how to fix it


ALLOWED = "title, kind, url, authors, provider, cost, level, hours, year, edition, isbn, description, covers"

MISTAKES = [
    Mistake(
        "typo-in-a-topic-id",
        TOPIC,
        "topic: derivatives",
        "topic: derivatves",
        "roadmap/gradients.yml:20:12: error[unknown-topic]: `prerequisites[0].topic` names `derivatves`, which is not a topic; "
        "did you mean `derivatives`?",
        "did you mean `derivatives`?",
    ),
    Mistake(
        "wrong-enum-value",
        BOOK,
        "level: beginner",
        "level: begginer",
        "resources/la-book.yml:6:8: error[choice]: `level` is `begginer`, which is not one of: beginner, intermediate, "
        "advanced; did you mean `beginner`?",
        "did you mean `beginner`?",
    ),
    Mistake(
        "missing-field",
        BOOK,
        "cost: free\n",
        "",
        "resources/la-book.yml:1:1: error[missing-field]: `cost` is missing; add `cost: ...` here (one of: free, free-to-audit, paid)",
        "add `cost: ...` here (one of: free, free-to-audit, paid)",
    ),
    Mistake(
        "http-where-https-exists",
        BOOK,
        "url: https://example.org/la-book/",
        "url: http://video.example.org/linear-algebra",
        "resources/la-book.yml:3:6: error[plain-http]: `url` starts with http://, but `calculus-videos` (resources/calculus-videos.yml) "
        "reaches video.example.org over https://; change it to `https://video.example.org/linear-algebra`",
        "change it to `https://video.example.org/linear-algebra`",
    ),
    Mistake(
        "duplicate-url",
        COURSE,
        "url: https://courses.example.org/ml",
        "url: https://Example.org/la-book#contents",
        "resources/ml-course.yml:3:6: error[duplicate-url]: `url` is already used by `la-book` (resources/la-book.yml:3); "
        "one resource per address: extend that file's `covers` instead",
        "extend that file's `covers` instead",
    ),
    Mistake(
        "bad-indentation",
        TOPIC,
        "    strength: recommended",
        "   strength: recommended",
        "roadmap/gradients.yml:24:4: error[yaml-syntax]: this line does not line up with the list that starts at line 20: "
        "start each `- ` in column 3 and line up an item's keys under its first key; a key after the list goes back "
        "to the column of the key above the list",
        "start each `- ` in column 3 and line up an item's keys under its first key",
    ),
    Mistake(
        "list-where-a-string-belongs",
        BOOK,
        "    sections: Ch. 1",
        "    sections:\n      - Ch. 1\n      - Ch. 1.2",
        "resources/la-book.yml:14:7: error[field-type]: `covers[0].sections` must be text, not a list; "
        "write it on one line (or as a `>-` block), not as `- items`",
        "write it on one line (or as a `>-` block), not as `- items`",
    ),
    Mistake(
        "tab",
        BOOK,
        "  - topic: matrices",
        "\t- topic: matrices",
        "resources/la-book.yml:14:1: error[yaml-syntax]: a tab character: YAML indents with spaces only; replace the tab with spaces",
        "replace the tab with spaces",
    ),
    Mistake(
        "topic-requires-itself",
        TOPIC,
        "topic: vectors",
        "topic: gradients",
        "roadmap/gradients.yml:23:12: error[self-prerequisite]: `prerequisites[1].topic`: `gradients` requires itself; remove this prerequisite",
        "remove this prerequisite",
    ),
    Mistake(
        "unknown-key",
        BOOK,
        "level: beginner",
        "level: beginner\npages: 300",
        f"resources/la-book.yml:7:1: error[unknown-key]: unknown key `pages`; remove it (allowed here: {ALLOWED})",
        "remove it",
    ),
]

# Close relatives of the ten: the same mistake where the first hint cannot apply.
VARIANTS = [
    Mistake(
        "topic-id-nothing-close",
        TOPIC,
        "topic: derivatives",
        "topic: jacobian",
        "roadmap/gradients.yml:20:12: error[unknown-topic]: `prerequisites[0].topic` names `jacobian`, which is not a topic; "
        "use a topic's id: its file name in roadmap/ without `.yml`",
        "use a topic's id: its file name in roadmap/ without `.yml`",
    ),
    Mistake(
        "cover-topic-typo",
        BOOK,
        "topic: matrices",
        "topic: matrix",
        "resources/la-book.yml:14:12: error[unknown-topic]: `covers[1].topic` names `matrix`, which is not a topic; did you mean `matrices`?",
        "did you mean `matrices`?",
    ),
    Mistake(
        "unknown-stage",
        TOPIC,
        "stage: foundations",
        "stage: basics",
        "roadmap/gradients.yml:2:8: error[unknown-stage]: `stage` is `basics`, which is not a stage in roadmap/stages.yml; "
        "use one of: foundations, advanced, machine-learning",
        "use one of: foundations, advanced, machine-learning",
    ),
    Mistake(
        "misspelt-key-is-one-problem",
        BOOK,
        "level: beginner",
        "levl: beginner",
        f"resources/la-book.yml:6:1: error[unknown-key]: unknown key `levl`; did you mean `level`? (allowed here: {ALLOWED})",
        "did you mean `level`?",
    ),
    Mistake(
        "http-form-of-a-listed-url",
        "resources/la-book-again.yml",
        None,
        "title: The same book\nkind: book\nurl: http://example.org/la-book\nprovider: Example Press\n"
        "cost: free\nlevel: beginner\ndescription: Again.\ncovers:\n  - topic: vectors\n    sections: Ch. 1\n",
        "resources/la-book-again.yml:3:6: error[plain-http]: `url` is the http:// form of the address `la-book` already uses "
        "(resources/la-book.yml:3); one resource per address: extend that file's `covers` instead",
        "extend that file's `covers` instead",
    ),
    Mistake(
        "http-on-an-https-only-tld",
        BOOK,
        "url: https://example.org/la-book/",
        "url: http://linear-algebra.dev/book/",
        "resources/la-book.yml:3:6: error[plain-http]: `url` starts with http://, but .dev sites are served over https:// only; "
        "change it to `https://linear-algebra.dev/book/`",
        "change it to `https://linear-algebra.dev/book/`",
    ),
    Mistake(
        "list-item-out-of-line",
        TOPIC,
        "  - topic: vectors",
        " - topic: vectors",
        "roadmap/gradients.yml:23:2: error[yaml-syntax]: this line starts in column 2, but the keys here start in column 1 "
        "(as on line 1); indent it exactly like the lines it belongs with",
        "indent it exactly like the lines it belongs with",
    ),
    Mistake(
        "no-space-after-colon",
        TOPIC,
        "hours: 4",
        "hours:4",
        "roadmap/gradients.yml:18:1: error[yaml-syntax]: this line is not `key: value`: put a space after the key's `:`, or, "
        "if it continues the text above, make that value a `>-` block",
        "put a space after the key's `:`",
    ),
    Mistake(
        "colon-in-a-plain-value",
        TOPIC,
        "title: Gradients",
        "title: Gradients: the multivariable derivative",
        "roadmap/gradients.yml:1:17: error[yaml-syntax]: a `:` where YAML did not expect one: if this line is a key, indent it "
        "exactly like the keys above it; if the value contains `: `, put the value in quotes",
        "put the value in quotes",
    ),
]


def _apply(root: Path, mistake: Mistake) -> None:
    target = root / mistake.file
    if mistake.old is None:
        target.write_text(mistake.new, encoding="utf-8")
        return
    text = target.read_text(encoding="utf-8")
    assert text.count(mistake.old) >= 1, f"fixture drifted: {mistake.old!r} not in {mistake.file}"
    target.write_text(text.replace(mistake.old, mistake.new, 1), encoding="utf-8")


def test_the_ten_are_all_here() -> None:
    assert [m.id for m in MISTAKES] == [
        "typo-in-a-topic-id",
        "wrong-enum-value",
        "missing-field",
        "http-where-https-exists",
        "duplicate-url",
        "bad-indentation",
        "list-where-a-string-belongs",
        "tab",
        "topic-requires-itself",
        "unknown-key",
    ]
    assert len({m.id for m in MISTAKES + VARIANTS}) == len(MISTAKES) + len(VARIANTS)


@pytest.mark.parametrize("mistake", MISTAKES + VARIANTS, ids=[m.id for m in MISTAKES + VARIANTS])
def test_mistake_gets_one_exact_line_that_says_how_to_fix_it(mistake: Mistake, mini_root: Path, run: Callable[..., Result]) -> None:
    _apply(mini_root, mistake)
    result = run("validate", "--root", mini_root)
    assert result.code == 1
    # Exactly one problem: a mistake must not drag along follow-on errors elsewhere.
    assert result.err.splitlines() == [mistake.line, "1 problem in 1 file"]
    message = re.split(r": error\[[a-z-]+\]: ", mistake.line, maxsplit=1)[1]
    assert mistake.fix in message
    start = message.index(mistake.fix)
    assert start > 0 and message[start - 2 : start] in ("; ", ": ", ", "), "the fix follows what is wrong"
    assert FIX.match(mistake.fix), f"{mistake.fix!r} does not start with an instruction"


def test_a_resource_file_that_is_not_yaml_does_not_orphan_topics(mini_root: Path, run: Callable[..., Result]) -> None:
    """Until the file parses, the topics it may cover are not reported as uncovered."""
    (mini_root / BOOK).write_text("title: [A Linear Algebra Book\n", encoding="utf-8")
    result = run("validate", "--root", mini_root)
    assert result.code == 1
    assert result.err.splitlines() == [
        "resources/la-book.yml:1:8: error[yaml-syntax]: this `[` list is never closed; add the `]` (or write one `- item` per line)",
        "1 problem in 1 file",
    ]


def test_http_is_left_alone_without_evidence(mini_root: Path, run: Callable[..., Result]) -> None:
    """No resource shows https on that host: validation cannot know, so it does not guess."""
    _apply(mini_root, Mistake("plain-http", BOOK, "url: https://example.org/la-book/", "url: http://la.example.net/", "", ""))
    result = run("validate", "--root", mini_root)
    assert result.code == 0, result.err
