"""Pure work spread over the machine's cores, for big inputs only.

`map_on_cores(fn, items)` is `[fn(x) for x in items]`. When there are enough items, more
than one core and a safe way to fork (Linux, one thread), the items are shared in chunks
with forked children, each process drawing the next chunk when it is free: children
inherit the parent's memory (the roadmap, `fn` itself), so only the results travel back,
pickled through a temporary file. The chunks of a child that fails are redone in the
parent, so a real error is raised where it can be read. The result never depends on which
way it ran.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import IO, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    # fork() copies only the calling thread: with other threads alive, a lock one of them
    # held stays locked in the child forever. macOS and Windows do not fork Python safely.
    return sys.platform.startswith("linux") and threading.active_count() == 1


def map_on_cores(fn: Callable[[T], R], items: Sequence[T], *, min_items: int, workers: int | None = None) -> list[R]:
    """`[fn(x) for x in items]`, on up to `workers` (default: every) cores when there are at
    least `min_items` items. `fn` must not depend on state it changes (each process has its
    own copy) and its results must pickle."""
    count = min(workers or cores(), len(items))
    if len(items) < min_items or count < 2 or not can_fork():
        return [fn(item) for item in items]
    # The items go out in chunks, drawn one at a time from a queue (a pipe of chunk numbers)
    # by whichever process is free: with fixed shares, one core sat idle for up to a second
    # at the end of a big site while the other finished the costlier share. Chunks are small
    # enough that the last one ends soon after the others, and each process starts on a
    # chunk of its own, so every process takes part.
    size = max(1, min(_CHUNK, len(items) // (count * _CHUNK)), -(-len(items) // _MAX_CHUNKS))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    count = min(count, len(chunks))  # a process per chunk at most (a machine of over 1,024 cores)
    # The collector is left as the caller set it: pausing it while the cores work saved
    # nothing measurable at 1,000 or 2,000 topics (bench/variants.py, 2026-12-07).
    queue, feed = os.pipe()
    children: list[tuple[int, IO[bytes]]] = []  # (pid, its results file); pid 0 once reaped
    try:
        # Written whole before anyone reads, so every read finds whole numbers (or nothing).
        os.write(feed, b"".join(k.to_bytes(4, "little") for k in range(count, len(chunks))))
        os.close(feed)
        feed = -1
        for first in range(1, count):
            file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in `finally` with the child
            children.append((_fork(fn, chunks, first, queue, file), file))
        done = dict(_work(fn, chunks, 0, queue))
        for k, (pid, file) in enumerate(children):
            _, status = os.waitpid(pid, 0)
            children[k] = (0, file)
            if os.waitstatus_to_exitcode(status) == 0:
                file.seek(0)
                done.update(pickle.load(file))
        for k, chunk in enumerate(chunks):
            if k not in done:  # a child failed: its chunks are done here, where an error can be read
                done[k] = [fn(item) for item in chunk]
    finally:
        for pid, file in children:
            if pid:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            file.close()
        os.close(queue)
        if feed != -1:
            os.close(feed)
    return [result for k in range(len(chunks)) for result in done[k]]


# Items per chunk at most (64 topic pages of a big site take about 0.1 s), and chunks at
# most: their numbers are written before anyone reads, so they must fit in the pipe's
# buffer, which Linux shrinks to one 4 KiB page for a user holding many pipes.
_CHUNK = 64
_MAX_CHUNKS = 1024


def _work(fn: Callable[[T], R], chunks: Sequence[Sequence[T]], first: int, queue: int) -> list[tuple[int, list[R]]]:
    """Chunk `first`, then every chunk this process draws from `queue`, with their results."""
    done = [(first, [fn(item) for item in chunks[first]])]
    while number := os.read(queue, 4):
        k = int.from_bytes(number, "little")
        done.append((k, [fn(item) for item in chunks[k]]))
    return done


def _fork(fn: Callable[[T], R], chunks: Sequence[Sequence[T]], first: int, queue: int, out: IO[bytes]) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        pickle.dump(_work(fn, chunks, first, queue), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
        code = 0
    finally:
        # A forked child must leave with os._exit, whatever happened: returning (or raising
        # SystemExit) would carry on as a copy of the parent, running its code after this
        # call, its atexit handlers and flushing the stdio buffers it copied, so the
        # parent's pending output would be printed twice.
        os._exit(code)
