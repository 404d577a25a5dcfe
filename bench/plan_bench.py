#!/usr/bin/env python3
"""Planner benchmark: plan time on a synthetic 5,000-topic roadmap, in Python, the CLI and Chromium.

    .venv/bin/python bench/plan_bench.py [--topics 5000] [--runs 30] [--no-cli] [--no-browser]

Builds a deterministic random graph (3 topic stages, 5 areas, up to 4 prerequisites per
topic drawn from earlier topics, no implied edges, so it also passes `roadmap validate`),
then times:

- `generator.plan.plan()` on the in-memory Roadmap (the planning core alone);
- `roadmap plan ... --format json` end to end on the same graph written as YAML (loading and
  validating 6,000 files dominates; the plan itself is the figure above);
- `RoadmapPlanner.plan()` from site/assets/js/planner.js in Chromium on the same graph as
  `learn/data/roadmap.json` (target: under 50 ms), after checking it returns the same steps.

Prints a Markdown table to paste under "Planner" in bench/README.md. Not run by the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.kb.models import Cover, Exercise, Prerequisite, Resource, Stage, Topic  # noqa: E402
from generator.kb.roadmap import Roadmap  # noqa: E402
from generator.kb.vocabulary import AREAS  # noqa: E402
from generator.plan.formats import plan_json  # noqa: E402
from generator.plan.rules import plan  # noqa: E402
from generator.plan.timetable import timetable  # noqa: E402

STAGES_YML = ROOT / "tests" / "fixtures" / "mini" / "roadmap" / "stages.yml"
TOPIC_STAGES = ("foundations", "advanced", "machine-learning")
START = "2027-01-04"  # the timetable's first day, the same in Python, the CLI and the browser


def synthetic(n: int, seed: int = 4) -> tuple[Roadmap, dict[str, list[tuple[str, str]]]]:
    """A random layered DAG of n topics (ids t0000...) with resources covering all of them."""
    rng = random.Random(seed)
    ids = [f"t{i:04d}" for i in range(n)]
    stage_of = [TOPIC_STAGES[0] if i < n * 0.4 else TOPIC_STAGES[1] if i < n * 0.75 else TOPIC_STAGES[2] for i in range(n)]
    ancestors: list[int] = []  # bitset of every ancestor, by index
    edges: dict[str, list[tuple[str, str]]] = {}
    for i in range(n):
        chosen: set[int] = set()
        if i:
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4))):
                # Mostly near neighbours (chains), sometimes far back (long edges).
                j = max(0, i - 1 - int(rng.expovariate(1 / 40))) if rng.random() < 0.8 else rng.randrange(i)
                chosen.add(j)
        # Drop a candidate that another candidate already needs: such an edge would be implied.
        kept = [j for j in chosen if not any(ancestors[k] >> j & 1 for k in chosen if k != j)]
        bits = 0
        for j in kept:
            bits |= (1 << j) | ancestors[j]
        ancestors.append(bits)
        edges[ids[i]] = [(ids[j], "required" if rng.random() < 0.75 else "recommended") for j in sorted(kept)]

    stages = (
        Stage(id="foundations", title="Build the foundations", order=1, summary="S."),
        Stage(id="advanced", title="Go deeper", order=2, summary="S."),
        Stage(id="machine-learning", title="Apply", order=3, summary="S."),
        Stage(id="practice", title="Practise", order=4, summary="S.", kinds=["course", "book", "video", "practice"]),
        Stage(id="community", title="Community", order=5, summary="S.", kinds=["community", "conference"]),
    )
    topics = {
        tid: Topic(
            title=f"Topic {tid}",
            stage=stage_of[i],
            area=AREAS[rng.randrange(len(AREAS))],  # type: ignore[arg-type]
            summary=f"About {tid}.",
            description="Text.",
            why_it_matters="Text.",
            goals=["One.", "Two.", "Three."],
            exercises=[Exercise(kind="explain", goals=[1, 2, 3], question="Q.", solution="S.")] * 3,
            hours=float(rng.choice((1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12))),
            prerequisites=[Prerequisite(topic=p, strength=s, reason="Needed.") for p, s in edges[tid]],  # type: ignore[arg-type]
        )
        for i, tid in enumerate(ids)
    }
    resources = {}
    for r in range(0, n, 5):
        rid = f"r{r // 5:04d}"
        resources[rid] = Resource(
            title=f"Resource {rid}",
            kind=rng.choice(("book", "course", "video", "article", "practice")),
            url=f"https://example.org/resources/{rid}",
            provider="Example",
            cost=rng.choice(("free", "free", "free-to-audit", "paid")),
            level=rng.choice(("beginner", "intermediate", "advanced")),
            description="Text.",
            covers=[Cover(topic=ids[k], sections="All") for k in range(r, min(n, r + 5 + rng.randrange(3)))],
        )
    return Roadmap(stages=stages, topics=topics, resources=resources), edges


def write_yaml(roadmap: Roadmap, edges: dict[str, list[tuple[str, str]]], root: Path) -> None:
    (root / "roadmap").mkdir(parents=True)
    (root / "resources").mkdir(parents=True)
    shutil.copy(STAGES_YML, root / "roadmap" / "stages.yml")
    for tid, t in roadmap.topics.items():
        lines = [
            f"title: {t.title}",
            f"stage: {t.stage}",
            f"area: {t.area}",
            f"summary: {t.summary}",
            "description: Text.",
            "why_it_matters: Text.",
            "goals: [One., Two., Three.]",
            f"hours: {t.hours:g}",
        ]
        if edges[tid]:
            lines.append("prerequisites:")
            for p, s in edges[tid]:
                lines += [f"  - topic: {p}", f"    strength: {s}", "    reason: Needed."]
        lines.append("exercises: [" + ", ".join(["{kind: explain, goals: [1, 2, 3], question: Q., solution: S.}"] * 3) + "]")
        (root / "roadmap" / f"{tid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for rid, r in roadmap.resources.items():
        covers = "".join(f"  - topic: {c.topic}\n    sections: All\n" for c in r.covers)
        (root / "resources" / f"{rid}.yml").write_text(
            f"title: {r.title}\nkind: {r.kind}\nurl: {r.url}\nprovider: Example\ncost: {r.cost}\nlevel: {r.level}\n"
            f"description: Text.\ncovers:\n{covers}",
            encoding="utf-8",
        )


def browser_json(roadmap: Roadmap) -> str:
    """learn/data/roadmap.json for this graph (the pages generator's format)."""
    try:
        from generator.render.data import roadmap_json
    except ImportError:  # the pages generator not there: the same format, by hand
        data = roadmap.export()
        return json.dumps(data)
    return roadmap_json(roadmap)


def cases(roadmap: Roadmap) -> list[tuple[str, list[str], list[str], bool]]:
    ids = sorted(roadmap.topics)
    deepest = max(ids, key=lambda t: len(roadmap.ancestors(t)))
    widest = max(ids, key=lambda t: len(roadmap.ancestors(t, include_recommended=True)))
    last = ids[-10:]
    return [
        ("one deep target", [deepest], [], False),
        ("one target, recommended too", [widest], [], True),
        ("10 targets, recommended too", last, [], True),
        ("10 targets, 20 known", last, ids[1000:1020], True),
        ("every topic of the last stage", [t for t in ids if roadmap.topics[t].stage == "machine-learning"], [], True),
    ]


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and worst time in ms over `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


PAGE = """<!doctype html><meta charset="utf-8"><title>planner bench</title>
<script src="assets/js/timetable.js"></script><script src="assets/js/planner.js"></script>"""

MEASURE = """async ([cases, runs, start]) => {
  const data = await (await fetch('learn/data/roadmap.json')).json();
  let t = performance.now();
  const g = RoadmapPlanner.buildIndex(data);
  const indexMs = performance.now() - t;
  const out = [];
  for (const [name, targets, known, rec] of cases) {
    t = performance.now();
    const first = RoadmapPlanner.plan(g, targets, known, rec);
    const firstMs = performance.now() - t;
    const times = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      const p = RoadmapPlanner.plan(g, targets, known, rec);
      RoadmapPlanner.timetable(g, p.steps, 6);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({name, steps: first.steps.map(s => s.topic), total: first.totalHours,
              json: RoadmapPlanner.planJson(g, first, RoadmapPlanner.timetable(g, first.steps, 6), start),
              firstMs, medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1]});
  }
  return {indexMs, out};
}"""


def browser(roadmap: Roadmap, runs: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "assets" / "js").mkdir(parents=True)
        for script in ("timetable.js", "planner.js"):
            shutil.copy(ROOT / "site" / "assets" / "js" / script, site / "assets" / "js" / script)
        (site / "learn" / "data").mkdir(parents=True)
        (site / "learn" / "data" / "roadmap.json").write_text(browser_json(roadmap), encoding="utf-8")
        (site / "index.html").write_text(PAGE, encoding="utf-8")
        with serve(site) as url, sync_playwright() as pw:
            chromium = pw.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            )
            page = chromium.new_page()
            page.goto(url)
            result: dict[str, object] = page.evaluate(MEASURE, [[list(c) for c in cases(roadmap)], runs, START])
            version = chromium.version
            chromium.close()
    result["version"] = version
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topics", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI run (it writes and loads 6,000 YAML files)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    start = time.perf_counter()
    roadmap, edges = synthetic(args.topics)
    print(
        f"synthetic graph: {len(roadmap.topics)} topics, {sum(len(e) for e in edges.values())} edges, "
        f"{len(roadmap.resources)} resources (built in {time.perf_counter() - start:.1f} s)",
        file=sys.stderr,
    )

    rows = []
    for name, targets, known, rec in cases(roadmap):
        result = plan(roadmap, targets, known, rec)
        median, worst = timed(
            functools.partial(lambda t, k, r: timetable(roadmap, plan(roadmap, t, k, r).steps, 6), targets, known, rec), args.runs
        )
        rows.append(
            {
                "name": name,
                "steps": len(result.steps),
                "py_median": median,
                "py_max": worst,
                "json": plan_json(roadmap, result, timetable(roadmap, result.steps, 6), dt.date.fromisoformat(START)),
            }
        )

    cli_ms = None
    if not args.no_cli:
        with tempfile.TemporaryDirectory() as tmp:
            write_yaml(roadmap, edges, Path(tmp))
            name, targets, known, rec = cases(roadmap)[2]
            command = [sys.executable, "-m", "generator", "plan", *targets, "--hours-per-week", "6", "--start", START, "--format", "json"]
            command += ["--root", tmp]
            if rec:
                command.append("--include-recommended")
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
            cli_ms = (time.perf_counter() - start) * 1000
            if done.returncode != 0:
                print(done.stderr[-2000:], file=sys.stderr)
                return 1
            assert json.loads(done.stdout) == rows[2]["json"], "the CLI and plan() disagree"

    chromium = None
    if not args.no_browser:
        chromium = browser(roadmap, args.runs)
        for row, js in zip(rows, chromium["out"]):  # type: ignore[call-overload]
            if js["json"] != row["json"]:
                print(f"MISMATCH between Python and JavaScript on {row['name']}", file=sys.stderr)
                return 1
            row.update(js_first=js["firstMs"], js_median=js["medianMs"], js_max=js["maxMs"])

    print(f"\n{len(roadmap.topics)} topics; median of {args.runs} runs (plan + weekly schedule), ms\n")
    head = "| input | steps | Python plan() median / max |"
    rule = "|---|---:|---:|"
    if chromium:
        head += " Chromium first / median / max |"
        rule += "---:|"
    print(head)
    print(rule)
    for row in rows:
        line = f"| {row['name']} | {row['steps']} | {row['py_median']:.1f} / {row['py_max']:.1f} |"
        if chromium:
            line += f" {row['js_first']:.1f} / {row['js_median']:.1f} / {row['js_max']:.1f} |"
        print(line)
    if chromium:
        print(
            f"\nChromium {chromium['version']}: indexing roadmap.json once takes {chromium['indexMs']:.1f} ms; "
            "every plan matched the Python one exactly."
        )
    if cli_ms is not None:
        print(f"`roadmap plan` end to end (10 targets, load and validate 6,000 YAML files, plan, JSON): {cli_ms / 1000:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
