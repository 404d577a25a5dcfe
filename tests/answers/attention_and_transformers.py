"""roadmap/attention-and-transformers.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray


def _softmax(scores: list[float]) -> NDArray[np.float64]:
    s = np.asarray(scores, dtype=float)
    e = np.exp(s - s.max())
    weights: NDArray[np.float64] = e / e.sum()
    return weights


def _attend(q: list[float], keys: list[list[float]], values: list[list[float]]) -> NDArray[np.float64]:
    k = np.asarray(keys, dtype=float)
    weights = _softmax(list(k @ np.asarray(q, dtype=float) / np.sqrt(k.shape[1])))
    out: NDArray[np.float64] = weights @ np.asarray(values, dtype=float)
    return out


_KEYS = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]


def _example_weights(n: int) -> NDArray[np.float64]:
    k = np.asarray(_KEYS[:n])
    return _softmax(list(k @ np.array([1.0, 0.0]) / np.sqrt(2)))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: float(_attend([1, 1], [[1, 1], [1, -1]], [[10], [20]])[0]),
    2: lambda: float(np.sqrt(64 * 1.0 * 1.0)),
    4: lambda: float(4 * 512**2 + 2 * 512 * (4 * 512)),
    5: lambda: float(_softmax([0.5, 1.5]) @ np.array([1.0, 3.0])),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.707", lambda: float(1 / np.sqrt(2))),
    ("0.401", lambda: float(_example_weights(3)[0])),
    ("0.198", lambda: float(_example_weights(3)[1])),
    ("0.802", lambda: float(_attend([1, 0], _KEYS, _KEYS)[0])),
    ("0.599", lambda: float(_attend([1, 0], _KEYS, _KEYS)[1])),
    ("0.670", lambda: float(_example_weights(2)[0])),
    ("0.330", lambda: float(_example_weights(2)[1])),
]
