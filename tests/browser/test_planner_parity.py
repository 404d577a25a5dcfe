"""The planner in Chromium gives exactly the plan `roadmap plan` gives.

- On the real knowledge base (the site built from the repository's roadmap/ and resources/):
  30 inputs, planner.js's JSON document and Markdown checklist against the CLI's output (step
  lists, hours, weeks, resources, text), and for some of them what the Planner page shows.
- On random graphs: 240 inputs against generator.plan directly, ready() and unlocks() too.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap
from generator.kb.models import Cover, Prerequisite, Resource, Topic
from generator.kb.vocabulary import AREAS
from generator.render.data import roadmap_json
from generator.plan.core import plan, plan_json, plan_markdown, ready, schedule, unlocks
from site_project import REPO, copy_project

ROOT = REPO


@dataclass(frozen=True)
class Case:
    targets: tuple[str, ...]
    known: tuple[str, ...] = ()
    rec: bool = False
    pace: float | None = None

    @property
    def args(self) -> list[str]:
        out = [*self.targets]
        if self.known:
            out += ["--known", *self.known]
        if self.rec:
            out.append("--include-recommended")
        if self.pace is not None:
            out += ["--hours-per-week", f"{self.pace:g}"]
        return out

    @property
    def hash(self) -> str:
        return f"#targets={','.join(self.targets)}&known={','.join(self.known)}&pace={self.pace or 6:g}&rec={int(self.rec)}"


@pytest.fixture(autouse=True)
def load_once(monkeypatch: pytest.MonkeyPatch, real_roadmap: Roadmap) -> None:
    """The CLI handler runs as it is; only loading the YAML (0.2 s a time) is done once per module."""
    import generator.cli.plan

    monkeypatch.setattr(generator.cli.plan, "load", lambda args: real_roadmap if Path(args.root) == ROOT else load_roadmap(Path(args.root)))


def cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["plan", *args, "--root", str(ROOT)])
    assert code == 0, f"roadmap plan {' '.join(args)} exited {code}"
    return out.getvalue()


def make_cases(roadmap: Roadmap) -> list[Case]:
    """30 inputs drawn by rule (the data keeps growing): single and several targets, known, recommended, paces."""
    rng = random.Random(4)
    first_stage = min(roadmap.stages, key=lambda s: s.order).id
    later = sorted(t for t, topic in roadmap.topics.items() if topic.stage != first_stage)
    deep = sorted(later, key=lambda t: (-len(roadmap.ancestors(t)), t))
    paces = [None, 3, 6, 7.5, 10, 2.5]
    cases: list[Case] = []
    for t in deep[:3] + rng.sample(later, 5):  # single targets, the deepest included
        cases.append(Case((t,), pace=rng.choice(paces)))
    for _ in range(6):  # several targets, often sharing prerequisites
        cases.append(Case(tuple(rng.sample(later, rng.randint(2, 4))), pace=rng.choice(paces)))
    for _ in range(6):  # with known topics taken from the targets' own prerequisites
        targets = tuple(rng.sample(deep[:15], rng.randint(1, 2)))
        pool = sorted(set().union(*(roadmap.ancestors(t) for t in targets)))
        cases.append(Case(targets, tuple(rng.sample(pool, min(len(pool), rng.randint(1, 3)))), pace=rng.choice(paces)))
    for _ in range(6):  # recommended prerequisites too, with and without known topics
        targets = tuple(rng.sample(later, rng.randint(1, 3)))
        pool = sorted(set().union(*(roadmap.ancestors(t, include_recommended=True) for t in targets)))
        known = tuple(rng.sample(pool, min(len(pool), rng.randint(0, 2))))
        cases.append(Case(targets, known, rec=True, pace=rng.choice(paces)))
    # Edge cases: a known target (empty plan), a target that another target needs, a first-stage topic.
    t = deep[0]
    cases.append(Case((t,), (t,), pace=6))
    cases.append(Case((t, sorted(roadmap.ancestors(t))[0]), pace=4))
    cases.append(Case((sorted(t for t, topic in roadmap.topics.items() if topic.stage == first_stage)[-1],), rec=True))
    cases.append(Case(tuple(later), pace=10, rec=True))  # everything at once
    return cases


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
  return cases.map(([targets, known, rec, pace]) => {
    const plan = P.plan(g, targets, known, rec);
    const weeks = pace === null ? null : P.schedule(plan.steps, pace);
    return {json: P.planJson(g, plan, weeks), markdown: P.planMarkdown(g, plan, weeks, pace)};
  });
}"""


def test_browser_plans_equal_cli_plans(new_page: Callable[..., Any], real_url: str, real_roadmap: Roadmap) -> None:
    cases = make_cases(real_roadmap)
    assert len(cases) >= 20
    assert any(len(c.targets) > 1 for c in cases) and any(c.known for c in cases) and any(c.rec for c in cases)
    page = new_page(base=real_url)
    page.goto(real_url + "planner/")
    page.wait_for_function("() => window.RoadmapPlanner")
    browser = page.evaluate(JS_PLANS, [[list(c.targets), list(c.known), c.rec, c.pace] for c in cases])
    checked_steps = 0
    for case, js in zip(cases, browser, strict=True):
        expected = json.loads(cli(*case.args, "--format", "json"))
        assert [s["topic"] for s in js["json"]["steps"]] == [s["topic"] for s in expected["steps"]], case
        assert js["json"]["total_hours"] == expected["total_hours"], case
        assert js["json"] == expected, case
        assert js["markdown"] == cli(*case.args, "--format", "markdown"), case
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


