"""viewer.js in Chromium: zoom, pan and fit by buttons, keyboard, wheel, drag and pinch; the
details panel; travel along the arrows with a live region; focus on a topic; phones."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from generator.kb.roadmap import Roadmap

ROADMAP = "learn/roadmap/"
NODE = 'svg.rm-svg a.rm-node[data-topic="{}"]'


def transform(page: Any) -> tuple[float, float, float]:
    text = page.locator(".rm-viewport > svg.rm-svg").evaluate("svg => svg.style.transform")
    found = re.fullmatch(r"translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)", text)
    assert found, text
    x, y, k = (float(v) for v in found.groups())
    return x, y, k


def open_roadmap(page: Any, site_url: str) -> None:
    page.goto(site_url + ROADMAP)
    page.wait_for_selector(".rm-viewer .rm-viewport", state="attached")


def test_buttons_and_keys_zoom_pan_and_fit(page: Any, site_url: str) -> None:
    open_roadmap(page, site_url)
    k0 = transform(page)[2]
    page.get_by_role("button", name="Zoom in").click()
    assert transform(page)[2] == pytest.approx(k0 * 1.25, rel=0.01)
    page.get_by_role("button", name="Zoom out").click()
    assert transform(page)[2] == pytest.approx(k0, rel=0.01)
    viewport = page.locator(".rm-viewport")
    viewport.focus()
    page.keyboard.press("+")
    page.keyboard.press("+")
    assert transform(page)[2] > k0 * 1.5
    before = transform(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    after = transform(page)
    assert after[0] < before[0] and after[1] < before[1]
    page.keyboard.press("0")
    fitted = transform(page)
    box = viewport.bounding_box()
    drawing = page.locator(".rm-viewport > svg.rm-svg").bounding_box()
    # Fitted: the whole drawing inside the box.
    assert drawing["x"] >= box["x"] - 1 and drawing["y"] >= box["y"] - 1
    assert drawing["x"] + drawing["width"] <= box["x"] + box["width"] + 1
    assert drawing["y"] + drawing["height"] <= box["y"] + box["height"] + 1
    page.get_by_role("button", name="Zoom in").click()
    page.get_by_role("button", name="Fit to screen").click()
    assert transform(page) == pytest.approx(fitted, abs=1)


def test_wheel_zooms_around_the_pointer_and_drag_pans(page: Any, site_url: str) -> None:
    open_roadmap(page, site_url)
    page.locator(".rm-viewport").scroll_into_view_if_needed()
    box = page.locator(".rm-viewport").bounding_box()
    cx, cy = box["x"] + 40, box["y"] + 40
    page.mouse.move(cx, cy)
    _, _, k0 = transform(page)
    page.mouse.wheel(0, -300)
    page.wait_for_function(f"() => parseFloat(document.querySelector('.rm-viewport').dataset.scale) > {k0 + 0.01}")
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(100)
    x1, y1, k1 = transform(page)
    assert k1 != k0
    # A drag from empty space moves the drawing by as much, and opens nothing.
    start = (box["x"] + 8, box["y"] + 300)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 60, start[1] - 50, steps=6)
    page.mouse.up()
    x2, y2, k2 = transform(page)
    assert (x2 - x1, y2 - y1) == pytest.approx((60, -50), abs=2)
    assert k2 == k1
    assert page.locator(".rm-panel").is_hidden()
    assert page.url.endswith(ROADMAP)


def test_pinch_zooms_on_a_touch_screen(new_page: Callable[..., Any], site_url: str) -> None:
    page = new_page(width=1000, height=800, touch=True)
    open_roadmap(page, site_url)
    box = page.locator(".rm-viewport").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + 200
    _, _, k0 = transform(page)
    cdp = page.context.new_cdp_session(page)

    def touch(kind: str, spread: float) -> None:
        points = [] if kind == "touchEnd" else [{"x": cx - spread, "y": cy, "id": 1}, {"x": cx + spread, "y": cy, "id": 2}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", 40)
    for spread in (50, 60, 70, 80):
        touch("touchMove", spread)
    touch("touchEnd", 0)
    page.wait_for_timeout(100)
    _, _, k1 = transform(page)
    assert k1 == pytest.approx(min(3.0, k0 * 2), rel=0.05)


def test_a_click_or_enter_opens_the_details_panel_in_place(page: Any, site_url: str, site_roadmap: Roadmap) -> None:
    open_roadmap(page, site_url)
    data = json.loads(page.request.get(site_url + "learn/data/roadmap.json").text())
    gradients = next(t for t in data["topics"] if t["id"] == "gradients")
    page.locator(NODE.format("gradients")).dispatch_event("click")
    panel = page.locator(".rm-panel")
    panel.wait_for(state="visible")
    assert page.url.endswith(ROADMAP)
    assert panel.locator("h2").inner_text() == "Gradients"
    text = panel.inner_text()
    assert site_roadmap.topics["gradients"].summary in text
    for pre in site_roadmap.topics["gradients"].prerequisites:
        assert f"{site_roadmap.topics[pre.topic].title} ({pre.strength}): {pre.reason}" in " ".join(text.split())
    # The best resources, in roadmap.json's order.
    first = next(r for r in data["resources"] if r["id"] == gradients["resources"][0])
    assert panel.locator(".rm-panel-resources a").first.inner_text() == first["title"]
    # Progress buttons work from the panel.
    panel.get_by_role("button", name="Done").click()
    assert page.evaluate("() => window.RoadmapProgress.get('gradients')") == "done"
    assert panel.get_by_role("link", name="Open the topic page").get_attribute("href") == "../topics/gradients/"
    # Enter on a node opens its details and moves there; Escape goes back to the node.
    page.locator(NODE.format("vectors")).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'rm-panel-title'")
    assert panel.locator("h2").inner_text() == "Vectors"
    assert page.url.endswith(ROADMAP)
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("() => document.activeElement.dataset.topic") == "vectors"


def test_arrow_keys_travel_along_the_arrows_and_say_where(page: Any, site_url: str) -> None:
    open_roadmap(page, site_url)
    live = page.locator(".rm-viewer-live")
    assert live.get_attribute("aria-live") == "polite"

    def active() -> str:
        result: str = page.evaluate("() => document.activeElement.dataset.topic || ''")
        return result

    page.locator(NODE.format("gradients")).focus()
    page.keyboard.press("ArrowUp")
    first = active()
    assert first in {"derivatives", "vectors"}
    page.keyboard.press("ArrowRight")
    second = active()
    assert {first, second} == {"derivatives", "vectors"}
    name = page.locator(NODE.format(second)).get_attribute("aria-label")
    page.wait_for_function("name => document.querySelector('.rm-viewer-live').textContent.startsWith(name)", arg=name)
    assert re.search(r"builds on it, [12] of 2 from Gradients", live.inner_text())
    page.locator(NODE.format("gradients")).focus()
    page.keyboard.press("ArrowDown")
    assert active() == "gradient-descent"
    page.wait_for_function("() => document.querySelector('.rm-viewer-live').textContent.includes('Unlocks 1: Linear regression')")
    page.keyboard.press("ArrowDown")
    assert active() == "linear-regression"
    page.keyboard.press("ArrowDown")
    assert active() == "linear-regression"
    page.wait_for_function("() => document.querySelector('.rm-viewer-live').textContent.includes('unlocks nothing more')")


def test_focus_shows_only_a_topics_chain_laid_out_on_its_own(page: Any, site_url: str) -> None:
    open_roadmap(page, site_url)
    focus = json.loads(page.request.get(site_url + "learn/data/focus/gradients.json").text())
    assert set(focus["nodes"]) == {"gradients", "derivatives", "vectors", "gradient-descent", "linear-regression"}
    page.locator(NODE.format("gradients")).focus()
    page.keyboard.press("f")
    page.wait_for_selector("svg.rm-svg.is-focus-mode")
    assert page.locator(NODE.format("matrices")).is_hidden()
    for tid in focus["nodes"]:
        assert page.locator(NODE.format(tid)).is_visible()
    # Each shown node is drawn where focus.json puts it.
    top = float(page.locator("svg.rm-svg").get_attribute("data-focus-top"))
    rect = page.locator(NODE.format("vectors") + " rect")
    shift = page.locator(NODE.format("vectors")).get_attribute("transform")
    dx, dy = (float(v) for v in re.findall(r"-?[\d.]+", shift or ""))
    assert float(rect.get_attribute("x")) + dx == focus["nodes"]["vectors"][0]
    assert float(rect.get_attribute("y")) + dy == focus["nodes"]["vectors"][1] + top
    assert page.locator('.rm-edge[data-from="vectors"][data-to="matrices"]').is_hidden()
    assert page.locator('.rm-edge[data-from="vectors"][data-to="gradients"]').get_attribute("d") == focus["edges"]["vectors gradients"]
    assert "Showing only Gradients" in page.locator(".rm-viewer-focus-note").inner_text()
    page.get_by_role("button", name="Show the whole roadmap").focus()
    page.keyboard.press("Enter")
    assert page.locator(NODE.format("matrices")).is_visible()
    assert page.locator(NODE.format("vectors")).get_attribute("transform") is None
    assert page.locator("svg.rm-svg.is-focus-mode").count() == 0
    # Escape leaves a focus too.
    page.keyboard.press("f")
    page.wait_for_selector("svg.rm-svg.is-focus-mode")
    page.keyboard.press("Escape")
    assert page.locator("svg.rm-svg.is-focus-mode").count() == 0


def test_on_a_phone_the_list_comes_first_and_the_viewer_is_one_tap_away(new_page: Callable[..., Any], site_url: str) -> None:
    page = new_page(width=390, height=844, touch=True)
    open_roadmap(page, site_url)
    svg = page.locator("svg.rm-svg").first
    assert svg.is_hidden()
    opener = page.get_by_role("button", name="Open the roadmap graph")
    outline = page.locator("ol.rm-outline")
    assert opener.bounding_box()["y"] < outline.bounding_box()["y"] < 844 * 1.2
    opener.tap()
    assert svg.is_visible()
    viewport = page.locator(".rm-viewport").bounding_box()
    assert viewport["width"] <= 390
    # Fitted to the screen, and closed again with one tap.
    drawing = svg.bounding_box()
    assert drawing["width"] <= viewport["width"] + 1
    page.get_by_role("button", name="Close the graph").tap()
    assert svg.is_hidden()
    assert page.evaluate("() => document.activeElement.textContent") == "Open the roadmap graph"


def test_without_javascript_the_drawing_is_a_plain_figure_of_links(new_page: Callable[..., Any], site_url: str) -> None:
    page = new_page(javascript=False)
    page.goto(site_url + ROADMAP)
    assert page.locator(".rm-viewer").count() == 0
    node = page.locator(NODE.format("gradients"))
    assert node.is_visible()
    node.click()
    page.wait_for_url(re.compile(r"/learn/topics/gradients/$"))
