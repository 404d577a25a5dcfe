"""Where the cores and the garbage-collector policy pay: the same command, with and without each.

    .venv/bin/python bench/variants.py --sizes 1000,2000 --rounds 3 [--real]

Each variant runs the real `roadmap` command in a child process with one setting changed
before it starts (nothing in the product reads these switches; the child patches them):

- `serial-load`: record files parsed on one core (`sizes.PARALLEL_FILES` out of reach);
- `serial-pages`: pages made on one core (`sizes.PARALLEL_PAGES` out of reach);
- `no-gc-pause`: the collector left alone while loading (`collector.paused` does nothing).

Runs are interleaved (every variant once per round), each on a synthetic knowledge base
from `bench/synth.py` (M = 4N resources) on a RAM disk when there is one; `regenerate` is
`generate` into the folder the previous `generate` wrote, after one topic's title changed.
Printed per variant: wall time, median and min of the rounds (on a shared machine the min
is the least disturbed), CPU time (user + system of the command and its forked children),
and the ratio of each to `base` measured in the same rounds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from bench import synth  # noqa: E402
from bench.scale import run_once  # noqa: E402

SWITCHES = {
    "base": "",
    "serial-load": "from generator import sizes; sizes.PARALLEL_FILES = 10**9",
    "serial-pages": "from generator import sizes; sizes.PARALLEL_PAGES = 10**9",
    "no-gc-pause": "import contextlib; from generator import collector; collector.paused = contextlib.nullcontext",
}
COMMANDS = {"validate": ("validate",), "generate": ("generate",), "regenerate": ("generate",)}


def _argv(variant: str, command: str, root: Path, out: Path) -> list[str]:
    code = f"import sys; {SWITCHES[variant]}\nfrom generator.cli import main; sys.exit(main(sys.argv[1:]))"
    argv = [sys.executable, "-c", code, *COMMANDS[command], "--root", str(root)]
    return argv + (["--out", str(out)] if command != "validate" else [])


def _touch(root: Path, round_: int) -> None:
    """Change one topic's title, so that a regeneration has something to do."""
    topic = sorted((root / "roadmap").glob("t*.yml"))[0]
    lines = topic.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"title: Edited {round_}\n" if line.startswith("title:") else line for line in lines]
    topic.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000", help="topic counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default=",".join(SWITCHES))
    parser.add_argument("--commands", default="validate,generate,regenerate")
    parser.add_argument("--real", action="store_true", help="also the repository's own knowledge base")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    variants = args.variants.split(",")
    commands = args.commands.split(",")
    shm = Path("/dev/shm")
    work = Path(tempfile.mkdtemp(prefix="roadmap-variants-", dir=shm if shm.is_dir() else None))
    try:
        roots: dict[str, Path] = {}
        for n in (int(s) for s in args.sizes.split(",") if s):
            roots[str(n)] = work / f"kb{n}"
            synth.write(roots[str(n)], n, 4 * n)
        if args.real:
            roots["real"] = REPO
        walls: dict[tuple[str, str, str], list[float]] = {}
        cpus: dict[tuple[str, str, str], list[float]] = {}
        for round_ in range(args.rounds):
            for size, root in roots.items():
                for variant in variants:
                    for command in commands:
                        out = work / f"out-{size}-{variant}-{round_}"
                        if command == "regenerate":
                            if not out.exists() or size == "real":
                                continue
                            _touch(root, round_)
                        wall, cpu, _, _ = run_once(_argv(variant, command, root, out))
                        walls.setdefault((size, command, variant), []).append(wall)
                        cpus.setdefault((size, command, variant), []).append(cpu)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # after the last run: deleting sooner would slow the runs (see scale.py)
    print("| N | command | variant | wall s, median (min) | CPU s, median | / base: wall median, min, CPU |")
    print("|---|---|---|---:|---:|---:|")
    for key, found in walls.items():
        size, command, _ = key
        base, base_cpu, cpu_times = walls[(size, command, "base")], cpus[(size, command, "base")], cpus[key]
        ratios = f"{statistics.median(found) / statistics.median(base):.2f}, {min(found) / min(base):.2f}, {statistics.median(cpu_times) / statistics.median(base_cpu):.2f}"
        print(
            f"| {size} | {command} | {key[2]} | {statistics.median(found):.2f} ({min(found):.2f}) | {statistics.median(cpu_times):.2f} | {ratios} |"
        )
    if args.json:
        rows = [{"n": s, "command": c, "variant": v, "walls": w, "cpus": cpus[(s, c, v)]} for (s, c, v), w in walls.items()]
        Path(args.json).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
