"""The link checker: polite, fast, and honest about what it cannot know.

    results = asyncio.run(check_targets([Target(url)], Config()))
    print(render(results, "text"))

`roadmap check-links` (see `cli`) wraps this for the knowledge base. Each URL gets one
verdict (`ok`, `redirected`, `broken`, `indeterminate`, `skipped`) with a reason; only
`broken` fails a run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # `X as X`: re-exported, for type checkers.
    from ._cache import Cache as Cache, CacheError as CacheError, Promotion as Promotion
    from ._config import DEFAULT_USER_AGENT as DEFAULT_USER_AGENT, Config as Config, parse_accept as parse_accept
    from ._guard import AddressRefused as AddressRefused, NameNotResolved as NameNotResolved, Resolver as Resolver
    from ._report import FORMATS as FORMATS, render as render, summary as summary
    from ._run import check_targets as check_targets
    from ._verdicts import (
        Outcome as Outcome,
        Reason as Reason,
        Result as Result,
        Target as Target,
        Verdict as Verdict,
        reason_text as reason_text,
    )

# Loaded on first use: `roadmap validate` imports this package's CLI module, and should
# not pay for httpx.
_EXPORTS = {
    "Cache": "_cache",
    "CacheError": "_cache",
    "Promotion": "_cache",
    "DEFAULT_USER_AGENT": "_config",
    "Config": "_config",
    "parse_accept": "_config",
    "AddressRefused": "_guard",
    "NameNotResolved": "_guard",
    "Resolver": "_guard",
    "FORMATS": "_report",
    "render": "_report",
    "summary": "_report",
    "check_targets": "_run",
    "Outcome": "_verdicts",
    "Reason": "_verdicts",
    "Result": "_verdicts",
    "Target": "_verdicts",
    "Verdict": "_verdicts",
    "reason_text": "_verdicts",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
