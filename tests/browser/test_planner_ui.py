"""The Planner page on the fixture site: choosing goals and known topics, pace, sharing, the graph."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

from site_project import FIXTURES

MINI = FIXTURES / "mini"


def cli_json(*args: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["plan", *args, "--format", "json", "--root", str(MINI)]) == 0
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def cli_text(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["plan", *args, "--root", str(MINI)]) == 0
    return out.getvalue()


def open_planner(page: Any, site_url: str, hash_: str = "") -> None:
    page.goto(site_url + "planner/" + hash_)
    page.locator(".rm-planner-form").wait_for(state="visible")


def steps(page: Any) -> list[str]:
    result: list[str] = page.locator("ol.rm-plan-steps > li.rm-step").evaluate_all("els => els.map(e => e.dataset.topic)")
    return result


def wait_steps(page: Any, expected: list[str]) -> None:
    """Wait until the plan lists exactly these steps (fails after 10 s, showing what it lists)."""
    try:
        page.wait_for_function(
            "(want) => JSON.stringify([...document.querySelectorAll('ol.rm-plan-steps > li.rm-step')].map(e => e.dataset.topic)) === want",
            arg=json.dumps(expected, separators=(",", ":")),
            timeout=10_000,
        )
    except Exception:
        assert steps(page) == expected
        raise


def chips(page: Any, role: str) -> list[str]:
    result: list[str] = page.locator(f".rm-chips[data-role={role}] .rm-chip").evaluate_all("els => els.map(e => e.dataset.topic)")
    return result


def test_pick_a_target_then_mark_a_topic_known_and_the_plan_changes(page: Any, site_url: str) -> None:
    open_planner(page, site_url)
    assert steps(page) == []
    assert "Choose at least one goal" in page.locator(".rm-plan-summary").inner_text()

    page.locator("#rm-search").fill("linear regr")
    rows = page.locator(".rm-topic-row:visible")
    assert rows.evaluate_all("els => els.map(e => e.dataset.topic)") == ["linear-regression"]
    page.locator("#rm-search").press("Enter")  # Enter picks the first match as a goal
    expected = [s["topic"] for s in cli_json("linear-regression")["steps"]]
    wait_steps(page, expected)
    assert expected == ["vectors", "matrices", "linear-regression"]
    assert chips(page, "targets") == ["linear-regression"]
    assert page.evaluate("location.hash") == "#targets=linear-regression&known=&pace=6&rec=0"

    page.locator("#rm-search").fill("")
    page.locator('.rm-topic-row[data-topic="vectors"] button[data-act="known"]').click()
    wait_steps(page, [s["topic"] for s in cli_json("linear-regression", "--known", "vectors")["steps"]])
    assert steps(page) == ["matrices", "linear-regression"]
    assert chips(page, "known") == ["vectors"]
    assert page.locator('.rm-topic-row[data-topic="vectors"] button[data-act="known"]').get_attribute("aria-pressed") == "true"

    # "I know this" on a step prunes it and what it requires.
    page.locator('li.rm-step[data-topic="matrices"] button[data-act="check-known"]').click()
    page.locator('.rm-placement button[data-place="known"]').click()
    wait_steps(page, ["linear-regression"])
    assert chips(page, "known") == ["vectors", "matrices"]

    # Removing the chip brings the step back.
    page.locator('.rm-chips[data-role=known] .rm-chip[data-topic="matrices"] button').click()
    wait_steps(page, ["matrices", "linear-regression"])


def test_pace_and_recommended_change_hours_and_weeks(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=linear-regression")
    wait_steps(page, ["vectors", "matrices", "linear-regression"])
    page.locator("#rm-rec").check()
    expected = cli_json("linear-regression", "--include-recommended", "--hours-per-week", "6")
    wait_steps(page, [s["topic"] for s in expected["steps"]])
    summary = page.locator(".rm-plan-summary")
    assert float(summary.get_attribute("data-hours")) == expected["total_hours"] == 30
    assert int(summary.get_attribute("data-weeks")) == len(expected["weeks"])

    page.locator("#rm-pace").fill("12")
    expected = cli_json("linear-regression", "--include-recommended", "--hours-per-week", "12")
    page.wait_for_function("(n) => document.querySelector('.rm-plan-summary').dataset.weeks === String(n)", arg=len(expected["weeks"]))
    assert "pace=12&rec=1" in page.evaluate("location.hash")
    weeks = page.locator(".rm-plan-weeks ol > li[data-week]").all_text_contents()
    shown = [w for w in expected["weeks"] if w["steps"] or w["reviews"]]  # empty weeks of the review tail are not shown
    assert len(weeks) == len(shown) < len(expected["weeks"])
    first = expected["weeks"][0]
    assert weeks[0].startswith(f"Week 1 {first['from']} to {first['to']} · {first['hours']:g} hStudy Vectors, 4 h")

    page.locator("#rm-pace").fill("0")  # not a pace: flagged, the plan stays as it was
    assert page.locator("#rm-pace").get_attribute("aria-invalid") == "true"
    assert "pace=12" in page.evaluate("location.hash")


def test_each_step_lists_its_best_resources_and_what_to_read(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradient-descent&known=&pace=6&rec=0")
    expected = cli_json("gradient-descent")
    wait_steps(page, [s["topic"] for s in expected["steps"]])
    for step in expected["steps"]:
        item = page.locator(f'li.rm-step[data-topic="{step["topic"]}"]')
        assert item.locator("[data-resource]").evaluate_all("els => els.map(e => e.dataset.resource)") == [
            r["id"] for r in step["resources"]
        ]
        assert item.locator(".rm-res-read").all_text_contents() == [f"Read: {r['sections']}" for r in step["resources"]]
        link = item.locator(".rm-step-resources a").first
        assert link.get_attribute("href") == step["resources"][0]["url"]
        assert item.locator("a.rm-step-title").get_attribute("href").endswith(f"/learn/topics/{step['topic']}/")


def test_shareable_url_restores_the_same_state_in_a_fresh_context(new_page: Callable[..., Any], site_url: str) -> None:
    first = new_page()
    open_planner(first, site_url)
    for tid in ("gradient-descent", "linear-regression"):
        first.locator(f'.rm-topic-row[data-topic="{tid}"] button[data-act="target"]').click()
    first.locator('.rm-topic-row[data-topic="derivatives"] button[data-act="known"]').click()
    first.locator("#rm-pace").fill("4.5")
    first.locator("#rm-rec").check()
    expected = cli_json(
        "gradient-descent", "linear-regression", "--known", "derivatives", "--include-recommended", "--hours-per-week", "4.5"
    )
    wait_steps(first, [s["topic"] for s in expected["steps"]])
    link = first.locator("input.rm-share-url").input_value()
    assert link.endswith("planner/#targets=gradient-descent,linear-regression&known=derivatives&pace=4.5&rec=1")
    shown = (steps(first), first.locator(".rm-plan-summary").inner_text(), first.locator(".rm-plan-weeks li").all_text_contents())

    second = new_page()  # a new browser context: no localStorage, no history
    assert second.context != first.context
    second.goto(link)
    second.locator(".rm-planner-form").wait_for(state="visible")
    wait_steps(second, shown[0])
    assert (
        steps(second),
        second.locator(".rm-plan-summary").inner_text(),
        second.locator(".rm-plan-weeks li").all_text_contents(),
    ) == shown
    assert chips(second, "targets") == ["gradient-descent", "linear-regression"]
    assert chips(second, "known") == ["derivatives"]
    assert second.locator("#rm-pace").input_value() == "4.5"
    assert second.locator("#rm-rec").is_checked()
    stored = json.loads(second.evaluate("localStorage.getItem('mfml-planner-v1')"))
    assert stored == {
        "version": 1,
        "targets": ["gradient-descent", "linear-regression"],
        "known": ["derivatives"],
        "pace": 4.5,
        "rec": True,
    }


def test_state_comes_back_from_local_storage_without_a_hash(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradients&known=vectors&pace=3&rec=0")
    wait_steps(page, ["derivatives", "gradients"])
    page.goto(site_url + "about/")
    open_planner(page, site_url)
    wait_steps(page, ["derivatives", "gradients"])
    assert page.locator("#rm-pace").input_value() == "3"
    assert page.evaluate("location.hash") == "#targets=gradients&known=vectors&pace=3&rec=0"


def test_a_topic_page_link_plans_a_path_and_keeps_what_you_know(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradients&known=vectors&pace=5&rec=0")
    wait_steps(page, ["derivatives", "gradients"])
    page.goto(site_url + "learn/topics/linear-regression/")
    page.get_by_role("link", name="Plan a path to this topic").click()
    page.wait_for_url(re.compile(r"/planner/#targets=linear-regression"))
    wait_steps(page, ["matrices", "linear-regression"])  # vectors is still known
    assert page.evaluate("location.hash") == "#targets=linear-regression&known=vectors&pace=5&rec=0"


def test_unknown_ids_in_a_link_are_dropped_with_a_notice(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradients,no-such-topic&known=old-topic&pace=abc&rec=1")
    wait_steps(page, [s["topic"] for s in cli_json("gradients", "--include-recommended")["steps"]])
    status = page.locator(".rm-planner-status").inner_text()
    assert "no-such-topic" in status and "old-topic" in status
    assert page.locator("#rm-pace").input_value() == "6"  # a bad pace falls back to the default


@pytest.mark.parametrize("pace", ["1e-300", "0.000001", "0.01", "0.4", "101", "1e308"])
def test_a_pace_out_of_range_falls_back_to_the_default_and_says_so(new_page: Callable[..., Any], site_url: str, pace: str) -> None:
    # pace=1e-300 used to freeze the planner and the roadmap page, and stayed stored.
    page = new_page()
    open_planner(page, site_url, f"#targets=gradients&known=&pace={pace}&rec=0")
    wait_steps(page, [s["topic"] for s in cli_json("gradients")["steps"]])
    assert page.locator("#rm-pace").input_value() == "6"
    status = page.locator(".rm-planner-status").inner_text()
    assert "hours a week cannot be planned; it must be 0.5 to 100 hours, so the plan uses 6." in status
    assert json.loads(page.evaluate("localStorage.getItem('mfml-planner-v1')"))["pace"] == 6
    assert page.evaluate("location.hash").endswith("&pace=6&rec=0")
    page.goto(site_url + f"learn/roadmap/#targets=gradients&known=&pace={pace}&rec=0")
    banner = page.locator(".rm-plan-banner")
    banner.wait_for(state="visible", timeout=10_000)
    assert "at 6 h a week" in banner.inner_text()


def test_a_stored_pace_out_of_range_does_not_come_back(new_page: Callable[..., Any], site_url: str) -> None:
    page = new_page()
    page.goto(site_url + "planner/")
    page.evaluate(
        "localStorage.setItem('mfml-planner-v1', JSON.stringify({version: 1, targets: ['gradients'], known: [], pace: 1e-300, rec: false}))"
    )
    open_planner(page, site_url)
    wait_steps(page, [s["topic"] for s in cli_json("gradients")["steps"]])
    assert page.locator("#rm-pace").input_value() == "6"
    assert json.loads(page.evaluate("localStorage.getItem('mfml-planner-v1')"))["pace"] == 6


def test_typing_a_pace_out_of_range_keeps_the_plan_and_says_why(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradients&known=&pace=5&rec=0")
    field = page.locator("#rm-pace")
    assert field.get_attribute("min") == "0.5" and field.get_attribute("max") == "100"
    field.fill("0.001")
    assert field.get_attribute("aria-invalid") == "true"
    assert "Give 0.5 to 100 hours a week" in page.locator(".rm-planner-status").inner_text()
    assert page.evaluate("location.hash").endswith("&pace=5&rec=0")


def test_markdown_export_is_the_cli_checklist(page: Any, site_url: str, tmp_path: Path) -> None:
    open_planner(page, site_url, "#targets=linear-regression,gradient-descent&known=vectors&pace=4&rec=0")
    wait_steps(page, [s["topic"] for s in cli_json("linear-regression", "gradient-descent", "--known", "vectors")["steps"]])
    with page.expect_download() as info:
        page.locator('button[data-act="download-md"]').click()
    download = info.value
    assert download.suggested_filename == "study-plan.md"
    path = tmp_path / "plan.md"
    download.save_as(path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(
            [
                "plan",
                "linear-regression",
                "gradient-descent",
                "--known",
                "vectors",
                "--hours-per-week",
                "4",
                "--format",
                "markdown",
                "--root",
                str(MINI),
            ]
        )
    assert path.read_text(encoding="utf-8") == out.getvalue()
    assert "- [ ] Matrices (`matrices`)" in out.getvalue()


def test_plan_is_highlighted_on_the_planner_graph(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=linear-regression&known=vectors&pace=6&rec=0")
    wait_steps(page, ["matrices", "linear-regression"])
    graph = page.locator(".rm-plan-graph svg.rm-svg")
    graph.wait_for()
    page.wait_for_function("() => document.querySelectorAll('.rm-plan-graph a.rm-node.in-plan').length > 0")
    in_plan = graph.locator("a.rm-node.in-plan").evaluate_all("els => els.map(e => e.dataset.topic)")
    assert sorted(in_plan) == ["linear-regression", "matrices"]
    assert graph.locator("a.rm-node.is-target").evaluate_all("els => els.map(e => e.dataset.topic)") == ["linear-regression"]
    assert graph.locator('a.rm-node[data-topic="vectors"]').get_attribute("class").split().count("is-known") == 1
    edges = graph.locator(".rm-edge.in-plan").evaluate_all("els => els.map(e => e.dataset.from + '>' + e.dataset.to)")
    assert edges == ["matrices>linear-regression"]
    # Node links still lead to the topic pages from here.
    href = graph.locator('a.rm-node[data-topic="matrices"]').get_attribute("href")
    assert href.endswith("/learn/topics/matrices/")
    # Changing the plan repaints the graph.
    page.locator('.rm-topic-row[data-topic="gradient-descent"] button[data-act="target"]').click()
    page.wait_for_function("() => document.querySelectorAll('.rm-plan-graph a.rm-node.in-plan').length === 5")


def test_plan_link_highlights_the_roadmap_page(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradient-descent&known=&pace=6&rec=0")
    wait_steps(page, ["derivatives", "gradients", "gradient-descent"])
    page.locator("a.rm-plan-on-roadmap").click()
    page.wait_for_url(re.compile(r"/learn/roadmap/#targets=gradient-descent"))
    banner = page.locator(".rm-plan-banner")
    banner.wait_for()
    assert "3 topics, 15 h" in banner.inner_text()
    svg = page.locator(".rm-graph svg.rm-svg").first
    assert sorted(svg.locator("a.rm-node.in-plan").evaluate_all("els => els.map(e => e.dataset.topic)")) == [
        "derivatives",
        "gradient-descent",
        "gradients",
    ]
    assert "rm-plan-view" in (svg.get_attribute("class") or "")
    banner.get_by_role("link", name="Hide the plan").click()
    page.wait_for_function("() => !document.querySelector('.rm-plan-banner') && !document.querySelector('a.rm-node.in-plan')")
    assert page.evaluate("location.hash") == ""


def test_submitting_the_form_keeps_the_page(page: Any, site_url: str) -> None:
    # planner.js cancels the form's submit event (the page has no inline onsubmit).
    open_planner(page, site_url, "#targets=gradients&known=&pace=6&rec=0")
    page.evaluate("window.rmStillHere = true")
    submitted = page.evaluate(
        "() => { const f = document.querySelector('.rm-planner-form'); let prevented = null;"
        " f.addEventListener('submit', e => { prevented = e.defaultPrevented; });"
        " f.requestSubmit(); return prevented; }"
    )
    assert submitted is True
    page.wait_for_timeout(200)
    assert page.evaluate("window.rmStillHere") is True
    assert page.evaluate("location.hash") == "#targets=gradients&known=&pace=6&rec=0"


def test_start_over_clears_goals_and_known(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradients&known=vectors&pace=6&rec=0")
    wait_steps(page, ["derivatives", "gradients"])
    page.locator('button[data-act="clear"]').click()
    wait_steps(page, [])
    assert chips(page, "targets") == [] and chips(page, "known") == []
    assert page.locator(".rm-plan-actions").is_hidden()


def test_nothing_to_study_when_every_goal_is_known(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradients&known=gradient-descent&pace=6&rec=0")
    page.wait_for_function("() => document.querySelector('.rm-plan-summary').textContent.includes('Nothing to study')")
    assert steps(page) == []
    assert "Nothing to study" in cli_text("gradients", "--known", "gradient-descent")


def test_the_page_is_usable_on_a_phone(new_page: Callable[..., Any], site_url: str) -> None:
    phone = new_page(width=390, height=844)
    open_planner(phone, site_url, "#targets=linear-regression,gradient-descent&known=&pace=6&rec=1")
    wait_steps(phone, [s["topic"] for s in cli_json("linear-regression", "gradient-descent", "--include-recommended")["steps"]])
    phone.locator(".rm-plan-graph svg.rm-svg").wait_for()
    assert phone.evaluate("() => document.scrollingElement.scrollWidth") <= 390


def test_planner_script_does_nothing_elsewhere(page: Any, site_url: str) -> None:
    for path in ("", "about/", "learn/catalogue/", "learn/topics/gradients/", "learn/roadmap/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.RoadmapPlanner.plan") == "function"
        assert page.locator(".rm-plan-banner").count() == 0
        assert page.locator(".in-plan, .is-target").count() == 0
    # The guard fails the test on any console error or request to another host.
