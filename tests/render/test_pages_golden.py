"""Golden files: a few generated pages of tests/fixtures/mini, exactly as written.

The drawing is replaced by a stub so these files only change when the pages do (svg.py
has its own tests). After an intended change to the pages, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_pages_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.kb.loading import load_roadmap
from generator.kb.roadmap import Roadmap
from generator.links.report_file import parse_link_report
from generator.render import svg
from generator.render.site import render_site

HERE = Path(__file__).parent.parent
GOLDEN = HERE / "golden" / "mini"
REPORT = HERE / "golden" / "link-report.json"
CHECKED = [
    "roadmap/index.md",
    "topics/gradients/index.md",
    "topics/vectors/index.md",
    "topics/matrices/index.md",
    "resources/calculus-videos/index.md",
    "resources/forum/index.md",
    "stages/foundations/index.md",
    "stages/practice/index.md",
    "catalogue/index.md",
    "catalogue/books/index.md",
    "link-health/index.md",
    "data/roadmap.json",
]


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    roadmap = load_roadmap(HERE / "fixtures" / "mini")
    report = parse_link_report(json.loads(REPORT.read_text(encoding="utf-8")))
    with pytest.MonkeyPatch.context() as mp:

        def roadmap_stub(rm: Roadmap, href: svg.Href) -> str:
            return f'<svg class="rm-svg"><a href="{href("vectors")}">whole roadmap</a></svg>'

        def chain_stub(rm: Roadmap, tid: str, href: svg.Href) -> str:
            return f'<svg class="rm-svg rm-chain"><a href="{href(tid)}">chain of {tid}</a></svg>'

        mp.setattr(svg, "render_roadmap", roadmap_stub)
        mp.setattr(svg, "render_chain", chain_stub)
        return render_site(roadmap, report)


@pytest.mark.parametrize("path", CHECKED)
def test_golden(generated: dict[str, str], path: str) -> None:
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(generated[path], encoding="utf-8", newline="\n")
    assert golden.is_file(), f"{golden} is missing; run with UPDATE_GOLDEN=1 to write it"
    assert generated[path] == golden.read_text(encoding="utf-8"), (
        f"{path} differs from {golden.relative_to(HERE.parent)}; if the change is intended, "
        "regenerate with UPDATE_GOLDEN=1 (see this file's docstring) and review the diff"
    )
