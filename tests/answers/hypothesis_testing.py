"""roadmap/hypothesis-testing.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats

CLICKS = np.array([[30, 170], [50, 150]])
P_VALUES = np.array([0.001, 0.008, 0.012, 0.041, 0.30])


def _chi2() -> list[float]:
    result = stats.chi2_contingency(CLICKS, correction=False)
    return [float(result[0]), float(result[1])]


def _interval(n: int, mean: float, sd: float) -> list[float]:
    t = stats.t(n - 1).ppf(0.975)
    half = t * sd / np.sqrt(n)
    return [mean - half, mean + half]


def _power(n: int, shift: float = 0.5) -> float:
    z = stats.norm.ppf(0.975)
    centre = shift * np.sqrt(n)
    return float(stats.norm.sf(z - centre) + stats.norm.cdf(-z - centre))


def _rejections(adjusted: np.ndarray, level: float = 0.05) -> float:
    """How many adjusted p-values (Bonferroni: times m; BH: scipy's adjustment) are at most the level."""
    return float(np.count_nonzero(adjusted <= level))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    2: _chi2,
    3: lambda: _interval(16, 10.5, 2.0),
    4: lambda: [_power(25), _power(50)],
    5: lambda: [_rejections(P_VALUES * len(P_VALUES)), _rejections(stats.false_discovery_control(P_VALUES))],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("1.0", lambda: (52 - 50) / (10 / np.sqrt(25))),
    ("0.33", lambda: float(2 * stats.t(24).sf(1.0))),
    ("2.064", lambda: float(stats.t(24).ppf(0.975))),
    ("47.9", lambda: _interval(25, 52.0, 10.0)[0]),
    ("56.1", lambda: _interval(25, 52.0, 10.0)[1]),
    ("0.64", lambda: 1 - 0.95**20),
]
