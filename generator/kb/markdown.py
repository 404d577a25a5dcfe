"""Markdown fields: the one parser that both checks them and turns them into HTML.

Every field written in Markdown (summaries, descriptions, why it matters, goals, reasons,
section labels) is parsed once by markdown-it-py (CommonMark, linear time) with
mdit-py-plugins' dollarmath for formulas: `$...$` inline, `$$...$$` on lines of their own.
What that parse holds is what validation judges (`issues`) and what the pages show
(`to_html`), so a check and a page can never read a field two ways. The HTML goes into the
generated pages finished: mkdocs and Zensical receive the same markup and their Markdown
options cannot change what a field means. It then passes an allowlist sanitiser (nh3) that
keeps only the elements this module writes, as a second layer. `to_plain` gives the same
field as text for places that hold no markup (SVG labels, titles, `roadmap.json`, plans).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

from generator.kb import tex
from generator.kb.urls import check_url


@dataclass(frozen=True)
class Issue:
    """A mistake in a field: where (a character offset into the field), what, and its check id."""

    offset: int
    message: str
    check: str


def _parser() -> MarkdownIt:
    # Raw HTML is parsed (not passed through: `_render` writes it as text) so that validation
    # can point at it; every link is kept as a link so that validation can judge it.
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True, allow_labels=False, allow_blank_lines=False)
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # judged by `_link_problem`
    return md


_MD = _parser()


@functools.lru_cache(maxsize=16384)  # every field of a knowledge base of a few hundred records, parsed once for validation and rendering
def _tokens(text: str, block: bool) -> tuple[Token, ...]:
    if block:
        return tuple(_MD.parse(text))
    return tuple(_MD.parseInline(text))


def _link_problem(href: str) -> str | None:
    try:
        check_url(href)
    except ValueError as exc:
        return "a link with no address: write a full https:// address" if not href else f"a link {exc}"
    return None


# Unicode that is mathematics: outside a formula it means a formula was written as text.
_MATHS_CHARS = re.compile("[ᵀ⁻¹²³ᵢⱼₙ₀₁₂₃ₖₜ√∑∫∂∇≈≤≥≠∈∉⊂⊆→⇒∞±×·ΣΛΔΘΦΨΩα-ω]")


# -- validation ------------------------------------------------------------------------------


class _Locator:
    """Finds where a token's source starts in the field, moving forward through the field."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
        self.cursor = 0

    def line(self, number: int) -> int:
        start = self.line_starts[min(number, len(self.line_starts) - 1)]
        self.cursor = max(self.cursor, start)
        return start

    def find(self, needle: str) -> int:
        at = self.text.find(needle, self.cursor) if needle else -1
        if at < 0:
            return self.cursor
        self.cursor = at + 1
        return at


def issues(text: str, *, block: bool) -> list[Issue]:
    """Every problem in one field, in order: what the parser sees that a page must not hold,
    and every formula's TeX problems, each at its offset in `text`."""
    found: list[Issue] = []
    where = _Locator(text)
    for token in _tokens(text, block):
        if token.map is not None:
            where.line(token.map[0])
        found += _block_issues(token, where)
        for child in token.children or ():
            found += _inline_issues(child, where)
    return found


def _block_issues(token: Token, where: _Locator) -> list[Issue]:
    kind = token.type
    if kind == "html_block":
        at = where.find(token.content.strip()[:20])
        return [Issue(at, f"raw HTML (`{_shown(token.content)}`) is not allowed; write Markdown, or put code in backticks", "markdown")]
    if kind == "heading_open":
        return [Issue(where.cursor, "a heading inside a field would break the page's outline; use **bold** text instead", "markdown")]
    if kind == "math_block":
        start = where.find("$$")
        body = where.find(token.content.strip()[:20]) if token.content.strip() else start
        return _formula_issues(token.content.strip(), body, where.text, start)
    if kind in ("fence", "code_block", "code_inline") and _MATHS_CHARS.search(token.content):
        return [
            Issue(
                where.find(token.content[:20]),
                "mathematics in code: write a formula as TeX between `$` signs (code is for code)",
                "maths-as-text",
            )
        ]
    return []


