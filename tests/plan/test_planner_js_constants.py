"""planner.js copies two plan constants from Python; they must not drift (tests/plan/test_planner_node.py
and the browser parity test check behaviour). Its vocabulary and ranking come in roadmap.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.plan import rules as plan

JS = Path(__file__).resolve().parents[2] / "site" / "assets" / "js"


def js_constant(name: str, text: str | None = None) -> object:
    source = text if text is not None else (JS / "planner.js").read_text(encoding="utf-8")
    match = re.search(rf"^\s*var {name} = (.+?);$", source, re.M)
    assert match, f"planner.js has no `var {name} = ...;`"
    return json.loads(match.group(1))


def test_constants_match_python() -> None:
    assert js_constant("EPSILON") == plan.EPSILON
    assert js_constant("DEFAULT_MAX_RESOURCES") == plan.DEFAULT_MAX_RESOURCES


def test_storage_keys_follow_the_site_contract() -> None:
    assert js_constant("STORAGE_KEY") == "mfml-planner-v1"
    progress = (JS / "progress.js").read_text(encoding="utf-8")
    assert js_constant("KEY", progress) == "mfml-progress-v1"


def test_scripts_ask_no_other_host() -> None:
    for name in ("planner.js", "timetable.js", "placement.js", "progress.js", "progress-tools.js", "exercises.js", "viewer.js", "a11y.js"):
        source = (JS / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://", source), f"{name} names an absolute URL"
        assert "import(" not in source and "importScripts" not in source


def test_timetable_js_keeps_no_review_numbers() -> None:
    """The review gaps, share and hours come in roadmap.json's `review` entry (generator/render/data.py)."""
    source = (JS / "timetable.js").read_text(encoding="utf-8")
    for name in ("gaps", "share", "fraction", "step", "min_hours", "max_hours", "max_weeks"):
        assert f"review.{name}" in source, f"timetable.js does not read review.{name} from roadmap.json"
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S).replace("+ 0.5)", ")")  # comments; rounding half up
    found = re.findall(r"(?<![\w.])(0\.5|0\.25|0\.1|21|60|2000)(?![\w.])", code)
    assert not found, f"timetable.js names review numbers of its own: {found}"
