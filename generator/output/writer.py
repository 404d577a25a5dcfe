"""Writing the generated files: a folder written aside and swapped in, with a manifest.

The files are written into a folder beside the target and swapped in at the end, so a
failure leaves the previous pages as they were; a `.generated` manifest (path and SHA-256
of every file we wrote) lets us refuse to replace anything we did not write.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from generator import sizes, status
from generator.kb.roadmap import Roadmap
from generator.links.report_file import LinkReport
from generator.output.project import SiteError, show
from generator.output.staging import (
    aside,
    check_writable,
    clean_leftovers,
    mark,
    swap_in as swap_in,  # tests replace it here
)
from generator.parallel import cores, map_on_cores
from generator.render import site as rendered

MANIFEST = ".generated"

_MANIFEST_HEAD = (
    "# Written by `roadmap generate`: every file listed here is rebuilt from the YAML on each run.\n"
    "# Edit roadmap/*.yml and resources/*.yml instead; a file not listed here stops the generator.\n"
)

Job = tuple[str, Callable[[], str]]  # a relative path, and what makes its text


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest_text(digests: Mapping[str, str]) -> str:
    return _MANIFEST_HEAD + "".join(f"{digest}  {rel}\n" for rel, digest in sorted(digests.items()))


def read_manifest(folder: Path) -> dict[str, str] | None:
    """The manifest of `folder` (relative path -> SHA-256), or None when it has none."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            digest, _, rel = line.partition("  ")
            entries[rel] = digest
    return entries


def _files_under(folder: str, prefix: str = "") -> Iterator[tuple[str, str, bool]]:
    """(path relative to the top, full path, whether it is a regular file) of everything but
    folders below `folder`, sorted by name at each level. A link is not a regular file, nor
    is a link to a folder followed."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _files_under(entry.path, f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name, entry.path, entry.is_file(follow_symlinks=False)


def _file_digest(path: str) -> str:
    with open(path, "rb") as file:
        return _digest(file.read())


def check_ours(out: Path) -> dict[str, str]:
    """The manifest of `out` if every file in it was written by us and is unchanged since.

    Raises SiteError naming the files that stop us: anything not in the manifest (a
    hand-written page, or a folder that was never ours) and generated files edited by hand.
    """
    if not out.exists():
        return {}
    if not out.is_dir():
        raise SiteError(f"{show(out)} is a file, not a folder; pass --out with a folder for the generated pages")
    manifest = read_manifest(out)
    foreign, ours = [], []
    for rel, path, regular in _files_under(str(out)):
        if rel == MANIFEST:
            continue
        if manifest is None or rel not in manifest or not regular:
            foreign.append(rel)
        else:
            ours.append((rel, path))
    digests = [_file_digest(path) for _, path in ours]
    edited = [rel for (rel, _), digest in zip(ours, digests) if manifest is not None and digest != manifest[rel]]
    if foreign:
        shown = "\n".join(f"  {show(out / rel)}" for rel in foreign[:10])
        more = f"\n  ... and {len(foreign) - 10} more" if len(foreign) > 10 else ""
        raise SiteError(
            f"{show(out)} holds files that `roadmap generate` did not write, and it never replaces those:\n{shown}{more}\n"
            "Move them elsewhere (hand-written pages belong beside this folder, not in it), "
            "or pass --out with an empty folder or one made by `roadmap generate`."
        )
    if edited:
        shown = "\n".join(f"  {show(out / rel)}" for rel in edited[:10])
        raise SiteError(
            f"these generated files were edited by hand, and generating again would lose the edits:\n{shown}\n"
            "Make the change in roadmap/*.yml or resources/*.yml (the pages are made from them), "
            "then delete the edited files and run the command again."
        )
    return manifest or {}


def _write_file(path: str | Path, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)


def _check_path(rel: str) -> None:
    if rel.startswith(("/", ".")) or ".." in rel.split("/") or rel == MANIFEST:
        raise ValueError(f"refusing to write outside the generated folder: {rel!r}")


def _make_and_write(staged: str, made: set[str], job: Job) -> tuple[str, str]:
    """Make one file's text, write it under the folder `staged` (a path ending in "/"), and
    return its path and digest. `made`: the folders this process has made already.

    Every file is a new one in the staging folder, never a link to the folder being
    replaced: a child that fails half-way has its share written again here, and that
    second write must only ever touch a file of the staging folder."""
    rel, make = job
    data = make().encode("utf-8")
    folder = rel.rpartition("/")[0]
    if folder and folder not in made:
        # Another process may be making a shared parent (topics/) at the same moment.
        os.makedirs(staged + folder, exist_ok=True)
        made.add(folder)
    _write_file(staged + rel, data)
    return rel, _digest(data)


def write_jobs(out: Path, jobs: Sequence[Job], *, parallel_from: int | None = None) -> bool:
    """Make and write every file of `jobs` as the whole content of `out`, atomically.

    The files are written into a folder beside `out` that is swapped in at the end, so a
    failure (or Ctrl-C) leaves `out` as it was. With at least `parallel_from` jobs they are
    made and written on every core: each forked child writes its own share and sends back
    only digests, so the pages never travel between processes.
    Returns False, and `out` is untouched, when it already held exactly these files.
    Raises SiteError when `out` holds something we did not write (see `check_ours`).
    """
    try:
        return _write_jobs(out, jobs, parallel_from)
    finally:
        status.clear()


def _write_jobs(out: Path, jobs: Sequence[Job], parallel_from: int | None) -> bool:
    for rel, _ in jobs:
        _check_path(rel)
    if out.exists():
        status.show(f"checking the pages already in {show(out)}", size=len(jobs))
    current = check_ours(out)
    check_writable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out.parent)
    staged = aside(out, "tmp")
    spread = parallel_from is not None and len(jobs) >= parallel_from and cores() > 1
    status.show(f"making {len(jobs):,} pages" + (f" on {cores()} cores" if spread else ""), size=len(jobs))
    try:
        staged.mkdir()
        mark(staged)
        write = functools.partial(_make_and_write, f"{staged}{os.sep}", set())
        if parallel_from is None:
            written = [write(job) for job in jobs]
        else:
            written = map_on_cores(write, jobs, min_items=parallel_from)
        digests = dict(written)
        if current == digests and (out / MANIFEST).is_file():
            shutil.rmtree(staged, ignore_errors=True)
            return False
        # The manifest goes last: a folder with one is complete.
        _write_file(staged / MANIFEST, _manifest_text(digests).encode("utf-8"))
        swap_in(staged, out)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return True


def write_generated(out: Path, files: Mapping[str, str]) -> bool:
    """Write `files` (relative path -> text) as the whole content of `out`, atomically (see `write_jobs`)."""
    return write_jobs(out, [(rel, functools.partial(str, text)) for rel, text in sorted(files.items())])


def generate(roadmap: Roadmap, out: Path, report: LinkReport | None = None) -> bool:
    """Render every page and write them into `out`; True if anything changed."""
    return write_jobs(out, rendered.site_jobs(roadmap, report), parallel_from=sizes.PARALLEL_PAGES)
