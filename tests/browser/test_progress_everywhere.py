"""The stored plan and progress beyond the planner: on the roadmap opened from the menu, in
the roadmap's list, on step pages, in words and marks as well as colours, and in mark mode."""

from __future__ import annotations

from typing import Any


def set_progress(page: Any, states: dict[str, str]) -> None:
    for tid, state in states.items():
        page.evaluate("([id, s]) => window.RoadmapProgress.set(id, s)", [tid, state])


def test_the_roadmap_from_the_menu_shows_the_stored_plan(page: Any, site_url: str) -> None:
    page.goto(site_url + "planner/#targets=gradient-descent&known=&pace=6&rec=0")
    page.wait_for_selector('.rm-plan-steps li[data-topic="gradient-descent"]')
    # The menu's link carries no plan: the roadmap finds the one the planner stored.
    page.locator(".md-tabs a", has_text="Roadmap").click()
    page.wait_for_url(site_url + "learn/roadmap/")
    banner = page.locator(".rm-plan-banner")
    banner.wait_for()
    assert "Your study plan: 3 topics, 15 h" in banner.inner_text()
    lit = page.locator("svg.rm-svg a.rm-node.in-plan").evaluate_all("els => els.map(e => e.dataset.topic).sort()")
    assert lit == ["derivatives", "gradient-descent", "gradients"]
    banner.get_by_role("link", name="Hide the plan").click()
    page.wait_for_function("() => !document.querySelector('.rm-plan-banner') && !document.querySelector('a.rm-node.in-plan')")


def test_without_a_stored_plan_the_roadmap_shows_none(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".rm-plan-banner").count() == 0


def test_progress_shows_in_words_on_the_list_and_the_step_pages(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    set_progress(page, {"gradients": "done", "vectors": "in-progress", "matrices": "skipped"})
    item = page.locator('ol.rm-outline li[data-progress-topic="gradients"]')
    assert item.locator(".rm-state-badge").inner_text() == "✓ Done"
    assert page.locator('ol.rm-outline li[data-progress-topic="vectors"] .rm-state-badge').inner_text() == "◐ In progress"
    assert page.locator('ol.rm-outline li[data-progress-topic="derivatives"] .rm-state-badge').count() == 0
    # On the drawing: a mark in the corner, and the state in the node's name.
    node = page.locator('svg.rm-svg a.rm-node[data-topic="gradients"]')
    assert node.locator("text.rm-state-mark").text_content() == "✓"
    assert node.get_attribute("aria-label") == "Gradients (done)"
    page.goto(site_url + "learn/stages/foundations/")
    card = page.locator('li.rm-card[data-progress-topic="matrices"]')
    assert card.locator(".rm-state-badge").inner_text() == "– Skipped"
    # Cleared: the words go too.
    set_progress(page, {"matrices": ""})
    assert card.locator(".rm-state-badge").count() == 0


def test_mark_mode_says_what_it_did_beside_the_topic(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    page.get_by_role("button", name="Mark progress on the graph").click()
    node = page.locator('svg.rm-svg a.rm-node[data-topic="gradient-descent"]')
    node.dispatch_event("click")
    tip = page.locator(".rm-mark-tip")
    tip.wait_for()
    assert tip.inner_text() == "Gradient descent: in progress"
    assert page.locator(".rm-progress-bar .rm-progress-status").inner_text() == "Gradient descent: in progress"
    near, box = tip.bounding_box(), node.bounding_box()
    assert abs(near["y"] - (box["y"] + box["height"])) < 12 and abs(near["x"] - box["x"]) < 6
    assert page.evaluate("() => window.RoadmapProgress.get('gradient-descent')") == "in-progress"
