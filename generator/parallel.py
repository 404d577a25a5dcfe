"""Pure work spread over the machine's cores, for big inputs only.

`map_on_cores(fn, items)` is `[fn(x) for x in items]`. When there are enough items, more
than one core and a safe way to fork (Linux, one thread), the items are dealt out to
forked children: they inherit the parent's memory (the roadmap, `fn` itself), so only the
results travel back, pickled through a temporary file. A child that fails has its share
redone in the parent, so a real error is raised where it can be read. The result never
depends on which way it ran.
"""

from __future__ import annotations

import gc
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
    # Dealt out in turn, so each share has a similar mix of cheap and costly items.
    shares = [items[k::count] for k in range(count)]
    children: list[tuple[int, IO[bytes]]] = []  # (pid, its results file); pid 0 once reaped
    # Everything alive now is input the work only reads (a big roadmap: millions of objects).
    # Frozen, no collection here or in a child walks it again; in a child, such a walk would
    # also copy every memory page it touches. And no collection at all while the work runs:
    # it makes next to no reference cycles (a few hundred objects for 25,000 pages), and the
    # collections that found them cost 3% of the time.
    was_enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        for share in shares[1:]:
            file: IO[bytes] = tempfile.TemporaryFile()
            children.append((_fork(fn, share, file), file))
        results = [[fn(item) for item in shares[0]]]
        for k, (pid, file) in enumerate(children, 1):
            _, status = os.waitpid(pid, 0)
            children[k - 1] = (0, file)
            if os.waitstatus_to_exitcode(status) == 0:
                file.seek(0)
                results.append(pickle.load(file))
            else:
                results.append([fn(item) for item in shares[k]])
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        for pid, file in children:
            if pid:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            file.close()
    merged: list[R] = [None] * len(items)  # type: ignore[list-item]
    for k, result in enumerate(results):
        merged[k::count] = result
    return merged


def _fork(fn: Callable[[T], R], share: Sequence[T], out: IO[bytes]) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        pickle.dump([fn(item) for item in share], out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
        code = 0
    finally:
        # Straight out: no atexit handlers, no flushing of the parent's copied stdio buffers.
        os._exit(code)
