"""The planner: finding topics by their other names, keeping the keyboard focus where it was,
few tab stops before the plan, no layout shift while it loads, and a drawing of its own."""

from __future__ import annotations

from typing import Any


def open_planner(page: Any, site_url: str, hash_: str = "") -> None:
    page.goto(site_url + "planner/" + hash_)
    page.locator(".rm-planner-form").wait_for(state="visible")


def wait_steps(page: Any, expected: list[str]) -> None:
    page.wait_for_function(
        "ids => JSON.stringify([...document.querySelectorAll('.rm-plan-steps li.rm-step')].map(li => li.dataset.topic)) === JSON.stringify(ids)",
        arg=expected,
    )


def focused(page: Any) -> dict[str, str]:
    result: dict[str, str] = page.evaluate(
        """() => { const a = document.activeElement; const item = a && a.closest('[data-topic]');
        return {tag: a ? a.tagName : '', act: a.getAttribute('data-act') || a.getAttribute('data-state') || a.id || '',
                topic: item ? item.getAttribute('data-topic') : '', text: (a.textContent || '').trim()}; }"""
    )
    return result


def test_search_finds_topics_by_their_aliases(page: Any, site_url: str) -> None:
    open_planner(page, site_url)
    search = page.locator("#rm-search")
    for query in ("GD", "steepest"):
        search.fill(query)
        shown = page.locator(".rm-topic-list li.rm-topic-row:not([hidden])").evaluate_all("els => els.map(e => e.dataset.topic)")
        assert shown == ["gradient-descent"], query
    search.fill("no such name")
    assert page.locator(".rm-topic-list li.rm-topic-row:not([hidden])").count() == 0


def test_the_topic_page_names_its_aliases_for_the_site_search(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/topics/gradient-descent/")
    assert page.locator(".rm-aliases").inner_text() == "Also called GD or steepest descent."
    index = page.request.get(site_url + "search/search_index.json").json()
    page_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("learn/topics/gradient-descent/"))
    assert "steepest descent" in page_text


def test_focus_stays_by_the_control_after_each_action(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradient-descent&known=&pace=6&rec=0")
    wait_steps(page, ["derivatives", "gradients", "gradient-descent"])
    step = '.rm-plan-steps li[data-topic="{}"] '
    # Progress buttons re-render the plan: the same button keeps the focus.
    page.locator(step.format("gradients") + 'button[data-state="done"]').focus()
    page.keyboard.press("Enter")
    assert focused(page) == {"tag": "BUTTON", "act": "done", "topic": "gradients", "text": "Done"}
    page.keyboard.press("Enter")
    page.locator(step.format("gradients") + 'button[data-state="in-progress"]').focus()
    page.keyboard.press("Enter")
    assert focused(page)["act"] == "in-progress" and focused(page)["topic"] == "gradients"
    # "I know this" offers the topic's exercises first: focus goes to the panel's heading.
    page.locator(step.format("gradients") + 'button[data-act="check-known"]').focus()
    page.keyboard.press("Enter")
    page.locator(".rm-placement .rm-exercise").first.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('rm-placement-heading')")
    # Counting it known takes the step (and what it requires) out: focus goes to the next step's.
    page.locator('.rm-placement button[data-place="known"]').focus()
    page.keyboard.press("Enter")
    wait_steps(page, ["gradient-descent"])
    assert focused(page) == {"tag": "BUTTON", "act": "check-known", "topic": "gradient-descent", "text": "I know this"}
    # Removing a chip: the next chip's remove button, and after the last one the search box.
    page.locator('.rm-chips[data-role="known"] button[data-act="remove-known"]').focus()
    page.keyboard.press("Enter")
    assert focused(page)["act"] == "rm-search"
    page.locator('.rm-chips[data-role="targets"] button[data-act="remove-target"]').focus()
    page.keyboard.press("Enter")
    assert focused(page)["act"] == "rm-search"


def test_the_topic_list_is_one_tab_stop_walked_by_arrow_keys(page: Any, site_url: str) -> None:
    open_planner(page, site_url, "#targets=gradient-descent&known=&pace=6&rec=0")
    wait_steps(page, ["derivatives", "gradients", "gradient-descent"])
    tabbable = page.locator(".rm-topic-list").evaluate("l => [...l.querySelectorAll('a, button')].filter(c => c.tabIndex >= 0).length")
    assert tabbable == 1
    page.locator("#rm-search").focus()
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["tag"] == "A"
    page.keyboard.press("ArrowRight")
    assert focused(page)["act"] == "target" and focused(page)["topic"] == first["topic"]
    page.keyboard.press("ArrowDown")
    second = focused(page)
    assert second["act"] == "target" and second["topic"] != first["topic"]
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")
    assert focused(page)["tag"] == "A"
    # From the top of the page, the plan's first link is a few tabs away, not one per topic.
    page.evaluate("() => document.activeElement.blur()")
    page.evaluate("() => window.scrollTo(0, 0)")
    count = 0
    while count < 80 and not page.evaluate("() => !!document.activeElement.closest('.rm-plan')"):
        page.keyboard.press("Tab")
        count += 1
    assert count < 40, count


def test_no_layout_shift_while_the_planner_loads(page: Any, site_url: str) -> None:
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.__shift += e.value; }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    open_planner(page, site_url, "#targets=gradient-descent&known=&pace=6&rec=0")
    wait_steps(page, ["derivatives", "gradients", "gradient-descent"])
    page.locator(".rm-plan-graph svg.rm-svg").wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.05


def test_the_drawing_comes_alone_not_with_the_roadmap_page(page: Any, site_url: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url.removeprefix(site_url)))
    open_planner(page, site_url, "#targets=gradient-descent&known=&pace=6&rec=0")
    graph = page.locator(".rm-plan-graph svg.rm-svg")
    graph.wait_for()
    assert "learn/data/roadmap.svg" in asked
    assert not [u for u in asked if u.startswith("learn/roadmap")]
    href = graph.locator('a.rm-node[data-topic="gradients"]').get_attribute("href")
    assert href == site_url + "learn/topics/gradients/"
    assert graph.locator("a.rm-node.in-plan").count() == 3
