"""roadmap/stochastic-gradient-descent.yml, recomputed."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np


def _minibatches() -> list[float]:
    gradients = [1.0, 3.0, 5.0, 11.0]
    averages = [float(np.mean(pair)) for pair in itertools.combinations(gradients, 2)]
    return [float(np.mean(averages)), float(np.var(gradients)), float(np.var(averages))]


def _stationary_variance(lr: float, steps: int = 200_000) -> float:
    # Iterate the variance recursion of theta <- (1 - lr) theta - lr xi until it settles.
    variance = 0.0
    for _ in range(steps):
        variance = (1 - lr) ** 2 * variance + lr**2
    return variance


def _schedules() -> list[float]:
    lr0, t = 0.1, 80
    step = lr0 / 10 ** sum(t >= milestone for milestone in (50, 75))
    return [step, lr0 * 0.95**t, 0.5 * lr0 * (1 + float(np.cos(np.pi * t / 100)))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _minibatches,
    2: lambda: [_stationary_variance(0.1), _stationary_variance(0.01)],
    3: _schedules,
}

# The description states no computed numbers (its "a tenth" for a batch of 100 is in words).
EXAMPLES: list[tuple[str, Callable[[], float]]] = []
