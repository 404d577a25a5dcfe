"""roadmap/bootstrap.yml, recomputed."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
from scipy import special

DATA = np.array([2.0, 4.0, 4.0, 5.0, 10.0])
SMALL = np.array([1.0, 3.0, 8.0])


def _exact_bootstrap_se_of_mean(x: np.ndarray) -> float:
    """Enumerate every ordered resample (n**n of them) and take the spread of their means."""
    means = [np.mean(sample) for sample in itertools.product(x, repeat=len(x))]
    return float(np.std(means))


def _simulated_se_of_mean(x: np.ndarray, resamples: int, seed: int = 0) -> float:
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(resamples, len(x)))].mean(axis=1)
    return float(means.std(ddof=1))


def _left_out(n: int) -> float:
    return float((1 - 1 / n) ** n)


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_exact_bootstrap_se_of_mean(SMALL), float(np.std(SMALL, ddof=1) / np.sqrt(len(SMALL)))],
    3: lambda: [_left_out(10), 1 - _left_out(10)],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("7.2", lambda: float(np.var(DATA))),
    ("1.2", lambda: _exact_bootstrap_se_of_mean(DATA)),
    ("1.199", lambda: _simulated_se_of_mean(DATA, 200_000)),
    ("1.342", lambda: float(np.std(DATA, ddof=1) / np.sqrt(len(DATA)))),
    ("126", lambda: float(special.comb(9, 5, exact=True))),
    ("0.632", lambda: float(1 - np.exp(-1))),
    ("0.328", lambda: _left_out(5)),
    ("0.368", lambda: float(np.exp(-1))),
]
