"""generator.render.text: escaping for each place text lands, and the shared formatting."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from generator.render.text import about_hours, front_value, h, hours_text, join_words, markdown_field, md_inline, plural


@pytest.mark.parametrize(
    "text",
    ["a|b", "*not em*", "_x_", "`code`", "[link](https://x.org)", "<b>tag</b>", "a & b", "$x^2$", "~~s~~", "{: .c}", "#tag", "back\\slash"],
)
def test_md_inline_shows_the_text_and_nothing_else(text: str) -> None:
    made = md_inline(text)
    bare = re.sub(r"&#[0-9]+;|&(?:amp|lt|gt);", "", made)
    assert not set(bare) & set("\\`*_{}[]|~^$#<>&"), made  # every special character a reference
    assert html.unescape(made) == text  # and they show exactly the text


def test_front_value_is_one_quoted_yaml_line_of_escaped_text() -> None:
    made = front_value('A "title" <b>\n  on two lines</b>: yes')
    assert "\n" not in made
    assert yaml.safe_load(f"title: {made}")["title"] == "A &quot;title&quot; &lt;b&gt; on two lines&lt;/b&gt;: yes"
    assert json.loads(made) == yaml.safe_load(f"title: {made}")["title"]


def test_h_escapes_for_html_content_and_attributes() -> None:
    assert h('<a href="x">&\'</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&#x27;&lt;/a&gt;"
    assert h(4) == "4" and h("plain") == "plain"


def test_numbers_and_words() -> None:
    assert hours_text(4.0) == "4 h" and hours_text(1.5) == "1.5 h" and hours_text(None) == "—"
    assert about_hours(1) == "about 1 hour" and about_hours(0.5) == "about 0.5 hours" and about_hours(12.4) == "about 12 hours"
    assert plural(1, "topic") == "1 topic" and plural(2, "topic") == "2 topics" and plural(3, "book", "bookshelves") == "3 bookshelves"
    assert join_words([]) == "" and join_words(["a"]) == "a" and join_words(["a", "b", "c"]) == "a, b and c"
    assert join_words(["a", "b"], "or") == "a or b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain **bold** text", "plain **bold** text"),
        ("a < b and c > d", "a < b and c > d"),
        ("raw <b>html</b>", "raw &lt;b>html&lt;/b>"),
        ("<!-- hidden -->", "&lt;!-- hidden -->"),
        ("in code `<b>` stays", "in code `<b>` stays"),
        ("```\n<script>x</script>\n```", "```\n<script>x</script>\n```"),
        ("autolink <https://example.org/x> stays", "autolink <https://example.org/x> stays"),
        ("[ok](https://example.org) [mail](mailto:a@example.org)", "[ok](https://example.org) [mail](mailto:a@example.org)"),
        ("[bad](javascript:alert(1))", "[bad](#))"),
        ("[bad](JaVa\tScRiPt:alert(1))", "[bad](#))"),
        ("[bad](&#106;avascript:alert(1))", "[bad](#))"),
        ('[titled](https://example.org "A title")', '[titled](https://example.org "A title")'),
        ("[bad]( data:text/html,x)", "[bad]( #)"),
        ("[ref]: vbscript:msgbox", "[ref]: #"),
        ("[rel](../topics/x.md)", "[rel](../topics/x.md)"),
        ("text {: onclick=x }", "text &#123;: onclick=x }"),
        # A code span never runs past a blank line (a paragraph's end): these backticks are
        # literal to Markdown, so what lies between them is not code and is defanged.
        ("`a\n\n<script>x</script>\n\n`", "`a\n\n&lt;script>x&lt;/script>\n\n`"),
        ("``a\n \n<b>x</b> ``", "``a\n \n&lt;b>x&lt;/b> ``"),
        ("`a\n<b>` spans one line break", "`a\n<b>` spans one line break"),
    ],
)
def test_markdown_defang(text: str, expected: str) -> None:
    assert markdown_field(text) == expected
