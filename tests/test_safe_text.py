"""generator/safe_text.py: text from YAML, file names and servers made safe to print."""

from __future__ import annotations

import json

from generator.safe_text import json_printable, md_code, md_text, printable, printable_lines, workflow_data, workflow_property


def test_printable_escapes_controls_and_bidi_marks_and_nothing_else() -> None:
    assert printable("a\x00\x07\x1b[2J\x7f\x85\x9b\u061c\u200e\u2028\u202e\u2066b") == (
        "a\\x00\\x07\\x1b[2J\\x7f\\x85\\x9b\\u061c\\u200e\\u2028\\u202e\\u2066b"
    )
    plain = "Über Σ sums, naïve 日本語 \u00a0 emoji 👩\u200d💻 `code` | @x #1"
    assert printable(plain) == plain


def test_printable_lines_keeps_line_breaks_and_escapes_the_rest() -> None:
    assert (
        printable_lines("build failed:\n  \x1b[31mERROR\x1b[0m in x\r\nnext") == "build failed:\n  \\x1b[31mERROR\\x1b[0m in x\\x0d\nnext"
    )


def test_json_printable_is_the_same_json_with_no_raw_control() -> None:
    value = {"t": "a\x1b\x7f\x9b\u2028\u202e b", "n": [1, 2]}
    text = json_printable(json.dumps(value, indent=2, ensure_ascii=False))
    assert json.loads(text) == value
    assert text == json.dumps(value, indent=2)  # here the same as escaping every non-ASCII character


def test_workflow_command_escapes() -> None:
    assert workflow_data("50%\r\n::warning::x, y:z\x1b") == "50%25%0D%0A::warning::x, y:z\\x1b"
    assert workflow_property("a,line=9::b%\n") == "a%2Cline=9%3A%3Ab%25%0A"


def test_markdown_escapes_are_the_link_reports() -> None:
    assert md_text("a | *b* @c #1\nd") == "a \\| \\*b\\* @\u200bc #\u200b1 d"
    assert md_code("x`y|z") == "``x`y\\|z``"
