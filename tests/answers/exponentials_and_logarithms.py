"""roadmap/exponentials-and-logarithms.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.special import expit, logit, softmax


def _floats(v: np.ndarray) -> list[float]:
    return [float(e) for e in v]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: float(np.log2(10.0)),
    3: lambda: float(500 * np.log(0.2)),
    4: lambda: [float(expit(-1.0)), float(logit(0.9))],
    5: lambda: _floats(softmax(np.array([800.0, 799.0, 797.0]))),
}

_SCORES = np.array([1000.0, 1001.0, 1002.0])

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("2.71828", lambda: float(np.e)),
    ("2.7169", lambda: float((1 + 1 / 1000) ** 1000)),
    ("0.6931", lambda: float(np.log(2.0))),
    ("-921.03", lambda: float(200 * np.log(0.01))),
    ("0.5", lambda: float(expit(0.0))),
    ("0.8808", lambda: float(expit(2.0))),
    ("0.1192", lambda: float(1 - expit(2.0))),
    ("0.0900", lambda: float(softmax(_SCORES)[0])),
    ("0.2447", lambda: float(softmax(_SCORES)[1])),
    ("0.6652", lambda: float(softmax(_SCORES)[2])),
]