def _inline_issues(token: Token, where: _Locator) -> list[Issue]:
    kind = token.type
    if kind == "text":
        match = _MATHS_CHARS.search(token.content)
        if match:
            at = where.find(token.content[: match.start() + 1]) + match.start()
            return [
                Issue(at, f"`{match.group()}` written as text: write mathematics in TeX between `$` signs (`$\\sigma_1$`)", "maths-as-text")
            ]
        where.find(token.content[:20])
        return []
    if kind == "code_inline":
        return _block_issues(token, where)
    if kind == "html_inline":
        at = where.find(token.content)
        return [Issue(at, f"raw HTML (`{_shown(token.content)}`) is not allowed; write Markdown, or put code in backticks", "markdown")]
    if kind == "image":
        at = where.find("![")
        return [Issue(at, "images are not allowed: the site loads nothing from other hosts; link to the page instead", "markdown")]
    if kind == "link_open":
        autolink = token.markup == "autolink"
        at = where.find("<" if autolink else "[")
        problem = _link_problem(str(token.attrs.get("href", "")))
        return [Issue(at, problem, "markdown")] if problem else []
    if kind in ("math_inline", "math_inline_double"):
        marks = "$$" if kind == "math_inline_double" else "$"
        at = where.find(marks + token.content)
        if kind == "math_inline_double":
            return [
                Issue(at, "a display formula (`$$...$$`) goes on lines of its own, in a description; use `$...$` inside a sentence", "tex")
            ]
        return _formula_issues(token.content, at + len(marks), where.text, at)
    return []


def _formula_issues(formula: str, start: int, text: str, opening: int) -> list[Issue]:
    found = tex.problems(formula)
    if not found:
        return []
    # The offset inside the formula, as written in the field (which may start a line or two on).
    body = text.find(formula[: min(len(formula), 20)], start) if formula else -1
    base = body if body >= 0 else opening
    return [Issue(base + offset, message, "tex") for offset, message in found]


def _shown(source: str) -> str:
    first = " ".join(source.split())
    return first if len(first) <= 40 else first[:39] + "…"


# -- rendering -------------------------------------------------------------------------------

_MATHML_TAGS = {
    "math": {"display", "data-search-exclude"},
    "mi": {"mathvariant"},
    "mn": set(),
    "mo": {
        "lspace",
        "rspace",
        "stretchy",
        "fence",
        "separator",
        "form",
        "largeop",
        "movablelimits",
        "symmetric",
        "minsize",
        "maxsize",
        "accent",
    },
    "ms": set(),
    "mtext": set(),
    "mspace": {"width", "height", "depth"},
    "mrow": set(),
    "mfrac": {"linethickness"},
    "msqrt": set(),
    "mroot": set(),
    "msub": set(),
    "msup": set(),
    "msubsup": set(),
    "munder": {"accentunder"},
    "mover": {"accent"},
    "munderover": {"accent", "accentunder"},
    "mtable": {"displaystyle", "scriptlevel", "columnalign", "rowspacing", "columnspacing"},
    "mtr": set(),
    "mtd": {"columnalign"},
    "mstyle": {"displaystyle", "scriptlevel", "mathvariant"},
    "mpadded": {"lspace", "voffset", "width", "height", "depth"},
    "mphantom": set(),
}
_HTML_TAGS = {
    "p": set(),
    "em": set(),
    "strong": set(),
    "code": set(),
    "pre": set(),
    "a": {"href"},
    "ul": set(),
    "ol": {"start"},
    "li": set(),
    "blockquote": set(),
    "br": set(),
    "hr": set(),
    "div": {"class", "tabindex"},
    "span": {"class", "aria-hidden"},
}
_ALLOWED = {**_HTML_TAGS, **{tag: {*attrs, "style"} for tag, attrs in _MATHML_TAGS.items()}}
# math-core aligns `aligned` columns and tightens spacing with these, and only these.
_STYLE_PROPERTIES = {"text-align", "justify-items", "padding-left", "padding-right", "margin-left"}


def _sanitised(markup: str) -> str:
    return nh3.clean(
        markup,
        tags=set(_ALLOWED),
        attributes={tag: set(attrs) for tag, attrs in _ALLOWED.items() if attrs},
        url_schemes={"http", "https"},
        filter_style_properties=_STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
    )


def _render_inline(tokens: Sequence[Token]) -> Iterator[str]:
    skip_close = 0
    for token in tokens:
        kind = token.type
        if kind == "text":
            yield html.escape(token.content)
        elif kind in ("softbreak",):
            yield "\n"
        elif kind == "hardbreak":
            yield "<br>\n"
        elif kind == "code_inline":
            yield f"<code>{html.escape(token.content)}</code>"
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            yield f"<{'/' if kind.endswith('close') else ''}{token.tag}>"
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            if _link_problem(href):
                skip_close += 1  # its text stays, as text
            else:
                yield f'<a href="{html.escape(href)}">'
        elif kind == "link_close":
            if skip_close:
                skip_close -= 1
            else:
                yield "</a>"
        elif kind in ("math_inline", "math_inline_double"):
            yield _formula(token.content, display=kind == "math_inline_double")
        elif kind == "image":
            yield html.escape(token.content)
        else:  # html_inline, and anything a later version may add: shown as the text it is
            yield html.escape(token.content)


