"""roadmap/recurrent-neural-networks.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _unroll() -> list[float]:
    h = 0.0
    states = []
    for x in (1.0, 0.0, -1.0):
        h = float(np.tanh(0.5 * h + 1.0 * x))
        states.append(h)
    return states


def _linear_rnn_last(w: float) -> float:
    h = 0.0
    for x in (1.0, 2.0, 3.0):
        h = w * h + x
    return h


def _bptt() -> float:
    eps = 1e-6
    return (_linear_rnn_last(0.5 + eps) - _linear_rnn_last(0.5 - eps)) / (2 * eps)


def _gradient_factors() -> list[float]:
    angle = 0.7
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    shrink = np.linalg.norm(np.linalg.matrix_power(0.9 * rotation, 30) @ np.array([1.0, 0.0]))
    grow = np.linalg.matrix_power(np.diag([1.1, 0.5]), 30)[0, 0]
    return [float(shrink), float(grow)]


def _lstm_step() -> list[float]:
    c = 0.9 * 2.0 + 0.5 * -1.0
    return [c, float(0.8 * np.tanh(c))]


def _clip() -> list[float]:
    g = np.array([3.0, 4.0])
    g = g * min(1.0, 1.0 / float(np.linalg.norm(g)))
    return [float(v) for v in g]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _unroll,
    2: _bptt,
    3: _gradient_factors,
    4: _lstm_step,
    5: _clip,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.005", lambda: 0.9**50),
    ("117", lambda: 1.1**50),
]
