"""Building the site: the engine (mkdocs-material, `--strict`; or Zensical) run into a folder
beside the output and swapped in, so a failed build leaves the last site up."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.output.project import BuildError, Project, SiteError, show
from generator.output.staging import aside, check_writable, clean_leftovers, config_head, mark, swap_in

SITE_MARKER = ".roadmap-build"
ENGINES = ("mkdocs", "zensical")


def engine_env(color: bool = True) -> dict[str, str]:
    """The environment the engine runs in; `color=False` when we capture and reprint its output."""
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


def _built_here(folder: Path) -> bool:
    """Whether `folder` is a site `roadmap build` made: only such a folder is replaced whole."""
    return (folder / SITE_MARKER).is_file()


def check_site_target(project: Project, out: Path) -> None:
    """Raise SiteError unless `out` may be replaced by a built site (see `build_site`); a
    command calls this before it writes anything."""
    out = out.resolve()
    _check_site_target(project, out)
    check_writable(out)


def _check_site_target(project: Project, out: Path) -> None:
    for inside, name in ((project.docs_dir, "docs folder"), (project.folder, "project folder")):
        if out == inside or inside.is_relative_to(out):
            raise SiteError(f"--out {show(out)} would replace the {name} {show(inside)}; pick a folder of its own, e.g. public/")
    if out.is_relative_to(project.docs_dir):
        raise SiteError(f"--out {show(out)} is inside the docs folder {show(project.docs_dir)}; build somewhere else, e.g. public/")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not _built_here(out))):
        raise SiteError(
            f"{show(out)} exists and is not a site built before (it has no {SITE_MARKER} file); it will not be replaced. "
            "Move its files elsewhere, or pick an empty or new folder for --out"
        )


def _engine_command(engine: str, config: Path, site_dir: Path | None = None) -> list[str]:
    if engine == "mkdocs":
        # Not --quiet: mkdocs counts warnings for --strict only when they are logged.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
        return command + (["--site-dir", str(site_dir)] if site_dir else [])
    return [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)]


def serve_command(engine: str, config: Path, address: str) -> list[str]:
    """The engine's development server on `address` (host:port), reloading the browser on changes."""
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config), "--dev-addr", address, "--livereload"]
    return [sys.executable, "-m", "zensical", "serve", "--config-file", str(config), "--dev-addr", address]


def build_site(project: Project, out: Path, engine: str = "mkdocs") -> float:
    """Build the site from the docs folder into `out` (beside it first, then swapped in).

    Returns the seconds the engine took. Raises SiteError with the engine's output if it fails;
    `out` is then exactly as it was.
    """
    if engine not in ENGINES:
        raise SiteError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    out = out.resolve()
    check_site_target(project, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    for folder in {out.parent, project.folder}:
        clean_leftovers(folder)  # what a killed earlier build left
    extra_config: Path | None = None
    if engine == "zensical" and not out.parent.is_relative_to(project.folder):
        # Zensical only writes inside the project folder: build there, then move it beside `out`.
        staged = aside(project.folder / "public", "zensical")
    else:
        staged = aside(out, "tmp")
    try:
        mark(staged)
        if engine == "mkdocs":
            command = _engine_command(engine, project.config, staged)
        else:
            # Zensical has no --site-dir: a throwaway config inherits mkdocs.yml and sets it.
            extra_config = project.folder / f".roadmap-zensical-{secrets.token_hex(4)}.yml"
            relative = staged.relative_to(project.folder).as_posix()
            extra_config.write_text(f"{config_head()}INHERIT: {project.config.name}\nsite_dir: {relative}\n", encoding="utf-8")
            command = _engine_command(engine, extra_config)
        started = time.monotonic()
        # On any exception here (Ctrl-C, or SIGTERM made one by the CLI) run() kills the engine
        # and waits for it, so it never outlives the build.
        done = subprocess.run(
            command, cwd=project.folder, env=engine_env(color=False), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        seconds = time.monotonic() - started
        output = _engine_output(done.stdout)
        # Zensical reports some problems without failing; a build with no front page is no build.
        if done.returncode != 0 or not (staged / "index.html").is_file():
            raise BuildError(f"{engine} build failed (exit {done.returncode}); the previous site is untouched:\n{output}")
        (staged / SITE_MARKER).write_text("Built by `roadmap build`; replaced as a whole on every build.\n", encoding="utf-8")
        if not staged.parent.samefile(out.parent):
            moved = aside(out, "tmp")
            try:
                shutil.copytree(staged, moved)
            except BaseException:
                shutil.rmtree(moved, ignore_errors=True)
                raise
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
