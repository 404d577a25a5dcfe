"""Exercises in the browser: solutions with and without JavaScript, got it / not yet kept in the
progress store (version 2), placement in the planner, reviews in the timetable as days pass
(Playwright's clock), the iCalendar download (parsed with `icalendar` beside the CLI's file), and
screenshots of a topic's "Check yourself" and of a planner week with reviews."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.cli import main

from planner_cases import ics_events
from site_project import FIXTURES

KEY = "mfml-progress-v1"
TOPIC = "gradients"


def stored(page: Any) -> Any:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def at(page: Any, day: str) -> None:
    """The browser's clock stands still at noon of `day` (local time)."""
    page.clock.set_fixed_time(f"{day}T12:00:00")


def mark(page: Any, n: int, how: str) -> None:
    page.locator(f'#exercise-{n} .rm-exercise-mark button[data-mark="{how}"]').click()


def cli_bytes(*args: str) -> bytes:
    out = io.BytesIO()
    wrapper = io.TextIOWrapper(out, encoding="utf-8")
    with contextlib.redirect_stdout(wrapper):
        code = main(["plan", *args, "--root", str(FIXTURES / "mini")])
    wrapper.flush()
    assert code == 0
    return out.getvalue()


def test_solutions_open_on_demand_without_javascript(new_page: Callable[..., Any], site_url: str) -> None:
    page = new_page(javascript=False)
    page.goto(site_url + f"learn/topics/{TOPIC}/")
    first = page.locator("#exercise-1")
    solution = first.locator("details.rm-solution")
    assert not solution.evaluate("d => d.open")
    assert not solution.locator(".rm-prose").is_visible()
    solution.locator("summary").click()
    assert solution.locator(".rm-prose").is_visible()
    assert first.locator(".rm-exercise-mark button").count() == 0  # marking needs the script


def test_marks_are_buttons_kept_with_progress_and_all_got_it_marks_the_topic_done(
    new_page: Callable[..., Any], site_url: str, tmp_path: Path
) -> None:
    page = new_page()
    at(page, "2027-01-04")
    page.goto(site_url + f"learn/topics/{TOPIC}/")
    exercises = page.locator(".rm-exercise")
    count = exercises.count()
    assert count >= 3
    first = page.locator("#exercise-1")
    first.locator("details.rm-solution summary").click()  # with the script, too
    assert first.locator("details.rm-solution .rm-prose").is_visible()
    buttons = first.locator(".rm-exercise-mark button")
    assert buttons.all_inner_texts() == ["Got it", "Not yet"]
    assert first.get_by_role("group", name="Your mark for exercise 1").count() == 1
    assert first.locator(".rm-mark-state").inner_text() == "Not marked yet."
    # Keyboard: the button takes Enter, keeps the focus, and says its state in words too.
    buttons.nth(1).focus()
    page.keyboard.press("Enter")
    assert buttons.nth(1).get_attribute("aria-pressed") == "true" and buttons.nth(0).get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.activeElement.dataset.mark") == "not-yet"
    assert first.locator(".rm-mark-state").inner_text() == "Your mark: not yet (2027-01-04)."
    assert stored(page)["exercises"] == {TOPIC: {"1": {"mark": "not-yet", "on": "2027-01-04"}}}
    page.keyboard.press("Space")  # pressed again: unmarked
    assert buttons.nth(1).get_attribute("aria-pressed") == "false" and stored(page)["exercises"] == {}

    for n in range(1, count):
        mark(page, n, "got-it")
    assert stored(page)["topics"] == {}, "not done before the last exercise"
    mark(page, count, "got-it")
    live = page.locator(".rm-exercise-live")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == "You got every exercise of this topic: it is now marked done."
    data = stored(page)
    assert data["version"] == 2 and data["topics"] == {TOPIC: {"status": "done", "on": "2027-01-04"}}
    assert data["exercises"][TOPIC] == {str(n): {"mark": "got-it", "on": "2027-01-04"} for n in range(1, count + 1)}
    assert page.locator(f'.rm-progress[data-topic="{TOPIC}"] button[data-state="done"]').get_attribute("aria-pressed") == "true"

    page.reload()
    assert page.locator('#exercise-2 button[data-mark="got-it"]').get_attribute("aria-pressed") == "true"

    # In the export, which the CLI reads.
    page.goto(site_url + "planner/")
    with page.expect_download() as info:
        page.locator('.rm-progress-tools button[data-progress="export"]').click()
    saved = tmp_path / "progress.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8")) == data


