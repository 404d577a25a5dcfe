"""roadmap/hidden-markov-models.yml, recomputed."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

PI = np.array([0.6, 0.4])
A = np.array([[0.7, 0.3], [0.4, 0.6]])
B = np.array([[0.9, 0.1], [0.2, 0.8]])  # columns: umbrella, no umbrella


def _joint(states: tuple[int, ...], obs: list[int]) -> float:
    p = PI[states[0]] * B[states[0], obs[0]]
    for t in range(1, len(obs)):
        p *= A[states[t - 1], states[t]] * B[states[t], obs[t]]
    return float(p)


def _alphas(obs: list[int]) -> list[np.ndarray]:
    """The forward variables, by brute force over every path ending in each state."""
    out = []
    for t in range(1, len(obs) + 1):
        alpha = np.zeros(2)
        for path in itertools.product(range(2), repeat=t):
            alpha[path[-1]] += _joint(path, obs[:t])
        out.append(alpha)
    return out


def _best_path_probability(obs: list[int]) -> float:
    return max(_joint(path, obs) for path in itertools.product(range(2), repeat=len(obs)))


OBS2 = [0, 1]
OBS3 = [0, 0, 1]

EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _joint((0, 1), OBS2),
    2: lambda: [float(_alphas(OBS2)[-1].sum()), float(_alphas(OBS2)[-1][0] / _alphas(OBS2)[-1].sum())],
    3: lambda: _best_path_probability(OBS2),
    5: lambda: float(np.log(_alphas(OBS3)[-1].sum())),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.54", lambda: float(_alphas(OBS3)[0][0])),
    ("0.08", lambda: float(_alphas(OBS3)[0][1])),
    ("0.369", lambda: float(_alphas(OBS3)[1][0])),
    ("0.042", lambda: float(_alphas(OBS3)[1][1])),
    ("0.02751", lambda: float(_alphas(OBS3)[2][0])),
    ("0.10872", lambda: float(_alphas(OBS3)[2][1])),
    ("0.13623", lambda: float(_alphas(OBS3)[2].sum())),
    ("0.20", lambda: float(_alphas(OBS3)[2][0] / _alphas(OBS3)[2].sum())),
    ("0.08165", lambda: _best_path_probability(OBS3)),
]
