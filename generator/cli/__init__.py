"""The `roadmap` command line: dispatch and exit status. Exit status: 0 fine, 1 data or
link problems (or output that could not be written), 2 wrong usage.

Each command lives in a module of this package with a `register(subparsers, common)`;
only the module of the command being run is imported (all of them for --help), so a
command pays only for what it uses: `check-links --urls-from` never loads pydantic.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from generator import __version__
from generator.cli.common import UsageError, print_problems
from generator.kb.problems import DataError, RootError
from generator.safe_text import printable_lines

Handler = Callable[[argparse.Namespace], int]

# The command modules, by the commands each one adds.
_COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "generator.cli.validate": ("validate",),
    "generator.cli.export": ("export",),
    "generator.cli.schema": ("schema",),
    "generator.cli.plan": ("plan",),
    "generator.cli.exercises": ("exercises",),
    "generator.cli.new": ("new",),
    "generator.cli.pr_check": ("pr-check",),
    "generator.cli.site": ("generate", "build", "serve"),
    "generator.cli.check_links": ("check-links",),
}


def _modules_for(argv: Sequence[str]) -> list[str]:
    """The command modules to import: the one owning the command in argv, else all."""
    command = next((w for w in argv if not w.startswith("-")), None)
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
    for name in _modules_for(argv) if argv is not None else _COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(args_in)
    args = parser.parse_args(args_in)
    handler: Handler = args.func
    try:
        return handler(args)
    except DataError as exc:
        print_problems(exc)
        return 1
    except (RootError, UsageError) as exc:
        print(f"roadmap {args.command}: error: {printable_lines(str(exc))}", file=sys.stderr)
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
        print(f"roadmap {args.command}: error: {printable_lines(f'{exc.strerror or exc}{where}')}", file=sys.stderr)
        return 1


def run() -> None:
    """The `roadmap` command: `main()`, with its output flushed before the exit status is set."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # A reader that stopped early (`| head`): not ours. Point stdout at nothing so the
        # interpreter's own flush at exit does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:
        # e.g. a full disk under `> file`: the output is incomplete, so say so.
        print(f"roadmap: error: could not write the output: {exc.strerror or exc}", file=sys.stderr)
        code = code or 1
    sys.exit(code)
