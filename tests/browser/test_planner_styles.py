"""The planner's styles stay on the planner's elements: site.css, graph.css and planner.css share
class names (`.rm-step` is a plan step and a practice/community node in the drawing; `.rm-steps`
the home page's cards and the drawing's group of them; `.rm-cost-*` a resource tag) and custom
properties (`--rm-line`, `--rm-plan`), and none may restyle another's elements."""

from __future__ import annotations

from typing import Any

PLAN = "planner/#targets=gradient-descent&known=&pace=6&rec=0"


def style(page: Any, selector: str, *props: str) -> list[dict[str, str]]:
    """The computed `props` of every element matching `selector` (custom properties too)."""
    result: list[dict[str, str]] = page.evaluate(
        "([sel, props]) => [...document.querySelectorAll(sel)].map(e => {"
        " const s = getComputedStyle(e); return Object.fromEntries(props.map(p => [p, s.getPropertyValue(p).trim()])); })",
        [selector, list(props)],
    )
    return result


def test_plan_step_rules_do_not_reach_the_drawings_step_nodes(page: Any, site_url: str) -> None:
    page.goto(site_url + PLAN)
    page.locator(".rm-plan-graph-svg svg a.rm-node.rm-step").first.wait_for(state="attached")
    page.locator("ol.rm-plan-steps > li.rm-step").first.wait_for()
    nodes = style(page, ".rm-plan-graph-svg svg a.rm-node.rm-step", "margin-bottom", "padding-left")
    assert len(nodes) == 2
    assert all(n == {"margin-bottom": "0px", "padding-left": "0px"} for n in nodes), nodes
    steps = style(page, "ol.rm-plan-steps > li.rm-step", "margin-bottom", "padding-left")
    assert steps and all(s["margin-bottom"] != "0px" and s["padding-left"] != "0px" for s in steps), steps
    # ... and graph.css's step-node fill stays off the plan list.
    fills = style(page, ".rm-plan-graph-svg svg a.rm-node.rm-step rect", "fill")
    assert all(f["fill"] not in ("", "none", "rgb(0, 0, 0)") for f in fills), fills


def test_plan_resource_lines_are_not_dressed_as_cost_tags(page: Any, site_url: str) -> None:
    page.goto(site_url + PLAN)
    page.locator(".rm-step-resources .rm-res-meta").first.wait_for()
    metas = style(page, ".rm-step-resources .rm-res-meta", "background-color", "border-top-style")
    assert metas and all(m["background-color"] == "rgba(0, 0, 0, 0)" for m in metas), metas


def test_shared_custom_properties_keep_one_meaning(page: Any, site_url: str) -> None:
    page.goto(site_url + PLAN)
    page.locator(".rm-plan-graph-svg svg a.rm-node.in-plan").first.wait_for(state="attached")
    # --rm-line is site.css's (the same inside the planner), --rm-plan inside the drawing graph.css's.
    body_line = style(page, "body", "--rm-line")[0]["--rm-line"]
    assert style(page, ".rm-planner fieldset", "--rm-line")[0]["--rm-line"] == body_line
    plan_colour = style(page, ".rm-plan-graph-svg svg", "--rm-plan")[0]["--rm-plan"]
    in_plan = style(page, ".rm-plan-graph-svg svg a.rm-node.in-plan rect", "stroke")
    assert in_plan and len({s["stroke"] for s in in_plan}) == 1
    probe = page.evaluate(
        "(c) => { const d = document.createElement('div'); d.style.color = c; document.body.append(d);"
        " const v = getComputedStyle(d).color; d.remove(); return v; }",
        plan_colour,
    )
    assert in_plan[0]["stroke"] == probe


def test_the_home_pages_card_grid_is_not_applied_to_the_drawing(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    groups = style(page, "svg.rm-svg g.rm-steps", "display", "margin-top")
    assert groups and all(g == {"display": "inline", "margin-top": "0px"} for g in groups), groups
    page.goto(site_url)
    cards = style(page, ".md-typeset div.rm-steps", "display")
    assert cards == [{"display": "grid"}]


def test_the_plan_view_fades_edges_but_not_the_legends_samples(page: Any, site_url: str) -> None:
    page.goto(site_url + PLAN)
    page.locator(".rm-plan-graph-svg svg.rm-plan-view").wait_for(state="attached")
    legend = style(page, ".rm-plan-graph-svg svg .rm-legend .rm-edge", "opacity")
    assert legend and all(s["opacity"] == "1" for s in legend), legend
    faded = style(page, ".rm-plan-graph-svg svg .rm-edges .rm-edge:not(.in-plan)", "opacity")
    assert faded and all(s["opacity"] == "0.15" for s in faded), faded
