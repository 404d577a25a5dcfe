"""roadmap/subgradients-and-proximal-methods.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.optimize import minimize_scalar


def _soft(v: np.ndarray, threshold: float) -> np.ndarray:
    result: np.ndarray = np.sign(v) * np.maximum(np.abs(v) - threshold, 0.0)
    return result


def _hinge_gradient() -> list[float]:
    x, y, w = np.array([2.0, 1.0]), 1.0, np.zeros(2)
    active = 1 - y * float(w @ x) > 0
    return [float(g) for g in (-y * x if active else np.zeros(2))]


def _minimisers() -> list[float]:
    f = minimize_scalar(lambda z: abs(z - 1) + abs(z - 2) + abs(z - 6), bounds=(-10, 10), method="bounded")
    g = minimize_scalar(lambda z: 0.5 * (z - 3) ** 2 + 2 * abs(z), bounds=(-10, 10), method="bounded")
    return [float(f.x), float(g.x)]


def _subgradient_method() -> list[float]:
    x, iterates = 1.0, []
    for _ in range(5):
        x -= 0.3 * float(np.sign(x))
        iterates.append(x)
    return iterates


def _ista(a: np.ndarray, b: np.ndarray, lam: float, x: np.ndarray) -> np.ndarray:
    step = 1 / float(np.linalg.eigvalsh(a.T @ a).max())
    return _soft(x - step * a.T @ (a @ x - b), step * lam)


_A = np.array([[1.0, 1.0], [1.0, -1.0]])
_B = np.array([3.0, 1.0])
_EXAMPLE_A = np.diag([2.0, 1.0])
_EXAMPLE_B = np.array([4.0, 0.5])

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _hinge_gradient,
    2: _minimisers,
    3: _subgradient_method,
    4: lambda: [float(v) for v in _soft(np.array([1.5, -0.3, 0.8, -2.5]), 0.5)],
    5: lambda: [float(v) for lam in (1.0, 3.0) for v in _ista(_A, _B, lam, np.zeros(2))],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.25", lambda: 1 / float(np.linalg.eigvalsh(_EXAMPLE_A.T @ _EXAMPLE_A).max())),
    ("-8", lambda: float((_EXAMPLE_A.T @ (-_EXAMPLE_B))[0])),
    ("0.125", lambda: float((0.25 * _EXAMPLE_A.T @ _EXAMPLE_B)[1])),
    ("1.75", lambda: float(_ista(_EXAMPLE_A, _EXAMPLE_B, 1.0, np.zeros(2))[0])),
]
