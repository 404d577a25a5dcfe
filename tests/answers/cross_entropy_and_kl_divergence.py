"""roadmap/cross-entropy-and-kl-divergence.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import optimize, stats


def _cross_entropy(p: list[float], q: list[float], base: float = np.e) -> float:
    pa, qa = np.array(p), np.array(q)
    return float(-(pa * np.log(qa)).sum() / np.log(base))


def _kl(p: list[float], q: list[float], base: float = np.e) -> float:
    return float(stats.entropy(p, q, base=base))


def _best_theta() -> float:
    return float(optimize.minimize_scalar(lambda t: _cross_entropy([0.7, 0.3], [t, 1 - t]), bounds=(1e-6, 1 - 1e-6), method="bounded").x)


P1, Q1 = [0.5, 0.25, 0.25], [0.25, 0.5, 0.25]

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(stats.entropy(P1, base=2)), _cross_entropy(P1, Q1, 2), _kl(P1, Q1, 2)],
    2: lambda: [_best_theta(), _cross_entropy([0.7, 0.3], [_best_theta(), 1 - _best_theta()])],
    3: lambda: [_cross_entropy([0, 1, 0], [0.6, 0.3, 0.1]), _cross_entropy([0, 1], [0.8, 0.2])],
    5: lambda: [_kl([0.5, 0.25, 0.25], [0.7, 0.2, 0.1], 2), _kl([0.7, 0.2, 0.1], [0.5, 0.25, 0.25], 2)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.36", lambda: _cross_entropy([1.0], [0.7])),
    ("2.30", lambda: _cross_entropy([1.0], [0.1])),
    ("0.511", lambda: _kl([0.5, 0.5], [0.9, 0.1])),
    ("0.368", lambda: _kl([0.9, 0.1], [0.5, 0.5])),
]
