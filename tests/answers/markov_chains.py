"""roadmap/markov-chains.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

SERVER = np.array([[0.8, 0.2], [0.6, 0.4]])
WEATHER = np.array([[0.9, 0.1], [0.5, 0.5]])


def _stationary(p: np.ndarray) -> list[float]:
    vals, vecs = np.linalg.eig(p.T)
    v = vecs[:, np.argmin(np.abs(vals - 1))].real
    return [float(x) for x in v / v.sum()]


def _second_eigenvalue(p: np.ndarray) -> float:
    return float(sorted(np.abs(np.linalg.eigvals(p)))[-2])


def _two_steps() -> list[float]:
    p2 = np.linalg.matrix_power(SERVER, 2)
    pi2 = np.array([0.5, 0.5]) @ p2
    return [float(p2[1, 0]), float(pi2[0]), float(pi2[1])]


def _flows() -> list[float]:
    pi = _stationary(SERVER)
    return [pi[0] * float(SERVER[0, 1]), pi[1] * float(SERVER[1, 0])]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _stationary(SERVER),
    2: _two_steps,
    3: lambda: _second_eigenvalue(SERVER) ** 3,
    4: _flows,
    5: lambda: _stationary(WEATHER),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.86", lambda: float(np.linalg.matrix_power(WEATHER, 2)[0, 0])),
    ("0.14", lambda: float(np.linalg.matrix_power(WEATHER, 2)[0, 1])),
    ("0.7", lambda: float(np.linalg.matrix_power(WEATHER, 2)[1, 0])),
    ("0.3", lambda: float(np.linalg.matrix_power(WEATHER, 2)[1, 1])),
    ("0.4", lambda: _second_eigenvalue(WEATHER)),
]