def test_a_version_1_store_is_read_and_old_and_new_exports_import(new_page: Callable[..., Any], site_url: str, tmp_path: Path) -> None:
    page = new_page()
    at(page, "2027-01-04")
    page.goto(site_url + "about/")
    page.evaluate(f"""localStorage.setItem('{KEY}', JSON.stringify({{version: 1, topics: {{vectors: "done", matrices: "skipped"}}}}))""")
    page.goto(site_url + f"learn/topics/{TOPIC}/")
    mark(page, 1, "not-yet")
    # Migrated on read: the old statuses kept, without the dates nobody knows.
    assert stored(page) == {
        "version": 2,
        "topics": {"matrices": {"status": "skipped"}, "vectors": {"status": "done"}},
        "exercises": {TOPIC: {"1": {"mark": "not-yet", "on": "2027-01-04"}}},
    }
    page.goto(site_url + "planner/")
    upload = page.locator('.rm-progress-tools input[data-progress="import"]')
    review = page.locator(".rm-progress-review")
    newer = tmp_path / "v2.json"
    newer.write_text(
        json.dumps(
            {
                "version": 2,
                "start": "2027-02-01",
                "topics": {"derivatives": {"status": "done", "on": "2027-01-02"}, "elsewhere": {"status": "done"}},
                "exercises": {"derivatives": {"2": {"mark": "got-it", "on": "2027-01-02"}, "9": {"mark": "got-it", "on": "2027-01-02"}}},
            }
        ),
        encoding="utf-8",
    )
    upload.set_input_files(newer)
    review.wait_for(state="visible")
    assert review.locator(".rm-progress-review-text").inner_text() == (
        "The file has progress on 1 topic. It marks 1 exercise got it or not yet. 1 entry for topics this roadmap does not have "
        "will be left out. 1 malformed entry will be left out. Merging adds 1 and changes 0; replacing also removes 2 of your current marks."
    )
    review.locator('button[data-progress="merge"]').click()
    data = stored(page)
    assert data["topics"]["derivatives"] == {"status": "done", "on": "2027-01-02"} and data["start"] == "2027-02-01"
    assert data["exercises"]["derivatives"] == {"2": {"mark": "got-it", "on": "2027-01-02"}}
    assert data["exercises"][TOPIC] == {"1": {"mark": "not-yet", "on": "2027-01-04"}}, "merging keeps the marks already there"
    assert page.locator("#rm-start").input_value() == "2027-02-01"


def test_i_know_this_offers_the_exercises_and_all_got_it_makes_the_topic_known(page: Any, site_url: str) -> None:
    page.goto(site_url + "planner/#targets=gradient-descent&known=&pace=6&rec=0")
    page.locator('li.rm-step[data-topic="gradients"]').wait_for()
    page.locator('li.rm-step[data-topic="gradients"] button[data-act="check-known"]').click()
    panel = page.locator(".rm-placement")
    panel.locator(".rm-exercise").first.wait_for()
    assert panel.locator(".rm-placement-heading").inner_text() == "Do you know Gradients?"
    count = panel.locator(".rm-exercise").count()
    assert count >= 3 and panel.locator("math").count() + panel.locator(".rm-prose").count() > 0
    solution = panel.locator("details.rm-solution").first
    assert not solution.locator(".rm-prose").is_visible()
    solution.locator("summary").click()
    assert solution.locator(".rm-prose").is_visible()
    buttons = panel.locator('.rm-exercise-mark button[data-mark="got-it"]')
    for n in range(count - 1):
        buttons.nth(n).click()
    assert panel.is_visible() and page.locator("li.rm-step").count() == 3, "not known before every exercise is got"
    panel.locator('.rm-exercise-mark button[data-mark="not-yet"]').nth(count - 1).click()
    assert panel.is_visible()
    buttons.nth(count - 1).click()
    page.wait_for_function("() => document.querySelectorAll('li.rm-step').length === 1")
    assert panel.is_hidden()
    assert page.locator(".rm-chips[data-role=known] .rm-chip").evaluate_all("els => els.map(e => e.dataset.topic)") == ["gradients"]
    assert "Gradients now counts as known" in page.locator(".rm-planner-status").inner_text()
    assert page.evaluate("document.activeElement.dataset.act") == "check-known"  # the next step's
    assert stored(page)["topics"]["gradients"]["status"] == "done"


