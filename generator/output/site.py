"""`roadmap generate`, `roadmap build` and `roadmap serve`: the generated pages and the site.

- generate: render every page (`render.site.site_jobs`) and write them into the docs folder's
  `learn/` part. The folder is written aside and swapped in, so a failure leaves the
  previous pages as they were, and a `.generated` manifest (path and SHA-256 of every
  file we wrote) lets us refuse to replace anything we did not write.
- build: generate, then run the engine (mkdocs-material, `--strict`; or Zensical) into a
  folder beside the output and swap it in, so a failed build leaves the last site up.
- serve: generate, start the engine's own development server (it watches the docs
  folder and live-reloads the browser), and poll the YAML for changes: we regenerate
  `learn/`, the engine notices and reloads. Data errors are printed and the last good
  pages stay.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import status
from generator.kb.roadmap import Roadmap
from generator.links.report_file import LinkReport, LinkReportError, parse_link_report
from generator.parallel import cores, map_on_cores
from generator.render import site as rendered

MANIFEST = ".generated"
SITE_MARKER = ".roadmap-build"
ENGINES = ("mkdocs", "zensical")
DEFAULT_REPORT = "link-report.json"
GENERATED_FOLDER = "learn"

_MANIFEST_HEAD = (
    "# Written by `roadmap generate`: every file listed here is rebuilt from the YAML on each run.\n"
    "# Edit roadmap/*.yml and resources/*.yml instead; a file not listed here stops the generator.\n"
)


class SiteError(Exception):
    """Generating or building cannot go ahead; the message says why and what to do."""


class BuildError(SiteError):
    """The engine failed; the message holds its output."""


# -- the project: mkdocs.yml and the folders it names ---------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use `!ENV` or `!!python/name:` tags; we only need two paths."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    """An mkdocs.yml and the docs and site folders it names (absolute paths)."""

    config: Path
    docs_dir: Path
    site_dir: Path

    @property
    def folder(self) -> Path:
        return self.config.parent

    @property
    def generated(self) -> Path:
        """Where generated pages go: `learn/` inside the docs folder."""
        return self.docs_dir / GENERATED_FOLDER


def find_project(root: Path, config: str | None = None) -> Project:
    """The project whose pages we generate: `--config`, else mkdocs.yml under --root, else here."""
    if config:
        path = Path(config)
        if not path.is_file():
            raise SiteError(f"{config}: no such file; pass the site's mkdocs.yml with --config")
    else:
        candidates = [root / "mkdocs.yml", Path("mkdocs.yml")]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise SiteError("no mkdocs.yml in --root or the current folder; run from the repository root or pass --config FILE")
        path = found
    path = path.resolve()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SiteError(f"{path}: cannot read it as YAML: {exc}") from None
    if not isinstance(data, dict):
        raise SiteError(f"{path}: expected a mapping of settings")
    docs = path.parent / str(data.get("docs_dir") or "docs")
    site = path.parent / str(data.get("site_dir") or "site")
    return Project(config=path, docs_dir=docs.resolve(), site_dir=site.resolve())


# -- the link report ---------------------------------------------------------------------


def report_path(root: Path, given: str | None) -> Path | None:
    """The link report to show: `--link-report FILE`, else `<root>/link-report.json` if present."""
    if given:
        path = Path(given)
        if not path.is_file():
            raise SiteError(f"{given}: no such link report; write one with `roadmap check-links --format json > {given}`")
        return path
    default = root / DEFAULT_REPORT
    return default if default.is_file() else None


def load_report(path: Path | None) -> LinkReport | None:
    if path is None:
        return None
    try:
        return parse_link_report(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, LinkReportError) as exc:
        raise SiteError(f"{path}: not a link report ({exc}); make it with `roadmap check-links --format json`") from None


# -- writing generated files ---------------------------------------------------------------


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest_text(digests: Mapping[str, str]) -> str:
    return _MANIFEST_HEAD + "".join(f"{digest}  {rel}\n" for rel, digest in sorted(digests.items()))


def _read_manifest(folder: Path) -> dict[str, str] | None:
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
    is a link to a folder followed. Strings, not Paths: a big site has 25,000 files."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _files_under(entry.path, f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name, entry.path, entry.is_file(follow_symlinks=False)


_PARALLEL_CHECK = 1000  # files, from which `check_ours` reads them on every core


def _file_digest(path: str) -> str:
    with open(path, "rb") as file:
        return _digest(file.read())


def _show(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def check_ours(out: Path) -> dict[str, str]:
    """The manifest of `out` if every file in it was written by us and is unchanged since.

    Raises SiteError naming the files that stop us: anything not in the manifest (a
    hand-written page, or a folder that was never ours) and generated files edited by hand.
    """
    if not out.exists():
        return {}
    if not out.is_dir():
        raise SiteError(f"{_show(out)} is a file, not a folder; pass --out with a folder for the generated pages")
    manifest = _read_manifest(out)
    foreign, ours = [], []
    for rel, path, regular in _files_under(str(out)):
        if rel == MANIFEST:
            continue
        if manifest is None or rel not in manifest or not regular:
            foreign.append(rel)
        else:
            ours.append((rel, path))
    # Reading and hashing every page (223 MB for 5,000 topics) is shared by the cores.
    digests = map_on_cores(_file_digest, [path for _, path in ours], min_items=_PARALLEL_CHECK)
    edited = [rel for (rel, _), digest in zip(ours, digests) if manifest is not None and digest != manifest[rel]]
    if foreign:
        shown = "\n".join(f"  {_show(out / rel)}" for rel in foreign[:10])
        more = f"\n  ... and {len(foreign) - 10} more" if len(foreign) > 10 else ""
        raise SiteError(
            f"{_show(out)} holds files that `roadmap generate` did not write, and it never replaces those:\n{shown}{more}\n"
            "Move them elsewhere (hand-written pages belong beside this folder, not in it), "
            "or pass --out with an empty folder or one made by `roadmap generate`."
        )
    if edited:
        shown = "\n".join(f"  {_show(out / rel)}" for rel in edited[:10])
        raise SiteError(
            f"these generated files were edited by hand, and generating again would lose the edits:\n{shown}\n"
            "Make the change in roadmap/*.yml or resources/*.yml (the pages are made from them), "
            "then delete the edited files and run the command again."
        )
    return manifest or {}


def _aside(target: Path, what: str) -> Path:
    # A dot-name beside the target: same file system (so rename is atomic), and
    # both engines skip dot-folders if the target is inside the docs folder.
    return target.parent / f".{target.name}.{what}-{secrets.token_hex(4)}"


def swap_in(staged: Path, target: Path) -> None:
    """Replace `target` with the folder `staged` by two renames; on failure `target` is as before."""
    old = _aside(target, "old") if target.exists() else None
    if old is not None:
        os.rename(target, old)
    try:
        os.rename(staged, target)
    except BaseException:
        if old is not None:
            os.rename(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_file(path: str | Path, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)


Job = tuple[str, Callable[[], str]]  # a relative path, and what makes its text


def _check_path(rel: str) -> None:
    if rel.startswith(("/", ".")) or ".." in rel.split("/") or rel == MANIFEST:
        raise ValueError(f"refusing to write outside the generated folder: {rel!r}")


def _make_and_write(staged: str, made: set[str], previous: tuple[str, Mapping[str, str]], job: Job) -> tuple[str, str]:
    """Make one file's text, write it under the folder `staged` (a path ending in "/"), and
    return its path and digest. `made`: the folders this process has made already (every
    page has a folder of its own). `previous`: the folder being replaced (a path ending in
    "/") and its checked manifest; a file that comes out the same as there is linked, not
    written again. Paths stay strings: 25,000 pages are 25,000 fewer Paths."""
    rel, make = job
    data = make().encode("utf-8")
    digest = _digest(data)
    folder = rel.rpartition("/")[0]
    if folder and folder not in made:
        # Another process may be making a shared parent (topics/) at the same moment.
        os.makedirs(staged + folder, exist_ok=True)
        made.add(folder)
    old_folder, old_digests = previous
    if old_digests.get(rel) == digest:
        # An edit touches a few pages of thousands: the rest keep their file (a new name
        # for it), which spares writing it and the file system a new inode for it.
        try:
            os.link(old_folder + rel, staged + rel)
            return rel, digest
        except OSError:
            pass  # no hard links on this file system (or the file just went): write it
    _write_file(staged + rel, data)
    return rel, digest


def write_jobs(out: Path, jobs: Sequence[Job], *, parallel_from: int | None = None) -> bool:
    """Make and write every file of `jobs` as the whole content of `out`, atomically.

    The files are written into a folder beside `out` that is swapped in at the end, so a
    failure (or Ctrl-C) leaves `out` as it was. With at least `parallel_from` jobs they are
    made and written on every core: each forked child writes its own share and sends back
    only digests, so the pages never travel between processes. A file that comes out as
    `out` already holds it is hard-linked from there instead of written again.
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
        status.show(f"checking the pages already in {_show(out)}", size=len(jobs))
    current = check_ours(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = _aside(out, "tmp")
    spread = parallel_from is not None and len(jobs) >= parallel_from and cores() > 1
    status.show(f"making {len(jobs):,} pages" + (f" on {cores()} cores" if spread else ""), size=len(jobs))
    try:
        staged.mkdir()
        write = functools.partial(_make_and_write, f"{staged}{os.sep}", set(), (f"{out}{os.sep}", current))
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
    return write_jobs(out, rendered.site_jobs(roadmap, report), parallel_from=rendered.PARALLEL_PAGES)


# -- building the site ---------------------------------------------------------------------


def _engine_env(color: bool = True) -> dict[str, str]:
    # Material prints a banner about MkDocs 2 on every run; DESIGN.md covers that decision.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    if not color:
        env["NO_COLOR"] = "1"  # output we capture and reprint is read as plain text
    return env


def _engine_output(text: str) -> str:
    """What the engine said, minus the Python traceback of its own exit (the last line says why)."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    # mkdocs's INFO lines (and the lists under them) say nothing about why a build failed.
    text = re.sub(r"^INFO .*\n(?:  .*\n)*", "", text, flags=re.M)
    head, found, tail = text.partition("Traceback (most recent call last):")
    if not found:
        return text.strip()
    last = tail.strip().splitlines()[-1] if tail.strip() else ""
    return f"{head.rstrip()}\n{last}".strip()


def _looks_built(folder: Path) -> bool:
    return (folder / SITE_MARKER).is_file() or ((folder / "index.html").is_file() and (folder / "sitemap.xml").is_file())


def _check_site_target(project: Project, out: Path) -> None:
    for inside, name in ((project.docs_dir, "docs folder"), (project.folder, "project folder")):
        if out == inside or inside.is_relative_to(out):
            raise SiteError(f"--out {_show(out)} would replace the {name} {_show(inside)}; pick a folder of its own, e.g. public/")
    if out.is_relative_to(project.docs_dir):
        raise SiteError(f"--out {_show(out)} is inside the docs folder {_show(project.docs_dir)}; build somewhere else, e.g. public/")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not _looks_built(out))):
        raise SiteError(f"{_show(out)} exists and is not a site built before; it will not be replaced. Remove it or pick another --out")


def _engine_command(engine: str, config: Path, site_dir: Path | None = None) -> list[str]:
    if engine == "mkdocs":
        # Not --quiet: mkdocs counts warnings for --strict only when they are logged.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
        return command + (["--site-dir", str(site_dir)] if site_dir else [])
    return [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)]


def build_site(project: Project, out: Path, engine: str = "mkdocs") -> float:
    """Build the site from the docs folder into `out` (beside it first, then swapped in).

    Returns the seconds the engine took. Raises SiteError with the engine's output if it fails;
    `out` is then exactly as it was.
    """
    if engine not in ENGINES:
        raise SiteError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    out = out.resolve()
    _check_site_target(project, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    extra_config: Path | None = None
    if engine == "zensical" and not out.parent.is_relative_to(project.folder):
        # Zensical only writes inside the project folder: build there, then move it beside `out`.
        staged = _aside(project.folder / "public", "zensical")
    else:
        staged = _aside(out, "tmp")
    try:
        if engine == "mkdocs":
            command = _engine_command(engine, project.config, staged)
        else:
            # Zensical has no --site-dir: a throwaway config inherits mkdocs.yml and sets it.
            extra_config = project.folder / f".roadmap-zensical-{secrets.token_hex(4)}.yml"
            relative = staged.relative_to(project.folder).as_posix()
            extra_config.write_text(f"INHERIT: {project.config.name}\nsite_dir: {relative}\n", encoding="utf-8")
            command = _engine_command(engine, extra_config)
        started = time.monotonic()
        done = subprocess.run(command, cwd=project.folder, env=_engine_env(color=False), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        seconds = time.monotonic() - started
        output = _engine_output(done.stdout)
        # Zensical reports some problems without failing; a build with no front page is no build.
        if done.returncode != 0 or not (staged / "index.html").is_file():
            raise BuildError(f"{engine} build failed (exit {done.returncode}); the previous site is untouched:\n{output}")
        (staged / SITE_MARKER).write_text("Built by `roadmap build`; replaced as a whole on every build.\n", encoding="utf-8")
        if not staged.parent.samefile(out.parent):
            moved = _aside(out, "tmp")
            shutil.copytree(staged, moved)
            shutil.rmtree(staged)
            staged = moved
        swap_in(staged, out)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    finally:
        if extra_config is not None:
            extra_config.unlink(missing_ok=True)
    return seconds
