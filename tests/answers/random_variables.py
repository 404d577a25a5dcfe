"""roadmap/random-variables.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import integrate

JOINT = np.array([[0.5, 0.1], [0.1, 0.3]])  # rows: X, columns: Y
DICE = np.add.outer(np.arange(1, 7), np.arange(1, 7))


def _cubic() -> list[float]:
    def f(x: float) -> float:
        return 3 * x**2

    return [integrate.quad(f, 0.5, 1)[0], integrate.quad(f, 0.2, 0.5)[0]]


def _umbrella() -> list[float]:
    px1 = float(JOINT[1].sum())
    py1 = float(JOINT[:, 1].sum())
    return [px1, float(JOINT[1, 1]) / py1, px1 * py1]


def _dice() -> list[float]:
    return [float(np.mean(DICE == 7)), float(np.mean(DICE <= 4))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _cubic,
    2: lambda: [1 / 0.25, integrate.quad(lambda x: 1 / 0.25, 0.1, 0.15)[0]],
    3: _umbrella,
    4: lambda: integrate.dblquad(lambda y, x: x + y, 0, 0.5, 0, 1)[0],
    5: _dice,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("6", lambda: float(np.sum(DICE == 7))),
]
