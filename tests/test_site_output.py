"""The built site itself: every internal link resolves, nothing loads from another host,
search finds topics and resources, and text from YAML is text in the HTML too."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from generator.kb.loading import load_roadmap

from site_project import FIXTURES, copy_project, html_files, references, resolve_local

pytestmark = pytest.mark.slow

# Tags whose URLs the browser fetches by itself (as opposed to links a reader follows).
FETCHED = {"script", "link", "img", "source", "iframe", "video", "audio", "embed", "object", "track", "image", "use", "input"}


def build(tmp: Path, data: Path, engine: str = "mkdocs") -> Path:
    project = copy_project(tmp / "project", data)
    out = tmp / f"site-{engine}"
    code = main(["build", "--root", str(project), "--engine", engine, "--out", str(out)])
    assert code == 0
    return out


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp(request.param), FIXTURES / "mini", request.param)


@pytest.fixture(scope="module")
def escaped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("escaping"), FIXTURES / "escaping")


def test_every_internal_link_and_asset_resolves(built: Path) -> None:
    broken = []
    for page in html_files(built):
        for tag, attr, url in references(page.read_text(encoding="utf-8")):
            target = resolve_local(built, page, url)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(built)}: <{tag} {attr}={url!r}>")
    # Zensical resolves relative links in raw HTML against the page's source file, mkdocs
    # against its URL: they agree only on `index.md` pages (which is why every generated page
    # is one). Hand-written pages that are not (site/planner.md) link with Markdown, which both
    # engines resolve from the .md file they name.
    assert not broken, "\n".join(broken[:20])


def test_the_planner_links_to_the_roadmap_with_markdown(built: Path) -> None:
    # planner.js finds the link by its class and adds the plan to it; it must be there, resolved.
    html = (built / "planner" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="rm-plan-on-roadmap" href="([^"]*)"', html) == ["../learn/roadmap/"]


def test_nothing_is_fetched_from_another_host(built: Path) -> None:
    outside = []
    for page in html_files(built):
        for tag, attr, url in references(page.read_text(encoding="utf-8")):
            if tag == "a" or (tag == "link" and re.search(r"\.(css|js|json|png|svg|ico)$", url) is None and "://" not in url):
                continue
            if re.match(r"(https?:)?//", url) and (tag in FETCHED or attr != "href"):
                outside.append(f"{page.relative_to(built)}: <{tag} {attr}={url!r}>")
    for css in built.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8")):
            outside.append(f"{css.relative_to(built)}: url({url})")
        for url in re.findall(r"@import\s+(?:url\()?['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8")):
            outside.append(f"{css.relative_to(built)}: @import {url}")
    assert not outside, "\n".join(outside[:20])
    index = (built / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in index and "fonts.gstatic" not in index


def test_no_page_has_inline_event_handlers(built: Path) -> None:
    # Behaviour lives in our scripts (a Content-Security-Policy without 'unsafe-inline' keeps
    # working); hand-written pages are checked here, generated ones by the escaping test too.
    found = []
    for page in html_files(built):
        for tag, name in re.findall(r"<([a-zA-Z][\w-]*)\b[^>]*?\s(on[a-z]+)\s*=", page.read_text(encoding="utf-8")):
            found.append(f"{page.relative_to(built)}: <{tag} {name}=...>")
    assert not found, "\n".join(found[:20])


def test_every_page_loads_our_scripts_and_styles(built: Path) -> None:
    page = (built / "learn" / "topics" / "gradients" / "index.html").read_text(encoding="utf-8")
    for asset in (
        "assets/js/catalogue.js",
        "assets/js/graph.js",
        "assets/js/viewer.js",
        "assets/js/a11y.js",
        "assets/js/progress.js",
        "assets/js/planner.js",
        "assets/css/site.css",
        "assets/css/graph.css",
        "assets/css/viewer.css",
    ):
        assert f"../../../{asset}" in page, asset


def test_the_roadmap_page_holds_the_graph_and_the_lists(built: Path) -> None:
    roadmap = load_roadmap(FIXTURES / "mini")
    html = (built / "learn" / "roadmap" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="rm-node area-') == len(roadmap.topics)
    assert len(re.findall(r'<a class="rm-node rm-step" href="../stages/(practice|community)/"', html)) == 2
    assert html.count('<ol class="rm-outline-topics">') == 3


def test_search_finds_topics_and_resources(tmp_path_factory: pytest.TempPathFactory, built: Path) -> None:
    index_file = built / "search" / "search_index.json"
    if not index_file.is_file():  # Zensical writes its own index
        index_file = built / "search.json"
    text = index_file.read_text(encoding="utf-8")
    data = json.loads(text)
    docs = data.get("docs") or data.get("items") or []
    locations = {d.get("location", "") for d in docs}
    assert any(loc.startswith("learn/topics/gradients/") for loc in locations), sorted(locations)[:10]
    assert any(loc.startswith("learn/resources/la-book/") for loc in locations)
    assert "A Linear Algebra Book" in text and "Gradient descent" in text


class _Markup(HTMLParser):
    """What a browser would treat as markup: elements, attributes, script bodies and link targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        if tag in ("img", "b", "i", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if (
                name in ("href", "src", "action", "formaction")
                and value
                and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"script: {data[:80]!r}")


def test_yaml_text_is_text_in_the_built_pages(escaped: Path) -> None:
    # The generated pages: that is where YAML text lands (hand-written pages have their own markup).
    for path in (escaped / "learn").rglob("*.html"):
        parser = _Markup()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], path.relative_to(escaped)
    page = (escaped / "learn" / "topics" / "escaping" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and title.group(1).startswith(
        "Escaping `&lt;script&gt;alert(1)&lt;/script&gt;` | `&lt;img src=x onerror=alert(2)&gt;` &amp;"
    )
    # the page's description is the summary's plain form: the code's text, escaped
    assert re.search(r'<meta name="description" content="A summary with &lt;img src=x onerror=alert\(3\)&gt; in it', page)
    # Markdown code spans are shown as code, escaped by Markdown itself.
    assert "<code>&lt;script&gt;alert(4)&lt;/script&gt;</code>" in page
    # the search index stores titles as escaped HTML as well
    index = (escaped / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in index and "<img src=x" not in index


def test_the_search_index_keeps_texts_and_leaves_tables_out(tmp_path_factory: pytest.TempPathFactory) -> None:
    built = build(tmp_path_factory.mktemp("search"), FIXTURES / "mini")
    docs = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = "\n".join(d["title"] + " " + d["text"] for d in docs)
    # Titles, summaries and descriptions are there; a resource table's header row is not.
    assert "The gradients fixture topic." in text and "Gradient descent" in text
    assert "ResourceDetails" not in text.replace(" ", "") and "<th" not in text
    catalogue = [d for d in docs if d["location"].startswith("learn/catalogue/")]
    assert catalogue and all("A Linear Algebra Book" not in d["text"] for d in catalogue)