def _formula(formula: str, *, display: bool) -> str:
    """MathML for people (and screen readers); for the site search, which indexes text and would
    glue MathML's pieces together, the plain form beside it, hidden from everyone else."""
    markup = tex.mathml(formula, display=display).replace("<math", "<math data-search-exclude", 1)
    return f'{markup}<span class="rm-plain" aria-hidden="true">{html.escape(tex.plain(formula))}</span>'


def _render_blocks(tokens: Sequence[Token]) -> Iterator[str]:
    for token in tokens:
        kind = token.type
        if kind == "inline":
            yield from _render_inline(token.children or ())
        elif kind == "math_block":
            yield f'<div class="rm-math" tabindex="0">{_formula(token.content.strip(), display=True)}</div>\n'
        elif kind in ("fence", "code_block"):
            yield f"<pre><code>{html.escape(token.content)}</code></pre>\n"
        elif kind == "html_block":
            yield f"<p>{html.escape(token.content.strip())}</p>\n"
        elif kind == "hr":
            yield "<hr>\n"
        elif kind.endswith("_open"):
            tag = "p" if token.tag.startswith("h") and token.tag[1:].isdigit() else token.tag
            start = token.attrs.get("start") if tag == "ol" else None
            if token.hidden:  # a tight list's paragraphs
                continue
            yield f"<{tag}{f' start={chr(34)}{int(start)}{chr(34)}' if start else ''}>"
        elif kind.endswith("_close"):
            if token.hidden:
                continue
            tag = "p" if token.tag.startswith("h") and token.tag[1:].isdigit() else token.tag
            yield f"</{tag}>\n"


@functools.lru_cache(maxsize=16384)  # every field of a knowledge base of a few hundred records, parsed once for validation and rendering
def to_html(text: str, *, block: bool) -> str:
    """The field as sanitised HTML: block elements for a block field, phrasing content for an
    inline one. For a field that passed `issues` (anything else renders inert all the same)."""
    tokens = _tokens(text, block)
    parts = _render_blocks(tokens) if block else _render_inline(tokens[0].children or () if tokens else ())
    return _sanitised("".join(parts)).strip()


def to_plain(text: str, *, block: bool = False) -> str:
    """The field as one line of plain text: formulas in their Unicode form, no markup."""
    words: list[str] = []
    for token in _tokens(text, block):
        words += map(_plain_word, token.children if token.children is not None else [token])
        if token.block:
            words.append(" ")
    return " ".join("".join(words).split())


def _plain_word(token: Token) -> str:
    """What one token shows as plain text: its text, a formula's plain form, a space for a break."""
    kind = token.type
    if kind in ("text", "code_inline", "html_inline", "image", "fence", "code_block", "html_block"):
        return token.content
    if kind in ("math_inline", "math_inline_double", "math_block"):
        return _plain_formula(token.content.strip())
    return " " if kind in ("softbreak", "hardbreak") else ""


def _plain_formula(formula: str) -> str:
    return formula if tex.problems(formula) else tex.plain(formula)


def to_text(text: str) -> str:
    """A block field as plain text over several lines, for a terminal or a text file: paragraphs
    apart, list items marked, display formulas and code on lines of their own, indented."""
    lines: list[str] = []
    prefixes: list[str] = []  # one per open list or quote
    numbers: list[int] = []
    for token in _tokens(text, True):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            prefixes.append("- " if kind == "bullet_list_open" else "1. ")
            numbers.append(int(token.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            prefixes.pop()
            numbers.pop()
            lines.append("")
        elif kind == "blockquote_open":
            prefixes.append("> ")
            numbers.append(0)
        elif kind == "blockquote_close":
            prefixes.pop()
            numbers.pop()
        elif kind == "list_item_open":
            if prefixes[-1] != "- ":
                prefixes[-1] = f"{numbers[-1]}. "
                numbers[-1] += 1
            lines.append("\0item")
        elif kind == "inline":
            line = _plain_line(token.children or ())
            indent = "".join("   " if p[0].isdigit() or p == "- " else p for p in prefixes[:-1])
            if lines and lines[-1] == "\0item":
                lines[-1] = indent + prefixes[-1] + line
            else:
                lead = indent + ("" if not prefixes else ("> " if prefixes[-1] == "> " else "   "))
                lines += [lead + line, "" if not prefixes or prefixes[-1] == "> " else "\0soft"]
        elif kind == "math_block":
            lines += ["    " + _plain_formula(token.content.strip()), ""]
        elif kind in ("fence", "code_block"):
            lines += ["    " + row for row in token.content.rstrip("\n").split("\n")] + [""]
    out = [line for line in lines if line not in ("\0item", "\0soft")]
    return "\n".join(out).strip("\n") + "\n"


def _plain_line(children: Sequence[Token]) -> str:
    """Inline tokens as one line of plain text, as `to_plain` shows them."""
    return " ".join("".join(map(_plain_word, children)).split())
