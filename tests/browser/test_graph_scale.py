"""Drawings are shown at their natural size or smaller, never scaled up.

The svg's width attribute is its natural width (generator/render/svg.py). graph.css lets that attribute
set the width and only caps it: a chain shrinks to fit its box; the roadmap shrinks to fit down
to 900px and scrolls sideways below that. The mini fixture's drawings are small (the roadmap is
640px wide), which is where `width: 100%` used to blow their labels up. The roadmap page is
looked at with JavaScript off: with it, the viewer (viewer.js) scales the drawing itself
(tests/browser/test_viewer.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

READABLE = 900  # graph.css: the roadmap shrinks no narrower than this, then scrolls


def sizes(page: Any, selector: str) -> list[dict[str, float]]:
    """Natural (attribute) and rendered size of each svg matching `selector`, and its box's width."""
    result: list[dict[str, float]] = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map(svg => {
            const r = svg.getBoundingClientRect();
            const box = svg.parentElement; const cs = getComputedStyle(box);
            return {natural: +svg.getAttribute('width'), naturalHeight: +svg.getAttribute('height'),
                    width: r.width, height: r.height,
                    box: box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)};
        })""",
        selector,
    )
    assert result, f"no {selector} on {page.url}"
    return result


def assert_proportional(s: dict[str, float]) -> None:
    assert s["height"] == pytest.approx(s["width"] * s["naturalHeight"] / s["natural"], abs=1.5), s


@pytest.mark.parametrize("width", [1280, 390])
def test_the_roadmap_is_never_scaled_up(new_page: Callable[..., Any], site_url: str, width: int) -> None:
    page = new_page(width=width, height=900, javascript=False)
    page.goto(site_url + "learn/roadmap/")
    for s in sizes(page, ".rm-graph > svg.rm-svg"):
        assert s["natural"] < READABLE  # the fixture's is small
        # Under 900px wide it keeps its natural size: the box scrolls on a phone instead.
        assert s["width"] == pytest.approx(s["natural"], abs=0.5), s
        assert_proportional(s)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_chain_is_at_most_its_natural_width_and_fits_its_box(new_page: Callable[..., Any], site_url: str, width: int) -> None:
    page = new_page(width=width, height=900)
    page.goto(site_url + "learn/topics/gradient-descent/")
    for s in sizes(page, ".rm-graph > svg.rm-chain"):
        assert s["width"] == pytest.approx(min(s["natural"], s["box"]), abs=0.5), s
        assert_proportional(s)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_planners_roadmap_is_never_scaled_up(new_page: Callable[..., Any], site_url: str, width: int) -> None:
    page = new_page(width=width, height=900)
    page.goto(site_url + "planner/#targets=gradient-descent&known=&pace=6&rec=0")
    page.locator(".rm-plan-graph-svg svg.rm-svg").wait_for(state="attached")
    for s in sizes(page, ".rm-plan-graph-svg > svg.rm-svg"):
        assert s["width"] == pytest.approx(s["natural"], abs=0.5), s
        assert_proportional(s)


@pytest.mark.parametrize(("width", "natural"), [(1280, 1400), (1280, 1000), (390, 1400)])
def test_a_large_roadmap_shrinks_to_its_box_but_not_below_readable(
    new_page: Callable[..., Any], site_url: str, width: int, natural: int
) -> None:
    # The fixture has no large roadmap: give its drawing a larger natural size, same proportions.
    page = new_page(width=width, height=900, javascript=False)
    page.goto(site_url + "learn/roadmap/")
    page.evaluate(
        """(w) => { const svg = document.querySelector('.rm-graph > svg.rm-svg');
            const h = svg.getAttribute('height') * w / svg.getAttribute('width');
            svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('viewBox', `0 0 ${w} ${h}`); }""",
        natural,
    )
    (s,) = sizes(page, ".rm-graph > svg.rm-svg")
    assert s["width"] == pytest.approx(min(natural, max(s["box"], READABLE)), abs=0.5), s
    assert_proportional(s)
