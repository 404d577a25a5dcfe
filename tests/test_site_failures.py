"""What a failed or stopped `roadmap generate` and `roadmap build` leave: the previous pages and
site as they were, a one-line report, and no folder of ours behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import Result
from site_project import copy_project, tree

NOBODY = 65534


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder that another user may enter (pytest's own is private to us)."""
    folder = Path(tempfile.mkdtemp(prefix="roadmap-failures-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for dirpath, _, _ in os.walk(folder):
            os.chmod(dirpath, 0o755)
        shutil.rmtree(folder)


def _obeying_permissions(project: Path) -> dict[str, Any]:
    """How to run the CLI so that file permissions apply: as root they do not, so as nobody."""
    if os.geteuid() != 0:
        return {}
    for dirpath, dirnames, filenames in os.walk(project):
        for name in [dirpath, *(os.path.join(dirpath, n) for n in dirnames + filenames)]:
            os.chown(name, NOBODY, NOBODY, follow_symlinks=False)
    return {"user": NOBODY, "group": NOBODY, "extra_groups": []}


def _roadmap(project: Path, *args: str, **how: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args, "--root", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        **how,
    )


def _read_only(folder: Path) -> None:
    for dirpath, _, _ in os.walk(folder):
        os.chmod(dirpath, 0o555)


def _dot_entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_generate_into_a_read_only_folder_fails_and_leaves_nothing(open_tmp: Path) -> None:
    project = copy_project(open_tmp / "project")
    how = _obeying_permissions(project)
    assert _roadmap(project, "generate", **how).returncode == 0
    learn = project / "site" / "learn"
    before = tree(learn)
    _read_only(learn)
    vectors = project / "roadmap" / "vectors.yml"
    vectors.write_text(vectors.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1), encoding="utf-8")
    done = _roadmap(project, "generate", **how)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "roadmap generate: error: site/learn is read-only, so it cannot be replaced; "
        "make it writable (chmod -R u+w site/learn) or write somewhere else with --out"
    ]
    assert tree(learn) == before
    assert _dot_entries(project / "site") == []


@pytest.mark.slow
def test_build_into_a_read_only_site_fails_before_anything_changes(open_tmp: Path) -> None:
    project = copy_project(open_tmp / "project")
    how = _obeying_permissions(project)
    assert _roadmap(project, "build", **how).returncode == 0
    public, learn = project / "public", project / "site" / "learn"
    before_site, before_learn = tree(public), tree(learn)
    _read_only(public / "learn")
    vectors = project / "roadmap" / "vectors.yml"
    vectors.write_text(vectors.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1), encoding="utf-8")
    done = _roadmap(project, "build", **how)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "roadmap build: error: public/learn is read-only, so public cannot be replaced; "
        "make it writable (chmod -R u+w public) or write somewhere else with --out"
    ]
    assert tree(public) == before_site and tree(learn) == before_learn
    assert _dot_entries(project) == [] and _dot_entries(project / "site") == []


def test_a_previous_copy_that_cannot_be_removed_is_reported(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    assert run("generate", "--root", project).code == 0
    real_rmtree = shutil.rmtree

    def rmtree(path: str | Path, ignore_errors: bool = False) -> None:
        if ".learn.old-" not in str(path):
            return real_rmtree(path, ignore_errors=ignore_errors)
        if not ignore_errors:
            raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    vectors = project / "roadmap" / "vectors.yml"
    vectors.write_text(vectors.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1), encoding="utf-8")
    result = run("generate", "--root", project)
    [old] = (project / "site").glob(".learn.old-*")
    assert result.code == 1
    assert result.err.splitlines() == [
        f"roadmap generate: error: {project / 'site' / 'learn'} is replaced, but its previous copy {old} could not be removed "
        "(Permission denied); remove it by hand"
    ]
