"""roadmap/t-sne.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _neighbour_probabilities() -> list[float]:
    d2 = np.array([1.0, 2.0, 4.0])
    w = np.exp(-d2 / (2 * 1.0))
    return [float(v) for v in w / w.sum()]


def _perplexity(p: list[float]) -> float:
    q = np.asarray(p)
    return float(2 ** -(q @ np.log2(q)))


def _kl_terms() -> list[float]:
    return [float(p * np.log(p / q)) for p, q in ((0.2, 0.01), (0.01, 0.2))]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: _neighbour_probabilities,
    2: lambda: _perplexity([0.5, 0.25, 0.25]),
    3: _kl_terms,
    5: lambda: float(np.sum([6.0, 2.0]) / 10.0),
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = []
