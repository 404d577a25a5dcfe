"""roadmap/naive-bayes-and-gda.yml, recomputed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _normal_pdf(x: float, mean: float, var: float) -> float:
    return float(np.exp(-((x - mean) ** 2) / (2 * var)) / np.sqrt(2 * np.pi * var))


def _posterior(scores: list[float]) -> float:
    return scores[0] / sum(scores)


def _smoothed_nb(counts: list[list[int]], priors: list[float], message: list[int]) -> float:
    """Posterior of the first class; message lists word indices."""
    scores = []
    for c, prior in zip(counts, priors, strict=True):
        probs = (np.asarray(c, dtype=float) + 1) / (sum(c) + len(c))
        scores.append(prior * float(np.prod(probs[message])))
    return _posterior(scores)


def _qda_boundary() -> float:
    grid = np.linspace(0.0, 3.0, 3_000_001)
    log_ratio = (-0.5 * np.log(4.0) - grid**2 / 8) - (-(grid**2) / 2)
    return float(grid[np.argmax(log_ratio > 0)])


def _lda() -> list[float]:
    mu0, mu1, var, pi1 = 1.0, 3.0, 2.0, 0.25
    w = (mu1 - mu0) / var
    b = -(mu1**2 - mu0**2) / (2 * var) + np.log(pi1 / (1 - pi1))
    # Check against Bayes' theorem with the Gaussian densities directly.
    direct = pi1 * _normal_pdf(3.0, mu1, var) / (pi1 * _normal_pdf(3.0, mu1, var) + (1 - pi1) * _normal_pdf(3.0, mu0, var))
    return [w, float(b), direct]


EXERCISES: dict[int, Callable[[], float | list[float]]] = {
    1: lambda: _posterior([0.3 * _normal_pdf(2, 3, 1), 0.7 * _normal_pdf(2, 0, 1)]),
    2: lambda: _smoothed_nb([[4, 3, 1], [0, 1, 5]], [0.5, 0.5], [0, 2]),
    4: _qda_boundary,
    5: _lda,
}

EXAMPLES: list[tuple[str, Callable[[], float]]] = [
    ("0.075", lambda: 0.4 * (3 + 1) / (5 + 3) * (2 + 1) / (5 + 3)),
    ("0.01875", lambda: 0.6 * (0 + 1) / (5 + 3) * (1 + 1) / (5 + 3)),
    ("0.09375", lambda: 0.4 * 4 / 8 * 3 / 8 + 0.6 * 1 / 8 * 2 / 8),
    ("0.8", lambda: _smoothed_nb([[3, 2, 0], [0, 1, 4]], [0.4, 0.6], [0, 1])),
    ("0.731", lambda: _posterior([_normal_pdf(1.5, 2, 1), _normal_pdf(1.5, 0, 1)])),
]
