"""Formulas: the TeX a field may hold, how it is checked, and the two forms it is shown in.

A formula is TeX between `$...$` (inline) or `$$...$$` (display) in a Markdown field
(`generator/kb/markdown.py` finds them). This module is the one home of what TeX we accept:

- `problems(formula)`: every mistake in it, each at its character offset (unbalanced braces,
  a command or environment not in `COMMANDS`/`ENVIRONMENTS` with "did you mean", characters
  TeX would read as something else, and whatever the converter refuses);
- `mathml(formula, display=...)`: MathML Core, converted at build time by math-core (a Rust
  converter: fast, no JavaScript, screen readers read the result);
- `plain(formula)`: a readable Unicode form (`A = UΣVᵀ`) from the same MathML, for places that
  hold text only (SVG labels, page titles, the search index, `roadmap plan` output).
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from math_core import LatexError, LatexToMathML

from generator.kb.problems import closest

MAX_FORMULA = 4000  # characters; a formula longer than a page is a mistake (and bounded work)

# Our own shorthands, expanded by the converter. Each is also a command you may write.
SHORTHANDS: dict[str, str] = {
    "E": r"\mathbb{E}",
    "R": r"\mathbb{R}",
    "Var": r"\operatorname{Var}",
    "Cov": r"\operatorname{Cov}",
    "rank": r"\operatorname{rank}",
    "tr": r"\operatorname{tr}",
    "diag": r"\operatorname{diag}",
    "sgn": r"\operatorname{sgn}",
    "softmax": r"\operatorname{softmax}",
    "KL": r"\mathrm{KL}",
}

# The commands a formula may use, by what they are for (CONTRIBUTING lists them from here).
COMMAND_GROUPS: dict[str, str] = {
    "Greek letters": "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho "
    "sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega",
    "Fractions and roots": "frac dfrac tfrac sqrt binom",
    "Big operators": "sum prod int iint iiint oint bigcup bigcap lim limsup liminf max min sup inf limits nolimits",
    "Named functions": "argmax argmin arg log ln exp det dim ker sin cos tan sinh cosh tanh Pr gcd operatorname",
    "Our shorthands": " ".join(SHORTHANDS),
    "Letter styles": "mathrm mathbf mathbb mathcal mathit mathsf mathtt mathfrak boldsymbol text textbf textit",
    "Delimiters": "left right middle big Big bigg Bigg bigl bigr Bigl Bigr langle rangle lvert rvert lVert rVert vert Vert "
    "mid lfloor rfloor lceil rceil",
    "Operators": "cdot cdots ldots dots vdots ddots times div pm mp ast star circ bullet odot otimes oplus setminus",
    "Relations": "leq le geq ge neq ne approx sim simeq cong equiv propto ll gg preceq succeq in notin ni subset subseteq "
    "supset supseteq perp parallel coloneqq triangleq",
    "Sets and logic": "cup cap emptyset varnothing forall exists neg land lor wedge vee therefore",
    "Arrows": "to rightarrow leftarrow leftrightarrow Rightarrow Leftarrow Leftrightarrow mapsto implies iff longrightarrow "
    "uparrow downarrow xrightarrow",
    "Symbols": "infty partial nabla ell top intercal prime dagger angle",
    "Accents": "hat bar tilde vec dot ddot overline underline widehat overbrace underbrace check",
    "Spacing and layout": "quad qquad displaystyle textstyle overset underset stackrel not begin end",
}
COMMANDS: frozenset[str] = frozenset(name for names in COMMAND_GROUPS.values() for name in names.split())
# One-character commands: spacing (`\,` `\;` `\!` `\ `), escaped characters, a new matrix row.
SYMBOL_COMMANDS = frozenset(",;:! {}|$%#&_\\")
ENVIRONMENTS = ("matrix", "pmatrix", "bmatrix", "vmatrix", "Vmatrix", "Bmatrix", "cases", "aligned")

# Characters TeX reads as something other than themselves.
_SPECIAL = {
    "%": r"`%` starts a comment in TeX and hides the rest of the formula; write `\%`",
    "#": r"`#` is a macro parameter in TeX; write `\#`",
}
# Unicode that belongs in TeX form inside a formula (so that every formula is written one way).
_UNICODE_HINTS = {
    "ᵀ": r"^\top",
    "⁻": "^{-...}",
    "²": "^2",
    "³": "^3",
    "¹": "^1",
    "ᵢ": "_i",
    "ⱼ": "_j",
    "ₙ": "_n",
    "₀": "_0",
    "₁": "_1",
    "₂": "_2",
    "√": r"\sqrt{...}",
    "≈": r"\approx",
    "≤": r"\leq",
    "≥": r"\geq",
    "≠": r"\neq",
    "∈": r"\in",
    "∑": r"\sum",
    "∫": r"\int",
    "∂": r"\partial",
    "∇": r"\nabla",
    "×": r"\times",
    "·": r"\cdot",
    "…": r"\dots",
    "→": r"\to",
    "∞": r"\infty",
}
_GREEK = {
    chr(0x3B1 + i): name
    for i, name in enumerate(
        [
            "alpha",
            "beta",
            "gamma",
            "delta",
            "epsilon",
            "zeta",
            "eta",
            "theta",
            "iota",
            "kappa",
            "lambda",
            "mu",
            "nu",
            "xi",
            "omicron",
            "pi",
            "rho",
            "varsigma",
            "sigma",
            "tau",
            "upsilon",
            "phi",
            "chi",
            "psi",
            "omega",
        ]
    )
}
_GREEK.update({"Σ": "Sigma", "Δ": "Delta", "Λ": "Lambda", "Θ": "Theta", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "Γ": "Gamma", "Π": "Pi"})
_UNICODE_HINTS.update({char: "\\" + name for char, name in _GREEK.items() if name != "omicron"})

_COMMAND = re.compile(r"\\([A-Za-z]+|.?)", re.S)
_ENV_NAME = re.compile(r"\{([^{}]*)\}")


def _tokens(formula: str) -> Iterator[tuple[int, str]]:
    """(offset, command name) for each `\\command` in the formula."""
    for match in _COMMAND.finditer(formula):
        yield match.start(), match.group(1)


def problems(formula: str) -> list[tuple[int, str]]:
    """Every mistake in one formula, as (character offset in the formula, message), in order."""
    if not formula.strip():
        return [(0, "the formula is empty; write TeX between the dollar signs, or `\\$` for a dollar sign")]
    if len(formula) > MAX_FORMULA:
        return [(0, f"the formula is {len(formula):,} characters long; keep one under {MAX_FORMULA:,} (split it in two)")]
    found: list[tuple[int, str]] = []
    depth: list[int] = []
    commands = list(_tokens(formula))
    escaped = {offset + 1 for offset, name in commands if len(name) == 1 and not name.isalpha()}
    for index, char in enumerate(formula):
        if index in escaped:
            continue
        if char == "{":
            depth.append(index)
        elif char == "}":
            if depth:
                depth.pop()
            else:
                found.append((index, "`}` closes nothing: remove it, or write `\\}` for a brace"))
        elif char in _SPECIAL:
            found.append((index, _SPECIAL[char]))
        elif char in _UNICODE_HINTS:
            found.append((index, f"`{char}` in a formula: write `{_UNICODE_HINTS[char]}` (TeX, not Unicode)"))
    found += [(index, "`{` is never closed: add `}`, or write `\\{` for a brace") for index in depth]
    for offset, name in commands:
        if not name.isalpha():
            if name not in SYMBOL_COMMANDS:
                shown = name if name and name.isprintable() else "that character"
                found.append((offset, f"`\\{shown}` is not a command; write `\\\\` only to start a new matrix row"))
            continue
        if name not in COMMANDS:
            hint = closest(name, COMMANDS)
            also = f"; did you mean `\\{hint}`?" if hint else "; CONTRIBUTING lists the commands you can use"
            found.append((offset, f"unknown command `\\{name}`{also}"))
        elif name == "begin":
            env = _ENV_NAME.match(formula, offset + len(name) + 1)
            if env and env.group(1) not in ENVIRONMENTS:
                hint = closest(env.group(1), ENVIRONMENTS)
                also = f"did you mean `{hint}`?" if hint else f"use one of {', '.join(ENVIRONMENTS)}"
                found.append((offset, f"environment `{env.group(1)}` is not supported; {also}"))
    if found:
        return sorted(found)
    try:
        _convert(formula, display=False)
    except LatexError as exc:
        where, _, message = str(exc.args[0] if exc.args else exc).partition(": ")
        return [(min(int(where), len(formula) - 1) if where.isdigit() else 0, message.rstrip(".") or "this formula cannot be typeset")]
    return []


@functools.cache
def _converter() -> LatexToMathML:
    return LatexToMathML(fancy_error=False, macros={name: body for name, body in SHORTHANDS.items()}, max_expansions=200)


@functools.lru_cache(maxsize=8192)
def _convert(formula: str, *, display: bool) -> str:
    return _converter().convert_with_local_state(formula, displaystyle=display)


def mathml(formula: str, *, display: bool) -> str:
    """The formula as MathML Core (a `<math>` element). Only for a formula without `problems`."""
    return _convert(formula, display=display)


# -- plain text ----------------------------------------------------------------------------

_SUPERSCRIPTS = dict(zip("0123456789+-−=()nixTt⊤", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱˣᵀᵗᵀ", strict=True))
_SUBSCRIPTS = dict(zip("0123456789+-−=()aeiojklmnprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑᵢₒⱼₖₗₘₙₚᵣₛₜᵤᵥₓ", strict=True))
_SPACED = frozenset("=<>≤≥≈≠∼≃≅≡∝∈∉∋⊂⊆⊃⊇→←↔⇒⇐⇔↦≪≫⪯⪰⊥∥≔≜+−±×·∪∩∧∨")
_ACCENTS = {
    "^": "\u0302",
    "ˆ": "\u0302",
    "¯": "\u0304",
    "‾": "\u0304",
    "~": "\u0303",
    "˜": "\u0303",
    "→": "\u20d7",
    "˙": "\u0307",
    "¨": "\u0308",
    "\u20d7": "\u20d7",
}
# Function application and invisible operators, and the variation selectors math-core puts after
# a calligraphic letter: nothing a reader of plain text sees.
_INVISIBLE = dict.fromkeys([*map(ord, "\u2061\u2062\u2063\u2064"), *range(0xFE00, 0xFE10)])


def _script(text: str, table: dict[str, str], mark: str) -> str:
    text = "".join(text.split())
    if text and all(char in table for char in text):
        return "".join(table[char] for char in text)
    return f"{mark}{text}" if len(text) == 1 else f"{mark}({text})"


def _attach(base: str, scripts: str) -> str:
    """Scripts after their base, and after a function's name before its argument: `maxᵢ aᵢ`."""
    return base[:-1] + scripts + _APPLY if base.endswith(_APPLY) else base + scripts


