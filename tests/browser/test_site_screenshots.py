"""Screenshots of the roadmap page at desktop and phone width, for people to look at.

Saved to artifacts/screenshots/ (CI keeps the folder as an artefact). The fixture site is
always shot; the repository's own knowledge base too when it validates, since that is the
roadmap people will see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.problems import DataError
from site_project import REPO, build_site

SHOTS = [
    # (name, path, width, height, colour scheme, whole page?)
    ("roadmap-desktop", "learn/roadmap/", 1280, 900, "light", True),
    ("roadmap-phone", "learn/roadmap/", 390, 844, "light", True),
    ("roadmap-desktop-dark", "learn/roadmap/", 1280, 900, "dark", False),
    ("home-phone", "", 390, 844, "light", False),
    ("topic-phone", "learn/topics/gradients/", 390, 844, "light", False),
    ("catalogue-phone", "learn/catalogue/", 390, 844, "light", False),
]


def shoot(new_page: Callable[..., Any], base: str, folder: Path, prefix: str) -> list[Path]:
    saved = []
    for name, path, width, height, scheme, full in SHOTS:
        page = new_page(width=width, height=height, color_scheme=scheme, base=base)
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        target = folder / f"{prefix}{name}.png"
        page.screenshot(path=str(target), full_page=full)
        saved.append(target)
        page.context.close()
    return saved


def test_screenshots_of_the_fixture_site(new_page: Callable[..., Any], site_url: str, screenshots: Path) -> None:
    for shot in shoot(new_page, site_url, screenshots, "mini-"):
        assert shot.stat().st_size > 10_000, shot


def test_screenshots_of_the_real_roadmap(
    new_page: Callable[..., Any], serve: Callable[[Path], str], screenshots: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    try:
        roadmap = load_roadmap(REPO)
    except DataError:
        pytest.skip("the repository's knowledge base does not validate right now (test_knowledge_base.py says why)")
    if not roadmap.topics:
        pytest.skip("the repository has no topics yet")
    base = serve(build_site(tmp_path_factory.mktemp("real-site"), REPO))
    for shot in shoot(new_page, base, screenshots, ""):
        assert shot.stat().st_size > 10_000, shot
