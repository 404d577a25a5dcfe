"""A one-line progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ._verdicts import Verdict


class Progress:
    """Counts finished URLs; redraws at most ten times a second; `close()` erases the line."""

    def __init__(self, total: int, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = (self.stream.isatty() if enabled is None else enabled) and total > 0
        self.total = total
        self.done = 0
        self.broken = 0
        self._drawn = 0.0

    def advance(self, verdict: Verdict) -> None:
        self.done += 1
        self.broken += verdict is Verdict.BROKEN
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn >= 0.1 or self.done == self.total:
            self._drawn = now
            self._draw()

    def _draw(self) -> None:
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        broken = f", {self.broken} broken" if self.broken else ""
        self.stream.write(f"\rchecking links [{bar}] {self.done}/{self.total}{broken}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
