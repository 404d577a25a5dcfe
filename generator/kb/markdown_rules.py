"""What a Markdown field may hold: no raw HTML, links only to full web addresses, no attribute
lists. Hand-written scanners, held against Python-Markdown by tests/kb/test_markdown_rules.py;
one CommonMark parser is to take their place (the typeset-mathematics issue)."""

from __future__ import annotations

import html
import itertools
import re

# Raw HTML as Python-Markdown passes it on: `<` and a tag name of anything but spaces, `<`, `>`,
# `@` (to a browser `<img/src=x/onerror=...>` and `<a:b onfocus=...>` are tags too), or a comment.
_HTML = re.compile(r"<(?:!--|/?[A-Za-z][^\s<>@/`]*(?:[\s/`]|>))")
# Autolinks win over raw HTML there: `<https://...>` (also ftp) and `<name@host>` are links.
_AUTOLINK = re.compile(r"<(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*>|<[^<> !]+@[^@<> ]+>")
# Fenced code blocks as the site's Markdown (pymdownx.superfences) reads them, narrowly: only
# when every line that may open or close a fence (in a quote or a list item too) pairs up, in
# order, as an unindented fence with a plain header (a language, `key="value"` options, a
# `{...}` list) and a line that repeats the fence exactly; otherwise nothing is taken as fenced.
_FENCE_LIKE = re.compile(r"[ \t>*+\-\d.)]*(?:`{3,}|~{3,})")
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})[ \t]*[\w#.+-]*(?:[ \t]+[\w-]+=\"[^\"\n]*\")*[ \t]*(?:\{[^}\n]*\})?[ \t]*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", "\x00", text[start:end]) + text[end:]


def _fences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced block, or none at all if the fences are not clean (above)."""
    spans: list[tuple[int, int]] = []
    fence: tuple[str, int] | None = None
    offset = 0
    for line in text.split("\n"):
        if fence is None and _FENCE_LIKE.match(line):
            opening = _FENCE_OPEN.fullmatch(line)
            if opening is None:
                return []
            fence = (opening.group(1), offset)
        elif fence is not None and line.rstrip(" \t") == fence[0]:
            spans.append((fence[1], offset + len(line)))
            fence = None
        elif fence is not None and _FENCE_LIKE.match(line):
            return []
        offset += len(line) + 1
    return [] if fence is not None else spans


def _mask_code(text: str) -> str:
    """`text` with its code blanked (same length, newlines kept), where Markdown shows `<`, links
    and braces as written. Read narrowly, so that nothing is taken for code that the engine
    would not take: clean fenced blocks (see _FENCE_LIKE), and backtick spans only in a
    paragraph whose backtick runs pair up in order, on one line, with runs of the same length
    and no backslash before one (otherwise a span may run past a line, and block structure
    decides where it ends)."""
    if "`" not in text and "~" not in text:
        return text  # no fence, no code span: most texts (thousands of them in a big knowledge base)
    for start, end in _fences(text):
        text = _blank(text, start, end)
    bounds = [0, *(m.end() for m in _BLANK_LINE.finditer(text)), len(text)]
    for start, end in itertools.pairwise(bounds):
        runs = list(re.finditer(r"`+", text[start:end]))
        pairs = list(zip(runs[::2], runs[1::2]))
        if (
            len(runs) % 2
            or any(a.group() != b.group() or "\n" in text[start + a.start() : start + b.end()] for a, b in pairs)
            or any(text[start + r.start() - 1 : start + r.start()] == "\\" for r in runs)
        ):
            continue
        for a, b in pairs:
            text = _blank(text, start + a.start(), start + b.end())
    return text


def no_html(text: str) -> str:
    if "<" not in text:
        return text  # every pattern below starts with `<`
    match = _HTML.search(_AUTOLINK.sub("", _mask_code(text)))
    if match:
        raise ValueError(f"raw HTML (`{match.group(0).strip()}`...) is not allowed; use Markdown, or put code in backticks")
    return text


# Markdown fields may link only to full web addresses, and may not set HTML attributes.
#
# Links: an inline link or image `[x](dest)`, a reference definition `[x]: dest` and an
# autolink `<scheme:...>` or `<name@host>` must go to an http(s) address. Other schemes
# (`javascript:`, `data:`, `vbscript:`, `mailto:`, ...) are refused, and so are relative links
# (`other.md`, `/path`, `#part`): the text is placed on pages the generator lays out and may
# move, so a relative link has nothing fixed to point at; another topic is linked through
# `prerequisites`. Browsers ignore spaces and control characters in a scheme and decode
# character references (`java&#9;script:`), so the destination is read the same way.
#
# Attribute lists (the attr_list extension, kramdown's `{: ...}`) would set any HTML attribute,
# `onclick` included. Refused where the Markdown engine would read them: `{` right after a
# link, image, autolink, emphasis or code; `{...}` ending a heading, a table cell or a definition
# term; a line that is only `{...}` (or one before a link, code or emphasis); a fence's `{...}`;
# and, anywhere, `{:` and a `{...}` that assigns (`name=value`). Braces elsewhere (sets such as
# `{0, 1}`) are text. tests/kb/test_markdown_rules.py holds all this against Python-Markdown.
# generator/render/text.py still neutralises both when it renders the fields (defence in depth).

# What may open a line inside a quote, a list item or a definition (before a heading, say).
_CONTAINER = r"[ >]*(?:(?:[-*+:]|\d+[.)])[ ]+[ >]*)*"
_LINKS = (
    ("inline", re.compile(r"\](?=\(([^)]*))")),  # [text](dest "title"), ![alt](dest); links may nest
    # [label]: dest (not a [^footnote]:), also inside a quote or a list item
    ("reference", re.compile(r"^" + _CONTAINER + r"\[(?!\^)[^\]\n]+\]:([ ]*\n?[ ]*\S*)", re.M)),
    # <scheme:...>, <name@host> (a name of any characters: code in it is set aside first)
    ("auto", re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*|[^<>]+@[^@<> ]+)>")),
)
_WEB_ADDRESS = re.compile(r"https?://[^/\s]", re.I)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_ATTR_LIST = r"\{:?[ ]*[^}\n ][^\n]*\}"  # as attr_list reads it: `{`, text, the line's last `}`
_ATTR_START = re.compile(_ATTR_LIST)
# What ends an inline element, right before a `{` (searched in its paragraph up to it).
_INLINE_END = re.compile(
    r"(?:\]\((?:[^()]|\([^()]*\))*\)"  # a link or image: ](dest)
    r"|\]"  # a reference link [x][label] or [x], a footnote mark [^1]
    r"|<[^<>\s]+>"  # an autolink
    r"|[\x00`]"  # a code span (blanked by _mask_code, or left as written where read narrowly)
    r"|\*"  # *emphasis*, **strong** (Python-Markdown's may close anywhere)
    r"|(?<![\w_])(_{1,3})(?!_).*?(?<!_)\1)\Z",  # _emphasis_ (not x_i: inside a word, _ is a letter)
    re.S,
)
# `{... name=value ...}`: an attribute assignment (`onclick=...`) wherever it stands, since
# emphasis and links can end in more ways than the patterns above follow.
_ATTR_ASSIGNMENT = re.compile(r"\{[^}\n]*?[^\s=}{]=")
# A fence's header may carry a `{...}` list (pymdownx.superfences) that sets attributes too.
_FENCE_ATTRS = re.compile(r"^[ >*+\-\d.)]*(?:`{3,}|~{3,})[^\n`]*(\{)", re.M)
_ATTRS_AT_END = re.compile(r"[ ]+(" + _ATTR_LIST + r")[ ]*(?:$|(?=[`*_\[!<\x00]))")
# A line that is only an attribute list, or one right before a link, code or emphasis (where
# the paragraph's text stops, for attr_list).
_ATTRS_ALONE = re.compile(r"^" + _CONTAINER + r"(" + _ATTR_LIST + r")[ ]*(?:$|(?=[`*_\[!<\x00]))", re.M)
_HEADING = re.compile(_CONTAINER + r"#")  # Python-Markdown needs no space after the #s
_UNDERLINE = re.compile(_CONTAINER + r"(?:=+|-+)[ ]*$")  # setext heading underline
_DEFINITION = re.compile(r"[ >]*:[ ]")  # def_list: the line after a term


def _where(text: str, offset: int) -> str:
    """` in line N` for a place in a text of several lines (nothing for a one-line text)."""
    if "\n" not in text.strip("\n"):
        return ""
    return f" in line {text.count(chr(10), 0, offset) + 1}"


def _shown(snippet: str) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= 60 else snippet[:59] + "…"


def _link_problem(dest: str, where: str) -> str | None:
    """What is wrong with a link destination as written (None: a full http(s) address)."""
    address = re.sub(r"""\s+(?:"[^"]*"?|'[^']*'?|\([^)]*\)?)\s*$""", "", dest.strip())  # less a "title"
    address = address[1:].split(">", 1)[0] if address.startswith("<") else address
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(address))
    if not squeezed:
        return f"has a link with no address{where}; put the full https:// address in the parentheses"
    if _WEB_ADDRESS.match(squeezed):
        return None
    scheme = _SCHEME.match(squeezed)
    if scheme is not None:
        return (
            f"has a `{scheme.group(1).lower()}:` link (`{_shown(address)}`){where}; link only to web pages, by their full https:// address"
        )
    return (
        f"has a relative link (`{_shown(address)}`){where}; write the full https:// address "
        "(to point at another topic, name it in `prerequisites`)"
    )


