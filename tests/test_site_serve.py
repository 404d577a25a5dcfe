"""`roadmap serve`: serves on 127.0.0.1, regenerates on YAML changes, survives data errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from site_project import copy_project

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(check: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def fetch(url: str) -> str | None:
    try:
        response = httpx.get(url, timeout=2.0)
    except httpx.HTTPError:
        return None
    return response.text if response.status_code == 200 else None


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """A project served by `roadmap serve`: (project folder, base URL, file with its stderr)."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--root", str(project), "--port", str(port), "--interval", "0.2"],
            cwd=project,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_for(lambda: fetch(base + "learn/topics/vectors/") is not None, "the first build")
            yield project, base, log
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_serve_regenerates_on_changes_and_keeps_the_last_good_site(served: tuple[Path, str, Path]) -> None:
    project, base, log = served
    page = base + "learn/topics/vectors/"
    assert "Vectors" in (fetch(page) or "")
    assert "livereload" in (fetch(page) or "")  # the engine reloads the browser after a rebuild

    topic = project / "roadmap" / "vectors.yml"
    original = topic.read_text(encoding="utf-8")
    topic.write_text(original.replace("title: Vectors", "title: Vectors and arrows"), encoding="utf-8")
    wait_for(lambda: "Vectors and arrows" in (fetch(page) or ""), "the change to show")

    # A data error: printed with its position, and the last good pages stay up.
    topic.write_text(original.replace("area: linear-algebra", "area: linear-algebro"), encoding="utf-8")
    wait_for(lambda: "roadmap/vectors.yml:3:7: error[choice]:" in log.read_text(encoding="utf-8"), "the positioned error")
    assert "last good pages" in log.read_text(encoding="utf-8")
    time.sleep(1.0)
    assert "Vectors and arrows" in (fetch(page) or "")

    # Fixed again: served again.
    topic.write_text(original.replace("title: Vectors", "title: Vectors, fixed"), encoding="utf-8")
    wait_for(lambda: "Vectors, fixed" in (fetch(page) or ""), "the fix to show")

    # A new resource file is picked up too.
    (project / "resources" / "new-book.yml").write_text(
        "title: A New Book\nkind: book\nurl: https://example.org/new\nprovider: Example\ncost: paid\nlevel: advanced\n"
        "description: New.\ncovers:\n  - topic: vectors\n    sections: Ch. 9\n",
        encoding="utf-8",
    )
    wait_for(lambda: fetch(base + "learn/resources/new-book/") is not None, "the new resource page")
    assert "A New Book" in (fetch(page) or "")


def test_serve_refuses_to_start_on_bad_data_with_nothing_to_show(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "roadmap" / "vectors.yml").write_text("title: [\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--root", str(project), "--port", str(free_port())],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "roadmap/vectors.yml:" in done.stderr


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc")
def test_serve_stops_the_engine_when_terminated(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(project), "--port", str(port)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/") is not None, "the first build")
        engines = [int(pid) for pid in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()]
        assert engines
        process.terminate()
        assert process.wait(timeout=15) == 128 + 15
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    for pid in engines:
        # Stopped and reaped by serve; an orphan would live on, adopted by init.
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
