"""`roadmap generate`, `build` and `serve`: the site's pages, the built site, and a live preview."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.cli.common import UsageError, load, number_in_range, print_problems
from generator.kb.problems import DataError
from generator.output import serve
from generator.output.engine import ENGINES, build_site, check_site_target
from generator.output.project import GENERATED_FOLDER, BuildError, Project, SiteError, WriteError, find_project, show
from generator.output.report import DEFAULT_REPORT, load_report, report_path
from generator.output.staging import Terminated, sigterm_as_interrupt
from generator.output.writer import MANIFEST, generate, read_manifest
from generator.safe_text import printable, printable_lines

TERMINATED = 128 + 15  # the exit status of a process stopped by SIGTERM

# -- command handlers ---------------------------------------------------------------------


def _usage(exc: SiteError) -> Exception:
    return UsageError(str(exc))


def _generate(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        report = load_report(report_path(root, args.link_report))
        out = Path(args.out) if args.out else find_project(root, args.config).generated
    except SiteError as exc:
        raise _usage(exc) from None
    try:
        with sigterm_as_interrupt():
            changed = generate(load(args), out, report)
    except Terminated:
        print(f"roadmap generate: terminated; {printable(show(out))}/ is as it was", file=sys.stderr)
        return TERMINATED
    except WriteError as exc:
        print(f"roadmap generate: error: {printable_lines(str(exc))}", file=sys.stderr)
        return 1
    except SiteError as exc:
        raise _usage(exc) from None
    count = len(read_manifest(out) or {})
    with_report = " (with the link report)" if report else ""
    print(f"{'wrote' if changed else 'up to date:'} {count} files in {printable(show(out))}/{with_report}")
    return 0


def _build(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        project = find_project(root, args.config)
        report = load_report(report_path(root, args.link_report))
    except SiteError as exc:
        raise _usage(exc) from None
    out = Path(args.out) if args.out else project.site_dir
    roadmap = load(args)
    try:
        check_site_target(project, out)  # before the pages change: a refusal leaves everything as it was
        with sigterm_as_interrupt():
            generate(roadmap, project.generated, report)
            seconds = build_site(project, out, args.engine)
    except Terminated:
        print(f"roadmap build: terminated; the previous site in {printable(show(out.resolve()))}/ is untouched", file=sys.stderr)
        return TERMINATED
    except (BuildError, WriteError) as exc:
        print(f"roadmap build: error: {printable_lines(str(exc))}", file=sys.stderr)
        return 1
    except SiteError as exc:
        raise _usage(exc) from None
    print(f"built {printable(show(out.resolve()))}/ with {args.engine} in {seconds:.1f} s")
    return 0


def _regenerate(args: argparse.Namespace, project: Project) -> bool:
    """Load and generate again; on a data error print it and keep the last good pages."""
    try:
        report = load_report(report_path(Path(args.root), args.link_report))
        changed = generate(load(args), project.generated, report)
    except DataError as exc:
        print_problems(exc, "; the site keeps the last good pages until they are fixed")
        return False
    except SiteError as exc:
        print(f"roadmap serve: {printable_lines(str(exc))}", file=sys.stderr, flush=True)
        return False
    if changed:
        print(
            f"roadmap serve: regenerated {printable(show(project.generated))}/; the browser reloads when the engine has rebuilt", flush=True
        )
    return True


def _serve(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        project = find_project(root, args.config)
        report_file = report_path(root, args.link_report)
        report = load_report(report_file)
    except SiteError as exc:
        raise _usage(exc) from None
    try:
        generate(load(args), project.generated, report)
    except DataError as exc:
        if not (project.generated / MANIFEST).is_file():
            raise  # nothing good to serve yet: the CLI prints the problems, exit 1
        print_problems(exc, "; the site keeps the last good pages until they are fixed")
    except SiteError as exc:
        raise _usage(exc) from None
    address = f"127.0.0.1:{args.port}"
    with serve.engine_server(args.engine, project, address) as process:
        print(
            f"roadmap serve: http://{address}/ (watching roadmap/, resources/ and {printable(show(project.docs_dir))}/; Ctrl-C stops)",
            flush=True,
        )
        return serve.watch(process, root, project, report_file, args.interval, lambda: _regenerate(args, project))


# -- registration ----------------------------------------------------------------------------


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the `generate`, `build` and `serve` commands to the `roadmap` CLI."""
    site_options = argparse.ArgumentParser(add_help=False)
    site_options.add_argument(
        "--config", metavar="FILE", help="the site's mkdocs.yml (default: mkdocs.yml in --root, else in the current folder)"
    )
    site_options.add_argument(
        "--link-report",
        metavar="FILE",
        help=f"a `roadmap check-links --format json` report to show on resource pages (default: {DEFAULT_REPORT} in --root, if there)",
    )

    p = sub.add_parser(
        "generate",
        parents=[common, site_options],
        help="write the generated Markdown, SVG and JSON pages",
        description="Write the generated pages into the docs folder's learn/ (never over a hand-written file).",
    )
    p.add_argument("--out", metavar="DIR", help=f"write here instead of <docs folder>/{GENERATED_FOLDER}/")
    p.set_defaults(func=_generate)

    p = sub.add_parser(
        "build",
        parents=[common, site_options],
        help="generate, then build the static site",
        description="Generate the pages, then build the site (strict); a failed build leaves the previous site in place.",
    )
    p.add_argument("--out", metavar="DIR", help="build the site here (default: site_dir of mkdocs.yml, public/)")
    p.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the static site engine (default: mkdocs)")
    p.set_defaults(func=_build)

    p = sub.add_parser(
        "serve",
        parents=[common, site_options],
        help="build and serve on 127.0.0.1, regenerating on changes",
        description="Serve the site on http://127.0.0.1:PORT/, regenerate when the YAML changes, reload the browser.",
    )
    p.add_argument(
        "--port", type=number_in_range(int, 1, 65535, unit=" (a port number)"), default=8000, help="port on 127.0.0.1 (default: 8000)"
    )
    p.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the engine's development server (default: mkdocs)")
    p.add_argument(
        "--interval",
        type=number_in_range(float, 0.05, 60, unit=" seconds"),
        default=0.5,
        metavar="SECONDS",
        help="how often to look for changes (default: 0.5)",
    )
    p.set_defaults(func=_serve)
