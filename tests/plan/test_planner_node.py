"""planner.js and timetable.js under Node give exactly the plans and timetables generator.plan gives,
without a browser.

The cases of tests/planner_cases.py (30 on the repository's knowledge base, 240 on random
graphs with random progress states, paces and start dates), each written by planner.js as the
JSON document and the Markdown checklist of `roadmap plan`, its iCalendar file (parsed with
`icalendar` beside the CLI's), plus ready() and unlocks(). One Node process runs them all in a
few seconds; tests/browser/test_planner_parity.py runs the same cases in Chromium.

Node is required, not optional: without it this test fails and says how to install it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap
from generator.kb.vocabulary import AREAS, COSTS, KINDS, LEVELS
from generator.plan.calendar import plan_ics
from generator.plan.formats import plan_json, plan_markdown
from generator.plan.progress_file import as_progress, parse_progress
from generator.plan.rules import plan, ready, unlocks
from generator.plan.timetable import TimetableWeek, timetable
from generator.render.data import roadmap_json

from planner_cases import Input, ics_events, make_cases, random_graphs
from site_project import REPO

PLANNER = REPO / "site" / "assets" / "js" / "planner.js"

# Reads [{data, cases}] on stdin, where data is a roadmap.json document; writes one result per case.
HARNESS = """
const P = require(process.argv[1]);
let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", () => {
  const out = JSON.parse(text).map(({data, cases}) => {
    const g = P.buildIndex(data);
    return cases.map(([t, k, rec, pace, start, progress]) => {
      const p = P.plan(g, t, k, rec);
      const w = pace === null ? null : P.timetable(g, p.steps, pace, progress ? P.asProgress(g, progress, start) : null);
      return {json: P.planJson(g, p, w, w && start), markdown: P.planMarkdown(g, p, w, pace, w && start),
              ics: w ? P.planIcs(g, p, w, pace, start) : null,
              ready: P.ready(g, k, rec), unlocks: P.unlocks(g, t[0], k)};
    });
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def python_timetable(roadmap: Roadmap, case: Input) -> tuple[list[TimetableWeek] | None, dt.date | None]:
    """What `roadmap plan --hours-per-week --start --progress` computes for one input."""
    targets, known, rec, pace, start, progress = case
    if pace is None:
        return None, None
    day = dt.date.fromisoformat(start)
    stored = None if progress is None else as_progress(parse_progress(progress, frozenset(roadmap.topics)), day)
    return timetable(roadmap, plan(roadmap, targets, known, rec).steps, pace, stored), day


def node() -> str:
    found = os.environ.get("NODE") or shutil.which("node")
    if not found:
        pytest.fail(
            "Node.js is needed to test site/assets/js/planner.js without a browser, and `node` is not on PATH. "
            "Install it (Debian/Ubuntu: `apt-get install nodejs`; `python3 dev.py test` does this when run as root) "
            "or set NODE to a node binary.",
            pytrace=False,
        )
    return found


def run_planner_js(graphs: list[tuple[Roadmap, list[Input]]]) -> list[list[dict[str, Any]]]:
    """planner.js's answers for each graph's inputs, computed from the graph's roadmap.json."""
    batch = [{"data": json.loads(roadmap_json(roadmap)), "cases": inputs} for roadmap, inputs in graphs]
    done = subprocess.run(
        [node(), "-e", HARNESS, str(PLANNER)], input=json.dumps(batch), capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, f"planner.js failed under Node:\n{done.stderr}"
    results: list[list[dict[str, Any]]] = json.loads(done.stdout)
    return results


def check(roadmap: Roadmap, inputs: list[Input], results: list[dict[str, Any]]) -> tuple[int, int]:
    """Assert planner.js's answers equal Python's; return the numbers of plan steps and reviews compared."""
    steps = reviews = 0
    for case, js in zip(inputs, results, strict=True):
        targets, known, rec, pace, _, _ = case
        result = plan(roadmap, targets, known, rec)
        weeks, start = python_timetable(roadmap, case)
        expected = plan_json(roadmap, result, weeks, start)
        assert [s["topic"] for s in js["json"]["steps"]] == result.topics, case
        assert [[r["id"] for r in s["resources"]] for s in js["json"]["steps"]] == [list(s.resources) for s in result.steps], case
        assert js["json"] == expected, case
        assert js["markdown"] == plan_markdown(roadmap, result, weeks, pace, start), case
        if weeks is not None and start is not None and pace is not None:
            assert ics_events(js["ics"]) == ics_events(plan_ics(roadmap, result, weeks, pace, start)), case
            reviews += sum(len(w.reviews) for w in weeks)
        assert js["ready"] == ready(roadmap, known, rec), case
        assert js["unlocks"] == unlocks(roadmap, targets[0], known), case
        steps += len(result.steps)
    return steps, reviews


def test_node_plans_equal_python_plans() -> None:
    real = load_roadmap(REPO)
    cases = make_cases(real)
    real_inputs: list[Input] = [(list(c.targets), list(c.known), c.rec, c.pace, c.start, None) for c in cases]
    graphs = [(real, real_inputs), *random_graphs(real)]
    results = run_planner_js(graphs)
    assert len(results) == len(graphs)
    counts = [check(roadmap, inputs, answers) for (roadmap, inputs), answers in zip(graphs, results, strict=True)]
    assert len(real_inputs) >= 20 and sum(len(inputs) for _, inputs in graphs) >= 260
    # The inputs are not all trivial: long plans, many reviews, progress of every kind.
    assert counts[0][0] > 100 and all(steps > 100 and reviews > 200 for steps, reviews in counts[1:])
    states = [p for _, inputs in graphs[1:] for *_, p in inputs if p]
    assert len(states) > 50
    for status in ("done", "in-progress", "skipped"):
        assert sum(1 for p in states for e in p["topics"].values() if e["status"] == status) > 20, status
    assert sum(1 for p in states for e in p["topics"].values() if e["status"] == "done" and "on" not in e) > 10
    assert sum(1 for p in states for m in p["exercises"].values() for x in m.values() if x["mark"] == "not-yet") > 50


def test_planner_js_keeps_no_ranking_policy() -> None:
    """Which resources lead a step is decided in generator/kb/ranking.py, and the areas' order comes
    from generator/kb/vocabulary.py: planner.js takes both from roadmap.json and names no kind,
    cost, level or area itself."""
    source = PLANNER.read_text(encoding="utf-8")
    for word in (*KINDS, *COSTS, *LEVELS, *AREAS):
        assert not re.search(rf"[\"']{re.escape(word)}[\"']", source), f"planner.js names `{word}`: a policy of its own?"


def test_node_missing_is_a_failure_that_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NODE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="apt-get install nodejs"):
        node()
