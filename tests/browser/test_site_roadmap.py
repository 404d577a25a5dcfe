"""The roadmap page and the pages around it, in Chromium."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.kb.roadmap import Roadmap

PAGES = [
    "",
    "learn/roadmap/",
    "learn/topics/gradients/",
    "learn/resources/la-book/",
    "learn/stages/foundations/",
    "learn/stages/practice/",
    "learn/catalogue/",
    "learn/catalogue/books/",
    "planner/",
    "about/",
]


def test_roadmap_shows_one_node_per_topic(page: Any, site_url: str, site_roadmap: Roadmap) -> None:
    page.goto(site_url + "learn/roadmap/")
    nodes = page.locator("svg.rm-svg a.rm-node[data-topic]")
    assert nodes.count() == len(site_roadmap.topics)
    assert sorted(nodes.evaluate_all("els => els.map(e => e.dataset.topic)")) == sorted(site_roadmap.topics)
    for i in range(nodes.count()):
        assert nodes.nth(i).is_visible()
    # the practice and community steps are on the map too
    assert page.locator("svg.rm-svg a.rm-node.rm-step").count() == 2


def test_clicking_a_node_leads_to_its_topic_page(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    # The viewer opens the topic's details first; its page is one link away.
    page.locator('svg.rm-svg a.rm-node[data-topic="gradients"]').click()
    page.get_by_role("link", name="Open the topic page").click()
    page.wait_for_url(re.compile(r"/learn/topics/gradients/$"))
    assert page.locator("h1").inner_text().strip().rstrip("¶") == "Gradients"
    assert page.locator('.rm-progress[data-topic="gradients"]').count() == 1
    assert page.get_by_role("link", name="Plan a path to this topic").get_attribute("href") == "../../../planner/#targets=gradients"


def test_keyboard_tab_reaches_the_nodes(page: Any, site_url: str, site_roadmap: Roadmap) -> None:
    page.goto(site_url + "learn/roadmap/")
    reached: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        topic = page.evaluate(
            "() => document.activeElement && document.activeElement.closest('a.rm-node') ? document.activeElement.closest('a.rm-node').dataset.topic || 'step' : null"
        )
        if topic:
            reached.append(topic)
            if len([t for t in reached if t != "step"]) == len(site_roadmap.topics):
                break
    assert set(site_roadmap.topics) <= set(reached), reached
    # the last node reached still has the focus: Enter opens its details, and from there its page
    last = reached[-1]
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Open the topic page").press("Enter")
    page.wait_for_url(re.compile(rf"/learn/topics/{last}/$"))


def test_the_list_version_has_every_topic_by_stage(page: Any, site_url: str, site_roadmap: Roadmap) -> None:
    page.goto(site_url + "learn/roadmap/")
    stages = page.locator("ol.rm-outline > li")
    assert stages.count() == len(site_roadmap.stages)
    links = page.locator("ol.rm-outline-topics a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert {f"../topics/{t}/" for t in site_roadmap.topics} <= set(links)


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_with_no_console_error_and_no_outside_request(page: Any, site_url: str, path: str) -> None:
    response = page.goto(site_url + path)
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() >= 1
    # The guard fails the test at teardown if anything went wrong.


def test_search_finds_topics_and_resources(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the search worker has its index
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("gradient", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    text = page.locator(".md-search-result").inner_text()
    assert "Gradients" in text and "Gradient descent" in text
    box.fill("")
    box.press_sequentially("linear algebra book", delay=20)
    page.wait_for_function("() => document.querySelector('.md-search-result').innerText.includes('A Linear Algebra Book')")


def test_light_and_dark_schemes(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    toggles = page.locator("form[data-md-component='palette'] label:visible")
    schemes = {scheme}
    for _ in range(3):
        toggles.first.click()
        schemes.add(page.evaluate("() => document.body.getAttribute('data-md-color-scheme')"))
    assert {"default", "slate"} <= schemes


def test_no_sideways_scrolling_on_a_phone(new_page: Any, site_url: str) -> None:
    phone = new_page(width=390, height=844)
    for path in PAGES:
        phone.goto(site_url + path)
        width = phone.evaluate("() => document.scrollingElement.scrollWidth")
        assert width <= 390, f"{path or '/'} is {width}px wide on a 390px screen"