def _grouped(text: str) -> str:
    return text if len(text) <= 1 or _ALNUM.fullmatch(text) else f"({text})"


_ALNUM = re.compile(r"[A-Za-z0-9.]+")


def _plain(node: ET.Element) -> str:
    tag = node.tag
    kids = list(node)
    if tag == "mi" and len((node.text or "").translate(_INVISIBLE)) > 1:  # a function's name: `ln x`, `sin(θ)`
        return (node.text or "").translate(_INVISIBLE) + _APPLY
    if tag in ("mi", "mn", "mtext", "ms"):
        return (node.text or "").translate(_INVISIBLE)
    if tag == "mo":
        text = (node.text or "").translate(_INVISIBLE)
        if text == ",":
            return "," if node.get("rspace") == "0" else ", "  # `17{,}296` is one number
        return f" {text} " if text in _SPACED and node.get("lspace") != "0" else text
    if tag == "mspace":
        return " " if node.get("width") else ""
    parts = [_plain(kid) for kid in kids]
    if tag == "msup" and len(parts) == 2:
        return _attach(parts[0], _script(parts[1].strip(), _SUPERSCRIPTS, "^"))
    if tag == "msub" and len(parts) == 2:
        return _attach(parts[0], _script(parts[1].strip(), _SUBSCRIPTS, "_"))
    if tag == "msubsup" and len(parts) == 3:
        return _attach(parts[0], _script(parts[1].strip(), _SUBSCRIPTS, "_") + _script(parts[2].strip(), _SUPERSCRIPTS, "^"))
    if tag == "mfrac" and len(parts) == 2 and node.get("linethickness") in ("0", "0pt", "0em"):  # \binom
        return f"{parts[0].strip()} choose {parts[1].strip()}"
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0].strip())}/{_grouped(parts[1].strip())}"
    if tag == "msqrt":
        return "√" + _grouped("".join(parts).strip())
    if tag == "mroot" and len(parts) == 2:
        return _script(parts[1], _SUPERSCRIPTS, "") + "√" + _grouped(parts[0].strip())
    if tag in ("mover", "munder", "munderover") and parts:
        accent = parts[1].strip() if len(parts) > 1 else ""
        if tag == "mover" and accent in _ACCENTS and len(parts[0].strip()) == 1:
            return parts[0].strip() + _ACCENTS[accent]
        if tag == "mover":
            return parts[0] + _script(accent, _SUPERSCRIPTS, "^")
        under = _script(accent, _SUBSCRIPTS, "_")
        over = _script(parts[2].strip(), _SUPERSCRIPTS, "^") if tag == "munderover" and len(parts) > 2 else ""
        return _attach(parts[0], under + over)
    if parts and tag in ("mrow", "math", "mtd", "mstyle") and parts[0].strip() in ("−", "+", "±"):
        parts[0] = parts[0].strip()  # a sign in front: −1, not − 1
    if tag == "mtable":  # rows `;`, cells `,` (an aligned cell that starts with `=` continues its row)
        return "; ".join("".join(_cell(cell, first=i == 0) for i, cell in enumerate(row)) for row in kids)
    return "".join(parts)


# HTML's named references (`&ApplyFunction;`), which an XML parser does not know.
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")


def _entity(match: re.Match[str]) -> str:
    return match.group(0) if match.group(1) in ("lt", "gt", "amp", "quot", "apos") else html.unescape(match.group(0))


_RELATIONS = frozenset("=<>≤≥≈≠∼≃≅≡∝∈∉⊂⊆⊃⊇→←↔⇒⇐⇔↦")


def _cell(node: ET.Element, *, first: bool) -> str:
    """A table cell: the first of its row, a cell after a comma, or (in `aligned`) the rest of
    an equation that starts with its relation."""
    text = _plain(node).strip()
    return text if first else (" " + text if text[:1] in _RELATIONS else ", " + text)


_APPLY = "\u2061"
_APPLIED = re.compile(_APPLY + r"(\s*\(?)")


@functools.lru_cache(maxsize=8192)
def plain(formula: str) -> str:
    """The formula as readable Unicode text (`A = UΣVᵀ`). Only for a formula without `problems`."""
    root = ET.fromstring(_NAMED_ENTITY.sub(_entity, _convert(formula, display=False)))
    text = _APPLIED.sub(lambda m: m.group(1).strip() or " ", _plain(root))
    return " ".join(text.split())
