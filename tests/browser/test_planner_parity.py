"""The planner in Chromium gives exactly the plan `roadmap plan` gives.

- On the real knowledge base (the site built from the repository's roadmap/ and resources/):
  30 inputs, planner.js's JSON document and Markdown checklist against the CLI's output (step
  lists, hours, weeks, resources, text), and for some of them what the Planner page shows.
- On random graphs: 240 inputs with random progress states, paces and start dates against
  generator.plan directly (plan, timetable with its reviews, Markdown, iCalendar events), ready()
  and unlocks() too.

The cases are those of tests/planner_cases.py, which tests/plan/test_planner_node.py also runs under
Node in a few seconds; this module checks that the page, in a real browser, agrees too.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from plan.test_planner_node import python_timetable

from generator.cli import main
from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap
from generator.plan.calendar import plan_ics
from generator.plan.formats import plan_json, plan_markdown
from generator.plan.rules import plan, ready, unlocks
from generator.render.data import roadmap_json

from planner_cases import ics_events, make_cases, random_graphs
from site_project import REPO, copy_project

ROOT = REPO


@pytest.fixture(autouse=True)
def load_once(monkeypatch: pytest.MonkeyPatch, real_roadmap: Roadmap) -> None:
    """The CLI handler runs as it is; only loading the YAML (0.2 s a time) is done once per module."""
    import generator.cli.plan

    monkeypatch.setattr(generator.cli.plan, "load", lambda args: real_roadmap if Path(args.root) == ROOT else load_roadmap(Path(args.root)))


def cli_bytes(*args: str) -> bytes:
    out = io.BytesIO()
    wrapper = io.TextIOWrapper(out, encoding="utf-8")
    with contextlib.redirect_stdout(wrapper):
        code = main(["plan", *args, "--root", str(ROOT)])
    wrapper.flush()
    assert code == 0, f"roadmap plan {' '.join(args)} exited {code}"
    return out.getvalue()


def cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["plan", *args, "--root", str(ROOT)])
    assert code == 0, f"roadmap plan {' '.join(args)} exited {code}"
    return out.getvalue()


@pytest.fixture(scope="module")
def real_roadmap() -> Roadmap:
    return load_roadmap(ROOT)


@pytest.fixture(scope="module")
def real_url(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str]) -> str:
    """The site built from the repository's knowledge base, served (the shared `site_url` serves tests/fixtures/mini)."""
    tmp = tmp_path_factory.mktemp("planner-real-site")
    project = copy_project(tmp / "project", ROOT)
    assert main(["build", "--root", str(project), "--out", str(tmp / "public")]) == 0, "the site did not build"
    return serve(tmp / "public")


JS_PLANS = """async (cases) => {
  const data = await (await fetch('../learn/data/roadmap.json')).json();
  const P = window.RoadmapPlanner;
  const g = P.buildIndex(data);
  return cases.map(([targets, known, rec, pace, start]) => {
    const plan = P.plan(g, targets, known, rec);
    const weeks = pace === null ? null : P.timetable(g, plan.steps, pace, null);
    return {json: P.planJson(g, plan, weeks, weeks && start), markdown: P.planMarkdown(g, plan, weeks, pace, weeks && start),
            ics: weeks ? P.planIcs(g, plan, weeks, pace, start) : null};
  });
}"""


def test_browser_plans_equal_cli_plans(new_page: Callable[..., Any], real_url: str, real_roadmap: Roadmap) -> None:
    cases = make_cases(real_roadmap)
    assert len(cases) >= 20
    assert any(len(c.targets) > 1 for c in cases) and any(c.known for c in cases) and any(c.rec for c in cases)
    page = new_page(base=real_url)
    page.goto(real_url + "planner/")
    page.wait_for_function("() => window.RoadmapPlanner")
    browser = page.evaluate(JS_PLANS, [[list(c.targets), list(c.known), c.rec, c.pace, c.start] for c in cases])
    checked_steps = 0
    for case, js in zip(cases, browser, strict=True):
        expected = json.loads(cli(*case.args, "--format", "json"))
        assert [s["topic"] for s in js["json"]["steps"]] == [s["topic"] for s in expected["steps"]], case
        assert js["json"]["total_hours"] == expected["total_hours"], case
        assert js["json"] == expected, case
        assert js["markdown"] == cli(*case.args, "--format", "markdown"), case
        if case.pace is not None:
            assert ics_events(js["ics"]) == ics_events(cli_bytes(*case.args, "--format", "ics")), case
        checked_steps += len(expected["steps"])
    assert checked_steps > 100  # the inputs are not all trivial


