"""httpx and httpcore, imported once, without a cost that buys this checker nothing.

Import them from here (`from ._http import httpcore, httpx`), not directly, so this
setting is in place before the first import.
"""

from __future__ import annotations

import importlib
import sys

# httpcore imports `sniffio` on every lock to learn which event loop runs, and anyio 4.5+
# no longer installs it; a failed import is retried each time (about 0.7 ms per request).
# A None entry makes the failure instant and changes nothing else: we only run on asyncio.
if "sniffio" not in sys.modules:
    try:
        importlib.import_module("sniffio")
    except ImportError:
        sys.modules["sniffio"] = None  # type: ignore[assignment]

# httpx's package also imports its command-line tool (click and pygments, then a failed
# import of `rich`): 15-20 ms of a 0.1 s import, measured on 2026-12-07, against a
# `check-links` run that waits seconds for politeness. Not worth patching httpx's imports.

import httpcore
import httpx

__all__ = ["httpcore", "httpx"]
