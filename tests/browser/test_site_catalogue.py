"""Catalogue filters: cost, level, kind, area and text together; the full table without JavaScript."""

from __future__ import annotations

from typing import Any

from generator.kb.roadmap import Roadmap


def visible_rows(page: Any) -> list[str]:
    rows = page.locator("table[data-rm-catalogue] tbody tr:not(.rm-empty)")
    return sorted(rows.evaluate_all("rows => rows.filter(r => !r.hidden).map(r => r.querySelector('a.rm-title').getAttribute('href'))"))


def test_filters_hide_what_they_should(page: Any, site_url: str, site_roadmap: Roadmap) -> None:
    page.goto(site_url + "learn/catalogue/")
    form = page.locator("form[data-rm-filters]")
    assert form.is_visible()
    assert len(visible_rows(page)) == len(site_roadmap.resources)

    form.locator("select[name=cost]").select_option("free-to-audit")
    assert visible_rows(page) == ["../resources/ml-course/"]
    assert form.locator("[data-rm-count]").inner_text() == "1 of 4 resources"
    assert "cost=free-to-audit" in page.url

    form.locator("select[name=cost]").select_option("free")
    form.locator("select[name=area]").select_option("calculus")
    assert visible_rows(page) == ["../resources/calculus-videos/"]
    form.locator("select[name=kind]").select_option("book")
    assert visible_rows(page) == []
    assert page.locator("tr.rm-empty").is_visible()

    page.locator("tr.rm-empty button[data-rm-reset]").click()
    page.wait_for_function("() => !document.querySelector('tr.rm-empty:not([hidden])')")
    assert len(visible_rows(page)) == len(site_roadmap.resources)

    form.locator("input[name=q]").fill("ada example")
    assert visible_rows(page) == ["../resources/la-book/"]
    form.locator("input[name=q]").fill("gradient")  # topic titles count too
    assert visible_rows(page) == ["../resources/calculus-videos/", "../resources/ml-course/"]


def test_a_filtered_view_can_be_shared(page: Any, site_url: str) -> None:
    page.goto(site_url + "learn/catalogue/?level=intermediate&area=machine-learning")
    assert visible_rows(page) == ["../resources/ml-course/"]
    assert page.locator("select[name=level]").input_value() == "intermediate"


def test_without_javascript_the_whole_table_shows(browser: Any, site_url: str, site_roadmap: Roadmap) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "learn/catalogue/")
        assert not page.locator("form[data-rm-filters]").is_visible()
        rows = page.locator("table[data-rm-catalogue] tbody tr:not(.rm-empty)")
        assert rows.count() == len(site_roadmap.resources)
        for i in range(rows.count()):
            assert rows.nth(i).is_visible()
    finally:
        context.close()
