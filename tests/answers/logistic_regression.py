"""roadmap/logistic-regression.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def expit(z: float | np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-np.asarray(z, dtype=float))))


def logit(p: float) -> float:
    return float(np.log(p / (1 - p)))


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return np.asarray(e / e.sum())


def _one_example() -> list[float]:
    x = np.array([1.0, 2.0])
    p = float(expit(np.array([0.0, 0.5]) @ x))
    grad = (p - 0.0) * x
    return [float(-np.log(1 - p)), float(grad[0]), float(grad[1])]


def _newton_step() -> float:
    x = np.array([1.0, -1.0])
    y = np.array([1.0, 0.0])
    p = expit(0.0 * x)
    grad = np.sum((p - y) * x)
    hess = np.sum(p * (1 - p) * x**2)
    return float(0.0 - grad / hess)


def _softmax_example() -> list[float]:
    p = softmax(np.array([2.0, 1.0, 0.0]))
    return [float(p[0]), float(-np.log(p[0]))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(expit(-3 + 0.8 * 5)), float(np.exp(0.8))],
    2: _one_example,
    3: _newton_step,
    4: _softmax_example,
    5: lambda: float(logit(0.8)),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.731", lambda: float(expit(2 * 1 - 1))),
    ("0.313", lambda: float(-np.log(expit(1.0)))),
    ("-0.269", lambda: float(expit(1.0) - 1)),
]
