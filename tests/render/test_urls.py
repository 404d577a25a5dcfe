"""generator.render.urls: page paths and the relative links between pages."""

from __future__ import annotations

import posixpath

import pytest

from generator.render.urls import href, md_link


@pytest.mark.parametrize(
    ("src", "dst", "expected"),
    [
        ("learn/topics/a/index.md", "learn/topics/b/index.md", "../b/"),
        ("learn/topics/a/index.md", "learn/resources/r/index.md", "../../resources/r/"),
        ("learn/topics/a/index.md", "planner.md", "../../../planner/"),
        ("learn/roadmap/index.md", "learn/topics/a/index.md", "../topics/a/"),
        ("learn/roadmap/index.md", "learn/roadmap/index.md", "./"),
        ("learn/catalogue/index.md", "learn/catalogue/books/index.md", "books/"),
        ("learn/catalogue/books/index.md", "learn/catalogue/index.md", "../"),
        ("index.md", "learn/roadmap/index.md", "learn/roadmap/"),
        ("learn/stages/practice/index.md", "index.md", "../../../"),
        ("about.md", "learn/roadmap/index.md", "../learn/roadmap/"),
    ],
)
def test_href_gives_directory_urls(src: str, dst: str, expected: str) -> None:
    assert href(src, dst) == expected


PAGES = [
    "index.md",
    "about.md",
    "planner.md",
    "learn/roadmap/index.md",
    "learn/topics/a/index.md",
    "learn/topics/b/index.md",
    "learn/resources/a/index.md",
    "learn/catalogue/index.md",
    "learn/catalogue/books/index.md",
    "learn/stages/practice/index.md",
    "learn/index.md",
]


@pytest.mark.parametrize("src", PAGES)
def test_links_agree_with_posixpath_relpath(src: str) -> None:
    # href and md_link split paths themselves (relpath costs a getcwd per link); same answers.
    def url_dir(page: str) -> str:
        stem = page.removesuffix(".md")
        return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"

    for dst in PAGES:
        rel = posixpath.relpath(url_dir(dst) or ".", url_dir(src).rstrip("/") or ".")
        assert href(src, dst, "#x") == ("./" if rel == "." else rel + "/") + "#x"
        assert md_link(src, dst) == posixpath.relpath(dst, posixpath.dirname(src) or ".")
