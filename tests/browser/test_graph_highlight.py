"""graph.js and graph.css in Chromium: highlighting, keyboard order, colour schemes, and the
real roadmap's geometry as the browser actually draws it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap
from generator.render import svg

REPO = Path(__file__).resolve().parents[2]
ASSETS = REPO / "site" / "assets"

STATE = """svg => {
  const get = (sel, attr) => Object.fromEntries([...svg.querySelectorAll(sel)].map(el => [attr(el), [...el.classList].filter(c => c.startsWith('is-')).sort()]));
  return {
    nodes: get('.rm-node[data-topic]', el => el.dataset.topic),
    edges: get('.rm-edge[data-from]', el => el.dataset.from + '>' + el.dataset.to),
  };
}"""


def state(page: Any, selector: str = "svg.rm-svg") -> dict[str, dict[str, list[str]]]:
    result: dict[str, dict[str, list[str]]] = page.locator(selector).first.evaluate(STATE)
    return result


def lit(found: dict[str, list[str]]) -> set[str]:
    return {key for key, classes in found.items() if "is-highlighted" in classes}


def dimmed(found: dict[str, list[str]]) -> set[str]:
    return {key for key, classes in found.items() if "is-dimmed" in classes}


def chain(roadmap: Roadmap, tid: str) -> set[str]:
    return {tid} | roadmap.ancestors(tid, include_recommended=True) | roadmap.descendants(tid)


def test_hover_lights_up_prerequisites_and_what_a_topic_unlocks(page: Any, site_url: str, site_roadmap: Roadmap) -> None:
    page.goto(site_url + "learn/roadmap/")
    page.locator('svg.rm-svg a.rm-node[data-topic="gradients"]').hover()
    found = state(page)
    # Ancestors by any strength (derivatives; vectors is a recommended prerequisite) and
    # descendants (gradient descent, and linear regression that recommends it).
    assert lit(found["nodes"]) == {"gradients", "derivatives", "vectors", "gradient-descent", "linear-regression"}
    assert dimmed(found["nodes"]) == {"matrices"}
    assert "is-hovered" in found["nodes"]["gradients"]
    assert lit(found["edges"]) == {
        "derivatives>gradients",
        "vectors>gradients",
        "gradients>gradient-descent",
        "gradient-descent>linear-regression",
    }
    assert dimmed(found["edges"]) == {"vectors>matrices", "matrices>linear-regression"}

    # Pointing at empty space clears everything.
    page.mouse.move(2, 2)
    found = state(page)
    assert not lit(found["nodes"]) and not dimmed(found["nodes"]) and not dimmed(found["edges"])


def test_focus_highlights_and_escape_clears(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    node = page.locator('svg.rm-svg a.rm-node[data-topic="matrices"]')
    node.focus()
    found = state(page)
    assert lit(found["nodes"]) == {"vectors", "matrices", "linear-regression"}
    assert dimmed(found["nodes"]) == {"derivatives", "gradients", "gradient-descent"}

    page.keyboard.press("Escape")
    found = state(page)
    assert not lit(found["nodes"]) and not dimmed(found["nodes"])
    assert page.evaluate("() => document.activeElement.dataset.topic") == "matrices"  # focus stays

    # Moving on with Tab highlights the next node's chain; leaving the graph clears it.
    page.keyboard.press("Tab")
    following = page.evaluate("() => document.activeElement.dataset.topic || null")
    if following:
        assert "is-hovered" in state(page)["nodes"][following]
    page.evaluate("() => document.activeElement.blur()")
    assert not dimmed(state(page)["nodes"])


def test_tab_order_follows_the_reading_order(page: Any, site_url: str, site_roadmap: Roadmap) -> None:
    page.goto(site_url + "learn/roadmap/")
    page.locator("svg.rm-svg a.rm-band-title").first.focus()
    reached: list[tuple[str, float, float]] = []
    for _ in range(len(site_roadmap.topics) + 10):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const a = document.activeElement; if (!a || !a.closest('svg.rm-svg')) return null;
                const r = a.getBBox(); return [a.dataset.topic || a.dataset.stage || 'band', r.y, r.x]; }"""
        )
        if info is None:
            break
        if info[0] in site_roadmap.topics:
            reached.append((info[0], info[1], info[2]))
    assert {tid for tid, _, _ in reached} == set(site_roadmap.topics)
    # Top to bottom, and left to right within a row.
    positions = [(round(top), left) for _, top, left in reached]
    assert positions == sorted(positions)


