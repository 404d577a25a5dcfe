"""roadmap/concentration-inequalities.yml, recomputed."""

from __future__ import annotations

import math
from collections.abc import Callable

from scipy import optimize, stats


def _hoeffding_n(eps: float, delta: float) -> float:
    """The n at which the Hoeffding bound 2 exp(-2 n eps^2) equals delta, found by root finding."""
    return float(optimize.brentq(lambda n: 2 * math.exp(-2 * n * eps**2) - delta, 1.0, 1e7))


def _chebyshev(variance: float, n: int, t: float) -> float:
    return variance / n / t**2


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [200 / 1000, 100**2 / 800**2],
    2: lambda: [2 * math.exp(-2 * 1000 * 0.05**2), _chebyshev(0.25, 1000, 0.05)],
    3: lambda: float(stats.binom(1000, 0.5).cdf(450) + stats.binom(1000, 0.5).sf(549)),
    4: lambda: [math.ceil(_hoeffding_n(0.01, 0.01)), math.ceil(_hoeffding_n(0.01, 0.0001))],
    5: lambda: math.ceil(_hoeffding_n(0.05, 0.05 / 100)),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.2", lambda: 2 / 10),
    ("737.8", lambda: _hoeffding_n(0.05, 0.05)),
    ("738", lambda: math.ceil(_hoeffding_n(0.05, 0.05))),
    ("2000", lambda: 1 / (4 * 0.05**2 * 0.05)),
    ("3.69", lambda: math.log(2 / 0.05)),
    ("6.68", lambda: math.log(2 / (0.05 / 20))),
    ("1337", lambda: math.ceil(_hoeffding_n(0.05, 0.05 / 20))),
]
