"""roadmap/normalizing-flows.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _log_phi(z: float) -> float:
    return float(-0.5 * np.log(2 * np.pi) - 0.5 * z * z)


def _linear_flow() -> float:
    a = np.array([[2.0, 1.0], [0.0, 3.0]])
    z = np.linalg.solve(a, np.array([3.0, 3.0]))
    return _log_phi(float(z[0])) + _log_phi(float(z[1])) - float(np.log(abs(np.linalg.det(a))))


def _composition_logdet() -> float:
    def flow(z: float) -> float:
        u = 2 * z
        return u + u**3 / 3

    eps = 1e-6
    return float(np.log((flow(1 + eps) - flow(1 - eps)) / (2 * eps)))


def _coupling_forward() -> list[float]:
    x1, x2 = 2.0, 1.0
    s, t = x1 - 1, 2 * x1
    return [float(x2 * np.exp(s) + t), s]


def _coupling_loglik() -> float:
    y1, y2 = 2.0, 5.0
    s, t = y1 - 1, 2 * y1
    x2 = (y2 - t) * np.exp(-s)
    return _log_phi(y1) + _log_phi(float(x2)) - s


def _example_loglik() -> float:
    z2 = float(np.exp(-0.5))
    return _log_phi(1.0) + _log_phi(z2) - 0.5


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: float(np.exp(_log_phi(1.0)) / np.e),
    2: _linear_flow,
    3: _composition_logdet,
    4: _coupling_forward,
    5: _coupling_loglik,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.2420", lambda: float(np.exp(_log_phi(1.0)))),
    ("0.1210", lambda: float(np.exp(-((3 - 1) ** 2) / (2 * 4)) / np.sqrt(2 * np.pi * 4))),
    ("4.2974", lambda: float(2 * np.exp(0.5) + 1)),
    ("0.6065", lambda: float(np.exp(-0.5))),
    ("-3.022", _example_loglik),
]
