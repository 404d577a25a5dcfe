"""roadmap/monte-carlo-methods.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import integrate, special, stats


def _u_squared() -> list[float]:
    mean = integrate.quad(lambda u: u**2, 0, 1)[0]
    sd = float(np.sqrt(integrate.quad(lambda u: u**4, 0, 1)[0] - mean**2))
    return [mean, sd, sd / np.sqrt(100)]


def _ball_in_cube(d: int) -> float:
    return float(np.pi ** (d / 2) / special.gamma(d / 2 + 1) / 2**d)


def _quarter_circle_se() -> float:
    p = np.pi / 4
    return float(np.sqrt(p * (1 - p) / 10_000))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _u_squared,
    2: lambda: (0.3 / 0.001) ** 2,
    3: lambda: [float(stats.expon(scale=1 / 2).ppf(0.5)), float(np.sqrt(0.25))],
    4: lambda: [2.0, 0.5, _ball_in_cube(2), _ball_in_cube(10)],
    5: lambda: float(stats.norm.sf(4)),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.785", lambda: np.pi / 4),
    ("0.215", lambda: 1 - np.pi / 4),
    ("0.0041", _quarter_circle_se),
    ("0.016", lambda: 4 * _quarter_circle_se()),
]
