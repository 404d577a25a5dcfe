"""Screenshots of the main page kinds at desktop and phone width, for people to look at, each
checked for what it shows: the page's own content is on screen, nothing is wider than the
screen, and the picture is a real page in the chosen colour scheme (not blank, not the other
scheme).

Saved to artifacts/screenshots/ (CI keeps the folder as an artefact). The fixture site and
the repository's own knowledge base (the roadmap people will see) are both shot.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageStat

from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap

from site_project import REPO, build_site


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    width: int
    height: int
    scheme: str
    full_page: bool
    open_viewer: bool = False  # tap "Open the roadmap graph" first (phones show the list first)


SHOTS = [
    Shot("roadmap-desktop", "learn/roadmap/", 1280, 900, "light", True),
    Shot("roadmap-phone", "learn/roadmap/", 390, 844, "light", True),
    Shot("roadmap-phone-viewer", "learn/roadmap/", 390, 844, "dark", False, open_viewer=True),
    Shot("roadmap-desktop-viewer", "learn/roadmap/", 1400, 900, "light", False, open_viewer=True),
    Shot("roadmap-desktop-dark", "learn/roadmap/", 1280, 900, "dark", False),
    Shot("home-phone", "", 390, 844, "light", False),
    Shot("topic-phone", "learn/topics/{topic}/", 390, 844, "light", False),
    Shot("catalogue-phone", "learn/catalogue/", 390, 844, "light", False),
]


def expect_content(page: Any, shot: Shot, roadmap: Roadmap, topic: str) -> None:
    """What each page kind must show before it is shot."""
    heading = page.locator("article h1").first
    assert heading.is_visible(), f"{shot.name}: no visible page heading"
    if shot.path.startswith("learn/roadmap/"):
        drawing = page.locator(".rm-graph svg.rm-svg").first
        assert drawing.locator("a.rm-node[data-topic]").count() == len(roadmap.topics)
        if shot.width < 720 and not shot.open_viewer:
            # A phone shows the list first, the viewer one tap away.
            assert page.locator("ol.rm-outline").is_visible(), f"{shot.name}: the list is not shown"
            assert page.get_by_role("button", name="Open the roadmap graph").is_visible()
        else:
            assert drawing.is_visible(), f"{shot.name}: the roadmap drawing is not shown"
    elif shot.path.startswith("learn/topics/"):
        assert heading.inner_text().strip() == roadmap.topics[topic].title
    elif shot.path.startswith("learn/catalogue/"):
        rows = page.locator("table.rm-resources tbody tr:not(.rm-empty)")
        assert rows.count() == min(len(roadmap.resources), 2000)
        assert rows.first.is_visible(), f"{shot.name}: the catalogue table is off screen"
    # Wide content (the drawing, tables) scrolls inside its own box; the page never does.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{shot.name}: the page is {overflow} px wider than the screen"


def expect_picture(png: bytes, shot: Shot) -> None:
    """The picture is as wide as the screen, not blank, and light or dark as asked."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.width == shot.width, f"{shot.name}: {image.width} px wide, not {shot.width}"
    assert image.height >= shot.height
    small = image.resize((max(1, image.width // 4), max(1, image.height // 4)))
    colours = small.getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 24, f"{shot.name}: only {len(colours or [])} colours: a blank page?"
    luminance = ImageStat.Stat(image.convert("L")).mean[0]
    if shot.scheme == "dark":
        assert luminance < 110, f"{shot.name}: mean luminance {luminance:.0f} is not a dark page"
    else:
        assert luminance > 170, f"{shot.name}: mean luminance {luminance:.0f} is not a light page"


def shoot(new_page: Callable[..., Any], base: str, roadmap: Roadmap, folder: Path, prefix: str) -> None:
    topic = next(iter(roadmap.topological_order()))
    for shot in SHOTS:
        page = new_page(width=shot.width, height=shot.height, color_scheme=shot.scheme, base=base)
        page.goto(base + shot.path.format(topic=topic))
        page.wait_for_load_state("networkidle")
        if shot.open_viewer:
            opener = page.get_by_role("button", name="Open the roadmap graph")
            if opener.is_visible():
                opener.click()
            else:
                page.locator(".rm-viewer").scroll_into_view_if_needed()
            page.locator(".rm-viewport svg.rm-svg a.rm-node[data-topic]").first.dispatch_event("click")
            page.locator(".rm-panel").wait_for(state="visible")
        expect_content(page, shot, roadmap, topic)
        png = page.screenshot(path=str(folder / f"{prefix}{shot.name}.png"), full_page=shot.full_page)
        expect_picture(png, shot)
        page.context.close()


def test_screenshots_of_the_fixture_site(new_page: Callable[..., Any], site_url: str, site_roadmap: Roadmap, screenshots: Path) -> None:
    shoot(new_page, site_url, site_roadmap, screenshots, "mini-")


# A formula-heavy page (display equations, matrices, inline formulas), as a learner sees it.
FORMULA_TOPIC = "singular-value-decomposition"
FORMULA_SHOTS = [
    Shot("formulas-desktop", f"learn/topics/{FORMULA_TOPIC}/", 1280, 900, "light", False),
    Shot("formulas-desktop-dark", f"learn/topics/{FORMULA_TOPIC}/", 1280, 900, "dark", False),
    Shot("formulas-phone", f"learn/topics/{FORMULA_TOPIC}/", 390, 844, "light", False),
]


def test_screenshots_of_the_real_roadmap(
    new_page: Callable[..., Any], serve: Callable[[Path], str], screenshots: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    roadmap = load_roadmap(REPO)
    base = serve(build_site(tmp_path_factory.mktemp("real-site"), REPO))
    shoot(new_page, base, roadmap, screenshots, "")
    for shot in FORMULA_SHOTS:
        page = new_page(width=shot.width, height=shot.height, color_scheme=shot.scheme, base=base)
        page.goto(base + shot.path)
        page.evaluate("document.fonts.ready")
        expect_content(page, shot, roadmap, FORMULA_TOPIC)
        first = page.locator(".rm-math").first
        first.scroll_into_view_if_needed()
        assert page.locator("math").count() > 10, "the page's formulas are not MathML"
        png = page.screenshot(path=str(screenshots / f"{shot.name}.png"))
        expect_picture(png, shot)
        page.context.close()


def test_the_picture_checks_catch_a_blank_page_and_the_wrong_scheme() -> None:
    def png(colour: tuple[int, int, int], width: int = 390) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (width, 844), colour).save(out, format="PNG")
        return out.getvalue()

    light = Shot("x", "", 390, 844, "light", False)
    with pytest.raises(AssertionError, match="blank"):
        expect_picture(png((255, 255, 255)), light)
    noisy = Image.effect_noise((390, 844), 60).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, format="PNG")
    with pytest.raises(AssertionError, match="not a light page"):
        expect_picture(out.getvalue(), light)
    with pytest.raises(AssertionError, match="px wide"):
        expect_picture(png((255, 255, 255), width=1280), light)
