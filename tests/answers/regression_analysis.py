"""roadmap/regression-analysis.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats

X = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
Y = np.array([2.0, 4.0, 5.0, 4.0, 5.0])


def _adjusted(r2: float, n: int, p: int) -> float:
    return 1 - (1 - r2) * (n - 1) / (n - p - 1)


def _fit() -> list[float]:
    design = np.column_stack([np.ones_like(X), X])
    beta = np.linalg.lstsq(design, Y, rcond=None)[0]
    return [float(beta[1]), float(beta[0])]


def _r2() -> float:
    return float(stats.linregress(X, Y).rvalue ** 2)


def _t_test() -> list[float]:
    fit = stats.linregress(X, Y)
    t_star = float(stats.t.ppf(0.975, len(X) - 2))
    se = float(fit.stderr)
    return [se, float(fit.slope) / se, float(fit.slope) - t_star * se, float(fit.slope) + t_star * se]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _fit,
    2: lambda: [_r2(), _adjusted(_r2(), 5, 1), _adjusted(0.65, 5, 2)],
    4: _t_test,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.441", lambda: _adjusted(0.50, 20, 2)),
    ("0.418", lambda: _adjusted(0.51, 20, 3)),
]
