"""Markdown fields and formulas: what validation refuses, where, and that what it lets through
renders to inert, sanitised markup (generator/kb/markdown.py, generator/kb/tex.py)."""

from __future__ import annotations

import re

import pytest

from generator.kb import markdown, tex

# Payloads that ran script on the site built with the old hand-written scanners, and variants.
ATTACKS = [
    '~~~ text data-x="1"\n<script>alert(1)</script>\n~~~',
    '``` {.x onclick="alert(1)"}\n<script>alert(1)</script>\n```',
    "```\n<script>alert(1)</script>\n",
    "Use `x\r\r<script>alert(1)</script>` here.",
    "Use `x\r\n\r\n<script>alert(1)</script>` here.",
    "Use `x\u2028\u2028<script>alert(1)</script>` here.",
    "read [the notes][x] first.\r\r[x]: javascript:alert(document.domain)",
    "read [the notes][x] first.\n\n> [x]: javascript:alert(1)",
    "- read [the notes][x]\n\n  [x]: javascript:alert(1)",
    '[x](javascript:alert(1) "t")',
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "![x](https://example.org/x.png)",
    "[x](https://example.org){: onclick=alert(1) }",
    "**bold**{ onclick=alert(1) }",
    "<img src=x onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<a:b onfocus=alert(1) autofocus tabindex=0>x",
    "<!-- <script>alert(1)</script> -->",
    "<details open ontoggle=alert(1)>",
    "$\\text{<script>alert(1)</script>}$",
    "$x$<script>alert(1)</script>",
]
# What the pages may hold: the elements we write, and no handler, script or foreign scheme.
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^>]*)>")
_ALLOWED = {"span", "p", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "blockquote", "br", "hr", "div"} | {
    "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "msub", "msup", "msubsup",
    "munder", "mover", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom",
}  # fmt: skip


def _assert_inert(out: str) -> None:
    for match in _TAG.finditer(out):
        assert match.group(2).lower() in _ALLOWED, (match.group(0), out)
        attrs = match.group(3)
        assert not re.search(r"\son\w+\s*=", attrs, re.I), out
        for value in re.findall(r'href="([^"]*)"', attrs):
            assert value.startswith("https://") or value.startswith("http://"), out


@pytest.mark.parametrize("text", ATTACKS)
@pytest.mark.parametrize("block", [True, False])
def test_attacks_are_refused_or_inert(text: str, block: bool) -> None:
    _assert_inert(markdown.to_html(text, block=block))
    assert "<script" not in markdown.to_html(text, block=block).lower()


@pytest.mark.parametrize(
    "text",
    [
        "Use `x\r\r<script>alert(1)</script>` here.",
        "read [the notes][x] first.\r\r[x]: javascript:alert(document.domain)",
        "- read [the notes][x]\n\n  [x]: javascript:alert(1)",
        "[x](&#106;avascript:alert(1))",
        "![x](https://example.org/x.png)",
        "<img src=x onerror=alert(1)>",
        "$\\fracc{1}{2}$",
        "$$x$$ in a sentence",
    ],
)
def test_validation_refuses_what_would_be_unsafe_or_wrong(text: str) -> None:
    assert markdown.issues(text, block=True)


def test_code_stays_code_and_links_stay_links() -> None:
    text = "See `numpy.linalg.lstsq` and [the docs](https://numpy.org/doc/) for $\\{2, 4\\}$ {a}."
    assert markdown.issues(text, block=True) == []
    out = markdown.to_html(text, block=True)
    assert "<code>numpy.linalg.lstsq</code>" in out and '<a href="https://numpy.org/doc/">the docs</a>' in out
    assert "{a}" in out


def test_issues_point_at_the_character() -> None:
    text = "First line.\n\nThen <b>bold</b> and $\\sigmaa$ and x²."
    found = markdown.issues(text, block=True)
    assert [(text[i.offset : i.offset + 3], i.check) for i in found] == [
        ("<b>", "markdown"),
        ("</b", "markdown"),
        ("\\si", "tex"),
        ("².", "maths-as-text"),
    ]
    assert "did you mean `\\sigma`" in found[2].message


@pytest.mark.parametrize(
    ("formula", "gist"),
    [
        ("", "empty"),
        ("{a", "never closed"),
        ("a}", "closes nothing"),
        ("\\fracc{1}{2}", "did you mean `\\frac`"),
        ("\\newcommand{\\x}{y}", "unknown command `\\newcommand`"),
        ("\\begin{array}{c}1\\end{array}", "environment `array` is not supported"),
        ("50%", "starts a comment"),
        ("σ", "write `\\sigma`"),
        ("x^", "Expected argument"),
        ("\\href{javascript:alert(1)}{x}", "unknown command `\\href`"),
    ],
)
def test_tex_problems(formula: str, gist: str) -> None:
    found = tex.problems(formula)
    assert found and any(gist in message for _, message in found), found


@pytest.mark.parametrize(
    ("formula", "shown"),
    [
        ("A = U\\Sigma V^\\top", "A = UΣVᵀ"),
        ("\\sigma_1 u_1 v_1^\\top", "σ₁u₁v₁ᵀ"),
        ("\\begin{bmatrix}3 & 0 \\\\ 4 & 5\\end{bmatrix}", "[3, 0; 4, 5]"),
        ("\\frac{\\partial L}{\\partial w}", "(∂L)/(∂w)"),
        ("A^{-1}", "A⁻¹"),
        ("\\E[X] = \\mu", "𝔼[X] = μ"),
        ("\\sqrt{45} \\approx 6.71", "√45 ≈ 6.71"),
    ],
)
def test_plain_form_of_formulas(formula: str, shown: str) -> None:
    assert tex.problems(formula) == []
    assert tex.plain(formula) == shown


def test_display_formulas_are_block_mathml_in_a_scrolling_box() -> None:
    out = markdown.to_html("Key result:\n\n$$\nA = U\\Sigma V^\\top\n$$\n", block=True)
    assert '<div class="rm-math" tabindex="0"><math data-search-exclude="" display="block">' in out
    # the site search indexes the plain form, hidden from readers and screen readers alike
    assert '<span class="rm-plain" aria-hidden="true">A = UΣVᵀ</span></div>' in out


def test_every_allowed_command_converts() -> None:
    for name in sorted(tex.COMMANDS - {"begin", "end", "left", "right", "middle", "not", "limits", "nolimits"}):
        formula = (
            f"\\{name}{{x}}{{y}}" if name in ("frac", "dfrac", "tfrac", "binom", "overset", "underset", "stackrel") else f"\\{name}{{x}}"
        )
        if name in ("big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"):
            formula = f"\\{name}("
        assert tex.problems(formula) == [], (name, tex.problems(formula))
