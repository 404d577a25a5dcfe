"""Our style sheets side by side: a custom property that two of them define means the same there."""

from __future__ import annotations

import re
from pathlib import Path

from site_project import REPO

CSS = REPO / "site" / "assets" / "css"
AREAS = ("linear-algebra", "calculus", "optimization", "probability-statistics", "machine-learning")


def declarations(path: Path) -> dict[str, dict[str, str]]:
    """{"light"|"dark": {custom property: value}} for the top-level rules of a sheet."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    found: dict[str, dict[str, str]] = {"light": {}, "dark": {}}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        scheme = "dark" if 'data-md-color-scheme="slate"' in selector else "light"
        for name, value in re.findall(r"(--rm-[\w-]+)\s*:\s*([^;]+);", body):
            found[scheme][name] = value.strip().lower()
    return found


def test_area_colours_are_defined_once_for_tags_and_nodes() -> None:
    # site.css defines them for every page; the drawing (graph.css) inherits them, so a
    # colour changed in one place changes everywhere, in both schemes.
    site, graph = declarations(CSS / "site.css"), declarations(CSS / "graph.css")
    names = [f"--rm-{area}{suffix}" for area in AREAS for suffix in ("", "-bg")]
    for scheme in ("light", "dark"):
        assert all(re.fullmatch(r"#[0-9a-f]{6}", site[scheme].get(n, "")) for n in names), (scheme, site[scheme])
        assert not [n for n in names if n in graph[scheme]], f"graph.css redefines area colours ({scheme})"