def test_planner_page_shows_the_cli_plan(new_page: Callable[..., Any], real_url: str, real_roadmap: Roadmap) -> None:
    cases = [c for c in make_cases(real_roadmap) if c.targets and len(c.targets) < 5][::5]
    assert len(cases) >= 5
    for case in cases:
        page = new_page(base=real_url)  # a fresh context: nothing in localStorage
        page.goto(real_url + "planner/" + case.hash)
        page.locator(".rm-plan-summary[data-steps]").wait_for(state="attached")
        expected = json.loads(cli(*case.args, "--hours-per-week", f"{case.pace or 6:g}", "--format", "json"))
        shown = page.locator("ol.rm-plan-steps > li.rm-step").evaluate_all("els => els.map(e => e.dataset.topic)")
        assert shown == [s["topic"] for s in expected["steps"]], case
        if expected["steps"]:
            summary = page.locator(".rm-plan-summary")
            assert float(summary.get_attribute("data-hours")) == expected["total_hours"]
            assert int(summary.get_attribute("data-weeks")) == len(expected["weeks"])
            first = page.locator("ol.rm-plan-steps > li.rm-step").first
            resources = first.locator("[data-resource]").evaluate_all("els => els.map(e => e.dataset.resource)")
            assert resources == [r["id"] for r in expected["steps"][0]["resources"]]
        assert page.evaluate("() => location.hash") == case.hash


def test_browser_equals_python_on_random_graphs(
    new_page: Callable[..., Any], serve: Callable[[Path], str], tmp_path: Path, real_roadmap: Roadmap
) -> None:
    """Hundreds of random inputs on random graphs: ties, fractional hours, long topics split over weeks."""
    (tmp_path / "assets" / "js").mkdir(parents=True)
    for script in ("timetable.js", "planner.js"):
        (tmp_path / "assets" / "js" / script).write_bytes((REPO / "site" / "assets" / "js" / script).read_bytes())
    (tmp_path / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>t</title>'
        '<script src="assets/js/timetable.js"></script><script src="assets/js/planner.js"></script>',
        encoding="utf-8",
    )
    graphs = random_graphs(real_roadmap)
    for g, (roadmap, _) in enumerate(graphs):
        (tmp_path / f"g{g}.json").write_text(roadmap_json(roadmap), encoding="utf-8")
    base = serve(tmp_path)
    page = new_page(base=base)
    page.goto(base)
    page.wait_for_function("() => window.RoadmapPlanner")
    for g, (roadmap, inputs) in enumerate(graphs):
        results = page.evaluate(
            """async ([file, cases]) => {
                 const P = window.RoadmapPlanner;
                 const g = P.buildIndex(await (await fetch(file)).json());
                 return cases.map(([t, k, rec, pace, start, progress]) => {
                   const p = P.plan(g, t, k, rec);
                   const w = pace === null ? null : P.timetable(g, p.steps, pace, progress ? P.asProgress(g, progress, start) : null);
                   return {json: P.planJson(g, p, w, w && start), markdown: P.planMarkdown(g, p, w, pace, w && start),
                           ics: w ? P.planIcs(g, p, w, pace, start) : null,
                           ready: P.ready(g, k, rec), unlocks: P.unlocks(g, t[0], k)};
                 });
               }""",
            [f"g{g}.json", inputs],
        )
        for case, js in zip(inputs, results, strict=True):
            targets, known, rec, pace, _, _ = case
            result = plan(roadmap, targets, known, rec)
            weeks, start = python_timetable(roadmap, case)
            assert js["json"] == plan_json(roadmap, result, weeks, start), case
            assert js["markdown"] == plan_markdown(roadmap, result, weeks, pace, start), case
            if weeks is not None and start is not None and pace is not None:
                assert ics_events(js["ics"]) == ics_events(plan_ics(roadmap, result, weeks, pace, start)), case
            assert js["ready"] == ready(roadmap, known, rec)
            assert js["unlocks"] == unlocks(roadmap, targets[0], known)
