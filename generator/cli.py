"""The `roadmap` command line. Exit status: 0 fine, 1 data or link problems (or output that
could not be written), 2 wrong usage."""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .problems import DataError, RootError

if TYPE_CHECKING:
    from .graph import Roadmap

Handler = Callable[[argparse.Namespace], int]

# The modules that add their own subcommands through `register(subparsers, common)`,
# by the commands each one adds. Only the module of the command being run is imported
# (all of them for --help), and this module imports no models: a command pays only for
# what it uses, e.g. `check-links --urls-from` never loads pydantic.
_COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "generator.plan_cli": ("plan",),
    "generator.scaffold": ("new",),
    "generator.pr": ("pr-check",),
    "generator.site": ("generate", "build", "serve"),
    "generator.links.cli": ("check-links",),
}


class UsageError(Exception):
    """Wrong use of a command (exit status 2), with a message that says what to do."""


def load(args: argparse.Namespace) -> Roadmap:
    """Load the knowledge base under --root (raises DataError or RootError)."""
    from .graph import load_roadmap

    roadmap = load_roadmap(Path(args.root))
    # A command works on the roadmap until it exits, so the collector need not walk it
    # again: a big knowledge base is millions of objects, and one full collection over
    # them cost ~0.5 s of a 5,000-topic `generate` (it finds nothing, the roadmap holds no
    # reference cycles). Frozen objects are still freed by reference counting.
    gc.freeze()
    return roadmap


def _validate(args: argparse.Namespace) -> int:
    roadmap = load(args)
    print(
        f"ok: {len(roadmap.stages)} stages, {len(roadmap.topics)} topics, "
        f"{len(roadmap.resources)} resources, no problems"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    roadmap = load(args)
    json.dump(roadmap.export(), sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .models import json_schemas

    schemas = json_schemas()
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for kind, schema in schemas.items():
            (out / f"{kind}.schema.json").write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {', '.join(f'{out}/{k}.schema.json' for k in schemas)}")
        return 0
    chosen = {args.kind: schemas[args.kind]} if args.kind else schemas
    document = next(iter(chosen.values())) if args.kind else chosen
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _modules_for(argv: Sequence[str] | None) -> list[str]:
    """The command modules to import: the one owning the command in argv, else all."""
    words = list(sys.argv[1:] if argv is None else argv)
    command = next((w for w in words if not w.startswith("-")), None)
    owner = [m for m, commands in _COMMAND_MODULES.items() if command in commands]
    return owner if owner else list(_COMMAND_MODULES)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser, or (given argv) one with only the subcommands argv can need."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root",
        default=".",
        metavar="DIR",
        help="the folder that holds roadmap/ and resources/ (default: the current folder)",
    )
    parser = argparse.ArgumentParser(
        prog="roadmap",
        description="Check and publish the Math-for-ML knowledge base.",
        epilog="Exit status: 0 fine, 1 the data or links have problems, 2 the command was used wrongly.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("validate", parents=[common], help="load and check every record; print problems as path:line:col")
    p.set_defaults(func=_validate)

    p = sub.add_parser("export", parents=[common], help="print the whole validated graph as JSON")
    p.add_argument("--format", choices=["json"], default="json", help="output format (default: json)")
    p.set_defaults(func=_export)

    p = sub.add_parser("schema", parents=[common], help="print the JSON Schema of the YAML records")
    p.add_argument("--kind", choices=["topic", "resource", "stages"], help="print only this kind's schema")
    p.add_argument("--out", metavar="DIR", help="write <kind>.schema.json files into DIR instead of printing")
    p.set_defaults(func=_schema)

    for name in _modules_for(argv) if argv is not None else _COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    handler: Handler = args.func
    try:
        return handler(args)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        files = len({p.position.path for p in exc.problems})
        noun = "problem" if len(exc.problems) == 1 else "problems"
        print(f"{len(exc.problems)} {noun} in {files} file{'s' if files != 1 else ''}", file=sys.stderr)
        return 1
    except (RootError, UsageError) as exc:
        print(f"roadmap {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error of ours.
        sys.stderr.close()
        return 0
    except OSError as exc:
        # Writing the output failed (a full disk under `> file`) or another I/O error no
        # check foresaw: say what, without a traceback.
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"roadmap {args.command}: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


def run() -> NoReturn:
    """The `roadmap` command: `main()`, then out without tearing down what it loaded.

    A big knowledge base is millions of objects, and freeing them one by one on the way
    out cost 0.15-0.2 s of a 5,000-topic `validate` or `generate` for nothing. Output is
    flushed first; no command leaves work to exit handlers (each closes or removes
    what it made before it returns).
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            pass  # a reader that stopped early (`| head`; main closed stderr then): not ours
        except OSError as exc:
            # e.g. a full disk under `> file`: the output is incomplete, so say so.
            if stream is sys.stdout:
                print(f"roadmap: error: could not write the output: {exc.strerror or exc}", file=sys.stderr)
                code = code or 1
    os._exit(code)
