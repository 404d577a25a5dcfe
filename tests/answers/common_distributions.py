"""roadmap/common-distributions.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats


def _two_sided(dist: stats.rv_continuous | stats.rv_discrete, x: float) -> float:
    return float(2 * dist.sf(x))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(stats.binom(10, 0.9).pmf(9)), float(stats.binom(10, 0.9).mean()), float(stats.binom(10, 0.9).var())],
    2: lambda: float(stats.norm(170, 10).sf(185)),
    3: lambda: [
        float(stats.binom(1000, 0.002).pmf(0)),
        float(stats.poisson(2).pmf(0)),
        float(stats.expon(scale=100).sf(150) / stats.expon(scale=100).sf(50)),
    ],
    5: lambda: [
        float(stats.beta(3, 7).mean()),
        float(stats.dirichlet([2, 3, 5]).mean()[2]),
        float(stats.gamma(4, scale=1 / 2).mean()),
    ],
    6: lambda: [_two_sided(stats.t(nu), 2) for nu in (3, 10, 30)] + [_two_sided(stats.norm(), 2)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.040", lambda: _two_sided(stats.t(4), 3)),
    ("0.0027", lambda: _two_sided(stats.norm(), 3)),
    ("0.050", lambda: float(np.exp(-3))),
    ("0.224", lambda: float(stats.poisson(3).pmf(3))),
    ("68", lambda: 100 * float(1 - _two_sided(stats.norm(), 1))),
    ("99.7", lambda: 100 * float(1 - _two_sided(stats.norm(), 3))),
]