def random_roadmap(rng: random.Random, n: int) -> Roadmap:
    """A random valid-shaped graph: mixed stages, areas, strengths, fractional hours, shared resources."""
    real = load_roadmap(ROOT)
    stages = [s for s in real.stages if s.id in {t.stage for t in real.topics.values()}]
    stages.sort(key=lambda s: s.order)
    topics: dict[str, Topic] = {}
    ids = [f"n{i:03d}" for i in range(n)]
    stage_index = sorted(rng.randrange(len(stages)) for _ in ids)
    for i, tid in enumerate(ids):
        pres = sorted(set(rng.sample(ids[:i], min(i, rng.choice((0, 1, 1, 2, 3))))))
        topics[tid] = Topic(
            title=rng.choice(["Alpha", "beta", "Über", "Σ sums", "a_b *c*", "[x] | y"]) + f" {tid}",
            stage=stages[stage_index[i]].id,
            area=rng.choice(AREAS),  # type: ignore[arg-type]
            summary="S.", description="D.", why_it_matters="W.", goals=["a", "b", "c"],
            hours=rng.choice([0.1, 0.25, 0.5, 1, 1.2, 2.5, 3.3, 4, 7.75, 12, 30]),
            prerequisites=[Prerequisite(topic=p, strength=rng.choice(["required", "recommended"]), reason="R.") for p in pres],
        )
    resources = {}
    for r in range(n // 2):
        covered = rng.sample(ids, rng.randint(1, 6))
        resources[f"r{r:03d}"] = Resource(
            title=rng.choice(["Book", "course", "Video", "Ünit", "zeta"]) + f" {r % 7}",
            kind=rng.choice(["book", "course", "video", "article", "practice", "tool"]),  # type: ignore[arg-type]
            url=f"https://example.org/r/{r}?q=(x)", provider="P", description="D.",
            cost=rng.choice(["free", "free-to-audit", "paid"]),  # type: ignore[arg-type]
            level=rng.choice(["beginner", "intermediate", "advanced"]),  # type: ignore[arg-type]
            covers=[Cover(topic=t, sections="S") for t in covered],
        )
    return Roadmap(stages=real.stages, topics=topics, resources=dict(sorted(resources.items())))


def test_browser_equals_python_on_random_graphs(new_page: Callable[..., Any], serve: Callable[[Path], str], tmp_path: Path) -> None:
    """Hundreds of random inputs on random graphs: ties, fractional hours, long topics split over weeks."""
    rng = random.Random(11)
    (tmp_path / "assets" / "js").mkdir(parents=True)
    (tmp_path / "assets" / "js" / "planner.js").write_bytes((REPO / "site" / "assets" / "js" / "planner.js").read_bytes())
    (tmp_path / "index.html").write_text('<!doctype html><meta charset="utf-8"><title>t</title><script src="assets/js/planner.js"></script>', encoding="utf-8")
    graphs = []
    for g in range(3):
        roadmap = random_roadmap(rng, 60 + 40 * g)
        (tmp_path / f"g{g}.json").write_text(roadmap_json(roadmap), encoding="utf-8")
        ids = sorted(roadmap.topics)
        inputs = []
        for _ in range(80):
            targets = rng.sample(ids, rng.randint(1, 4))
            known = rng.sample(ids, rng.randint(0, 4))
            inputs.append((targets, known, rng.random() < 0.5, rng.choice([None, 0.5, 2.5, 3.3, 6, 7.5, 40])))
        graphs.append((roadmap, inputs))
    base = serve(tmp_path)
    page = new_page(base=base)
    page.goto(base)
    page.wait_for_function("() => window.RoadmapPlanner")
    for g, (roadmap, inputs) in enumerate(graphs):
        results = page.evaluate(
            """async ([file, cases]) => {
                 const P = window.RoadmapPlanner;
                 const g = P.buildIndex(await (await fetch(file)).json());
                 return cases.map(([t, k, rec, pace]) => {
                   const p = P.plan(g, t, k, rec);
                   const w = pace === null ? null : P.schedule(p.steps, pace);
                   return {json: P.planJson(g, p, w), markdown: P.planMarkdown(g, p, w, pace),
                           ready: P.ready(g, k, rec), unlocks: P.unlocks(g, t[0], k)};
                 });
               }""",
            [f"g{g}.json", inputs],
        )
        for (targets, known, rec, pace), js in zip(inputs, results, strict=True):
            result = plan(roadmap, targets, known, rec)
            weeks = None if pace is None else schedule(result.steps, pace)
            assert js["json"] == plan_json(roadmap, result, weeks), (targets, known, rec, pace)
            assert js["markdown"] == plan_markdown(roadmap, result, weeks, pace), (targets, known, rec, pace)
            assert js["ready"] == ready(roadmap, known, rec)
            assert js["unlocks"] == unlocks(roadmap, targets[0], known)
