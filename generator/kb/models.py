"""The records of the knowledge base, as Pydantic v2 models.

One model per kind of file. Checks that need only one record live here; checks
across records (references, cycles, duplicates) live in `checks`.
"""

from __future__ import annotations

import html
import ipaddress
import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from generator.kb.vocabulary import (
    KINDS,
    TOPICLESS_KINDS,
    Area,
    Cost,
    Kind,
    Level,
    Strength,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 64  # ids are file and folder names


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
_SPACE = re.compile(r"\s")  # what str.isspace() calls a space, anywhere in the text
_BLOCKED_HOSTS = re.compile(r"(^|\.)(localhost|local|internal|localdomain|home\.arpa)$")


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
    for start, end in zip(bounds, bounds[1:]):
        runs = list(re.finditer(r"`+", text[start:end]))
        pairs = list(zip(runs[::2], runs[1::2]))
        if len(runs) % 2 or any(
            a.group() != b.group() or "\n" in text[start + a.start() : start + b.end()] for a, b in pairs
        ) or any(text[start + r.start() - 1 : start + r.start()] == "\\" for r in runs):
            continue
        for a, b in pairs:
            text = _blank(text, start + a.start(), start + b.end())
    return text


def _no_html(text: str) -> str:
    if "<" not in text:
        return text  # every pattern below starts with `<`
    match = _HTML.search(_AUTOLINK.sub("", _mask_code(text)))
    if match:
        raise ValueError(
            f"raw HTML (`{match.group(0).strip()}`...) is not allowed; use Markdown, "
            "or put code in backticks"
        )
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
# `{0, 1}`) are text. tests/test_markdown_fields.py holds all this against Python-Markdown.
# generator/pages.py still neutralises both when it renders the fields (defence in depth).

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
            f"has a `{scheme.group(1).lower()}:` link (`{_shown(address)}`){where}; "
            "link only to web pages, by their full https:// address"
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


def _safe_markdown(text: str) -> str:
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


def _plain(text: str) -> str:
    _no_html(text)
    if "\n" in text and "\n" in text.strip():
        raise ValueError("must be one paragraph of plain text; use `>-` so YAML folds the lines")
    return text


def _not_blank(text: str) -> str:
    if not text or text.isspace():  # what `not text.strip()` says, without a copy
        raise ValueError("is empty; write something here")
    return text


# Query parameters that only track who clicked (CONTRIBUTING: "What we turn down"), and
# link shorteners, which hide where a link goes and die with their service.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi", "ref", "ref_src"})
TRACKING_PREFIXES = ("utm_",)
SHORTENERS = frozenset({
    "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd", "buff.ly", "rebrand.ly",
    "cutt.ly", "lnkd.in", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "amzn.to", "amzn.eu", "youtu.be",
})
# Full stops a browser reads as the dot between labels (UTS #46 maps them to ".").
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_HEX = re.compile(r"0[xX][0-9a-fA-F]*")
_OCTAL_DIGITS = frozenset("01234567")


def _ipv4_as_browsers_read_it(host: str) -> ipaddress.IPv4Address | None:
    """The WHATWG URL standard's IPv4 parser: 1 to 4 parts, each decimal, octal (a leading 0)
    or hex (0x), the last filling the bytes left; None where a browser would refuse the host."""
    parts = host.split(".")
    if len(parts) > 4 or "" in parts:
        return None
    numbers = []
    for part in parts:
        if _HEX.fullmatch(part):
            numbers.append(int(part[2:] or "0", 16))
        elif part.isascii() and part.isdigit() and len(part) > 1 and part[0] == "0":
            if not set(part) <= _OCTAL_DIGITS:
                return None  # `08`: no number to a browser, which refuses the host
            numbers.append(int(part, 8))
        elif part.isascii() and part.isdigit():
            numbers.append(int(part))
        else:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _ends_in_a_number(host: str) -> bool:
    """Whether a browser reads `host` as an IPv4 address (WHATWG URL: the last label is a number)."""
    last = host.rsplit(".", 1)[-1]
    return bool(last) and ((last.isascii() and last.isdigit()) or bool(_HEX.fullmatch(last)))


def check_url(url: str) -> str:
    """An http(s) URL with no credentials that does not point into a private network."""
    if _SPACE.search(url):
        raise ValueError("contains spaces; percent-encode them (%20) or remove them")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"must start with https:// (or http://), not `{parts.scheme or url}`")
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"has its scheme in capitals; write it in lower case: `{parts.scheme}://{url.split('://', 1)[-1]}`")
    hostname = parts.hostname
    if not hostname:
        raise ValueError("has no host name; write the full address, e.g. https://example.org/page")
    if "@" in parts.netloc:  # what makes urlsplit see a user name or password
        raise ValueError("contains a user name or password; remove the credentials from the address")
    # As a browser reads it: compatibility forms folded (`①②⑦` is 127), other full stops are dots.
    host = unicodedata.normalize("NFKC", hostname.translate(_DOTS)).rstrip(".").lower()
    if ":" in host:
        try:
            address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
        except ValueError:
            address = None
    elif _ends_in_a_number(host):
        # `10.1`, `2130706433`, `0x7f.1` and `0177.0.0.1` are addresses to a browser; only the
        # dotted form is allowed, so that a reader sees the address the link goes to.
        address = _ipv4_as_browsers_read_it(host)
        if address is None or str(address) != host:
            read = f", which browsers read as the address {address}" if address else ""
            raise ValueError(f"points at `{hostname}`{read}; use the site's public host name")
    else:
        address = None
    if address is None:
        if _BLOCKED_HOSTS.search(host) or "." not in host:
            raise ValueError(f"points at `{host}`, which is not a public host name")
    elif not address.is_global:
        raise ValueError(f"points at the private or reserved address {host}; use the public address")
    if port == 0:
        raise ValueError("has port 0, which no server listens on")
    if host in SHORTENERS or host.removeprefix("www.") in SHORTENERS:
        if host == "youtu.be" and parts.path.strip("/"):
            raise ValueError(f"is a short link; use `https://www.youtube.com/watch?v={parts.path.strip('/')}`")
        raise ValueError(f"goes through the link shortener `{host}`; use the address it leads to")
    tracking = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True) if name.lower() in TRACKING_PARAMETERS or name.lower().startswith(TRACKING_PREFIXES)]
    if tracking:
        kept = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if name not in tracking]
        clean = urlunsplit(parts._replace(query=urlencode(kept)))
        names = ", ".join(f"`{name}`" for name in dict.fromkeys(tracking))
        raise ValueError(f"has the tracking parameter{'s' if len(tracking) > 1 else ''} {names}; remove {'them' if len(tracking) > 1 else 'it'}: `{clean}`")
    return url