def test_the_placement_round_asks_prerequisites_first_and_skips_what_the_answers_settle(page: Any, site_url: str) -> None:
    page.goto(site_url + "planner/#targets=gradient-descent&known=&pace=6&rec=0")
    page.locator("li.rm-step").first.wait_for()
    assert page.locator("li.rm-step").evaluate_all("els => els.map(e => e.dataset.topic)") == [
        "derivatives",
        "gradients",
        "gradient-descent",
    ]
    page.locator('button[data-act="placement"]').click()
    panel = page.locator(".rm-placement")
    asked = []
    for answer in ("got-it", "not-yet"):
        panel.locator(".rm-placement-exercises .rm-exercise").wait_for()
        asked.append(panel.locator(".rm-placement-exercises .rm-exercise").get_attribute("data-topic"))
        assert page.evaluate("document.activeElement.classList.contains('rm-placement-heading')")
        panel.locator(f'button[data-place="{answer}"]').click()
    # Derivatives got, gradients not yet: gradient descent requires gradients, so it is not asked.
    assert asked == ["derivatives", "gradients"]
    assert panel.locator(".rm-placement-heading").inner_text() == "Check done"
    assert panel.locator(".rm-placement-result").inner_text() == "Counted as known, with everything they require: Derivatives."
    page.wait_for_function("() => document.querySelectorAll('li.rm-step').length === 2")
    assert page.locator("li.rm-step").evaluate_all("els => els.map(e => e.dataset.topic)") == ["gradients", "gradient-descent"]
    marks = stored(page)["exercises"]
    assert [m["mark"] for m in marks["derivatives"].values()] == ["got-it"]
    assert [m["mark"] for m in marks["gradients"].values()] == ["not-yet"]
    assert "gradient-descent" not in marks


def weeks(page: Any) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = page.locator(".rm-plan-weeks ol > li[data-week]").evaluate_all(
        """els => els.map(w => ({week: +w.dataset.week,
              reviews: [...w.querySelectorAll('.rm-week-review')].map(r => [r.dataset.topic, r.dataset.due]),
              study: [...w.querySelectorAll('.rm-week-study')].map(s => s.dataset.topic)}))"""
    )
    return result


def test_reviews_come_back_in_the_timetable_as_days_pass(new_page: Callable[..., Any], site_url: str) -> None:
    page = new_page()
    at(page, "2027-01-04")
    page.goto(site_url + "learn/topics/vectors/")
    page.locator('.rm-progress[data-topic="vectors"] button[data-state="done"]').click()
    page.goto(site_url + "planner/#targets=gradient-descent&known=&pace=6&rec=0")
    page.locator("li.rm-step").first.wait_for()
    assert page.locator(".rm-plan-summary").get_attribute("data-start") == "2027-01-04"
    first = weeks(page)[0]
    assert first["week"] == 1 and ["vectors", "2027-01-05"] in first["reviews"]  # done today: back tomorrow

    # Four weeks later, the first review is overdue: it is due on the new first day.
    at(page, "2027-02-01")
    page.reload()
    page.locator("li.rm-step").first.wait_for()
    assert page.locator(".rm-plan-summary").get_attribute("data-start") == "2027-02-01"
    assert ["vectors", "2027-02-01"] in weeks(page)[0]["reviews"]
    assert "Review Vectors, 30 min, due 2027-02-01" in page.locator(".rm-plan-weeks ol > li").first.text_content()
    # Review-only weeks follow the study, and empty weeks are not shown.
    shown = weeks(page)
    assert shown[-1]["study"] == [] and all(w["study"] or w["reviews"] for w in shown)

    # A start date the learner sets is kept with the progress and dates every week.
    page.locator("#rm-start").fill("2027-03-01")
    page.locator("#rm-start").dispatch_event("change")
    page.wait_for_function("() => document.querySelector('.rm-plan-summary').dataset.start === '2027-03-01'")
    assert stored(page)["start"] == "2027-03-01"
    assert page.locator(".rm-week-dates").first.text_content().strip().startswith("2027-03-01 to 2027-03-07")


