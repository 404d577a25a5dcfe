"""The Markdown fields' rules (generator/models.py) held against the Markdown engine itself.

Validation reads Markdown with regular expressions; the site renders it with Python-Markdown and
the extensions in mkdocs.yml. Whatever the engine would pass on as markup of the writer's own
must be refused by validation. It may refuse a little more (its reading is narrow on purpose).
Positions and messages are tested in test_validate_errors.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.models import _no_html
from site_project import REPO


def _site_extensions() -> tuple[list[str], dict[str, Any]]:
    names: list[str] = []
    configs: dict[str, Any] = {}
    for entry in yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if config:
            configs[name] = config
    return names, configs


EXTENSIONS, CONFIGS = _site_extensions()


def render(text: str, extensions: list[str] = EXTENSIONS) -> str:
    return markdown.markdown(text, extensions=extensions, extension_configs=CONFIGS)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "style", "svg", "math", "base", "meta", "link") or not tag.isalnum():
            self.found.append(f"<{tag}>")
        self.found += [f"<{tag} {name}=...>" for name, _ in attrs if name.startswith("on") or name in ("style", "srcdoc", "formaction")]

    def handle_comment(self, data: str) -> None:
        self.found.append("<!--...-->")


def raw_markup(html: str) -> list[str]:
    """Markup that Markdown itself never writes: scripts and the like, event handlers, odd tags."""
    parser = _Tags()
    parser.feed(html)
    return parser.found


def html_refused(text: str) -> bool:
    try:
        _no_html(text)
    except ValueError:
        return True
    return False


HTML_REFUSED = [
    "<img src=x onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<a:b onfocus=alert(1) autofocus tabindex=0>",
    "<data: onclick=x>",
    "text <b>bold</b>",
    "<!-- a comment -->",
    # A backtick span never runs past a paragraph (nor, read narrowly here, past a line).
    "a `b\n\n<img src=x onerror=alert(1)>\n\nc`",
    "a `b\n<script>alert(1)</script>\nc`",
    "a `b\n> <img src=x onerror=alert(1)>`",
    "```` a `b <script>` c ````",  # runs of unequal length: where a span ends is the engine's call
    # An unclosed fence leaves the next one unread by the engine: no fence is taken as code then.
    "~~~\n```\n<img src=x onerror=alert(1)>\n```",
    "~~~\n<img src=x onerror=alert(1)>\n~~~~",
    "```\n<img src=x onerror=alert(1)>\n  ```",
    "  ```\n<img src=x onerror=alert(1)>\n```",
]

HTML_ACCEPTED = [
    "See <https://example.org/a b>, <HTTP://EXAMPLE.ORG> and <a@b.org>.",
    "Code: `<img src=x onerror=alert(1)>`, ``<b>``.",
    "```\n<script>alert(1)</script>\n```",
    "~~~~ html\n<img src=x>\n~~~~",
    '```python title="x.py"\n<script>alert(1)</script>\n```\n\nText `<b>` and ``<i>``.',
    "x < y, a<=b, 2 <3, 5 > 4 and p -> q",
]


@pytest.mark.parametrize("text", HTML_REFUSED)
def test_raw_html_refused(text: str) -> None:
    assert html_refused(text)


@pytest.mark.parametrize("text", HTML_ACCEPTED)
def test_no_raw_html_here(text: str) -> None:
    assert not html_refused(text)
    assert raw_markup(render(text)) == []


HTML_TOKENS = [
    "<", ">", "</", "img", "script", " src=x", " onerror=y", "/", ":", "a", "@", "`", "``", "```", "~~~",
    "\n", "\n\n", " ", "    ", "> ", "- ", "# ", "https://e.org", "!--", "--", "\\",
    "<img src=x onerror=y>", "<script>", "<a:b onfocus=y>", "<img/src=x/onerror=y>", "```\n", "~~~\n", "```python\n",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(HTML_TOKENS), max_size=16).map("".join))
def test_no_raw_html_gets_through(text: str) -> None:
    found = raw_markup(render(text))
    if found:
        assert html_refused(text), (text, found)
