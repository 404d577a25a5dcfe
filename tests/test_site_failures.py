"""What a failed or stopped `roadmap generate` and `roadmap build` leave: the previous pages and
site as they were, a one-line report, and no folder of ours behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
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


# -- stopped builds ------------------------------------------------------------------------

SLOW_HOOK = """
import pathlib, time

def on_post_build(config, **kwargs):
    # The site is written into the staging folder; the engine now holds still until stopped.
    pathlib.Path(config["config_file_path"]).with_name("engine-is-done").write_text("")
    time.sleep(120)
"""


def _slow_engine(project: Path) -> None:
    """Make mkdocs wait after writing the site, so a test can stop the build at that point."""
    (project / "slow_hook.py").write_text(SLOW_HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - slow_hook.py\n")


def _start_build(project: Path) -> tuple[subprocess.Popen[str], list[int]]:
    """`roadmap build` in a process of its own, once its engine has written the site; and the
    ids of every process below it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--root", str(project)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (project / "engine-is-done").exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the engine did not finish writing in 60 s"
        time.sleep(0.05)
    below, todo = [], [process.pid]
    while todo:
        pid = todo.pop()
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        below += children
        todo += children
    return process, below


def _gone(pid: int) -> bool:
    """Whether a process has ended (an orphan would live on, adopted by init)."""
    try:
        return "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
    except FileNotFoundError:
        return True


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc")


@pytest.mark.slow
@needs_proc
def test_a_build_stopped_by_sigterm_stops_its_engine_and_leaves_the_previous_site(run: Callable[..., Result], tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert run("build", "--root", project).code == 0
    public = project / "public"
    before = tree(public)
    _slow_engine(project)
    process, below = _start_build(project)
    try:
        assert below, "the engine runs in a child process"
        assert list(project.glob(".public.tmp-*")), "the site is staged beside public/"
        process.terminate()  # what CI sends to cancel a job
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    survivors = [pid for pid in below if not _gone(pid)]
    for pid in survivors:  # not left running when the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
    assert process.returncode == 128 + 15
    assert err.splitlines() == ["roadmap build: terminated; the previous site in public/ is untouched"]
    assert tree(public) == before
    assert _dot_entries(project) == [] and _dot_entries(project / "site") == []


@pytest.mark.slow
@needs_proc
def test_what_a_killed_build_left_is_removed_by_the_next_one(run: Callable[..., Result], tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert run("build", "--root", project).code == 0
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    _slow_engine(project)
    process, below = _start_build(project)
    process.kill()  # SIGKILL: nothing of ours runs after it
    process.communicate()
    for pid in below:  # its engine, orphaned: not what this test is about
        os.kill(pid, signal.SIGKILL)
    [left] = project.glob(".public.tmp-*")
    assert (left / "index.html").is_file()
    # Look-alikes that are not a dead run's: without our marker, and one of a running process.
    unmarked = project / ".public.tmp-0123abcd"
    unmarked.mkdir()
    running = project / "site" / ".learn.tmp-89abcdef"
    running.mkdir()
    (running / ".roadmap-staging").write_text(f"{os.getpid()} ?\n", encoding="utf-8")
    # And what a killed `generate` left beside the pages (its process is gone too).
    finished = subprocess.Popen([sys.executable, "-c", ""])
    finished.wait()
    generate_left = project / "site" / ".learn.old-fedcba98"
    (generate_left / "topics").mkdir(parents=True)
    (generate_left / ".roadmap-staging").write_text(f"{finished.pid} ?\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run("build", "--root", project)
    assert result.code == 0, result.err
    assert _dot_entries(project) == [".public.tmp-0123abcd"]
    assert _dot_entries(project / "site") == [".learn.tmp-89abcdef"]