def test_the_calendar_download_has_the_cli_events(new_page: Callable[..., Any], site_url: str, tmp_path: Path) -> None:
    page = new_page()
    at(page, "2027-01-04")
    page.goto(site_url + "learn/topics/vectors/")
    page.locator('.rm-progress[data-topic="vectors"] button[data-state="done"]').click()
    mark(page, 1, "not-yet")
    at(page, "2027-01-11")
    page.goto(site_url + "planner/#targets=gradient-descent,linear-regression&known=&pace=3.5&rec=0")
    page.locator("li.rm-step").first.wait_for()
    with page.expect_download() as info:
        page.locator('button[data-act="download-ics"]').click()
    assert info.value.suggested_filename == "study-plan.ics"
    browser_ics = tmp_path / "browser.ics"
    info.value.save_as(browser_ics)
    with page.expect_download() as info:
        page.locator('.rm-progress-tools button[data-progress="export"]').click()
    progress = tmp_path / "progress.json"
    info.value.save_as(progress)
    raw = browser_ics.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cli_ics = cli_bytes(
        "gradient-descent",
        "linear-regression",
        "--hours-per-week",
        "3.5",
        "--start",
        "2027-01-11",
        "--progress",
        str(progress),
        "--format",
        "ics",
    )
    events = ics_events(raw)
    assert events == ics_events(cli_ics)
    assert len(events) > 3 and any("Review Vectors" in e["description"] for e in events)
    # The Markdown export is the CLI's, byte for byte, progress and reviews included.
    with page.expect_download() as info:
        page.locator('button[data-act="download-md"]').click()
    markdown = tmp_path / "plan.md"
    info.value.save_as(markdown)
    cli_md = cli_bytes(
        "gradient-descent",
        "linear-regression",
        "--hours-per-week",
        "3.5",
        "--start",
        "2027-01-11",
        "--progress",
        str(progress),
        "--format",
        "markdown",
    )
    assert markdown.read_bytes() == cli_md


def test_screenshots_of_check_yourself_and_a_week_with_reviews(new_page: Callable[..., Any], site_url: str, screenshots: Path) -> None:
    for width, height in ((1400, 900), (390, 844)):
        page = new_page(width=width, height=height)
        at(page, "2027-01-04")
        page.goto(site_url + f"learn/topics/{TOPIC}/")
        mark(page, 1, "got-it")
        mark(page, 2, "not-yet")
        page.locator("#exercise-1 details.rm-solution summary").click()
        section = page.locator("#check-yourself")
        section.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / f"check-yourself-{width}.png"))
        page.goto(site_url + "learn/topics/vectors/")
        page.locator('.rm-progress[data-topic="vectors"] button[data-state="done"]').click()
        at(page, "2027-01-06")
        page.goto(site_url + "planner/#targets=gradient-descent&known=&pace=4&rec=0")
        page.locator(".rm-week-review").first.wait_for()
        week = page.locator(".rm-plan-weeks ol > li[data-week]").first
        week.scroll_into_view_if_needed()
        assert week.locator(".rm-week-review").count() >= 1
        page.screenshot(path=str(screenshots / f"planner-week-reviews-{width}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.context.close()
