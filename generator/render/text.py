"""Text for the generated pages: escaping for each place text from YAML lands, and the
small formatting every page shares (numbers, hours, plurals, lists of names).

Two kinds of text come from YAML and each is made safe where it lands:

- plain text (titles, summaries, goals, reasons, sections, names) is escaped for the
  context it goes into: HTML (`h`), Markdown inline text (`md_inline`), or front matter
  (`front_value`), so `<script>` or a `|` in a title shows as those characters;
- Markdown fields (`description`, `why_it_matters`) are Markdown on purpose, but
  `markdown_field` neutralises what validation would reject anyway (raw HTML tags), plus
  what it does not look at: `{: attr}` lists and non-http link schemes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

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


# Fenced blocks, and backtick spans (which end at the paragraph: never across a blank line).
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[`~]*[ \t]*$|(`+)(?:(?!\2|\n[ \t]*\n).)+?\2", re.S | re.M)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>|<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>", re.I)
# A link destination up to its closing parenthesis (or a reference definition's line),
# spaces included: browsers ignore tabs and newlines inside `java\tscript:`.
_LINK_DEST = re.compile(r"(\]\(\s*<?)([^)]*)|^( {0,3}\[[^\]\n]+\]:[ \t]*<?)([^\n]*)", re.M)
_SAFE_SCHEMES = ("http", "https", "mailto")


def _safe_dest(dest: str) -> str:
    # Browsers drop whitespace and control characters inside a scheme (`java\tscript:`).
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(dest))
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", squeezed)
    return dest if scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES else "#"


def _defang(prose: str) -> str:
    out, last = [], 0
    for auto in _AUTOLINK.finditer(prose):
        out.append(_TAG_START.sub("&lt;", prose[last : auto.start()]))
        out.append(auto.group(0))
        last = auto.end()
    out.append(_TAG_START.sub("&lt;", prose[last:]))
    text = "".join(out).replace("{", "&#123;")
    return _LINK_DEST.sub(
        lambda m: m.group(1) + _safe_dest(m.group(2)) if m.group(1) else m.group(3) + _safe_dest(m.group(4)),
        text,
    )


def markdown_field(text: str) -> str:
    """A Markdown field from YAML, with raw HTML, attribute lists and script links made inert.

    Code (fenced blocks and backtick spans) is left exactly as written: Markdown shows it
    literally anyway.
    """
    out, last = [], 0
    for code in _CODE.finditer(text):
        out.append(_defang(text[last : code.start()]))
        out.append(code.group(0))
        last = code.end()
    out.append(_defang(text[last:]))
    return "".join(out).strip()


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
    """Markdown as plain words, cut at a word boundary: for a page's meta description."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = " ".join(re.sub(r"[*_`#>]+", "", text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def host_name(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def day_of(iso: str | None) -> str:
    return iso[:10] if iso else "unknown date"
