"""What a long command is doing, as one line on stderr that each step rewrites and the end erases.

Only on a terminal, and only for big work: a knowledge base of thousands of records takes
seconds to load and to turn into pages, and a silent terminal looks stuck. Small runs,
pipes, logs and CI see nothing of it.
"""

from __future__ import annotations

import sys

from generator import sizes

_shown = False


def show(text: str, *, size: int) -> None:
    """Show "roadmap: `text`..." in place of the previous status line, when `size` (the
    number of files or pages the step handles) is at least `sizes.STATUS_LINE_FROM` and stderr is a terminal."""
    global _shown
    if size < sizes.STATUS_LINE_FROM or not sys.stderr.isatty():
        return
    sys.stderr.write(f"\rroadmap: {text}...\x1b[K")
    sys.stderr.flush()
    _shown = True


def clear() -> None:
    """Erase the status line, if one is shown, so that what is printed next starts clean."""
    global _shown
    if _shown:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
        _shown = False
