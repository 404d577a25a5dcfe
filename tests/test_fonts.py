"""The site's maths font (site/assets/fonts/, subset: see its README.txt) has every character
the knowledge base's formulas use, so no formula falls back to another font for a symbol."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fontTools.ttLib import TTFont

from generator.kb import tex
from generator.kb.loading import load_roadmap
from generator.kb.markdown import _tokens
from generator.kb.models import Resource, Topic

from site_project import REPO

FONT = REPO / "site" / "assets" / "fonts" / "STIXTwoMath-Regular.woff2"
# Characters MathML carries that are not drawn (function application, invisible times...).
# A variation selector only picks a style of the letter before it.
INVISIBLE = {"\u2061", "\u2062", "\u2063", "\u2064", " ", "\ufe00"}


def _formulas(text: str) -> list[tuple[str, bool]]:
    found = []
    for token in _tokens(text, True):
        for child in token.children if token.children is not None else [token]:
            if child.type in ("math_inline", "math_inline_double", "math_block"):
                found.append((child.content.strip(), child.type != "math_inline"))
    return found


def _texts(record: Topic | Resource) -> list[str]:
    if isinstance(record, Resource):
        return [record.description, *(c.sections for c in record.covers)]
    texts = [record.summary, record.description, record.why_it_matters, *record.goals, *(p.reason for p in record.prerequisites)]
    return texts + [part for e in record.exercises for part in (e.question, e.solution)]


def test_the_maths_font_covers_every_formula() -> None:
    roadmap = load_roadmap(Path(REPO))
    used: dict[str, str] = {}
    records: list[tuple[str, Topic | Resource]] = [*roadmap.topics.items(), *roadmap.resources.items()]
    for rid, record in records:
        for text in _texts(record):
            for formula, display in _formulas(text):
                markup = tex.mathml(formula, display=display)
                for char in html.unescape(re.sub(r"<[^>]+>", "", markup)):
                    used.setdefault(char, f"{rid}: ${formula}$")
    cmap = TTFont(str(FONT)).getBestCmap()
    missing = {char: where for char, where in used.items() if char not in INVISIBLE and ord(char) not in cmap}
    assert not missing, "\n".join(f"U+{ord(c):04X} {c!r} (first in {w}) is not in the font: widen the subset" for c, w in missing.items())
