"""A/B: two versions of the code, the same commands, runs interleaved in one session.

    .venv/bin/python bench/ab.py 8371be7                      # that commit against this checkout
    .venv/bin/python bench/ab.py 8371be7 HEAD --topics 5000 --rounds 4 --commands validate,generate

On a shared machine the speed drifts from hour to hour (and between the machines this
workplace hands out), so a figure is only worth comparing with one taken beside it. Each
round runs every command once with each version, alternating, on one synthetic knowledge
base (`bench/synth.py`, M = 4N resources); each version is a `git worktree` of its revision
(or this checkout, as it is, for `.`), run as `python -m generator` with that tree first on
the path. `generate` writes to `--out`: a RAM disk by default, where each run's pages are
deleted after it, so that neither the disk's speed nor its state after big deletions (see
README.md, "Scale") is what is measured. Prints median, min and max of wall time, CPU time
and peak memory per version and command; `--json FILE` keeps every run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from bench import synth  # noqa: E402
from bench.scale import QUIET, machine, run_once  # noqa: E402

COMMANDS = ("validate", "generate", "plan", "export")
RAM_DISK = Path("/dev/shm")


def on_ram_disk(path: Path) -> bool:
    """Whether `path` lies on a tmpfs (Linux /proc/mounts: the longest mount point above it)."""
    mounts = Path("/proc/mounts")
    if not mounts.is_file():
        return False
    resolved, best, fstype = path.resolve(), "", ""
    for line in mounts.read_text().splitlines():
        fields = line.split()
        mounted_on = len(fields) >= 3 and (resolved == Path(fields[1]) or Path(fields[1]) in resolved.parents)
        if mounted_on and len(fields[1]) > len(best):
            best, fstype = fields[1], fields[2]
    return fstype == "tmpfs"


def source_tree(rev: str, work: Path, name: str) -> Path:
    """The code of `rev` in a worktree under `work` (`.`: this checkout as it is)."""
    if rev == ".":
        return REPO
    tree = work / name
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(tree), rev], cwd=REPO, check=True)
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision to compare against (a commit, tag or branch)")
    parser.add_argument("new", nargs="?", default=".", help="the other revision (default: this checkout as it is, `.`)")
    parser.add_argument("--topics", type=int, default=1000, help="N topics of the synthetic knowledge base (M = 4N resources)")
    parser.add_argument("--rounds", type=int, default=4, help="runs of each command with each version")
    parser.add_argument("--commands", default="validate,generate", help=f"comma-separated, of: {', '.join(COMMANDS)}")
    parser.add_argument("--out", type=Path, help="where `generate` writes (default: a folder on /dev/shm if there is one)")
    parser.add_argument(
        "--quiet", type=float, metavar="CORES", default=0.0, help="wait before each run until other processes use at most this many cores"
    )
    parser.add_argument("--json", type=Path, help="also write every run here")
    args = parser.parse_args()
    commands = [c for c in args.commands.split(",") if c]
    unknown = [c for c in commands if c not in COMMANDS]
    if unknown:
        parser.error(f"unknown command {', '.join(unknown)}; choose from {', '.join(COMMANDS)}")
    QUIET.update(limit=args.quiet, max_wait=600.0)

    runs: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="roadmap-ab-") as tmp:
        work = Path(tmp)
        trees: dict[str, Path] = {}
        try:
            for label, rev in (("base", args.base), ("new", args.new)):
                trees[label] = source_tree(rev, work, label)
            kb = work / "kb"
            synth.write(kb, args.topics, 4 * args.topics)
            target = subprocess.run(
                [sys.executable, "-c", "import sys; from pathlib import Path; from generator.kb.loading import load_roadmap; "
                 "r = load_roadmap(Path(sys.argv[1])); print(max(r.topics, key=lambda t: (len(r.ancestors(t)), t)))", str(kb)],
                cwd=REPO, capture_output=True, text=True, check=True,
            ).stdout.strip()  # fmt: skip
            default_out = RAM_DISK if RAM_DISK.is_dir() else work
            out = Path(tempfile.mkdtemp(prefix="roadmap-ab-out-", dir=args.out or default_out))
            delete_each = on_ram_disk(out)
            print(f"N={args.topics} topics, {4 * args.topics} resources; output in {out}"
                  f"{' (a RAM disk)' if delete_each else ''}", file=sys.stderr)  # fmt: skip
            k = 0
            for _ in range(args.rounds):
                for label, tree in trees.items():
                    for command in commands:
                        k += 1
                        argv = [sys.executable, "-m", "generator", command, "--root", str(kb)]
                        if command == "generate":
                            argv += ["--out", str(out / str(k))]
                        elif command == "plan":
                            argv += [target, "--format", "json"]
                        env = {**os.environ, "PYTHONPATH": str(tree)}
                        wall, cpu, peak, _ = run_once(argv, cwd=work, env=env)
                        runs.setdefault((label, command), []).append((wall, cpu, peak))
                        print(f"  {label:<4} {command:<9} {wall:7.3f} s wall {cpu:7.3f} s CPU {peak:7.1f} MB", file=sys.stderr, flush=True)
                        if delete_each and command == "generate":
                            shutil.rmtree(out / str(k))
            shutil.rmtree(out, ignore_errors=True)
        finally:
            for tree in trees.values():
                if tree != REPO:
                    subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO, check=False)

    print(f"base: {args.base}, new: {args.new}, N = {args.topics}, {args.rounds} rounds")
    print("| command | version | wall s: median (min-max) | CPU s: median | peak MB |")
    print("|---|---|---:|---:|---:|")
    for command in commands:
        for label in ("base", "new"):
            found = runs[(label, command)]
            walls = [w for w, _, _ in found]
            print(
                f"| {command} | {label} | {statistics.median(walls):.2f} ({min(walls):.2f}-{max(walls):.2f}) | "
                f"{statistics.median(c for _, c, _ in found):.2f} | {statistics.median(p for _, _, p in found):.0f} |"
            )
    if args.json:
        data = {
            "machine": machine(),
            "base": args.base,
            "new": args.new,
            "topics": args.topics,
            "runs": [{"version": v, "command": c, "wall": w, "cpu": cpu, "peak_mb": p} for (v, c), rs in runs.items() for w, cpu, p in rs],
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n")


if __name__ == "__main__":
    main()
