"""Scale benchmark: how the pipeline's cost grows with the size of the knowledge base.

    .venv/bin/python bench/scale.py                      # N = 100, 1000, 2000 and the real data
    .venv/bin/python bench/scale.py --sizes 5000         # the old 5,000-topic figures (information only)
    .venv/bin/python bench/scale.py --sizes 50 --runs 1  # a quick smoke run

Each measurement runs the real command in a child process and reads that child's own
wall time, CPU time (user + system) and peak resident memory from `os.wait4`; the
figure reported is the median of `--runs` runs. Synthetic data comes from
`bench/synth.py` (M = 4N resources). Results go to stdout as a Markdown table and to
`--json FILE` if given. Nothing here is part of the test run.
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
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from bench import synth  # noqa: E402

BIN = Path(sys.executable).parent
ROADMAP = str(BIN / "roadmap")


@dataclass
class Figure:
    what: str
    n: int | str
    wall: float
    cpu: float
    peak_mb: float
    runs: int
    note: str = ""


def busy_cores(seconds: float = 1.0) -> float:
    """How many cores other processes kept busy over the next `seconds` (Linux /proc/stat)."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields[:8]) - idle, sum(fields[:8])

    busy0, total0 = sample()
    time.sleep(seconds)
    busy1, total1 = sample()
    return (busy1 - busy0) / max(1, total1 - total0) * (os.cpu_count() or 1)


QUIET: dict[str, float] = {"limit": 0.0, "max_wait": 0.0}  # set by --quiet


def wait_for_quiet() -> None:
    """On a shared machine, start a run only once other work leaves the cores alone."""
    if not QUIET["limit"] or not Path("/proc/stat").is_file():
        return
    deadline = time.monotonic() + QUIET["max_wait"]
    while (busy := busy_cores()) > QUIET["limit"]:
        if time.monotonic() > deadline:
            print(f"  (still {busy:.1f} cores busy after {QUIET['max_wait']:.0f} s; measuring anyway)", file=sys.stderr)
            return


def measure(argv: list[str], runs: int) -> tuple[float, float, float, str]:
    """Median wall s, CPU s and peak RSS MB of `runs` runs of argv (exit status must be 0).

    An argument holding `{run}` gets the run's number: commands that write a folder write a
    new one each run. Nothing is deleted between runs: on ext4 without a journal (this VM's
    disk) each new file skips the inodes freed in the last minutes, so deleting the previous
    run's 50,000 files first made the next run's system time grow from 2 to 9 s. Written
    data is flushed (sync) before each run, so one run's writing does not spill into the next.
    """
    walls, cpus, peaks = [], [], []
    out = ""
    for run in range(runs):
        wall, cpu, peak, out = run_once([arg.replace("{run}", str(run)) for arg in argv])
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)
    return statistics.median(walls), statistics.median(cpus), statistics.median(peaks), out


def run_once(command: list[str], cwd: Path = REPO, env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Wall s, CPU s (user + system) and peak RSS MB of one run of `command` as a child
    process, and what it printed; after a `sync`, once the machine is quiet (see --quiet).
    A failed run stops the benchmark with the command's own error."""
    os.sync()
    wait_for_quiet()
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    stdout = proc.stdout.read()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} failed ({code}):\n{stderr.decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout.decode().strip()  # maxrss: KiB on Linux


def deepest_topic(root: Path) -> str:
    """The topic with the most ancestors: the hardest plan to compute.

    Found in a child process: a child's peak memory as wait4 reports it starts from this
    process's own at fork time, so the harness must not hold a roadmap itself."""
    code = (
        "import sys; from pathlib import Path; from generator.kb.loading import load_roadmap; "
        "r = load_roadmap(Path(sys.argv[1])); print(max(r.topics, key=lambda t: (len(r.ancestors(t)), t)))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(root)], cwd=REPO, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def add_project(root: Path) -> None:
    """Give a knowledge base folder its own copy of mkdocs.yml and the hand-written site/, so
    `roadmap build --root` generates and builds there, never in the repository's site/learn/."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(
        REPO / "site",
        root / "site",
        ignore=lambda folder, names: [n for n in names if n.startswith(".") or (Path(folder) == REPO / "site" and n == "learn")],
    )


def machine() -> dict[str, str]:
    """What the figures were taken on."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?"
    )
    mem_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "memory": f"{mem_kb / 1024 / 1024:.0f} GiB",
        "python": sys.version.split()[0],
        "commit": commit + (" (generator/ has uncommitted changes)" if dirty else ""),
        "date": time.strftime("%Y-%m-%d"),
    }


