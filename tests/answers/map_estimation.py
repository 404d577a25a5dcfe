"""roadmap/map-estimation.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import optimize


def _map_beta(k: int, n: int, a: float, b: float) -> float:
    """The mode of the Beta posterior, found numerically."""

    def neg_log_post(p: float) -> float:
        return float(-((k + a - 1) * np.log(p) + (n - k + b - 1) * np.log(1 - p)))

    res = optimize.minimize_scalar(neg_log_post, bounds=(1e-9, 1 - 1e-9), method="bounded", options={"xatol": 1e-10})
    return float(res.x)


def _ridge_1d(lam: float) -> float:
    x = np.array([1.0, 2.0, 3.0])
    y = np.array([2.0, 3.0, 7.0])
    return float(np.linalg.solve(np.array([[x @ x + lam]]), np.array([x @ y]))[0])


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [7 / 10, _map_beta(7, 10, 3, 3)],
    2: lambda: [1 / 0.5, _ridge_1d(1 / 0.5), _ridge_1d(0.0)],
    3: lambda: _map_beta(700, 1000, 2, 2),
    5: lambda: _map_beta(3, 3, 2, 2),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.8", lambda: _map_beta(3, 3, 2, 2)),
]
