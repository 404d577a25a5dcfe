"""roadmap/adaptive-learning-rates.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _adagrad_steps(gradients: list[float], lr: float) -> list[float]:
    s, steps = 0.0, []
    for g in gradients:
        s += g**2
        steps.append(lr * abs(g) / float(np.sqrt(s)))
    return steps


def _rmsprop_steps(gradients: list[float], rho: float, s: float = 0.0) -> tuple[list[float], list[float]]:
    states, steps = [], []
    for g in gradients:
        s = rho * s + (1 - rho) * g**2
        states.append(s)
        steps.append(abs(g) / float(np.sqrt(s)))
    return states, steps


def _decay() -> list[float]:
    ada = _adagrad_steps([1.0] * 10_000, 1.0)
    return [ada[99], ada[9_999], _rmsprop_steps([1.0] * 100, 0.9)[1][99]]


def _jump() -> list[float]:
    states, steps = _rmsprop_steps([10.0] * 10, 0.9, s=1.0)
    return [states[0], steps[0], states[9], steps[9]]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _adagrad_steps([3.0, 4.0], 0.1),
    2: _decay,
    3: _jump,
    5: lambda: _adagrad_steps([1.0] * 1000, 1.0)[-1],
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("10", lambda: 1 / (1 - 0.9)),
    ("10,000", lambda: 100 / 0.01),
]
