"""generator.render.text: escaping for each place text lands, and the shared formatting."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from generator.render.text import about_hours, block_html, front_value, h, hours_text, inline_html, join_words, md_inline, plain, plural


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
        ("plain **bold** text", "<p>plain <strong>bold</strong> text</p>"),
        ("a < b and c > d", "<p>a &lt; b and c &gt; d</p>"),
        ("raw <b>html</b>", "<p>raw &lt;b&gt;html&lt;/b&gt;</p>"),
        ("<!-- hidden -->", "<p>&lt;!-- hidden --&gt;</p>"),
        ("in code `<b>` stays", "<p>in code <code>&lt;b&gt;</code> stays</p>"),
        ("```\n<script>x</script>\n```", "<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>"),
        ("autolink <https://example.org/x> stays", '<p>autolink <a href="https://example.org/x">https://example.org/x</a> stays</p>'),
        ("[bad](javascript:alert(1))", "<p>bad</p>"),
        ("[bad](JaVa\tScRiPt:alert(1))", "<p>&#91;bad&#93;(JaVa\tScRiPt:alert(1))</p>"),
        ("[bad](&#106;avascript:alert(1))", "<p>bad</p>"),
        ("[ref]: vbscript:msgbox\n\nsee [ref]", "<p>see ref</p>"),
        ("[rel](../topics/x.md)", "<p>rel</p>"),
        ("text {: onclick=x }", "<p>text &#123;: onclick=x &#125;</p>"),
        (
            "a `*b*` and $x_1$",
            '<p>a <code>&#42;b&#42;</code> and <math data-search-exclude=""><msub><mi>x</mi><mn>1</mn></msub></math><span class="rm-plain" aria-hidden="true">x₁</span></p>',
        ),
    ],
)
def test_block_html_is_finished_sanitised_markup(text: str, expected: str) -> None:
    assert block_html(text) == f'<div class="rm-prose">\n{expected}\n</div>'


def test_inline_html_is_one_line_of_phrasing_markup() -> None:
    assert inline_html("one *two*\nthree | four") == "one <em>two</em> three &#124; four"
    assert inline_html("# not a heading") == "&#35; not a heading"
    assert plain("Since $A = U\\Sigma V^\\top$, **rank** is `r`.") == "Since A = UΣVᵀ, rank is r."