def bench_size(n: int | str, root: Path, work: Path, runs: int, build: bool, build_runs: int) -> list[Figure]:
    figures = []
    py = sys.executable

    def add(what: str, argv: list[str], note: str = "", times: int = runs) -> str:
        wall, cpu, peak, out = measure(argv, times)
        figures.append(Figure(what, n, round(wall, 3), round(cpu, 3), round(peak, 1), times, note))
        print(f"  {what:<10} N={n}: {wall:7.3f} s wall {cpu:7.3f} s CPU {peak:7.1f} MB", file=sys.stderr, flush=True)
        return out

    gen = work / f"gen-{n}"
    add("validate", [ROADMAP, "validate", "--root", str(root)])
    add("generate", [ROADMAP, "generate", "--root", str(root), "--out", f"{gen}-{{run}}"])
    timing = add("layout", [py, str(HERE / "layout_only.py"), str(root)])
    figures[-1].note = f"layout call alone: {timing} s"
    target = deepest_topic(root)
    add("plan", [ROADMAP, "plan", target, "--root", str(root), "--format", "json"], note=f"target {target}")
    if build:
        public = work / f"public-{n}"
        add("build", [ROADMAP, "build", "--root", str(root), "--out", f"{public}-{{run}}"], times=build_runs)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,2000", help="comma-separated numbers of topics")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median is reported)")
    parser.add_argument("--build-up-to", type=int, default=1000, help="skip `roadmap build` above this N (it is the slowest)")
    parser.add_argument("--build-runs", type=int, help="runs of `roadmap build` above N = 1,000 (default: --runs)")
    parser.add_argument("--no-real", action="store_true", help="skip the real knowledge base")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--quiet", type=float, metavar="CORES", default=0.0,
        help="before each run, wait (up to --max-wait s) until other processes use at most this many cores",
    )  # fmt: skip
    parser.add_argument("--max-wait", type=float, default=600.0)
    args = parser.parse_args()
    QUIET.update(limit=args.quiet, max_wait=args.max_wait)

    figures: list[Figure] = []
    extra: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        work = Path(tmp)
        for n in (int(s) for s in args.sizes.split(",") if s):
            root = work / f"kb-{n}"
            synth.write(root, n, 4 * n)
            add_project(root)
            print(f"N={n} topics, {4 * n} resources", file=sys.stderr)
            build_runs = args.build_runs if args.build_runs and n > 1000 else args.runs
            figures += bench_size(n, root, work, args.runs, n <= args.build_up_to, build_runs)
            # Every run's output stays until the end (see `measure`): deleted now, the next
            # size's runs would pay for it.
        if not args.no_real:
            print("real knowledge base", file=sys.stderr)
            root = work / "kb-real"
            for part in ("roadmap", "resources"):
                shutil.copytree(REPO / part, root / part)
            add_project(root)
            figures += bench_size("real", root, work, args.runs, True, args.runs)
            public = work / "public-real-0"
            extra["roadmap_page_bytes"] = size_of(public / "learn" / "roadmap" / "index.html")
            extra["site_bytes"] = size_of(public)
            extra["generated_bytes"] = size_of(work / "gen-real-0")

    print("| step | N topics | wall s | CPU s | peak MB | note |")
    print("|---|---:|---:|---:|---:|---|")
    for f in figures:
        print(f"| {f.what} | {f.n} | {f.wall:.3f} | {f.cpu:.3f} | {f.peak_mb:.0f} | {f.note} |")
    walls = {(f.what, f.n): f.wall for f in figures}
    print("\n| N topics | validate + generate, wall s | × previous N |")
    print("|---:|---:|---:|")
    previous: float | None = None
    for size in dict.fromkeys(f.n for f in figures):
        total = walls[("validate", size)] + walls[("generate", size)]
        ratio = f"{total / previous:.2f}" if previous and isinstance(size, int) else ""
        print(f"| {size} | {total:.3f} | {ratio} |")
        previous = total if isinstance(size, int) else previous
    for key, value in extra.items():
        print(f"\n{key}: {value:,} ({value / 1024:.0f} KiB)")
    if args.json:
        data = {"machine": machine(), "figures": [asdict(f) for f in figures], **extra}
        args.json.write_text(json.dumps(data, indent=2) + "\n")


if __name__ == "__main__":
    main()
