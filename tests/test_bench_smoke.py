"""bench/ keeps working: the scale harness runs end to end on a tiny synthetic knowledge base.

No timing is asserted: the figures only have to be there. (bench/README.md has the real ones.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.kb.loading import load_roadmap

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import synth  # noqa: E402


def test_synthetic_knowledge_base_is_valid_and_shaped_as_asked(tmp_path: Path) -> None:
    synth.write(tmp_path / "kb", 50, 200)
    roadmap = load_roadmap(tmp_path / "kb")
    assert len(roadmap.topics) == 50 and len(roadmap.resources) == 200
    assert {t.stage for t in roadmap.topics.values()} == set(synth.TOPIC_STAGES)
    assert max(len(roadmap.ancestors(tid)) for tid in roadmap.topics) >= 10  # long chains
    assert all(roadmap.covering[tid] for tid in roadmap.topics)


def test_scale_harness_measures_every_step(tmp_path: Path) -> None:
    out = tmp_path / "scale.json"
    done = subprocess.run(
        [sys.executable, "bench/scale.py", "--sizes", "50", "--runs", "1", "--no-real", "--build-up-to", "0", "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    steps = {(f["what"], f["n"]) for f in data["figures"]}
    assert steps == {("validate", 50), ("generate", 50), ("layout", 50), ("plan", 50)}
    assert all(f["wall"] > 0 and f["peak_mb"] > 0 for f in data["figures"])
    assert set(data["machine"]) >= {"cores", "cpu", "python", "commit"}
    assert "| 50 |" in done.stdout


@pytest.mark.skipif(not (REPO / ".git").exists() or shutil.which("git") is None, reason="compares two git revisions")
def test_ab_harness_compares_two_versions_run_by_run(tmp_path: Path) -> None:
    out = tmp_path / "ab.json"
    done = subprocess.run(
        [sys.executable, "bench/ab.py", "HEAD", "--topics", "30", "--rounds", "1", "--out", str(tmp_path), "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    runs = json.loads(out.read_text(encoding="utf-8"))["runs"]
    assert sorted((r["version"], r["command"]) for r in runs) == [
        ("base", "generate"), ("base", "validate"), ("new", "generate"), ("new", "validate"),
    ]  # fmt: skip
    assert all(r["wall"] > 0 and r["peak_mb"] > 0 for r in runs)
    assert "| generate | new |" in done.stdout
    # Its worktree and the pages it wrote are gone again.
    worktrees = subprocess.run(["git", "worktree", "list"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "roadmap-ab-" not in worktrees
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ab.json"]


def test_variants_harness_compares_each_setting_with_the_base(tmp_path: Path) -> None:
    out = tmp_path / "variants.json"
    done = subprocess.run(
        [
            sys.executable,
            "bench/variants.py",
            "--sizes",
            "30",
            "--rounds",
            "1",
            "--commands",
            "validate,generate,regenerate",
            "--json",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert {(r["command"], r["variant"]) for r in rows} == {
        (command, variant)
        for command in ("validate", "generate", "regenerate")
        for variant in ("base", "serial-load", "serial-pages", "no-gc-pause")
    }
    assert all(r["walls"][0] > 0 and r["cpus"][0] > 0 for r in rows)
    assert "| 30 | generate | serial-pages |" in done.stdout


def test_drawing_bench_measures_the_drawn_edges() -> None:
    from bench import drawing
    from generator.render import svg

    roadmap = load_roadmap(REPO / "tests" / "fixtures" / "mini")
    found = drawing.measure(svg.layout_for(roadmap, roadmap.topics, svg.ROADMAP_OPTIONS))
    assert found["crossings"] == 0 and found["edges_over_1000"] == 0
    assert isinstance(found["total_length"], int) and found["total_length"] > 0
    assert isinstance(found["longest"], int) and found["longest"] <= found["total_length"]
    # Two crossing edges are counted once.
    line = drawing.sampled([(0.0, 0.0), (100.0, 100.0)])
    assert line[0] == (0.0, 0.0) and line[-1] == (100.0, 100.0) and len(line) == drawing.SAMPLES + 1
