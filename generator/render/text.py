"""Text for the generated pages: escaping for each place text from YAML lands, and the
small formatting every page shares (numbers, hours, plurals, lists of names).

Two kinds of text come from YAML and each is made safe where it lands:

- plain text (titles, summaries, goals, reasons, sections, names) is escaped for the
  context it goes into: HTML (`h`), Markdown inline text (`md_inline`), or front matter
  (`front_value`), so `<script>` or a `|` in a title shows as those characters;
- Markdown fields (summaries, goals, reasons, sections, descriptions) are turned into
  finished, sanitised HTML by `generator/kb/markdown.py` (`block_html`, `inline_html`), or
  into plain text with formulas in Unicode (`plain`) where only text can go.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from generator.kb.markdown import to_html, to_plain
from generator.kb.models import Resource


def html_text(value: str) -> str:
    """Text for HTML or SVG, element content or a quoted attribute."""
    # Most text (ids, links, titles) has nothing to escape: say so without five replaces.
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return html.escape(value, quote=True)
    return value


def h(text: object) -> str:
    """Text for HTML (element content or a quoted attribute)."""
    return html_text(text if type(text) is str else str(text))


# Characters with a meaning inside a line of Markdown (or in an extension we might turn on
# later); numeric references show the same character and mean nothing to Markdown. Text
# never starts a line (it follows `# ` or `- `), so `+`, `-` and `1.` are safe; `#` is not
# at the end of a heading.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]|~^$#]")


def md_inline(text: str) -> str:
    """Plain text for a Markdown paragraph, heading, list item or link text: every character
    Markdown (or HTML inside it) would read as markup is written as a character reference,
    which shows the same character. Not for the start of a line (see `_MD_SPECIAL`)."""
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", html.escape(text, quote=False))


_MD_BACKSLASHED = re.compile(r"([\\`*_\[\]<>#|~])")


def md_backslashed(text: str) -> str:
    """Plain text for Markdown a person reads as it is (the plan checklist a learner pastes
    into their notes): markup characters backslash-escaped, which reads better raw than
    `md_inline`'s character references. planner.js writes the same checklist the same way."""
    return _MD_BACKSLASHED.sub(r"\\\1", text)


def front_value(text: str) -> str:
    """A front-matter value. Themes print `title` and `description` into the page head
    without escaping, so the value is HTML-escaped first, then quoted as a JSON string
    (which YAML reads as a double-quoted scalar)."""
    return json.dumps(html.escape(" ".join(text.split()), quote=True), ensure_ascii=False)


# Characters Python-Markdown reads inside inline HTML's text (the tags themselves it passes on):
# in text nodes they become character references, which show the same characters.
_TEXT_NODE = re.compile(r">([^<]+)<")
_MD_IN_TEXT = _MD_SPECIAL


def _for_markdown_page(markup: str) -> str:
    """Finished HTML, written into a Markdown page so that the page's Markdown cannot change it."""
    escape = lambda m: ">" + _MD_IN_TEXT.sub(lambda c: f"&#{ord(c.group(0))};", m.group(1)) + "<"  # noqa: E731
    return _TEXT_NODE.sub(escape, f">{markup}<")[1:-1]


def block_html(text: str) -> str:
    """A block Markdown field (`description`, `why_it_matters`) as a finished HTML block."""
    return f'<div class="rm-prose">\n{_for_markdown_page(to_html(text, block=True))}\n</div>'


def inline_html(text: str) -> str:
    """A one-paragraph Markdown field (summary, goal, reason, sections) as finished phrasing HTML,
    on one line (a line break inside a list item or a table row would end it)."""
    return _for_markdown_page(to_html(text, block=False).replace("\n", " "))


def plain(text: str) -> str:
    """A Markdown field as one line of text, formulas in their Unicode form (`A = UΣVᵀ`)."""
    return to_plain(text)


def number(value: float) -> int | float:
    """4.0 -> 4, so JSON and text say `4`, not `4.0`."""
    return int(value) if float(value).is_integer() else value


def hours_text(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{number(value):g} h"


def about_hours(total: float) -> str:
    rounded = round(total) if total >= 2 else number(total)
    return f"about {rounded:g} hour{'' if rounded == 1 else 's'}"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def join_words(items: Sequence[str], last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def byline_of(resource: Resource) -> str:
    if resource.authors:
        names = list(resource.authors)
        shown = names if len(names) <= 3 else [*names[:2], f"{len(names) - 2} others"]
        return join_words(shown)
    return resource.provider or ""


def first_words(markdown: str, limit: int) -> str:
    """A Markdown field as plain words, cut at a word boundary: for a page's meta description."""
    text = to_plain(markdown, block=True)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def host_name(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def day_of(iso: str | None) -> str:
    return iso[:10] if iso else "unknown date"
