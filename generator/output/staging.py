"""Folders on their way in or out: made beside their target, swapped in by two renames, and
never left behind by a run that was stopped.

A staging folder is named `.<target>.<what>-<8 hex digits>` and holds a marker file naming
the process that made it. SIGTERM (what CI sends to cancel) is handled like Ctrl-C, so the
`finally` and `except` blocks remove what the run made; a run killed outright (SIGKILL)
cannot, and the next run removes its folders: those with our name and our marker whose
process is gone.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.output.project import WriteError, show

MARKER = ".roadmap-staging"
_NAME = re.compile(r"\..+\.(?:tmp|old|zensical)-[0-9a-f]{8}")
_CONFIG_NAME = re.compile(r"\.roadmap-zensical-[0-9a-f]{8}\.yml")
_CONFIG_HEAD = "# roadmap build, process "


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: unwinds like Ctrl-C, so what the run made is removed on the way out."""


def _terminated(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the clean-up short
    raise Terminated


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated (in the main thread; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _process_id() -> str:
    """This process: its id and, where /proc tells it, its start time (ids are reused)."""
    try:
        started = Path(f"/proc/{os.getpid()}/stat").read_text().rpartition(")")[2].split()[19]
    except (OSError, IndexError):
        started = "?"
    return f"{os.getpid()} {started}"


def _alive(process: str) -> bool:
    """Whether the process a marker names still runs (when unsure: yes, so its folder stays)."""
    pid_text, _, started = process.partition(" ")
    if not pid_text.isdigit():
        return True
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    if started != "?" and Path("/proc/self/stat").exists():
        try:
            now = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[19]
        except (OSError, IndexError):
            return False
        return now == started
    return True


def aside(target: Path, what: str) -> Path:
    """A new name beside `target` for a folder on its way in or out."""
    # A dot-name beside the target: same file system (so rename is atomic), and
    # both engines skip dot-folders if the target is inside the docs folder.
    return target.parent / f".{target.name}.{what}-{secrets.token_hex(4)}"


def mark(folder: Path) -> None:
    """Mark `folder` as this run's staging folder (made if missing)."""
    folder.mkdir(exist_ok=True)
    (folder / MARKER).write_text(_process_id() + "\n", encoding="utf-8")


def unmark(folder: Path) -> None:
    (folder / MARKER).unlink(missing_ok=True)


def config_head() -> str:
    """The first line of a throwaway engine config, naming this run (see `clean_leftovers`)."""
    return f"{_CONFIG_HEAD}{_process_id()}\n"


def remove(folder: Path) -> None:
    """Delete a marked folder, its marker last: a run stopped half-way leaves it still marked."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == MARKER:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
    (folder / MARKER).unlink(missing_ok=True)
    folder.rmdir()


def clean_leftovers(folder: Path) -> None:
    """Remove from `folder` the staging folders and engine configs of runs that were killed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if _NAME.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                marker = Path(entry.path, MARKER)
                if marker.is_file() and not _alive(marker.read_text(encoding="utf-8").strip()):
                    remove(Path(entry.path))
            elif _CONFIG_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with open(entry.path, encoding="utf-8") as file:
                    head = file.readline()
                if head.startswith(_CONFIG_HEAD) and not _alive(head[len(_CONFIG_HEAD) :].strip()):
                    os.unlink(entry.path)
        except (OSError, UnicodeDecodeError):
            continue  # not ours after all, or not ours to remove: leave it


def check_writable(target: Path) -> None:
    """Raise WriteError unless we may replace the folder `target`: rename it away and delete
    everything in it. Called before anything is written, so a refusal leaves nothing behind."""
    folders = [target.parent]
    if target.is_dir() and not target.is_symlink():
        folders.append(target)
        for dirpath, dirnames, _ in os.walk(target):
            folders += [Path(dirpath, name) for name in sorted(dirnames)]
    for folder in folders:
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            if folder == target.parent:
                why, fix = f"so {show(target)} cannot be written there", f"chmod u+w {show(folder)}"
            else:
                why = "so it cannot be replaced" if folder == target else f"so {show(target)} cannot be replaced"
                fix = f"chmod -R u+w {show(target)}"
            raise WriteError(f"{show(folder)} is read-only, {why}; make it writable ({fix}) or write somewhere else with --out")


def swap_in(staged: Path, target: Path) -> None:
    """Replace `target` with the folder `staged` by two renames; on failure `target` is as before.
    Raises WriteError when a rename fails, or when the previous copy cannot be removed after."""
    unmark(staged)
    old = aside(target, "old") if target.exists() else None
    try:
        if old is not None:
            os.rename(target, old)
        try:
            os.rename(staged, target)
        except BaseException:
            if old is not None:
                os.rename(old, target)
            raise
    except OSError as exc:
        raise WriteError(f"cannot replace {show(target)}: {exc.strerror or exc}; it is left as it was") from None
    if old is not None:
        try:
            mark(old)
            remove(old)
        except OSError as exc:
            raise WriteError(
                f"{show(target)} is replaced, but its previous copy {show(old)} could not be removed ({exc.strerror or exc}); remove it by hand"
            ) from None
