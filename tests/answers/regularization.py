"""roadmap/regularization.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _ridge() -> list[float]:
    x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    w = np.linalg.solve(x.T @ x + np.eye(2), x.T @ y)
    return [float(v) for v in w]


_GRID = np.linspace(-10.0, 10.0, 2_000_001)


def _argmin(f: Callable[[np.ndarray], np.ndarray]) -> float:
    """Minimiser of a one-dimensional objective on a fine grid (step 1e-5)."""
    return float(_GRID[np.argmin(f(_GRID))])


def _lasso_zero_threshold(a: float) -> float:
    """Smallest lambda for which (w - a)^2 + lambda |w| is minimised at w = 0, by bisection."""
    lo, hi = 0.0, 100.0
    for _ in range(60):
        mid = (lo + hi) / 2

        def objective(w: np.ndarray, lam: float = mid) -> np.ndarray:
            return np.asarray((w - a) ** 2 + lam * np.abs(w))

        if abs(_argmin(objective)) < 1e-9:
            hi = mid
        else:
            lo = mid
    return hi


def _lasso_orthonormal() -> list[float]:
    return [_argmin(lambda w: (w - 3.0) ** 2 + 2 * np.abs(w)), _argmin(lambda w: (w - 0.5) ** 2 + 2 * np.abs(w))]


def _decay() -> list[float]:
    eta, lam = 0.1, 0.5
    w = 1.0
    for _ in range(10):
        w -= eta * (2 * lam * w)
    return [1 - 2 * eta * lam, w]


def _map_lambdas() -> list[float]:
    sigma2, tau2, b = 1.0, 0.25, 1.0
    # Scale the negative log-posterior so the data term is the plain sum of squares.
    return [2 * sigma2 * 1 / (2 * tau2), 2 * sigma2 * 1 / b]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _ridge,
    2: _lasso_orthonormal,
    3: _decay,
    5: _map_lambdas,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1.5", lambda: _argmin(lambda w: (w - 3) ** 2 + 1 * w**2)),
    ("2.5", lambda: _argmin(lambda w: (w - 3) ** 2 + 1 * np.abs(w))),
    ("6", lambda: _lasso_zero_threshold(3.0)),
]
