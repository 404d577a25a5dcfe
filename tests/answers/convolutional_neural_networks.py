"""roadmap/convolutional-neural-networks.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.signal import correlate2d

_I = np.array([[1, 2, 0, 1], [0, 1, 3, 1], [2, 1, 0, 0], [1, 0, 1, 2]])
_K = np.array([[1, 0, -1]] * 3)


def _out(n: int, k: int, p: int, s: int) -> int:
    return (n + 2 * p - k) // s + 1


def _conv_params(k: int, c_in: int, c_out: int) -> int:
    return k * k * c_in * c_out + c_out


def _receptive_field(layers: list[tuple[int, int]]) -> int:
    r, j = 1, 1
    for k, s in layers:
        r, j = r + (k - 1) * j, j * s
    return r


def _stack() -> list[float]:
    side = _out(_out(_out(32, 3, 1, 1), 2, 0, 2), 3, 0, 1)
    return [float(_conv_params(3, 3, 16) + _conv_params(3, 16, 32)), float(side)]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [float(v) for v in correlate2d(_I, _K, mode="valid").ravel()],
    2: _stack,
    3: lambda: float((28 * 28) ** 2),
    4: lambda: float(_receptive_field([(3, 1), (2, 2), (3, 1), (3, 1)])),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("73,856", lambda: float(_conv_params(3, 64, 128))),
    ("-2", lambda: float(np.correlate([1, 2, 3, 4], [1, 0, -1], mode="valid")[0])),
    ("16", lambda: float(_out(32, 5, 2, 2))),
    ("5", lambda: float(_receptive_field([(3, 1), (3, 1)]))),
    ("7", lambda: float(_receptive_field([(3, 1), (3, 1), (3, 1)]))),
]
