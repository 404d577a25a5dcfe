"""Progress without an account: topic pages, the roadmap graph, the planner, export and import."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.cli import main

from site_project import FIXTURES

KEY = "mfml-progress-v1"


def raw_stored(page: Any) -> Any:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def today(page: Any) -> str:
    """The browser's local date, which the progress store writes."""
    day: str = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-'); }"
    )
    return day


def stored(page: Any) -> Any:
    """The stored progress (version 2) with each topic's status only, after checking that every
    status set in this browser carries today's date."""
    data = raw_stored(page)
    if not data:
        return None
    assert data["version"] == 2 and data.get("exercises", {}) == {}, data
    day = today(page)
    for entry in data["topics"].values():
        assert entry.get("on", day) == day, data
    return {"version": 1, "topics": {tid: entry["status"] for tid, entry in data["topics"].items()}}


def pressed(page: Any, scope: str = "") -> dict[str, str]:
    """{topic: state} for every progress control on the page with a pressed button."""
    result: dict[str, str] = page.evaluate(
        """(scope) => Object.fromEntries([...document.querySelectorAll(scope + ' .rm-progress[data-topic]')]
             .map(b => [b.dataset.topic, (b.querySelector('button[aria-pressed=true]') || {dataset: {}}).dataset.state])
             .filter(([, s]) => s))""",
        scope,
    )
    return result


