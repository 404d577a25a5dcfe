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


def test_area_colours_are_the_same_for_tags_and_nodes() -> None:
    # site.css copies graph.css's area colours (scoped to .rm-svg there) for tags and lists.
    site, graph = declarations(CSS / "site.css"), declarations(CSS / "graph.css")
    names = [f"--rm-{area}{suffix}" for area in AREAS for suffix in ("", "-bg")]
    for scheme in ("light", "dark"):
        mismatched = {n: (site[scheme].get(n), graph[scheme].get(n)) for n in names if site[scheme].get(n) != graph[scheme].get(n)}
        assert not mismatched, f"{scheme}: site.css vs graph.css {mismatched}"
