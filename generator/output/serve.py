"""The live preview: the engine's own development server, and a watch on what the pages are made from.

The engine watches the docs folder and live-reloads the browser; we poll the YAML, the
link report and the hand-written pages, and call back when they change (the caller
regenerates `learn/`, the engine notices and reloads).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.output.engine import engine_env, serve_command
from generator.output.project import Project
from generator.output.report import DEFAULT_REPORT


def snapshot(root: Path, project: Project, report: Path | None) -> dict[str, tuple[int, int]]:
    """What we watch, with (mtime, size): the YAML, the link report and the hand-written pages."""
    paths = [*root.glob("roadmap/*.yml"), *root.glob("resources/*.yml")]
    if report is not None:
        paths.append(report)
    for dirpath, dirnames, filenames in os.walk(project.docs_dir):
        # Not the generated pages (we write them) nor dot-folders (our staging folders).
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and Path(dirpath, d) != project.generated]
        paths += [Path(dirpath, name) for name in filenames if not name.startswith(".")]
    out = {}
    for path in paths:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        out[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return out


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def engine_server(engine: str, project: Project, address: str) -> Iterator[subprocess.Popen[bytes]]:
    """The engine's development server on `address`, stopped when the block is left."""
    process = subprocess.Popen(serve_command(engine, project.config, address), cwd=project.folder, env=engine_env())
    try:
        # Stopped by SIGTERM (a test, a process manager): leave through `finally` like Ctrl-C
        # does, so the engine's server is stopped too instead of left running on its port.
        signal.signal(signal.SIGTERM, _terminated)
        yield process
    finally:
        _stop(process)


def watch(
    process: subprocess.Popen[bytes], root: Path, project: Project, report: Path | None, interval: float, changed: Callable[[], object]
) -> int:
    """Call `changed` whenever what the pages are made from changes and holds still, until
    the engine's server ends (its exit status) or Ctrl-C (0)."""
    seen = snapshot(root, project, report)
    try:
        while process.poll() is None:
            time.sleep(interval)
            now = snapshot(root, project, report)
            if now == seen:
                continue
            # Editors save in steps (truncate, write, rename): wait until the files hold still.
            while True:
                time.sleep(interval)
                settled = snapshot(root, project, report)
                if settled == now:
                    break
                now = settled
            seen = now
            if report is None and (root / DEFAULT_REPORT).is_file():
                report = root / DEFAULT_REPORT
            changed()
        return process.returncode or 0
    except KeyboardInterrupt:
        return 0