def _attribute_list_at(text: str, masked: str) -> int | None:
    """Where the first attribute list starts in `text` (`masked`: the same, code blanked), if anywhere."""
    paragraphs = [0] + [m.end() for m in _BLANK_LINE.finditer(masked)]
    found = [
        brace.start()
        for brace in re.finditer(r"\{", masked)
        if _ATTR_START.match(masked, brace.start())
        # an inline element of the same paragraph ends right before it
        and _INLINE_END.search(masked, max(p for p in paragraphs if p <= brace.start()), brace.start())
    ]
    found += [m.start(1) for m in _ATTRS_ALONE.finditer(masked)]
    if "{:" in masked:
        found.append(masked.index("{:"))
    found += [m.start() for m in _ATTR_ASSIGNMENT.finditer(masked)]
    found += [m.start(1) for m in _FENCE_ATTRS.finditer(text)]
    lines = masked.split("\n")
    start = 0
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if "|" in line:  # a table row: attr_list reads the end of every cell
            cells = re.split(r"(?<!\\)\|", line)
        elif _HEADING.match(line) or (line.strip() and (_UNDERLINE.match(following) or _DEFINITION.match(following))):
            cells = [line]  # a heading or a definition term: the end of the line
        else:
            cells = []
        offset = start
        for cell in cells:
            match = _ATTRS_AT_END.search(cell)
            if match:
                found.append(offset + match.start(1))
            offset += len(cell) + 1
        start += len(line) + 1
    return min(found) if found else None


def safe_markdown(text: str) -> str:
    if "<" not in text and "{" not in text and "](" not in text and "]:" not in text:
        return text  # no autolink, attribute list, inline link or reference definition can be here
    written, text = text, text.expandtabs(4)  # as Python-Markdown reads it (line numbers stay)
    masked = _mask_code(text)
    # Each kind on its own: a line that only looks like a reference definition can hold a link.
    found = sorted((m.start(), m.span(1), kind) for kind, pattern in _LINKS for m in pattern.finditer(masked))
    for start, (begin, end), kind in found:
        dest = text[begin:end]
        if kind == "auto" and _SCHEME.match(dest) is None:  # <name@host> is a mailto: link
            dest = "mailto:" + dest
        problem = _link_problem(dest, _where(text, start))
        if problem is not None:
            raise ValueError(problem)
    at = _attribute_list_at(text, masked)
    if at is not None:
        line = text[at:].split("\n", 1)[0]
        shown = line[: line.rfind("}") + 1] or line
        raise ValueError(
            f"has an attribute list (`{_shown(shown)}`){_where(text, at)}, which would set HTML attributes; "
            "remove it (a set like {0, 1} can stay mid-sentence, or go in backticks)"
        )
    return written