def _isbn(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value).upper()
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        ok = total % 11 == 0
    elif len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        ok = total % 10 == 0
    else:
        raise ValueError(f"`{value}` is not an ISBN: write its 10 or 13 digits (hyphens allowed)")
    if not ok:
        raise ValueError(f"`{value}` fails the ISBN check digit; copy it again from the book")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)]
# What `_not_blank` and `_plain` check, as schema patterns for editors (the models keep their own
# checks, whose messages say what to do): some text that is not all space, on one line.
_SCHEMA_NOT_BLANK = Field(json_schema_extra={"pattern": r"\S"})
_SCHEMA_ONE_LINE = Field(json_schema_extra={"pattern": r"^\s*\S([^\n]*\S)?\s*$"})
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank), AfterValidator(_plain), _SCHEMA_ONE_LINE]
Summary = Annotated[
    str, StringConstraints(min_length=1, max_length=300), AfterValidator(_not_blank), AfterValidator(_plain), _SCHEMA_ONE_LINE
]
Markdown = Annotated[
    str, StringConstraints(min_length=1), AfterValidator(_not_blank), AfterValidator(_no_html), AfterValidator(_safe_markdown), _SCHEMA_NOT_BLANK
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_not_blank), AfterValidator(_plain), _SCHEMA_ONE_LINE]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(check_url)]
Isbn = Annotated[str, AfterValidator(_isbn)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Stage(Record):
    """One step of the guide; topics belong to a stage."""

    id: Id
    title: Name
    order: Annotated[int, Field(ge=1, le=99)]
    summary: Summary
    kinds: Annotated[list[Kind], Field(description="Resource kinds this step is about (for the practice and community steps).")] = []


class StagesFile(Record):
    """`roadmap/stages.yml`: the steps of the guide, in order."""

    stages: Annotated[list[Stage], Field(min_length=1)]


class Prerequisite(Record):
    topic: Annotated[Id, Field(description="The id of the topic needed first.")]
    strength: Strength
    reason: Text


class Topic(Record):
    """`roadmap/<id>.yml`: one topic of the roadmap; the id is the file name."""

    title: Name
    stage: Id
    area: Area
    summary: Summary
    description: Markdown
    why_it_matters: Markdown
    goals: Annotated[list[Text], Field(min_length=3, max_length=6)]
    hours: Annotated[float, Field(gt=0, le=500)]
    prerequisites: list[Prerequisite] = []


class Cover(Record):
    topic: Id
    sections: Annotated[Text, Field(max_length=300, description='Exactly where: "Ch. 2-4", "Lectures 21-22", "Whole video".')]


class Resource(Record):
    """`resources/<id>.yml`: one learning resource; the id is the file name."""

    title: Name
    kind: Kind
    url: Url
    authors: list[Name] = []
    provider: Name | None = None
    cost: Cost
    level: Level
    hours: Annotated[float, Field(gt=0, le=2000)] | None = None
    year: Annotated[int, Field(ge=1600, le=2100)] | None = None
    edition: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    isbn: Isbn | None = None
    description: Markdown
    covers: list[Cover] = []

    @model_validator(mode="after")
    def _who_and_what(self) -> Resource:
        if not self.authors and self.provider is None:
            raise ValueError("needs `authors` (a list of people) or `provider` (an organisation); add one")
        if not self.covers and self.kind not in TOPICLESS_KINDS:
            raise ValueError(
                f"a {self.kind} must say which topics it covers: add `covers:` with `- topic: ...` "
                "and `sections: ...`"
            )
        return self


MODELS: dict[str, type[Record]] = {"stages": StagesFile, "topic": Topic, "resource": Resource}


# Hover help for editors, keyed by model and field (each model's own `description`
# fields win). tests/test_schema_files.py requires one for every field.
FIELD_HELP: dict[str, dict[str, str]] = {
    "StagesFile": {"stages": "The steps of the guide, in order."},
    "Stage": {
        "id": "Lowercase words joined by hyphens; topics name it in `stage:`.",
        "title": "The step's heading on the site.",
        "order": "Position of the step, from 1.",
        "summary": "One or two plain sentences (no Markdown), at most 300 characters.",
    },
    "Topic": {
        "title": "What the topic is called, in sentence case: `Eigenvalues and eigenvectors`.",
        "stage": "The step of the guide it belongs to: an `id` from roadmap/stages.yml.",
        "area": "The branch of mathematics it belongs to.",
        "summary": "One or two plain sentences (no Markdown), at most 300 characters; write it as a `>-` block.",
        "description": "Markdown in your own words, no raw HTML; links only to full https:// addresses; write it as a `|` block.",
        "why_it_matters": "Markdown: which machine-learning methods use this, and how.",
        "goals": "3 to 6 things a learner can check themselves against: `Compute ...`, `Explain ...`.",
        "hours": "A realistic study time in hours (a whole or half number).",
        "prerequisites": "Topics needed first, direct ones only; `[]` when there are none.",
    },
    "Prerequisite": {
        "strength": "`required`: this topic cannot be followed without it; `recommended`: it helps a lot.",
        "reason": "Why it is needed, in one sentence.",
    },
    "Resource": {
        "title": "The title as the resource itself gives it.",
        "kind": "What sort of resource it is.",
        "url": "The canonical https:// address, checked by hand; no tracking or affiliate parameters.",
        "authors": "The people who wrote or teach it, as a list (even for one person).",
        "provider": "The organisation or platform; needed when there are no `authors`.",
        "cost": "`free`; `free-to-audit` (a course free to follow, certificate paid); `paid`.",
        "level": "Who it is written for.",
        "hours": "Time to work through the whole resource, in hours.",
        "year": "Year of publication or recording.",
        "edition": 'The edition as printed, in quotes: `"2nd"`.',
        "isbn": "ISBN-10 or ISBN-13, in quotes; hyphens allowed.",
        "description": "In your own words: what it is good for, and for whom. Plain text or light Markdown, no HTML; links only to https:// addresses.",
        "covers": "The topics it teaches and exactly where; `[]` only for communities, conferences, practice sites and tools.",
    },
    "Cover": {"topic": "The id of a topic it teaches (its file name in roadmap/ without `.yml`)."},
}


def _with_help(schema: dict[str, Any]) -> None:
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for name, text in FIELD_HELP.get(definition.get("title", ""), {}).items():
            definition["properties"][name].setdefault("description", text)


def _whole_match(node: Any) -> None:
    """Patterns ending in `$` also refuse a final newline. Editors read `$` as ECMAScript does
    (the end of the text), but Python's `re`, under python-jsonschema and check-jsonschema,
    also matches it before a final newline, so `id: "x\\n"` would pass there."""
    if isinstance(node, dict):
        pattern = node.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("$"):
            node["pattern"] = pattern + r"(?!\n)"
        for value in node.values():
            _whole_match(value)
    elif isinstance(node, list):
        for value in node:
            _whole_match(value)


def _resource_rules(schema: dict[str, Any]) -> None:
    """The rules of `Resource._who_and_what`, in JSON Schema terms, so editors flag them too."""
    props = schema["properties"]
    props["url"]["pattern"] = r"^https?://\S+$"
    props["isbn"]["anyOf"][0]["pattern"] = r"^[0-9][0-9 -]{8,15}[0-9Xx]$"
    schema["anyOf"] = [
        {"required": ["authors"], "properties": {"authors": {"minItems": 1}}},
        {"required": ["provider"], "properties": {"provider": {"type": "string"}}},
    ]
    schema["if"] = {"required": ["kind"], "properties": {"kind": {"enum": [k for k in KINDS if k not in TOPICLESS_KINDS]}}}
    schema["then"] = {"required": ["covers"], "properties": {"covers": {"minItems": 1}}}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each kind of file, for editors and CI.

    Checks that need other records (ids that exist, cycles, duplicate URLs) are
    `roadmap validate`'s alone; everything about one file is here.
    """
    out: dict[str, dict[str, Any]] = {}
    for kind, model in MODELS.items():
        schema = model.model_json_schema(mode="validation")
        _with_help(schema)
        if model is Resource:
            _resource_rules(schema)
        _whole_match(schema)
        # Draft-07 is what yaml-language-server (VS Code's YAML extension and most editors)
        # implements; every keyword used here means the same in draft 2020-12.
        out[kind] = {"$schema": "http://json-schema.org/draft-07/schema#", **schema}
    return out
