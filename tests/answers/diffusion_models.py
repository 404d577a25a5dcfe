"""roadmap/diffusion-models.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

_LINEAR = np.cumprod(1 - np.linspace(1e-4, 0.02, 1000))


def _forward() -> list[float]:
    abar = float(np.prod(1 - np.array([0.1, 0.1, 0.2])))
    return [abar, float(np.sqrt(abar) * 2 + np.sqrt(1 - abar) * 0.5)]


def _score() -> float:
    x = sp.Symbol("x")
    abar = sp.Rational(36, 100)
    log_q = -((x - sp.sqrt(abar) * 1) ** 2) / (2 * (1 - abar))
    return float(sp.diff(log_q, x).subs(x, sp.Rational(14, 10)))


def _ddpm_step() -> float:
    beta, abar, eps, z = 0.02, 0.5, 0.7, 0.5
    return float((1 - beta / np.sqrt(1 - abar) * eps) / np.sqrt(1 - beta) + np.sqrt(beta) * z)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _forward,
    2: lambda: float(np.sum((np.array([0.5, -1.0]) - np.array([0.3, -0.6])) ** 2)),
    3: _score,
    4: _ddpm_step,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.897", lambda: float(_LINEAR[99])),
    ("0.079", lambda: float(_LINEAR[499])),
    ("4.0", lambda: float(_LINEAR[999] * 1e5)),
    ("1.9", lambda: float(np.sqrt(0.64) * 2 + np.sqrt(0.36) * 0.5)),
    ("-0.833", lambda: float(-0.5 / np.sqrt(1 - 0.64))),
]
