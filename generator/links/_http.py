"""httpx and httpcore, imported once, without two costs that buy this checker nothing.

Import them from here (`from ._http import httpcore, httpx`), not directly, so these
settings are in place before the first import.
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

# httpx's package imports its command-line tool, which imports click and pygments (about
# 20 ms of start-up) and then fails for want of `rich` unless httpx[cli] is installed. We
# never run that tool; a None entry sends httpx down its own path for the missing extra.
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

import httpcore  # noqa: E402
import httpx  # noqa: E402

__all__ = ["httpcore", "httpx"]