def test_the_chain_on_a_topic_page_highlights_too(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/topics/linear-regression/")
    chain_svg = "svg.rm-svg.rm-chain"
    assert page.locator(f'{chain_svg} a.rm-node.rm-self[data-topic="linear-regression"]').count() == 1
    page.locator(f'{chain_svg} a.rm-node[data-topic="vectors"]').hover()
    found = state(page, chain_svg)
    assert lit(found["nodes"]) == {"vectors", "matrices", "linear-regression"}
    assert dimmed(found["nodes"]) == {"gradient-descent"}


def test_highlighting_needs_no_request(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for tid in ("vectors", "gradients", "linear-regression"):
        page.locator(f'svg.rm-svg a.rm-node[data-topic="{tid}"]').hover()
    assert requests == []


def test_pages_without_a_graph_are_left_alone(page: Any, site_url: str) -> None:
    page.goto(site_url + "about/")
    assert page.locator("svg.rm-svg").count() == 0
    page.keyboard.press("Escape")  # the document-level listener must not fail without a graph
    # The guard fails the test on any console error.


@pytest.mark.parametrize(("scheme", "md_scheme"), [("light", "default"), ("dark", "slate")])
def test_colours_follow_the_scheme(new_page: Callable[..., Any], site_url: str, scheme: str, md_scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(site_url + "learn/roadmap/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == md_scheme
    colours = page.evaluate(
        """() => { const rect = document.querySelector('svg.rm-svg a.rm-node.area-calculus rect');
            const text = document.querySelector('svg.rm-svg a.rm-node text');
            const s = getComputedStyle(rect); return [s.fill, s.stroke, getComputedStyle(text).fill]; }"""
    )
    fill, stroke, text = (tuple(int(float(c)) for c in re.findall(r"[\d.]+", value)[:3]) for value in colours)

    def lightness(rgb: tuple[int, ...]) -> float:
        return sum(rgb) / 3

    # Light: a pale box with dark text; dark: a deep box with light text. Always readable.
    if scheme == "light":
        assert lightness(fill) > 200 and lightness(text) < 100
    else:
        assert lightness(fill) < 80 and lightness(text) > 150
    assert stroke != fill


# --- the real knowledge base, as the browser draws it ---------------------------------------


@pytest.fixture(scope="module")
def real_roadmap() -> Roadmap:
    return load_roadmap(REPO)


@pytest.fixture(scope="module")
def real_page_url(real_roadmap: Roadmap, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str]) -> str:
    """A bare page with the real roadmap's SVG, our style sheets and graph.js (no site build
    needed). site.css comes too, as on every page of the site: it holds the area colours."""
    folder = tmp_path_factory.mktemp("real-graph")
    (folder / "site.css").write_bytes((ASSETS / "css" / "site.css").read_bytes())
    (folder / "graph.css").write_bytes((ASSETS / "css" / "graph.css").read_bytes())
    (folder / "graph.js").write_bytes((ASSETS / "js" / "graph.js").read_bytes())
    drawing = svg.render_roadmap(real_roadmap, lambda target: f"#{target}")
    deepest = max(sorted(real_roadmap.topics), key=lambda t: len(svg.chain_topics(real_roadmap, t)))
    drawing += f'<div class="rm-graph rm-chain">{svg.render_chain(real_roadmap, deepest, lambda target: f"#{target}")}</div>'
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Roadmap</title>'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="site.css"><link rel="stylesheet" href="graph.css">'
        "<style>body{margin:16px;font-family:-apple-system,BlinkMacSystemFont,Helvetica,Arial,sans-serif}</style>"
        f'</head><body data-md-color-scheme="default"><div class="rm-graph">{drawing}</div>'
        '<script src="graph.js"></script></body></html>',
        encoding="utf-8",
    )
    return serve(folder)


@pytest.mark.parametrize("drawing", ["svg.rm-svg:not(.rm-chain)", "svg.rm-chain"])
def test_real_labels_fit_their_boxes_and_nothing_overlaps(
    new_page: Callable[..., Any], real_page_url: str, real_roadmap: Roadmap, drawing: str
) -> None:
    page = new_page(width=1400, base=real_page_url)
    page.goto(real_page_url)
    boxes = page.locator(drawing).evaluate(
        """svg => [...svg.querySelectorAll('a.rm-node, a.rm-band-title')].map(a => {
            const rect = a.querySelector('rect'), t = a.querySelector('text').getBBox();
            const r = rect ? rect.getBBox() : t;  // a band title is its text
            return {id: a.dataset.topic || a.dataset.stage || a.textContent, r: [r.x, r.y, r.width, r.height], t: [t.x, t.y, t.width, t.height], title: !rect};
        })"""
    )
    if "chain" not in drawing:
        assert len([b for b in boxes if b["id"] in real_roadmap.topics]) == len(real_roadmap.topics)
    for b in boxes:
        if b["title"]:
            continue
        (rx, ry, rw, rh), (tx, ty, tw, th) = b["r"], b["t"]
        assert rx + 2 <= tx and tx + tw <= rx + rw - 2, f"{b['id']}: label wider than its box"
        assert ry <= ty and ty + th <= ry + rh, f"{b['id']}: label taller than its box"
    for i, a in enumerate(boxes):
        ax, ay, aw, ah = a["r"]
        for b in boxes[i + 1 :]:
            bx, by, bw, bh = b["r"]
            assert not (ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah), f"{a['id']} overlaps {b['id']}"


def test_real_roadmap_highlights_whole_chains(new_page: Callable[..., Any], real_page_url: str, real_roadmap: Roadmap) -> None:
    page = new_page(width=1400, base=real_page_url)
    page.goto(real_page_url)
    # The topic with the longest chain makes the strongest test.
    tid = max(sorted(real_roadmap.topics), key=lambda t: len(chain(real_roadmap, t)))
    page.locator(f'svg.rm-svg:not(.rm-chain) a.rm-node[data-topic="{tid}"]').hover()
    found = state(page)
    assert lit(found["nodes"]) == chain(real_roadmap, tid)
    assert dimmed(found["nodes"]) == set(real_roadmap.topics) - chain(real_roadmap, tid)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_of_the_real_roadmap(new_page: Callable[..., Any], real_page_url: str, screenshots: Path, scheme: str) -> None:
    page = new_page(width=1200, height=900, color_scheme=scheme, base=real_page_url)
    page.goto(real_page_url)
    if scheme == "dark":
        page.evaluate("() => { document.body.dataset.mdColorScheme = 'slate'; document.body.style.background = '#1e2029'; }")
    page.locator("svg.rm-svg:not(.rm-chain)").screenshot(path=str(screenshots / f"graph-real-roadmap-{scheme}.png"))
    assert (screenshots / f"graph-real-roadmap-{scheme}.png").stat().st_size > 50_000
