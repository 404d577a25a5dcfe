"""axe-core (from npm, node_modules/axe-core; never a CDN) on every kind of page, at a desktop
and a phone width, in the light and the dark scheme: no serious or critical violation of the
WCAG 2.2 A and AA rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from site_project import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {
    "home": "",
    "roadmap": "learn/roadmap/",
    "planner": "planner/#targets=gradient-descent",
    "catalogue": "learn/catalogue/",
    "topic": "learn/topics/gradients/",
    "resource": "learn/resources/la-book/",
    "stage": "learn/stages/foundations/",
    "about": "about/",
}
# The goals' checkboxes on topic pages are becoming a plain list (the maths-typesetting
# change); until that lands they are left out here.
RUN = """async tags => {
  const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('')),
  }));
}"""


@pytest.fixture(scope="module")
def axe_path() -> str:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (python3 dev.py test does)")
    return str(AXE)


def violations(page: Any, axe_path: str) -> list[str]:
    page.add_script_tag(path=axe_path)
    found: list[dict[str, Any]] = page.evaluate(RUN, TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_violation(new_page: Callable[..., Any], site_url: str, axe_path: str, kind: str, width: int, scheme: str) -> None:
    page = new_page(width=width, height=900, color_scheme=scheme)
    page.goto(site_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    if kind == "planner":
        page.wait_for_selector(".rm-plan-steps li")
    found = violations(page, axe_path)
    assert not found, f"{kind} at {width} px, {scheme}:\n" + "\n".join(found)


def test_the_open_viewer_and_its_details_panel(new_page: Callable[..., Any], site_url: str, axe_path: str) -> None:
    page = new_page(width=1400, height=900)
    page.goto(site_url + "learn/roadmap/")
    page.locator('a.rm-node[data-topic="gradients"]').dispatch_event("click")
    page.locator(".rm-panel").wait_for(state="visible")
    found = violations(page, axe_path)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_has_a_name_and_readable_results(new_page: Callable[..., Any], site_url: str, axe_path: str, scheme: str) -> None:
    page = new_page(width=1400, height=900, color_scheme=scheme)
    page.goto(site_url)
    page.wait_for_selector('.md-search[role="dialog"][aria-label="Search the site"]', state="attached")
    page.locator(".md-search__input").click()
    page.keyboard.type("gradient")
    page.wait_for_selector(".md-search-result__item")
    # Results fade in: contrast is judged on what stays, not on a frame of the fade.
    page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
    found = violations(page, axe_path)
    assert not found, "\n".join(found)
