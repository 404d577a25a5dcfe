"""roadmap/entropy.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import stats

JOINT = np.array([[0.4, 0.1], [0.1, 0.4]])


def _h(p: Sequence[float] | np.ndarray, base: float = 2) -> float:
    return float(stats.entropy(np.ravel(p), base=base))


def _gain(parent: list[int], children: list[list[int]]) -> float:
    total = sum(parent)
    weighted = [sum(c) / total * _h(c) for c in children]
    return _h(parent) - float(np.sum(weighted))


def _mutual_information() -> float:
    px = JOINT.sum(axis=1, keepdims=True)
    py = JOINT.sum(axis=0, keepdims=True)
    return float(np.sum(JOINT * np.log2(JOINT / (px * py))))


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: [_h([0.5, 0.25, 0.125, 0.125]), _h([0.5, 0.25, 0.125, 0.125], np.e)],
    3: lambda: [_h(JOINT), _h(JOINT) - _h(JOINT.sum(axis=1)), _mutual_information()],
    4: lambda: [_gain([4, 4], [[3, 1], [1, 3]]), _gain([4, 4], [[4, 2], [0, 2]])],
    5: _mutual_information,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.137", lambda: float(-0.9 * np.log2(0.9))),
    ("0.332", lambda: float(-0.1 * np.log2(0.1))),
    ("0.469", lambda: _h([0.9, 0.1])),
]