def node_states(page: Any) -> dict[str, str]:
    result: dict[str, str] = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('a.rm-node[data-topic]')].flatMap(n =>
             ['is-done', 'is-in-progress', 'is-skipped'].filter(c => n.classList.contains(c)).map(c => [n.dataset.topic, c.slice(3)])))"""
    )
    return result


def ready_cli(*known: str) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        args = ["plan", "--ready", "--format", "json", "--root", str(FIXTURES / "mini")]
        if known:
            args += ["--known", *known]
        assert main(args) == 0
    return [r["topic"] for r in json.loads(out.getvalue())["ready"]]


def mark(page: Any, topic: str, state: str, scope: str = "") -> None:
    page.locator(f'{scope} .rm-progress[data-topic="{topic}"] button[data-state="{state}"]').first.click()


def test_topic_page_marks_progress_and_the_graphs_show_it(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/topics/gradients/")
    control = page.locator('.rm-progress[data-topic="gradients"]')
    buttons = control.locator("button[data-state]")
    assert buttons.all_inner_texts() == ["In progress", "Done", "Skipped"]
    assert control.get_by_role("group").count() == 1
    mark(page, "gradients", "done")
    assert stored(page) == {"version": 1, "topics": {"gradients": "done"}}
    assert pressed(page) == {"gradients": "done"}
    mark(page, "gradients", "done")  # pressing it again clears it
    assert stored(page) == {"version": 1, "topics": {}}
    mark(page, "gradients", "in-progress")
    assert node_states(page) == {"gradients": "in-progress"}  # the topic's own chain graph

    page.goto(site_url + "learn/roadmap/")
    assert node_states(page) == {"gradients": "in-progress"}
    page.reload()
    assert node_states(page) == {"gradients": "in-progress"}


def test_mark_mode_on_the_roadmap_cycles_states_without_leaving(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/roadmap/")
    toggle = page.locator('button[data-progress="mark-mode"]')
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    node = page.locator('svg.rm-svg a.rm-node[data-topic="vectors"]').first
    seen = []
    for _ in range(4):
        node.click()
        seen.append((stored(page) or {"topics": {}})["topics"].get("vectors"))
    assert seen == ["in-progress", "done", "skipped", None]
    assert page.url.endswith("/learn/roadmap/")
    node.click()
    assert node_states(page) == {"vectors": "in-progress"}
    assert "1 in progress" in page.locator(".rm-progress-bar .rm-progress-count").inner_text()
    toggle.click()  # off again: a click opens the topic's details, and from there its page
    node.click()
    page.get_by_role("link", name="Open the topic page").click()
    page.wait_for_url(re.compile(r"/learn/topics/vectors/$"))
    assert pressed(page) == {"vectors": "in-progress"}


def test_planner_steps_show_and_set_progress(page: Any, site_url: str) -> None:
    page.goto(site_url + "planner/#targets=gradient-descent&known=&pace=6&rec=0")
    page.locator('li.rm-step[data-topic="derivatives"]').wait_for()
    mark(page, "derivatives", "done", ".rm-plan-steps")
    page.wait_for_function("() => document.querySelector('li.rm-step[data-topic=derivatives]').classList.contains('is-done')")
    assert "1 done or skipped; 9 h left" in page.locator(".rm-plan-summary").inner_text()
    assert stored(page) == {"version": 1, "topics": {"derivatives": "done"}}
    # The plan itself does not change until done topics are counted as known.
    assert page.locator("li.rm-step").count() == 3
    page.locator('button[data-act="known-from-progress"]').click()
    page.wait_for_function("() => document.querySelectorAll('li.rm-step').length === 2")
    assert "known=derivatives" in page.evaluate("location.hash")


def test_ready_next_follows_progress(page: Any, site_url: str) -> None:
    page.goto(site_url + "planner/")
    items = page.locator(".rm-ready-list > li[data-topic]")
    items.first.wait_for()
    assert items.evaluate_all("els => els.map(e => e.dataset.topic)") == ready_cli()
    mark(page, "derivatives", "done", ".rm-ready-list")
    page.wait_for_function(
        "(want) => [...document.querySelectorAll('.rm-ready-list > li[data-topic]')].map(e => e.dataset.topic).join() === want",
        arg=",".join(ready_cli("derivatives")),
    )
    # In-progress topics lead the list.
    mark(page, "gradients", "in-progress", ".rm-ready-list")
    page.wait_for_function("() => document.querySelector('.rm-ready-list > li[data-topic]').dataset.topic === 'gradients'")


def test_progress_export_then_import_restores_it(new_page: Callable[..., Any], site_url: str, tmp_path: Path) -> None:
    page = new_page()
    page.goto(site_url + "learn/topics/vectors/")
    mark(page, "vectors", "done")
    page.goto(site_url + "learn/topics/matrices/")
    mark(page, "matrices", "in-progress")
    page.goto(site_url + "learn/topics/derivatives/")
    mark(page, "derivatives", "skipped")
    expected: dict[str, Any] = {"version": 1, "topics": {"derivatives": "skipped", "matrices": "in-progress", "vectors": "done"}}
    assert stored(page) == expected

    page.goto(site_url + "planner/")
    tools = page.locator(".rm-progress-tools")
    assert tools.locator(".rm-progress-count").inner_text() == "1 done, 1 in progress, 1 skipped."
    with page.expect_download() as info:
        tools.locator('button[data-progress="export"]').click()
    assert info.value.suggested_filename == "mfml-progress.json"
    saved = tmp_path / "progress.json"
    info.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    day = today(page)
    assert exported == {"version": 2, "topics": {t: {"status": s, "on": day} for t, s in expected["topics"].items()}, "exercises": {}}

    clear = tools.locator('button[data-progress="clear"]')
    clear.click()
    assert stored(page) == expected  # the first click only asks
    clear.click()
    assert stored(page) == {"version": 1, "topics": {}}
    assert tools.locator(".rm-progress-count").inner_text() == "0 done, 0 in progress, 0 skipped."

    tools.locator('input[data-progress="import"]').set_input_files(saved)
    review = tools.locator(".rm-progress-review")
    review.wait_for(state="visible")
    assert review.locator(".rm-progress-review-text").inner_text() == (
        "The file has progress on 3 topics. Merging adds 3 and changes 0; replacing also removes 0 of your current marks."
    )
    assert stored(page) == {"version": 1, "topics": {}}, "nothing changes before the learner chooses"
    review.locator('button[data-progress="merge"]').click()
    assert tools.locator(".rm-progress-status").inner_text() == "Merged progress on 3 topics into yours."
    assert stored(page) == expected
    page.goto(site_url + "learn/roadmap/")
    assert node_states(page) == {"derivatives": "skipped", "matrices": "in-progress", "vectors": "done"}

    # The same file moves progress to another browser.
    other = new_page()
    other.goto(site_url + "planner/")
    other.locator('.rm-progress-tools input[data-progress="import"]').set_input_files(saved)
    other.locator('.rm-progress-review button[data-progress="replace"]').click()
    assert stored(other) == expected
    other.goto(site_url + "learn/topics/matrices/")
    assert pressed(other) == {"matrices": "in-progress"}


def test_a_bad_progress_file_is_refused_and_changes_nothing(page: Any, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "learn/topics/vectors/")
    mark(page, "vectors", "done")
    page.goto(site_url + "planner/")
    status = page.locator(".rm-progress-tools .rm-progress-status")
    upload = page.locator('.rm-progress-tools input[data-progress="import"]')
    for name, content, message in [
        ("notes.txt", "not json at all", "Not imported: the file is not JSON."),
        ("new.json", '{"version": 3, "topics": {}}', "Not imported: unsupported progress version 3 (expected 1 or 2)."),
        ("bad.json", '{"version": 2, "topics": {}, "exercises": []}', 'Not imported: the file\'s "exercises" is not an object.'),
        ("list.json", "[1, 2]", "Not imported: the file does not hold a progress object."),
    ]:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        upload.set_input_files(path)
        page.wait_for_function("(m) => document.querySelector('.rm-progress-tools .rm-progress-status').textContent === m", arg=message)
        assert status.inner_text() == message
        assert stored(page) == {"version": 1, "topics": {"vectors": "done"}}
    # Unknown states, malformed ids and ids of topics this roadmap lacks are left out, and said so.
    path = tmp_path / "mixed.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "topics": {"vectors": "done", "matrices": "mastered", "Bad Id": "done", "gradients": "skipped", "quantum-gravity": "done"},
            }
        ),
        encoding="utf-8",
    )
    upload.set_input_files(path)
    review = page.locator(".rm-progress-review")
    review.wait_for(state="visible")
    assert review.inner_text().startswith(
        "The file has progress on 2 topics. 1 entry for topics this roadmap does not have will be left out. 2 malformed entries will be left out."
    )
    review.locator('button[data-progress="merge"]').click()
    assert stored(page) == {"version": 1, "topics": {"gradients": "skipped", "vectors": "done"}}


def test_importing_never_loses_what_is_there(page: Any, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "learn/topics/vectors/")
    mark(page, "vectors", "done")
    page.goto(site_url + "planner/")
    status = page.locator(".rm-progress-tools .rm-progress-status")
    upload = page.locator('.rm-progress-tools input[data-progress="import"]')
    review = page.locator(".rm-progress-review")
    mine = {"version": 1, "topics": {"vectors": "done"}}

    def refused(name: str, content: str, message: str) -> None:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        upload.set_input_files(path)
        page.wait_for_function(
            "(m) => document.querySelector('.rm-progress-tools .rm-progress-status').textContent.startsWith(m)", arg=message
        )
        assert review.is_hidden() and stored(page) == mine

    refused("empty.json", '{"version": 1, "topics": {}}', "Not imported: the file holds no progress on a topic of this roadmap.")
    refused(
        "elsewhere.json", '{"version": 1, "topics": {"quantum-gravity": "done"}}', "Not imported: the file holds no progress on a topic"
    )
    refused(
        "huge.json",
        '{"version": 1, "topics": {' + " " * (2 * 1024 * 1024) + "}}",
        "Not imported: the file is 2048 KB; a progress file is a few KB.",
    )
    many = {"version": 1, "topics": {f"t{i}": "done" for i in range(6000)}}
    refused("many.json", json.dumps(many), "Not imported: the file lists 6000 topics; a progress file has at most 5000.")

    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps({"version": 1, "topics": {"matrices": "in-progress", "gradients": "done"}}), encoding="utf-8")
    upload.set_input_files(theirs)
    review.locator('button[data-progress="cancel"]').click()
    assert status.inner_text() == "Import cancelled; nothing changed." and stored(page) == mine

    upload.set_input_files(theirs)
    assert "replacing also removes 1 of your current marks" in review.inner_text()
    review.locator('button[data-progress="replace"]').click()
    assert stored(page) == {"version": 1, "topics": {"gradients": "done", "matrices": "in-progress"}}
    assert status.inner_text() == "Replaced your progress with 2 topics."
    undo = page.locator('.rm-progress-tools button[data-progress="undo"]')
    assert page.evaluate("document.activeElement.dataset.progress") == "undo", "focus stays with the import"
    undo.click()
    assert stored(page) == mine and undo.is_hidden()
    assert status.inner_text() == "Undone: your progress is as it was before."


def test_a_full_storage_is_reported_not_hidden(new_page: Callable[..., Any], site_url: str, tmp_path: Path) -> None:
    page = new_page()
    page.add_init_script(
        """Storage.prototype.setItem = function () {
             throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""
    )
    page.goto(site_url + "planner/")
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"version": 1, "topics": {"vectors": "done"}}), encoding="utf-8")
    page.locator('.rm-progress-tools input[data-progress="import"]').set_input_files(path)
    page.locator('.rm-progress-review button[data-progress="merge"]').click()
    assert page.locator(".rm-progress-tools .rm-progress-status").inner_text() == (
        "Merged progress on 1 topic into yours. Not saved: this browser's storage for the site is full; it is kept in this tab until you close it."
    )


def test_progress_in_one_tab_shows_in_another(new_page: Callable[..., Any], site_url: str) -> None:
    first = new_page()
    first.goto(site_url + "learn/roadmap/")
    second = first.context.new_page()
    second.on("console", lambda m: first.guard.errors.append(m.text) if m.type == "error" else None)
    second.goto(site_url + "learn/topics/gradients/")
    mark(second, "gradients", "done")
    first.wait_for_function("() => document.querySelector('a.rm-node[data-topic=gradients]').classList.contains('is-done')")


def test_corrupt_storage_does_not_break_pages(page: Any, site_url: str) -> None:
    page.goto(site_url + "about/")
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json'); localStorage.setItem('mfml-planner-v1', '[]')")
    page.goto(site_url + "learn/topics/gradients/")
    assert pressed(page) == {}
    mark(page, "gradients", "done")
    assert stored(page) == {"version": 1, "topics": {"gradients": "done"}}
    page.goto(site_url + "planner/")
    page.locator(".rm-planner-form").wait_for(state="visible")
    assert page.locator(".rm-plan-summary").inner_text() == "Choose at least one goal to see your plan."
