"""Formulas as the browser lays them out, in both engines' builds: MathML with the site's own
maths font (a fraction's numerator above its denominator, a matrix's columns aligned), display
formulas that scroll inside their box on a phone; and pages built from hostile text open with
no script running (a dialog listener sees nothing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

from site_project import FIXTURES, copy_project


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def engine_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str]) -> str:
    tmp = tmp_path_factory.mktemp(f"formulas-{request.param}")
    project = copy_project(tmp / "project", FIXTURES / "mini")
    out = tmp / "site"
    assert main(["build", "--root", str(project), "--engine", request.param, "--out", str(out)]) == 0
    return serve(out)


BOXES = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom, right: r.right}; };
  const math = document.querySelector('.rm-math math');
  const frac = math.querySelector('mfrac');
  const rows = [...math.querySelectorAll('mtable mtr')].map((tr) => [...tr.children].map(box));
  return {
    font: getComputedStyle(math).fontFamily,
    loaded: document.fonts.check('16px "STIX Two Math"'),
    num: box(frac.children[0]), den: box(frac.children[1]), rows,
  };
}"""


def test_a_fraction_and_a_matrix_are_laid_out_as_mathematics(new_page: Callable[..., Any], engine_site: str) -> None:
    page = new_page(base=engine_site)
    page.goto(engine_site + "learn/topics/matrices/")
    page.evaluate("document.fonts.ready")
    page.wait_for_function("document.fonts.check('16px \"STIX Two Math\"')")
    found = page.evaluate(BOXES)
    assert "STIX Two Math" in found["font"] and found["loaded"]
    num, den = found["num"], found["den"]
    assert num["bottom"] <= den["y"] + 1, (num, den)  # the numerator sits above the denominator
    assert abs((num["x"] + num["w"] / 2) - (den["x"] + den["w"] / 2)) < 2  # both centred on the bar
    rows = found["rows"]
    assert len(rows) == 2 and all(len(row) == 2 for row in rows)
    for column in range(2):  # each column's cells line up, and rows stack downwards
        assert abs(rows[0][column]["x"] - rows[1][column]["x"]) < 1, rows
    assert rows[0][0]["bottom"] <= rows[1][0]["y"] + 1
    assert rows[0][0]["right"] <= rows[0][1]["x"] + 0.5


def test_a_long_display_formula_scrolls_in_its_box_not_the_page(new_page: Callable[..., Any], engine_site: str) -> None:
    page = new_page(width=390, height=844, base=engine_site)
    page.goto(engine_site + "learn/topics/matrices/")
    page.evaluate("document.fonts.ready")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the screen"
    widths = page.evaluate("[...document.querySelectorAll('.rm-math')].map((b) => [b.scrollWidth, b.clientWidth])")
    assert any(scroll > client for scroll, client in widths), widths  # the long one scrolls
    # The plain forms are there for search, not for readers or screen readers.
    assert page.evaluate("[...document.querySelectorAll('.rm-plain')].every((s) => s.offsetParent === null)")


def test_pages_built_from_hostile_text_run_no_script(
    new_page: Callable[..., Any], serve: Callable[[Path], str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp = tmp_path_factory.mktemp("hostile")
    project = copy_project(tmp / "project", FIXTURES / "escaping")
    out = tmp / "site"
    assert main(["build", "--root", str(project), "--out", str(out)]) == 0
    base = serve(out)
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("index.html") if "learn/" in p.as_posix() or p.parent == out)
    assert any("topics/escaping" in p for p in pages)
    dialogs: list[str] = []
    page = new_page(base=base)

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    for path in pages:
        page.goto(base + path)
        page.wait_for_load_state("load")
        for element in page.query_selector_all("a, [tabindex], details, button")[:50]:
            element.focus()
        handlers = page.evaluate(
            "[...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + ' ' + a.name))"
        )
        assert handlers == [], (path, handlers)
        scripts = page.evaluate("[...document.scripts].map((s) => s.textContent).filter((t) => t.includes('alert'))")
        assert scripts == [], (path, scripts)
    assert dialogs == [], dialogs
