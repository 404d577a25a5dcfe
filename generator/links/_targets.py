"""Which URLs to check: every resource, the resources changed since a git revision, or a plain list."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ._verdicts import Target

if TYPE_CHECKING:  # the graph pulls in pydantic; a --urls-from run never needs it
    from generator.kb.roadmap import Roadmap


_SPACE = re.compile(r"\s")


class TargetError(Exception):
    """The targets cannot be collected as asked (a usage error)."""


def roadmap_targets(roadmap: Roadmap, only: Iterable[str] | None = None) -> list[Target]:
    """One target per resource URL, tied to the line its `url:` is written on."""
    wanted = None if only is None else set(only)
    targets = []
    for rid, resource in sorted(roadmap.resources.items()):
        if wanted is not None and rid not in wanted:
            continue
        position = roadmap.url_position(rid)
        targets.append(Target(resource.url, rid, f"{position.path}:{position.line}"))
    return targets


def list_targets(source: str) -> list[Target]:
    """Targets from a file (or `-` for stdin) with one URL a line; blank lines and `#` comments skipped.

    Each target's location is `FILE:LINE`. A repeated URL is checked once, at its first line.
    Raises TargetError listing every line that is not an http(s) URL.
    """
    name = "<stdin>" if source == "-" else source
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise TargetError(f"cannot read --urls-from {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise TargetError(f"--urls-from {source} is not UTF-8 text") from None
    targets: dict[str, Target] = {}
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        try:
            parts = urlsplit(url)
            ok = parts.scheme in ("http", "https") and bool(parts.hostname) and _SPACE.search(url) is None
        except ValueError:
            ok = False
        if not ok:
            problems.append(f"{name}:{number}: `{url[:80]}` is not an http(s) URL")
            continue
        targets.setdefault(url, Target(url, None, f"{name}:{number}"))
    if problems:
        raise TargetError("\n".join(problems))
    return list(targets.values())


def changed_resources(root: Path, revision: str) -> list[str]:
    """Ids of resources whose files differ from `revision` (committed, staged, or not yet
    committed, untracked new files included) and still exist."""
    git = ["git", "-C", str(root)]

    def run(*args: str) -> str:
        try:
            done = subprocess.run([*git, *args], capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise TargetError("--changed-since needs git, which is not installed") from None
        if done.returncode != 0:
            raise _git_error(done.stderr, revision, root)
        return done.stdout

    run("rev-parse", "--git-dir")
    # Diff against the resolved commit id, never the raw text: a "revision" like `--output=x`
    # must not reach git as an option.
    commit = run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").strip()
    # --relative: paths come out relative to root, which may be a subfolder of the repository.
    changed = run("diff", "--name-only", "--no-renames", "--relative", commit, "--", "resources/").splitlines()
    changed += run("ls-files", "--others", "--exclude-standard", "--", "resources/").splitlines()
    ids = set()
    for path in changed:
        file = Path(path)
        if file.parent.as_posix() == "resources" and file.suffix == ".yml" and (root / file).is_file():
            ids.add(file.stem)
    return sorted(ids)


def _git_error(stderr: str, revision: str, root: Path) -> TargetError:
    text = stderr.strip()
    if "not a git repository" in text.lower():
        return TargetError(f"--changed-since needs a git repository, and {root} is not in one")
    if text == "" or "unknown revision" in text or "bad revision" in text or "Needed a single revision" in text:
        return TargetError(
            f"--changed-since: `{revision}` is not a commit in this repository (in CI, fetch it first, e.g. `fetch-depth: 0`)"
        )
    return TargetError(f"--changed-since: git failed: {text.splitlines()[-1] if text else 'no message'}")
